"""The Neo4j Browser kit, generated from the query packs and the schema.

Files (all from ``queries/`` and ``graph/schema.yaml``, nothing written by hand):

- ``qantar-favorites.zip``: one ``<pack>/<name>.cypher`` per query (and
  ``<name>.graph.cypher`` for its drawing). Dropped on the Browser, every folder becomes
  a favorites folder and each file's first ``//`` line its name (that is how Neo4j
  Browser 5 imports a zip). Each favorite sets its example parameters first
  (``:params {...};`` then the query: the Browser runs both, one after the other).
- ``qantar.md``: the contents guide for ``:guide <url>``: the style, then one runnable
  ``:guide`` per pack. ``qantar-<pack>.md``: that pack's slides, one per query, each
  saying what the seed articles give, with its parameters, its drawing (for answers
  that are structures) and its table. Markdown slides split on ``---`` lines, every
  ```` ```cypher ```` block runnable with one click (Browser 5 renders ``.md`` guides
  this way).
- ``qantar.grass``: the style, keyed on the schema's labels and relationship types,
  relationships captioned with their kinship term, title or role (``:style <url>``,
  drop the file on the Browser, or ``browser.post_connect_cmd`` on the server).
- ``params.cypher``: one ``:params {...}`` command with an example for every parameter.
- ``urls.md`` and ``index.html``: one-click links (``?cmd=guide&arg=…``,
  ``?cmd=edit&arg=…``) into a running Browser.

:mod:`.kit_server` serves exactly these files over HTTP.
"""

from __future__ import annotations

import html
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..graph import schema as schema_mod
from ..graph.projection import detail_property
from .packs import Query, load_packs


def _pack_guides(queries: Iterable[Query]) -> tuple[str, ...]:
    return tuple(f"qantar-{pack}.md" for pack in sorted({q.pack for q in queries}))


def files(queries: Iterable[Query] | None = None) -> tuple[str, ...]:
    """The kit's file names, in the order :func:`build` writes them; the packs are read
    only when asked (not when a command imports this module).

    >>> files()[:2], files()[-3:]
    (('qantar-favorites.zip', 'qantar.md'), ('params.cypher', 'urls.md', 'index.html'))
    """
    queries = list(queries if queries is not None else load_packs())
    return ("qantar-favorites.zip", "qantar.md", *_pack_guides(queries), "qantar.grass",
            "params.cypher", "urls.md", "index.html")


DEFAULT_BROWSER_URL = "http://localhost:7474/browser/"
DEFAULT_PORT = 8001


# --- favorites -------------------------------------------------------------------------

def favorites_zip(queries: Iterable[Query]) -> bytes:
    """A zip the Browser imports as favorites: pack folders, the Neo4j text of each file
    and of its drawing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for query in queries:
            for suffix, graph in ((".cypher", False), (".graph.cypher", True)):
                if graph and not query.graph:
                    continue
                info = zipfile.ZipInfo(f"{query.pack}/{query.name}{suffix}",
                                       date_time=(2022, 1, 5, 0, 0, 0))  # stable bytes
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, browser_text(query, graph=graph))
    return buffer.getvalue()


def browser_text(query: Query, *, graph: bool = False) -> str:
    """The file as the Browser shows it: the header (title first), the example
    parameters when the query has any, and Neo4j's query (or its drawing)."""
    lines = query.path.read_text(encoding="utf-8").splitlines()
    header = lines[:_header_length(lines)]
    if graph:
        header[0] = f"{header[0]} (graph)"
    values = {**query.examples(), **query.provided_values()}
    params = [params_command(values) + ";"] if values else []
    return "\n".join([*header, *params, query.graph if graph else query.text]) + "\n"


def _header_length(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))


# --- parameters --------------------------------------------------------------------------

