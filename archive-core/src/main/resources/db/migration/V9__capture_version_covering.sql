-- A version's captures read from the index alone. An export reads, for every version, the time, digest, id and
-- reader versions of its captures, and an as-of answer the same with the URL; a version's captures arrive over
-- weeks, so each sat on its own heap page, and at 1M captures an export of one source read about four such pages a
-- version, mostly from disk. With the columns included, they are read from one index page (once the table is
-- vacuumed, as autovacuum does).
create index capture_version_covering on capture (version_id, captured_at)
    include (raw_sha256, id, url, normaliser_version, template_version);
drop index capture_version;
alter index capture_version_covering rename to capture_version;
