"""Article dumps: JSON Lines and CSV files with one article per record.

A record holds the article's text in ``text`` (or ``body``) and may hold ``title``,
``publisher``, ``date``, ``url`` and ``author``, with the meaning they have in front
matter; other fields are ignored (news databases export many). Where a dump names them
otherwise, ``fields`` maps ours to its own: ``{"text": "content", "date": "pubDate"}``.

Each record is checked as a file is (text present, date valid) and a bad one is one
error naming the file, the line where the record starts and its number; the other
records still load. Quotes and spans refer to the text exactly as the record holds it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..graph.records import Article
from .errors import InputError
from .read import FRONT_MATTER_KEYS, MAX_BYTES, Warn, decode, new_article, read_bytes

TEXT_FIELDS = ("text", "body")


def parse_fields(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["text=content", "date=pubDate"]`` -> ``{"text": "content", "date": "pubDate"}``.

    >>> parse_fields(["text=content", "date = pubDate"])
    {'text': 'content', 'date': 'pubDate'}
    """
    fields = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not theirs or ours not in FRONT_MATTER_KEYS + ("text",):
            raise ValueError(f"{pair!r}: expected FIELD=NAME with FIELD one of "
                             f"{', '.join(('text',) + FRONT_MATTER_KEYS)}")
        fields[ours] = theirs
    return fields


def read_dump(path: Path, warn: Warn | None = None,
              fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    """Every record of a ``.jsonl``/``.ndjson`` or ``.csv`` dump: an :class:`Article`,
    or the :class:`InputError` that says what is wrong with it.

    The file is read a record at a time: a dump may be far larger than an article.
    """
    fields = fields or {}
    number = 0
    try:
        with _open(path, warn) as text:
            records = _csv_records if path.suffix.lower() == ".csv" else _json_records
            for number, line, record in records(path, text, fields):
                if isinstance(record, str):
                    yield InputError(path, f"record {number}: {record}", line)
                    continue
                try:
                    yield _article(path, number, line, record, fields)
                except InputError as exc:
                    yield exc
    except InputError as exc:
        yield exc
    except UnicodeDecodeError as exc:
        yield InputError(path, f"not valid {exc.encoding} text after record {number}")
    except OSError as exc:
        yield InputError(path, f"cannot read it ({exc.strerror or exc})")


def count(path: Path, fields: dict[str, str] | None = None) -> int:
    """How many records a dump holds (for a progress bar; a broken one counts as one);
    ``fields`` as for :func:`read_dump`.

    A JSON Lines record is a non-blank line, counted without decoding its JSON; a CSV
    record may span lines, so the CSV reader counts them.
    """
    try:
        with _open(path) as text:
            if path.suffix.lower() == ".csv":
                return sum(1 for _ in _csv_records(path, text, fields or {}))
            return sum(1 for raw in text if raw.strip())
    except (InputError, UnicodeDecodeError, OSError):
        return 1


def estimate(path: Path) -> int:
    """Articles a file holds, roughly and without reading it: one, or a dump's size
    over that of a typical article (whether a load is worth several processes)."""
    from .read import DUMP_SUFFIXES

    if Path(path).suffix.lower() not in DUMP_SUFFIXES:
        return 1
    try:
        return max(1, Path(path).stat().st_size // 4096)
    except OSError:
        return 1


def _open(path: Path, warn: Warn | None = None) -> TextIO:
    """The dump as text, in the encoding its first 64 KB show, checked as a file's
    bytes are (:func:`.read.decode`): UTF-8, or UTF-16/32 with a byte-order mark, or
    Windows-1252 with a warning."""
    head = read_bytes(path, head=64 * 1024, what="dump")
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
                       (b"\xef\xbb\xbf", "utf-8-sig")):
        if head.startswith(bom):
            break
    else:
        codec = "utf-8"
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 3:  # not a character cut at the end of the sample
                decode(path, head, warn)   # refuses, or warns that it is Windows-1252
                codec = "cp1252"
        if b"\x00" in head:
            decode(path, head)  # binary, or UTF-16 without a byte-order mark: refused
    return open(path, encoding=codec, newline="")


def _article(path: Path, number: int, line: int, record: dict,
             fields: dict[str, str]) -> Article:
    where = f"record {number}: "
    names = [fields["text"]] if "text" in fields else list(TEXT_FIELDS)
    body = next((record[n] for n in names if record.get(n) not in (None, "")), None)
    if body is None:
        raise InputError(path, f"{where}no text (expected a field "
                               f"{' or '.join(repr(n) for n in names)})", line)
    if not isinstance(body, str):
        raise InputError(path, f"{where}{names[0]} must be text", line)
    if not body.strip():
        raise InputError(path, f"{where}empty article", line)
    meta = {}
    for key in FRONT_MATTER_KEYS:
        value = record.get(fields.get(key, key))
        if isinstance(value, bool) or (value is not None and not isinstance(value, (str, int))):
            raise InputError(path, f"{where}{fields.get(key, key)} must be text", line)
        meta[key] = value
    return new_article(path, body, meta, where=where, date_line=lambda: line,
                       name=f"{path.name}#{number}")


def _json_records(path: Path, text: TextIO, fields: dict
                  ) -> Iterator[tuple[int, int, dict | str]]:
    """(record number, line, object or what is wrong) per non-blank line."""
    number = 0
    for line, raw in enumerate(text, start=1):
        raw = raw.rstrip("\r\n")
        if not raw.strip():
            continue
        number += 1
        if len(raw) > MAX_BYTES:
            yield number, line, f"longer than an article can be ({len(raw) / 2**20:.0f} MB)"
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, line, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        except RecursionError:
            yield number, line, "not valid JSON (nested too deeply)"
            continue
        yield number, line, record if isinstance(record, dict) else \
            "not a JSON object ({...} with a text field)"


def _csv_records(path: Path, text: TextIO, fields: dict
                 ) -> Iterator[tuple[int, int, dict | str]]:
    """(record number, line where it starts, row or what is wrong) per CSV row; the
    first row names the columns."""
    csv.field_size_limit(MAX_BYTES)  # the default 128 KB is shorter than a long article
    reader = csv.reader(text, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(path, f"header: not valid CSV ({exc})", 1) from None
    header = [h.strip() for h in header]
    wanted = [fields["text"]] if "text" in fields else list(TEXT_FIELDS)
    if not any(name in header for name in wanted):
        raise InputError(path, f"no {' or '.join(repr(n) for n in wanted)} column (columns: "
                               f"{', '.join(header)}); name it with --field text=COLUMN", 1)
    number, start = 0, reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield number, start, f"not valid CSV ({exc})"
            return  # the reader cannot find the next record after a broken one
        if not row:
            start = reader.line_num + 1
            continue
        number += 1
        if len(row) != len(header):
            yield number, start, f"{len(row)} fields, the header has {len(header)}"
        else:
            yield number, start, dict(zip(header, row))
        start = reader.line_num + 1
