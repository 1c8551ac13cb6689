"""Dates with honest precision: an ISO prefix (``2022``, ``2022-01``, ``2022-01-05``).

Dates are never invented: a month stays a month, and an impossible date (31 February)
is refused rather than rounded.
"""

from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_iso_prefix(text: str) -> tuple[str, str] | None:
    """``"2022-1-5"`` -> ``("2022-01-05", "day")``; None when not a valid date."""
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
