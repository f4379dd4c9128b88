-- Raw bytes move out of PostgreSQL into a blob store (palimpsest.blobs.store, the file system by default). A capture
-- row no longer needs a blob row: the store writes (and forces to disk) the bytes before the capture row commits, and
-- POST /api/admin/fixity checks that every capture's bytes are there. The blob table stays for the database store and
-- for blobs not yet moved out (POST /api/admin/blobs/migration).
alter table capture drop constraint if exists capture_raw_sha256_fkey;
