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
