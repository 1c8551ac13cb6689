// Drawing of family.cypher for the Neo4j Browser: the head, each relative with the
// kinship term on the tie, and the bodies where the relatives hold or held posts.
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH kin = (head)-[:RELATIVE_OF]-(m:Actor)
OPTIONAL MATCH post = (m)-[:HOLDS_POSITION]->(:Actor)
RETURN kin, post
