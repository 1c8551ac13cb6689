// Embedded-engine variant of search.cypher (same header, parameters and rows):
// LadybugDB has no reduce(), split() or =~, and its lambdas cannot nest, so the key of
// $name is folded with list_reduce over the same $spelling steps and regexp_replace.
WITH toLower($name) AS part, $spelling AS sp
WITH part, list_reduce(list_concat([part],
       list_transform(sp.chars, p -> p[1] + '|' + p[2])),
       (s, p) -> replace(s, split_part(p, '|', 1), split_part(p, '|', 2))) AS folded, sp
WITH part, sp, ' ' + trim(regexp_replace(folded, '[^\\p{L}\\p{N}]+', ' ', 'g')) + ' ' AS padded
WITH part, trim(list_reduce(list_concat([padded],
       list_transform(sp.rules, r -> r[1] + '|' + r[2])),
       (s, r) -> replace(s, split_part(r, '|', 1), split_part(r, '|', 2)))) AS wanted
MATCH (a:Actor)
WHERE part = '' OR toLower(a.name) CONTAINS part
   OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS part)
   OR (wanted <> '' AND any(k IN a.name_keys WHERE k CONTAINS wanted))
RETURN a.name AS name, a.type AS type, coalesce(a.kind, '') AS kind, a.aliases AS aliases,
       COUNT { MATCH (a)<-[:SUBJECT|OBJECT|SPEAKER]-(:Statement) } AS statements,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited,
       a.id AS id
ORDER BY name, id
