-- Which records of a WARC import failed and why (the first 100; the failed count has them all).
alter table import_job add column failures jsonb not null default '[]';
