-- The few fields of a capture's provenance that appending a later capture to its article reads (ArticleAppend,
-- GroupPrefetch.members), kept beside the provenance as plain columns. Read out of the jsonb, every append
-- decompressed the whole provenance of every capture of its article (4.5 ms a group at 10k captures, growing with
-- the article). Generated from the provenance, so no path that writes it can leave them behind.
alter table capture
    add column placed_digest         text    generated always as (derivation ->> 'contentSha256') stored,
    add column placed_template       text    generated always as (derivation ->> 'templateDigest') stored,
    add column placed_identity       text    generated always as (derivation -> 'identity' ->> 'decision') stored,
    add column placed_matched        text    generated always as (derivation -> 'identity' ->> 'matchedCaptureId') stored,
    add column placed_version_number integer generated always as ((derivation -> 'version' ->> 'versionNumber')::int) stored,
    add column placed_version_kind   text    generated always as (derivation -> 'version' ->> 'decision') stored;
