// Statements resting on a single source
// Relations only one article states (however many times): the ones to corroborate
// before relying on them, with that article and its quotes.
// At most $limit rows, in the order below. The rows sort by relation first, and every
// edge gives a row at least, so only the relations of the first $limit single-source
// edges can hold them: those edges alone are expanded to their statements (the
// article is read through st.article_id), not every single-source edge.
// @param limit int default 500  how many rows, by relation then subject
// @seeds the relations only one outlet reports, such as the Kremlin's support for
//   Tokayev and Tokayev's dismissal of Nazarbayev.
MATCH ()-[r:{{relations}}]->()
WHERE r.sources = 1
WITH toLower(type(r)) AS relation
ORDER BY relation
LIMIT toInteger($limit)
WITH max(relation) AS last
MATCH (x)-[r:{{relations}}]->(y)
WHERE r.sources = 1 AND toLower(type(r)) <= last
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
MATCH (art:Article {id: st.article_id})
RETURN st.predicate AS relation, x.name AS subject, st.detail AS detail, y.name AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
LIMIT toInteger($limit)
