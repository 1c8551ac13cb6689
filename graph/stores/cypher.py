"""Write and read queries generated from the schema, in the Cypher both engines accept.

Labels, relationship types and property names come from ``schema.yaml`` only; every
value travels as a parameter (``$rows``), never spliced into the query text.
"""

from __future__ import annotations

from functools import cache

from .. import schema as schema_mod


def _set_clause(var: str, props, skip=("id",)) -> str:
    return ", ".join(f"{var}.{p} = row.{p}" for p in props if p not in skip)


@cache
def upsert_nodes(label: str, props: tuple[str, ...], on_create_only: bool = False) -> str:
    verb = "ON CREATE SET" if on_create_only else "SET"
    key = schema_mod.load().nodes[label].key
    sets = _set_clause("n", props)
    tail = f" {verb} {sets}" if sets else ""
    return f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.id}}){tail}"


@cache
def create_nodes(label: str, props: tuple[str, ...]) -> str:
    """Nodes known not to exist yet (statements, deleted first): CREATE, no MERGE."""
    body = ", ".join(f"{p}: row.{p}" for p in props)
    return f"UNWIND $rows AS row CREATE (n:{label} {{{body}}})"


@cache
def merge_edges(rtype: str, source: str, target: str) -> str:
    """``UNWIND $rows`` of {source, target, ...props}; provenance edges have no id."""
    rel = schema_mod.load().relations[rtype]
    head = (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
            f"MATCH (b:{target} {{id: row.target}}) ")
    if not rel.properties:
        return head + f"MERGE (a)-[r:{rtype}]->(b)"
    sets = _set_clause("r", rel.properties)
    return head + f"MERGE (a)-[r:{rtype} {{id: row.id}}]->(b) SET {sets}"


@cache
def create_edges(rtype: str, source: str, target: str) -> str:
    """Edges known not to exist yet: CREATE, no MERGE.

    Provenance edges belong to statements deleted (with their edges) earlier in the same
    transaction; projected edges are written right after their type was emptied. CREATE
    skips the existence check MERGE makes against the (dense) actor on the other side.
    """
    rel = schema_mod.load().relations[rtype]
    props = tuple(rel.properties)  # projected edges: id first; provenance: none
    body = ", ".join(f"{p}: row.{p}" for p in props)
    return (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) "
            f"MATCH (b:{target} {{id: row.target}}) "
            f"CREATE (a)-[:{rtype}{' {' + body + '}' if body else ''}]->(b)")


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
def read_derived_actors() -> str:
    """An actor's id, the properties the projection derives from, and those it derives
    (names, aliases, cited dates)."""
    props = ("name", "aliases", "origin", "name_keys", "first_cited", "last_cited",
             "cited_articles", "cited_statements")
    cols = "".join(f", n.{p} AS {p}" for p in props)
    return f"MATCH (n:Actor) RETURN n.id AS id{cols}"


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
