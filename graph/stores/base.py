"""The store interface shared by Neo4j and the embedded engine.

An engine supplies how to run one query, how to run several in one transaction, its
schema statements, and how its write queries take their rows (a list of dicts read by
``UNWIND``, or an Arrow table read by ``LOAD FROM``). Everything else — the write
queries themselves, writing batches, rebuilding the projected edges, reading the graph
back as networkx — is written once here and in :mod:`.cypher`.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import networkx as nx

from .. import projection
from .. import schema as schema_mod
from ..records import Batch
from . import cypher

Run = Callable[[str, dict | None], list[dict]]


class StoreError(RuntimeError):
    """A store failed in a way the user can act on (message is one line)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, wrong address or credentials)."""


class StoreBusy(StoreError):
    """Another process is loading into the store; try again when it ends."""


class StoreOutdated(StoreError):
    """The store holds statements whose derived summaries an earlier qantar built (or
    none did): the packs would read them as absent and return too few rows."""


class StoreWriteFailed(StoreError):
    """A write hit a full disk or an I/O error. What was committed before is kept; the
    engine may not be usable any more in this process (see ``EmbeddedStore.close``)."""


class Store(ABC):
    """A graph store: Neo4j or the embedded default."""

    backend: str = ""

    @classmethod
    def check_load_space(cls, path: Path | None, input_bytes: int) -> None:
        """Before opening the store to load ``input_bytes`` of articles (``path``: where
        a file store lives): fail in one line if the disk cannot hold them. A server
        watches its own disk, so by default there is nothing to check."""

    # --- what an engine implements ---------------------------------------------------
    @abstractmethod
    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        """Run one query; rows as dicts. ``write=False`` runs in read-only mode."""

    @abstractmethod
    def count(self, query: str, params: dict | None = None) -> int:
        """How many rows the read-only ``query`` gives, without handing them over."""

    @abstractmethod
    def _transaction(self) -> Iterator[Run]:
        """Context manager: a ``run`` callable whose queries commit or roll back together."""

    @abstractmethod
    def schema_statements(self) -> list[str]:
        """DDL that creates constraints/tables; idempotent."""

    @abstractmethod
    def schema_names(self) -> set[str]:
        """The names of the schema objects ``schema.yaml`` asks this engine for."""

    @abstractmethod
    def present_schema_names(self) -> set[str]:
        """The names of the schema objects the store holds now."""

    #: What those objects are, for messages.
    schema_objects: str = "schema objects"

    @abstractmethod
    def describe(self) -> str:
        """Which engine, where, in one line without credentials."""

    #: What opening the store repaired (``open_store(..., repair=True)``), one line each.
    repairs: tuple[str, ...] | list[str] = ()

    def close(self) -> None:  # pragma: no cover - trivial
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- shared behaviour -------------------------------------------------------------
    def create_schema(self) -> None:
        for statement in self.schema_statements():
            self.run(statement, write=True)

    #: How the write queries read their rows (:mod:`.cypher`); :meth:`_rows` makes them.
    row_source: cypher.RowSource = cypher.UNWIND

    def _rows(self, columns: dict[str, str], rows: list[dict]):
        """The ``$rows`` of a write query, as :attr:`row_source` reads them: here the
        rows themselves; ``columns`` (name: schema type) are those it uses."""
        return rows

    def _write_nodes(self, run: Run, label: str, rows: list[dict], *, on_create_only=False,
                     new: bool = False):
        """MERGE nodes on their key; ``new=True``: CREATE, for nodes known not to exist."""
        if not rows:
            return
        columns = {p: t for p, t in schema_mod.load().nodes[label].properties.items()
                   if p in rows[0]}
        query = (cypher.create_nodes(label, tuple(columns), self.row_source) if new
                 else cypher.upsert_nodes(label, tuple(columns), on_create_only,
                                          self.row_source))
        run(query, {"rows": self._rows(columns, rows)})

    def _write_edges(self, run: Run, rtype: str, rows: Iterable[dict], *,
                     new: bool = False) -> None:
        """MERGE edges on their id; ``new=True``: CREATE, for edges known not to exist."""
        query = cypher.create_edges if new else cypher.merge_edges
        columns = {"source": "STRING", "target": "STRING",
                   **schema_mod.load().relations[rtype].properties}
        for (source, target), group in by_end_labels(rows, rtype):
            run(query(rtype, source, target, self.row_source),
                {"rows": self._rows(columns, group)})

    def _write_batches(self, run: Run, batches: list[Batch]) -> None:
        """Replace what these articles said: their old statements go, new ones come."""
        run(cypher.delete_article_statements(), {"ids": [b.article.id for b in batches]})
        self._write_nodes(run, "Article", [article_row(b) for b in batches])
        actors = {a.id: a.row() for b in batches for a in b.actors}
        self._write_nodes(run, "Actor", sorted(actors.values(), key=lambda r: r["id"]),
                          on_create_only=True)
        self._after_actors(run, list(actors.values()))
        # what each article reports; the rebuild merges reports into events
        reports = {e.id: e.row() for b in batches for e in b.events}
        self._write_nodes(run, "EventReport", sorted(reports.values(), key=lambda r: r["id"]))
        # one row per id: the same article twice in a group must not double its edges
        statements = list({s.id: s.row() for b in batches for s in b.statements}.values())
        # the statements were deleted above with their edges: both are new
        self._write_nodes(run, "Statement", statements, new=True)
        for rtype, rel in schema_mod.load().provenance.items():
            ends = ("target", "source") if "Statement" in rel.targets else ("source", "target")
            self._write_edges(run, rtype, ({ends[0]: s["id"], ends[1]: s[rel.via]}
                                           for s in statements if s[rel.via]), new=True)

    def _after_actors(self, run: Run, actors: list[dict]) -> None:
        """Hook for engine extras (Neo4j adds :Person/:Organization/:Place labels)."""

    def write(self, batches: Iterable[Batch], *, per_transaction: int = 500,
              statements_per_transaction: int = 10_000,
              on_commit: Callable[[list[Batch]], None] | None = None,
              on_refused: Callable[[Batch, str], None] | None = None) -> int:
        """Write article batches, whole articles per transaction.

        A transaction holds whole articles only, so an interrupted load leaves every
        article either fully written or not at all. It closes at ``per_transaction``
        articles or once it holds ``statements_per_transaction`` statements, whichever
        comes first: large enough that commits stop dominating (measured in bench/),
        small enough for a remote server's transaction memory. An article with more
        statements than one transaction of the store can hold (:meth:`transaction_limit`)
        goes to ``on_refused`` (with the reason) instead of failing the others. Call
        :meth:`rebuild_projection` afterwards (``load`` in the pipeline does).
        """
        count = 0
        limit = self.transaction_limit()
        for group in _groups(self._admit(batches, limit, on_refused), per_transaction,
                             min(statements_per_transaction, limit)):
            self._reserve(sum(len(b.statements) for b in group))
            with self._transaction() as run:
                self._write_batches(run, group)
            count += len(group)
            if on_commit:
                on_commit(group)
        return count

    def transaction_limit(self) -> int:
        """Statements one transaction can hold (the embedded store: its memory)."""
        return 1 << 62

    @staticmethod
    def _admit(batches: Iterable[Batch], limit: int,
               on_refused: Callable[[Batch, str], None] | None) -> Iterator[Batch]:
        for batch in batches:
            if len(batch.statements) <= limit:
                yield batch
                continue
            reason = (f"its {len(batch.statements)} statements are more than one "
                      f"transaction of this store holds ({limit})")
            if on_refused is None:
                raise StoreError(f"{batch.article.path}: {reason}")
            on_refused(batch, reason)

    def _reserve(self, statements: int) -> None:
        """Hook: make sure a transaction of ``statements`` statements has room to commit
        (the embedded store checks its disk); raise :class:`StoreWriteFailed` if not."""

    def statements(self, predicates: Iterable[str] | None = None,
                   columns: Iterable[str] | None = None) -> list[dict]:
        """Statement rows ordered by id; ``columns``: only these properties.

        Sorted here, not by ``ORDER BY``: the embedded engine sorts in its buffer pool,
        which a corpus of 5,000 articles filled; Python sorts the rows it holds anyway.
        """
        props = schema_mod.load().nodes["Statement"].properties
        if columns is not None:
            props = [p for p in props if p in set(columns)]
        cols = ", ".join(f"s.{p} AS {p}" for p in props)
        if predicates is None:
            rows = self.run(f"MATCH (s:Statement) RETURN {cols}")
        else:
            rows = self.run(f"MATCH (s:Statement) WITH s, $preds AS preds "
                            f"WHERE s.predicate IN preds RETURN {cols}",
                            {"preds": list(predicates)})
        rows.sort(key=lambda r: r["id"])
        return rows

    # rows written per transaction while the projection is rebuilt
    rebuild_chunk = 20_000

    def rebuild_projection(self) -> dict[str, int]:
        """Recompute projected edges and derived node properties from all statements.

        Only the statements that project onto edges (and the event statements) travel
        to Python; cited dates and mention spellings are aggregated by the engine, so
        the rows read back grow with the number of actors and events, not with the
        number of mentions in the corpus. Events are derived here too: the articles'
        event reports merge into one Event per real event
        (:func:`qantar.graph.projection.identify_events`).

        The writes go in transactions of at most ``rebuild_chunk`` rows, not one: a
        single transaction of 10,000 articles' projection outgrew Neo4j's transaction
        memory (1.4 GiB on a 2 GB heap) and the embedded engine's buffer pool. Actors
        and events whose derived properties did not change are not rewritten. What
        this gives up: a reader may briefly see a partly rebuilt projection (a type's
        edges deleted and not all written back yet), and a kill mid-rebuild leaves one.
        The rebuild is a pure function of the statements, and the next rebuild (every
        ``qantar load`` that writes an article runs one) deletes each projected type
        whole and writes it again, so it converges to the same graph. A marker written
        first ("rebuilding") and last ("complete", with the counts) lets ``qantar doctor``
        tell a finished projection from a half-built one.
        """
        schema = schema_mod.load()
        previous = self.projection_marker() or {}
        # a store whose summaries an earlier qantar built gets every one written now
        outdated = previous.get("version", 0) < schema.version
        # the marker says "complete" only once every edge below is written; until then
        # it keeps the version of the summaries already there
        self._write_projection_marker({"state": "rebuilding", **{
            k: v for k, v in previous.items() if k == "version"}})
        statements = self.statements(projection.rebuild_predicates(),
                                     schema.nodes["Statement"].rebuild_reads)
        cited = {r["id"]: r for r in self.run(cypher.citations())}
        reports = self.run(cypher.read_nodes("EventReport"))
        forms: dict[str, Counter] = defaultdict(Counter)
        for r in self.run(cypher.mention_forms()):
            forms[r["id"]][r["form"]] += r["n"]
        actors = self.run(cypher.read_derived_actors())
        built = projection.rebuild(statements, reports, actors, cited, forms)
        del statements, forms, cited
        edges = built.edges
        # events before their edges; an event no report belongs to any more goes
        self._sync_events(built.events, {r["id"] for r in reports}, set(built.mapping))
        del reports
        for rtype in schema.projected:
            self._delete_type(rtype)
            # the type was just emptied: its edges are new (ids are unique per type)
            for chunk in _chunks(edges.get(rtype, []), self.rebuild_chunk):
                with self._transaction() as run:
                    self._write_edges(run, rtype, chunk, new=True)
        for chunk in _chunks(built.actors if outdated else _changed(actors, built.actors),
                             self.rebuild_chunk):
            with self._transaction() as run:
                self._write_nodes(run, "Actor", chunk)
        for prop, values in built.flags.items():
            self._flag(prop, values)
        if outdated:
            self._sum_up_articles()
        self._sum_up_outlets()
        self._write_projection_marker(complete_marker(self._count("Statement"), edges))
        return {rtype: len(rows) for rtype, rows in sorted(edges.items())}

    def _flag(self, prop: str, values: dict[str, object]) -> None:
        """The derived ``Statement.<prop>``: ``values`` (statement id -> value: true for
        a flag, a sort key) on those statements and absent elsewhere; only the
        statements whose value changes are written (those of the articles just loaded,
        and those of an actor whose name changed). ``prop`` is a name from the schema,
        never user data."""
        current = {r["id"]: r["value"] for r in self.run(
            f"MATCH (s:Statement) WHERE s.{prop} IS NOT NULL "
            f"RETURN s.id AS id, s.{prop} AS value")}
        for chunk in _chunks(sorted(set(current) - set(values)), self.rebuild_chunk):
            with self._transaction() as run:
                run("UNWIND $ids AS id MATCH (s:Statement {id: id}) "
                    f"SET s.{prop} = NULL", {"ids": chunk})
        changed = [{"id": sid, prop: value} for sid, value in sorted(values.items())
                   if current.get(sid) != value]
        for chunk in _chunks(changed, self.rebuild_chunk):
            with self._transaction() as run:
                self._write_nodes(run, "Statement", chunk)

    def _sum_up_outlets(self) -> None:
        """Each outlet's sums (:func:`projection.outlets`) on its first article, absent on
        the others; only the articles whose sums change are written."""
        wanted = projection.outlets(self.run(cypher.outlet_inputs()))
        current = {r.pop("id"): r for r in self.run(cypher.read_outlet_sums())}
        with self._transaction() as run:
            gone = sorted(set(current) - set(wanted))
            if gone:
                sets = ", ".join(f"a.{p} = NULL" for p in projection.OUTLET_SUMS)
                run(f"UNWIND $ids AS id MATCH (a:Article {{id: id}}) SET {sets}",
                    {"ids": gone})
            changed = [{"id": aid, **sums} for aid, sums in sorted(wanted.items())
                       if current.get(aid) != sums]
            if changed:
                self._write_nodes(run, "Article", changed)

    def _sum_up_articles(self) -> None:
        """Articles written without the sums of what they state (by a qantar from before
        :func:`article_row`) get them from their statements."""
        rows = [{"id": r["id"], "statement_count": r["statements"],
                 "relation_count": r["relations"], "subject_ids": actor_ids(r["subjects"])}
                for r in self.run(cypher.article_sums())]
        for chunk in _chunks(rows, self.rebuild_chunk):
            with self._transaction() as run:
                self._write_nodes(run, "Article", chunk)

    def _sync_events(self, rows: list[dict], reports: set[str], reported: set[str]) -> None:
        """Write the Event rows that changed, delete the events that are gone, and the
        ``reports`` no statement refers to any more (``reported`` are those some
        statement does; the others' article was reloaded changed)."""
        current = {r["id"]: r for r in self.run(cypher.read_nodes("Event"))}
        wanted = {r["id"] for r in rows}
        stale = sorted(set(current) - wanted)
        orphans = sorted(reports - reported)
        changed = [r for r in rows if r["id"] not in current
                   or _changed([current[r["id"]]], [r])]
        for label, ids in (("Event", stale), ("EventReport", orphans)):
            for chunk in _chunks(ids, self.rebuild_chunk):
                with self._transaction() as run:
                    run(f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) DETACH DELETE n",
                        {"ids": chunk})
        for chunk in _chunks(changed, self.rebuild_chunk):
            with self._transaction() as run:
                self._write_nodes(run, "Event", chunk)

    # --- the projection's completion marker: written last by a rebuild ----------------
    def projection_marker(self) -> dict | None:
        """What the last rebuild left: ``{"state": "complete", "statements": N,
        "edges": {type: count}}`` once it finished, ``{"state": "rebuilding"}`` while it
        runs (or after it was killed), None for a store no rebuild has marked."""
        rows = self.run("MATCH (m:QantarState {key: 'projection'}) RETURN m.value AS value")
        return json.loads(rows[0]["value"]) if rows and rows[0]["value"] else None

    def require_current(self) -> None:
        """Raise :class:`StoreOutdated` (one line) when the store holds statements but
        its last complete rebuild recorded an older ``version`` of ``schema.yaml`` than
        this qantar's, or none: the flags and counts the packs read may be missing, and
        a pack would return too few rows without a word. An empty store is current.

        A read never rebuilds: a report must not write (nor take minutes, nor need
        write rights on a server); ``qantar doctor --repair`` and every load that
        writes an article rebuild the summaries.
        """
        if self._current:
            return
        wanted = schema_mod.load().version
        found = (self.projection_marker() or {}).get("version")
        if (found or 0) < wanted and self.run(
                "MATCH (s:Statement) RETURN s.id AS id LIMIT 1"):
            built = f"version {found}" if found else "no version recorded"
            raise StoreOutdated(
                f"{self.describe()}: its summaries were built by an earlier qantar "
                f"({built}; this one reads version {wanted}), so reports would miss rows; "
                "run `qantar doctor --repair` to rebuild them from its statements")
        self._current = True

    _current = False

    def _write_projection_marker(self, marker: dict) -> None:
        """Neo4j keeps it on a node whose label no query reads (only the CSV export, to
        carry it into an imported database)."""
        self.run("MERGE (m:QantarState {key: 'projection'}) SET m.value = $value",
                 {"value": json.dumps(marker, sort_keys=True)}, write=True)

    def _count(self, label: str) -> int:
        return self.run(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"]

    def _delete_type(self, rtype: str) -> None:
        """Delete every edge of a projected type, ``rebuild_chunk`` per transaction."""
        while self.run(cypher.delete_edges(rtype), {"limit": self.rebuild_chunk},
                       write=True)[0]["c"] == self.rebuild_chunk:
            pass

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (zeros included)."""
        schema = schema_mod.load()
        out = {}
        for label in schema.nodes:
            out[label] = self._count(label)
        for rtype in schema.relations:
            out[rtype] = self.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r) AS c")[0]["c"]
        return out

    def to_networkx(self, on_rows: Callable[[int], None] | None = None) -> nx.MultiDiGraph:
        """The whole graph as a MultiDiGraph; node attr ``label``, edge attr ``type``.

        None values and empty lists are dropped so both engines give the same graph.
        ``on_rows(n)`` is told of the nodes and relationships read, a query at a time:
        they add up to the sum of :meth:`counts`.
        """
        schema = schema_mod.load()
        graph = nx.MultiDiGraph()
        for label in schema.nodes:
            rows = self.run(cypher.read_nodes(label))
            for row in rows:
                graph.add_node(row["id"], label=label, **_clean(row))
            if on_rows:
                on_rows(len(rows))
        for rtype, rel in schema.relations.items():
            for source in rel.sources:
                for target in rel.targets:
                    rows = self.run(cypher.read_edges(rtype, source, target))
                    for row in rows:
                        src, dst = row.pop("source"), row.pop("target")
                        key = row.get("id") or f"{rtype}:{src}->{dst}"
                        props = _clean(row)
                        props.pop("id", None)
                        graph.add_edge(src, dst, key=key, type=rtype, **props)
                    if on_rows:
                        on_rows(len(rows))
        return graph


def complete_marker(statements: int, edges: dict[str, list[dict]]) -> dict:
    """The projection marker of a finished rebuild: the schema version that built it,
    the statements, the edges of each projected type."""
    schema = schema_mod.load()
    return {"state": "complete", "version": schema.version, "statements": statements,
            "edges": {rtype: len(edges.get(rtype, [])) for rtype in schema.projected}}


def _groups(batches: Iterable[Batch], max_articles: int,
            max_statements: int) -> Iterator[list[Batch]]:
    """Consecutive groups of whole batches, bounded in articles and in statements."""
    group: list[Batch] = []
    size = 0
    for batch in batches:
        group.append(batch)
        size += len(batch.statements)
        if len(group) >= max_articles or size >= max_statements:
            yield group
            group, size = [], 0
    if group:
        yield group


def _chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _changed(current: list[dict], rows: list[dict]) -> list[dict]:
    """The rows whose values differ from the node's current ones (read by
    ``cypher.read_derived_actors``, same order); a missing value counts as empty."""
    out = []
    for now, row in zip(current, rows, strict=True):
        if any((now.get(k) or type(v)()) != v for k, v in row.items()):
            out.append(row)
    return out


def article_row(batch: Batch) -> dict:
    """The article's row with what it states summed up, written in the same transaction
    as its statements: sources/coverage_by_outlet reads these instead of every
    statement (5 s in Neo4j at 10,000 articles)."""
    statements = list({s.id: s for s in batch.statements}.values())
    return {**batch.article.row(), "statement_count": len(statements),
            "relation_count": sum(s.predicate != "mentions" for s in statements),
            "subject_ids": actor_ids(s.subject_id for s in statements)}


def actor_ids(ids: Iterable[str]) -> list[str]:
    """The actors among statement subjects, sorted, once each.

    >>> actor_ids(["person:b", "event:1", "person:b", "place:a"])
    ['person:b', 'place:a']
    """
    return sorted({i for i in ids if projection.label_of(i) == "Actor"})


def by_end_labels(rows: Iterable[dict],
                  rtype: str) -> list[tuple[tuple[str, str], list[dict]]]:
    """Edge rows of a type grouped by the labels of their ends, sorted: a query matches
    each end by label and id, so every group gets its own query."""
    rel = schema_mod.load().relations[rtype]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        groups[(projection.label_of(row["source"], rel.sources),
                projection.label_of(row["target"], rel.targets))].append(row)
    return sorted(groups.items())


def _clean(row: dict) -> dict:
    return {k: v for k, v in row.items() if v is not None and v != [] and v != ""}

