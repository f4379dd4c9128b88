-- Template-line counts kept per statement instead of per row. The row trigger of V4 updated a line's count once for
-- every row: a whole-source re-derivation deletes and re-inserts every row of the source, so a ticker line shared by
-- 10,000 articles had its count row updated 20,000 times in one transaction, each update leaving a dead version the
-- next one had to step over (found by the scale harness at 85k captures: re-derivations holding the source lock for
-- 25 s and more). Statement triggers with transition tables update each line's count once per statement.

drop trigger template_line_counted on template_line;
drop function template_line_counted();

create function template_lines_added() returns trigger language plpgsql as $$
begin
    insert into template_line_count (source, zone, line_hash, articles)
    select source, zone, line_hash, count(*) from added group by source, zone, line_hash
    on conflict (source, line_hash, zone) do update set articles = template_line_count.articles + excluded.articles;
    return null;
end
$$;

create function template_lines_removed() returns trigger language plpgsql as $$
begin
    update template_line_count c set articles = c.articles - r.n
    from (select source, zone, line_hash, count(*) as n from removed group by source, zone, line_hash) r
    where c.source = r.source and c.line_hash = r.line_hash and c.zone = r.zone;
    return null;
end
$$;

create trigger template_lines_added after insert on template_line
    referencing new table as added for each statement execute function template_lines_added();
create trigger template_lines_removed after delete on template_line
    referencing old table as removed for each statement execute function template_lines_removed();
