// Embedded-engine variant of single_source.cypher (same header, parameters and rows):
// LadybugDB splits a string with string_split and counts list positions from 1.
MATCH (st:Statement)
WHERE st.single_source IS NOT NULL
WITH st.single_source AS k
ORDER BY k
LIMIT $limit
// the $limit-th key (not max(k): LadybugDB 0.22 drops the ORDER BY before an aggregate
// and takes any $limit keys, which only widens the range)
WITH k
ORDER BY k DESC
LIMIT 1
MATCH (st:Statement)
WHERE st.single_source <= k
MATCH (art:Article {id: st.article_id})
WITH st, art, string_split(st.single_source, '\u0001') AS key
RETURN st.predicate AS relation, key[2] AS subject, st.detail AS detail, key[3] AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT $limit
