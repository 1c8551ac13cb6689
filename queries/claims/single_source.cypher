// Statements resting on a single source
// Relations only one article states (however many times): the ones to corroborate
// before relying on them, with that article and its quotes.
MATCH (x)-[r:RELATIVE_OF|HOLDS_POSITION|MEMBER_OF|ALLY_OF|SUBORDINATE_OF|APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP|PARTICIPATED_IN|OCCURRED_IN]->(y)
WHERE r.sources = 1
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})
RETURN st.predicate AS relation, x.name AS subject, st.detail AS detail, y.name AS object,
       st.modality AS modality, art.publisher AS outlet, art.published AS published,
       st.quote AS quote
ORDER BY relation, subject, object, detail, quote, modality, outlet, published
