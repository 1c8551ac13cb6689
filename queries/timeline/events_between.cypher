// Events between two dates, by day
// Dated events from one date to another, in date order, with their places and
// participants (role in brackets), how many articles report them and one quote. An
// event dated only to the month or year is listed when that period overlaps the
// range, with its precision, never as a made-up day. `dates` lists every date the
// articles give: two or more are a conflict (timeline/date_conflicts says who gives
// which); `date` is the most precise one, the one most articles give.
// The date index narrows to [year of $from, $to + '~'] first ('~' sorts after digits
// and '-'); the prefix test below then decides.
// @param from date example "2022-01-01"  first day (ISO: 2022, 2022-01 or 2022-01-05)
// @param to date example "2022-01-31"  last day
// @param limit int default 500  at most this many events, the earliest
// @sets places, participants
// @seeds the events of January 2022 in date order, from the protests to the arrests.
MATCH (e:Event)
WHERE e.date >= left($from, 4) AND e.date <= $to + '~'
WITH e, $from AS lo, $to AS hi
WHERE e.date <> ''
WITH e, lo, hi,
     CASE WHEN size(e.date) < size(lo) THEN size(e.date) ELSE size(lo) END AS nlo,
     CASE WHEN size(e.date) < size(hi) THEN size(e.date) ELSE size(hi) END AS nhi
WHERE left(e.date, nlo) >= left(lo, nlo) AND left(e.date, nhi) <= left(hi, nhi)
WITH e
ORDER BY e.date, e.type, e.name, e.id
LIMIT toInteger($limit)
OPTIONAL MATCH (e)-[:OCCURRED_IN]->(place:Actor)
WITH e, collect(DISTINCT place.name) AS places
OPTIONAL MATCH (who:Actor)-[r:PARTICIPATED_IN]->(e)
WITH e, places,
     collect(DISTINCT CASE WHEN r IS NULL THEN NULL
                           WHEN r.role = '' THEN who.name
                           ELSE who.name + ' (' + r.role + ')' END) AS participants
UNWIND e.report_ids AS rid
OPTIONAL MATCH (:EventReport {id: rid})<-[:SUBJECT|OBJECT]-(st:Statement)
RETURN e.date AS date, e.date_precision AS precision, e.dates AS dates, e.type AS type,
       e.name AS event, places, participants, e.sources AS sources,
       min(st.quote) AS quote, e.id AS id
ORDER BY date, type, event, id
