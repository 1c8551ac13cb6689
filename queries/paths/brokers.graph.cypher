// Drawing of brokers.cypher for the Neo4j Browser: the same brokers with every
// tie they hold, so the groups each one bridges show around it.
MATCH (b:Actor)
WHERE b.neighbours > 0
WITH b, b.neighbours AS neighbours
ORDER BY neighbours DESC, b.id
LIMIT 50
WITH b, neighbours * (neighbours - 1) / 2 - b.closed_pairs AS open_pairs
WHERE open_pairs > 0
WITH b, open_pairs ORDER BY open_pairs DESC, b.name
LIMIT toInteger($limit)
MATCH tie = (b)-[:{{actor_relations}}]-(:Actor)
RETURN tie
