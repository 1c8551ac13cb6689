"""Dates with honest precision: an ISO prefix (``2022``, ``2022-01``, ``2022-01-05``).

The one place where a date is parsed, validated and turned into the days it covers, for
the loaders (front matter, curation, date phrases), the query packs' ``date``
parameters, the exports' date filters and the CLI. A month stays a month, and an
impossible date (31 February) is refused rather than rounded.
"""

from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_iso_prefix(text: str) -> tuple[str, str] | None:
    """The date as a zero-padded ISO prefix and its precision; None when not a date.

    >>> parse_iso_prefix("2022-1-5")
    ('2022-01-05', 'day')
    >>> parse_iso_prefix(" 2022-01 ")
    ('2022-01', 'month')
    >>> parse_iso_prefix("2022"), parse_iso_prefix("2022-02-30"), parse_iso_prefix("May")
    (('2022', 'year'), None, None)
    """
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return f"{y:04d}", "year"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}", "month"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


_TIMESTAMP = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}")


def parse_date_or_time(text: str) -> tuple[str, str] | None:
    """:func:`parse_iso_prefix`, and of a timestamp its day (front matter and web pages
    give either).

    >>> parse_date_or_time("2022-01-05T10:00:00+06:00"), parse_date_or_time("2022-1")
    (('2022-01-05', 'day'), ('2022-01', 'month'))
    """
    text = text.strip()
    stamp = _TIMESTAMP.match(text)
    return parse_iso_prefix(stamp.group(1) if stamp else text)


def bounds(prefix: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers; None when it is not a date.

    >>> bounds("2024-02")
    ('2024-02-01', '2024-02-29')
    >>> bounds("2022"), bounds("2022-1-5"), bounds(None)
    (('2022-01-01', '2022-12-31'), ('2022-01-05', '2022-01-05'), None)
    """
    parsed = parse_iso_prefix(prefix or "")
    if parsed is None:
        return None
    iso, precision = parsed
    if precision == "day":
        return iso, iso
    if precision == "month":
        y, m = map(int, iso.split("-"))
        return f"{iso}-01", f"{iso}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{iso}-01-01", f"{iso}-12-31"


def order_key(prefix: str) -> tuple:
    """Sort dates by the first day they cover, coarser first; non-dates first.

    >>> sorted(["2022-01-01", "2022", "2021-12", "2022-01"], key=order_key)
    ['2021-12', '2022', '2022-01', '2022-01-01']
    """
    first = (bounds(prefix) or ("", ""))[0]
    return first, len(prefix), prefix


def parts(iso: str) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of an ISO prefix as numbers, None where it stops.

    >>> parts("2022-01"), parts("")
    ((2022, 1, None), (None, None, None))
    """
    bits = [int(b) for b in iso.split("-")] if iso else []
    bits += [None] * (3 - len(bits))
    return bits[0], bits[1], bits[2]


def is_day(year: int, month: int, day: int) -> bool:
    """Whether the numbers name a day of the calendar.

    >>> is_day(2024, 2, 29), is_day(2022, 2, 29), is_day(2022, 13, 1)
    (True, False, False)
    """
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
