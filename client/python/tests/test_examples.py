"""The examples run against the real server (those that need only numpy)."""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from _toratest import CLIENT_DIR, count, experiment, python_env, wait_for

EXAMPLES = CLIENT_DIR / "examples"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_logistic_sweep(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    ids = load("logistic_sweep").main(["--lrs", "0.05", "0.5", "1.5", "--epochs", "4", "--server-url", url])
    assert len(ids) == 3
    runs = [experiment(url, i) for i in ids]
    assert all(r is not None and r["status"] == "finished" for r in runs)
    assert runs[0]["references"] == []  # type: ignore[index]
    assert runs[1]["references"] == [ids[0]] and runs[2]["references"] == [ids[0]]  # type: ignore[index]
    assert sorted(runs[0]["referenced_by"]) == sorted(ids[1:])  # type: ignore[index]
    assert [r["hyperparams"]["lr"] for r in runs] == [0.05, 0.5, 1.5]  # type: ignore[index]
    assert runs[0]["hyperparams"]["epochs"] == 4  # type: ignore[index]
    batches = math.ceil(1600 / 64)
    for i in ids:
        assert count(url, i, "train/loss") == 4 * batches
        assert count(url, i, "val/accuracy") == 4
    assert 0.5 < runs[1]["metadata"]["final_val_accuracy"] <= 1.0  # type: ignore[index]
    assert capsys.readouterr().out.count("val accuracy") == 3


def test_quickstart(url: str) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py")], env=python_env(TORA_BASE_URL=url),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tora experiment: http")
    eid = result.stdout.strip().rsplit("/", 1)[1]
    e = wait_for(lambda: experiment(url, eid), what="the quickstart experiment")
    assert e["status"] == "finished" and e["hyperparams"] == {"lr": 0.01, "epochs": 100}
    assert count(url, eid, "loss") == 100


@pytest.mark.parametrize("name", ["sklearn_digits", "imagenette_training"])
def test_framework_examples_compile(name: str) -> None:
    compile((EXAMPLES / f"{name}.py").read_text(), name, "exec")  # they need libraries not installed here


def test_examples_use_only_the_public_api() -> None:
    for path in Path(EXAMPLES).glob("*.py"):
        assert "tora._" not in path.read_text(), path
