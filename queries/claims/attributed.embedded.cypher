// Embedded-engine variant of attributed.cypher (same header, parameters and rows):
// one pass over the statements with the test written out. LadybugDB has no property
// index, and it joins a few selected statements to their article, subject, speaker and
// object by scanning those tables whole: reading the first page's keys first
// (Statement.attributed_order, as Neo4j does) took 1.4-5 s against this text's 1.5 s
// (2,000 generated articles, round 7).
MATCH (art:Article)-[:STATES]->(st:Statement)-[:SUBJECT]->(x)
WHERE st.predicate <> 'mentions' AND (st.speaker_id <> '' OR st.modality <> 'reported')
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN coalesce(sp.name, '') AS speaker, st.modality AS modality, x.name AS subject,
       st.predicate AS relation, st.detail AS detail, coalesce(y.name, '') AS object,
       st.quote AS quote, art.publisher AS outlet, art.published AS published
ORDER BY speaker, published, relation, subject, object, quote, detail, modality, outlet
LIMIT $limit
