"""Write and read queries generated from the schema, in the Cypher both engines accept.

Labels, relationship types and property names come from ``schema.yaml`` only; every
value travels as a parameter (``$rows``), never spliced into the query text. The write
queries take the engine's :class:`RowSource`: the same MERGE/CREATE, with the rows
read by ``UNWIND`` (Neo4j) or ``LOAD FROM`` (the embedded engine).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import schema as schema_mod


@dataclass(frozen=True)
class RowSource:
    """How a write query reads its ``$rows``: the clause that binds them, and how a
    column of a row is named in the rest of the query.

    >>> UNWIND.column("name"), LOAD_FROM.column("name")
    ('row.name', '_name')
    """

    clause: str
    prefix: str

    def column(self, prop: str) -> str:
        return f"{self.prefix}{prop}"


#: Neo4j: a list of dicts, one map a row.
UNWIND = RowSource("UNWIND $rows AS row", "row.")
#: The embedded engine: an Arrow table, one variable a column (prefixed: no clash with
#: keywords such as ``end``).
LOAD_FROM = RowSource("LOAD FROM $rows", "_")


def _set_clause(var: str, props, rows: RowSource, skip=("id",)) -> str:
    return ", ".join(f"{var}.{p} = {rows.column(p)}" for p in props if p not in skip)


def _body(props, rows: RowSource) -> str:
    return ", ".join(f"{p}: {rows.column(p)}" for p in props)


@cache
def upsert_nodes(label: str, props: tuple[str, ...], on_create_only: bool = False,
                 rows: RowSource = UNWIND) -> str:
    """MERGE nodes on their key, setting ``props`` (only on creation if asked).

    >>> upsert_nodes("Article", ("id", "title"))
    'UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n.title = row.title'
    """
    verb = "ON CREATE SET" if on_create_only else "SET"
    key = schema_mod.load().nodes[label].key
    sets = _set_clause("n", props, rows, skip=(key,))
    tail = f" {verb} {sets}" if sets else ""
    return f"{rows.clause} MERGE (n:{label} {{{key}: {rows.column(key)}}}){tail}"


@cache
def create_nodes(label: str, props: tuple[str, ...], rows: RowSource = UNWIND) -> str:
    """Nodes known not to exist yet (statements, deleted first): CREATE, no MERGE.

    >>> create_nodes("Article", ("id", "title"), LOAD_FROM)
    'LOAD FROM $rows CREATE (n:Article {id: _id, title: _title})'
    """
    return f"{rows.clause} CREATE (n:{label} {{{_body(props, rows)}}})"


def _match_ends(source: str, target: str, rows: RowSource) -> str:
    return (f"{rows.clause} MATCH (a:{source} {{id: {rows.column('source')}}}) "
            f"MATCH (b:{target} {{id: {rows.column('target')}}}) ")


@cache
def merge_edges(rtype: str, source: str, target: str, rows: RowSource = UNWIND) -> str:
    """Rows of {source, target, ...props}: MERGE on the edge id; provenance edges
    have no properties, no id."""
    rel = schema_mod.load().relations[rtype]
    head = _match_ends(source, target, rows)
    if not rel.properties:
        return head + f"MERGE (a)-[r:{rtype}]->(b)"
    sets = _set_clause("r", rel.properties, rows)
    return head + f"MERGE (a)-[r:{rtype} {{id: {rows.column('id')}}}]->(b) SET {sets}"


@cache
def create_edges(rtype: str, source: str, target: str, rows: RowSource = UNWIND) -> str:
    """Edges known not to exist yet: CREATE, no MERGE.

    Provenance edges belong to statements deleted (with their edges) earlier in the same
    transaction; projected edges are written right after their type was emptied. CREATE
    skips the existence check MERGE makes against the (dense) actor on the other side.
    """
    rel = schema_mod.load().relations[rtype]
    body = _body(rel.properties, rows)  # projected edges: id first; provenance: none
    return (_match_ends(source, target, rows)
            + f"CREATE (a)-[:{rtype}{' {' + body + '}' if body else ''}]->(b)")


@cache
def delete_article_statements() -> str:
    return ("UNWIND $ids AS aid MATCH (s:Statement) WHERE s.article_id = aid "
            "DETACH DELETE s")


@cache
def read_nodes(label: str) -> str:
    node = schema_mod.load().nodes[label]
    cols = ", ".join(f"n.{p} AS {p}" for p in node.properties)
    return f"MATCH (n:{label}) RETURN {cols} ORDER BY n.{node.key}"


@cache
def read_edges(rtype: str, source: str, target: str) -> str:
    rel = schema_mod.load().relations[rtype]
    cols = "".join(f", r.{p} AS {p}" for p in rel.properties)
    return (f"MATCH (a:{source})-[r:{rtype}]->(b:{target}) "
            f"RETURN a.id AS source, b.id AS target{cols}")


@cache
def delete_edges(rtype: str) -> str:
    """Delete up to ``$limit`` edges of a type; returns their count as ``c``."""
    rel = schema_mod.load().relations[rtype]
    match = (f"MATCH (a:{rel.sources[0]})-[r:{rtype}]->(b)" if len(rel.sources) == 1
             else f"MATCH ()-[r:{rtype}]->()")
    return f"{match} WITH r LIMIT $limit DELETE r RETURN count(*) AS c"


@cache
def article_sums() -> str:
    """Per article lacking ``statement_count``: how many statements it states, how
    many are relations (not mentions), and their subjects' ids."""
    return ("MATCH (a:Article) WHERE a.statement_count IS NULL "
            "OPTIONAL MATCH (a)-[:STATES]->(s:Statement) "
            "RETURN a.id AS id, count(s) AS statements, "
            "sum(CASE WHEN s.predicate <> 'mentions' THEN 1 ELSE 0 END) AS relations, "
            "collect(DISTINCT s.subject_id) AS subjects")


