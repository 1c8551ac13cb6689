// Search actors by any spelling
// Actors whose name or any alias contains the text, case-insensitively, or whose
// spelling key contains its key (graph/names.py: Toqaev, Tokayev and Токаев meet,
// $spelling carries the folding as data), with how often the articles cite them.
// @param name string example "Nazarb"  part of a name, in any script (empty: every actor)
// @seeds Nazarbayev and the Nazarbayev Foundation.
WITH toLower($name) AS part, $spelling AS sp
WITH part, sp, reduce(s = '', c IN split(part, '') |
       s + coalesce(head([p IN sp.chars WHERE p[0] = c | p[1]]),
                    CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END)) AS folded
WITH part, sp, reduce(s = ' ', w IN split(folded, ' ') |
       CASE WHEN w = '' THEN s ELSE s + w + ' ' END) AS padded
WITH part, trim(reduce(s = padded, r IN sp.rules | replace(s, r[0], r[1]))) AS wanted
MATCH (a:Actor)
WHERE part = '' OR toLower(a.name) CONTAINS part
   OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS part)
   OR (wanted <> '' AND any(k IN a.name_keys WHERE k CONTAINS wanted))
RETURN a.name AS name, a.type AS type, coalesce(a.kind, '') AS kind, a.aliases AS aliases,
       COUNT { MATCH (a)<-[:SUBJECT|OBJECT|SPEAKER]-(:Statement) } AS statements,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited,
       a.id AS id
ORDER BY name, id
