// Brokers between clusters
// Actors whose neighbours are not linked to each other: each such pair is a gap only
// the broker bridges (Burt's structural holes). Ranked by those open pairs, counted for
// the 50 actors with the most distinct neighbours, so the work stays bounded on any
// graph (n neighbours hold at most n(n-1)/2 open pairs).
// @param limit int default 20  how many rows
// @seeds Nazarbayev first, then Tokayev and Massimov: each links actors that are not
//   linked to each other.
// The projection keeps each actor's neighbours and the pairs of them that are linked
// (Actor.neighbours, Actor.closed_pairs), so the ranking reads two numbers per actor.
MATCH (b:Actor)
WHERE b.neighbours > 0
WITH b, b.neighbours AS neighbours
ORDER BY neighbours DESC, b.id
LIMIT 50
WITH b, neighbours * (neighbours - 1) / 2 - b.closed_pairs AS open_pairs
WHERE open_pairs > 0
RETURN b.name AS broker, b.type AS type,
       COUNT { MATCH (b)-[:{{actor_relations}}]-(:Actor) } AS links,
       open_pairs
ORDER BY open_pairs DESC, broker, type, links
LIMIT toInteger($limit)
