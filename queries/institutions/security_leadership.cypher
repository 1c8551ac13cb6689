// The security services' leadership before and after a date
// Everyone reported in a post in a security service (or other kinds of body), and where
// the post stands against the date: "left before", "left on or after" (held before,
// gone since), "joined after", "held, still current" (reported current after the
// date), or "held, no end stated" when the articles give no end.
// @param date date default "2022-01-05"  the turning point (ISO: 2022, 2022-01, 2022-01-05)
// @param kinds strings default ["security_service"]  kinds of body (organization_kinds in graph/schema.yaml)
// @seeds the KNB's leadership on 5 January 2022: Massimov and Abish.
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, $date AS pivot, $kinds AS kinds
WHERE org.kind IN kinds
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(ev:Event)
WHERE pr.role IN ['target', 'subject']
  AND EXISTS { MATCH (ev)<-[:PARTICIPATED_IN]-(org) }
  AND ev.type IN ['dismissal', 'resignation', 'arrest', 'detention']
  AND ev.date <> '' AND ev.date >= left(pivot, size(ev.date))
WITH m, p, org, pivot, count(ev) AS removals
WITH m, p, org, pivot, removals,
     CASE WHEN size(p.start_date) < size(pivot) THEN size(p.start_date) ELSE size(pivot) END AS ns,
     CASE WHEN size(p.end_date) < size(pivot) THEN size(p.end_date) ELSE size(pivot) END AS ne
RETURN org.name AS body, m.name AS holder, p.title AS post,
       coalesce(p.start_date, '') AS since, coalesce(p.end_date, '') AS until,
       coalesce(p.status, '') AS status,
       CASE WHEN p.end_date <> '' AND left(p.end_date, ne) < left(pivot, ne) THEN 'left before'
            WHEN p.start_date <> '' AND left(p.start_date, ns) > left(pivot, ns) THEN 'joined after'
            WHEN p.end_date <> '' OR removals > 0 THEN 'left on or after'
            WHEN p.status = 'current' AND p.last_cited > pivot THEN 'held, still current'
            ELSE 'held, no end stated' END AS standing,
       p.sources AS sources, p.last_cited AS last_cited
ORDER BY body, standing, post, holder
