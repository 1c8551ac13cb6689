"""The schema, loaded from ``schema.yaml`` — the one source of truth.

Everything engine-specific (Neo4j constraints, the embedded engine's DDL, the column
lists used to read a graph back) is generated here from that file, so a new relation
type or property is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import yaml

SCHEMA_FILE = Path(__file__).with_name("schema.yaml")

# Words the embedded engine's parser refuses as property names.
RESERVED = frozenset({"end", "order", "limit", "skip", "match", "return", "where", "with",
                      "by", "count", "from", "to", "table", "node", "rel", "key"})

_LADYBUG_TYPES = {"STRING": "STRING", "INT64": "INT64", "DOUBLE": "DOUBLE",
                  "BOOLEAN": "BOOLEAN", "STRING[]": "STRING[]"}


@dataclass(frozen=True)
class NodeType:
    label: str
    properties: dict[str, str]
    key: str
    indexes: tuple[str, ...] = ()
    doc: str = ""
    colour: str = "#999999"
    colours: dict[str, str] = field(default_factory=dict)
    type_labels: dict[str, str] = field(default_factory=dict)
    id_prefixes: tuple[str, ...] = ()  # "person" in "person:samat-abish"
    derived: tuple[str, ...] = ()  # computed by the stores, never written by the loaders
    rebuild_reads: tuple[str, ...] = ()  # what the projection rebuild reads of each node
    rebuild_writes: tuple[str, ...] = ()  # what it writes back
    analytics: tuple[str, ...] = ()  # what `qantar analyze` writes back
    caption: str = "{name}"  # Neo4j Browser style
    diameter: str = "50px"

    @property
    def written(self) -> dict[str, str]:
        """The properties the loaders write (graph/records.py has one field for each)."""
        return {p: t for p, t in self.properties.items() if p not in self.derived}


@dataclass(frozen=True)
class RelType:
    type: str
    sources: tuple[str, ...]  # allowed start labels
    targets: tuple[str, ...]  # allowed end labels
    properties: dict[str, str]
    predicate: str = ""  # statement predicate projected onto this edge ("" = provenance)
    doc: str = ""
    group: str = ""
    colour: str = "#999999"
    subject_types: tuple[str, ...] = ()  # actor types a subject may have (empty: any)
    object_types: tuple[str, ...] = ()
    via: str = ""  # provenance: the Statement property holding the other end's id

    @property
    def projected(self) -> bool:
        return bool(self.predicate)


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, NodeType]
    relations: dict[str, RelType]  # provenance and projected, by type
    vocab: dict[str, tuple[str, ...]]
    projected_common: tuple[str, ...] = ()  # properties every projected edge has
    dated: tuple[str, ...] = ()  # relation properties filled from dates and status
    version: int = 0  # what a store's summaries must be built for (schema.yaml)

    @property
    def projected(self) -> dict[str, RelType]:
        return {t: r for t, r in self.relations.items() if r.projected}

    @property
    def between_actors(self) -> list[RelType]:
        """The projected relations from one actor to another (``{{actor_relations}}``)."""
        return [r for r in self.projected.values() if r.sources == r.targets == ("Actor",)]

    @property
    def provenance(self) -> dict[str, RelType]:
        return {t: r for t, r in self.relations.items() if not r.projected}

    @cached_property
    def event_predicates(self) -> frozenset[str]:
        """Statement predicates that tie an actor to an event, not two actors.

        >>> sorted(load().event_predicates)
        ['occurred_in', 'participated_in']
        """
        return frozenset(r.predicate for r in self.projected.values()
                         if "Event" in (*r.sources, *r.targets))

    @cached_property
    def endpoint_types(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """``{predicate: (subject types, object types)}`` for the relations that restrict
        them (the relation extraction drops a statement whose endpoints do not fit).

        >>> load().endpoint_types["holds_position"] == ({"person"}, {"organization", "place"})
        True
        """
        return {r.predicate: (frozenset(r.subject_types), frozenset(r.object_types))
                for r in self.projected.values() if r.subject_types and r.object_types}

    def label_of(self, node_id: str) -> str:
        """The node label an id belongs to, by its prefix (``Actor`` when unknown).

        >>> schema = load()
        >>> schema.label_of("event:3f2a"), schema.label_of("person:samat-abish")
        ('Event', 'Actor')
        """
        return self._labels_by_prefix.get(node_id.split(":", 1)[0], "Actor")

    @cached_property
    def _labels_by_prefix(self) -> dict[str, str]:
        return {prefix: label for label, node in self.nodes.items()
                for prefix in node.id_prefixes}

    @cached_property
    def actor_id(self) -> re.Pattern:
        """What an actor id looks like: an actor type, a colon, a slug.

        >>> bool(load().actor_id.match("person:samat-abish")), bool(load().actor_id.match("event:x"))
        (True, False)
        """
        types = "|".join(map(re.escape, self.nodes["Actor"].id_prefixes))
        return re.compile(rf"^(?:{types}):[a-z0-9][a-z0-9-]*$")

    def relation_for(self, predicate: str) -> RelType | None:
        for rel in self.relations.values():
            if rel.predicate == predicate:
                return rel
        return None

    @property
    def tables(self) -> dict[str, dict[str, str]]:
        """Every node label and relationship type with its properties: the embedded
        engine's tables."""
        return {**{label: n.properties for label, n in self.nodes.items()},
                **{rtype: r.properties for rtype, r in self.relations.items()}}


