// Common neighbours of two actors
// Actors and events directly linked to both, with the relations on each side.
// @param first actor example "Abish"  any spelling or id
// @param second actor example "Massimov"  any spelling or id
// @sets first_relations, second_relations
// @seeds Abish and Massimov share the KNB and Nazarbayev.
MATCH (a:Actor)
WITH a, toLower($first) AS wanted
WHERE a.id = $first OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (b:Actor)
WITH a, b, toLower($second) AS wanted
WHERE b.id = $second OR toLower(b.name) = wanted
   OR any(alias IN b.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[ra:{{relations}}]-(c)
WHERE c.id <> b.id
UNWIND ra.statement_ids AS sa
MATCH (x:Statement {id: sa})
WITH a, b, c, collect(DISTINCT x.predicate + CASE WHEN x.detail = '' THEN '' ELSE ' (' + x.detail + ')' END) AS first_relations
MATCH (b)-[rb:{{relations}}]-(c)
WHERE c.id <> a.id
UNWIND rb.statement_ids AS sb
MATCH (y:Statement {id: sb})
WITH c, first_relations, collect(DISTINCT y.predicate + CASE WHEN y.detail = '' THEN '' ELSE ' (' + y.detail + ')' END) AS second_relations
RETURN c.name AS neighbour, CASE WHEN c.date IS NULL THEN c.type ELSE 'event' END AS kind,
       first_relations, second_relations, c.id AS id
ORDER BY neighbour, id
