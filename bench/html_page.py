"""HTML export: time and size at 500, 2,000 and 10,000 nodes, and time to interactive.

The graphs are synthetic but shaped like ``Store.to_networkx()`` (actors, events,
projected edges carrying statement ids, statements, articles), so the real exporter
(``graph/exports/html.py``) does all its work. Time to interactive in headless Chromium:
navigation start to the end of the last long task (>50 ms, the browser's own Long Tasks
API) once the page has been quiet for a second — the moment a click gets an answer.
``marks`` are the page's own ``performance.mark`` times (ms): data ``parsed``,
``datasets`` built, vis ``network`` constructed, app ``started``, first ``drawn``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx

from qantar.chromium import find_chromium
from qantar.graph import schema as schema_mod



def synthetic_graph(nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    """``nodes`` actors and events, ~2 edges per node, one statement per edge."""
    rng = random.Random(seed)
    schema = schema_mod.load()
    projected = [r for r in schema.projected]
    g = nx.MultiDiGraph()
    articles = [f"article:{i:016x}" for i in range(max(5, nodes // 10))]
    for i, aid in enumerate(articles):
        g.add_node(aid, label="Article", id=aid, title=f"Article {i}", publisher="Bench Wire",
                   published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", url=f"https://example.org/{i}")
    ids = []
    for i in range(nodes):
        if i % 10 == 9:
            nid = f"event:{i:08d}"
            g.add_node(nid, label="Event", id=nid, type="arrest", name=f"arrest {i}",
                       date="2022-01-06", date_precision="day")
        else:
            kind = ("person", "organization", "place")[i % 3]
            nid = f"{kind}:actor-{i}"
            g.add_node(nid, label="Actor", id=nid, type=kind, name=f"Actor {i}",
                       aliases=[f"Актор {i}"], first_cited="2022-01-05", last_cited="2023-02-01")
        ids.append(nid)
    for e in range(nodes * 2):
        src, dst = rng.sample(ids, 2)
        rtype = "PARTICIPATED_IN" if dst.startswith("event:") else rng.choice(
            [t for t in projected if t not in ("PARTICIPATED_IN", "OCCURRED_IN")])
        if src.startswith("event:"):
            src, dst = dst, src
            rtype = "PARTICIPATED_IN"
        if src.startswith("event:"):
            continue
        sid = f"stmt:{e:016x}"
        art = rng.choice(articles)
        g.add_node(sid, label="Statement", id=sid, predicate=rtype.lower(), subject_id=src,
                   object_id=dst, quote=f"{src} and {dst} were named together.",
                   span_start=0, span_end=10, article_id=art, published="2022-01-05",
                   modality="reported", method="pattern", confidence=1.0)
        g.add_edge(src, dst, key=f"edge:{e:016x}", type=rtype, statement_ids=[sid], sources=1,
                   first_cited="2022-01-05", last_cited="2022-01-05", modality="reported")
        g.add_edge(art, sid, key=f"STATES:{art}->{sid}", type="STATES")
    return g


def time_to_interactive(page_path: Path, timeout: float = 90.0) -> dict:
    """Load the page in headless Chromium; milliseconds to load and to interactive."""
    from playwright.sync_api import sync_playwright

    observer = ("window.__longtasks = [];"
                "new PerformanceObserver(l => { for (const e of l.getEntries())"
                " window.__longtasks.push(e.startTime + e.duration); })"
                ".observe({type: 'longtask', buffered: true});")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.add_init_script(observer)
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=timeout * 1000)
            deadline = time.monotonic() + timeout
            seen, quiet_since = -1, time.monotonic()
            while time.monotonic() < deadline:
                count = page.evaluate("window.__longtasks.length")
                if count != seen:
                    seen, quiet_since = count, time.monotonic()
                elif time.monotonic() - quiet_since > 1.0:
                    break
                time.sleep(0.1)
            timing = page.evaluate(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " const lt = window.__longtasks;"
                " return {load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd,"
                " last_long_task: lt.length ? Math.max(...lt) : 0, long_tasks: lt.length,"
                " canvas: !!document.querySelector('canvas'),"
                " marks: Object.fromEntries(performance.getEntriesByType('mark')"
                ".filter(m => m.name.startsWith('qantar:'))"
                ".map(m => [m.name.slice(7), Math.round(m.startTime)]))}; })()")
        finally:
            browser.close()
    timing["interactive_ms"] = max(timing["dcl"], timing["last_long_task"])
    timing["errors"] = errors[:3]
    return timing


def one(n: int, out: Path, browser: bool) -> dict:
    from qantar.graph.exports import html

    graph = synthetic_graph(n)
    path = out / f"page-{n}.html"
    start = time.perf_counter()
    html.write(graph, path)
    row = {"nodes": n, "edges": sum(1 for *_, d in graph.edges(data=True) if d["type"] != "STATES"),
           "export_s": time.perf_counter() - start, "bytes": path.stat().st_size}
    if browser:
        try:
            row["browser"] = time_to_interactive(path)
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            row["browser"] = {"error": str(exc).splitlines()[0][:200]}
    return row


def run(out: Path, sizes: tuple[int, ...], *, browser: bool = True,
        timeout: float = 300.0) -> list[dict]:
    """Each size in a child process, stopped after ``timeout`` seconds."""
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sizes:
        cmd = [sys.executable, __file__, str(n), str(out)] + ([] if browser else ["--no-browser"])
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            results.append({"nodes": n, "error": f"export did not finish in {timeout:.0f} s"})
            continue
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            results.append({"nodes": n, "error": tail[:200]})
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


if __name__ == "__main__":
    size, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(json.dumps(one(size, folder, "--no-browser" not in sys.argv)))
