"""Query packs: the Cypher files under ``queries/<pack>/<name>.cypher`` and their runner.

The files are the one source of truth: the CLI runs them, the Neo4j Browser kit is
generated from them, and a test runs every one on both engines. A file opens with a
header of ``//`` lines::

    // Profile of an actor                         <- title (the Browser's favorite name)
    // Names, posts with dates, kin, allies...      <- description, any number of lines
    // @param actor actor example "Samat Abish"  any spelling, Latin or Cyrillic, or an id
    // @param depth int default 2                  how many hops out (1 to 3)
    // @sets participants                          <- list columns whose order is no answer
    // @seeds Abish, Massimov and Tokayev ...      <- what it gives on the seed articles

``@seeds`` says in one sentence what the query finds in ``seeds/`` (or why it finds
nothing there); the Browser guide shows it on the query's slide and a test holds it to
the rows.

A query may also use ``$spelling`` without declaring it: data the runner supplies
(:data:`PROVIDED`), not a value a user gives; the Browser kit's ``:params`` carries it.

A parameter line is ``@param NAME TYPE (default|example) JSON-VALUE DOC``: with
``default`` it is optional, with ``example`` it must be given. Types: ``actor`` (found by
any spelling through :mod:`qantar.queries.actors`, passed on as the actor's id),
``string``, ``date`` (ISO prefix: 2022, 2022-01, 2022-01-05), ``int`` and ``strings``.

Lists of relationship types come from ``graph/schema.yaml``, so a new relation type
reaches every query without editing one: ``[:{{relations}}]`` is every projected type,
``{{actor_relations}}`` those between two actors, ``{{dated_relations}}`` those of them
with a ``date`` (see :func:`type_lists`). The Browser kit and the runner get the text
with the lists written out.

Where the two engines cannot share a text (shortest paths), ``<name>.embedded.cypher``
next to the file holds the embedded engine's variant; the header stays in the main file,
whose text is what Neo4j and the Browser run. Integer parameters are written
``toInteger($limit)`` where Neo4j needs an integer (``LIMIT``): the Browser's
``:params {limit: 500}`` stores 500.0. The embedded engine takes only a bare parameter
there and gets the whole numbers the runner checked, so its text reads ``$limit``.

A report that can answer with thousands of rows takes ``@param limit int default 1000``
and ends ``LIMIT toInteger($limit)``, so the engine stops at one page of it; :func:`total`
counts the rows a page leaves out (``qantar query`` says how many there are).

A query whose answer is a structure (a family, a chain of command, a path) has a
``<name>.graph.cypher`` beside it: the same parameters, returning nodes, relationships
and paths, so the Neo4j Browser draws it. The CLI and the reports keep the table.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..graph import schema as schema_mod
from ..graph.dates import parse_iso_prefix
from . import spelling

PACKS_DIR = Path(__file__).resolve().parent
TYPES = ("actor", "string", "date", "int", "strings")
ENGINES = ("neo4j", "embedded")
# Parameters the runner fills in itself: data from the code's one source of truth.
PROVIDED = {"spelling": spelling.table}
# A ``limit`` no answer reaches: every row (LIMIT takes no "none" on either engine).
ALL = 2**62
_PARAM = re.compile(r"^@param\s+(\w+)\s+(\w+)\s+(default|example)\s+(.*)$")


class QueryError(ValueError):
    """A pack file or a parameter is wrong; the message is one line."""


class ParamError(QueryError):
    """A parameter value the caller gave is missing, unknown or of the wrong type."""


class UnknownQuery(QueryError):
    """No pack query has that name (or several packs do)."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    value: object  # the default, or an example when required
    required: bool
    doc: str = ""


