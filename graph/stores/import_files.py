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

The per-statement work is done where the article was extracted: :func:`prepare` (the
sink's ``prepare``, which the pipeline runs in its extraction workers) turns a batch into
rows and each statement's CSV text, so that the loading process only merges. Statements
pass through a temporary file (``marshal``, one record a transaction), because their
flags are known only once every statement is in; the citations, spellings and the
statements the rebuild reads are counted as they arrive, so the file is read once, to
write the statements' file. (When an article is written twice its first statements no
longer count: then they are counted again from the file, the replaced ones skipped.)
Memory holds the articles, actors, event reports and the statements the rebuild reads
(tuples of shared strings until the rebuild), not the mentions. Nothing is left
half-written: the files go to a hidden folder beside ``folder``, renamed to ``folder``
when complete, removed by :meth:`close` otherwise.
"""

from __future__ import annotations

import marshal
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .. import projection
from .. import schema as schema_mod
from ..exports import admin_csv
from ..records import Article, Batch
from .base import Store, _groups, article_row, by_end_labels, complete_marker


class Prepared(NamedTuple):
    """One article's batch as the import files take it (:func:`prepare`)."""

    article: Article  # without its body: the row below keeps what is stored
    row: dict  # the article's row (:func:`.base.article_row`)
    actors: list  # (id, row)
    reports: list  # (id, row) of its event reports
    #: (id, rebuild reads, CSV text without the flags)
    statements: list


@cache
def _layout() -> tuple:
    """(text columns, other columns, flags, rebuild reads, provenance) of statements.

    The Statement file puts every text column first, so that a statement's text columns
    are quoted in one join. Provenance: (type, the read holding the other end's id,
    whether the edge points to the statement, the labels allowed at the other end)."""
    schema = schema_mod.load()
    statement = schema.nodes["Statement"]
    flags = [p for p in statement.properties if p in statement.derived]
    columns = [p for p in statement.properties if p not in flags]
    text = [c for c in columns if statement.properties[c] == "STRING"]
    at = {n: i for i, n in enumerate(statement.rebuild_reads)}
    provenance = [(rtype, at[rel.via], "Statement" in rel.targets,
                   tuple(rel.sources if "Statement" in rel.targets else rel.targets))
                  for rtype, rel in schema.provenance.items()]
    return (text, [c for c in columns if c not in text], flags,
            list(statement.rebuild_reads), provenance)


def _statement_text(values: dict, text: list[str], other: list[str]) -> str:
    """A statement's CSV fields (text columns, then the others), as
    :func:`admin_csv.field` writes each."""
    try:
        strings = [values[c] for c in text]
        joined = '","'.join(strings)
    except TypeError:  # a missing value (None): field by field
        return ",".join([admin_csv.field(values[c]) for c in text + other])
    if '"' in joined:
        joined = '","'.join([v.replace('"', '""') for v in strings])
    return '"' + joined + '",' + ",".join([admin_csv.field(values[c]) for c in other])


def prepare(batch: Batch) -> Prepared:
    """What :class:`ImportFiles` keeps of a batch, made from it alone (in an extraction
    worker): rows, and each statement's CSV text.

    >>> from qantar.graph.records import Statement
    >>> article = Article("article:1", "T", "P", "2022-01-05", "day", "", "a.md", "", 4,
    ...                   body="Tokayev dismissed Massimov.")
    >>> st = Statement("stmt:1", "dismissed", "person:t", "person:m", 'said "go" now', 0, 9,
    ...                "article:1")
    >>> p = prepare(Batch(article, statements=[st]))
    >>> p.article.body, p.row["statement_count"]
    ('', 1)
    >>> sid, reads, text = p.statements[0]
    >>> text.startswith('"stmt:1","dismissed",'), '"said ""go"" now"' in text
    (True, True)
    """
    text, other, _, reads, _ = _layout()
    statements = []
    for st in batch.statements:
        values = st.__dict__
        statements.append((values["id"], tuple([values[c] for c in reads]),
                           _statement_text(values, text, other)))
    return Prepared(replace(batch.article, body=""), article_row(batch),
                    [(a.id, a.row()) for a in batch.actors],
                    [(e.id, e.row()) for e in batch.events], statements)