def cypher_literal(value) -> str:
    """A Cypher literal for a parameter value (strings in double quotes, escaped)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_map_key(k)}: {cypher_literal(v)}"
                               for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def _map_key(name: str) -> str:
    return name if name.isidentifier() else "`" + name.replace("`", "``") + "`"


def params_command(values: dict) -> str:
    """``:params {actor: "Samat Abish", depth: 2}`` (sets every parameter at once)."""
    inner = ", ".join(f"{name}: {cypher_literal(value)}" for name, value in values.items())
    return f":params {{{inner}}}"


def all_examples(queries: Iterable[Query]) -> dict:
    """One example per parameter name across the packs (the first query declaring it),
    and the data parameters the runner provides (``$spelling``)."""
    values: dict = {}
    for query in queries:
        for param in query.params:
            values.setdefault(param.name, param.value)
        values.update(query.provided_values())
    return dict(sorted(values.items()))


# --- guide -------------------------------------------------------------------------------

def version_check(version: int) -> str:
    """The Cypher that tells whether a database's summaries were built for ``version``
    of ``graph/schema.yaml`` (what ``qantar doctor`` checks): the Browser cannot run
    that check by itself, and on an older store the flags and counts the queries read
    are missing. The marker's value is JSON written with sorted keys, so "version" is
    its last key.

    >>> "coalesce(version, 0) >= 2" in version_check(2)
    True
    """
    return "\n".join([
        "OPTIONAL MATCH (m:QantarState {key: 'projection'})",
        "WITH m.value CONTAINS '\"state\": \"complete\"' AS complete,",
        "     toInteger(replace(split(m.value, '\"version\": ')[1], '}', '')) AS version",
        f"RETURN coalesce(complete, false) AND coalesce(version, 0) >= {version} AS current,",
        f"       version AS built_for, {version} AS queries_need,",
        "       CASE WHEN coalesce(complete, false) AND coalesce(version, 0) >= "
        f"{version} THEN 'ok' ELSE 'run: qantar --backend neo4j doctor --repair' END AS action",
    ])


def guide(queries: list[Query], kit_url: str) -> str:
    """The contents guide for ``:guide``: the style, then a runnable ``:guide`` per pack."""
    kit = kit_url.rstrip("/")
    packs: dict[str, list[Query]] = {}
    for query in queries:
        packs.setdefault(query.pack, []).append(query)
    contents = []
    for pack, members in sorted(packs.items()):
        drawn = sum(1 for q in members if q.graph)
        contents += [f"**{pack}**: " + "; ".join(q.title for q in members)
                     + (f" ({drawn} drawn as a graph)" if drawn else ""), "",
                     fence(f":guide {kit}/qantar-{pack}.md"), ""]
    intro = "\n".join([
        "# qantar: actors and power relations",
        "",
        "Every relation in this graph traces back to the article, the verbatim quote and "
        "whoever asserted it. Each pack below is a guide of its own: click its block, "
        "then run it. On every slide, run the parameters first, then the drawing or the "
        "table.",
        "",
        "The style (colours by type, relationships captioned with the kinship term or the "
        "title) is applied on connect when the server sets `browser.post_connect_cmd`; "
        "otherwise run:",
        "",
        fence(f":style {kit}/qantar.grass"),
        "",
        f"Favorites: drop [qantar-favorites.zip]({kit}/qantar-favorites.zip) on the "
        "Browser. Parameters take any spelling the articles use: `Nazarbaev`, "
        "`Nazarbayev`, `Назарбаев`.",
        "",
        "First check that an earlier qantar did not load this database (its contested "
        "flags and counts would be missing, and some queries would give too few rows):",
        "",
        fence(version_check(schema_mod.load().version)),
    ])
    slides = [intro, "\n".join(["## Contents", "", *contents]).rstrip()]
    return _slides(slides)


def pack_guide(pack: str, queries: list[Query], kit_url: str) -> str:
    """One pack's guide: a slide per query, with what the seeds give, its parameters,
    its drawing when the answer is a structure, and its table."""
    kit = kit_url.rstrip("/")
    slides = []
    for query in (q for q in queries if q.pack == pack):
        lines = [f"## {query.title}", "", query.description, ""]
        if query.seeds:
            lines += [f"*On the seed articles:* {query.seeds}", ""]
        values = {**query.examples(), **query.provided_values()}
        if values:
            lines += ["Parameters (edit the values and run them first):", "",
                      fence(params_command(values)), ""]
            lines += [f"- `{p.name}` ({p.type}): {p.doc}" for p in query.params]
            lines.append("")
        if query.graph:
            lines += ["Draw it:", "", fence(query.graph), "", "As a table (for reports):", ""]
        lines.append(fence(query.text))
        slides.append("\n".join(lines))
    slides.append("\n".join(["## Back to the contents", "", fence(f":guide {kit}/qantar.md")]))
    return _slides(slides)


def _slides(slides: list[str]) -> str:
    for slide in slides:
        if "\n---\n" in slide:
            raise ValueError("a slide may not contain a line '---' (it splits slides)")
    return "\n\n---\n\n".join(slides) + "\n"


def fence(code: str) -> str:
    """A runnable block: the Browser marks ```` ```cypher ```` code blocks runnable."""
    return f"```cypher\n{code.strip()}\n```"


# --- style -------------------------------------------------------------------------------

def grass(schema: schema_mod.Schema | None = None) -> str:
    """A Neo4j Browser style keyed on the schema's labels and relationship types."""
    schema = schema or schema_mod.load()
    rules = [("node", {"diameter": "50px", "color": "#A5ABB6", "border-color": "#9AA1AC",
                       "border-width": "2px", "text-color-internal": "#FFFFFF",
                       "font-size": "10px"}),
             ("relationship", {"color": "#A5ABB6", "shaft-width": "1px", "font-size": "8px",
                               "padding": "3px", "text-color-external": "#000000",
                               "text-color-internal": "#FFFFFF", "caption": "<type>"})]
    for label, node in schema.nodes.items():
        rules.append((f"node.{label}", _colours(node.colour) | {
            "diameter": node.diameter, "caption": node.caption}))
        # labels that refine this one (Actor -> Person...) come after it and win
        for kind, extra in node.type_labels.items():
            rules.append((f"node.{extra}", _colours(node.colours.get(kind, node.colour))))
    for rtype, rel in schema.relations.items():
        detail = detail_property(rtype) if rel.projected else None
        rules.append((f"relationship.{rtype}", {"color": rel.colour,
                                                "shaft-width": "2px" if rel.projected else "1px",
                                                "caption": f"{{{detail}}}" if detail
                                                else "<type>"}))
    out = []
    for selector, props in rules:
        body = "".join(f"  {k}: {_grass_value(k, v)};\n" for k, v in props.items())
        out.append(f"{selector} {{\n{body}}}\n")
    return "\n".join(out)


def _grass_value(key: str, value: str) -> str:
    return f"'{value}'" if key == "caption" else value


def _colours(colour: str) -> dict:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    border = "#{:02X}{:02X}{:02X}".format(*(int(c * 0.8) for c in (r, g, b)))
    light = 0.299 * r + 0.587 * g + 0.114 * b > 150
    return {"color": colour.upper(), "border-color": border,
            "text-color-internal": "#2A2C34" if light else "#FFFFFF"}


# --- one-click links -------------------------------------------------------------------

def browser_link(browser_url: str, cmd: str, arg: str) -> str:
    """``<browser>?cmd=…&arg=…``. The Browser decodes the whole URL once, then splits it
    on ``&`` and ``#``, so an argument must not contain those."""
    if "&" in arg or "#" in arg:
        raise ValueError(f"a Browser link argument cannot contain '&' or '#': {arg[:40]!r}")
    return f"{browser_url.rstrip('/')}/?cmd={cmd}&arg={quote(arg, safe='')}"


def links(queries: list[Query], kit_url: str, browser_url: str) -> list[dict]:
    kit = kit_url.rstrip("/")
    out = [{"title": "qantar guide (all packs)", "id": "guide",
            "url": browser_link(browser_url, "guide", f"{kit}/qantar.md")},
           {"title": "Example parameters", "id": "params",
            "url": browser_link(browser_url, "params", params_command(all_examples(queries))
                                .removeprefix(":params "))}]
    for query in queries:
        out.append({"title": query.title, "id": query.id,
                    "url": browser_link(browser_url, "edit", browser_text(query))})
        if query.graph:
            out.append({"title": f"{query.title} (graph)", "id": f"{query.id}.graph",
                        "url": browser_link(browser_url, "edit",
                                            browser_text(query, graph=True))})
    return out


def urls_markdown(items: list[dict]) -> str:
    return "# qantar: one-click links into the Neo4j Browser\n\n" + "".join(
        f"- [{item['title']}]({item['url']}) `{item['id']}`\n" for item in items)


def index_html(items: list[dict], kit_url: str, names: Iterable[str]) -> str:
    """The page of one-click links, and of the kit's files (``names``)."""
    kit = html.escape(kit_url.rstrip("/"), quote=True)
    rows = "".join(f'<li><a href="{html.escape(i["url"], quote=True)}">'
                   f'{html.escape(i["title"])}</a> <code>{html.escape(i["id"])}</code></li>\n'
                   for i in items)
    listed = "".join(f'<li><a href="{kit}/{name}">{name}</a></li>\n' for name in names
                     if name != "index.html")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>qantar Browser kit</title></head><body>\n"
            "<h1>qantar: Neo4j Browser kit</h1>\n<h2>Open in the Browser</h2>\n<ul>\n"
            f"{rows}</ul>\n<h2>Files</h2>\n<ul>\n{listed}</ul>\n</body></html>\n")


# --- build -----------------------------------------------------------------------

def kit_url_for(port: int) -> str:
    return f"http://localhost:{port}"


def build(out_dir: str | Path, *, kit_url: str = kit_url_for(DEFAULT_PORT),
          browser_url: str = DEFAULT_BROWSER_URL,
          queries: Iterable[Query] | None = None) -> list[Path]:
    """Write the kit into ``out_dir``; the paths written, in :func:`files` order."""
    queries = list(queries if queries is not None else load_packs())
    names = files(queries)
    for url in (kit_url, browser_url):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            raise ValueError(f"not an http(s) URL: {url!r}")
    items = links(queries, kit_url, browser_url)
    contents = {
        "qantar-favorites.zip": favorites_zip(queries),
        "qantar.md": guide(queries, kit_url),
        **{name: pack_guide(name.removeprefix("qantar-").removesuffix(".md"), queries, kit_url)
           for name in _pack_guides(queries)},
        "qantar.grass": grass(),
        "params.cypher": params_command(all_examples(queries)) + "\n",
        "urls.md": urls_markdown(items),
        "index.html": index_html(items, kit_url, names),
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        data = contents[name]
        path = out / name
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        tmp.replace(path)  # never a half-written file
        written.append(path)
    return written
