// In-laws and kin in companies and security services
// Relatives of one person who hold or held posts in bodies of the given kinds (by
// default security services, the military and companies). Narrow the kinship with
// `kinship`, e.g. "in-law" for sons- and daughters-in-law.
// @param actor actor example "Nazarbayev"  the family's head: any spelling or id
// @param kinds strings default ["security_service", "military", "company"]  kinds of body (organization_kinds in graph/schema.yaml)
// @param kinship string default ""  part of the kinship term ("in-law", "nephew"); empty for any
// @seeds Samat Abish, Nazarbayev's nephew, in the KNB.
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted, $kinds AS kinds, toLower($kinship) AS kin
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (m:Actor)-[k:RELATIVE_OF]->(head)
WHERE kin = '' OR toLower(k.relation) CONTAINS kin
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
WHERE org.kind IN kinds
RETURN m.name AS member, k.relation + ' of ' + head.name AS tie, p.title AS post,
       org.name AS body, org.kind AS kind, coalesce(p.start_date, '') AS since,
       coalesce(p.end_date, '') AS until, coalesce(p.status, '') AS status,
       p.sources AS sources
ORDER BY member, tie, body, post, kind, since, until, status
UNION ALL
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted, $kinds AS kinds, toLower($kinship) AS kin
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (head)-[k:RELATIVE_OF]->(m:Actor)
WHERE kin = '' OR toLower(k.relation) CONTAINS kin
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
WHERE org.kind IN kinds
RETURN m.name AS member, head.name + ' is ' + k.relation + ' of ' + m.name AS tie,
       p.title AS post, org.name AS body, org.kind AS kind,
       coalesce(p.start_date, '') AS since, coalesce(p.end_date, '') AS until,
       coalesce(p.status, '') AS status, p.sources AS sources
ORDER BY member, tie, body, post, kind, since, until, status
