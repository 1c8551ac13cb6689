// Coverage by outlet
// For each publisher: how many articles, over which dates, how many statements and
// relations they contribute, and how many distinct actors they name.
MATCH (art:Article)
OPTIONAL MATCH (art)-[:STATES]->(st:Statement)
OPTIONAL MATCH (st)-[:SUBJECT]->(x:Actor)
WITH art.publisher AS outlet, count(DISTINCT art) AS articles,
     min(art.published) AS first_published, max(art.published) AS last_published,
     count(DISTINCT st) AS statements,
     count(DISTINCT CASE WHEN st.predicate = 'mentions' THEN NULL ELSE st.id END) AS relations,
     count(DISTINCT x) AS actors
RETURN outlet, articles, first_published, last_published, statements, relations, actors
ORDER BY articles DESC, outlet
