-- Every export's manifest, kept so a researcher can fetch and cite it by the export's id: a row is written when the
-- export starts (streaming), and holds the manifest once the stream has ended (complete) or why it did not (failed).
create table export_manifest (
    id          uuid primary key,
    format      text        not null,
    status      text        not null check (status in ('streaming', 'complete', 'failed')),
    started_at  timestamptz not null,
    finished_at timestamptz,
    manifest    json,        -- json, not jsonb: kept byte for byte as it was written
    error       text,
    check ((status = 'complete') = (manifest is not null))
);
