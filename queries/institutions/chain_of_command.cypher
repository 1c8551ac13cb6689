// Chain of command around an actor
// Superiors above and subordinates below one actor, following "deputy of", "chief
// security official of" and other subordinate relations up to four levels, with the
// posts each of them holds or held.
// @param actor actor example "Sadykulov"  any spelling or id
// @sets posts
// @seeds Sadykulov answers to Massimov, who answers to Nazarbayev.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH chain = (a)-[:SUBORDINATE_OF*1..4]->(boss:Actor)
WITH boss, min(length(chain)) AS levels
OPTIONAL MATCH (boss)-[p:HOLDS_POSITION]->(org:Actor)
RETURN 'superior' AS direction, levels, boss.name AS name,
       collect(DISTINCT CASE WHEN p IS NULL THEN NULL ELSE p.title + ', ' + org.name END) AS posts
ORDER BY levels, name
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH chain = (sub:Actor)-[:SUBORDINATE_OF*1..4]->(a)
WITH sub, min(length(chain)) AS levels
OPTIONAL MATCH (sub)-[p:HOLDS_POSITION]->(org:Actor)
RETURN 'subordinate' AS direction, levels, sub.name AS name,
       collect(DISTINCT CASE WHEN p IS NULL THEN NULL ELSE p.title + ', ' + org.name END) AS posts
ORDER BY levels, name
