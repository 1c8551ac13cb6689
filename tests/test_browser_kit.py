"""The Neo4j Browser kit: generated files, the local server, and the kit loaded by the
Neo4j Browser that the project's own Neo4j serves at /browser."""

import http.client
import os
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
from qantar import neo4j_local
from qantar.graph import schema as schema_mod
from qantar.loaders.pipeline import load
from qantar.queries import browser_kit as kit
from qantar.queries import kit_server
from qantar.queries import packs

QUERIES = packs.load_packs()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kit")
    kit.build(out, kit_url="http://localhost:8123", browser_url="http://localhost:7474/browser/")
    return out


# --- the files -------------------------------------------------------------------------------

def test_build_writes_every_file(built):
    assert sorted(p.name for p in built.iterdir()) == sorted(kit.files())


def test_favorites_zip_has_one_folder_per_pack_and_titles_first(built):
    drawings = [q for q in QUERIES if q.graph]
    assert {q.id for q in drawings} >= {
        "clans/family", "people/ego_network", "paths/shortest_path",
        "institutions/chain_of_command", "institutions/post_holders", "as_of/power_map",
        "paths/brokers"}
    with zipfile.ZipFile(built / "qantar-favorites.zip") as archive:
        names = archive.namelist()
        assert sorted(names) == sorted([f"{q.pack}/{q.name}.cypher" for q in QUERIES]
                                       + [f"{q.pack}/{q.name}.graph.cypher" for q in drawings])
        for query in QUERIES:
            text = archive.read(f"{query.pack}/{query.name}.cypher").decode("utf-8")
            assert text.splitlines()[0] == f"// {query.title}"  # the favorite's name
            assert text.endswith(query.text + "\n")  # Neo4j's text, never the embedded one
            values = {**query.examples(), **query.provided_values()}
            if values:  # the example parameters come with it, set before the query runs
                assert kit.params_command(values) + ";\n" + query.text in text
        for query in drawings:
            text = archive.read(f"{query.pack}/{query.name}.graph.cypher").decode("utf-8")
            assert text.splitlines()[0] == f"// {query.title} (graph)"
            assert text.endswith(query.graph + "\n")
    assert "ALL SHORTEST" not in zipfile.ZipFile(built / "qantar-favorites.zip").read(
        "paths/shortest_path.cypher").decode()


def test_favorites_zip_is_reproducible(tmp_path):
    assert kit.favorites_zip(QUERIES) == kit.favorites_zip(QUERIES)


def test_contents_guide_links_every_pack(built):
    slides = (built / "qantar.md").read_text(encoding="utf-8").split("\n---\n")
    assert "```cypher\n:style http://localhost:8123/qantar.grass\n```" in slides[0]
    for pack in sorted({q.pack for q in QUERIES}):
        assert f"```cypher\n:guide http://localhost:8123/qantar-{pack}.md\n```" in slides[1]


def test_pack_guides_have_a_slide_per_query_with_runnable_cypher(built):
    for pack in sorted({q.pack for q in QUERIES}):
        queries = [q for q in QUERIES if q.pack == pack]
        slides = (built / f"qantar-{pack}.md").read_text(encoding="utf-8").split("\n---\n")
        assert len(slides) == len(queries) + 1  # and a way back to the contents
        assert ":guide http://localhost:8123/qantar.md" in slides[-1]
        for query, slide in zip(queries, slides):
            assert slide.strip().startswith(f"## {query.title}")
            assert f"*On the seed articles:* {query.seeds}" in slide and query.seeds
            assert slide.rstrip().endswith(f"```cypher\n{query.text}\n```")
            if query.graph:
                assert f"```cypher\n{query.graph}\n```" in slide
            if query.params:
                assert kit.params_command({**query.examples(),
                                           **query.provided_values()}) in slide


