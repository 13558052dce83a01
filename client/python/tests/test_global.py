"""The module-level API (tora.setup, tora.log, ...) and shutdown at interpreter exit."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest

import tora
from _toratest import assert_exactly_once, experiment, python_env, run_python, wait_for


def test_setup_log_flush_shutdown(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert not tora.is_initialized()
    assert tora.get_experiment_id() is None and tora.get_experiment_url() is None
    with pytest.raises(RuntimeError):
        tora.log("loss", 1.0)
    eid = tora.setup("global", hyperparams={"lr": 0.01}, tags=["g"])
    out = capsys.readouterr().out
    assert out == f"Tora experiment: {tora.get_experiment_url()}\n"  # the one and only print
    assert tora.is_initialized() and tora.get_experiment_id() == eid
    with pytest.raises(RuntimeError):
        tora.setup("again")
    for i in range(10):
        tora.log("loss", 1.0 / (i + 1), step=i)
        tora.tlog("acc", i / 10, step=i)
    tora.log_metrics({"lr": 0.01, "epoch": 1}, step=9)
    assert tora.flush(30) is True
    assert_exactly_once(url, eid, "loss", list(range(10)))
    assert_exactly_once(url, eid, "acc", list(range(10)))
    assert_exactly_once(url, eid, "epoch", [9], [1.0])
    tora.shutdown()
    assert not tora.is_initialized()
    assert experiment(url, eid)["status"] == "finished"  # type: ignore[index]
    assert capsys.readouterr().out == ""
    tora.shutdown()  # nothing to do
    assert tora.flush() is False


SCRIPT = """
import sys, tora
eid = tora.setup("exit-hook", max_buffer_len=100000, flush_interval=60)
print("ID", eid, flush=True)
for i in range(2000):
    tora.log("loss", float(i), step=i)
mode = sys.argv[1]
if mode == "raise":
    raise RuntimeError("training blew up")
if mode == "interrupt":
    raise KeyboardInterrupt
"""


@pytest.mark.parametrize(("mode", "status"), [("finish", "finished"), ("raise", "failed"), ("interrupt", "killed")])
def test_exit_hook_delivers_everything_and_sets_the_status(url: str, mode: str, status: str) -> None:
    result = run_python(SCRIPT, python_env(TORA_BASE_URL=url), args=[mode])
    lines = [line for line in result.stdout.splitlines() if line.startswith("ID ")]
    assert lines, result.stderr
    eid = lines[0].split()[1]
    assert result.stdout.count("Tora experiment: ") == 1
    assert_exactly_once(url, eid, "loss", list(range(2000)))
    assert experiment(url, eid)["status"] == status  # type: ignore[index]


def test_ctrl_c_in_a_training_loop_still_flushes(url: str) -> None:
    code = """
import signal, sys, time, tora
run = tora.Tora.create_experiment("sigint", max_buffer_len=100000, flush_interval=60)
print(run.experiment_id, flush=True)
i = 0
while True:
    run.log("loss", float(i), step=i)
    i += 1
    if i == 5000:
        print("LOGGED", flush=True)
    if i >= 5000:
        time.sleep(0.01)
"""
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=python_env(TORA_BASE_URL=url), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    eid = proc.stdout.readline().strip()
    assert proc.stdout.readline().strip() == "LOGGED"
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)
    e = wait_for(lambda: experiment(url, eid), what="the experiment")
    assert e["status"] == "killed"
    stored = e["metrics"][0]["count"]
    assert stored >= 5000  # every point logged before Ctrl-C (and none twice, see below)
    steps = list(range(stored))
    assert_exactly_once(url, eid, "loss", steps)


def test_no_print_except_the_url(url: str) -> None:
    code = "import tora\nrun = tora.Tora.create_experiment('quiet')\nrun.log('x', 1)\nrun.shutdown()\n"
    result = run_python(code, python_env(TORA_BASE_URL=url))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert json.dumps(result.stderr) == '""'
