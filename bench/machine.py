"""What the numbers were measured on: CPU, memory, load, versions."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata


def _cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_gb() -> float:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return pages * size / 1e9
    except (ValueError, OSError):
        return 0.0


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _chromium() -> str:
    from qantar.chromium import find_chromium

    path = find_chromium()
    if path is None:
        return "not found"
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True,
                             timeout=20)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def load() -> list[float]:
    """1, 5 and 15 minute load averages: other work on a shared machine skews timings."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def info() -> dict:
    return {
        "cpu": _cpu_model(), "cores": os.cpu_count(), "memory_gb": round(_mem_gb(), 1),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "packages": {d: _version(d) for d in ("qantar", "neo4j", "neo4j-rust-ext", "ladybug",
                                               "pyahocorasick", "networkx", "playwright")},
        "chromium": _chromium(),
    }