@dataclass(frozen=True)
class Query:
    pack: str
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str  # Neo4j's text, and the embedded engine's unless a variant exists
    path: Path
    sets: tuple[str, ...] = ()
    variants: dict[str, str] = field(default_factory=dict)
    provided: tuple[str, ...] = ()  # names of PROVIDED parameters the text uses
    seeds: str = ""  # what the query gives on seeds/, one sentence
    graph: str = ""  # the Browser's drawing of the answer (<name>.graph.cypher), if any

    @property
    def id(self) -> str:
        return f"{self.pack}/{self.name}"

    def text_for(self, backend: str) -> str:
        return self.variants.get(backend, self.text)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def examples(self) -> dict:
        """A value for every parameter: defaults and examples, as the header gives them."""
        return {p.name: p.value for p in self.params}

    def provided_values(self) -> dict:
        """The :data:`PROVIDED` parameters this query uses, with their values."""
        return {name: PROVIDED[name]() for name in self.provided}


# --- reading the files -----------------------------------------------------------------

_TYPE_LIST = re.compile(r"\{\{(\w+)\}\}")


def type_lists(schema: schema_mod.Schema | None = None) -> dict[str, str]:
    """The relationship-type alternations a query names as ``{{name}}``, in schema order.

    >>> type_lists()["dated_relations"]
    'APPOINTED|DISMISSED|PROSECUTED|ACCUSED|ORDERED|REQUESTED_HELP'
    >>> type_lists()["personal_ties"]
    'RELATIVE_OF|ALLY_OF|SUBORDINATE_OF'
    """
    schema = schema or schema_mod.load()
    projected = list(schema.projected.values())
    between_actors = schema.between_actors
    return {"relations": "|".join(r.type for r in projected),
            "actor_relations": "|".join(r.type for r in between_actors),
            "dated_relations": "|".join(r.type for r in between_actors
                                        if "date" in r.properties),
            # what ties one person to another (kin, allies, subordinates), not an act
            "personal_ties": "|".join(r.type for r in between_actors
                                      if "date" not in r.properties
                                      and "person" in r.subject_types
                                      and "person" in r.object_types)}


def _expand(path: Path, text: str) -> str:
    lists = type_lists()

    def one(match: re.Match) -> str:
        if match.group(1) not in lists:
            raise QueryError(f"{path}: unknown type list {match.group(0)} "
                             f"(known: {', '.join(lists)})")
        return lists[match.group(1)]

    return _TYPE_LIST.sub(one, text)


