-- The CDX server: a capture's payload digest as WARC tools write it (SHA-1, base32), for captures stored from now on
-- (those stored before show none); and SURT prefixes matched by LIKE, which needs the pattern operator class.
alter table capture add column payload_sha1 text;
create index capture_url_key_prefix on capture (url_key text_pattern_ops, captured_at) where url_key is not null;
