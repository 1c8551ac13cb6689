// Brokers between clusters
// Actors whose neighbours are not linked to each other: each such pair is a gap only
// the broker bridges (Burt's structural holes). Ranked by those open pairs.
// @param limit int default 20  how many rows
MATCH (x:Actor)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP]-(b:Actor)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP]-(y:Actor)
WHERE x.id < y.id
  AND NOT EXISTS { MATCH (x)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP]-(y) }
WITH DISTINCT b, x, y
WITH b, count(*) AS open_pairs
RETURN b.name AS broker, b.type AS type,
       COUNT { MATCH (b)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP]-(:Actor) } AS links,
       open_pairs
ORDER BY open_pairs DESC, broker, type, links
LIMIT $limit
