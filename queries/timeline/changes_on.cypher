// What changed on a given date
// Events dated that day (or only to its month or year: see `precision`) with who took
// part, and the posts taken or left, appointments, dismissals, orders and other dated
// relations on that date. An event the articles date differently is listed on each of
// its dates, as "event: TYPE (dates differ)".
// @param date date example "2022-01-05"  the day (ISO: 2022, 2022-01 or 2022-01-05)
// @seeds the changes of 5 January 2022: appointments, dismissals, the state of
//   emergency.
MATCH (e:Event)
WITH e, $date AS day
WHERE e.date <> ''
UNWIND e.dates AS d
WITH e, day, d, CASE WHEN size(d) < size(day) THEN size(d) ELSE size(day) END AS n
WHERE left(d, n) = left(day, n)
OPTIONAL MATCH (who:Actor)-[r:PARTICIPATED_IN]->(e)
RETURN d AS date,
       CASE size(d) WHEN 10 THEN 'day' WHEN 7 THEN 'month' ELSE 'year' END AS precision,
       'event: ' + e.type + CASE WHEN size(e.dates) > 1 THEN ' (dates differ)' ELSE '' END
         AS change,
       coalesce(who.name, '') AS subject, coalesce(r.role, '') AS detail, e.name AS object,
       coalesce(r.sources, 0) AS sources
ORDER BY date, change, object, subject, detail
UNION ALL
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, $date AS day
WHERE p.start_date <> ''
WITH m, p, org, day,
     CASE WHEN size(p.start_date) < size(day) THEN size(p.start_date) ELSE size(day) END AS n
WHERE left(p.start_date, n) = left(day, n)
RETURN p.start_date AS date, '' AS precision, 'took post' AS change, m.name AS subject,
       p.title AS detail, org.name AS object, p.sources AS sources
ORDER BY date, subject, object, detail
UNION ALL
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org:Actor)
WITH m, p, org, $date AS day
WHERE p.end_date <> ''
WITH m, p, org, day,
     CASE WHEN size(p.end_date) < size(day) THEN size(p.end_date) ELSE size(day) END AS n
WHERE left(p.end_date, n) = left(day, n)
RETURN p.end_date AS date, '' AS precision, 'left post' AS change, m.name AS subject,
       p.title AS detail, org.name AS object, p.sources AS sources
ORDER BY date, subject, object, detail
UNION ALL
MATCH (x:Actor)-[r:{{dated_relations}}]->(y:Actor)
WITH x, r, y, $date AS day
WHERE r.date <> ''
WITH x, r, y, day, CASE WHEN size(r.date) < size(day) THEN size(r.date) ELSE size(day) END AS n
WHERE left(r.date, n) = left(day, n)
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
WITH x, r, y, min(st.predicate) AS predicate
RETURN r.date AS date, '' AS precision, predicate AS change, x.name AS subject,
       coalesce(r.title, r.charge, r.instruction, '') AS detail, y.name AS object,
       r.sources AS sources
ORDER BY date, change, subject, object, detail
