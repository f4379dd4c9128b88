-- Import jobs say how far they have read (bytes), how often they skipped junk between records (resynced), how many
-- records ended for each reason, and where their spooled upload lies (removed on every path, also after a restart).
alter table import_job add column bytes_read  bigint  not null default 0;
alter table import_job add column bytes_total bigint  not null default 0;
alter table import_job add column resynced    integer not null default 0;
alter table import_job add column reasons     jsonb   not null default '{}';
alter table import_job add column spool_file  text;
-- Failures were {record, detail}; they are now {offset, recordId, type, uri, reason}.
update import_job set failures = coalesce((select jsonb_agg(jsonb_build_object('offset', null, 'recordId',
    f->>'record', 'type', null, 'uri', null, 'reason', f->>'detail')) from jsonb_array_elements(failures) f), '[]');
create index import_job_newest on import_job (created_at desc);
-- A revisit's original in an earlier import is found by its record id, its URL and time, or its payload digest.
create index capture_warc_record on capture ((origin -> 'warc' ->> 'recordId'));
create index capture_warc_payload on capture ((origin -> 'warc' ->> 'payloadSha1'));
create index capture_url_time on capture (url, captured_at);
