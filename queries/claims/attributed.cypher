// All attributed and contested claims
// Statements that are not plain reporting: put in a speaker's mouth, alleged, or
// denied; with who said it, the quote, outlet and date.
// @param limit int default 1000  at most this many rows, in this order
// @seeds the statements the articles attribute or call alleged, most of them Tokayev's
//   own account of January 2022.
// The projection keeps on each of those statements its sort key, the speaker's name and
// the date (Statement.attributed_order, indexed): the first $limit keys in the index's
// order bound the statements the page can hold, and only those are joined and sorted.
MATCH (st:Statement)
WHERE st.attributed_order IS NOT NULL AND EXISTS { MATCH (st)-[:SUBJECT]->() }
WITH st.attributed_order AS k
ORDER BY k
LIMIT toInteger($limit)
WITH max(k) AS last
MATCH (st:Statement)
WHERE st.attributed_order <= last
MATCH (art:Article)-[:STATES]->(st)-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN coalesce(sp.name, '') AS speaker, st.modality AS modality, x.name AS subject,
       st.predicate AS relation, st.detail AS detail, coalesce(y.name, '') AS object,
       st.quote AS quote, art.publisher AS outlet, art.published AS published
ORDER BY speaker, published, relation, subject, object, quote, detail, modality, outlet
LIMIT toInteger($limit)
