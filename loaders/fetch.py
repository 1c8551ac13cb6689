"""Fetch articles by URL into a cache folder, to be read as saved web pages.

One request at a time, with a timeout on the whole transfer, a size cap and a user
agent that says who is asking. A fetched page is written whole (or not at all) as
``<cache>/<hash of the URL>.html``, starting with the ``saved from url`` comment a
browser writes (:mod:`.web` reads the address back). A URL already in the cache is not
fetched again: a reload reads the same page, and the source can be reread offline.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import urllib.error
import urllib.request
from http.client import HTTPException
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .errors import InputError
from .read import MAX_BYTES
from .web import saved_from_comment

TIMEOUT = 30.0  # seconds for the whole transfer
HTML_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


class FetchError(ValueError):
    """A URL that could not be fetched; ``str()`` is the one-line reason."""


def is_url(text: str) -> bool:
    """An http(s) address, which ``qantar load`` fetches, rather than a path.

    >>> is_url("https://example.org/a"), is_url("seeds/"), is_url("ftp://x/y")
    (True, False, False)
    """
    return bool(_URL.match(str(text)))


def user_agent() -> str:
    try:
        release = version("qantar")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        release = "dev"
    return f"qantar/{release} (news article loader; one request at a time)"


def cache_path(cache: Path, url: str) -> Path:
    """Where the page of ``url`` is kept.

    >>> cache_path(Path("pages"), "https://example.org/a").name
    'b5b10dd0429e69ac.html'
    """
    return cache / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] + ".html")


def url_list(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, URL) for each line of a list of links; blank lines and ``#``
    comments are skipped, anything else that is not an http(s) URL is an error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "cannot read it"
        raise InputError(path, reason) from None
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


def fetch_all(urls: Iterable[tuple[str | Path, int | None, str]], cache: Path, *,
              timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
              on_url: Callable[[], None] | None = None
              ) -> tuple[list[Path], list[InputError]]:
    """Fetch each (where, line, url) into ``cache``: the cached pages, and one error per
    URL that failed (``where``/``line`` name the list it came from, or the URL itself)."""
    pages: list[Path] = []
    errors: list[InputError] = []
    for where, line, url in urls:
        try:
            if not is_url(url):
                raise FetchError("not an http(s) URL")
            pages.append(fetch(url, cache, timeout=timeout, max_bytes=max_bytes))
        except FetchError as exc:
            errors.append(InputError(where, f"{url}: {exc}" if where != url else str(exc),
                                     line))
        if on_url:
            on_url()
    return pages, errors


def fetch(url: str, cache: Path, *, timeout: float = TIMEOUT,
          max_bytes: int = MAX_BYTES) -> Path:
    """The cached page of ``url``, fetched first if it is not cached. Raises
    :class:`FetchError` with a one-line reason: HTTP error, timeout, too large, not HTML."""
    target = cache_path(cache, url)
    if target.is_file():
        return target
    data = _download(url, timeout, max_bytes)
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(saved_from_comment(url) + data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _download(url: str, timeout: float, max_bytes: int) -> bytes:
    request = urllib.request.Request(url, headers={
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    deadline = time.monotonic() + timeout
    limit = f"{max_bytes // 1024 // 1024} MB"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in HTML_TYPES:
                raise FetchError(f"not a web page (content type {kind})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large ({int(length) / 2**20:.0f} MB; limit {limit})")
            chunks, size = [], 0
            # read1: at most one receive per call, so a body that trickles in is still
            # stopped at the deadline (read(n) waits for all n bytes)
            while chunk := response.read1(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large (over {limit})")
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"timed out after {timeout:g} s") from None
        raise FetchError(f"cannot fetch: {getattr(reason, 'strerror', None) or reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except FetchError:
        raise
    except (OSError, HTTPException, ValueError) as exc:  # reset, TLS, a malformed URL
        raise FetchError(f"cannot fetch: {exc}") from None
