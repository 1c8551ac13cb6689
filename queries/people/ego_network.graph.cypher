// Drawing of ego_network.cypher for the Neo4j Browser: the actor, the actors and
// events one hop out, and with $depth 2 or 3 the rings beyond (at most $limit paths).
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH ring1 = (a)-[:{{relations}}]-(b1)
OPTIONAL MATCH ring2 = (b1)-[:{{relations}}]-(b2)
WHERE toInteger($depth) >= 2 AND b2 <> a
OPTIONAL MATCH ring3 = (b2)-[:{{relations}}]-(b3)
WHERE toInteger($depth) >= 3 AND b3 <> a AND b3 <> b1
RETURN ring1, ring2, ring3
LIMIT toInteger($limit)
