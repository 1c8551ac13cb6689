// Drawing of power_map.cypher for the Neo4j Browser: the same posts on the day,
// as holder -> body, the title on each tie (same rules for what is left out, the
// first $limit in the table's order).
// the projection keeps each post's removal (HOLDS_POSITION.removed: the holder's
// earliest dated dismissal, resignation, arrest or detention the body took part in)
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, $date AS day, p.removed AS removed
WITH m, p, org, day, coalesce(removed, '') AS removed,
     CASE WHEN size(p.start_date) < size(day) THEN size(p.start_date) ELSE size(day) END AS ns,
     CASE WHEN size(p.end_date) < size(day) THEN size(p.end_date) ELSE size(day) END AS ne,
     CASE WHEN size(coalesce(removed, '')) < size(day) THEN size(coalesce(removed, '')) ELSE size(day) END AS nr
WHERE (p.start_date = '' OR left(p.start_date, ns) <= left(day, ns))
  AND (p.end_date = '' OR left(p.end_date, ne) >= left(day, ne))
  AND (removed = '' OR left(removed, nr) >= left(day, nr))
  AND NOT (p.end_date = '' AND p.status = 'former' AND p.last_cited < day)
RETURN m, p, org
ORDER BY org.name, p.title, m.name
LIMIT toInteger($limit)
