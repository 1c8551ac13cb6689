// Embedded-engine variant of single_source.cypher (same header, parameters and rows):
// LadybugDB names a relationship's type label(r) where Neo4j says type(r).
MATCH ()-[r:{{relations}}]->()
WHERE r.sources = 1
WITH lower(label(r)) AS relation
ORDER BY relation
LIMIT $limit
WITH max(relation) AS last
MATCH (x)-[r:{{relations}}]->(y)
WHERE r.sources = 1 AND lower(label(r)) <= last
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
MATCH (art:Article {id: st.article_id})
RETURN st.predicate AS relation, x.name AS subject, st.detail AS detail, y.name AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT $limit
