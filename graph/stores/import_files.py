"""The files of ``neo4j-admin database import full`` written straight from extraction.

:class:`ImportFiles` takes the article batches a load produces, as a store's ``write``
does, and its ``rebuild_projection`` writes the CSV files (the format of
:mod:`qantar.graph.exports.admin_csv`) of the graph the transactional path would hold
after the same load: the same rows, ids and provenance, the same projection
(:func:`qantar.graph.projection.rebuild`), and the projection's marker. No store stands
between: the bulk path (:mod:`.bulk`) hands the folder to the import tool.

What a store does with its queries is done here with the same rules:

- articles and event reports: the last written wins (``MERGE … SET``); an actor keeps
  the row of the first transaction that names it (``ON CREATE SET``; within one
  transaction, the last article's), in transactions of whole articles grouped as
  :meth:`Store.write` groups them;
- an article written again replaces its statements (they were deleted first);
- an edge whose end was never written is not written (``MATCH`` found no node);
- citations and mention spellings are counted as :func:`.cypher.citations` and
  :func:`.cypher.mention_forms` count them in the engine.

Statements pass through a temporary file (``marshal``: their CSV text and the columns the
rebuild reads), because their flags are known only once every statement is in. Memory
holds the articles, actors, event reports and the statements the rebuild reads (as a
store's rebuild does), not the mentions. Nothing is left half-written: the files go to a
hidden folder beside ``folder``, renamed to ``folder`` when complete, removed by
:meth:`close` otherwise.
"""

from __future__ import annotations

import marshal
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import projection
from .. import schema as schema_mod
from ..exports import admin_csv
from ..records import Batch
from .base import Store, _groups, article_row, by_end_labels, complete_marker


