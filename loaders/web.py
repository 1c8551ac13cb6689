"""Saved web pages (``.html``/``.htm``): the article's main text and metadata.

`trafilatura <https://trafilatura.readthedocs.io>`_ finds the main text (without
navigation, footers, comments) and the metadata: title, site name (the publisher),
publication date, canonical URL and author. The result is the article a ``.md`` file
with that front matter gives; quotes and spans refer to the extracted text, which the
store keeps (``Article.body``) because the page itself does not hold it as it is.

A page saved by a browser, or fetched by :mod:`.fetch`, may start with a
``<!-- saved from url=(0031)https://… -->`` comment: that address is the article's URL
when the page names no canonical one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..graph.dates import parse_date_or_time
from ..graph.records import Article
from .errors import InputError
from .read import PAGE_SUFFIXES, Warn, decode, new_article, read_bytes

# When nothing looks like an article, trafilatura's fallbacks return what text there is,
# menus included; an article has at least one line this long, a menu does not.
PARAGRAPH_WORDS = 8
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def saved_from(data: bytes) -> str:
    """The address in a ``saved from url`` comment at the top of a page, else "".

    >>> saved_from(b'<!-- saved from url=(0022)https://example.org/ -->\\n<html>')
    'https://example.org/'
    """
    match = _SAVED_FROM.search(data[:2048])
    return match.group(1).decode("ascii", "replace") if match else ""


def saved_from_comment(url: str) -> bytes:
    """The comment :func:`saved_from` reads, as a browser writes it.

    >>> saved_from(saved_from_comment("https://example.org/a"))
    'https://example.org/a'
    """
    return f"<!-- saved from url=({len(url):04d}){url} -->\n".encode("ascii", "replace")


def is_page_resource(path: Path) -> bool:
    """A frame or other page inside the ``NAME_files`` folder a browser saves beside
    ``NAME.html`` ("Web page, complete"): part of that page, not an article."""
    folder = path.parent
    if not folder.name.endswith("_files"):
        return False
    stem = folder.name[: -len("_files")]
    return any((folder.parent / f"{stem}{suffix}").is_file() for suffix in PAGE_SUFFIXES)


def read_page(path: Path, warn: Warn | None = None) -> Article:
    """The article in a saved web page. Raises :class:`InputError` when the page holds
    no main text (an index page, a login wall, a page that needs JavaScript)."""
    data = read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32 with a byte-order mark
        data = decode(path, data).encode("utf-8")
    elif b"\x00" in data[:4096]:
        raise InputError(path, "binary file (contains NUL bytes), not a web page")
    url = saved_from(data)
    where = f" (saved from {url})" if url else ""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(data)
    document = None
    if tree is not None:
        published = published_date(tree)  # before extraction, which prunes the tree
        document = bare_extraction(
            tree, url=url or None, with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            include_tables=False,    # cells run together, not sentences
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "outputformat": "%Y-%m-%d"})
    text = (document.text or "").strip() if document is not None else ""
    if not any(len(line.split()) >= PARAGRAPH_WORDS for line in text.splitlines()):
        raise InputError(path, f"no article text found in this page{where}")
    meta = {"title": document.title, "publisher": document.sitename,
            "date": published or _confirmed(document.date, data),
            "url": document.url or url, "author": document.author}
    return new_article(path, text + "\n", meta, where=f"page metadata{where}: ",
                       keep_body=True)


# Where pages state their publication date, most specific first.
_DATE_PLACES = (
    '//meta[@property="article:published_time" or @name="article:published_time"]/@content',
    '//*[@itemprop="datePublished"]/@content',
    '//*[@itemprop="datePublished"]/@datetime',
    '//meta[@name="pubdate" or @name="publishdate" or @name="publish-date"'
    ' or @name="citation_publication_date" or @name="DC.date.issued"'
    ' or @name="dc.date" or @name="date"]/@content',
    '//time[@pubdate]/@datetime',
    '//article//time/@datetime',
)


def published_date(tree) -> str:
    """The publication date a page's markup states (meta tags, JSON-LD, ``<time>``), as
    precise as it is written: "2022-03" stays a month.

    htmldate, which trafilatura uses, always answers with a day and fills one in when
    the page gives only a month; dates are never invented here, so this comes first.

    >>> from lxml import html
    >>> published_date(html.fromstring('<html><head><meta property="article:published_time"'
    ...                                ' content="2022-01-05T10:00:00+06:00"></head></html>'))
    '2022-01-05'
    >>> published_date(html.fromstring('<html><body><article><time datetime="2022-03">'
    ...                                'March</time></article></body></html>'))
    '2022-03'
    """
    candidates = [str(v) for place in _DATE_PLACES[:4] for v in tree.xpath(place)]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        candidates += _json_ld_dates(script)
    candidates += [str(v) for place in _DATE_PLACES[4:] for v in tree.xpath(place)]
    for raw in candidates:
        date = _iso(raw)
        if date:
            return date
    return ""


def _json_ld_dates(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    found, todo = [], [data]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            todo += [v for v in item.values() if isinstance(v, (dict, list))]
        elif isinstance(item, list):
            todo += item
    return found


def _iso(raw: str) -> str:
    parsed = parse_date_or_time(raw.strip().replace("/", "-"))
    return parsed[0] if parsed else ""


def _confirmed(day: str | None, data: bytes) -> str:
    """htmldate's day when the page writes it out in digits, else "" (it may have filled
    the day in)."""
    if not day:
        return ""
    y, m, d = day.split("-")
    spelled = (f"{y}-{m}-{d}", f"{y}/{m}/{d}", f"{y}{m}{d}", f"{d}.{m}.{y}")
    return day if any(s.encode() in data for s in spelled) else ""
