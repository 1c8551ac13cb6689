// Every quote behind the relations between two actors
// Each statement linking the two, either way: the verbatim quote, its character span
// in the article, who asserted it and how, and the article (outlet, date, title, link).
// @param first actor example "Abish"  any spelling or id
// @param second actor example "Nazarbayev"  any spelling or id
// @seeds the quote that calls Abish Nazarbayev's nephew.
MATCH (a:Actor)
WITH a, toLower($first) AS wanted
WHERE a.id = $first OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (b:Actor)
WITH a, b, toLower($second) AS wanted
WHERE b.id = $second OR toLower(b.name) = wanted
   OR any(alias IN b.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[r:{{actor_relations}}]-(b)
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})-[:SUBJECT]->(x:Actor)
MATCH (st)-[:OBJECT]->(y:Actor)
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
RETURN DISTINCT x.name AS subject, st.predicate AS relation, st.detail AS detail,
       y.name AS object, st.modality AS modality, coalesce(sp.name, '') AS speaker,
       st.quote AS quote, st.span_start AS span_start, st.span_end AS span_end,
       art.publisher AS outlet, art.published AS published, art.title AS title,
       art.url AS url
ORDER BY relation, subject, object, published, span_start, detail, quote, modality
