// Coverage by outlet
// For each publisher: how many articles, over which dates, how many statements and
// relations they contribute, and how many distinct actors they name.
// Each article carries its counts and the actors its statements are about, written
// with its statements, so the report reads articles, not every statement. The '' added
// to each article's list gives it exactly one row that carries its counts.
// @seeds five outlets, one article each; RFE/RL's gives the most relations.
MATCH (art:Article)
UNWIND coalesce(art.subject_ids, []) + [''] AS x
WITH art.publisher AS outlet, count(DISTINCT art) AS articles,
     min(art.published) AS first_published, max(art.published) AS last_published,
     sum(CASE WHEN x = '' THEN art.statement_count ELSE 0 END) AS statements,
     sum(CASE WHEN x = '' THEN art.relation_count ELSE 0 END) AS relations,
     count(DISTINCT CASE WHEN x = '' THEN NULL ELSE x END) AS actors
RETURN outlet, articles, first_published, last_published, statements, relations, actors
ORDER BY articles DESC, outlet
