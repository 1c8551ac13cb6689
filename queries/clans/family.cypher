// A family's members and their posts
// The relatives of one person (kinship read from the relative's side, as the articles
// state it) and every post each of them holds or held, with dates and status.
// @param actor actor example "Nazarbayev"  the family's head: any spelling or id
// @seeds Nazarbayev's nephew Samat Abish (deputy chairman of the KNB) and his
//   son-in-law Timur Kulibayev.
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (m:Actor)-[k:RELATIVE_OF]->(head)
OPTIONAL MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
RETURN m.name AS member, k.relation + ' of ' + head.name AS tie,
       coalesce(p.title, '') AS post, coalesce(org.name, '') AS body,
       coalesce(p.start_date, '') AS since, coalesce(p.end_date, '') AS until,
       coalesce(p.status, '') AS status, k.sources AS sources
ORDER BY member, tie, body, post, since, until, status
UNION ALL
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (head)-[k:RELATIVE_OF]->(m:Actor)
OPTIONAL MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
RETURN m.name AS member, head.name + ' is ' + k.relation + ' of ' + m.name AS tie,
       coalesce(p.title, '') AS post, coalesce(org.name, '') AS body,
       coalesce(p.start_date, '') AS since, coalesce(p.end_date, '') AS until,
       coalesce(p.status, '') AS status, k.sources AS sources
ORDER BY member, tie, body, post, since, until, status
