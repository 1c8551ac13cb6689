// Statements resting on a single source
// Relations only one article states (however many times): the ones to corroborate
// before relying on them, with that article and its quotes.
// At most $limit rows, in the order below. The projection keeps on each statement of a
// single-source edge its relation and the edge's subject and object names
// (Statement.single_source, joined by U+0001, indexed), the first three sort keys: the
// first $limit keys in the index's order bound the statements the page can hold, and
// the names are read back from the key, so no edge is read.
// @param limit int default 500  how many rows, by relation then subject
// @seeds the relations only one outlet reports, such as the Kremlin's support for
//   Tokayev and Tokayev's dismissal of Nazarbayev.
MATCH (st:Statement)
WHERE st.single_source IS NOT NULL
WITH st.single_source AS k
ORDER BY k
LIMIT toInteger($limit)
// the $limit-th key (not max(k): LadybugDB 0.22 drops the ORDER BY before an aggregate
// and takes any $limit keys, which only widens the range)
WITH k
ORDER BY k DESC
LIMIT 1
MATCH (st:Statement)
WHERE st.single_source <= k
MATCH (art:Article {id: st.article_id})
WITH st, art, split(st.single_source, '\u0001') AS key
RETURN st.predicate AS relation, key[1] AS subject, st.detail AS detail, key[2] AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT toInteger($limit)
