-- How many distinct articles each template line was seen in, per source and zone. Placing a capture compares its
-- lines against the template thresholds; counting template_line rows for that grew with the number of articles
-- (a ticker line is in most of them). Triggers keep the count equal to the rows on every path that writes them
-- (incremental inserts, whole-source replacement), so no code path can forget it.

create table template_line_count (
    source    text    not null,
    zone      char(1) not null,
    line_hash text    not null,
    articles  integer not null,
    primary key (source, line_hash, zone)
);

insert into template_line_count (source, zone, line_hash, articles)
select source, zone, line_hash, count(*) from template_line group by source, zone, line_hash;

create function template_line_counted() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into template_line_count (source, zone, line_hash, articles)
        values (new.source, new.zone, new.line_hash, 1)
        on conflict (source, line_hash, zone) do update set articles = template_line_count.articles + 1;
        return new;
    end if;
    update template_line_count set articles = articles - 1
    where source = old.source and line_hash = old.line_hash and zone = old.zone;
    return old;
end
$$;

create trigger template_line_counted after insert or delete on template_line
    for each row execute function template_line_counted();
