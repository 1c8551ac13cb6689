"""Property-based tests over the loaders: arbitrary bytes, front matter and Unicode.

Whatever comes in, reading gives an article or a one-line :class:`InputError` (never
another exception), every quote is the exact text of its article at its span, and every
id is a function of the content alone.

CI runs 200 examples per property. A longer campaign::

    QANTAR_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from qantar.graph.records import Article
from qantar.graph.text import printable
from qantar.loaders.errors import InputError
from qantar.loaders.gazetteer import parse
from qantar.loaders.pipeline import extract
from qantar.loaders.read import FRONT_MATTER_KEYS, read_article

EXAMPLES = int(os.environ.get("QANTAR_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 200,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Names the gazetteer knows, in every spelling it lists (Latin and Cyrillic), so that
# generated text actually exercises matching, resolution and the relation patterns.
NAMES = sorted({n for a in parse() for n in (a.name, *a.aliases)})
GLUE = ["'s nephew, ", " was appointed chairman of ", " said on 5 January 2022 that ",
        ", the former head of ", " arrested ", " and ", ". ", "\n\n", " — ", " (", ") ",
        " accused ", " of treason. ", " dismissed ", "«", "»", "\u201c", "\u201d"]
# Real sentences from the seeds, so that patterns fire on text they were written for,
# then get cut, spliced and mixed with noise.
SEED_SENTENCES = sorted({s.strip() for path in sorted(
    (Path(__file__).resolve().parent.parent / "seeds").glob("0*.txt"))
    for s in re.split(r"(?<=[.!?])\s+", read_article(path).body) if 20 < len(s.strip()) < 400})
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

_DIR = tempfile.TemporaryDirectory(prefix="qantar-fuzz-")


def write(data: bytes, name: str = "article.txt") -> Path:
    path = Path(_DIR.name) / name
    path.write_bytes(data)
    return path


def read_or_error(data: bytes, name: str = "article.txt") -> Article | None:
    """The article, or None after checking the error is one line naming the file."""
    path = write(data, name)
    try:
        article = read_article(path)
    except InputError as exc:
        text = str(exc)
        assert "\n" not in text and "\r" not in text and text.startswith(printable(path)), text
        return None
    check_article(article)
    return article


def check_article(article: Article) -> None:
    assert article.id == "article:" + hashlib.sha256(article.body.encode()).hexdigest()[:16]
    assert article.body.strip()
    assert article.published == "" or ISO.match(article.published), article.published
    assert article.published_precision == {0: "unknown", 4: "year", 7: "month",
                                           10: "day"}[len(article.published)]


def text_bodies():
    """Article-like text: known names glued with words that trigger the patterns, and
    arbitrary Unicode in between (combining marks, RTL, ligatures, emoji...)."""
    piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(GLUE),
                      st.sampled_from(SEED_SENTENCES),
                      st.tuples(st.sampled_from(SEED_SENTENCES), st.integers(0, 400))
                      .map(lambda t: t[0][t[1]:]),
                      st.text(max_size=20), st.sampled_from(["ß", "ﬁ", "İ", "ǅ", "\u0301",
                                                             "\u202e", "\ufeff", "ё", "Ё"]))
    return st.lists(piece, min_size=1, max_size=40).map("".join)


# --------------------------------------------------------------------------- reading


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_an_article_or_a_one_line_error(data):
    read_or_error(data)


@FUZZ
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32",
                                               "latin-1", "cp1252", "cp1251", "koi8-r",
                                               "utf-16-le"]))
def test_text_in_any_encoding_is_decoded_exactly_or_refused(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    article = read_or_error(data)
    if article is not None and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        assert text.lstrip("\ufeff").endswith(article.body) or article.body in text


@FUZZ
@given(st.dictionaries(
    st.one_of(st.sampled_from(FRONT_MATTER_KEYS), st.text(max_size=10)),
    st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(), st.booleans(),
              st.dates(), st.lists(st.text(max_size=5), max_size=3),
              st.sampled_from(["2022-02-31", "31 February 2022", "the 1990s", "2022-13",
                               "2022-01-05T10:00:00+06:00", "0000", "9999-12-31"])),
    max_size=6), text_bodies())
def test_arbitrary_front_matter_gives_an_article_or_a_one_line_error(meta, body):
    head = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    article = read_or_error(f"---\n{head}---\n{body}".encode("utf-8"))
    if article is not None:
        assert article.body == body
        assert set(meta) <= set(FRONT_MATTER_KEYS)


@FUZZ
@given(st.text(max_size=300), st.text(max_size=300))
def test_raw_front_matter_text_gives_an_article_or_a_one_line_error(raw, body):
    read_or_error(f"---\n{raw}\n---\n{body}".encode("utf-8"))


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_characters="/\x00",
                                      blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_hostile_file_names_stay_on_one_line(name):
    assume(name not in (".", ".."))
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        assume(False)
    assume(len(encoded) < 200)
    read_or_error(b"", name + ".txt")  # empty: always an error that names the file


# --------------------------------------------------------------------------- extraction


@FUZZ
@given(text_bodies())
def test_every_quote_is_its_article_at_its_span_and_ids_are_stable(body):
    # a leading U+FEFF is a byte-order mark (dropped), "<" opens HTML, "---" front matter
    assume(body.strip() and not body.lstrip().startswith(("<", "---", "\ufeff")))
    article = read_or_error(body.encode("utf-8"), "a.txt")
    assume(article is not None)
    batch = extract(article)
    for st_ in batch.statements:
        assert st_.article_id == article.id
        assert 0 <= st_.span_start <= st_.span_end <= len(article.body)
        assert article.body[st_.span_start:st_.span_end] == st_.quote, st_
    ids = [s.id for s in batch.statements]
    assert len(ids) == len(set(ids))
    known = {a.id for a in batch.actors} | {e.id for e in batch.events}
    for st_ in batch.statements:
        for ref in (st_.subject_id, st_.object_id, st_.speaker_id):
            assert not ref or ref in known, ref

    # the same text under another name and with front matter: the same ids
    again = read_or_error(b"---\ntitle: Other\npublisher: Elsewhere\n---\n"
                          + body.encode("utf-8"), "b.md")
    assert again is not None and again.id == article.id
    assert [s.id for s in extract(again).statements] == ids
    assert sorted(a.id for a in extract(again).actors) == sorted(a.id for a in batch.actors)
