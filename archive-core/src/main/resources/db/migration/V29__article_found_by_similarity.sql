-- Whether a source has a live article found by similarity (identity key 'sim:…') is asked before a capture grows the
-- template or becomes its article's new first capture. The unique index article_identity (source, identity_key) cannot
-- answer a LIKE prefix unless the database's collation is C (C.UTF-8 is not), so each question read every live
-- article key of the source: 29.6 ms a question at 1M captures, 926 questions for the last 100,000 captures, and
-- growing with the archive. This index holds only those articles (none in a source whose pages have URLs); the
-- question names the same predicate as a literal so that the planner can use it.
create index article_found_by_similarity on article (source)
    where superseded_by is null and identity_key like 'sim:%';
