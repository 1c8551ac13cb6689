// Embedded-engine variant of actor_evidence.cypher (same header, parameters and rows):
// the actor is matched by id (the runner resolves $actor to one) and the statements
// are reached from it in one chain, actor <- statement <- article. Given the actor
// through the name-matching WITH, LadybugDB 0.22 joined every statement with its
// article first (0.4 s of CPU at 2,000 articles; 0.17 s this way).
MATCH (a:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(st:Statement)<-[:STATES]-(art:Article)
WHERE st.predicate <> 'mentions'
MATCH (st)-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
RETURN x.name AS subject, st.predicate AS relation, st.detail AS detail,
       coalesce(y.name, '') AS object, st.modality AS modality,
       coalesce(sp.name, '') AS speaker, st.quote AS quote, art.publisher AS outlet,
       art.published AS published, art.url AS url
ORDER BY published, outlet, relation, subject, object, quote, detail, modality, speaker
