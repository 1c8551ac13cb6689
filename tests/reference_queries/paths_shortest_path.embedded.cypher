MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a.id <> b.id
MATCH p = (a)-[:{{relations}}* ALL SHORTEST 1..6]-(b)
UNWIND range(1, length(p)) AS i
WITH p, i AS hop, rels(p)[i] AS r
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN DISTINCT list_to_string(' — ', properties(nodes(p), 'name')) AS route, hop, x.name AS subject, st.predicate AS relation, st.detail AS detail,
       coalesce(y.name, '') AS object, st.modality AS modality, st.quote AS quote,
       art.publisher AS outlet, art.published AS published
ORDER BY route, hop, relation, subject, object, published, quote, detail, modality, outlet
