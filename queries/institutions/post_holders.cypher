// Who held which post in a body, in order
// Every post in one body (a ministry, the KNB, the Security Council, a company...) and
// who held it, dated posts first in date order, then the undated ones.
// @param body actor example "KNB"  the body: any spelling or id
// @seeds the KNB's chairman Karim Massimov and deputy chairman Samat Abish, both
//   former.
MATCH (org:Actor)
WITH org, toLower($body) AS wanted
WHERE org.id = $body OR toLower(org.name) = wanted
   OR any(alias IN org.aliases WHERE toLower(alias) = wanted)
MATCH (m:Actor)-[p:HOLDS_POSITION]->(org)
RETURN m.name AS holder, p.title AS post, coalesce(p.start_date, '') AS since,
       coalesce(p.end_date, '') AS until, coalesce(p.status, '') AS status,
       p.sources AS sources, p.first_cited AS first_cited, p.last_cited AS last_cited
ORDER BY CASE WHEN since = '' AND until = '' THEN 1 ELSE 0 END,
         CASE WHEN since = '' THEN until ELSE since END, post, holder
