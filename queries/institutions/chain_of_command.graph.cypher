// Drawing of chain_of_command.cypher for the Neo4j Browser: the chains of
// subordination through the actor, up and down four levels, and everyone's posts.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
OPTIONAL MATCH up = (a)-[:SUBORDINATE_OF*1..4]->(:Actor)
WITH a, collect(DISTINCT up) AS ups
OPTIONAL MATCH down = (:Actor)-[:SUBORDINATE_OF*1..4]->(a)
WITH a, ups, collect(DISTINCT down) AS downs
WITH a, ups + downs AS chains
UNWIND CASE WHEN size(chains) = 0 THEN [null] ELSE chains END AS chain
UNWIND CASE WHEN chain IS NULL THEN [a] ELSE nodes(chain) END AS member
OPTIONAL MATCH post = (member)-[:HOLDS_POSITION]->(:Actor)
RETURN a, chain, post
