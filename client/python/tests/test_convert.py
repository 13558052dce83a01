"""Checks at the call (names, values, steps, metadata, hyperparams) and the columnar encoding.
No server needed."""

from __future__ import annotations

import argparse
import dataclasses
import decimal
import fractions
import json
import math
from typing import Any

import numpy as np
import pytest

import tora
from tora import _convert
from tora._buffer import Columns, Points, Staging
from tora._pending import MAX_POINTS_PER_BATCH, encode_batch, metrics_requests


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (None, TypeError),
        (3, TypeError),
        (["loss"], TypeError),
        ("", ValueError),
        ("x" * 251, ValueError),
        ("a\nb", ValueError),
        ("tab\there", ValueError),
        ("nul\x00", ValueError),
        ("c1\x85", ValueError),
        ("lone\ud800", ValueError),
    ],
)
def test_bad_metric_names_fail_at_the_call(name: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        _convert.metric_name(name)


@pytest.mark.parametrize("name", ["loss", "train/loss", "val acc@1", "x" * 250, "λ 🚀 é", "a:b.c"])
def test_good_metric_names(name: str) -> None:
    assert _convert.metric_name(name) == name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, 1.0),
        (True, 1.0),
        (False, 0.0),
        (0.1, 0.1),
        (np.float64(0.1), 0.1),
        (np.float32(0.1), float(np.float32(0.1))),
        (np.float16(1.5), 1.5),
        (np.int64(-7), -7.0),
        (np.uint8(200), 200.0),
        (np.bool_(True), 1.0),
        (np.array(2.5), 2.5),
        (np.array([3.5]), 3.5),
        (decimal.Decimal("0.25"), 0.25),
        (fractions.Fraction(1, 4), 0.25),
    ],
)
def test_metric_values_become_floats(value: Any, expected: float) -> None:
    got = _convert.metric_value(value)
    assert type(got) is float
    assert got == expected


