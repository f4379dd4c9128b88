-- The latest report of each background job (fixity audit, blob migration) is kept here, not in the memory of the node
-- that ran it, so that every node answers it and only one node runs a job at a time. A running report that has not
-- been updated for a while (its node died) no longer holds the job.
create table background_report (
    job        text primary key,
    report     jsonb       not null,
    running    boolean     not null,
    updated_at timestamptz not null default now()
);
