-- WARC imports run in the background; this row is their progress and their end state.
create table import_job (
    id          uuid primary key,
    source      text        not null,
    file_name   text,
    status      text        not null,
    seen        integer     not null default 0,
    imported    integer     not null default 0,
    skipped     integer     not null default 0,
    failed      integer     not null default 0,
    error       text,
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);
