"""Read article files: ``.txt``/``.md``, UTF-8, optional YAML front matter.

Front matter sits between a first line ``---`` and the next ``---`` line and may set
``title``, ``publisher``, ``date``, ``url`` and ``author``. The body is everything after
it, unchanged: quotes and character spans refer to the body.

Saved web pages (:mod:`.web`) and article dumps (:mod:`.dumps`) are read by their own
modules; :func:`read_articles` sends each file to the right one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import yaml

from ..graph.records import Article
from ..graph.dates import parse_date_or_time
from ..graph.text import printable
from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")
DUMP_SUFFIXES = (".jsonl", ".ndjson", ".csv")
SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + DUMP_SUFFIXES
FRONT_MATTER_KEYS = ("title", "publisher", "date", "url", "author")
MAX_BYTES = 10 * 1024 * 1024  # a news article is far smaller; refuse what is not one


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so "2022-02-31" is ours to refuse."""


_TextLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The same loader on libyaml's parser (same resolvers and constructor), when PyYAML has
# it: the pure-Python parser was a tenth of the whole pipeline's time. Anything it does
# not turn into plain key: text lines goes through _TextLoader again, so errors, their
# lines and their wording stay those of the pure-Python parser.
_FastLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _FastLoader.yaml_implicit_resolvers = _TextLoader.yaml_implicit_resolvers

# A saved web page, possibly after an XML declaration or a "saved from url" comment, or
# a fragment that opens with a block tag: text articles never start like that.
_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                   r"<(?:!doctype\s+html|html|head|body|meta|title|script|style|div|p|article"
                   r"|section|main|table|span|a)[\s>/]", re.IGNORECASE | re.DOTALL)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_RUN = re.compile(rb"[\xc0-\xff]{3,}")
_HIGH = re.compile(rb"[\x80-\xff]")

Warn = Callable[[str], None]


def find_articles(paths: Iterable[str | Path], *, follow_symlinks: bool = False,
                  warn: Warn | None = None) -> Iterator[Path]:
    """Article files under the given files/folders: sorted, each once; folders are walked.

    The order does not depend on the order of ``paths``, so ``load a b`` and ``load b a``
    write the same articles in the same order. A missing path, a named FIFO or device,
    or a folder without articles is an error (a typo should not load nothing silently).

    Inside a folder, a symbolic link that leads out of it is skipped (``warn`` names
    it) unless ``follow_symlinks``: a link to ``/etc/passwd`` is not an article. FIFOs,
    devices and sockets with an article's suffix are skipped and named the same way
    (reading a FIFO would wait forever, ``/dev/zero`` never ends).
    """
    found: dict[Path, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = list(_walk(path, follow_symlinks, warn or (lambda _message: None)))
            if not files:
                raise InputError(path, f"no article files ({', '.join(SUFFIXES)}) in this folder")
        elif path.is_file():
            files = [path]
        else:
            raise InputError(path, _not_a_file(path))
        for file in files:
            found.setdefault(file.resolve(), file)
    yield from sorted(found.values(), key=lambda p: (str(p.resolve()), str(p)))


def _walk(folder: Path, follow_symlinks: bool, warn: Warn) -> Iterator[Path]:
    """Article files under ``folder``; what is skipped goes to ``warn``, one line each."""
    roots = [folder.resolve()]
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            warn(f"{printable(current)}: skipped: {exc.strerror or exc}")
            continue
        for entry in entries:
            path = Path(entry.path)
            article = path.suffix.lower() in SUFFIXES and path.name.upper() != "README.MD"
            if entry.is_symlink():
                target = path.resolve()
                inside = any(target.is_relative_to(root) for root in roots)
                if not inside and not follow_symlinks:
                    if article or target.is_dir():
                        warn(f"{printable(path)}: skipped: symbolic link to "
                             f"{printable(target)}, outside {printable(folder)} "
                             "(--follow-symlinks to load it)")
                    continue
                if target.is_dir():
                    if not inside:  # followed once: a link back into it is inside then
                        roots.append(target)
                        pending.append(path)
                    continue  # a folder inside is walked as itself
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
                continue
            if not article or entry.name.startswith("."):
                continue
            if path.is_file():
                yield path
            else:
                warn(f"{printable(path)}: skipped: {_not_a_file(path)}")


def _not_a_file(path: Path) -> str:
    """Why ``path`` (not a folder, not a regular file) cannot be an article."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ("broken symbolic link" if path.is_symlink() else "no such file or directory")
    if stat.S_ISDIR(mode):
        return "is a directory"
    for test, what in ((stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return f"{what}, not an article file"
    return "not a regular file"


def file_name(path: Path) -> str:
    """``path``'s name as text that any store and terminal takes: bytes that are not
    UTF-8 (kept by Python as surrogates) become backslash escapes.

    >>> file_name(Path(os.fsdecode(b"caf\\xe9.txt")))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path.name).decode("utf-8", errors="backslashreplace")


