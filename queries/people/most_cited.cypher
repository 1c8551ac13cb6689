// Most cited actors
// Actors ranked by how many articles cite them (then by statements), to see who the
// reporting is about.
// @param type string default "person"  person, organization or place
// @param limit int default 20  how many rows
MATCH (a:Actor)
WITH a, $type AS wanted
WHERE a.type = wanted
MATCH (a)<-[:SUBJECT|OBJECT|SPEAKER]-(st:Statement)
WITH a, count(DISTINCT st.article_id) AS articles, count(st) AS statements
RETURN a.name AS name, coalesce(a.kind, '') AS kind, articles, statements,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited
ORDER BY articles DESC, statements DESC, name, kind, first_cited, last_cited
LIMIT $limit
