// Coverage by outlet
// For each publisher: how many articles, over which dates, how many statements and
// relations they contribute, and how many distinct actors they name.
// The projection keeps each outlet's sums on its first article (Article.outlet_*,
// indexed), so the report reads one article per outlet, not every article.
// @seeds five outlets, one article each; RFE/RL's gives the most relations.
MATCH (art:Article)
WHERE art.outlet_articles IS NOT NULL
RETURN art.publisher AS outlet, art.outlet_articles AS articles,
       art.outlet_first AS first_published, art.outlet_last AS last_published,
       art.outlet_statements AS statements, art.outlet_relations AS relations,
       art.outlet_actors AS actors
ORDER BY articles DESC, outlet
