"""Helpers of the tests: the REST API read directly, polling with deadlines, child processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CLIENT_DIR = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def api(base: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, json.loads(raw) if raw else None


def experiment(base: str, eid: str) -> dict[str, Any] | None:
    status, body = api(base, "GET", f"/experiments/{eid}")
    return body["data"] if status == 200 else None


def points(base: str, eid: str, name: str, first: int | None = None, last: int | None = None) -> dict[str, Any] | None:
    """The raw points of a series (steps, values, timestamps), or None if it does not exist.
    More than 10,000 points are read in pages of step ranges."""
    quoted = urllib.parse.quote(name, safe="")
    out: dict[str, list[Any]] = {"steps": [], "values": [], "timestamps": []}
    lo = 0 if first is None else first
    while True:
        hi = lo + 9_999 if last is None else min(last, lo + 9_999)
        status, body = api(base, "GET", f"/experiments/{eid}/metrics/{quoted}/points?points=10000&from={lo}&to={hi}")
        if status == 404:
            return None
        assert status == 200, body
        page = body["data"]
        assert page["mode"] == "raw", f"more than 10,000 points between steps {lo} and {hi}: duplicates?"
        for key in out:
            out[key].extend(page[key])
        total = count(base, eid, name)
        if len(out["steps"]) >= total or (last is not None and hi >= last) or (not page["steps"] and hi > 2 * total + 10_000):
            return out
        lo = hi + 1


def count(base: str, eid: str, name: str) -> int:
    status, body = api(base, "GET", f"/experiments/{eid}/metrics")
    if status != 200:
        return 0
    for s in body["data"]:
        if s["name"] == name:
            return int(s["count"])
    return 0


def wait_for(check: Callable[[], T], timeout: float = 15.0, interval: float = 0.05, what: str = "") -> T:
    """Polls ``check`` until it returns something truthy; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or check}; last: {value!r}")
        time.sleep(interval)


def assert_exactly_once(base: str, eid: str, name: str, steps: list[int], values: list[float] | None = None) -> None:
    """The series holds each expected step exactly once (and the expected values, in order)."""
    got = points(base, eid, name)
    assert got is not None, f"series {name} missing"
    assert len(got["steps"]) == len(steps), f"{len(got['steps'])} points stored, {len(steps)} logged"
    assert sorted(got["steps"]) == sorted(steps)
    assert len(set(got["steps"])) == len(steps), "a step was stored twice"
    if values is not None:
        by_step = dict(zip(got["steps"], got["values"]))
        assert [by_step[s] for s in steps] == values


def python_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(CLIENT_DIR), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra)
    return env


def run_python(code: str, env: dict[str, str], timeout: float = 120, args: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *(args or [])], env=env, capture_output=True, text=True, timeout=timeout
    )


def run_sync(spool: Path, env: dict[str, str], *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tora", "sync", "--spool", str(spool), *extra],
        env=env, capture_output=True, text=True, timeout=timeout,
    )


def spooled_points(spool: Path) -> int:
    """Points waiting in the spool's files."""
    total = 0
    for f in spool.glob("*/*.json"):
        if f.name.startswith("."):
            continue
        try:
            total += int(json.loads(f.read_text()).get("points") or 0)
        except (OSError, ValueError):
            pass
    return total
