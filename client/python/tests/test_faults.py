"""Faults: dropped connections, busy answers, refusals, outages, killed processes and servers.
Every test checks that each point is stored exactly once."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import tora
from _proxy import FaultProxy
from _toratest import (
    assert_exactly_once,
    count,
    experiment,
    python_env,
    run_sync,
    spooled_points,
    wait_for,
)


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tora" and r.levelno >= logging.WARNING]


def test_dropped_connections_and_busy_answers_are_retried_exactly_once(
    url: str, proxy: FaultProxy, tora_logs: pytest.LogCaptureFixture
) -> None:
    run = tora.Tora.create_experiment("flaky-network", server_url=proxy.url, max_buffer_len=100, flush_interval=0.05)
    proxy.push(["drop", "status:503", "drop_after", "status:429:1", "pass", "drop_after", "drop", "status:500",
                "pass", "status:502", "drop_after", "drop_after", "status:504"])
    n = 3000
    for i in range(n):
        run.log("loss", float(i), step=i)
        if i % 300 == 0:
            time.sleep(0.02)  # spread the points over several batches
    assert run.flush(60) is True
    run.shutdown()
    assert_exactly_once(url, run.experiment_id, "loss", list(range(n)), [float(i) for i in range(n)])
    assert experiment(url, run.experiment_id)["status"] == "finished"  # type: ignore[index]
    assert proxy.seen["drop_after"] == 4 and proxy.seen["status"] == 5 and proxy.seen["drop"] == 2
    # Retry-After: 1 was honoured: the request after the 429 came at least ~1 s later
    i429 = next(i for i, entry in enumerate(proxy.log) if entry[3] == "status:429:1")
    assert proxy.log[i429 + 1][0] - proxy.log[i429][0] >= 0.9
    # a batch keeps its id across retries: the server answered "duplicate" for resent batches
    assert not [m for m in warnings_of(tora_logs) if "refused" in m]


def test_server_down_for_the_whole_run_then_tora_sync(
    url: str, proxy: FaultProxy, spool: Path, monkeypatch: pytest.MonkeyPatch, tora_logs: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TORA_SPOOL_GRACE", "0.5")
    proxy.stop_listening()
    run = tora.Tora.create_experiment(
        "offline-run", server_url=proxy.url, hyperparams={"lr": 0.1, "net": {"depth": 18}}, tags=["offline"]
    )
    n = 3000
    for i in range(n):
        run.log("loss", float(i), step=i)
    run.add_tags("later")
    run.log_hyperparams({"wd": 0.01})
    t0 = time.monotonic()
    run.shutdown(timeout=20)
    assert time.monotonic() - t0 < 10  # offline: spools after the grace period instead of waiting
    summary = [m for m in warnings_of(tora_logs) if "were not delivered" in m]
    assert len(summary) == 1, warnings_of(tora_logs)
    assert f"{n:,} points" in summary[0] and f"tora sync --spool {spool}" in summary[0]
    assert spooled_points(spool) == n
    assert experiment(url, run.experiment_id) is None

    env = python_env()
    dry = run_sync(spool, env, "--dry-run")
    assert dry.returncode == 0 and f"{n:,} points" in dry.stdout
    assert spooled_points(spool) == n  # a dry run sends nothing

    proxy.start_listening()
    result = run_sync(spool, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"({n:,} points" in result.stdout and "0 refused, 0 left" in result.stdout
    e = experiment(url, run.experiment_id)
    assert e is not None
    assert e["name"] == "offline-run" and e["status"] == "finished"
    assert e["hyperparams"] == {"lr": 0.1, "net.depth": 18, "wd": 0.01}
    assert e["tags"] == ["offline", "later"]
    assert_exactly_once(url, run.experiment_id, "loss", list(range(n)))
    assert not list(spool.glob("*/*.json"))
    again = run_sync(spool, env)
    assert again.returncode == 0 and "nothing to send" in again.stdout


def test_a_refused_batch_is_spooled_with_the_message_and_warned_once(
    url: str, proxy: FaultProxy, spool: Path, tora_logs: pytest.LogCaptureFixture
) -> None:
    run = tora.Tora.create_experiment("refused", server_url=proxy.url, max_buffer_len=10**6, flush_interval=3600)
    proxy.push(["status:400", "status:400"])
    for i in range(10):
        run.log("loss", float(i), step=i)
    assert run.flush(10) is False  # refused, not retried
    for i in range(10, 20):
        run.log("loss", float(i), step=i)
    assert run.flush(10) is False
    for i in range(20, 30):
        run.log("loss", float(i), step=i)
    assert run.flush(10) is True
    run.shutdown()
    refused = [m for m in warnings_of(tora_logs) if "refused" in m]
    assert len(refused) == 2  # one when it happened (same cause once), one in the shutdown summary
    assert "injected 400" in refused[0] and "tora sync" in refused[0]
    assert proxy.seen["status"] == 2  # never retried on its own
    files = sorted(spool.glob("*/*.json"))
    assert len(files) == 2
    entry = json.loads(files[0].read_text())
    assert entry["last_error"]["status"] == 400 and entry["last_error"]["retryable"] is False
    assert entry["last_error"]["message"] == "injected 400"
    assert count(url, run.experiment_id, "loss") == 10
    result = run_sync(spool, python_env())
    assert result.returncode == 0, result.stdout
    assert_exactly_once(url, run.experiment_id, "loss", list(range(30)))


def test_a_run_closed_offline_with_nothing_buffered_still_spools_its_status(
    url: str, proxy: FaultProxy, spool: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TORA_SPOOL_GRACE", "0")
    proxy.stop_listening()
    run = tora.Tora.create_experiment("offline-status", server_url=proxy.url, flush_interval=0.05)
    for i in range(100):
        run.log("loss", float(i), step=i)
    wait_for(lambda: spooled_points(spool) == 100, timeout=30, what="the points to be spooled")
    run.shutdown(status="killed", timeout=10)  # nothing waits in memory but the status itself
    kinds = [json.loads(f.read_text())["kind"] for f in sorted(spool.glob("*/*.json"))]
    assert kinds[0] == "create" and kinds[-1] == "update", kinds
    proxy.start_listening()
    result = run_sync(spool, python_env())
    assert result.returncode == 0, result.stdout
    assert experiment(url, run.experiment_id)["status"] == "killed"  # type: ignore[index]
    assert_exactly_once(url, run.experiment_id, "loss", list(range(100)))


def test_shutdown_timeout_is_respected(
    url: str, proxy: FaultProxy, spool: Path, monkeypatch: pytest.MonkeyPatch, tora_logs: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("TORA_SHUTDOWN_TIMEOUT", "1")
    run = tora.Tora.create_experiment("slow-server", server_url=proxy.url, max_buffer_len=10**6, flush_interval=3600)
    proxy.set_default("delay:4")
    for i in range(100):
        run.log("loss", float(i), step=i)
    t0 = time.monotonic()
    run.shutdown()  # TORA_SHUTDOWN_TIMEOUT=1
    elapsed = time.monotonic() - t0
    assert 0.9 <= elapsed < 2.5
    assert spooled_points(spool) == 100
    assert any("were not delivered" in m for m in warnings_of(tora_logs))
    proxy.set_default("pass")
    result = run_sync(spool, python_env())
    assert result.returncode == 0, result.stdout
    wait_for(lambda: proxy.forwarded >= 2, timeout=10, what="the delayed request to reach the server")
    time.sleep(0.5)
    assert_exactly_once(url, run.experiment_id, "loss", list(range(100)))


KILLED_CHILD = """
import sys, time, tora
run = tora.Tora.create_experiment("sigkill", server_url=sys.argv[1], max_buffer_len=500, flush_interval=0.05)
print(run.experiment_id, flush=True)
for i in range(5000):
    run.log("loss", float(i), step=i)
