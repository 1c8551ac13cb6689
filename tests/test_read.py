"""Reading article files: front matter, seeds byte-identical, clear one-line errors."""

import hashlib
from pathlib import Path

import pytest

from qantar.loaders.errors import InputError
from qantar.loaders.read import find_articles, read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_files():
    return sorted(SEEDS.glob("0*.txt"))


def test_the_seeds_folder_holds_only_its_five_articles():
    """Loading seeds/ reads the five articles, not the data files beside them (a word
    list saved as .txt was once loaded as an article)."""
    found = sorted(p.name for p in find_articles([SEEDS]))
    assert found == [p.name for p in seed_files()]
    assert len(found) == 5


def test_five_seed_articles_with_metadata():
    articles = [read_article(p) for p in seed_files()]
    assert len(articles) == 5
    for art in articles:
        assert art.title and art.publisher and art.url.startswith("https://")
        assert art.published[:4] in {"2022", "2023", "2024"}
    first = read_article(SEEDS / "000_9fb643f376190d20.txt")
    assert (first.published, first.published_precision) == ("2024-01-04", "day")
    assert read_article(SEEDS / "003_cc4235c471014565.txt").published_precision == "month"


def test_seed_bodies_are_byte_identical_to_the_originals():
    """Against the originals' checksums recorded in seeds/SHA256SUMS (same format as
    `sha256sum`)."""
    sums = dict(reversed(line.split("  ", 1))
                for line in (SEEDS / "SHA256SUMS").read_text().splitlines())
    assert sorted(sums) == [p.name for p in seed_files()]
    for path in seed_files():
        body = read_article(path).body.encode("utf-8")
        assert hashlib.sha256(body).hexdigest() == sums[path.name]


def test_article_id_depends_on_the_body_only(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_text("Tokayev spoke.\n", encoding="utf-8")
    b.write_text("---\ntitle: T\n---\nTokayev spoke.\n", encoding="utf-8")
    assert read_article(a).id == read_article(b).id


@pytest.mark.parametrize("content, message, line", [
    (b"", "empty article", None),
    (b"\x00\x01\x02binary", "binary file", None),
    (b"<!DOCTYPE html><html><body>x</body></html>", "HTML", 1),
    (b"---\ntitle: [unclosed\n---\nbody\n", "front matter", 3),
    (b"---\ntitle: x\n", "never closed", 1),
    (b"---\ntitle: x\ntags: y\n---\nbody\n", "unknown key 'tags'", 3),
    (b"---\ndate: 2022-02-31\n---\nbody\n", "not a valid", 2),
])
def test_bad_files_give_one_line_errors_with_file_and_line(tmp_path, content, message, line):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(path)
    text = str(err.value)
    assert "\n" not in text and str(path) in text and message in text
    assert err.value.line == line


def test_missing_path_is_an_error():
    with pytest.raises(InputError, match="no such file"):
        list(find_articles(["/nonexistent/qantar"]))
