-- The normaliser and template versions that read a capture, beside its row. They are part of every exported
-- capture's provenance, and reading them out of the stored derivation record meant fetching and decompressing that
-- record (kept out of line, about 5 KB) for every capture: three quarters of an export's database time (found by the
-- scale harness, whose export of one source ran at 5 MB/s at 1M captures). Generated columns, so every write of a
-- derivation keeps them true without the code writing them.
alter table capture
    add column normaliser_version text generated always as (derivation ->> 'normaliserVersion') stored,
    add column template_version integer generated always as ((derivation ->> 'templateVersion')::integer) stored;
