// Profile of an actor
// Everything the graph holds about one actor, one row per fact: its names, posts with
// dates, kin, allies and every other relation (read subject → relation → object),
// the events it took part in, and the articles that cite it.
// @param actor actor example "Samat Abish"  name in any spelling (Latin or Cyrillic) or id
// @seeds Samat Abish: his names in Latin and Cyrillic, his KNB post, his uncle and his
//   dismissal.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
RETURN 'name' AS section, a.name AS subject, a.type AS relation,
       coalesce(a.kind, '') AS detail, coalesce(a.description, '') AS object,
       '' AS since, '' AS until, '' AS status, 0 AS sources,
       coalesce(a.first_cited, '') AS first_cited, coalesce(a.last_cited, '') AS last_cited
ORDER BY subject, object
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
UNWIND a.aliases AS alias
RETURN 'alias' AS section, a.name AS subject, 'also written' AS relation, alias AS detail,
       '' AS object, '' AS since, '' AS until, '' AS status, 0 AS sources,
       '' AS first_cited, '' AS last_cited
ORDER BY detail
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[r:{{actor_relations}}]-(o:Actor)
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
WITH a, r, o, min(st.predicate) AS predicate, min(st.subject_id) AS source_id
RETURN CASE predicate WHEN 'holds_position' THEN 'post' WHEN 'relative_of' THEN 'kin'
         WHEN 'ally_of' THEN 'ally' ELSE 'relation' END AS section,
       CASE WHEN source_id = a.id THEN a.name ELSE o.name END AS subject,
       predicate AS relation,
       coalesce(r.relation, r.title, r.role, r.charge, r.instruction, '') AS detail,
       CASE WHEN source_id = a.id THEN o.name ELSE a.name END AS object,
       coalesce(r.start_date, r.date, '') AS since, coalesce(r.end_date, '') AS until,
       coalesce(r.status, '') AS status, r.sources AS sources,
       r.first_cited AS first_cited, r.last_cited AS last_cited
ORDER BY section, relation, subject, object, detail
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[r:PARTICIPATED_IN]->(e:Event)
RETURN 'event' AS section, a.name AS subject, e.type AS relation, r.role AS detail,
       e.name AS object, e.date AS since, '' AS until, '' AS status, r.sources AS sources,
       r.first_cited AS first_cited, r.last_cited AS last_cited
ORDER BY since, relation, object, detail
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (e:Event)-[r:OCCURRED_IN]->(a)
RETURN 'event' AS section, e.name AS subject, 'occurred_in' AS relation, e.type AS detail,
       a.name AS object, e.date AS since, '' AS until, '' AS status, r.sources AS sources,
       r.first_cited AS first_cited, r.last_cited AS last_cited
ORDER BY since, subject, detail
UNION ALL
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)<-[:SUBJECT|OBJECT|SPEAKER]-(st:Statement)<-[:STATES]-(art:Article)
WITH a, art, count(DISTINCT st) AS statements
RETURN 'source' AS section, art.publisher AS subject, 'article' AS relation,
       art.title AS detail, art.url AS object, art.published AS since, '' AS until,
       '' AS status, statements AS sources, '' AS first_cited, '' AS last_cited
ORDER BY since, subject, detail
