-- Palimpsest system of record. Raw bytes are content-addressed and never modified; everything derived from
-- them (articles, versions, provenance) can be recomputed from captures + blobs.

create table blob (
    sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size        bigint      not null,
    compression text        not null,
    data        bytea       not null,
    stored_at   timestamptz not null default now()
);

create table source (
    key              text primary key,
    template_version integer     not null default 0,
    template_digest  text,
    template         jsonb       not null default '{}'::jsonb,
    updated_at       timestamptz not null default now()
);

create table capture (
    id                 uuid primary key,
    source             text        not null references source (key),
    url                text,
    canonical_url      text,
    url_key            text,
    captured_at        timestamptz not null,
    captured_at_origin text        not null,
    ingested_at        timestamptz not null,
    raw_sha256         text    not null references blob (sha256),
    raw_size           bigint      not null,
    content_type       text        not null,
    origin             jsonb       not null,
    extracted          jsonb       not null,
    article_id         uuid,
    version_id         uuid,
    derivation         jsonb
);
-- Idempotency is the database's job: the same bytes, url and capture time are one capture, and so are
-- repeats of the same bytes and url that gave no capture time at all.
create unique index capture_identity on capture (source, coalesce(url, ''), raw_sha256, captured_at);
create unique index capture_identity_undated on capture (source, coalesce(url, ''), raw_sha256)
    where captured_at_origin = 'INGEST';
create index capture_source_time on capture (source, captured_at);
create index capture_article on capture (article_id, captured_at);
create index capture_url_key on capture (url_key, captured_at) where url_key is not null;

create table article (
    id                uuid primary key,
    source            text        not null references source (key),
    identity_key      text        not null,
    url               text,
    canonical_url     text,
    headline          text        not null,
    first_captured_at timestamptz not null,
    last_captured_at  timestamptz not null,
    version_count     integer     not null,
    capture_count     integer     not null,
    superseded_by     uuid,
    updated_at        timestamptz not null default now()
);
create unique index article_identity on article (source, identity_key) where superseded_by is null;
create index article_source_time on article (source, last_captured_at desc);

create table version (
    id             uuid primary key,
    article_id     uuid        not null references article (id),
    content_sha256 text    not null,
    version_number integer     not null,
    headline       text        not null,
    paragraphs     jsonb       not null,
    valid_from     timestamptz not null,
    valid_to       timestamptz,
    intervals      jsonb       not null,
    capture_count  integer     not null,
    superseded_by  uuid,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create unique index version_identity on version (article_id, content_sha256) where superseded_by is null;

-- Written in the transaction that writes a version; the indexer is the only reader.
create table outbox (
    id           bigserial primary key,
    aggregate_id uuid        not null,
    event        text        not null,
    created_at   timestamptz not null default now(),
    attempts     integer     not null default 0,
    next_attempt timestamptz not null default now(),
    last_error   text,
    done_at      timestamptz
);
create index outbox_pending on outbox (next_attempt) where done_at is null;
