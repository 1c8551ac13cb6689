"""Run every benchmark side by side and write the Markdown report (bench/run calls this).

    python bench/bench.py [--quick] [--articles N] [--out bench/out] [--no-neo4j]
                          [--spacy-python PATH] [--results bench/RESULTS.md] [--quiet]
                          [--growth 1000,2500,5000,10000]

Progress goes to stderr: a bar over the sections with counts and an ETA when stderr
is a terminal, else a line per section as it starts and ends; ``--quiet`` for none.

Neo4j: ``NEO4J_URI`` (+ NEO4J_USERNAME/NEO4J_PASSWORD/NEO4J_DATABASE) when set — the
benchmark empties that database, so point it at a scratch one; otherwise a local Neo4j
5.26 is started for the run (qantar.neo4j_local) and stopped after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import e2e as e2e_mod  # noqa: E402
import embedded_write  # noqa: E402
import extraction  # noqa: E402
import generate  # noqa: E402
import growth  # noqa: E402
import html_page  # noqa: E402
import machine  # noqa: E402
import neo4j_write  # noqa: E402
import query_latency  # noqa: E402
import report  # noqa: E402
import truth  # noqa: E402

from qantar.cli import progress  # noqa: E402

NEO4J_SECTIONS = ("neo4j_write", "neo4j_e2e", "neo4j_queries", "neo4j_recall")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def start_neo4j(pagecache_mb: int = 2048, heap: str | None = None):
    """(settings, server or None, note). NEO4J_URI wins; else a local server.

    The local launcher's page cache default (64 MB) is for tests; a 10k-article graph
    needs its store in memory, as any production server would have it.
    """
    from qantar.graph.stores.neo4j import Neo4jSettings

    if os.environ.get("NEO4J_URI"):
        return Neo4jSettings.from_env(), None, "NEO4J_URI from the environment"
    from qantar import neo4j_local

    heap = heap or os.environ.get("QANTAR_NEO4J_HEAP", "2g")
    server = neo4j_local.start(heap=heap, pagecache_mb=pagecache_mb)
    settings = Neo4jSettings(uri=server.uri, username=server.username,
                             password=server.password, database=server.database)
    return settings, server, (f"local Neo4j {server.version} (neo4j-harness), heap "
                              f"{heap}, page cache {pagecache_mb} MB")


def run_e2e(backend: str, corpus: Path, env: dict, store: Path | None = None,
            timeout: float = 900) -> dict:
    cmd = [sys.executable, str(HERE / "e2e.py"), "--backend", backend, "--corpus", str(corpus)]
    if backend == "neo4j":
        cmd.append("--wipe")
    if store:
        cmd += ["--store", str(store)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": tail[:300]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - start
    return result


def run_bulk(corpus: Path, data_dir: Path, env: dict, timeout: float = 1800) -> dict:
    """``qantar load --bulk``'s path (bench/bulk_load.py) in a child process."""
    cmd = [sys.executable, str(HERE / "bulk_load.py"), "--corpus", str(corpus),
           "--data-dir", str(data_dir)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout,
                          cwd=HERE)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": tail[:300]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _fresh(path: Path) -> Path:
    for p in (path, Path(str(path) + ".wal")):
        if p.is_dir():
            import shutil
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny corpus, short budgets")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--no-neo4j", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--html-sizes", default=None,
                        help="comma-separated node counts (default 500,2000,10000)")
    parser.add_argument("--spacy-python", default=os.environ.get("QANTAR_BENCH_SPACY_PYTHON"))
    parser.add_argument("--growth", default=None, metavar="N,N,...",
                        help="also load these corpus sizes into each engine and fit the "
                             "growth exponent (e.g. 1000,2500,5000,10000; adds their loads "
                             "to the run's time)")
    parser.add_argument("--results", type=Path, default=None,
                        help="also copy the report here (bench/run: bench/RESULTS.md)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)

    stages = ["corpus", "extraction",
              *([] if args.no_neo4j else ["neo4j", *NEO4J_SECTIONS,
                                          *(["growth"] if args.growth else [])]),
              "embedded_write", "embedded_e2e", "embedded_queries", "recall",
              "embedded_e2e_small", "html"]
    with progress.stages(stages, "Benchmark", progress.wanted(args.quiet)) as begin:
        def step(stage: str, message: str) -> None:
            """The bar names the stage, or the log line tells it (unless --quiet)."""
            if begin:
                begin(stage)
            elif message and not args.quiet:
                log(message)

        def ended(message: str) -> None:
            if not (begin or args.quiet):
                log(message)

        report_path, total_s = run(args, step, ended)
    log(f"report: {report_path} ({total_s:.0f} s)")
    return 0


def run(args: argparse.Namespace, step, ended) -> tuple[Path, float]:
    """Every section in turn; ``step(stage, message)`` as each starts (a message of
    None: skipped, nothing to log), ``ended(message)`` as each ends. Returns the
    report's path and the seconds taken."""
    quick = args.quick
    n = args.articles or (60 if quick else 10_000)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    res: dict = {"quick": quick, "articles": n, "date": dt.datetime.now().isoformat(timespec="seconds"),
                 "machine": machine.info(), "load_before": machine.load()}

    step("corpus", f"generating {n} articles")
    corpus = out / f"corpus-{n}-{args.seed}"
    t = time.perf_counter()
    res["corpus"] = generate.generate(corpus, n, args.seed)
    res["corpus"]["generate_s"] = time.perf_counter() - t
    res["corpus"]["path"] = str(corpus)

    def save() -> None:
        """Results and report after every section: a stopped run still leaves numbers."""
        res["total_s"] = time.perf_counter() - started
        (out / "results.json").write_text(json.dumps(res, indent=1, default=str))
        (out / "REPORT.md").write_text(report.markdown(res), encoding="utf-8")

    def section(name: str, fn):
        step(name, name)
        t0 = time.perf_counter()
        try:
            res[name] = fn()
        except Exception as exc:  # noqa: BLE001 - one failing section must not hide the others
            res[name] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"}
            traceback.print_exc()
        ended(f"{name} done in {time.perf_counter() - t0:.1f} s")
        save()

    section("extraction", lambda: extraction.run(corpus, quick=quick,
                                                 spacy_python=args.spacy_python))

    from qantar.graph.stores import open_store
    from qantar.loaders.gazetteer import Gazetteer
    from qantar.loaders.pipeline import LoadReport, read_batches

    gazetteer = Gazetteer.load(corpus / "gazetteer.yaml")
    env = dict(os.environ)
    server = None
    # the write benchmarks (batched vs per-row) share one parsed slice of the corpus
    subset = sorted((corpus / "articles").rglob("*.md"))[: 40 if quick else 200]
    batches = list(read_batches(subset, LoadReport(), gazetteer, workers=1))
    if args.no_neo4j:
        res["neo4j"] = {"skipped": "--no-neo4j"}
    else:
        try:
            step("neo4j", "starting Neo4j")
            settings, server, note = start_neo4j()
            env.update(NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username,
                       NEO4J_PASSWORD=settings.password, NEO4J_DATABASE=settings.database)
            res["neo4j"] = {"server": note}
        except Exception as exc:  # noqa: BLE001
            res["neo4j"] = {"skipped": f"no Neo4j: {str(exc).splitlines()[0][:200]}"}
    try:
        if "server" in res.get("neo4j", {}):
            store = open_store("neo4j", settings=settings)
            res["neo4j"]["version"] = store.server_version()
            section("neo4j_write", lambda: neo4j_write.run(store, batches, quick=quick))
            store.close()
            section("neo4j_e2e", lambda: run_e2e("neo4j", corpus, env))
            store = open_store("neo4j", settings=settings)
            section("neo4j_queries", lambda: query_latency.run(store, repeats=5))
            section("neo4j_recall", lambda: truth.recall(store, corpus))
            store.close()
            if args.growth:
                section("growth", lambda: growth.run(
                    [int(x) for x in args.growth.split(",")], out, args.seed, env,
                    generate=generate, run_e2e=run_e2e, fresh=_fresh, server=server,
                    run_bulk=run_bulk))
        elif not args.no_neo4j:
            for name in (*NEO4J_SECTIONS, *(["growth"] if args.growth else [])):
                step(name, None)
    finally:
        if server is not None:
            server.stop()
    # the bulk path starts its own server on a folder of its own, once the other is gone
    if "server" in res.get("neo4j", {}) and server is not None:
        section("neo4j_bulk", lambda: run_bulk(corpus, _fresh(out / "bulk-neo4j"), env))

    if args.growth and "growth" not in res:  # no Neo4j: the embedded store alone
        section("growth", lambda: growth.run(
            [int(x) for x in args.growth.split(",")], out, args.seed, env,
            generate=generate, run_e2e=run_e2e, fresh=_fresh))
    section("embedded_write", lambda: embedded_write.run(batches, rounds=1))
    db = _fresh(out / "bench.lbug")
    section("embedded_e2e", lambda: run_e2e("embedded", corpus, env, store=db))
    store = open_store("embedded", path=db, read_only=True)
    section("embedded_queries", lambda: query_latency.run(
        store, repeats=5,
        reopen=lambda: open_store("embedded", path=db, read_only=True)))
    store.close()  # a fresh connection: the queries may have left the buffer pool full
    store = open_store("embedded", path=db, read_only=True)
    section("recall", lambda: truth.recall(store, corpus))
    store.close()

    # memory must not grow with the corpus beyond the graph: the same load at 1/5 size
    small_n = max(20, n // 5)
    small = out / f"corpus-{small_n}-{args.seed}"
    generate.generate(small, small_n, args.seed)
    section("embedded_e2e_small", lambda: run_e2e("embedded", small, env,
                                                  store=_fresh(out / "bench-small.lbug")))

    sizes = (100, 300) if quick else (500, 2000, 10_000)
    if args.html_sizes:
        sizes = tuple(int(x) for x in args.html_sizes.split(","))
    section("html", lambda: html_page.run(out / "html", sizes, browser=not args.no_browser,
                                          timeout=120 if quick else 240))

    res["load_after"] = machine.load()
    res["total_s"] = time.perf_counter() - started
    (out / "results.json").write_text(json.dumps(res, indent=1, default=str))
    text = report.markdown(res)
    (out / "REPORT.md").write_text(text, encoding="utf-8")
    if args.results:
        args.results.write_text(text, encoding="utf-8")
    return out / "REPORT.md", res["total_s"]


if __name__ == "__main__":
    sys.exit(main())