class ImportFiles:
    """A write-only sink with a store's ``write`` and ``rebuild_projection``: the
    pipeline's ``load(ImportFiles(folder), paths)`` leaves the import's files in
    ``folder`` (which must not exist yet).

    >>> import tempfile
    >>> from qantar.loaders.pipeline import load
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "a.md").write_text("Tokayev dismissed Karim Massimov.", encoding="utf-8")
    33
    >>> files = ImportFiles(root / "import")
    >>> report = load(files, [root / "a.md"], workers=1)
    >>> files.close()
    >>> report.articles, (root / "import" / "import.args").is_file()
    (1, True)
    >>> [p.name for p in root.iterdir() if p.name.startswith(".")]
    []
    """

    backend = "neo4j-admin files"

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if self.folder.exists():
            raise FileExistsError(f"{self.folder} exists already")
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self._work = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}-",
                                           dir=self.folder.parent))
        self._spool = open(self._work / "statements.spool", "wb")
        schema = schema_mod.load()
        statement = schema.nodes["Statement"]
        self._flags = [p for p in statement.properties if p in statement.derived]
        self._columns = [p for p in statement.properties if p not in self._flags]
        self._reads = list(statement.rebuild_reads)
        self._group = 0
        self._last_group: dict[str, int] = {}  # article id -> its last transaction
        self._articles: dict[str, dict] = {}
        self._actors: dict[str, dict] = {}
        self._reports: dict[str, dict] = {}
        self.statements_written = 0
        self.done = False

    # --- what the pipeline calls ------------------------------------------------------
    def write(self, batches: Iterable[Batch], *, per_transaction: int = 500,
              statements_per_transaction: int = 10_000,
              on_commit: Callable[[list[Batch]], None] | None = None,
              on_refused: Callable[[Batch, str], None] | None = None) -> int:
        """As :meth:`Store.write` (same grouping), into the spool and memory."""
        count = 0
        limit = 1 << 62  # Neo4j's: a transaction holds any article
        for group in _groups(Store._admit(batches, limit, on_refused), per_transaction,
                             statements_per_transaction):
            self._group += 1
            for batch in group:
                self._last_group[batch.article.id] = self._group
                self._articles[batch.article.id] = article_row(batch)
            actors = {a.id: a.row() for b in group for a in b.actors}
            for aid, row in actors.items():
                self._actors.setdefault(aid, row)
            self._reports.update((e.id, e.row()) for b in group for e in b.events)
            rows = {s.id: s.row() for b in group for s in b.statements}
            dump, columns, reads, group_no = (marshal.dump, self._columns, self._reads,
                                              self._group)
            for row in rows.values():
                text = ",".join([admin_csv.field(row[c]) for c in columns])
                dump((group_no, tuple(row[c] for c in reads), text), self._spool)
            count += len(group)
            if on_commit:
                on_commit(group)
        return count

    def rebuild_projection(self) -> dict[str, int]:
        """Derive the projection and write every file; returns the projected edges by
        type, as a store's rebuild does."""
        self._spool.close()
        built = projection.rebuild(*self._rebuild_inputs())
        work = self._work / "import"
        work.mkdir()
        names = self._write_nodes(work, built)
        names += self._write_edges(work, built)
        admin_csv.write_args(work, names)
        work.rename(self.folder)
        self.done = True
        shutil.rmtree(self._work, ignore_errors=True)
        return {rtype: len(rows) for rtype, rows in sorted(built.edges.items())}

    def close(self) -> None:
        """Remove what an unfinished load wrote (the finished files stay)."""
        if not self._spool.closed:
            self._spool.close()
        shutil.rmtree(self._work, ignore_errors=True)

    # --- the rebuild's inputs, as a store's queries give them -------------------------
    def _spooled(self):
        """(reads, CSV text) of each statement a later write did not replace."""
        last, article = self._last_group, self._reads.index("article_id")
        with open(self._work / "statements.spool", "rb") as spool:
            while True:
                try:
                    group_no, reads, text = marshal.load(spool)
                except EOFError:
                    return
                if last.get(reads[article], 0) == group_no:
                    yield reads, text

    def _rebuild_inputs(self):
        names = self._reads
        at = {n: i for i, n in enumerate(names)}
        wanted = set(projection.rebuild_predicates())
        pred, subj, obj, spk, art, pub, det = (at[n] for n in (
            "predicate", "subject_id", "object_id", "speaker_id", "article_id",
            "published", "detail"))
        cited: dict[str, list] = {}
        forms: dict[str, Counter] = defaultdict(Counter)
        statements = []
        for reads, _ in self._spooled():
            # each end counts, as UNWIND [subject, object, speaker] does
            for nid in (reads[subj], reads[obj], reads[spk]):
                if not nid:
                    continue
                c = cited.get(nid)
                if c is None:
                    c = cited[nid] = [None, None, set(), 0]
                published = reads[pub]
                if published:
                    if c[0] is None or published < c[0]:
                        c[0] = published
                    if c[1] is None or published > c[1]:
                        c[1] = published
                if reads[art] is not None:
                    c[2].add(reads[art])
                c[3] += 1
            if reads[pred] == "mentions" and reads[det]:
                forms[reads[subj]][reads[det]] += 1
            if reads[pred] in wanted:
                statements.append(dict(zip(names, reads)))
        statements.sort(key=lambda r: r["id"])
        citations = {nid: {"id": nid, "first": c[0], "last": c[1], "articles": len(c[2]),
                           "statements": c[3]} for nid, c in cited.items()}
        reports = [self._reports[k] for k in sorted(self._reports)]
        actors = [{k: row.get(k) for k in ("id", *schema_mod.load().nodes["Actor"].rebuild_reads)}
                  for row in self._actors.values()]
        return statements, reports, actors, citations, forms

    # --- the files --------------------------------------------------------------------
    def _write_nodes(self, folder: Path, built: projection.Rebuilt) -> list[str]:
        derived = {r["id"]: r for r in built.actors}
        reported = set(built.mapping)
        self._report_ids = {k for k in self._reports if k in reported}
        nodes = {
            "Actor": [{**row, **derived.get(aid, {})} for aid, row in self._actors.items()],
            "Event": built.events,
            "EventReport": [self._reports[k] for k in sorted(self._report_ids)],
            "Article": list(self._articles.values()),
        }
        names = []
        for label, node in schema_mod.load().nodes.items():
            if label == "Statement":
                names.append(self._write_statements(folder, built.flags))
                continue
            name, head = admin_csv.node_file(label)
            with open(folder / name, "w", encoding="utf-8", newline="\n") as out:
                out.write(",".join(head) + "\n")
                for row in nodes.get(label, ()):
                    out.write(admin_csv.line([row.get(c) for c in node.properties]
                                             + [admin_csv.labels(label, row)]))
            names.append(name)
        name, head, row = admin_csv.marker_row(
            complete_marker(self.statements_written, built.edges))
        (folder / name).write_text(",".join(head) + "\n" + admin_csv.line(row),
                                   encoding="utf-8")
        return names + [name]

    def _write_statements(self, folder: Path, flags: dict[str, set[str]]) -> str:
        """The statements with their flags, and beside them their provenance edges
        (files of their own, written in the same pass)."""
        name, head = admin_csv.node_file("Statement", self._columns + self._flags)
        schema = schema_mod.load()
        ends = {"Actor": set(self._actors), "EventReport": self._report_ids,
                "Article": set(self._articles)}
        at = {n: i for i, n in enumerate(self._reads)}
        provenance = [(rtype, at[rel.via], "Statement" in rel.targets,
                       rel.sources if "Statement" in rel.targets else rel.targets)
                      for rtype, rel in schema.provenance.items()]
        files = {}
        for rtype, source, target, edge_name, edge_head in admin_csv.edge_files():
            if rtype in schema.provenance:
                files[(rtype, source, target)] = out = open(
                    folder / edge_name, "w", encoding="utf-8", newline="\n")
                out.write(",".join(edge_head) + "\n")
        marks = [flags.get(f, set()) for f in self._flags]
        field, sid_at, count, labels = admin_csv.field, at["id"], 0, {}
        try:
            with open(folder / name, "w", encoding="utf-8", newline="\n") as out:
                out.write(",".join(head) + "\n")
                for reads, text in self._spooled():
                    sid = reads[sid_at]
                    out.write(text + "".join(",true" if sid in m else "," for m in marks)
                              + ",Statement\n")
                    count += 1
                    for rtype, via, into, allowed in provenance:
                        other = reads[via]
                        if not other:
                            continue
                        # the label goes by the id's prefix: looked up once a prefix
                        prefix = other.partition(":")[0]
                        label = labels.get((prefix, allowed))
                        if label is None:
                            label = labels[(prefix, allowed)] = projection.label_of(
                                other, allowed)
                        if other not in ends.get(label, ()):
                            continue  # no such node: MATCH finds none, no edge
                        if into:
                            files[(rtype, label, "Statement")].write(
                                f"{field(other)},{field(sid)},{rtype}\n")
                        else:
                            files[(rtype, "Statement", label)].write(
                                f"{field(sid)},{field(other)},{rtype}\n")
        finally:
            for handle in files.values():
                handle.close()
        self.statements_written = count
        return name

    def _write_edges(self, folder: Path, built: projection.Rebuilt) -> list[str]:
        """The projected edges' files; the names of every relationship file."""
        ends = {"Actor": set(self._actors), "Event": {r["id"] for r in built.events}}
        projected = {}
        for rtype, rows in built.edges.items():
            for (source, target), group in by_end_labels(rows, rtype):
                projected[(rtype, source, target)] = [
                    r for r in group if r["source"] in ends.get(source, ())
                    and r["target"] in ends.get(target, ())]
        provenance = schema_mod.load().provenance
        names = []
        for rtype, source, target, name, head in admin_csv.edge_files():
            names.append(name)
            if rtype in provenance:
                continue  # written with the statements
            with open(folder / name, "w", encoding="utf-8", newline="\n") as out:
                out.write(",".join(head) + "\n")
                for row in projected.get((rtype, source, target), ()):
                    out.write(admin_csv.line(admin_csv.edge_fields(rtype, row)))
        return names