@cache
def load(path: Path = SCHEMA_FILE) -> Schema:
    """The model in ``schema.yaml``: node labels, relationship types, vocabularies.

    >>> schema = load()
    >>> schema.relations["RELATIVE_OF"].predicate, schema.nodes["Actor"].key
    ('relative_of', 'id')
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    nodes = {
        label: NodeType(label=label, properties=dict(spec["properties"]), key=spec["key"],
                        indexes=tuple(spec.get("indexes", ())), doc=spec.get("doc", ""),
                        colour=spec.get("colour", "#999999"),
                        colours=dict(spec.get("colours", {})),
                        type_labels=dict(spec.get("type_labels", {})),
                        id_prefixes=tuple(spec.get("id_prefixes", ())),
                        derived=tuple(spec.get("derived", ())),
                        rebuild_reads=tuple(spec.get("rebuild_reads", ())),
                        rebuild_writes=tuple(spec.get("rebuild_writes", ())),
                        analytics=tuple(spec.get("analytics", ())),
                        caption=spec.get("caption", "{name}"),
                        diameter=spec.get("diameter", "50px"))
        for label, spec in raw["nodes"].items()
    }
    for node in nodes.values():
        unknown = set(node.derived + node.rebuild_reads + node.rebuild_writes
                      + node.analytics) - set(node.properties)
        if unknown:
            raise ValueError(f"{path}: {node.label} names unknown properties {sorted(unknown)}")
    relations: dict[str, RelType] = {}
    for rtype, spec in raw["provenance"].items():
        relations[rtype] = RelType(type=rtype, sources=tuple(spec["from"]),
                                   targets=tuple(spec["to"]), properties={},
                                   doc=spec.get("doc", ""), via=spec["via"])
        if relations[rtype].via not in nodes["Statement"].properties:
            raise ValueError(f"{path}: {rtype} goes via {spec['via']!r}, no Statement property")
    shared = dict(raw["projected_properties"])
    for rtype, spec in raw["relations"].items():
        relations[rtype] = RelType(type=rtype, sources=tuple(spec["from"]),
                                   targets=tuple(spec["to"]),
                                   properties={**shared, **(spec.get("properties") or {})},
                                   predicate=spec["predicate"], doc=spec.get("doc", ""),
                                   group=spec.get("group", ""),
                                   colour=spec.get("colour", "#999999"),
                                   subject_types=tuple(spec.get("subject_types", ())),
                                   object_types=tuple(spec.get("object_types", ())))
    vocab_keys = ("actor_types", "organization_kinds", "event_types", "event_roles",
                  "modalities", "methods", "date_precisions")
    vocab = {k: tuple(raw[k]) for k in vocab_keys}
    for rel in relations.values():
        unknown = set(rel.subject_types + rel.object_types) - set(vocab["actor_types"])
        if unknown:
            raise ValueError(f"{path}: {rel.type} names unknown actor types {sorted(unknown)}")
        if rel.projected and rel.sources == rel.targets == ("Actor",) and not (
                rel.subject_types and rel.object_types):
            raise ValueError(f"{path}: {rel.type} needs subject_types and object_types")
    for owner in [*nodes.values(), *relations.values()]:
        clash = RESERVED & {p.lower() for p in owner.properties}
        if clash:
            raise ValueError(f"{path}: {clash} reserved in the embedded engine's Cypher")
    return Schema(nodes=nodes, relations=relations, vocab=vocab,
                  projected_common=tuple(shared), dated=tuple(raw["dated_properties"]),
                  version=int(raw["version"]))


# --- generated DDL -------------------------------------------------------------------

def neo4j_schema_statements(schema: Schema | None = None) -> list[str]:
    """Uniqueness constraints and indexes for Neo4j (idempotent: IF NOT EXISTS).

    Labels and property names come from the schema file, never from user data.

    >>> neo4j_schema_statements()[0]
    'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE'
    """
    schema = schema or load()
    out = []
    for node in schema.nodes.values():
        low = node.label.lower()
        out.append(f"CREATE CONSTRAINT {low}_{node.key} IF NOT EXISTS "
                   f"FOR (n:{node.label}) REQUIRE n.{node.key} IS UNIQUE")
        for prop in node.indexes:
            out.append(f"CREATE INDEX {low}_{prop} IF NOT EXISTS "
                       f"FOR (n:{node.label}) ON (n.{prop})")
    for rel in schema.projected.values():
        out.append(f"CREATE INDEX {rel.type.lower()}_id IF NOT EXISTS "
                   f"FOR ()-[r:{rel.type}]-() ON (r.id)")
    return out


def ladybug_ddl(schema: Schema | None = None) -> list[str]:
    """CREATE NODE/REL TABLE statements for the embedded engine.

    >>> [s for s in ladybug_ddl() if s.startswith("CREATE REL TABLE IF NOT EXISTS ALLY_OF")]
    ... # doctest: +ELLIPSIS
    ['CREATE REL TABLE IF NOT EXISTS ALLY_OF(FROM Actor TO Actor, ...)']
    """
    schema = schema or load()
    out = []
    for node in schema.nodes.values():
        cols = ", ".join(
            f"{name} {_LADYBUG_TYPES[typ]}" + (" PRIMARY KEY" if name == node.key else "")
            for name, typ in node.properties.items())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {node.label}({cols})")
    for rel in schema.relations.values():
        pairs = ", ".join(f"FROM {s} TO {t}" for s in rel.sources for t in rel.targets)
        cols = "".join(f", {name} {_LADYBUG_TYPES[typ]}" for name, typ in rel.properties.items())
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel.type}({pairs}{cols})")
    # a store created by an earlier version gets the properties added since
    out += [f"ALTER TABLE {table} ADD IF NOT EXISTS {name} {_LADYBUG_TYPES[typ]}"
            for table, props in schema.tables.items() for name, typ in props.items()]
    return out
