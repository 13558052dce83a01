"""The public surface: what ``import tora`` offers, and nothing heavy on import."""

from __future__ import annotations

import subprocess
import sys

import tora
from _toratest import python_env

PUBLIC = [
    "ConflictError",
    "NotFoundError",
    "Tora",
    "ToraConfigurationError",
    "ToraError",
    "ToraServiceError",
    "UnauthorizedError",
    "ValidationError",
    "flush",
    "get_experiment_id",
    "get_experiment_url",
    "is_initialized",
    "log",
    "log_metrics",
    "setup",
    "shutdown",
    "tlog",
]


def test_all_is_pinned_and_sorted() -> None:
    assert tora.__all__ == PUBLIC
    assert tora.__all__ == sorted(tora.__all__)
    for name in PUBLIC:
        assert hasattr(tora, name), name


def test_exception_tree() -> None:
    assert issubclass(tora.ToraConfigurationError, tora.ToraError)
    assert issubclass(tora.ToraConfigurationError, ValueError)
    assert issubclass(tora.ToraServiceError, tora.ToraError)
    for leaf in (tora.ValidationError, tora.UnauthorizedError, tora.NotFoundError, tora.ConflictError):
        assert issubclass(leaf, tora.ToraServiceError)
    err = tora.NotFoundError("experiment x not found", status=404, code="not_found", details={"id": "x"})
    assert (err.status, err.code, err.details) == (404, "not_found", {"id": "x"})
    assert "404 not_found" in str(err)


def test_tlog_is_log() -> None:
    assert tora.tlog is tora.log


def test_import_is_light_and_typed() -> None:
    code = (
        "import sys, tora, pathlib;"
        "heavy = [m for m in ('numpy', 'torch', 'asyncio') if m in sys.modules];"
        "assert not heavy, heavy;"
        "assert (pathlib.Path(tora.__file__).parent / 'py.typed').exists()"
    )
    result = subprocess.run([sys.executable, "-c", code], env=python_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
