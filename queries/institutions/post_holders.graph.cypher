// Drawing of post_holders.cypher for the Neo4j Browser: the body and everyone who
// held a post in it, the title on each tie.
MATCH (org:Actor)
WITH org, toLower($body) AS wanted
WHERE org.id = $body OR toLower(org.name) = wanted
   OR any(alias IN org.aliases WHERE toLower(alias) = wanted)
MATCH post = (:Actor)-[:HOLDS_POSITION]->(org)
RETURN post
