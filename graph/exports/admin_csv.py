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


def _write(path: Path, head: list[str], rows) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(",".join(head) + "\n")
        for row in rows:
            out.write(",".join(field(v) for v in row) + "\n")
            count += 1
    return count


def write(store, folder: str | Path) -> int:
    """The whole graph of ``store`` into ``folder`` (created); returns the records
    (nodes and relationships) written.

    Files are written label by label and type by type, so memory holds one label's
    rows at a time, not the graph.
    """
    schema = schema_mod.load()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    args = [f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--multiline-fields=true",
            "--id-type=string"]
    total = 0
    for label, node in schema.nodes.items():
        columns = list(node.properties)
        head = header(columns, node.properties, key=node.key, group=label) + [":LABEL"]
        name = f"nodes-{label}.csv"

        def rows(label=label, node=node, columns=columns):
            for row in store.run(cypher.read_nodes(label)):
                extra = node.type_labels.get(row.get("type") or "")
                yield [row[c] for c in columns] + [[label, extra] if extra else label]

        total += _write(folder / name, head, rows())
        args.append(f"--nodes={name}")
    if (marker := store.projection_marker()) is not None:
        name = "nodes-QantarState.csv"
        total += _write(folder / name, ["key:ID(QantarState)", "value:string", ":LABEL"],
                        [["projection", json.dumps(marker, sort_keys=True), "QantarState"]])
        args.append(f"--nodes={name}")
    for rtype, rel in schema.relations.items():
        columns = list(rel.properties)
        for source in rel.sources:
            for target in rel.targets:
                head = ([f":START_ID({source})", f":END_ID({target})"]
                        + header(columns, rel.properties) + [":TYPE"])
                name = f"relationships-{rtype}-{source}-{target}.csv"
                found = store.run(cypher.read_edges(rtype, source, target))
                total += _write(folder / name, head,
                                ([r["source"], r["target"], *(r[c] for c in columns), rtype]
                                 for r in found))
                args.append(f"--relationships={name}")
    (folder / ARGS_FILE).write_text("\n".join(args) + "\n", encoding="utf-8")
    return total
