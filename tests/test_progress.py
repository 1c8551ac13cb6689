"""The progress `load`, `export`, `analyze` and the bench show: at a terminal (run
under script(1)), bars with counts and an ETA on stderr that reach 100 %; piped, the
output each printed before there was a bar; ``--quiet``, no bar.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from qantar.graph import analytics
from qantar.graph.exports import FORMATS, stages, writer
from qantar.graph.stores import open_store
from qantar.loaders.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
INPUTS = ROOT / "examples" / "inputs"
PAGE = "E06_thetribune_court_orders_detention_for_nazarbayev_nephew.html"
QANTAR = str(Path(sys.executable).parent / "qantar")
terminal = pytest.mark.skipif(not shutil.which("script"),
                              reason="needs script(1) for a terminal")


def at_terminal(args: list[str], ok: bool = True) -> str:
    """What a terminal shows when ``args`` run at one (stdout and stderr together)."""
    result = subprocess.run(["script", "-qec", " ".join(args), "/dev/null"],
                            capture_output=True, text=True, timeout=900,
                            env={**os.environ, "COLUMNS": "100"})
    assert (result.returncode == 0) == ok, result.stdout[-3000:]
    return result.stdout


def last_bar(screen: str, label: str) -> str:
    """The last drawing of the bar called ``label``."""
    drawn = [line for line in re.split(r"[\r\n]", screen) if line.lstrip("\x1b[?25l")
             .startswith(label + " ")]
    assert drawn, f"no {label!r} bar in:\n{screen}"
    return drawn[-1]


def reached_the_end(bar: str, total: int) -> bool:
    return f" {total}/{total} " in bar and "100%" in bar


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "g.lbug"
    with open_store("embedded", path=path) as opened:
        load(opened, [SEEDS])
    return path


@pytest.fixture(scope="module")
def graph(store):
    with open_store("embedded", path=store, read_only=True) as opened:
        return opened.to_networkx(), sum(opened.counts().values())


# --------------------------------------------------------------------------- load

def test_a_piped_load_prints_what_it_always_printed(tmp_path):
    qantar = [QANTAR, "--store", str(tmp_path / "g.lbug")]
    result = subprocess.run([*qantar, "load", str(SEEDS)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "loaded 5 article(s)\n"
    assert re.fullmatch(r"Loaded 5 article\(s\) into embedded: \d+ statements\.",
                        result.stdout.splitlines()[0])
    quiet = subprocess.run([*qantar, "load", "--quiet", str(SEEDS)],
                           capture_output=True, text=True, timeout=300)
    assert quiet.stderr == "" and quiet.stdout == result.stdout


@terminal
def test_a_load_at_a_terminal_shows_a_bar_that_reaches_100_percent(tmp_path):
    screen = at_terminal([QANTAR, "--store", str(tmp_path / "g.lbug"), "load", str(SEEDS),
                          str(INPUTS / "seeds.jsonl")])
    # the seeds and their dump: ten articles counted before the load, five distinct
    assert reached_the_end(last_bar(screen, "Loading"), 10), screen
    assert "loaded 10 article(s)" not in screen  # the bar replaces the log lines
    assert "Loaded 10 article(s)" in screen


@pytest.fixture
def pages():
    """The example page served on 127.0.0.1 (http.server over examples/inputs)."""
    handler = functools.partial(_QuietHandler, directory=str(INPUTS))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@terminal
def test_a_load_of_urls_at_a_terminal_counts_each_page_once(tmp_path, pages):
    url = f"{pages}/{PAGE}"
    links = tmp_path / "links.txt"
    links.write_text(f"{url}\n{pages}/missing.html\n", encoding="utf-8")
    screen = at_terminal([QANTAR, "--store", str(tmp_path / "g.lbug"), "load", url, "--urls",
                          str(links)], ok=False)
    assert reached_the_end(last_bar(screen, "Fetching"), 3), screen
    # the page named twice is fetched once, loaded once, and the bar ends where it does
    assert reached_the_end(last_bar(screen, "Loading"), 1), screen
    assert f"{links}:2: {pages}/missing.html: HTTP 404" in screen
    assert "Loaded 1 article(s)" in screen


# --------------------------------------------------------------------------- export

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_piped_export_prints_what_it_always_printed(store, graph, fmt, tmp_path):
    """One line on stderr, and the file the library writes without any progress."""
    expected = tmp_path / f"library.{fmt}"
    count = writer(fmt)(graph[0], expected)
    for flags in ([], ["--quiet"]):
        out = tmp_path / f"cli.{fmt}"
        result = subprocess.run([QANTAR, "--store", str(store), "export", fmt, "-o", str(out),
                                 *flags], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "" and result.stderr == f"Wrote {out} ({count} items).\n"
        assert out.read_bytes() == expected.read_bytes()


@terminal
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_at_a_terminal_shows_bars_that_reach_100_percent(store, graph, fmt,
                                                                    tmp_path):
    out = tmp_path / f"cli.{fmt}"
    screen = at_terminal([QANTAR, "--store", str(store), "export", fmt, "-o", str(out)])
    # every node and relationship of the store read, every stage of the writer done
    assert reached_the_end(last_bar(screen, "Reading"), graph[1]), screen
    assert reached_the_end(last_bar(screen, f"Writing {fmt}"), len(stages(fmt))), screen
    assert f"Wrote {out} (" in screen
    expected = tmp_path / f"library.{fmt}"
    writer(fmt)(graph[0], expected)
    assert out.read_bytes() == expected.read_bytes()


@terminal
def test_an_export_at_a_terminal_with_quiet_shows_no_bar(store, tmp_path):
    out = tmp_path / "cli.jsonl"
    screen = at_terminal([QANTAR, "--store", str(store), "export", "jsonl", "-o", str(out),
                          "--quiet"])
    assert screen.strip() == f"Wrote {out} ({out.read_text().count(chr(10))} items)."


# --------------------------------------------------------------------------- analyze

def test_a_piped_analyze_prints_what_it_always_printed(store, graph):
    qantar = [QANTAR, "--store", str(store), "analyze"]
    json_out = subprocess.run([*qantar, "--format", "json"], capture_output=True,
                              text=True, timeout=300)
    assert json_out.returncode == 0 and json_out.stderr == ""
    expected = analytics.analyze(graph[0], top=15)
    assert json_out.stdout == json.dumps(expected, ensure_ascii=False, indent=2,
                                         sort_keys=True) + "\n"
    table = subprocess.run(qantar, capture_output=True, text=True, timeout=300)
    quiet = subprocess.run([*qantar, "--quiet"], capture_output=True, text=True, timeout=300)
    assert table.stderr == quiet.stderr == ""
    assert table.stdout == quiet.stdout and table.stdout.startswith("Top 15 actors by pagerank")


@terminal
def test_analyze_at_a_terminal_shows_bars_that_reach_100_percent(store, graph):
    screen = at_terminal([QANTAR, "--store", str(store), "analyze", "--top", "3"])
    assert reached_the_end(last_bar(screen, "Reading"), graph[1]), screen
    assert reached_the_end(last_bar(screen, "Analyzing"), len(analytics.STAGES)), screen
    assert "Top 3 actors by pagerank" in screen


# --------------------------------------------------------------------------- bench
# (bench/bench.py piped is tests/test_bench_smoke.py's quick run)

@terminal
def test_the_bench_at_a_terminal_shows_a_bar_over_its_sections(tmp_path):
    screen = at_terminal([sys.executable, str(ROOT / "bench" / "bench.py"), "--quick",
                          "--articles", "10", "--out", str(tmp_path), "--no-neo4j",
                          "--no-browser"])
    # corpus, extraction, four embedded sections, the small corpus's load, html
    assert reached_the_end(last_bar(screen, "Benchmark"), 8), screen
    # the bar replaces the section log lines; the report's path is still said
    assert [ln for ln in screen.splitlines() if "[bench " in ln] == [
        ln for ln in screen.splitlines() if "] report: " in ln], screen
    assert (tmp_path / "REPORT.md").is_file()
