"""The ``tora`` command (no server needed: the spool is made against a closed port)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tora
from _server import free_port
from _toratest import python_env, run_sync, spooled_points


def test_usage() -> None:
    result = subprocess.run([sys.executable, "-m", "tora"], env=python_env(), capture_output=True, text=True)
    assert result.returncode == 2 and "sync" in result.stdout


def test_empty_spool(spool: Path) -> None:
    result = run_sync(spool, python_env())
    assert result.returncode == 0 and "nothing to send" in result.stdout


def test_unreachable_server_keeps_the_files_and_fails(spool: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TORA_SPOOL_GRACE", "0")
    dead = f"http://127.0.0.1:{free_port()}/api"
    run = tora.Tora.create_experiment("dead-server", server_url=dead)
    for i in range(42):
        run.log("loss", float(i), step=i)
    run.shutdown(timeout=0)
    assert spooled_points(spool) == 42
    files = sorted(spool.glob("*/*.json"))
    kinds = [json.loads(f.read_text())["kind"] for f in files]
    assert kinds[0] == "create" and "metrics" in kinds and kinds[-1] == "update"
    first = json.loads(files[0].read_text())
    assert first["server_url"] == dead and first["body"]["name"] == "dead-server"
    assert first["body"]["id"] == run.experiment_id

    result = run_sync(spool, python_env())
    assert result.returncode == 1
    assert f"{dead} did not answer" in result.stdout
    assert spooled_points(spool) == 42  # nothing lost
    assert json.loads(files[0].read_text())["attempts"] >= 1
