"""The HTTP server of the Neo4j Browser kit (:mod:`.browser_kit` writes the files).

It serves exactly the kit's files, by name, with a CORS header, so the Browser (from
another origin) can fetch the guide and the style. ``localhost`` is in the Browser's
default allowlist for remote guides (``browser.remote_content_hostname_allowlist``),
``127.0.0.1`` is not: link the kit as ``http://localhost:PORT``.
"""

from __future__ import annotations

import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from ..graph.text import printable
from .browser_kit import DEFAULT_PORT, files

CONTENT_TYPES = {".zip": "application/zip", ".md": "text/markdown; charset=utf-8",
                 ".grass": "text/plain; charset=utf-8", ".cypher": "text/plain; charset=utf-8",
                 ".html": "text/html; charset=utf-8"}


class KitHandler(http.server.BaseHTTPRequestHandler):
    """Serves the kit's own files by name, and nothing else (no paths, no listing)."""

    directory: Path = Path(".")
    names: frozenset[str] = frozenset()
    server_version = "qantar-browser-kit"

    def do_GET(self):  # noqa: N802 - http.server API
        self._respond(body=True)

    def do_HEAD(self):  # noqa: N802
        self._respond(body=False)

    def do_OPTIONS(self):  # noqa: N802 - CORS preflight
        self.send_response(204)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _respond(self, body: bool):
        name = urlsplit(self.path).path.lstrip("/") or "index.html"
        if name not in self.names:
            self.send_error(404, "not a file of the qantar Browser kit")
            return
        data = (self.directory / name).read_bytes()
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", CONTENT_TYPES[Path(name).suffix])
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _cors(self):
        self.send_header("Access-Control-Allow-Origin", "*")

    def log_message(self, format, *args):  # noqa: A002 - progress goes to stderr
        # the request line is the client's: escaped, it cannot drive the terminal
        sys.stderr.write(f"{self.address_string()} {printable(format % args)}\n")


class KitServer(http.server.ThreadingHTTPServer):
    """One line, not a traceback, for a client that goes away mid-answer."""

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        what = ("disconnected early" if isinstance(error, ConnectionError)
                else f"request failed: {type(error).__name__}: {error}")
        sys.stderr.write(f"{client_address[0]} {printable(what)}\n")


def make_server(directory: str | Path, host: str = "127.0.0.1",
                port: int = DEFAULT_PORT) -> KitServer:
    """An HTTP server for the kit in ``directory`` (port 0: any free port)."""
    handler = type("BoundKitHandler", (KitHandler,), {"directory": Path(directory),
                                                      "names": frozenset(files())})
    return KitServer((host, port), handler)


def serve_in_background(directory: str | Path, host: str = "127.0.0.1", port: int = 0):
    """Start :func:`make_server` on a thread; returns the server (``shutdown()`` it)."""
    server = make_server(directory, host, port)
    threading.Thread(target=server.serve_forever, name="qantar-browser-kit",
                     daemon=True).start()
    return server
