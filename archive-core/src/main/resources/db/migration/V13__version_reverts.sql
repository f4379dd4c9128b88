-- When an article went back to a version it had shown before (A -> B -> A), each return: when, and how it differs
-- from the version it went back from ([{"at": ..., "change": {...}}], oldest first); null when it never did.
-- Written whenever an article is placed, so POST /api/admin/sources/{source}/rederive fills it for older archives.
alter table version add column reverts jsonb;
