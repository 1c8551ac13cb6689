// An actor's timeline
// The dated events one actor took part in and the dated posts and relations that name
// it, oldest first; undated ones at the end. An event the articles date differently
// reads "event: TYPE (dates differ)" (timeline/date_conflicts lists who says what).
// @param actor actor example "Tokayev"  any spelling or id
// @seeds Tokayev from his 2019 appointment and election through January 2022.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[r:PARTICIPATED_IN]->(e:Event)
RETURN e.date AS date, e.date_precision AS precision,
       'event: ' + e.type + CASE WHEN size(e.dates) > 1 THEN ' (dates differ)' ELSE '' END
         AS what,
       r.role AS detail, e.name AS object, r.sources AS sources
ORDER BY CASE WHEN date = '' THEN 1 ELSE 0 END, date, what, object, detail
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[r:{{actor_relations}}]-(o:Actor)
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
WITH a, r, o, min(st.predicate) AS predicate, min(st.subject_id) AS source_id,
     coalesce(r.start_date, r.date, '') AS since
WHERE since <> '' OR coalesce(r.end_date, '') <> ''
RETURN CASE WHEN since = '' THEN r.end_date ELSE since END AS date, '' AS precision,
       CASE WHEN source_id = a.id THEN predicate ELSE predicate + ' (by ' + o.name + ')' END AS what,
       coalesce(r.relation, r.title, r.role, r.charge, r.instruction, '') AS detail,
       CASE WHEN source_id = a.id THEN o.name ELSE a.name END AS object,
       r.sources AS sources
ORDER BY date, what, object, detail