time.sleep(600)
"""


def test_a_process_killed_after_spooling_leaves_a_spool_that_syncs(
    url: str, proxy: FaultProxy, spool: Path
) -> None:
    proxy.stop_listening()
    env = python_env(TORA_SPOOL_DIR=str(spool), TORA_SPOOL_GRACE="0.3")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, proxy.url], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        eid = child.stdout.readline().strip()
        wait_for(lambda: spooled_points(spool) == 5000, timeout=30, what="the child to spool every point")
        busy = run_sync(spool, env)
        assert "still in progress" in busy.stdout  # its stream is locked while it lives
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    proxy.start_listening()
    result = run_sync(spool, env)
    assert result.returncode == 0, result.stdout + result.stderr
    e = experiment(url, eid)
    assert e is not None and e["name"] == "sigkill" and e["status"] == "running"
    assert_exactly_once(url, eid, "loss", list(range(5000)))


def test_the_next_run_sends_what_an_earlier_run_spooled(
    url: str, proxy: FaultProxy, spool: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TORA_SPOOL_GRACE", "0.2")
    proxy.stop_listening()
    earlier = tora.Tora.create_experiment("earlier", server_url=proxy.url)
    for i in range(700):
        earlier.log("loss", float(i), step=i)
    earlier.shutdown(timeout=0)
    assert spooled_points(spool) == 700
    proxy.start_listening()
    later = tora.Tora.create_experiment("later", server_url=proxy.url)
    wait_for(lambda: count(url, earlier.experiment_id, "loss") == 700, timeout=30, what="the background replay")
    later.shutdown()
    assert_exactly_once(url, earlier.experiment_id, "loss", list(range(700)))
    wait_for(lambda: not list(spool.glob("*/*.json")), timeout=10, what="the spool to empty")


def test_server_killed_mid_run_and_restarted(server: object, url: str, tora_logs: pytest.LogCaptureFixture) -> None:
    if not getattr(server, "managed", False):
        pytest.skip("needs a server this test session started (not TORA_TEST_SERVER_URL)")
    run = tora.Tora.create_experiment("restart", max_buffer_len=50, flush_interval=0.1)
    stop = threading.Event()
    logged = [0]

    def train() -> None:
        i = 0
        while not stop.is_set():
            run.log("loss", float(i), step=i)
            i += 1
            logged[0] = i
            if i % 5 == 0:
                time.sleep(0.01)

    trainer = threading.Thread(target=train)
    trainer.start()
    try:
        wait_for(lambda: count(url, run.experiment_id, "loss") > 500, timeout=30, what="points before the kill")
        server.kill9()  # type: ignore[attr-defined]
        killed_at = logged[0]
        time.sleep(1)
        server.restart()  # type: ignore[attr-defined]
        wait_for(lambda: count(url, run.experiment_id, "loss") > killed_at, timeout=90, what="delivery after the restart")
    finally:
        stop.set()
        trainer.join()
    assert run.flush(120) is True
    run.shutdown()
    n = logged[0]
    assert n > 1000
    assert_exactly_once(url, run.experiment_id, "loss", list(range(n)), [float(i) for i in range(n)])
    assert any("answers again" in m for m in warnings_of(tora_logs))
