// Articles mentioning an actor
// Every article that names one actor, newest first, with how many times it names them
// and how many relations it states about them.
// @param actor actor example "Massimov"  any spelling or id
// @seeds the two articles that name Massimov.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (art:Article)-[:STATES]->(st:Statement)-[:SUBJECT|OBJECT|SPEAKER]->(a)
WITH art, count(DISTINCT CASE WHEN st.predicate = 'mentions' THEN st.id ELSE NULL END) AS mentions,
     count(DISTINCT CASE WHEN st.predicate = 'mentions' THEN NULL ELSE st.id END) AS statements
RETURN art.published AS published, art.publisher AS outlet, art.title AS title,
       mentions, statements, art.url AS url
ORDER BY published DESC, outlet, title, url
