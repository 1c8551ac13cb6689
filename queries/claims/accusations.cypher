// Who accused whom of what
// Every accusation with its charge, how it is put (asserted by a speaker, alleged,
// reported, denied), who said it, and the quote and outlet behind it.
// @param limit int default 1000  at most this many rows, in this order
// @seeds nothing: the seed articles report charges as events (arrests, trials) but no
//   actor accusing another in so many words.
MATCH (x:Actor)-[r:ACCUSED]->(y:Actor)
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
RETURN x.name AS accuser, y.name AS accused, st.detail AS charge, st.modality AS modality,
       coalesce(sp.name, '') AS speaker, st.quote AS quote, art.publisher AS outlet,
       art.published AS published
ORDER BY accuser, accused, charge, published, quote, modality, speaker, outlet
LIMIT toInteger($limit)
