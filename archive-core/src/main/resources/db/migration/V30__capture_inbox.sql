-- Captures accepted with "Prefer: respond-async": durable here (bytes and all) before the client is answered 202,
-- placed later with the bulk path, a group a source, and deleted in the transaction that stores them. A capture the
-- placement refuses keeps its row with the problem, for its address to answer. claimed_until leases a row to the
-- node placing it; a node that stops leaves the lease to run out and another takes the row.
create table capture_inbox (
    id            uuid        primary key,
    source        text        not null,
    url           text,
    captured_at   text,
    content_type  text        not null,
    content       bytea       not null,
    origin        jsonb       not null,
    received_at   timestamptz not null,
    claimed_until timestamptz,
    problem_kind  text,
    problem       text
);
create index capture_inbox_waiting on capture_inbox (received_at, id) where problem_kind is null;

-- An accepted capture that turned out to repeat a stored one: the id it was promised, and the capture it is.
create table capture_alias (
    id         uuid primary key,
    capture_id uuid not null
);