class _Tally:
    """What the rebuild reads of the statements, counted as they come (each article's
    statements together, each article once): citations and mention spellings as
    :func:`.cypher.citations` and :func:`.cypher.mention_forms` count them, and the
    rebuild's statements (their reads, sorted by id first), values shared."""

    def __init__(self, names: list[str]):
        at = {n: i for i, n in enumerate(names)}
        self._at = tuple(at[n] for n in (
            "predicate", "subject_id", "object_id", "speaker_id", "article_id", "published",
            "detail"))
        self._wanted = set(projection.rebuild_predicates())
        self._shared: dict[str, str] = {}
        #: node id -> [first, last, last article, articles, statements]
        self.cited: dict[str, list] = {}
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.statements: list[tuple] = []

    def add(self, rows: Iterable[tuple]) -> None:
        pred, subj, obj, spk, art, pub, det = self._at
        cited, forms, wanted, shared = self.cited, self.forms, self._wanted, self._shared
        keep = self.statements.append
        for reads in rows:
            article, published = reads[art], reads[pub]
            # each end counts, as UNWIND [subject, object, speaker] does
            for nid in (reads[subj], reads[obj], reads[spk]):
                if not nid:
                    continue
                c = cited.get(nid)
                if c is None:
                    c = cited[nid] = [None, None, None, 0, 0]
                if published:
                    if c[0] is None or published < c[0]:
                        c[0] = published
                    if c[1] is None or published > c[1]:
                        c[1] = published
                if article is not None and article != c[2]:
                    c[2] = article
                    c[3] += 1
                c[4] += 1
            if reads[pred] == "mentions" and reads[det]:
                forms[reads[subj]][reads[det]] += 1
            if reads[pred] in wanted:
                keep(tuple([v if v.__class__ is not str else shared.setdefault(v, v)
                            for v in reads]))


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
        text, other, self._flags, self._reads, _ = _layout()
        self._columns = text + other
        self._group = 0
        self._last_group: dict[str, int] = {}  # article id -> its last transaction
        self._rewritten = False  # an article came twice: count again from the spool
        self._articles: dict[str, dict] = {}
        self._actors: dict[str, dict] = {}
        self._reports: dict[str, dict] = {}
        self._tally = _Tally(self._reads)
        self.statements_written = 0
        self.done = False

    #: run by the pipeline where each batch is extracted
    prepare = staticmethod(prepare)

    # --- what the pipeline calls ------------------------------------------------------
    def write(self, batches: Iterable[Batch], *, per_transaction: int = 500,
              statements_per_transaction: int = 10_000,
              on_commit: Callable[[list[Batch]], None] | None = None,
              on_refused: Callable[[Batch, str], None] | None = None) -> int:
        """As :meth:`Store.write` (same grouping), into the spool and memory. Takes
        batches or what :func:`prepare` made of them."""
        count = 0
        limit = 1 << 62  # Neo4j's: a transaction holds any article
        batches = (b if isinstance(b, Prepared) else prepare(b) for b in batches)
        for group in _groups(Store._admit(batches, limit, on_refused), per_transaction,
                             statements_per_transaction):
            self._group += 1
            last = self._last_group
            for batch in group:
                aid = batch.article.id
                if aid in last:
                    self._rewritten = True
                last[aid] = self._group
                self._articles[aid] = batch.row
            actors = {aid: row for b in group for aid, row in b.actors}
            for aid, row in actors.items():
                self._actors.setdefault(aid, row)
            self._reports.update(r for b in group for r in b.reports)
            records = list({r[0]: r for b in group for r in b.statements}.values())
            marshal.dump((self._group, records), self._spool)
            if not self._rewritten:
                self._tally.add(r[1] for r in records)
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
        """(id, reads, CSV text) of each statement a later write did not replace."""
        last, article = self._last_group, self._reads.index("article_id")
        with open(self._work / "statements.spool", "rb") as spool:
            while True:
                try:
                    group_no, records = marshal.load(spool)
                except EOFError:
                    return
                if not self._rewritten:
                    yield from records
                    continue
                for record in records:
                    if last.get(record[1][article], 0) == group_no:
                        yield record

    def _rebuild_inputs(self):
        tally = self._tally
        if self._rewritten:
            tally = _Tally(self._reads)
            tally.add(record[1] for record in self._spooled())
        names, rows, statements = self._reads, tally.statements, []
        rows.sort()  # by id, then each tuple is let go as its row is made
        while rows:
            statements.append(dict(zip(names, rows.pop())))
        statements.reverse()
        citations = {nid: {"id": nid, "first": c[0], "last": c[1], "articles": c[3],
                           "statements": c[4]} for nid, c in tally.cited.items()}
        reports = [self._reports[k] for k in sorted(self._reports)]
        actors = [{k: row.get(k) for k in ("id", *schema_mod.load().nodes["Actor"].rebuild_reads)}
                  for row in self._actors.values()]
        return statements, reports, actors, citations, tally.forms

    # --- the files --------------------------------------------------------------------
    def _write_nodes(self, folder: Path, built: projection.Rebuilt) -> list[str]:
        derived = {r["id"]: r for r in built.actors}
        outlets = projection.outlets(self._articles.values())
        reported = set(built.mapping)
        self._report_ids = {k for k in self._reports if k in reported}
        nodes = {
            "Actor": [{**row, **derived.get(aid, {})} for aid, row in self._actors.items()],
            "Event": built.events,
            "EventReport": [self._reports[k] for k in sorted(self._report_ids)],
            "Article": [{**row, **outlets.get(aid, {})}
                        for aid, row in self._articles.items()],
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

    def _write_statements(self, folder: Path, flags: dict[str, dict[str, object]]) -> str:
        """The statements with their flags, and beside them their provenance edges
        (files of their own, written in the same pass)."""
        name, head = admin_csv.node_file("Statement", self._columns + self._flags)
        *_, provenance = _layout()
        ends = {"Actor": self._actors, "EventReport": self._report_ids,
                "Article": self._articles}
        files = {}
        for rtype, source, target, edge_name, edge_head in admin_csv.edge_files():
            if rtype in schema_mod.load().provenance:
                files[(rtype, source, target)] = handle = open(
                    folder / edge_name, "w", encoding="utf-8", newline="\n")
                handle.write(",".join(edge_head) + "\n")
        marks = [flags.get(f, {}) for f in self._flags]
        flagged = set().union(*marks)
        plain = "," * len(marks) + ",Statement\n"
        field, count, empty, labels = admin_csv.field, 0, frozenset(), {}
        # written a few thousand records at a time: one call per file, not per line
        rows, edges = [], {key: [] for key in files}

        def flush() -> None:
            out.write("".join(rows))
            rows.clear()
            for key, lines in edges.items():
                files[key].write("".join(lines))
                lines.clear()

        try:
            with open(folder / name, "w", encoding="utf-8", newline="\n") as out:
                out.write(",".join(head) + "\n")
                for sid, reads, text in self._spooled():
                    rows.append(text)
                    rows.append("".join(["," + field(m[sid]) if sid in m else ","
                                         for m in marks])
                                + ",Statement\n" if sid in flagged else plain)
                    count += 1
                    for rtype, via, into, allowed in provenance:
                        other = reads[via]
                        if not other:
                            continue
                        # the label goes by the id's prefix: looked up once a prefix
                        prefix = other.partition(":")[0]
                        known = labels.get((prefix, rtype))
                        if known is None:
                            label = projection.label_of(other, allowed)
                            known = labels[(prefix, rtype)] = (label, edges[
                                (rtype, label, "Statement") if into
                                else (rtype, "Statement", label)])
                        if other not in ends.get(known[0], empty):
                            continue  # no such node: MATCH finds none, no edge
                        known[1].append(f"{field(other)},{field(sid)},{rtype}\n" if into
                                        else f"{field(sid)},{field(other)},{rtype}\n")
                    if len(rows) >= 20_000:
                        flush()
                flush()
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
