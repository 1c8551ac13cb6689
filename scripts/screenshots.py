#!/usr/bin/env python3
"""Screenshots of the network page: full, ego and timeline views, for the docs.

Loads the seed articles with the real pipeline into a temporary embedded store (or
reads ``--store``), writes the three pages with ``qantar.graph.exports.html``, opens each
in headless Debian Chromium with every request other than the page itself refused, and
saves ``full.png`` (the default view as it opens), ``ego.png`` (a node's panel
and the evidence of one of its relations) and ``timeline.png`` (the page of one
period: events on its date axis, actors on lanes).

    python scripts/screenshots.py                       # -> docs/img/*.png
    python scripts/screenshots.py --store qantar.lbug --focus "Samat Abish" --out /tmp/img
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from qantar.graph import analytics
from qantar.chromium import find_chromium
from qantar.graph.exports import html
from qantar.graph.stores import open_store
from qantar.loaders.pipeline import load

REPO = Path(__file__).resolve().parent.parent


def read_graph(store_path: Path | None):
    """The graph from ``store_path``, or the seeds loaded into a throwaway store."""
    if store_path:
        with open_store("embedded", path=store_path, read_only=True) as store:
            return store.to_networkx()
    with tempfile.TemporaryDirectory() as tmp:
        with open_store("embedded", path=Path(tmp) / "seeds.lbug") as store:
            report = load(store, [REPO / "seeds"])
            if report.errors:
                sys.exit("\n".join(report.errors))
            return store.to_networkx()


def _open(browser, path: Path, size: tuple[int, int], fragment: str = ""):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    url = path.resolve().as_uri()
    page.route("**/*", lambda r: r.continue_() if r.request.url.split("#")[0] == url
               else r.abort())
    page.goto(url + fragment)
    page.wait_for_selector("body[data-ready]", timeout=60_000)
    return page


def _show_evidence(page, node: str) -> None:
    """Open the node's panel and the evidence of its first relation with a quote."""
    page.evaluate("id => window.qantar.network.selectNodes([id])", node)
    page.evaluate("""id => {
        const net = window.qantar.network;
        net.fit({nodes: [id], animation: false});
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.querySelector('#net canvas').getBoundingClientRect();
        window.__target = [box.left + p.x, box.top + p.y];
    }""", node)
    x, y = page.evaluate("window.__target")
    page.mouse.click(x, y)
    buttons = page.locator("#panel button.rel")
    if buttons.count():
        buttons.first.click()
    page.evaluate("window.qantar.network.fit({animation: false})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an embedded store (default: load seeds/)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    parser.add_argument("--focus", default="Nursultan Nazarbayev",
                        help="the actor of the ego view")
    parser.add_argument("--depth", type=int, default=1)
    parser.add_argument("--size", default="1440x900", help="viewport WIDTHxHEIGHT")
    parser.add_argument("--period", default="2022-01-01:2022-01-31",
                        help="FROM:TO of the timeline shot (a deep link)")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.split("x"))

    from playwright.sync_api import sync_playwright

    graph = read_graph(args.store)
    kg = analytics.knowledge_graph(graph)
    centre = analytics.find_actor(kg, args.focus)
    start, stop = args.period.split(":")
    args.out.mkdir(parents=True, exist_ok=True)
    views = {"full": {"view": "full"},
             "ego": {"view": "ego", "focus": centre, "depth": args.depth},
             "timeline": {"view": "timeline", "date_from": start, "date_to": stop}}
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("error: no Chromium on PATH (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--hide-scrollbars"])
        for name, options in views.items():
            page_path = Path(tmp) / f"{name}.html"
            count = html.write(graph, page_path, **options)
            page = _open(browser, page_path, size)
            if name == "ego":
                _show_evidence(page, centre)
            elif name == "full":  # the default view as it opens, the focus selected
                page.evaluate("id => window.qantar.network.selectNodes([id])", centre)
            else:
                page.evaluate("window.qantar.network.fit({animation: false})")
            out = args.out / f"{name}.png"
            page.screenshot(path=str(out))
            print(f"{out}: {name} view, {count} nodes and edges, "
                  f"{page.text_content('#counts')}", file=sys.stderr)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