@cache
def read_derived_actors() -> str:
    """An actor's id, the properties the projection derives from, and those it derives
    (names, aliases, cited dates): ``rebuild_reads`` and ``rebuild_writes`` in the schema.

    >>> read_derived_actors()  # doctest: +ELLIPSIS
    'MATCH (n:Actor) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, ...'
    """
    actor = schema_mod.load().nodes["Actor"]
    props = dict.fromkeys(actor.rebuild_reads + actor.rebuild_writes)
    cols = "".join(f", n.{p} AS {p}" for p in props if p != actor.key)
    return f"MATCH (n:Actor) RETURN n.{actor.key} AS {actor.key}{cols}"


@cache
def citations() -> str:
    """Per node id a statement names (subject, object or speaker): the first and last
    publication dates citing it, and how many articles and statements name it."""
    return ("MATCH (s:Statement) "
            "UNWIND [s.subject_id, s.object_id, s.speaker_id] AS nid "
            "WITH nid, s.published AS published, s.article_id AS article_id "
            "WHERE nid <> '' "
            "RETURN nid AS id, "
            "min(CASE WHEN published <> '' THEN published END) AS first, "
            "max(CASE WHEN published <> '' THEN published END) AS last, "
            "count(DISTINCT article_id) AS articles, count(*) AS statements")


@cache
def mention_forms() -> str:
    """How often each actor was written each way (the spellings behind its aliases)."""
    return ("MATCH (s:Statement) WHERE s.predicate = 'mentions' AND s.detail <> '' "
            "RETURN s.subject_id AS id, s.detail AS form, count(*) AS n")


@cache
def outlet_inputs() -> str:
    """What :func:`qantar.graph.projection.outlets` reads of every article."""
    return ("MATCH (a:Article) RETURN a.id AS id, a.publisher AS publisher, "
            "a.published AS published, a.statement_count AS statement_count, "
            "a.relation_count AS relation_count, a.subject_ids AS subject_ids")


@cache
def read_outlet_sums() -> str:
    """The articles that carry their outlet's sums, with them."""
    cols = "".join(f", a.{p} AS {p}" for p in _outlet_sums())
    return f"MATCH (a:Article) WHERE a.outlet_articles IS NOT NULL RETURN a.id AS id{cols}"


def _outlet_sums() -> tuple[str, ...]:
    from ..projection import OUTLET_SUMS

    return OUTLET_SUMS