def parse(path: Path, pack: str | None = None) -> Query:
    """One pack file; a malformed header is a :class:`QueryError` naming file and line."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    header: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("//"):
            break
        header.append((number, line[2:].strip()))
    if not header or not header[0][1]:
        raise QueryError(f"{path}:1: a pack file opens with a `// Title` line")
    title = header[0][1]
    description, params, sets, seeds = [], [], [], []
    for number, line in header[1:]:
        if line.startswith("@param"):
            params.append(_parse_param(path, number, line))
        elif line.startswith("@seeds"):
            seeds.append(line[len("@seeds"):].strip())
        elif seeds and not line.startswith("@"):
            seeds.append(line)  # the sentence goes on
        elif line.startswith("@sets"):
            sets.extend(c.strip() for c in line[len("@sets"):].split(",") if c.strip())
        elif line.startswith("@"):
            raise QueryError(f"{path}:{number}: unknown header directive {line.split()[0]!r}")
        else:
            description.append(line)
    body = _expand(path, "\n".join(lines[len(header):]).strip())
    if not body:
        raise QueryError(f"{path}: no query after the header")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{path}: a parameter is declared twice")
    used = set(re.findall(r"\$(\w+)", body))
    provided = tuple(sorted(used & set(PROVIDED) - set(names)))
    used -= set(provided)
    if used != set(names):
        missing, extra = sorted(used - set(names)), sorted(set(names) - used)
        raise QueryError(f"{path}: parameters used {missing} but not declared, "
                         f"declared {extra} but not used")
    return Query(pack=pack or path.parent.name, name=path.name.removesuffix(".cypher"),
                 title=title, description=" ".join(d for d in description if d).strip(),
                 params=tuple(params), text=body, path=path, sets=tuple(sets),
                 provided=provided, seeds=" ".join(seeds).strip())


def _parse_param(path: Path, number: int, line: str) -> Param:
    match = _PARAM.match(line)
    if not match:
        raise QueryError(f"{path}:{number}: expected `@param NAME TYPE default|example "
                         f"VALUE doc`")
    name, typ, kind, rest = match.groups()
    if typ not in TYPES:
        raise QueryError(f"{path}:{number}: unknown type {typ!r} (choose from "
                         f"{', '.join(TYPES)})")
    try:
        value, end = json.JSONDecoder().raw_decode(rest)
    except json.JSONDecodeError:
        raise QueryError(f"{path}:{number}: the {kind} of {name} must be a JSON value") from None
    param = Param(name=name, type=typ, value=value, required=kind == "example",
                  doc=rest[end:].strip())
    try:
        check(param, value)
    except QueryError as exc:
        raise QueryError(f"{path}:{number}: {exc}") from None
    return param


@cache
def load_packs(root: Path = PACKS_DIR) -> tuple[Query, ...]:
    """Every query under ``root``, sorted by pack and name, with engine variants.

    >>> "people/profile" in [q.id for q in load_packs()]
    True
    """
    queries = []
    for path in sorted(Path(root).glob("*/*.cypher")):
        stem = path.name.removesuffix(".cypher")
        if "." in stem:
            continue  # an engine variant, attached below
        query = parse(path)
        variants = {}
        for engine in ENGINES:
            variant = path.with_name(f"{stem}.{engine}.cypher")
            if variant.exists():
                variants[engine] = _variant_text(variant, query)
        if "embedded" not in variants and _INT_ARG.search(query.text):
            variants["embedded"] = _bare_ints(query)
        drawing = path.with_name(f"{stem}.graph.cypher")
        graph = _variant_text(drawing, query) if drawing.exists() else ""
        queries.append(Query(**{**query.__dict__, "variants": variants, "graph": graph}))
    for path in Path(root).glob("*/*.*.cypher"):
        stem, kind = path.name.removesuffix(".cypher").rsplit(".", 1)
        if kind not in (*ENGINES, "graph") or not path.with_name(f"{stem}.cypher").exists():
            raise QueryError(f"{path}: a variant needs a known engine ({', '.join(ENGINES)}) "
                             f"or `graph`, and its main file {stem}.cypher")
    return tuple(queries)


_INT_ARG = re.compile(r"toInteger\(\$(\w+)\)")


def _bare_ints(query: Query) -> str:
    """The embedded text: ``toInteger($limit)`` -> ``$limit`` for int parameters (the
    runner has checked they are whole numbers; LadybugDB's LIMIT takes no function)."""
    ints = {p.name for p in query.params if p.type == "int"}
    return _INT_ARG.sub(lambda m: f"${m.group(1)}" if m.group(1) in ints else m.group(0),
                        query.text)


def _variant_text(path: Path, main: Query) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    body = _expand(path, "\n".join(line for line in lines if not line.startswith("//")).strip())
    used = set(re.findall(r"\$(\w+)", body))
    if used != {p.name for p in main.params} | set(main.provided):
        raise QueryError(f"{path}: uses parameters {sorted(used)}, its main file declares "
                         f"{sorted(p.name for p in main.params)}")
    return body


def get(name: str, root: Path = PACKS_DIR) -> Query:
    """A query by ``pack/name``, or by ``name`` alone when only one pack has it.

    >>> get("profile").id, [p.name for p in get("people/profile").params]
    ('people/profile', ['actor'])
    """
    queries = load_packs(root)
    found = [q for q in queries if q.id == name] or [q for q in queries if q.name == name]
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownQuery(f"{name!r} is in several packs: "
                         f"{', '.join(q.id for q in found)} (say which)")
    raise UnknownQuery(f"no query {name!r} (see `qantar query --list`)")


# --- parameters ------------------------------------------------------------------------

def check(param: Param, value) -> object:
    """``value`` if it fits the parameter's type, else a one-line :class:`QueryError`.

    >>> check(Param("since", "date", "2022", False), "2022-01")
    '2022-01'
    >>> try:
    ...     check(Param("since", "date", "2022", False), "January")
    ... except ParamError as e:
    ...     print(e)
    since must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'January'
    """
    kind = param.type
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(f"{param.name} must be a whole number, got {value!r}")
    elif kind == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ParamError(f"{param.name} must be a list of strings")
        if not value:
            # the embedded engine cannot type an empty list parameter
            raise ParamError(f"{param.name} needs at least one value")
    elif not isinstance(value, str):
        raise ParamError(f"{param.name} must be text, got {value!r}")
    elif kind == "date":
        parsed = parse_iso_prefix(value)
        if parsed is None or parsed[0] != value:
            raise ParamError(f"{param.name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, "
                             f"got {value!r}")
    elif kind == "actor" and not value.strip():
        raise ParamError(f"{param.name} must name an actor")
    return value


def coerce(param: Param, raw: str) -> object:
    """A command-line string as the parameter's type (``strings``: comma-separated).

    >>> coerce(Param("kinds", "strings", [], False), "company, state_body")
    ['company', 'state_body']
    >>> coerce(Param("from", "date", "2022", True), "2022-1-5")
    '2022-01-05'
    """
    if param.type == "int":
        try:
            return check(param, int(raw))
        except ValueError:
            raise ParamError(f"{param.name} must be a whole number, got {raw!r}") from None
    if param.type == "strings":
        return check(param, [v.strip() for v in raw.split(",") if v.strip()])
    if param.type == "date":
        parsed = parse_iso_prefix(raw)
        return check(param, parsed[0] if parsed else raw)
    return check(param, raw)


def bind(query: Query, given: dict) -> dict:
    """Defaults filled in, unknown and missing parameters refused, types checked."""
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise ParamError(f"{query.id} has no parameter {unknown[0]!r} (parameters: {known})")
    values = {}
    for param in query.params:
        if param.name in given:
            values[param.name] = check(param, given[param.name])
        elif param.required:
            raise ParamError(f"{query.id} needs {param.name} (e.g. --param "
                             f"{param.name}={_cli_value(param.value)})")
        else:
            values[param.name] = param.value
    return values


def _cli_value(value) -> str:
    return ",".join(value) if isinstance(value, list) else str(value)


# --- running ---------------------------------------------------------------------------

def run(store, query: Query | str, params: dict | None = None) -> list[dict]:
    """Run a pack query on any store: names resolved to actors, the engine's text chosen.

    Columns listed under ``@sets`` come back sorted, so both engines (and two runs)
    give the same rows: the embedded engine cannot order a list while collecting it.
    A store whose summaries an earlier qantar built is refused
    (:meth:`~qantar.graph.stores.base.Store.require_current`).
    """
    query, values = _prepared(store, query, params)
    rows = store.run(query.text_for(store.backend), values)
    for row in rows:
        for column in query.sets:
            if isinstance(row.get(column), list):
                row[column] = sorted(row[column], key=_sort_key)
    return rows


def total(store, query: Query | str, params: dict | None = None) -> int:
    """How many rows :func:`run` gives with the query's ``limit`` at :data:`ALL`; the
    engine counts them, none is handed over (what a page of them leaves out)."""
    query, values = _prepared(store, query, params)
    if query.param("limit"):
        values["limit"] = ALL
    return store.count(query.text_for(store.backend), values)


def _prepared(store, query: Query | str, params: dict | None) -> tuple[Query, dict]:
    from .actors import resolve

    if isinstance(query, str):
        query = get(query)
    values = bind(query, params or {})
    store.require_current()
    for param in query.params:
        if param.type == "actor":
            values[param.name] = resolve(store, values[param.name]).id
    return query, {**values, **query.provided_values()}


def _sort_key(value):
    return (value is None, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))
