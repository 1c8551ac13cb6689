// Embedded-engine variant of attributed.cypher (same header, parameters and rows):
// LadybugDB has no index on Statement.attributed, and anchoring on the flag made it
// join the articles and subjects afterwards, 3-4x slower than this one pass over the
// statements with the test written out (1,000 generated articles).
MATCH (art:Article)-[:STATES]->(st:Statement)-[:SUBJECT]->(x)
WHERE st.predicate <> 'mentions' AND (st.speaker_id <> '' OR st.modality <> 'reported')
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN coalesce(sp.name, '') AS speaker, st.modality AS modality, x.name AS subject,
       st.predicate AS relation, st.detail AS detail, coalesce(y.name, '') AS object,
       st.quote AS quote, art.publisher AS outlet, art.published AS published
ORDER BY speaker, published, relation, subject, object, quote, detail, modality, outlet
LIMIT $limit
