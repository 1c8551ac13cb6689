"""Read article files: ``.txt``/``.md``, UTF-8, optional YAML front matter.

Front matter sits between a first line ``---`` and the next ``---`` line and may set
``title``, ``publisher``, ``date`` and ``url``. The body is everything after it,
unchanged: quotes and character spans refer to the body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import yaml

from ..graph.records import Article
from .dates import parse_iso_prefix
from .errors import InputError

SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("title", "publisher", "date", "url")
MAX_BYTES = 10 * 1024 * 1024  # a news article is far smaller; refuse what is not one


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so "2022-02-31" is ours to refuse."""


_TextLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)

Warn = Callable[[str], None]


def find_articles(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Article files under the given files/folders, sorted; folders are walked."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not p.name.startswith(".") and p.name.upper() != "README.MD")
        elif path.is_file():
            yield path
        else:
            raise InputError(path, "no such file or directory")


def decode(path: Path, data: bytes, warn: Warn | None = None) -> str:
    """UTF-8 (BOM dropped); UTF-16 with a BOM; Latin-1 with a warning; binary refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}") from None
        if warn:
            warn(f"{path}: decoded as UTF-16 (BOM); spans refer to the decoded text")
        return text
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text or _control_chars(text):
            raise InputError(path, f"not UTF-8 text (byte {exc.start})", line) from None
        if warn:
            warn(f"{path}:{line}: not UTF-8; decoded as Windows-1252/Latin-1")
        return text


def _control_chars(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


def split_front_matter(path: Path, text: str) -> tuple[dict, str, int]:
    """(metadata, body, line number where the body starts)."""
    if not text.startswith("---") or text[3:4] not in ("\n", "\r"):
        return {}, text, 1
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip("\r\n") == "---":
            raw = "".join(lines[1:i])
            body = "".join(lines[i + 1:])
            return _parse_front_matter(path, raw), body, i + 2
    raise InputError(path, "front matter opened with '---' is never closed", 1)


def _parse_front_matter(path: Path, raw: str) -> dict:
    try:
        meta = yaml.load(raw, Loader=_TextLoader) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening '---', +1 one-based
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(path, f"front matter: {problem}", line) from None
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be key: value lines", 2)
    for key, value in meta.items():
        line = _line_of_key(raw, str(key))
        if key not in FRONT_MATTER_KEYS:
            raise InputError(path, f"front matter: unknown key {key!r} "
                                   f"(allowed: {', '.join(FRONT_MATTER_KEYS)})", line)
        if value is not None and not isinstance(value, (str, int, dt.date)):
            raise InputError(path, f"front matter: {key} must be text", line)
    return meta


def _line_of_key(raw: str, key: str, first_line: int = 2) -> int:
    """Line number of ``key:`` in front matter text starting at ``first_line``."""
    for i, line in enumerate(raw.splitlines(), start=first_line):
        if line.split(":", 1)[0].strip().strip("'\"") == key:
            return i
    return first_line


def read_article(path: str | Path, warn: Warn | None = None) -> Article:
    """Read and validate one article file. Raises :class:`InputError` on bad input."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(path, f"not an article file (expected {' or '.join(SUFFIXES)})")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"too large for an article ({size / 1e6:.0f} MB; "
                                   f"limit {MAX_BYTES // 1024 // 1024} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    if not data.strip():
        raise InputError(path, "empty article")
    if _HTML.match(data):
        raise InputError(path, "looks like an HTML page; save the article's text instead", 1)
    text = decode(path, data, warn)
    meta, body, body_line = split_front_matter(path, text)
    if not body.strip():
        raise InputError(path, "article has no text after the front matter", body_line)

    published, precision = "", "unknown"
    if meta.get("date") not in (None, ""):
        raw_date = meta["date"]
        raw_date = raw_date.isoformat() if isinstance(raw_date, dt.date) else str(raw_date)
        parsed = parse_iso_prefix(raw_date)
        if parsed is None:
            raise InputError(path, f"front matter: date {raw_date!r} is not a valid "
                                   "YYYY, YYYY-MM or YYYY-MM-DD date",
                             _line_of_key(text, "date", first_line=1))
        published, precision = parsed

    title = str(meta.get("title") or "").strip() or _first_line(body)
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Article(
        id=f"article:{sha[:16]}",
        title=title,
        publisher=str(meta.get("publisher") or "").strip(),
        published=published,
        published_precision=precision,
        url=str(meta.get("url") or "").strip(),
        path=path.name,
        sha256=sha,
        words=len(body.split()),
        body=body,
    )


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
