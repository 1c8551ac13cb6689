// Drawing of power_map.cypher for the Neo4j Browser: the same posts on the day,
// as holder -> body, the title on each tie (same rules for what is left out, the
// first $limit in the table's order).
MATCH (m:Actor)-[:HOLDS_POSITION]->(:Actor)
WITH DISTINCT m
// each holder's removals once (not once per post), then the body's part in each
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(out:Event)
WHERE pr.role IN ['target', 'subject']
  AND out.type IN ['dismissal', 'resignation', 'arrest', 'detention'] AND out.date <> ''
WITH m, collect(out.id) AS removals
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, removals, $date AS day
// one hop from the body, no cycle back to the holder (LadybugDB 0.22 crashes on one)
OPTIONAL MATCH (org)-[:PARTICIPATED_IN]->(ev:Event)
WHERE ev.id IN removals
WITH m, p, org, day, min(ev.date) AS removed
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
