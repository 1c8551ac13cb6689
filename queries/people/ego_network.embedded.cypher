MATCH (a:Actor)
WITH a, toLower($actor) AS wanted
WHERE a.id = $actor OR toLower(a.name) = wanted
   OR any(alias IN a.aliases WHERE toLower(alias) = wanted)
MATCH p = (a)-[:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP|PARTICIPATED_IN|OCCURRED_IN*1..3]-(b)
WITH a, b, length(p) AS hops, $depth AS depth
WHERE hops <= depth AND b.id <> a.id
WITH b, min(hops) AS distance
RETURN distance, b.name AS name,
       CASE WHEN b.date IS NULL THEN b.type ELSE 'event' END AS kind,
       CASE WHEN b.date IS NULL THEN coalesce(b.kind, '') ELSE b.type END AS detail,
       b.id AS id
ORDER BY distance, name, id
