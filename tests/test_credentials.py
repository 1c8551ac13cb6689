"""Credentials come from the environment or a hidden prompt, never from the command line,
and never show up in messages, logs or exports."""

from __future__ import annotations

import logging
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph.stores import StoreUnavailable
from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore
from qantar.loaders.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SECRETISH = ("password", "passwd", "secret", "token", "auth", "credential")


def all_commands(group: click.Group, prefix=("qantar",)):
    yield prefix, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_no_command_takes_a_credential_as_an_option_or_argument():
    """Anything on a command line is visible in `ps` and in shell history."""
    seen = 0
    for path, command in all_commands(cli):
        for param in command.params:
            names = [param.name or "", *getattr(param, "opts", []),
                     *getattr(param, "secondary_opts", [])]
            for name in names:
                assert not any(word in name.lower() for word in SECRETISH), (path, name)
            seen += 1
    assert seen > 5


def neo4j_env(db, **override) -> dict:
    env = {"QANTAR_BACKEND": "neo4j", "NEO4J_URI": db.uri, "NEO4J_USERNAME": db.username,
           "NEO4J_PASSWORD": db.password, "NEO4J_DATABASE": db.database}
    env.update(override)
    return env


@pytest.mark.parametrize("override", [
    {"NEO4J_PASSWORD": "Wr0ng-but-Secret-Passw0rd"},
    {"NEO4J_DATABASE": "elsewhere"},
    {"NEO4J_USERNAME": "Secret-User-Name"},
])
def test_failures_never_echo_the_password(neo4j_db, override):
    env = neo4j_env(neo4j_db, **override)
    result = CliRunner().invoke(cli, ["load", str(SEEDS)], env=env)
    assert result.exit_code == 3
    shown = result.output + result.stderr
    assert env["NEO4J_PASSWORD"] not in shown
    assert neo4j_db.password not in shown
    assert "Traceback" not in shown


def test_a_password_inside_the_uri_is_not_shown(neo4j_db):
    secret = "Uri-Embedded-Secret-42"
    host = neo4j_db.uri.split("://", 1)[1]
    for scheme in ("bolt", "neo4j"):
        env = neo4j_env(neo4j_db, NEO4J_URI=f"{scheme}://neo4j:{secret}@{host}")
        result = CliRunner().invoke(cli, ["load", str(SEEDS)], env=env)
        assert secret not in result.output + result.stderr
        assert result.exit_code in (0, 3)


def test_settings_and_errors_do_not_carry_the_password():
    settings = Neo4jSettings(uri="bolt://u:UriSecret-1@127.0.0.1:1", password="Hidden-Pass-123")
    for text in (repr(settings), str(settings)):
        assert "Hidden-Pass-123" not in text and "UriSecret-1" not in text
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(settings)
    assert "Hidden-Pass-123" not in str(err.value) and "UriSecret-1" not in str(err.value)
    assert err.value.__cause__ is None  # no driver exception (with its details) chained on


def test_driver_debug_logs_and_exports_do_not_contain_the_password(neo4j_db, tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    store = Neo4jStore(Neo4jSettings(uri=neo4j_db.uri, username=neo4j_db.username,
                                     password=neo4j_db.password, database=neo4j_db.database))
    try:
        load(store, [SEEDS])
    finally:
        store.close()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "HELLO" in logged or "LOGON" in logged  # the handshake was logged...
    assert neo4j_db.password not in logged  # ...without the password

    runner = CliRunner()
    for fmt in ("jsonl", "graphml", "gexf", "html"):
        out = tmp_path / f"graph.{fmt}"
        result = runner.invoke(cli, ["export", fmt, "-o", str(out)], env=neo4j_env(neo4j_db))
        assert result.exit_code == 0, result.stderr
        assert neo4j_db.password.encode() not in out.read_bytes()
        assert neo4j_db.password not in result.output + result.stderr


def test_no_process_has_the_password_on_its_command_line(neo4j_db):
    """The test server (started with a password) and everything else running here:
    the password travels in the environment, never in argv."""
    secret = neo4j_db.password.encode()
    checked = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes()
        except OSError:
            continue
        checked += 1
        assert secret not in argv, cmdline
    assert checked > 1


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_the_password_is_prompted_for_hidden_when_not_in_the_environment(neo4j_db):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(QANTAR_BACKEND="neo4j", NEO4J_URI=neo4j_db.uri,
               NEO4J_USERNAME=neo4j_db.username, NEO4J_DATABASE=neo4j_db.database)
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-c", "from qantar.cli.main import main; main()",
                             "load", str(SEEDS / "000_9fb643f376190d20.txt")],
                            stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, preexec_fn=_controlling_terminal)
    os.close(slave)
    seen = b""
    try:
        seen += _read_until(master, b"password for neo4j", timeout=60)
        os.write(master, neo4j_db.password.encode() + b"\n")
        seen += _read_until(master, None, timeout=120)
        assert proc.wait(timeout=60) == 0, seen
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert b"Loaded 1 article(s)" in seen
    assert neo4j_db.password.encode() not in seen  # not echoed


def _controlling_terminal() -> None:
    """In the child, after setsid: make the pseudo-terminal on stdin its terminal, so the
    hidden prompt can switch echo off as it would for a person."""
    import fcntl
    import termios

    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _read_until(fd: int, marker: bytes | None, timeout: float) -> bytes:
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other side closed
            return out
        if not chunk:
            return out
        out += chunk
        if marker is not None and marker in out:
            return out
    raise AssertionError(f"timed out; got {out!r}")


def test_a_prompted_password_keeps_the_other_settings(monkeypatch):
    """The prompt only fills in the password: the retry budget, address and database
    from the environment stay as they were."""

    from qantar.cli.main import neo4j_settings

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_URI", "neo4j://db.example:7687")
    monkeypatch.setenv("NEO4J_DATABASE", "qantar")
    monkeypatch.setenv("QANTAR_NEO4J_RETRY_SECONDS", "7")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(click, "prompt", lambda *args, **kwargs: "typed-password")
    settings = neo4j_settings()
    assert (settings.password, settings.retry_seconds, settings.uri, settings.database) == (
        "typed-password", 7.0, "neo4j://db.example:7687", "qantar")