def test_integer_parameters_survive_the_browsers_floats():
    """The Browser's :params {limit: 500} stores 500.0, which LIMIT refuses: Neo4j's text
    converts, the embedded engine's takes the whole number the runner checked."""
    for query in QUERIES:
        ints = [p.name for p in query.params if p.type == "int"]
        for name in ints:
            for text in (query.text, query.graph):
                assert f"LIMIT ${name}" not in text, query.id
        if "toInteger($" in query.text:
            assert "toInteger($" not in query.text_for("embedded")


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
    # relationships read "nephew", "chairman", not RELATIVE_OF
    assert rules["relationship.RELATIVE_OF"]["caption"] == "{relation}"
    assert rules["relationship.HOLDS_POSITION"]["caption"] == "{title}"
    assert rules["relationship.OCCURRED_IN"]["caption"] == "<type>"
    order = list(rules)
    assert order.index("node.Actor") < order.index("node.Person")  # the finer label wins


def browser_arg(url):
    """What the Neo4j Browser reads from ?cmd=…&arg=… (its getUrlParamValue)."""
    decoded = unquote(url.replace("+", " "))
    return [m for m in re.findall(r"[?&]arg=([^&#]*)", decoded) if m]


def test_one_click_links_carry_the_query_text(built):
    text = (built / "urls.md").read_text(encoding="utf-8")
    found = re.findall(r"\]\((http[^)]+)\) `([^`]+)`", text)
    links = {name: url for url, name in found}
    drawings = [q for q in QUERIES if q.graph]
    assert len(links) == len(found) == len(QUERIES) + len(drawings) + 2
    assert browser_arg(links["guide"]) == ["http://localhost:8123/qantar.md"]
    assert links["guide"].startswith("http://localhost:7474/browser/?cmd=guide&arg=")
    for query in QUERIES:
        assert browser_arg(links[query.id]) == [kit.browser_text(query)]
    for query in drawings:
        assert browser_arg(links[f"{query.id}.graph"]) == [kit.browser_text(query, graph=True)]
    index = (built / "index.html").read_text(encoding="utf-8")
    assert index.count("<li><a href=") == len(links) + len(kit.files()) - 1


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
    assert [Path(p).name for p in result.stdout.split()] == list(kit.files())
    assert "http://localhost:9001/qantar.grass" in (tmp_path / "k" / "qantar.md").read_text()
    assert ":guide http://localhost:9001/qantar.md" in result.stderr


# --- the server ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(built):
    running = kit_server.serve_in_background(built, port=0)
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
    """The Neo4j Browser's address, on a database holding the seeds as `qantar load`
    reads them (what the slides say they give)."""
    store = neo4j_store(neo4j_server)
    report = load(store, [SEEDS])
    assert report.articles == 5 and not report.errors
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


@pytest.mark.neo4j
def test_the_guide_checks_that_the_database_is_current(browser, built, neo4j_server):
    """The contents guide's first block says whether qantar's summaries are current:
    yes on the loaded seeds; no, with what to run, once the marker records an earlier
    version or a rebuild that did not finish."""
    guide = (built / "qantar.md").read_text("utf-8")
    check = kit.version_check(schema_mod.load().version)
    assert kit.fence(check) in guide

    def run(query, **params):
        with neo4j_server.driver() as driver:
            rows, _, _ = driver.execute_query(query, params, database_=neo4j_server.database)
        return [r.data() for r in rows]

    marker = "MATCH (m:QantarState {key: 'projection'}) RETURN m.value AS value"
    kept = run(marker)[0]["value"]
    try:
        assert run(check)[0]["current"] is True
        assert run(check)[0]["action"] == "ok"
        for old in ('{"state": "complete", "statements": 3}',
                    '{"state": "rebuilding", "version": 2}'):
            run("MATCH (m:QantarState {key: 'projection'}) SET m.value = $v", v=old)
            row = run(check)[0]
            assert row["current"] is False and "doctor --repair" in row["action"], old
    finally:
        run("MATCH (m:QantarState {key: 'projection'}) SET m.value = $v", v=kept)


