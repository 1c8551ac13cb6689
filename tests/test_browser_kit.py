"""The Neo4j Browser kit: generated files, the local server, and the kit loaded by the
Neo4j Browser that the project's own Neo4j serves at /browser."""

import http.client
import re
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from fixture_graph import load_fixture, neo4j_store

from qantar.chromium import find_chromium
from qantar.cli.main import cli
from qantar.graph import schema as schema_mod
from qantar.queries import browser_kit as kit
from qantar.queries import packs

QUERIES = packs.load_packs()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kit")
    kit.build(out, kit_url="http://localhost:8123", browser_url="http://localhost:7474/browser/")
    return out


# --- the files -------------------------------------------------------------------------------

def test_build_writes_every_file(built):
    assert sorted(p.name for p in built.iterdir()) == sorted(kit.FILES)


def test_favorites_zip_has_one_folder_per_pack_and_titles_first(built):
    with zipfile.ZipFile(built / "qantar-favorites.zip") as archive:
        names = archive.namelist()
        assert sorted(names) == sorted(f"{q.pack}/{q.name}.cypher" for q in QUERIES)
        for query in QUERIES:
            text = archive.read(f"{query.pack}/{query.name}.cypher").decode("utf-8")
            assert text.splitlines()[0] == f"// {query.title}"  # the favorite's name
            assert query.text in text  # Neo4j's text, never the embedded variant
    assert "ALL SHORTEST" not in zipfile.ZipFile(built / "qantar-favorites.zip").read(
        "paths/shortest_path.cypher").decode()


def test_favorites_zip_is_reproducible(tmp_path):
    assert kit.favorites_zip(QUERIES) == kit.favorites_zip(QUERIES)


def test_guide_has_a_slide_per_query_with_runnable_cypher(built):
    slides = (built / "qantar.md").read_text(encoding="utf-8").split("\n---\n")
    assert len(slides) == len(QUERIES) + 1
    assert "```cypher\n:style http://localhost:8123/qantar.grass\n```" in slides[0]
    for query, slide in zip(QUERIES, slides[1:]):
        assert slide.strip().startswith(f"## {query.title}")
        assert f"```cypher\n{query.text}\n```" in slide
        if query.params:
            assert kit.params_command({**query.examples(),
                                       **query.provided_values()}) in slide


def test_params_command_is_cypher_literals():
    assert kit.params_command({"actor": "Назарбаев", "depth": 2,
                               "kinds": ["company", "military"]}) == \
        ':params {actor: "Назарбаев", depth: 2, kinds: ["company", "military"]}'
    assert kit.cypher_literal('say "hi"') == '"say \\"hi\\""'


def test_params_snippet_covers_every_parameter(built):
    text = (built / "params.cypher").read_text(encoding="utf-8")
    assert text.startswith(":params {")
    for query in QUERIES:
        for param in query.params:
            assert f"{param.name}: " in text


def parse_grass(text):
    """The Neo4j Browser's own reading of a .grass file (a port of its parseGrass):
    quotes are dropped, braces inside quotes are kept, `key: value` pairs need exactly
    one colon."""
    in_quote = in_rule = nested = False
    selector, body, rules = "", "", {}
    for ch in text:
        structural = True
        if ch == "{":
            if in_quote:
                structural = False
            elif in_rule:
                nested = True
            else:
                in_rule = True
        elif ch == "}":
            if in_quote:
                structural = False
            elif nested:
                nested = False
            else:
                in_rule = False
                rules[selector], selector, body = body, "", ""
        elif ch in "'\"":
            in_quote = not in_quote
        else:
            structural = False
        if not structural:
            if in_rule:
                body += ch
            elif not ch.isspace():
                selector += ch
    parsed = {}
    for name, declarations in rules.items():
        parsed[name] = {}
        for declaration in declarations.split(";"):
            parts = declaration.split(":")
            if len(parts) == 2:
                parsed[name][parts[0].strip()] = parts[1].strip()
    return parsed


def test_grass_styles_the_schemas_labels_and_types(built):
    schema = schema_mod.load()
    rules = parse_grass((built / "qantar.grass").read_text(encoding="utf-8"))
    for label, node in schema.nodes.items():
        assert rules[f"node.{label}"]["color"] == node.colour.upper()
        for kind, extra in node.type_labels.items():
            assert rules[f"node.{extra}"]["color"] == node.colours[kind].upper()
    for rtype, rel in schema.relations.items():
        assert rules[f"relationship.{rtype}"]["color"] == rel.colour
    assert rules["node.Actor"]["caption"] == "{name}"
    order = list(rules)
    assert order.index("node.Actor") < order.index("node.Person")  # the finer label wins


