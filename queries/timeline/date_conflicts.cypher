// Events the articles date differently
// Every event whose reports give different dates, one row per date and article: the
// outlet, when it was published and its quote, so the conflict can be judged. A date
// that only narrows another (a day inside a reported month) is no conflict.
// @param limit int default 500  at most this many rows
// @seeds nothing: no two seed articles give one event different days.
MATCH (e:Event)
WHERE size(e.dates) > 1
UNWIND e.report_ids AS rid
MATCH (r:EventReport {id: rid})<-[:SUBJECT]-(st:Statement)<-[:STATES]-(art:Article)
WHERE st.predicate = 'event' AND r.date IN e.dates
RETURN e.name AS event, e.type AS type, r.date AS date, art.publisher AS outlet,
       art.published AS published, st.quote AS quote, e.id AS id
ORDER BY event, id, date, outlet, published, quote
LIMIT toInteger($limit)