@pytest.mark.neo4j
def test_the_local_server_styles_the_browser_on_connect(neo4j_server):
    """The launcher sets browser.post_connect_cmd to the style the kit serves by default."""
    if neo4j_server.source != "maven":
        pytest.skip("only the Maven-launched server is configured by qantar")
    with neo4j_server.driver() as driver:
        rows, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name = 'browser.post_connect_cmd' "
            "RETURN value", database_="system")
    assert rows[0]["value"] == neo4j_local.BROWSER_POST_CONNECT
    assert neo4j_local.BROWSER_POST_CONNECT == \
        f"style {kit.kit_url_for(kit.DEFAULT_PORT)}/qantar.grass"
    compose = (Path(__file__).resolve().parent.parent / "docker-compose.yml").read_text()
    assert f'NEO4J_browser_post__connect__cmd: "{neo4j_local.BROWSER_POST_CONNECT}"' in compose


def chromium():
    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium on PATH")
    pytest.importorskip("playwright.sync_api")
    return path


# what a finished frame shows: rows, a drawing, a set parameter, a style, or an error
_DONE = re.compile(r"Started streaming|Displaying \d+ node|no changes, no records|"
                   r"Successfully set your parameters|node \{|ERROR|Neo\.\w+Error")
_ERROR = re.compile(r"ERROR|Neo\.\w+Error|Expected parameter")


def run_in_editor(page, text=None, timeout=60):
    """Run what the editor holds (or ``text``, typed in); the finished frame's text."""
    if text is not None:
        page.locator('[data-testid="activeEditor"] textarea').first.click()
        page.keyboard.press("Control+a")
        page.keyboard.press("Delete")
        page.keyboard.insert_text(text)
    first = page.locator('[data-testid="frame"]').first
    before = first.inner_text() if page.locator('[data-testid="frame"]').count() else ""
    page.keyboard.press("Control+Enter")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        frame = page.locator('[data-testid="frame"]').first
        shown = frame.inner_text()
        # a drawing with its overview panel folded shows no summary text
        if shown != before and (_DONE.search(shown) or frame.locator("svg g.node").count()):
            page.wait_for_timeout(500)  # let the drawing settle
            return frame, frame.inner_text()
    raise AssertionError(f"no result within {timeout}s: {text or '(editor)'}"[:200])


def run_block(page, index, tries=3):
    """Click the slide's runnable block ``index`` (it goes into the editor) and run it.
    A click the Browser drops while the guide scrolls is given another go."""
    for attempt in range(tries):
        page.locator("pre.runnable").nth(index).click()
        try:
            return run_in_editor(page, timeout=30)
        except AssertionError:
            if attempt == tries - 1:
                top = page.locator('[data-testid="frame"]').first.inner_text()[:300]
                raise AssertionError(f"block {index} gave no result; top frame: {top}")


def multi_statement_status(page, text, timeout=60):
    """Run a favorite that sets its parameters, then queries (two statements in one
    frame): the status the Browser gives each."""
    page.locator('[data-testid="activeEditor"] textarea').first.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)
    page.keyboard.press("Control+Enter")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        icons = page.locator('[data-testid="frame"]').first.locator(
            '[data-testid="multi-statement-list-icon"]')
        titles = [icons.nth(i).get_attribute("title") or "" for i in range(icons.count())]
        states = [t.removeprefix("Status: ") for t in titles]
        if len(states) == 2 and all(s in ("success", "error") for s in states):
            return states
    raise AssertionError(f"no status within {timeout}s: {text[:100]}")


def screenshot(page, name):
    """Into $QANTAR_DOCS_IMG (docs/img when refreshing the README's pictures)."""
    folder = os.environ.get("QANTAR_DOCS_IMG")
    if folder:
        inspector = page.locator('[data-testid="vizInspector"]')
        if inspector.count():  # fold the overview panel away from the drawing
            box = inspector.first.bounding_box()
            page.mouse.click(box["x"] + box["width"] - 30, box["y"] + 15)
            page.wait_for_timeout(500)
        page.screenshot(path=str(Path(folder) / name), scale="css")


