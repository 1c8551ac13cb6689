"""docs/cli.md is every command's --help as the code has it now (generated with cog)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date():
    check = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff",
         "--check-fail-msg", "docs/cli.md is stale: run `cog -r docs/cli.md`", "docs/cli.md"],
        cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
