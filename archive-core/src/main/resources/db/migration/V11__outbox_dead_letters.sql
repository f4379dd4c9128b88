-- An event that failed palimpsest.index.max-attempts times is set aside (dead_at) instead of retried forever: it no
-- longer holds up the drain, shows in GET /api/admin/indexing with its error, and POST /api/admin/indexing/retry
-- queues it again.
alter table outbox add column dead_at timestamptz;

drop index outbox_pending;
create index outbox_pending on outbox (next_attempt) where done_at is null and dead_at is null;
