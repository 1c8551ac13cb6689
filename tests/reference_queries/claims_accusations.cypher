MATCH (x:Actor)-[r:ACCUSED]->(y:Actor)
UNWIND r.statement_ids AS sid
MATCH (art:Article)-[:STATES]->(st:Statement {id: sid})
OPTIONAL MATCH (st)-[:SPEAKER]->(sp:Actor)
RETURN x.name AS accuser, y.name AS accused, st.detail AS charge, st.modality AS modality,
       coalesce(sp.name, '') AS speaker, st.quote AS quote, art.publisher AS outlet,
       art.published AS published
ORDER BY accuser, accused, charge, published, quote, modality, speaker, outlet
