-- The lines of every template a source has had, by digest (a capture's provenance names the template it was read
-- with by its digest). Placement compares a capture's template with the current one: an article holding none of the
-- lines between them reads the same under both, so a capture can be appended to it without re-assembling it.
create table source_template (
    source     text        not null references source (key),
    digest     text        not null,
    template   jsonb       not null,
    primary key (source, digest)
);

insert into source_template (source, digest, template)
select key, template_digest, template from source where template_digest is not null and template is not null;
