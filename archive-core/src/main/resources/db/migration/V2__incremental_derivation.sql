-- What incremental derivation needs to decide, without re-reading a whole source, that a new capture agrees with
-- a full derivation: each version's MinHash signature and its LSH band keys (candidate look-up), and for each
-- template zone which articles each line was seen in (does the capture push a line over a template threshold?).

alter table version add column signature bytea;

create table lsh_band (
    source     text   not null,
    band_key   bigint not null,
    version_id uuid   not null,
    primary key (source, band_key, version_id)
);
create index lsh_band_version on lsh_band (version_id);

create table template_line (
    source     text not null,
    zone       char(1) not null,
    line_hash  text not null,
    article_id uuid not null,
    primary key (source, line_hash, zone, article_id)
);

-- The indexer reads each version's first and last capture.
create index capture_version on capture (version_id, captured_at);