def test_non_finite_values_are_kept() -> None:
    assert math.isnan(_convert.metric_value(float("nan")))
    assert math.isnan(_convert.metric_value(np.float32("nan")))
    assert _convert.metric_value(np.inf) == math.inf
    assert _convert.metric_value(-np.inf) == -math.inf


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("0.5", TypeError),
        (b"1", TypeError),
        (None, TypeError),
        (1 + 2j, TypeError),
        (np.complex64(1), TypeError),
        ([1.0], TypeError),
        (np.array([1.0, 2.0]), ValueError),
        (np.zeros((2, 2)), ValueError),
        (10**400, ValueError),
        (object(), TypeError),
    ],
)
def test_bad_metric_values_fail_at_the_call(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        _convert.metric_value(value)


def test_torch_tensors_if_available() -> None:
    torch = pytest.importorskip("torch")
    assert _convert.metric_value(torch.tensor(0.5)) == 0.5
    assert _convert.metric_value(torch.tensor(3, dtype=torch.int64)) == 3.0
    assert _convert.step(torch.tensor(3)) == 3
    with pytest.raises(ValueError):
        _convert.metric_value(torch.tensor([1.0, 2.0]))


def test_numpy_is_not_imported_for_plain_values() -> None:
    # conversion recognises numpy by the value's module; it never imports it itself
    assert "import numpy" not in open(_convert.__file__).read()


@pytest.mark.parametrize(("step", "expected"), [(0, 0), (2**53 - 1, 2**53 - 1), (np.int64(5), 5), (np.uint32(7), 7)])
def test_good_steps(step: Any, expected: int) -> None:
    assert _convert.step(step) == expected


@pytest.mark.parametrize(("step", "error"), [(-1, ValueError), (2**53, ValueError), (1.0, TypeError), ("1", TypeError), (True, TypeError)])
def test_bad_steps(step: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        _convert.step(step)


def test_point_metadata_must_be_a_small_json_mapping() -> None:
    assert _convert.point_metadata({"epoch": 1, "phase": "train"}) == '{"epoch":1,"phase":"train"}'
    with pytest.raises(TypeError):
        _convert.point_metadata(["not", "a", "dict"])
    with pytest.raises(TypeError):
        _convert.point_metadata({"x": object()})
    with pytest.raises(ValueError):
        _convert.point_metadata({"x": float("nan")})
    with pytest.raises(ValueError):
        _convert.point_metadata({"x": "y" * 5000})


@dataclasses.dataclass
class Optim:
    name: str = "adamw"
    lr: float = 3e-4
    betas: tuple[float, float] = (0.9, 0.999)


@dataclasses.dataclass
class Config:
    epochs: int = 10
    optim: Optim = dataclasses.field(default_factory=Optim)
    dropout: float | None = None


class PydanticLike:
    def model_dump(self) -> dict[str, Any]:
        return {"batch_size": 32, "nested": {"depth": 2}}


class HasToDict:
    def to_dict(self) -> dict[str, Any]:
        return {"vocab": 50257}


def test_hyperparams_from_nested_dicts_become_dotted() -> None:
    got = _convert.hyperparams({"optim": {"lr": 0.1, "sched": {"warmup": 100}}, "seed": 1, "empty": {}})
    assert got == {"optim.lr": 0.1, "optim.sched.warmup": 100, "seed": 1, "empty": "{}"}


def test_hyperparams_from_dataclasses_namespaces_and_models() -> None:
    assert _convert.hyperparams(Config()) == {
        "epochs": 10,
        "optim.name": "adamw",
        "optim.lr": 3e-4,
        "optim.betas": "(0.9, 0.999)",
        "dropout": None,
    }
    ns = argparse.Namespace(lr=0.01, layers=[64, 64], cuda=False)
    assert _convert.hyperparams(ns) == {"lr": 0.01, "layers": "[64, 64]", "cuda": False}
    assert _convert.hyperparams(PydanticLike()) == {"batch_size": 32, "nested.depth": 2}
    assert _convert.hyperparams(HasToDict()) == {"vocab": 50257}


def test_hyperparam_values_that_are_not_json_scalars_are_sent_as_repr() -> None:
    got = _convert.hyperparams({"nan": float("nan"), "inf": float("inf"), "np": np.float32(0.5), "obj": Optim, "set": {1}})
    assert got["nan"] == "nan" and got["inf"] == "inf"
    assert got["np"] == 0.5
    assert got["obj"] == repr(Optim)
    assert got["set"] == "{1}"
    json.dumps(got, allow_nan=False)  # all of it is valid JSON


def test_bad_hyperparams() -> None:
    with pytest.raises(TypeError):
        _convert.hyperparams(42)
    with pytest.raises(ValueError):
        _convert.hyperparams({"": 1})
    with pytest.raises(ValueError):
        _convert.hyperparams({"k": "x" * 9000})


def test_tags_and_names() -> None:
    assert _convert.tags(["a", "b", "a"]) == ["a", "b"]
    with pytest.raises(TypeError):
        _convert.tags("abc")
    with pytest.raises(ValueError):
        _convert.tags([" "])
    with pytest.raises(ValueError):
        _convert.tags(["x" * 65])
    with pytest.raises(ValueError):
        _convert.experiment_name("  ")
    assert _convert.experiment_id("123E4567-E89B-12D3-A456-426614174000") == "123e4567-e89b-12d3-a456-426614174000"
    with pytest.raises(ValueError):
        _convert.experiment_id("run-1")


def test_columnar_encoding() -> None:
    pts = [
        ("loss", 0.5, 0, 1700000000.001, None),
        ("acc", 0.9, None, 1700000000.002, '{"split":"val"}'),
        ("loss", float("nan"), 1, 1700000000.003, None),
        ("loss", float("inf"), None, 1700000000.004, None),
        ("loss", float("-inf"), 3, 1700000000.005, None),
    ]
    body = json.loads(encode_batch("b-1", Points.of(pts)))
    assert body["batch_id"] == "b-1"
    loss, acc = body["series"]
    assert loss == {
        "name": "loss",
        "steps": [0, 1, None, 3],
        "values": [0.5, "NaN", "Infinity", "-Infinity"],
        "timestamps": [1700000000001, 1700000000003, 1700000000004, 1700000000005],
    }
    assert acc == {"name": "acc", "steps": [None], "values": [0.9], "timestamps": [1700000000002], "metadata": [{"split": "val"}]}


def test_large_buffers_become_batches_of_at_most_10000_points_with_fresh_ids() -> None:
    pts = [("m", float(i), i, 1.0, None) for i in range(25_001)]
    reqs = metrics_requests("e", Points.of(pts))
    assert [r.n_points for r in reqs] == [MAX_POINTS_PER_BATCH, MAX_POINTS_PER_BATCH, 5001]
    assert len({r.batch_id for r in reqs}) == 3
    for r in reqs:
        assert json.loads(r.body)["batch_id"] == r.batch_id


def test_batches_over_4_mib_are_split() -> None:
    meta = json.dumps({"blob": "x" * 4000})
    pts = [("m", 1.0, i, 1.0, meta) for i in range(2000)]  # ~8 MB of metadata
    reqs = metrics_requests("e", Points.of(pts))
    assert len(reqs) >= 2
    assert sum(r.n_points for r in reqs) == 2000
    assert all(len(r.body) < 4 * 1024 * 1024 for r in reqs)


def test_client_refuses_bad_input_at_the_call_even_offline(spool: Any) -> None:
    run = tora.Tora.create_experiment("offline-checks", server_url="http://127.0.0.1:9/api")
    try:
        with pytest.raises(TypeError):
            run.log("loss", "0.5")
        with pytest.raises(ValueError):
            run.log("", 1.0)
        with pytest.raises(TypeError):
            run.log(None, 1.0)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            run.log("loss", 1.0, step=-1)
        with pytest.raises(TypeError):
            run.log_metrics([("a", 1.0)])  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            run.shutdown(status="done")
        run.log("loss", 1.0)  # good input is accepted without any I/O
    finally:
        run.shutdown(timeout=0)
    with pytest.raises(RuntimeError):
        run.log("loss", 1.0)


def test_bad_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(tora.ToraConfigurationError):
        tora.Tora.create_experiment("x", server_url="localhost:8080")
    monkeypatch.setenv("TORA_SHUTDOWN_TIMEOUT", "soon")
    with pytest.raises(tora.ToraConfigurationError):
        tora.Tora.create_experiment("x", server_url="http://127.0.0.1:9/api")
    with pytest.raises(ValueError):
        tora.Tora.create_experiment("x", server_url="http://127.0.0.1:9/api", max_buffer_len=0)


def test_staging_reads_columns_in_order_across_sets() -> None:
    first, second = Columns(4), Columns(4)
    for cols, base in ((first, 0), (second, 4)):
        for i in range(4):
            cols.names[i] = "a" if i % 2 else "b"
            cols.values[i] = float(base + i)
            cols.stamps[i] = 1.5
            if i != 1:
                cols.steps[i] = base + i
        cols.n = 4
    second.metas = {2: '{"k":1}'}
    staging = Staging()
    staging.add(first)
    staging.add(second)
    assert staging.count == 8
    head = staging.peek(3)
    assert head.values == [0.0, 1.0, 2.0] and head.steps == [0, None, 2] and head.metas is None
    staging.drop(3)
    rest = staging.peek(100)
    assert rest.values == [3.0, 4.0, 5.0, 6.0, 7.0]
    assert rest.steps == [3, 4, None, 6, 7]
    assert rest.metas == {3: '{"k":1}'}
    assert rest.names == ["a", "b", "a", "b", "a"]
    staging.drop(5)
    assert staging.count == 0 and len(staging.peek(10)) == 0
