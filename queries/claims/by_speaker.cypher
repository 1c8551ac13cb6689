// Claims by a speaker
// Everything the articles attribute to one speaker ("Tokayev said...", "he alleged..."),
// as subject, relation, object, with the quote, its outlet and date.
// @param speaker actor example "Tokayev"  any spelling or id
// @seeds what Tokayev asserted: the shoot-to-kill order, the government's resignation
//   and his account of the unrest.
MATCH (sp:Actor)
WITH sp, toLower($speaker) AS wanted
WHERE sp.id = $speaker OR toLower(sp.name) = wanted
   OR any(alias IN sp.aliases WHERE toLower(alias) = wanted)
MATCH (art:Article)-[:STATES]->(st:Statement)-[:SPEAKER]->(sp)
MATCH (st)-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN sp.name AS speaker, st.modality AS modality, x.name AS subject,
       st.predicate AS relation, st.detail AS detail, coalesce(y.name, '') AS object,
       st.quote AS quote, art.publisher AS outlet, art.published AS published
ORDER BY published, relation, subject, object, quote, detail, modality, outlet
