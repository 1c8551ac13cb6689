// Embedded-engine variant of ego_network.cypher (same header, parameters and rows):
// LadybugDB 0.22 cannot expand from a node taken out of a list, so instead of rings
// it takes the shortest path to every node within 3 hops (one breadth-first search),
// whose length is the distance, and keeps those within $depth. Walking every path up
// to 3 hops took 4-15 s from a busy actor of the 10,000-article bench; this 0.1-0.5 s.
// The actor is matched by id only: the runner resolves $actor to an id.
MATCH (a:Actor {id: $actor})
MATCH p = (a)-[:{{relations}}* SHORTEST 1..3]-(b)
WITH a, b, length(p) AS hops, $depth AS depth
WHERE hops <= depth AND b.id <> a.id
WITH b, min(hops) AS distance
RETURN distance, b.name AS name,
       CASE WHEN b.date IS NULL THEN b.type ELSE 'event' END AS kind,
       CASE WHEN b.date IS NULL THEN coalesce(b.kind, '') ELSE b.type END AS detail,
       b.id AS id
ORDER BY distance, name, id
LIMIT $limit
