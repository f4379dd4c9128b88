-- How each version differs from the one before it on its article's timeline (kinds, stealth, notices, word
-- counts, the version compared with); null for an article's first version. Written whenever an article is
-- placed, so POST /api/admin/sources/{source}/rederive fills it for versions written before.
alter table version add column change jsonb;

-- GET /api/changes: live changes newest first.
create index version_changes_newest on version (valid_from desc, id) where change is not null and superseded_by is null;
