// Embedded-engine variant of ego_network.cypher (same header, parameters and rows):
// paths of up to 3 hops, kept within $depth. The actor is matched by id only: the
// runner resolves $actor to an id, and anchored on it the busiest actor of the
// 10,000-article bench takes 5 s instead of 16 s (and no longer fills the pool).
MATCH (a:Actor {id: $actor})
MATCH p = (a)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP|PARTICIPATED_IN|OCCURRED_IN*1..3]-(b)
WITH a, b, length(p) AS hops, $depth AS depth
WHERE hops <= depth AND b.id <> a.id
WITH b, min(hops) AS distance
RETURN distance, b.name AS name,
       CASE WHEN b.date IS NULL THEN b.type ELSE 'event' END AS kind,
       CASE WHEN b.date IS NULL THEN coalesce(b.kind, '') ELSE b.type END AS detail,
       b.id AS id
ORDER BY distance, name, id
