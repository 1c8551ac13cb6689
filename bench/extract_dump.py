"""Every statement, event and actor the extraction gives, written one per line, in a
fixed order: run it from two checkouts and compare the files to show that a change
(a faster form of a rule, say) leaves the output byte-identical.

Articles under a ``heldout`` folder are written as one SHA-256 digest of their output
only, so the comparison covers them without anyone reading what they say.

Usage: python bench/extract_dump.py OUT [PATH ...]   (default PATH: seeds/, tests/corpus/)
       e.g.  git worktree add /tmp/base BASE
             (cd /tmp/base && python bench/extract_dump.py /tmp/base.txt)
             python bench/extract_dump.py /tmp/new.txt && cmp /tmp/base.txt /tmp/new.txt
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

from qantar.loaders.pipeline import extract
from qantar.loaders.read import find_articles, read_article

ROOT = Path(__file__).resolve().parent.parent


def _line(tag: str, record) -> str:
    return tag + " " + json.dumps(dataclasses.asdict(record), sort_keys=True, default=str,
                                  ensure_ascii=False)


def dump(paths, out: Path) -> tuple[int, int]:
    """Write the output of every article of ``paths`` to ``out``; (articles written in
    full, held-out articles written as a digest)."""
    blocks, held = {}, {}
    for path in find_articles(paths):
        batch = extract(read_article(path))
        name = str(Path(path).resolve().relative_to(ROOT)) \
            if Path(path).resolve().is_relative_to(ROOT) else str(path)
        lines = [f"## {name}"] + [_line("A", a) for a in batch.actors] \
            + [_line("E", e) for e in batch.events] + [_line("S", s) for s in batch.statements]
        (held if "heldout" in Path(path).parts else blocks)[name] = "\n".join(lines)
    digest = hashlib.sha256("\n".join(held[k] for k in sorted(held)).encode()).hexdigest()
    with out.open("w", encoding="utf-8") as f:
        for name in sorted(blocks):
            f.write(blocks[name] + "\n")
        f.write(f"## held out: {len(held)} articles, sha256 {digest}\n")
    return len(blocks), len(held)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("paths", nargs="*", default=[ROOT / "seeds", ROOT / "tests/corpus"])
    args = ap.parse_args(argv)
    full, held = dump(args.paths, args.out)
    print(f"{full} articles written to {args.out}, {held} held out as a digest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
