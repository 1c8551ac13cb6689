// Embedded-engine variant of shortest_path.cypher (same header, parameters and rows):
// LadybugDB writes shortest paths as `* ALL SHORTEST 1..n`, has no reduce() or list
// comprehension, indexes lists from 1, and fails on a value computed from the path
// when it is carried through UNWIND, so the route is computed at the end.
// The ends are matched by id only: the runner resolves actor parameters to ids (the
// name tests are for the Neo4j Browser), and LadybugDB, given the ends through a
// filtered WITH, searched paths before filtering and exhausted its buffer pool at
// 2,000 articles (0.5 s anchored on ids). Each statement is looked up alone, then its
// article by id: matched as one chain from the article, LadybugDB joined every
// statement with its article and subject (0.45 s of CPU at 2,000 articles; 0.18 s).
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a.id <> b.id
MATCH p = (a)-[:{{relations}}* ALL SHORTEST 1..6]-(b)
UNWIND range(1, length(p)) AS i
WITH p, i AS hop, rels(p)[i] AS r
UNWIND r.statement_ids AS sid
MATCH (st:Statement {id: sid})
MATCH (art:Article {id: st.article_id})
MATCH (st)-[:SUBJECT]->(x)
OPTIONAL MATCH (st)-[:OBJECT]->(y)
RETURN DISTINCT list_to_string(' — ', properties(nodes(p), 'name')) AS route, hop, x.name AS subject, st.predicate AS relation, st.detail AS detail,
       coalesce(y.name, '') AS object, st.modality AS modality, st.quote AS quote,
       art.publisher AS outlet, art.published AS published
ORDER BY route, hop, relation, subject, object, published, quote, detail, modality, outlet
