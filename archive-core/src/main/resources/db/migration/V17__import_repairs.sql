-- Which records of a WARC import were read despite a fault of the file (a wrong Content-Length), and what was put right.
alter table import_job add column repairs jsonb not null default '[]';
