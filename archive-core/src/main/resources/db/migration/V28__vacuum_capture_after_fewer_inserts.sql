-- Captures are mostly inserted, and PostgreSQL answers from an index alone only for heap pages its visibility map marks
-- all-visible, which a vacuum sets. With the default insert scale factor (0.2) autovacuum visits `capture` after every
-- fifth of its size has been added: 200,000 captures at 1M, so an export or as-of look-up just after a bulk load reads
-- the heap for rows an index holds (30,895 heap fetches for one source's export at 1M; 0 after a vacuum). After every
-- 1 % (plus autovacuum's threshold of 1,000) each vacuum has little to visit: an insert-only vacuum skips the pages
-- already all-visible and, with no dead rows, the indexes.
alter table capture set (autovacuum_vacuum_insert_scale_factor = 0.01);
