MATCH (b:Actor)-[:{{actor_relations}}]-(m:Actor)
WHERE m.id <> b.id
WITH b, collect(DISTINCT m.id) AS around
WITH b, around, size(around) AS neighbours
ORDER BY neighbours DESC, b.id
LIMIT 50
OPTIONAL MATCH (b)-[:{{actor_relations}}]-(x:Actor)-[:{{actor_relations}}]-(y:Actor)
WHERE x.id < y.id AND x.id <> b.id AND y.id IN around
WITH b, neighbours,
     count(DISTINCT CASE WHEN y IS NULL THEN NULL ELSE x.id + ' ' + y.id END) AS closed
WITH b, neighbours * (neighbours - 1) / 2 - closed AS open_pairs
WHERE open_pairs > 0
RETURN b.name AS broker, b.type AS type,
       COUNT { MATCH (b)-[:{{actor_relations}}]-(:Actor) } AS links,
       open_pairs
ORDER BY open_pairs DESC, broker, type, links
LIMIT toInteger($limit)