def browser_arg(url):
    """What the Neo4j Browser reads from ?cmd=…&arg=… (its getUrlParamValue)."""
    decoded = unquote(url.replace("+", " "))
    return [m for m in re.findall(r"[?&]arg=([^&#]*)", decoded) if m]


def test_one_click_links_carry_the_query_text(built):
    text = (built / "urls.md").read_text(encoding="utf-8")
    links = dict(re.findall(r"\]\((http[^)]+)\) `([^`]+)`", text)[i][::-1]
                 for i in range(len(QUERIES) + 2))
    assert browser_arg(links["guide"]) == ["http://localhost:8123/qantar.md"]
    assert links["guide"].startswith("http://localhost:7474/browser/?cmd=guide&arg=")
    for query in QUERIES:
        assert browser_arg(links[query.id]) == [kit.browser_text(query)]
    index = (built / "index.html").read_text(encoding="utf-8")
    assert index.count("<li><a href=") == len(QUERIES) + 2 + len(kit.FILES) - 1


def test_a_link_refuses_what_the_browser_would_cut():
    with pytest.raises(ValueError, match="cannot contain"):
        kit.browser_link("http://localhost:7474/browser/", "edit", "RETURN 'a & b'")


def test_build_refuses_a_bad_url(tmp_path):
    with pytest.raises(ValueError, match="not an http"):
        kit.build(tmp_path, kit_url="localhost:8001")


def test_cli_writes_the_kit(tmp_path):
    result = CliRunner().invoke(cli, ["browser-kit", "-o", str(tmp_path / "k"),
                                      "--kit-url", "http://localhost:9001"])
    assert result.exit_code == 0, result.output
    assert [Path(p).name for p in result.stdout.split()] == list(kit.FILES)
    assert "http://localhost:9001/qantar.grass" in (tmp_path / "k" / "qantar.md").read_text()
    assert ":guide http://localhost:9001/qantar.md" in result.stderr


# --- the server ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(built):
    running = kit.serve_in_background(built, port=0)
    yield running.server_address[1]
    running.shutdown()
    running.server_close()


def raw_get(port, path, method="GET", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest(method, path, skip_accept_encoding=True)  # path sent as is
    for key, value in (headers or {}).items():
        conn.putheader(key, value)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_serves_the_guide_with_cors(server, built):
    response, body = raw_get(server, "/qantar.md", headers={"Origin": "http://localhost:7474"})
    assert response.status == 200
    assert response.getheader("Access-Control-Allow-Origin") == "*"
    assert response.getheader("Content-Type").startswith("text/markdown")
    assert body == (built / "qantar.md").read_bytes()
    preflight, _ = raw_get(server, "/qantar.grass", method="OPTIONS")
    assert preflight.status == 204 and preflight.getheader("Access-Control-Allow-Origin") == "*"
    index, page = raw_get(server, "/")
    assert index.status == 200 and b"qantar" in page


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/..%2fqantar.md", "//etc/passwd", "/./qantar.md/",
                                  "/QANTAR.MD", "/.qantar.md.tmp", "/fixture_graph.py",
                                  "/qantar.md/../../../etc/passwd"])
