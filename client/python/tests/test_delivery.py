"""Buffering and delivery against the real server: thresholds, interval, steps, values."""

from __future__ import annotations

import json
import math
import os
import struct
import time
import urllib.request

import numpy as np
import pytest

import tora
from _proxy import FaultProxy
from _toratest import assert_exactly_once, count, points, wait_for


def bits(x: float) -> bytes:
    return struct.pack(">d", x)


def test_a_batch_goes_when_max_buffer_len_points_wait(url: str) -> None:
    run = tora.Tora.create_experiment("threshold", max_buffer_len=5, flush_interval=3600)
    try:
        for i in range(4):
            run.log("loss", float(i), step=i)
        time.sleep(0.5)
        assert count(url, run.experiment_id, "loss") == 0  # below the threshold, nothing is sent
        run.log("loss", 4.0, step=4)
        wait_for(lambda: count(url, run.experiment_id, "loss") == 5, timeout=5, what="the 5th point to send the batch")
    finally:
        run.shutdown()


def test_the_interval_sends_a_partial_buffer(url: str) -> None:
    run = tora.Tora.create_experiment("interval", max_buffer_len=1000, flush_interval=0.2)
    try:
        t0 = time.monotonic()
        for i in range(3):
            run.log("loss", float(i), step=i)
        wait_for(lambda: count(url, run.experiment_id, "loss") == 3, timeout=5, what="the interval flush")
        assert time.monotonic() - t0 < 3
    finally:
        run.shutdown()


def test_flush_waits_for_delivery(url: str) -> None:
    run = tora.Tora.create_experiment("flush", max_buffer_len=10**6, flush_interval=3600)
    for i in range(123):
        run.log("loss", float(i), step=i)
    assert run.flush(30) is True
    assert count(url, run.experiment_id, "loss") == 123  # delivered when flush returned
    run.shutdown()


def test_auto_steps_continue_from_the_last_step(url: str) -> None:
    run = tora.Tora.create_experiment("auto-steps")
    for i in range(5):
        run.log("loss", float(i))
    run.log("loss", 50.0, step=10)
    run.log("loss", 60.0)
    run.log_metrics({"a": 1.0, "b": 2.0})
    run.shutdown()
    got = points(url, run.experiment_id, "loss")
    assert got is not None
    assert got["steps"] == [0, 1, 2, 3, 4, 10, 11]
    assert got["values"] == [0.0, 1.0, 2.0, 3.0, 4.0, 50.0, 60.0]


def test_non_finite_and_extreme_values_round_trip_bit_for_bit(url: str) -> None:
    values = [float("nan"), float("inf"), float("-inf"), -0.0, 0.0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, -1e-310, 1 / 3]
    run = tora.Tora.create_experiment("bits")
    for i, v in enumerate(values):
        run.log("v", v, step=i)
    run.shutdown()
    got = points(url, run.experiment_id, "v")
    assert got is not None and got["steps"] == list(range(len(values)))
    decoded = [float(x) if isinstance(x, str) else x for x in got["values"]]
    assert got["values"][:3] == ["NaN", "Infinity", "-Infinity"]
    assert math.isnan(decoded[0])
    assert [bits(x) for x in decoded[1:]] == [bits(x) for x in values[1:]]


