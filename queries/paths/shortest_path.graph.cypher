// Drawing of shortest_path.cypher for the Neo4j Browser: every shortest chain of
// relations (up to six hops, events included) between the two actors.
MATCH (a:Actor)
WITH a, toLower($from) AS wanted
WHERE a.id = $from OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (b:Actor)
WITH a, b, toLower($to) AS wanted
WHERE (b.id = $to OR toLower(b.name) = wanted
       OR any(alias IN b.aliases WHERE toLower(alias) = wanted)) AND b.id <> a.id
MATCH route = allShortestPaths((a)-[:{{relations}}*..6]-(b))
RETURN route
