-- The large JSON values ingest writes and reads back: a capture's extraction and provenance, a version's paragraphs
-- and change, a source's template (current and past). PostgreSQL compresses a value of more than about 2 KB with pglz
-- unless told otherwise; lz4 took half the time to insert the same 20,000 captures' extraction and provenance (3.1-3.2
-- s with pglz, 1.5-1.6 s with lz4) and reads back faster, for 8 % more bytes. Only new values are written with lz4 (no
-- table is rewritten; values already stored stay readable as they are). A server built without lz4 keeps pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        alter table capture alter column extracted set compression lz4, alter column derivation set compression lz4,
            alter column origin set compression lz4;
        alter table version alter column paragraphs set compression lz4, alter column change set compression lz4,
            alter column intervals set compression lz4;
        alter table source alter column template set compression lz4;
        alter table source_template alter column template set compression lz4;
    end if;
end
$$;
