"""``scripts/main-job`` in a copy of the repository: installs into the copy's .venv,
loads the seeds into the embedded store and writes the page, as on a fresh machine.

The copy's venv sees this venv's site-packages (a .pth file), so pip finds the
dependencies installed and the test needs no download beyond pip's build backend.
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


def test_main_job_in_a_clean_copy(tmp_path):
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                             check=True).stdout.decode().split("\0")
    copy = tmp_path / "qantar"
    for name in filter(None, tracked):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes(source.read_bytes())
            (copy / name).chmod(source.stat().st_mode)
    subprocess.run([sys.executable, "-m", "venv", str(copy / ".venv")], check=True)
    site = next((copy / ".venv" / "lib").glob("python3*/site-packages"))
    (site / "deps-from-the-test-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("QANTAR_", "NEO4J_"))}
    job = subprocess.run([str(copy / "scripts" / "main-job")], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=1200)
    assert job.returncode == 0, job.stderr[-3000:]
    assert "Loaded 5 article(s) into embedded" in job.stdout
    assert job.stdout.rstrip().endswith("Open out/qantar.html in a browser (works offline).")
    page = (copy / "out" / "qantar.html").read_text(encoding="utf-8")
    assert "Nursultan Nazarbayev" in page and page.rstrip().endswith("</html>")
    assert (copy / "qantar.lbug").exists() and not (tmp_path / "qantar.lbug").exists()
    where = subprocess.run([str(copy / ".venv" / "bin" / "python"), "-c",
                            "import qantar; print(qantar.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(copy)
