// The power map on a date
// Posts held on a given day, as the articles date them: "dated" (start and end around
// the day), "started, no end stated", "ended after, no start stated", or "undated"
// (cited between first_cited and last_cited). Left out: posts that ended before the
// day, posts an article had already called former before it, and posts whose holder
// was dismissed, resigned or arrested from that body before it (`removed` shows such a
// removal on or after the day). A missing end date is shown, never read as "in office".
// @param date date example "2022-01-04"  the day (ISO: 2022, 2022-01 or 2022-01-05)
// @param limit int default 1000  at most this many rows, in this order
// @seeds the posts held on 4 January 2022: Massimov chairing the KNB, Tokayev
//   president, Nazarbayev Security Council secretary the day before Tokayev removed him.
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
LIMIT toInteger($limit)
