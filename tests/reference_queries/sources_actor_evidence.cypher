MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (art:Article)-[:STATES]->(st:Statement)-[:SUBJECT|OBJECT]->(a)
WHERE st.predicate <> 'mentions'
MATCH (st)-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
RETURN x.name AS subject, st.predicate AS relation, st.detail AS detail,
       coalesce(y.name, '') AS object, st.modality AS modality,
       coalesce(sp.name, '') AS speaker, st.quote AS quote, art.publisher AS outlet,
       art.published AS published, art.url AS url
ORDER BY published, outlet, relation, subject, object, quote, detail, modality, speaker
