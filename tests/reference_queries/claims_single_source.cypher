MATCH (x)-[r:{{relations}}]->(y)
WHERE r.sources = 1
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
MATCH (art:Article {id: st.article_id})
RETURN st.predicate AS relation, x.name AS subject, st.detail AS detail, y.name AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT toInteger($limit)
