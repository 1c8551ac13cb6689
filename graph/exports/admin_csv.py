r'''CSV files in the header format of ``neo4j-admin database import full``.

One file per node label (``nodes-Actor.csv``) and one per relationship type and pair
of end labels (``relationships-SUBJECT-Statement-Actor.csv``), read from any store
label by label, and ``import.args``: the import's options and file list, one a line,
for ``neo4j-admin database import full @import.args neo4j`` run in that folder.

The projection's marker travels along (``nodes-QantarState.csv``, when the store has
one): the imported database then says, as the store did, that its projection and its
summaries are complete and which version of ``schema.yaml`` built them.

Each label has its own id space (``id:ID(Actor)``; relationships name theirs in
``:START_ID(Statement)``), so an Event and an EventReport never clash. Every string is
quoted (``""`` inside), so an empty string stays empty and a missing value, written as
nothing, stays missing; lists are joined with :data:`ARRAY_DELIMITER`, and fields may
span lines (article bodies, quotes).

>>> header(["id", "words", "aliases"], {"id": "STRING", "words": "INT64",
...        "aliases": "STRING[]"}, key="id", group="Article")
['id:ID(Article)', 'words:long', 'aliases:string[]']
>>> print(field('say "no" twice'), field(None), field(3), field(True))
"say ""no"" twice"  3 true
>>> field(["x", "y"]) == '"x' + ARRAY_DELIMITER + 'y"'
True
'''

from __future__ import annotations

import json
from pathlib import Path

from .. import schema as schema_mod
from ..stores import cypher

ARRAY_DELIMITER = "\x1f"  # the ASCII unit separator: in no name, quote or id
_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean",
          "STRING[]": "string[]"}
ARGS_FILE = "import.args"


def header(columns: list[str], types: dict[str, str], *, key: str | None = None,
           group: str | None = None) -> list[str]:
    """The header fields: the key as ``:ID(group)``, the others typed."""
    return [f"{c}:ID({group})" if c == key else f"{c}:{_TYPES[types[c]]}" for c in columns]


def field(value) -> str:
    """One value as a CSV field: strings (and lists) quoted, nothing for a missing one."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def line(values) -> str:
    """One CSV record (its fields may span lines: quoted)."""
    return ",".join(field(v) for v in values) + "\n"


def _write(path: Path, head: list[str], rows) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(",".join(head) + "\n")
        for row in rows:
            out.write(line(row))
            count += 1
    return count


def options() -> list[str]:
    """The import's options, before its file list in ``import.args``."""
    return [f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
            "--id-type=string"]


def node_file(label: str, columns: list[str] | None = None) -> tuple[str, list[str]]:
    """The file name and header of a label's nodes; ``columns``: its properties in this
    order (default: the schema's)."""
    node = schema_mod.load().nodes[label]
    columns = list(node.properties) if columns is None else columns
    return f"nodes-{label}.csv", header(columns, node.properties, key=node.key,
                                        group=label) + [":LABEL"]


def labels(label: str, row: dict):
    """The ``:LABEL`` field of a node: an actor carries its type's label too."""
    extra = schema_mod.load().nodes[label].type_labels.get(row.get("type") or "")
    return [label, extra] if extra else label


def edge_files() -> list[tuple[str, str, str, str, list[str]]]:
    """(type, start label, end label, file name, header) of every relationship file."""
    out = []
    for rtype, rel in schema_mod.load().relations.items():
        for source in rel.sources:
            for target in rel.targets:
                out.append((rtype, source, target,
                            f"relationships-{rtype}-{source}-{target}.csv",
                            [f":START_ID({source})", f":END_ID({target})"]
                            + header(list(rel.properties), rel.properties) + [":TYPE"]))
    return out


def edge_fields(rtype: str, row: dict) -> list:
    """An edge's fields in its file's order (:func:`edge_files`)."""
    props = schema_mod.load().relations[rtype].properties
    return [row["source"], row["target"], *(row.get(c) for c in props), rtype]


def write_args(folder: Path, names: list[str]) -> None:
    """``import.args``: the options, then each file as ``--nodes=`` or
    ``--relationships=`` (by its name)."""
    kinds = ["--nodes=" if n.startswith("nodes-") else "--relationships=" for n in names]
    (folder / ARGS_FILE).write_text("\n".join(options() + [k + n for k, n in zip(kinds, names)])
                                    + "\n", encoding="utf-8")


def marker_row(marker: dict) -> tuple[str, list[str], list]:
    """The file, header and row carrying the projection's marker."""
    return ("nodes-QantarState.csv", ["key:ID(QantarState)", "value:string", ":LABEL"],
            ["projection", json.dumps(marker, sort_keys=True), "QantarState"])


def write(store, folder: str | Path) -> int:
    """The whole graph of ``store`` into ``folder`` (created); returns the records
    (nodes and relationships) written.

    Files are written label by label and type by type, so memory holds one label's
    rows at a time, not the graph.
    """
    schema = schema_mod.load()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    total = 0
    for label, node in schema.nodes.items():
        columns = list(node.properties)
        name, head = node_file(label)

        def rows(label=label, columns=columns):
            for row in store.run(cypher.read_nodes(label)):
                yield [row[c] for c in columns] + [labels(label, row)]

        total += _write(folder / name, head, rows())
        names.append(name)
    if (marker := store.projection_marker()) is not None:
        name, head, row = marker_row(marker)
        total += _write(folder / name, head, [row])
        names.append(name)
    for rtype, source, target, name, head in edge_files():
        found = store.run(cypher.read_edges(rtype, source, target))
        total += _write(folder / name, head, (edge_fields(rtype, r) for r in found))
        names.append(name)
    write_args(folder, names)
    return total
