// Statements resting on a single source
// Relations only one article states (however many times): the ones to corroborate
// before relying on them, with that article and its quotes.
// At most $limit rows, in the order below (the article is read through st.article_id).
// @param limit int default 500  how many rows, by relation then subject
// @seeds the relations only one outlet reports, such as the Kremlin's support for
//   Tokayev and Tokayev's dismissal of Nazarbayev.
MATCH (x)-[r:{{relations}}]->(y)
WHERE r.sources = 1
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
MATCH (art:Article {id: st.article_id})
RETURN st.predicate AS relation, x.name AS subject, st.detail AS detail, y.name AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT toInteger($limit)
