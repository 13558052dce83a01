"""The distribution builds and installs offline, with the console script and py.typed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _toratest import CLIENT_DIR


def _builder() -> str | None:
    """A Python >= 3.10 whose setuptools can build wheels without downloads (this one first)."""
    probe = (
        "import sys, setuptools, importlib.util as u;"
        "v = tuple(int(x) for x in setuptools.__version__.split('.')[:2]);"
        "sys.exit(0 if sys.version_info >= (3, 10) and (v >= (70, 1) or u.find_spec('wheel')) else 1)"
    )
    candidates = [sys.executable]
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        for name in ("python3", "python"):
            path = Path(folder) / name
            if path.is_file() and os.access(path, os.X_OK):
                candidates.append(str(path))
    for python in dict.fromkeys(candidates):
        ok = subprocess.run([python, "-c", probe], capture_output=True).returncode == 0
        pip = subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode == 0
        if ok and pip:
            return python
    return None


def test_pip_install_no_build_isolation(tmp_path: Path) -> None:
    python = _builder()
    if python is None:
        pytest.skip("no Python here has setuptools>=70.1 or the wheel package to build with")
    # build from a copy, so that setuptools leaves no build/ or *.egg-info in the work tree
    source = tmp_path / "src"
    shutil.copytree(CLIENT_DIR, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache"))
    target = tmp_path / "site"
    result = subprocess.run(
        [python, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "tora" / "py.typed").exists()
    assert (target / "tora" / "_sender.py").exists()
    assert not (target / "tests").exists() and not (target / "examples").exists()
    script = target / "bin" / "tora"
    assert script.exists() and "tora._cli" in script.read_text()
    env = dict(os.environ, PYTHONPATH=str(target))
    check = subprocess.run([sys.executable, "-m", "tora", "sync", "--help"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert check.returncode == 0 and "--dry-run" in check.stdout
    dists = list(target.glob("tora_client-*.dist-info"))
    assert dists and "Requires-Dist" not in (dists[0] / "METADATA").read_text()  # no dependencies
