// The power map on a date
// Posts held on a given day, as the articles date them: "dated" (start and end around
// the day), "started, no end stated", "ended after, no start stated", or "undated"
// (cited between first_cited and last_cited). Left out: posts that ended before the
// day, posts an article had already called former before it, and posts whose holder
// was dismissed, resigned or arrested from that body before it (`removed` shows such a
// removal on or after the day). A missing end date is shown, never read as "in office".
// @param date date example "2022-01-04"  the day (ISO: 2022, 2022-01 or 2022-01-05)
// @seeds the posts held on 4 January 2022: Massimov chairing the KNB, Tokayev
//   president, Nazarbayev Security Council secretary the day before Tokayev removed him.
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, $date AS day
WITH m, p, org, day,
     CASE WHEN size(p.start_date) < size(day) THEN size(p.start_date) ELSE size(day) END AS ns,
     CASE WHEN size(p.end_date) < size(day) THEN size(p.end_date) ELSE size(day) END AS ne
WHERE (p.start_date = '' OR left(p.start_date, ns) <= left(day, ns))
  AND (p.end_date = '' OR left(p.end_date, ne) >= left(day, ne))
  AND NOT (p.end_date = '' AND p.status = 'former' AND p.last_cited < day)
// the holder's dismissals, resignations and arrests in which the body also takes part,
// only for the posts the dates keep: from the holder, then into the body
CALL (m, org) {
  MATCH (m)-[pr:PARTICIPATED_IN]->(ev:Event)
  WHERE pr.role IN ['target', 'subject']
    AND ev.type IN ['dismissal', 'resignation', 'arrest', 'detention'] AND ev.date <> ''
    AND EXISTS { (org)-[:PARTICIPATED_IN]->(ev) }
  RETURN min(ev.date) AS removed
}
WITH m, p, org, day, coalesce(removed, '') AS removed
WITH m, p, org, day, removed,
     CASE WHEN size(removed) < size(day) THEN size(removed) ELSE size(day) END AS nr
WHERE removed = '' OR left(removed, nr) >= left(day, nr)
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
