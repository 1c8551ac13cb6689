"""The bulk path's first step alone, in a process of its own: article files -> the
import tool's CSV files (:class:`qantar.graph.stores.import_files.ImportFiles`), with
no Neo4j. Prints JSON: wall seconds, the CPU seconds of this process (the loader: it
merges, counts and writes the files) and of the extraction workers, and the loader's
peak memory. The files go to a temporary folder, removed afterwards.

What it is for: the loader's share of ``qantar load --bulk`` compared between two
checkouts (run each with its own ``PYTHONPATH``, alternating), without the Java steps
whose start-up dominates the wall time on a busy machine.

Usage: python bench/bulk_files.py --corpus DIR [--workers N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from e2e import _cpu, peak_rss_mb

from qantar.graph.stores.import_files import ImportFiles
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.load(args.corpus / "gazetteer.yaml")
    with tempfile.TemporaryDirectory(prefix="qantar-bulk-files-") as tmp:
        start = time.perf_counter()
        files = ImportFiles(Path(tmp) / "import")
        try:
            report = load(files, [args.corpus / "articles"], gazetteer=gazetteer,
                          workers=args.workers)
        finally:
            files.close()
        seconds = time.perf_counter() - start
        size = sum(p.stat().st_size for p in files.folder.iterdir()) if files.done else 0
    print(json.dumps({
        "articles": report.articles, "statements": report.statements,
        "errors": len(report.errors), "seconds": seconds,
        "loader_cpu_s": _cpu(resource.RUSAGE_SELF),
        "workers_cpu_s": _cpu(resource.RUSAGE_CHILDREN),
        "loader_peak_rss_mb": peak_rss_mb(), "files_mb": size / 1e6,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