def test_numpy_values_and_steps(url: str) -> None:
    run = tora.Tora.create_experiment("numpy")
    run.log("f32", np.float32(0.1), step=np.int64(0))
    run.log("f64", np.float64(0.1), step=np.int32(0))
    run.log("i64", np.int64(7), step=0)
    run.log("bool", np.bool_(True), step=0)
    run.log("arr0d", np.array(2.5), step=0)
    run.log("nan32", np.float32("nan"), step=0)
    run.log_metrics({"mean": np.mean([1.0, 2.0]), "max": np.max(np.array([3, 4]))}, step=np.uint8(1))
    run.shutdown()
    eid = run.experiment_id
    assert points(url, eid, "f32")["values"] == [float(np.float32(0.1))]  # type: ignore[index]
    assert bits(points(url, eid, "f32")["values"][0]) == bits(float(np.float32(0.1)))  # type: ignore[index]
    assert points(url, eid, "f64")["values"] == [0.1]  # type: ignore[index]
    assert points(url, eid, "i64")["values"] == [7.0]  # type: ignore[index]
    assert points(url, eid, "bool")["values"] == [1.0]  # type: ignore[index]
    assert points(url, eid, "arr0d")["values"] == [2.5]  # type: ignore[index]
    assert points(url, eid, "nan32")["values"] == ["NaN"]  # type: ignore[index]
    assert points(url, eid, "max") == {"steps": [1], "values": [4.0], "timestamps": points(url, eid, "max")["timestamps"]}  # type: ignore[index]


def test_timestamps_are_the_time_of_the_log_call(url: str) -> None:
    run = tora.Tora.create_experiment("timestamps", max_buffer_len=10**6, flush_interval=3600)
    before = int(time.time() * 1000)
    run.log("t", 1.0, step=0)
    after = int(time.time() * 1000)
    time.sleep(0.3)
    run.shutdown()
    (ts,) = points(url, run.experiment_id, "t")["timestamps"]  # type: ignore[index]
    assert before - 1 <= ts <= after + 1


def test_point_metadata_is_accepted(url: str) -> None:
    run = tora.Tora.create_experiment("point-metadata")
    run.log("acc", 0.9, step=1, metadata={"split": "val", "n": 1000})
    run.log("acc", 0.95, step=2)
    run.shutdown()
    assert_exactly_once(url, run.experiment_id, "acc", [1, 2], [0.9, 0.95])
    # the points endpoint does not return point metadata; the JSONL export does
    with urllib.request.urlopen(f"{url}/experiments/{run.experiment_id}/export?format=jsonl", timeout=30) as r:
        lines = [json.loads(line) for line in r.read().decode().splitlines() if line.strip()]
    stored = {p["step"]: p.get("metadata") for p in lines if p.get("type") == "point"}
    assert stored == {1: {"split": "val", "n": 1000}, 2: None}


def test_many_points_and_series_arrive_exactly_once(url: str) -> None:
    run = tora.Tora.create_experiment("many")
    n = 30_000
    for i in range(n):
        run.log("loss", float(i), step=i)
        if i % 10 == 0:
            run.log("lr", 0.001, step=i)
    assert run.flush(60)
    run.shutdown()
    assert_exactly_once(url, run.experiment_id, "loss", list(range(n)))
    assert count(url, run.experiment_id, "lr") == n // 10


def test_fork_child_logs_on_its_own(url: str) -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    run = tora.Tora.create_experiment("fork", max_buffer_len=1000, flush_interval=0.2)
    for i in range(10):
        run.log("parent", float(i), step=i)
    pid = os.fork()
    if pid == 0:  # the child: a fresh sender, nothing of the parent's buffer sent twice
        code = 1
        try:
            for i in range(20):
                run.log("child", float(i), step=i)
            code = 0 if run.flush(20) else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    for i in range(10, 20):
        run.log("parent", float(i), step=i)
    run.shutdown()
    assert_exactly_once(url, run.experiment_id, "parent", list(range(20)))
    assert_exactly_once(url, run.experiment_id, "child", list(range(20)))


def test_log_does_not_wait_for_the_network(url: str, proxy: FaultProxy) -> None:
    run = tora.Tora.create_experiment("no-waiting", server_url=proxy.url, max_buffer_len=10)
    proxy.set_default("delay:3")  # every request now takes 3 s
    t0 = time.perf_counter()
    for i in range(20_000):
        run.log("loss", float(i), step=i)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, f"20,000 log() calls took {elapsed:.2f} s while the server was slow"
    proxy.set_default("pass")
    assert run.flush(30)
    run.shutdown()
    assert_exactly_once(url, run.experiment_id, "loss", list(range(20_000)))