def decode(path: Path, data: bytes, warn: Warn | None = None) -> str:
    """UTF-8 (BOM dropped); UTF-16/32 with a BOM and Latin-1/Windows-1252 with a warning.

    Refused: binary data, UTF-16 without a BOM, damaged or mixed UTF-8, and single-byte
    Cyrillic (Windows-1251, KOI8-R), which would decode as Latin-1 into plausible
    nonsense; guessing there would corrupt names and quotes silently.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf32 = data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))
        codec = "utf-32" if utf32 else "utf-16"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid {codec.upper()} at byte {exc.start}") from None
        if _control_chars(text):
            raise InputError(path, f"binary data after a {codec.upper()} byte-order mark")
        if warn:
            warn(f"{printable(path)}: decoded as {codec.upper()} (byte-order mark); "
                 "spans refer to the decoded text")
        return text
    if b"\x00" in data:
        if _looks_utf16(data):
            raise InputError(path, "looks like UTF-16 without a byte-order mark; "
                                   "save it as UTF-8")
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        where = f"byte {exc.start}"
        valid = len(_UTF8_MULTIBYTE.findall(data))
        if valid and valid >= data.decode("utf-8", errors="replace").count("\ufffd"):
            raise InputError(path, f"invalid UTF-8 at {where} in a file that is otherwise "
                                   "UTF-8 (damaged, or mixed encodings)", line) from None
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text or _control_chars(text):
            raise InputError(path, f"not UTF-8 text ({where})", line) from None
        high = len(_HIGH.findall(data))
        if sum(len(run) for run in _HIGH_RUN.findall(data)) * 2 > high:
            raise InputError(path, f"not UTF-8 ({where}): looks like single-byte Cyrillic "
                                   "(Windows-1251 or KOI8-R); save it as UTF-8", line) from None
        if warn:
            warn(f"{printable(path)}:{line}: not UTF-8; decoded as Windows-1252/Latin-1")
        return text


def _looks_utf16(data: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: every other byte is NUL."""
    sample = data[:4096]
    half = len(sample) // 2 or 1
    zeros = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    return zeros[1] >= 0.8 * half and zeros[0] <= 0.05 * half


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
    if _FastLoader is not None and raw.strip():
        try:
            meta = yaml.load(raw, Loader=_FastLoader)
        except (yaml.YAMLError, RecursionError):
            meta = None
        if isinstance(meta, dict) and all(
                k in FRONT_MATTER_KEYS and (v is None or isinstance(v, (str, int)))
                for k, v in meta.items()):
            return meta
    try:
        meta = yaml.load(raw, Loader=_TextLoader) if raw.strip() else {}
    except RecursionError:
        raise InputError(path, "front matter: nested too deeply", 2) from None
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


def read_articles(path: str | Path, warn: Warn | None = None,
                  fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    """Every article in one input file, in order; a bad one comes as its error.

    A text file or a web page holds one article; a dump (JSON Lines, CSV) one per
    record, its ``fields`` naming the columns where they differ (see :mod:`.dumps`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in DUMP_SUFFIXES:
        from .dumps import read_dump
        yield from read_dump(path, warn, fields)
        return
    if suffix in PAGE_SUFFIXES:
        from .web import is_page_resource
        if is_page_resource(path):
            return
    try:
        yield read_article(path, warn)
    except InputError as exc:
        yield exc


def read_article(path: str | Path, warn: Warn | None = None) -> Article:
    """Read and validate one article file. Raises :class:`InputError` on bad input."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        from .web import read_page
        return read_page(path, warn)
    if suffix not in TEXT_SUFFIXES:
        kinds = " or ".join(TEXT_SUFFIXES + PAGE_SUFFIXES)
        if suffix in DUMP_SUFFIXES:
            raise InputError(path, f"a dump of many articles, not one article ({kinds})")
        raise InputError(path, f"not an article file (expected {kinds})")
    data = read_bytes(path)
    warnings: list[str] = []
    text = decode(path, data, warnings.append)
    if _HTML.match(text[:4096]):
        raise InputError(path, "looks like an HTML page; name it .html to load it as a "
                               "web page", 1)
    meta, body, body_line = split_front_matter(path, text)
    if not body.strip():
        raise InputError(path, "article has no text after the front matter", body_line)
    article = new_article(path, body, meta, where="front matter: ",
                          date_line=lambda: _line_of_key(text, "date", first_line=1))
    if warn:
        for warning in warnings:
            warn(warning)
    return article


def read_bytes(path: Path, head: int | None = None, what: str = "article") -> bytes:
    """The file's bytes: not empty, not over :data:`MAX_BYTES`; with ``head``, its
    first ``head`` bytes, whatever its size (a dump's)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, /dev/zero never end
            raise InputError(path, _not_a_file(path))
        size = info.st_size
        if size > MAX_BYTES and head is None:
            raise InputError(path, f"too large for an article ({size / 2**20:.0f} MB; "
                                   f"limit {MAX_BYTES // 1024 // 1024} MB)")
        with open(path, "rb") as file:
            data = file.read(head if head is not None else -1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    if not data.strip():
        raise InputError(path, f"empty {what}")
    return data


def new_article(path: Path, body: str, meta: dict, *, where: str = "",
                date_line: Callable[[], int | None] = lambda: None, name: str = "",
                keep_body: bool = False) -> Article:
    """The :class:`Article` of ``body`` with the metadata ``meta`` (the front matter's
    keys); a bad date raises :class:`InputError` with ``where`` before the message.
    ``name`` is what ``path`` stores (default: the file name); ``keep_body`` stores
    the body too, when no file holds it as it is (text extracted from a web page)."""
    published, precision = "", "unknown"
    if meta.get("date") not in (None, ""):
        raw_date = meta["date"]
        raw_date = raw_date.isoformat() if isinstance(raw_date, dt.date) else str(raw_date)
        parsed = parse_date_or_time(raw_date)
        if parsed is None:
            raise InputError(path, f"{where}date {raw_date!r} is not a valid "
                                   "YYYY, YYYY-MM or YYYY-MM-DD date", date_line())
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
        path=name or file_name(path),
        sha256=sha,
        words=len(body.split()),
        author=str(meta.get("author") or "").strip(),
        body=body,
        keep_body=keep_body,
    )


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
