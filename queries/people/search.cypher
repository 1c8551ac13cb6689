// Search actors by any spelling
// Actors whose name or any alias contains the text, case-insensitively: Latin or
// Cyrillic (Назарбаев, Nazarbaev, Nazarbayev), with how often the articles cite them.
// @param name string example "Nazarb"  part of a name, in any script (empty: every actor)
MATCH (a:Actor)
WITH a, toLower($name) AS part
WHERE part = '' OR toLower(a.name) CONTAINS part
   OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS part)
RETURN a.name AS name, a.type AS type, coalesce(a.kind, '') AS kind, a.aliases AS aliases,
       COUNT { MATCH (a)<-[:SUBJECT|OBJECT|SPEAKER]-(:Statement) } AS statements,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited,
       a.id AS id
ORDER BY name, id
