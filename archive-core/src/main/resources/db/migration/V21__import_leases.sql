-- An import outlives the node that ran it: the node running a job holds a lease on it (node, heartbeat_at, renewed
-- every third of palimpsest.imports.lease); a running job whose lease has run out is taken over by another node (or
-- by the same one restarted), which imports the spooled file again from its start (what is archived already is
-- skipped) when it can read it, and ends the job failed when it cannot. Jobs left running before this migration are
-- taken over at once.
alter table import_job add column node text;
alter table import_job add column agent text;
alter table import_job add column takeovers integer not null default 0;
alter table import_job add column heartbeat_at timestamptz not null default now();
update import_job set heartbeat_at = created_at where status = 'running';
create index import_job_running on import_job (heartbeat_at) where status = 'running';
