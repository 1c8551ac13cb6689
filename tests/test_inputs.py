"""Articles in the form people have them: saved web pages, URLs, JSON Lines and CSV
dumps (the progress a load shows: tests/test_progress.py).

Pages are served by a local HTTP server on 127.0.0.1 only; nothing here reaches
another address.
"""

from __future__ import annotations

import doctest
import json
import re
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.loaders import dumps, fetch, web
from qantar.loaders.errors import InputError
from qantar.loaders.pipeline import LoadReport, extract, read_batches
from qantar.loaders.read import read_article, read_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
INPUTS = ROOT / "examples" / "inputs"
PAGE = INPUTS / "E06_thetribune_court_orders_detention_for_nazarbayev_nephew.html"
TWIN = ROOT / "tests" / "corpus" / "dev" / (PAGE.stem + ".md")


def run(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(tmp_path / "graph.lbug"), *args],
                              catch_exceptions=False)


def errors_of(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]


def export(tmp_path: Path, name: str = "graph") -> list[dict]:
    out = tmp_path / f"{name}.jsonl"
    result = run(tmp_path, "export", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_doc_examples_run():
    for module in (web, fetch, dumps):
        assert doctest.testmod(module).failed == 0, module.__name__


# --------------------------------------------------------------------------- web pages

def test_a_saved_page_gives_the_statements_of_its_md_twin():
    page, twin = read_article(PAGE), read_article(TWIN)
    assert (page.title, page.publisher, page.url) == (twin.title, twin.publisher, twin.url)
    # the page says "2022-03" and the month stays a month (htmldate would add a day)
    assert (page.published, page.published_precision) == ("2022-03", "month")
    # the page adds its headline above the text; nav, share buttons, related stories
    # and the footer are gone
    added = page.title + "\n"
    assert page.body == added + twin.body
    for boilerplate in ("Subscribe", "Share on Twitter", "Related stories", "newsletter"):
        assert boilerplate not in page.body

    from_page, from_twin = extract(page), extract(twin)

    def key(batch, st, shift=0):
        # an event by its type: the headline may date an act the lead leaves undated
        # (acts in a headline take the article's month), changing its id and date
        events = {e.id: e.type for e in batch.events}
        ends = [events.get(x, x) for x in (st.subject_id, st.object_id)]
        return (st.predicate, *ends, st.detail, st.quote, st.span_start - shift,
                st.start_date, st.end_date, st.speaker_id, st.modality)

    page_statements = {key(from_page, st, len(added)) for st in from_page.statements}
    twin_statements = {key(from_twin, st) for st in from_twin.statements}
    assert len(twin_statements) > 30 and twin_statements <= page_statements
    for st in from_page.statements:  # what only the page states comes from the headline
        if key(from_page, st, len(added)) not in twin_statements:
            assert st.span_end <= len(added), st
        assert page.body[st.span_start:st.span_end] == st.quote


def test_the_store_keeps_the_extracted_text_so_every_quote_stays_verifiable(tmp_path):
    result = run(tmp_path, "load", str(PAGE), str(SEEDS / "000_9fb643f376190d20.txt"))
    assert result.exit_code == 0, result.stderr
    rows = export(tmp_path)
    articles = {r["id"]: r["properties"] for r in rows if r.get("labels") == ["Article"]}
    page = next(a for a in articles.values() if a["path"] == PAGE.name)
    seed = next(a for a in articles.values() if a["path"].startswith("000_"))
    assert page["body"] == read_article(PAGE).body
    assert "body" not in seed  # a text file is its own record
    quotes = [r["properties"] for r in rows if r.get("labels") == ["Statement"]
              and r["properties"]["article_id"] == page["id"]]
    assert quotes and all(page["body"][q["span_start"]:q["span_end"]] == q["quote"]
                          for q in quotes)


def _page(body: str, head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
            "<footer>&copy; Outlet</footer></body></html>").encode()


def test_page_metadata_from_meta_tags_and_json_ld(tmp_path):
    text = ("<article><h1>Tokayev dismisses Massimov</h1>"
            + "".join(f"<p>President Kassym-Jomart Tokayev dismissed Karim Massimov as "
                      f"chairman of the KNB, the presidential press service said ({i}).</p>"
                      for i in range(4)) + "</article>")
    head = ('<link rel="canonical" href="https://example.org/news/massimov">'
            '<meta property="og:site_name" content="Example Times">'
            '<meta name="author" content="Aida Sultanova">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Tokayev dismisses Massimov", '
            '"datePublished": "2022-01-06T09:15:00+06:00"}</script>')
    path = tmp_path / "massimov.htm"
    path.write_bytes(_page(text, head))
    art = read_article(path)
    assert (art.title, art.publisher, art.url, art.author) == (
        "Tokayev dismisses Massimov", "Example Times", "https://example.org/news/massimov",
        "Aida Sultanova")
    assert (art.published, art.published_precision) == ("2022-01-06", "day")
    assert "Home" not in art.body and "Outlet" not in art.body


RUSSIAN = ("<html><head><meta charset='{charset}'><title>Токаев</title></head><body>"
           "<nav><a href='/'>Главная</a></nav><article><h1>Токаев отправил в отставку "
           "Масимова</h1><p>Президент Касым-Жомарт Токаев освободил Карима Масимова от "
           "должности председателя Комитета национальной безопасности.</p></article>"
           "</body></html>")


@pytest.mark.parametrize("charset, codec", [("windows-1251", "cp1251"), ("utf-16", "utf-16"),
                                            ("utf-8", "utf-8")])
def test_a_page_in_the_encoding_it_declares(tmp_path, charset, codec):
    """Unlike a .txt file, a page says its encoding: single-byte Cyrillic is fine."""
    path = tmp_path / "ru.html"
    path.write_bytes(RUSSIAN.format(charset=charset).encode(codec))
    art = read_article(path)
    assert art.title == "Токаев отправил в отставку Масимова"
    assert "Президент Касым-Жомарт Токаев освободил Карима Масимова" in art.body
    assert "Главная" not in art.body


@pytest.mark.parametrize("name, content", [
    ("navigation only", _page("<ul><li><a href='/a'>World</a></li></ul>")),
    ("empty body", b"<html><head><title>x</title></head><body></body></html>"),
    ("binary", b"\x00\x01\x02<html>" * 100),
])
def test_a_page_without_main_text_is_one_clear_line(tmp_path, name, content):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    result = run(tmp_path, "load", str(path))
    assert result.exit_code == 1
    assert errors_of(result) == [errors_of(result)[0]]
    assert errors_of(result)[0].startswith(f"Error: {path}: ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "graph.lbug").exists() or "Loaded 0 article(s)" in result.stdout


def test_a_browsers_page_folder_is_part_of_the_page(tmp_path):
    """"Web page, complete" saves NAME.html and NAME_files/ (frames, scripts): a
    folder of saved pages loads the pages, not their frames."""
    shutil.copy(PAGE, tmp_path / "court.html")
    (tmp_path / "court_files").mkdir()
    (tmp_path / "court_files" / "saved_resource.html").write_bytes(_page("<p>ad</p>"))
    assert list(read_articles(tmp_path / "court_files" / "saved_resource.html")) == []
    result = run(tmp_path, "load", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "Loaded 1 article(s)" in result.stdout


# --------------------------------------------------------------------------- dumps

def _comparable(rows: list[dict]) -> list[dict]:
    """The export without ``path``: a dump's records are named ``file#record``."""
    for row in rows:
        row.get("properties", {}).pop("path", None)
    return rows


def test_json_lines_and_csv_dumps_of_the_seeds_give_the_seeds_graph(tmp_path):
    graphs = {}
    for name, args in {
        "files": [str(p) for p in sorted(SEEDS.glob("0*.txt"))],
        "jsonl": [str(INPUTS / "seeds.jsonl")],
        "csv": ["--field", "text=content", "--field", "title=headline",
                "--field", "date=published_at", str(INPUTS / "seeds.csv")],
    }.items():
        store = tmp_path / name
        store.mkdir()
        result = run(store, "load", *args)
        assert result.exit_code == 0, result.stderr
        assert "Loaded 5 article(s)" in result.stdout
        graphs[name] = _comparable(export(store))
    assert len(graphs["files"]) > 1000
    assert graphs["jsonl"] == graphs["files"]
    assert graphs["csv"] == graphs["files"]


def test_dump_records_are_named_by_file_and_record(tmp_path):
    articles = list(read_articles(INPUTS / "seeds.jsonl"))
    assert [a.path for a in articles] == [f"seeds.jsonl#{i}" for i in range(1, 6)]
    assert [a.id for a in articles] == [read_article(p).id for p in sorted(SEEDS.glob("0*.txt"))]


def test_a_dump_spreads_over_workers_like_files_do():
    """A dump's records are read one at a time and extracted on several processes, in
    record order: the same batches as on one core."""
    def batches(workers):
        report = LoadReport()
        out = [(b.article.id, [st.id for st in b.statements])
               for b in read_batches([INPUTS / "seeds.jsonl"], report, workers=workers)]
        assert report.errors == [] and report.workers == workers
        return out

    assert len(batches(1)) == 5 and batches(2) == batches(1)


def test_a_dump_is_not_held_to_the_size_of_an_article(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps(GOOD) + "\n")
        out.write(" " * (11 * 1024 * 1024) + "\n")  # 11 MB, every byte of it read
        out.write(json.dumps({**GOOD, "text": "Tokayev met Nazarbayev."}) + "\n")
    assert [a.title for a in read_articles(path)] == ["T", "T"]


def test_a_windows_1252_csv_loads_with_a_warning(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("title,text\nCaf\u00e9,\u201cTokayev spoke in Almaty.\u201d\n".encode("cp1252"))
    warnings: list[str] = []
    [article] = read_articles(path, warnings.append)
    assert article.body == "\u201cTokayev spoke in Almaty.\u201d"
    assert warnings == [f"{path}:2: not UTF-8; decoded as Windows-1252/Latin-1"]


GOOD = {"title": "T", "date": "2022-01-05", "text": "Tokayev spoke in Almaty."}
BAD_RECORDS = [
    ("no text", {"title": "T", "date": "2022-01"}, "record 2: no text"),
    ("empty text", {"text": "  \n"}, "record 2: empty article"),
    ("bad date", {**GOOD, "date": "2022-02-31"}, "record 2: date '2022-02-31' is not a valid"),
    ("date in words", {**GOOD, "date": "the 1990s"}, "record 2: date 'the 1990s' is not a"),
    ("text not text", {"text": ["a", "b"]}, "record 2: text must be text"),
    ("title not text", {**GOOD, "title": {"a": 1}}, "record 2: title must be text"),
]


@pytest.mark.parametrize("name, record, message", BAD_RECORDS, ids=[c[0] for c in BAD_RECORDS])
def test_a_bad_json_lines_record_is_one_line_and_the_others_load(tmp_path, name, record,
                                                                  message):
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({**GOOD, "text": "Tokayev met Nazarbayev."}), json.dumps(record),
             json.dumps(GOOD)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(tmp_path, "load", str(path))
    assert result.exit_code == 1
    errors = errors_of(result)
    assert len(errors) == 1 and errors[0].startswith(f"Error: {path}:2: {message}"), errors
    assert "Loaded 2 article(s)" in result.stdout


def test_a_broken_json_line_names_its_line_and_record(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + '{"text": "Tokayev spoke.", "title": \n'
                    + '["not", "an", "object"]\n', encoding="utf-8")
    result = run(tmp_path, "load", "--strict", str(path))
    assert result.exit_code == 1
    assert errors_of(result) == [
        f"Error: {path}:3: record 2: not valid JSON (Expecting value at column 37)",
        f"Error: {path}:4: record 3: not a JSON object ({{...}} with a text field)"]
    assert "Nothing loaded (--strict): 2 of 3 file(s) and record(s) had errors." \
        in result.stderr
    assert not (tmp_path / "graph.lbug").exists()  # nothing loaded: no store is left


def test_csv_errors_name_the_record_and_the_line_it_starts_on(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text('title,date,text\n'
                    'A,2022-01,"Tokayev spoke\nin Almaty."\n'   # a record of two lines
                    'B,2022-13,Tokayev spoke.\n'                 # bad month
                    'C,2022-01\n'                                 # a field short
                    'D,,"Tokayev met Nazarbayev."\n', encoding="utf-8")
    result = run(tmp_path, "load", str(path))
    assert result.exit_code == 1
    assert errors_of(result) == [
        f"Error: {path}:4: record 2: date '2022-13' is not a valid YYYY, YYYY-MM or "
        "YYYY-MM-DD date",
        f"Error: {path}:5: record 3: 2 fields, the header has 3"]
    assert "Loaded 2 article(s)" in result.stdout
    assert "2 file(s) and record(s) skipped with errors" in result.stdout


def test_a_csv_without_a_text_column_says_which_flag_names_it(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,content\nA,Tokayev spoke.\n", encoding="utf-8")
    result = run(tmp_path, "load", str(path))
    assert result.exit_code == 1
    assert errors_of(result) == [
        f"Error: {path}:1: no 'text' or 'body' column (columns: headline, content); "
        "name it with --field text=COLUMN"]
    result = run(tmp_path, "load", "--field", "text=content", str(path))
    assert result.exit_code == 0, result.stderr


def test_a_bad_field_flag_is_a_usage_error(tmp_path):
    result = run(tmp_path, "load", "--field", "colour=x", str(INPUTS / "seeds.jsonl"))
    assert result.exit_code == 2 and "--field" in result.stderr
    assert not (tmp_path / "graph.lbug").exists()


# --------------------------------------------------------------------------- URLs

class _Pages(BaseHTTPRequestHandler):
    """A good page, a 404, a page slower than the timeout, one that trickles in, 20 MB,
    and a PDF."""

    hits: list[str] = []
    trickled = 0  # bytes of /trickle.html sent before the client hung up

    def do_GET(self):  # noqa: N802 - the http.server interface
        type(self).hits.append(self.path)
        if self.path == "/court.html":
            self._send(200, "text/html; charset=utf-8", PAGE.read_bytes())
        elif self.path == "/seed.html":
            body = (SEEDS / "000_9fb643f376190d20.txt").read_text(encoding="utf-8")
            body = body.split("---\n", 2)[2]
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
            self._send(200, "text/html", _page(f"<article>{paragraphs}</article>"))
        elif self.path == "/slow.html":
            time.sleep(3)
            self._send(200, "text/html", PAGE.read_bytes())
        elif self.path == "/trickle.html":  # headers at once, then a byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "40")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    type(self).trickled += 1
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/huge.html":  # no Content-Length: the cap must stop the read
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 1_048_573
            try:
                for _ in range(20):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/menu.html":
            self._send(200, "text/html", _page("<ul><li><a href='/a'>World</a></li></ul>"))
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.7\n" + b"\x00" * 100)
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")

    def _send(self, code: int, kind: str, data: bytes):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    _Pages.hits = []
    _Pages.trickled = 0
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_good_ones_load_each_bad_one_is_one_line(tmp_path, server):
    good = f"{server}/court.html"
    bad = {f"{server}/missing.html": "HTTP 404 Not Found",
           f"{server}/slow.html": "timed out after 1 s",
           f"{server}/trickle.html": "timed out after 1 s",
           f"{server}/huge.html": "too large (over 10 MB)",
           f"{server}/report.pdf": "not a web page (content type application/pdf)"}
    links = tmp_path / "links.txt"
    links.write_text(f"# from the test server\n{server}/seed.html\n\n"
                     f"{server}/missing.html\nnot a url\n", encoding="utf-8")
    menu = f"{server}/menu.html"
    result = run(tmp_path, "load", "--timeout", "1", good, *bad, menu, "--urls", str(links))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    cache = tmp_path / "graph.lbug.pages"
    assert sorted(errors_of(result)) == sorted(
        [f"Error: {url}: {reason}" for url, reason in bad.items()]
        + [f"Error: {links}:4: {server}/missing.html: HTTP 404 Not Found",
           f"Error: {links}:5: not a url: not an http(s) URL",
           f"Error: {fetch.cache_path(cache, menu)}: no article text found in this page "
           f"(saved from {menu})"])
    assert "Loaded 2 article(s)" in result.stdout
    assert _Pages.trickled < 20  # the timeout covers the whole transfer, not each read

    # the fetched pages are kept beside the store, whole; nothing of the failed fetches
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        fetch.cache_path(cache, u).name for u in (good, f"{server}/seed.html", menu))
    kept = fetch.cache_path(cache, good).read_bytes()
    assert kept.endswith(PAGE.read_bytes()) and web.saved_from(kept) == good
    rows = export(tmp_path, "first")
    urls = {r["properties"].get("url") for r in rows if r.get("labels") == ["Article"]}
    assert urls == {read_article(PAGE).url, f"{server}/seed.html"}  # canonical, else fetched

    # a reload reads the kept pages: no request reaches the server, same graph
    before = len(_Pages.hits)
    again = run(tmp_path, "load", good, menu, "--urls", str(links))
    assert len(_Pages.hits) == before + 1  # only the 404 is asked again
    assert "Loaded 2 article(s)" in again.stdout
    assert export(tmp_path, "second") == rows


def test_user_agent_and_strict(tmp_path, server):
    seen = {}

    class Handler(_Pages):
        def do_GET(self):  # noqa: N802
            seen["agent"] = self.headers.get("User-Agent")
            super().do_GET()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        result = run(tmp_path, "load", "--strict", f"{base}/court.html", f"{base}/gone.html")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen["agent"].startswith("qantar/")
    assert result.exit_code == 1
    assert errors_of(result) == [f"Error: {base}/gone.html: HTTP 404 Not Found"]
    assert "Nothing loaded (--strict)" in result.stderr
    assert not (tmp_path / "graph.lbug").exists()


def test_a_list_of_links_that_is_missing_fails_before_anything_is_fetched(tmp_path):
    result = run(tmp_path, "load", "--urls", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert errors_of(result) == [f"Error: {tmp_path / 'nope.txt'}: no such file"]


# --------------------------------------------------------------------------- Neo4j

def test_pages_and_dumps_give_the_same_graph_in_neo4j(tmp_path, neo4j_db):
    """The kept page text and the new Article properties go through the Neo4j writer
    as through the embedded one."""
    args = ["load", str(PAGE), str(INPUTS / "seeds.jsonl")]
    env = {"QANTAR_BACKEND": "neo4j", "NEO4J_URI": neo4j_db.uri,
           "NEO4J_USERNAME": neo4j_db.username, "NEO4J_PASSWORD": neo4j_db.password,
           "NEO4J_DATABASE": neo4j_db.database}
    embedded = tmp_path / "embedded"
    embedded.mkdir()
    assert run(embedded, *args).exit_code == 0
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "neo4j.jsonl"
    result = CliRunner().invoke(cli, ["export", "jsonl", "-o", str(out)], env=env,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    from_neo4j = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert from_neo4j == export(embedded)
    assert any(r["properties"].get("body") == read_article(PAGE).body for r in from_neo4j
               if r.get("labels") == ["Article"])
