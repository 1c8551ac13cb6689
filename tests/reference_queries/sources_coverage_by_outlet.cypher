MATCH (art:Article)
UNWIND coalesce(art.subject_ids, []) + [''] AS x
WITH art.publisher AS outlet, count(DISTINCT art) AS articles,
     min(art.published) AS first_published, max(art.published) AS last_published,
     sum(CASE WHEN x = '' THEN art.statement_count ELSE 0 END) AS statements,
     sum(CASE WHEN x = '' THEN art.relation_count ELSE 0 END) AS relations,
     count(DISTINCT CASE WHEN x = '' THEN NULL ELSE x END) AS actors
RETURN outlet, articles, first_published, last_published, statements, relations, actors
ORDER BY articles DESC, outlet
