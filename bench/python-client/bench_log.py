"""Measures the cost of ``Tora.log()`` while the sender runs against a live server.

    python3 bench/python-client/bench_log.py --server-url http://127.0.0.1:8080/api

1. Per-call time of ``run.log(name, value, step)`` (median, p99), next to a bare
   ``list.append`` under a ``threading.Lock`` timed the same way in the same process.
   Targets: median <= 2 us and <= 4x the bare append; p99 <= 20 us.
2. One million points logged in a tight loop: seconds from the last ``log()`` until the
   server reports all of them stored (its series summary counts them). Target: 5 s.

Needs a running server (``./tora start``); imports the client from ``client/python``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from time import perf_counter_ns

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "client" / "python"))

import tora  # noqa: E402


def time_calls(call, n: int, reset=None) -> list[int]:
    """Per-call durations in ns; ``reset`` runs (untimed) every 10,000 calls."""
    out = [0] * n
    for i in range(n):
        if reset is not None and i % 10_000 == 0:
            reset()
        t0 = perf_counter_ns()
        call(i)
        out[i] = perf_counter_ns() - t0
    return out


def pct(samples: list[int], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(q * len(s)))] / 1000.0


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def series_count(server: str, eid: str, name: str) -> int:
    for s in get_json(f"{server}/experiments/{eid}/metrics")["data"]:
        if s["name"] == name:
            return int(s["count"])
    return 0


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--server-url", default=os.environ.get("TORA_BASE_URL", "http://localhost:8080/api"))
    p.add_argument("--calls", type=int, default=300_000, help="timed calls per measurement")
    p.add_argument("--points", type=int, default=1_000_000, help="points of the throughput run")
    p.add_argument("--rounds", type=int, default=3, help="latency rounds (the best median is kept)")
    p.add_argument("--million-runs", type=int, default=3, help="runs of the throughput test (median kept)")
    args = p.parse_args()
    server = args.server_url.rstrip("/")
    get_json(f"{server}/health")

    # --- 1. per-call overhead ---------------------------------------------------------------
    lock = threading.Lock()
    bare_list: list[object] = []

    def bare(i: int) -> None:
        with lock:
            bare_list.append(i)

    run = tora.Tora.create_experiment("bench-log-overhead", server_url=server)
    log = run.log

    def one_log(i: int) -> None:
        log("loss", 0.5, i)

    time_calls(one_log, 50_000)  # warm up the sender, the connection and the server
    run.flush(60)
    results = []
    for _ in range(args.rounds):
        gc.collect()
        b = time_calls(bare, args.calls, reset=bare_list.clear)
        t = time_calls(lambda i, base=len(results) * args.calls: one_log(50_000 + base + i), args.calls)
        results.append((statistics.median(b) / 1000, pct(b, 0.99), statistics.median(t) / 1000, pct(t, 0.99)))
    delivered = run.flush(120)
    run.shutdown()
    bare_med, bare_p99, log_med, log_p99 = min(results, key=lambda r: r[2])

    # --- 2. one million points ----------------------------------------------------------------
    lags: list[float] = []
    loops: list[float] = []
    counts: list[int] = []
    n = args.points
    for _ in range(args.million_runs):
        big = tora.Tora.create_experiment("bench-million", server_url=server)
        blog = big.log
        t0 = time.perf_counter()
        for i in range(n):
            blog("throughput", float(i), i)
        t_last = time.perf_counter()
        deadline = t_last + 120
        count = 0
        while time.perf_counter() < deadline:
            count = series_count(server, big.experiment_id, "throughput")
            if count >= n:
                break
            time.sleep(0.05)
        lags.append(time.perf_counter() - t_last)
        loops.append(t_last - t0)
        counts.append(count)
        big.shutdown()
    lag_s = statistics.median(lags)
    loop_s = statistics.median(loops)
    count = min(counts)

    rows = [
        ("bare list.append under a Lock, median", f"{bare_med:.2f} us", ""),
        ("bare list.append under a Lock, p99", f"{bare_p99:.2f} us", ""),
        ("run.log(), median", f"{log_med:.2f} us", "<= 2 us"),
        ("run.log() / bare append, median", f"{log_med / bare_med:.1f} x", "<= 4 x"),
        ("run.log(), p99", f"{log_p99:.2f} us", "<= 20 us"),
        (f"{n:,} points: tight loop (median)", f"{loop_s:.2f} s ({n / loop_s / 1e6:.2f} M/s)", ""),
        (f"{n:,} points: stored after last log() (median)", f"{lag_s:.2f} s (all {count:,} stored)", "<= 5 s"),
        ("  each run", " ".join(f"{x:.2f}" for x in lags) + " s", ""),
    ]
    width = max(len(r[0]) for r in rows)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(f"\nTora Python client, log() benchmark ({platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d')}, "
          f"load average at the end {load})")
    print(f"{'measure':<{width}}  {'result':<26}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<26}  {target}")
    ok = (
        log_med <= 2.0 and log_med <= 4 * bare_med and log_p99 <= 20.0 and count >= n and lag_s <= 5.0 and delivered
    )
    print("all targets met" if ok else "some targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
