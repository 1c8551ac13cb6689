MATCH (m:Actor)-[:HOLDS_POSITION]->(:Actor)
WITH DISTINCT m
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(out:Event)
WHERE pr.role IN ['target', 'subject']
  AND out.type IN ['dismissal', 'resignation', 'arrest', 'detention'] AND out.date <> ''
WITH m, collect(out.id) AS removals
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, removals, $date AS day
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
RETURN org.name AS body, p.title AS post, m.name AS holder,
       coalesce(p.start_date, '') AS since, coalesce(p.end_date, '') AS until,
       coalesce(p.status, '') AS status,
       CASE WHEN p.start_date <> '' AND p.end_date <> '' THEN 'dated'
            WHEN p.start_date <> '' THEN 'started, no end stated'
            WHEN p.end_date <> '' THEN 'ended after, no start stated'
            ELSE 'undated' END AS basis,
       removed, p.first_cited AS first_cited, p.last_cited AS last_cited,
       p.sources AS sources
ORDER BY body, post, holder
