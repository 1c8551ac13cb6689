// Who in a clan lost posts after a date, and who kept them
// The head of a clan, their kin, allies and subordinates, each post they hold or held,
// and its fate after the date: "lost" (the post ended on or after it, or they were the
// target of a dismissal, resignation or arrest dated then that involved the same body),
// "kept" (reported as current in an article published after the date), "ended before",
// or "unclear" when the articles do not say: a missing end date is no proof of a post.
// @param actor actor example "Nazarbayev"  the clan's head: any spelling or id
// @param since date default "2022-01"  the date (ISO: 2022, 2022-01 or 2022-01-05)
// @seeds Nazarbayev lost the Security Council on 5 January 2022; his kin's and
//   Massimov's posts are marked former.
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted, $since AS since
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
WITH head, since, head AS m, 'self' AS tie
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(ev:Event)
WHERE pr.role IN ['target', 'subject']
  AND EXISTS { MATCH (ev)<-[:PARTICIPATED_IN]-(org) }
  AND ev.type IN ['dismissal', 'resignation', 'arrest', 'detention']
  AND ev.date <> '' AND ev.date >= left(since, size(ev.date))
WITH m, tie, p, org, since, count(ev) AS removals
WITH m, tie, p, org, since, removals,
     CASE WHEN size(p.end_date) < size(since) THEN size(p.end_date) ELSE size(since) END AS n
RETURN m.name AS member, tie, p.title AS post, org.name AS body,
       coalesce(p.end_date, '') AS until, coalesce(p.status, '') AS status,
       CASE WHEN p.end_date <> '' AND left(p.end_date, n) < left(since, n) THEN 'ended before'
            WHEN p.end_date <> '' THEN 'lost'
            WHEN removals > 0 THEN 'lost'
            WHEN p.status = 'current' AND p.last_cited > since THEN 'kept'
            ELSE 'unclear' END AS outcome,
       p.last_cited AS last_cited
ORDER BY member, body, post, tie, until, status, outcome
UNION ALL
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted, $since AS since
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (m:Actor)-[t:{{personal_ties}}]->(head)
WITH head, since, m,
     CASE WHEN t.relation = '' THEN 'tied to ' ELSE t.relation + ' of ' END + head.name AS tie
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(ev:Event)
WHERE pr.role IN ['target', 'subject']
  AND EXISTS { MATCH (ev)<-[:PARTICIPATED_IN]-(org) }
  AND ev.type IN ['dismissal', 'resignation', 'arrest', 'detention']
  AND ev.date <> '' AND ev.date >= left(since, size(ev.date))
WITH m, tie, p, org, since, count(ev) AS removals
WITH m, tie, p, org, since, removals,
     CASE WHEN size(p.end_date) < size(since) THEN size(p.end_date) ELSE size(since) END AS n
RETURN m.name AS member, tie, p.title AS post, org.name AS body,
       coalesce(p.end_date, '') AS until, coalesce(p.status, '') AS status,
       CASE WHEN p.end_date <> '' AND left(p.end_date, n) < left(since, n) THEN 'ended before'
            WHEN p.end_date <> '' THEN 'lost'
            WHEN removals > 0 THEN 'lost'
            WHEN p.status = 'current' AND p.last_cited > since THEN 'kept'
            ELSE 'unclear' END AS outcome,
       p.last_cited AS last_cited
ORDER BY member, body, post, tie, until, status, outcome
UNION ALL
MATCH (head:Actor)
WITH head, toLower($actor) AS wanted, $since AS since
WHERE head.id = $actor OR toLower(head.name) = wanted
   OR any(alias IN head.aliases WHERE toLower(alias) = wanted)
MATCH (head)-[t:{{personal_ties}}]->(m:Actor)
WITH head, since, m,
     head.name + CASE WHEN t.relation = '' THEN ' is tied to ' ELSE ' is ' + t.relation + ' of ' END + m.name AS tie
MATCH (m)-[p:HOLDS_POSITION]->(org:Actor)
OPTIONAL MATCH (m)-[pr:PARTICIPATED_IN]->(ev:Event)
WHERE pr.role IN ['target', 'subject']
  AND EXISTS { MATCH (ev)<-[:PARTICIPATED_IN]-(org) }
  AND ev.type IN ['dismissal', 'resignation', 'arrest', 'detention']
  AND ev.date <> '' AND ev.date >= left(since, size(ev.date))
WITH m, tie, p, org, since, count(ev) AS removals
WITH m, tie, p, org, since, removals,
     CASE WHEN size(p.end_date) < size(since) THEN size(p.end_date) ELSE size(since) END AS n
RETURN m.name AS member, tie, p.title AS post, org.name AS body,
       coalesce(p.end_date, '') AS until, coalesce(p.status, '') AS status,
       CASE WHEN p.end_date <> '' AND left(p.end_date, n) < left(since, n) THEN 'ended before'
            WHEN p.end_date <> '' THEN 'lost'
            WHEN removals > 0 THEN 'lost'
            WHEN p.status = 'current' AND p.last_cited > since THEN 'kept'
            ELSE 'unclear' END AS outcome,
       p.last_cited AS last_cited
ORDER BY member, body, post, tie, until, status, outcome
