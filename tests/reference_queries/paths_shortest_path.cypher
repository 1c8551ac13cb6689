MATCH (a:Actor)
WITH a, toLower($from) AS wanted
WHERE a.id = $from OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (b:Actor)
WITH a, b, toLower($to) AS wanted
WHERE (b.id = $to OR toLower(b.name) = wanted
       OR any(alias IN b.aliases WHERE toLower(alias) = wanted)) AND b.id <> a.id
MATCH p = allShortestPaths((a)-[:{{relations}}*..6]-(b))
WITH p, reduce(s = '', n IN nodes(p) | CASE WHEN s = '' THEN n.name ELSE s + ' — ' + n.name END) AS route
UNWIND range(0, length(p) - 1) AS i
WITH route, i + 1 AS hop, relationships(p)[i] AS r
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN DISTINCT route, hop, x.name AS subject, st.predicate AS relation, st.detail AS detail,
       coalesce(y.name, '') AS object, st.modality AS modality, st.quote AS quote,
       art.publisher AS outlet, art.published AS published
ORDER BY route, hop, relation, subject, object, published, quote, detail, modality, outlet
