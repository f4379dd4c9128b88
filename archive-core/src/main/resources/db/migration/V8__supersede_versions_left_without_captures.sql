-- Repairs the versions that incremental re-assembly left live with no capture before 2026-12-03: when a capture grew
-- a source's template, the articles holding the learned line were re-assembled, and a version an article no longer
-- had was not pointed at a successor, so it stayed on the article's timeline, in search and in exports (found by the
-- scale harness: 1,429 such versions at 1M captures). Each now points at the live version of its article with the
-- same number, or else at the article's latest; the indexer is told, and its LSH bands go, as for any superseded
-- version.
with orphan as (
    select v.id,
           (select s.id from version s
             where s.article_id = v.article_id and s.superseded_by is null and s.id <> v.id
               and exists (select 1 from capture c where c.version_id = s.id)
             order by s.version_number = v.version_number desc, s.version_number desc
             limit 1) as successor
    from version v
    where v.superseded_by is null and not exists (select 1 from capture c where c.version_id = v.id)
), repaired as (
    update version v set superseded_by = o.successor, updated_at = now()
    from orphan o where v.id = o.id and o.successor is not null
    returning v.id
), bands as (
    delete from lsh_band where version_id in (select id from repaired)
)
insert into outbox (aggregate_id, event) select id, 'version-superseded' from repaired;