def test_serves_nothing_but_its_own_files(server, path):
    response, body = raw_get(server, path)
    assert response.status == 404
    assert b"root:" not in body and b"[project]" not in body


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_by_cli(tmp_path_factory):
    """`qantar browser-kit serve` as a user runs it, on a free localhost port."""
    port = free_port()
    out = tmp_path_factory.mktemp("served")
    command = [sys.executable, "-c", "from qantar.cli.main import main; main()"]
    proc = subprocess.Popen([*command, "browser-kit", "-o", str(out), "serve",
                             "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://localhost:{port}/qantar.md", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode())
            time.sleep(0.3)
    yield port, out
    proc.terminate()
    proc.wait(timeout=30)


def test_cli_serve_links_its_own_port(served_by_cli):
    port, out = served_by_cli
    with urllib.request.urlopen(f"http://localhost:{port}/qantar.md", timeout=10) as response:
        guide = response.read().decode("utf-8")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert f":style http://localhost:{port}/qantar.grass" in guide
    assert guide == (out / "qantar.md").read_text(encoding="utf-8")


# --- in the project's own Neo4j Browser ----------------------------------------------------------

def http_url(info, store):
    """The server's HTTP address: from the fixture when it says, else from the server."""
    url = getattr(info, "http_url", None)
    if url:
        return url.rstrip("/")
    rows = store.run("SHOW SETTINGS YIELD name, value "
                     "WHERE name = 'server.http.advertised_address' RETURN value")
    host, port = rows[0]["value"].rsplit(":", 1)
    if host in ("", "0.0.0.0", "::", "[::]"):
        host = urlsplit(info.uri).hostname
    return f"http://{host}:{port}"


@pytest.fixture(scope="module")
def browser(neo4j_server):
    store = neo4j_store(neo4j_server)
    load_fixture(store)
    url = http_url(neo4j_server, store)
    store.close()
    try:
        urllib.request.urlopen(url + "/browser/", timeout=10).read()
    except OSError as exc:
        pytest.skip(f"the Neo4j HTTP port is not reachable at {url} ({exc}); the neo4j "
                    "fixture should expose http_url")
    return url


@pytest.mark.neo4j
def test_neo4j_serves_the_browser_and_the_kit_serves_the_guide(browser, served_by_cli):
    with urllib.request.urlopen(browser + "/browser/", timeout=10) as response:
        page = response.read().decode("utf-8", "replace")
    assert response.status == 200 and "<title>Neo4j Browser</title>" in page
    port, _ = served_by_cli
    request = urllib.request.Request(f"http://localhost:{port}/qantar.md",
                                     headers={"Origin": browser})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.read().decode("utf-8").startswith("# qantar")


def chromium():
    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium on PATH")
    pytest.importorskip("playwright.sync_api")
    return path


@pytest.mark.neo4j
@pytest.mark.browser
def test_the_browser_loads_the_guide_style_and_favorites(browser, served_by_cli, neo4j_server):
    """Headless Chromium in the real Neo4j Browser: :guide from the kit, connect, set the
    parameters and run a query from its slide, apply the style, import the favorites."""
    from playwright.sync_api import sync_playwright

    port, out = served_by_cli
    guide_url = kit.browser_link(browser + "/browser/", "guide",
                                 f"http://localhost:{port}/qantar.md")
    zip_bytes = (out / "qantar-favorites.zip").read_bytes()
    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        page = chrome.new_page(viewport={"width": 1400, "height": 900})
        page.goto(guide_url)
        page.wait_for_selector("text=qantar: actors and power relations", timeout=60000)
        assert page.locator("text=27").count() or page.locator("text=Next").count()
        page.fill('input[data-testid="username"]', neo4j_server.username)
        page.fill('input[data-testid="password"]', neo4j_server.password)
        page.click('button[data-testid="connect"]')
        page.wait_for_selector("text=You are connected", timeout=60000)
        page.click("pre.runnable >> nth=0")  # :style <kit>/qantar.grass
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("text=node.Person", timeout=30000)
        page.click("text=Next")  # slide 2: the first query, with its parameters
        page.wait_for_selector(f"text={QUERIES[0].title}", timeout=30000)
        for i in range(2):
            page.click(f"pre.runnable >> nth={i}")
            page.keyboard.press("Control+Enter")
            page.wait_for_timeout(1500)
        page.wait_for_selector("text=Started streaming", timeout=30000)
        assert page.locator("text=Samat Abish").count()
        page.evaluate("""(bytes) => {
            const file = new File([new Uint8Array(bytes)], 'qantar-favorites.zip',
                                  {type: 'application/zip'});
            const data = new DataTransfer(); data.items.add(file);
            const zone = document.querySelector('.filedrop');
            for (const type of ['dragenter', 'dragover', 'drop'])
                zone.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true,
                                                        cancelable: true}));
        }""", list(zip_bytes))
        page.click('[data-testid="navigationFavorites"]')
        for pack in sorted({q.pack for q in QUERIES}):  # favorites folders
            page.get_by_text(pack, exact=True).first.wait_for(timeout=30000)
        page.get_by_text("people", exact=True).first.click()
        page.get_by_text("Profile of an actor", exact=True).first.wait_for(timeout=30000)
        chrome.close()
