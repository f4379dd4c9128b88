-- Whether an article was born with a template line (its first capture holds it) or gained it later. A body line is
-- learned from the articles born with it; one gained later counts only as a site-wide insertion (see Template), so an
-- edit that several articles each receive is never chrome. Rows written before this were counted for every article
-- holding the line, as if born with it: that is how they were learned, and a re-derivation of the source
-- (POST /api/admin/sources/{source}/rederive) tells them apart.

alter table template_line add column born_with boolean not null default true;
alter table template_line_count add column born_with integer not null default 0;
update template_line_count set born_with = articles;

create or replace function template_lines_added() returns trigger language plpgsql as $$
begin
    insert into template_line_count (source, zone, line_hash, articles, born_with)
    select source, zone, line_hash, count(*), count(*) filter (where born_with) from added
    group by source, zone, line_hash
    on conflict (source, line_hash, zone) do update set articles = template_line_count.articles + excluded.articles,
        born_with = template_line_count.born_with + excluded.born_with;
    return null;
end
$$;

create or replace function template_lines_removed() returns trigger language plpgsql as $$
begin
    update template_line_count c set articles = c.articles - r.n, born_with = c.born_with - r.b
    from (select source, zone, line_hash, count(*) as n, count(*) filter (where born_with) as b from removed
          group by source, zone, line_hash) r
    where c.source = r.source and c.line_hash = r.line_hash and c.zone = r.zone;
    return null;
end
$$;
