// Most cited actors
// Actors ranked by how many articles cite them (then by statements), to see who the
// reporting is about. The counts are kept on each actor by the projection rebuild
// (cited_articles, cited_statements: statements naming it as subject, object or
// speaker), so the ranking reads one property per actor instead of every statement.
// @param type string default "person"  person, organization or place
// @param limit int default 20  how many rows
// @seeds Tokayev, Nazarbayev and Massimov are the people the most articles cite.
MATCH (a:Actor)
WITH a, $type AS wanted
WHERE a.type = wanted AND a.cited_statements > 0
RETURN a.name AS name, coalesce(a.kind, '') AS kind, a.cited_articles AS articles,
       a.cited_statements AS statements,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited
ORDER BY articles DESC, statements DESC, name, kind, first_cited, last_cited
LIMIT toInteger($limit)
