-- Placement reads and replaces the template lines of the articles a batch touches (TemplateLines.held, linesOf,
-- replaceOf) by article id. The primary key leads with (source, line_hash): those statements walked every row of the
-- source (4,896 rows for 12 articles' 263 at 10,000 captures; linearly more as the archive grows). By article they
-- read only the articles' own rows.
create index template_line_article on template_line (article_id);
