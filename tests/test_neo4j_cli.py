"""``qantar neo4j start/status/stop`` from a non-editable install of the package.

The package is built as a wheel and installed with pip into a temporary folder; the
command runs from a folder outside the checkout, so it can only work if the launcher's
Maven sources ship inside the package.
"""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A folder holding ``qantar`` installed from a wheel (dependencies from this venv)."""
    base = tmp_path_factory.mktemp("installed")
    wheels, site = base / "wheels", base / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    (wheel,) = wheels.glob("qantar-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "qantar/neo4j_local/launcher/pom.xml" in names
    assert "qantar/neo4j_local/launcher/src/main/java/qantar/Neo4jLocal.java" in names
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    return site


def _qantar(cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    code = "from qantar.cli.main import cli; cli(prog_name='qantar')"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_neo4j_start_status_stop_from_an_installed_package(installed, tmp_path):
    from qantar import neo4j_local

    if neo4j_local.tools_missing():
        pytest.skip(f"{' and '.join(neo4j_local.tools_missing())} not on PATH")
    run_dir = tmp_path / "run"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QANTAR_")}
    env.update(PYTHONPATH=str(installed), QANTAR_NEO4J_RUN_DIR=str(run_dir),
               NEO4J_PASSWORD="cli-test-password")
    where = subprocess.run([sys.executable, "-c", "import qantar; print(qantar.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(installed)

    status = _qantar(tmp_path, env, "neo4j", "status")
    assert (status.returncode, status.stdout.strip()) == (3, "not running")

    started = _qantar(tmp_path, env, "neo4j", "start",
                      "--bolt-port", "0", "--http-port", "0")
    try:
        assert started.returncode == 0, started.stderr
        assert "Neo4j 5.26" in started.stdout
        assert "cli-test-password" not in started.stdout + started.stderr
        status = _qantar(tmp_path, env, "neo4j", "status")
        assert status.returncode == 0, status.stderr
        assert status.stdout.startswith("running: Neo4j 5.26")
        uri = status.stdout.split()[5]
        import neo4j

        with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "cli-test-password")) as drv:
            records, _, _ = drv.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1
        assert (run_dir / "data").is_dir()
        assert not (installed / "qantar" / "neo4j_local" / "launcher" / "target").exists()
    finally:
        stopped = _qantar(tmp_path, env, "neo4j", "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.startswith("stopped (pid ")
    status = _qantar(tmp_path, env, "neo4j", "status")
    assert (status.returncode, status.stdout.strip()) == (3, "not running")
