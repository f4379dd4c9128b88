-- Wakes the indexers when there is something to index: every statement that adds outbox events notifies
-- 'palimpsest_outbox' (PostgreSQL delivers it at commit, once per transaction), so a version is indexed as soon as
-- it is committed instead of at the next poll. Polling stays as the safety net (retries, a lost listener).

create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('palimpsest_outbox', '');
    return null;
end
$$;

create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();
