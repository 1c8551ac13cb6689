"""The Chromium that renders qantar's HTML pages in tests, benchmarks and screenshots.

Found on PATH under the names distributions give it (Debian ``chromium``, Ubuntu
``chromium-browser``, Google's ``google-chrome``); ``QANTAR_CHROMIUM`` names another.
Playwright drives it with ``executable_path``, so no browser is ever downloaded.
"""

from __future__ import annotations

import os
import shutil

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium executable, or None when there is none."""
    override = os.environ.get("QANTAR_CHROMIUM")
    if override:
        return shutil.which(override)
    return next(filter(None, map(shutil.which, NAMES)), None)
