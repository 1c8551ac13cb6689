"""A self-contained interactive network page (vis-network inlined, works offline).

Nodes and edges are built with pyvis; the page is written from our own template because
pyvis 0.3.2's templates link a CDN. Data travels as JSON inside a
``<script type="application/json">`` block with ``<`` escaped, and the page inserts all
article text with ``textContent``: text from articles is never markup.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .. import schema as schema_mod


def _vis_js() -> str:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def page_data(graph: nx.MultiDiGraph) -> dict:
    """Actors and events as nodes, projected edges as edges, statements as evidence."""
    schema = schema_mod.load()
    net = Network(directed=True)
    shown = {n for n, d in graph.nodes(data=True) if d["label"] in ("Actor", "Event")}
    for node in sorted(shown):
        data = graph.nodes[node]
        colour = (schema.nodes["Actor"].colours.get(data.get("type", ""))
                  if data["label"] == "Actor" else schema.nodes["Event"].colour)
        net.add_node(node, label=data.get("name", node), color=colour,
                     title=None, group=data.get("type", data["label"]))
    for src, dst, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        rel = schema.relations[data["type"]]
        if not rel.projected or src not in shown or dst not in shown:
            continue
        net.add_edge(src, dst, id=key, label=data["type"], color=rel.colour,
                     statements=data.get("statement_ids", []))
    statements = {}
    articles = {n: d for n, d in graph.nodes(data=True) if d["label"] == "Article"}
    for node, data in graph.nodes(data=True):
        if data["label"] == "Statement":
            art = articles.get(data.get("article_id", ""), {})
            statements[node] = {"quote": data.get("quote", ""),
                                "outlet": art.get("publisher", ""),
                                "date": art.get("published", ""), "url": art.get("url", ""),
                                "speaker": data.get("speaker_id", "")}
    return {"nodes": net.nodes, "edges": net.edges, "statements": statements}


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # inside <script>, "</script>" or "<!--" in a quote must not end the block
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<title>qantar network</title>
<style>body{margin:0;font:14px sans-serif}#net{position:absolute;left:0;right:320px;top:0;bottom:0}
#side{position:absolute;right:0;top:0;bottom:0;width:300px;padding:10px;overflow:auto;border-left:1px solid #ccc}
.card{border:1px solid #ddd;padding:6px;margin:6px 0}</style></head>
<body><div id="net"></div><div id="side"><div id="counts"></div><div id="evidence"></div></div>
<script type="application/json" id="graph-data">__DATA__</script>
<script>__VIS__</script>
<script>
const data = JSON.parse(document.getElementById('graph-data').textContent);
const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
const network = new vis.Network(document.getElementById('net'), {nodes, edges},
  {physics: {stabilization: {iterations: 200}}, edges: {arrows: 'to'}});
network.once('stabilizationIterationsDone', () => network.setOptions({physics: false}));
document.getElementById('counts').textContent = nodes.length + ' nodes, ' + edges.length + ' edges';
network.on('click', params => {
  const box = document.getElementById('evidence'); box.replaceChildren();
  for (const id of params.edges) {
    for (const sid of (edges.get(id).statements || [])) {
      const st = data.statements[sid]; if (!st) continue;
      const card = document.createElement('div'); card.className = 'card';
      const q = document.createElement('blockquote'); q.textContent = st.quote;
      const src = document.createElement('div'); src.textContent = st.outlet + ' ' + st.date;
      card.append(q, src); box.append(card);
    }
  }
});
</script></body></html>
"""


def write(graph: nx.MultiDiGraph, path: str | Path, **_options) -> int:
    data = page_data(graph)
    html = TEMPLATE.replace("__VIS__", _vis_js()).replace("__DATA__", _json_for_script(data))
    Path(path).write_text(html, encoding="utf-8")
    return len(data["nodes"]) + len(data["edges"])
