// Ego network of an actor
// Every actor and event within N hops of one actor over the relations the statements
// support (kin, posts, alliances, orders, accusations, events...), nearest first.
// The walk goes ring by ring (each node expanded once) and stops at $depth, so a
// shallow ego network never pays for the third hop. LadybugDB 0.22 cannot expand from a
// node taken out of a list, so its variant (ego_network.embedded.cypher) takes the
// shortest path to each node within 3 hops and keeps those within $depth: same rows.
// @param actor actor example "Samat Abish"  name in any spelling (Latin or Cyrillic) or id
// @param depth int default 2  how many hops out (at most 3)
// @param limit int default 1000  at most this many rows, in this order
// @seeds around Abish: the KNB, Nazarbayev and his dismissal, then Massimov, Tokayev
//   and Kulibayev two hops out.
MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH (a)-[:{{relations}}]-(b1)
WITH a, collect(DISTINCT b1) AS ring1
UNWIND ring1 AS b1
OPTIONAL MATCH (b1)-[:{{relations}}]-(b2)
WHERE $depth >= 2
WITH a, ring1, collect(DISTINCT b2) AS ring2
UNWIND CASE WHEN $depth >= 3 AND size(ring2) > 0 THEN ring2 ELSE ring1 END AS b2
OPTIONAL MATCH (b2)-[:{{relations}}]-(b3)
WHERE $depth >= 3
WITH a, ring1, ring2, collect(DISTINCT b3) AS ring3
UNWIND [1, 2, 3] AS hops
UNWIND CASE hops WHEN 1 THEN ring1 WHEN 2 THEN ring2 ELSE ring3 END AS b
WITH a, b, hops
WHERE b.id <> a.id
WITH b, min(hops) AS distance
RETURN distance, b.name AS name,
       CASE WHEN b.date IS NULL THEN b.type ELSE 'event' END AS kind,
       CASE WHEN b.date IS NULL THEN coalesce(b.kind, '') ELSE b.type END AS detail,
       b.id AS id
ORDER BY distance, name, id
LIMIT toInteger($limit)