@pytest.mark.neo4j
@pytest.mark.browser
def test_every_slide_runs_in_the_real_browser(browser, served_by_cli, neo4j_server):
    """Headless Chromium in the real Neo4j Browser: connect, open the contents guide,
    apply the style, then every pack's guide: each slide's parameters, drawing and table
    run as written, no error, and a graph drawn for every drawing; params.cypher and
    every favorite run unchanged too."""
    from playwright.sync_api import sync_playwright

    port, out = served_by_cli
    kit_url = f"http://localhost:{port}"
    guide_url = kit.browser_link(browser + "/browser/", "guide", f"{kit_url}/qantar.md")
    drawn = []
    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        page = chrome.new_page(viewport={"width": 1280, "height": 800})
        page.goto(guide_url)
        page.wait_for_selector("text=qantar: actors and power relations", timeout=60000)
        page.fill('input[data-testid="username"]', neo4j_server.username)
        page.fill('input[data-testid="password"]', neo4j_server.password)
        page.click('button[data-testid="connect"]')
        page.wait_for_selector("text=You are connected", timeout=60000)
        page.click("pre.runnable >> nth=0")  # :style <kit>/qantar.grass
        _, shown = run_in_editor(page)
        assert "relationship.RELATIVE_OF" in shown and "{relation}" in shown
        page.click("text=Next")
        page.wait_for_selector("text=Contents", timeout=30000)
        screenshot(page, "browser-guide.png")
        for pack in sorted({q.pack for q in QUERIES}):
            page.locator('[data-testid="activeEditor"] textarea').first.click()
            page.keyboard.press("Control+a")
            page.keyboard.press("Delete")
            page.keyboard.insert_text(f":guide {kit_url}/qantar-{pack}.md")  # opens aside
            page.keyboard.press("Control+Enter")
            for query in (q for q in QUERIES if q.pack == pack):
                page.wait_for_selector(f"h2:has-text({query.title!r})", timeout=30000)
                blocks = page.locator("pre.runnable")
                values = {**query.examples(), **query.provided_values()}
                kinds = ["params"] * bool(values) + ["graph"] * bool(query.graph) + ["table"]
                assert blocks.count() == len(kinds), query.id
                for i, kind in enumerate(kinds):
                    frame, shown = run_block(page, i)
                    assert not _ERROR.search(shown), f"{query.id} {kind}: {shown[:300]}"
                    if kind == "graph":  # drawn: nodes and relationships in the svg
                        frame.locator("svg g.node").first.wait_for(timeout=30000)
                        frame.locator("svg g.relationship").first.wait_for(timeout=30000)
                        drawn.append(query.id)
                        if query.id in ("clans/family", "paths/shortest_path",
                                        "institutions/post_holders"):
                            screenshot(page, f"browser-{query.name}.png")
                page.click("text=Next")
        assert sorted(drawn) == sorted(q.id for q in QUERIES if q.graph)
        # params.cypher, then every favorite as the zip holds it
        _, shown = run_in_editor(page, (out / "params.cypher").read_text(encoding="utf-8"))
        assert "Successfully set your parameters" in shown
        with zipfile.ZipFile(out / "qantar-favorites.zip") as archive:
            for name in archive.namelist():  # as the Browser holds them, run unchanged
                text = archive.read(name).decode("utf-8")
                if "\n:params " not in text:
                    _, shown = run_in_editor(page, text)
                    assert not _ERROR.search(shown), f"{name}: {shown[:300]}"
                    continue
                assert multi_statement_status(page, text) == ["success", "success"], name
        chrome.close()


@pytest.mark.neo4j
@pytest.mark.browser
def test_the_browser_imports_the_favorites(browser, served_by_cli, neo4j_server):
    """The zip dropped on the Browser: one favorites folder per pack, titles as names."""
    from playwright.sync_api import sync_playwright

    port, out = served_by_cli
    zip_bytes = (out / "qantar-favorites.zip").read_bytes()
    with sync_playwright() as p:
        chrome = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        page = chrome.new_page(viewport={"width": 1400, "height": 900})
        page.goto(browser + "/browser/")
        page.fill('input[data-testid="username"]', neo4j_server.username)
        page.fill('input[data-testid="password"]', neo4j_server.password)
        page.click('button[data-testid="connect"]')
        page.wait_for_selector("text=You are connected", timeout=60000)
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
        page.get_by_text("Ego network of an actor (graph)", exact=True).first.wait_for(
            timeout=30000)
        chrome.close()
