// Claims that contradict each other
// Pairs of statements about the same subject, relation and object where one denies
// what the other affirms, or where two articles give different kinship terms.
// The projection flags the statements of such groups (Statement.contested, indexed), so
// only those are read; they are grouped by the ids they carry (subject_id, object_id),
// and only the pairs in a conflicting group are expanded to their subject, object and
// article.
// @seeds nothing: no relation in the seeds is both reported and denied.
MATCH (st:Statement)
WHERE st.contested = true AND st.predicate <> 'mentions' AND st.predicate <> 'event'
WITH st.subject_id AS subject_id, st.predicate AS predicate, st.object_id AS object_id,
     collect(st.id) AS ids,
     sum(CASE WHEN st.modality = 'denied' THEN 1 ELSE 0 END) AS denied,
     sum(CASE WHEN st.modality <> 'denied' THEN 1 ELSE 0 END) AS affirmed,
     count(DISTINCT toLower(st.detail)) AS details
WHERE (denied > 0 AND affirmed > 0) OR (predicate = 'relative_of' AND details > 1)
UNWIND ids AS id1
UNWIND ids AS id2
WITH id1, id2
WHERE id1 < id2
MATCH (s1:Statement {id: id1})-[:SUBJECT]->(x)
MATCH (s2:Statement {id: id2})
WHERE (s1.modality = 'denied') <> (s2.modality = 'denied')
   OR (s1.predicate = 'relative_of' AND toLower(s1.detail) <> toLower(s2.detail))
MATCH (a1:Article {id: s1.article_id})
MATCH (a2:Article {id: s2.article_id})
OPTIONAL MATCH (s1)-[:OBJECT]->(y)
RETURN CASE WHEN (s1.modality = 'denied') <> (s2.modality = 'denied')
            THEN 'denied vs affirmed' ELSE 'different kinship' END AS conflict,
       x.name AS subject, s1.predicate AS relation, coalesce(y.name, '') AS object,
       s1.modality + CASE WHEN s1.detail = '' THEN '' ELSE ': ' + s1.detail END AS first_claim,
       s1.quote AS first_quote, a1.publisher + ', ' + a1.published AS first_source,
       s2.modality + CASE WHEN s2.detail = '' THEN '' ELSE ': ' + s2.detail END AS second_claim,
       s2.quote AS second_quote, a2.publisher + ', ' + a2.published AS second_source
ORDER BY conflict, subject, relation, object, first_quote, second_quote, first_claim,
         second_claim, first_source, second_source
