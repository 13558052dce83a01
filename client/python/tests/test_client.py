"""Creating and attaching runs, changing experiments, the context manager (real server)."""

from __future__ import annotations

import pytest

import tora
from _toratest import assert_exactly_once, experiment, points, wait_for


def test_create_sends_everything_and_returns_the_servers_url(url: str) -> None:
    with tora.Tora.create_experiment(
        "create-all",
        description="all the fields",
        hyperparams={"optim": {"lr": 0.1, "betas": [0.9, 0.99]}, "epochs": 3},
        tags=["a", "b"],
        metadata={"git": {"sha": "abc"}},
    ) as run:
        assert run.url.endswith(f"/experiments/{run.experiment_id}")
        assert run.max_buffer_len == 25
        e = experiment(url, run.experiment_id)
        assert e is not None
        assert e["name"] == "create-all"
        assert e["description"] == "all the fields"
        assert e["hyperparams"] == {"optim.lr": 0.1, "optim.betas": "[0.9, 0.99]", "epochs": 3}
        assert e["tags"] == ["a", "b"]
        assert e["metadata"] == {"git": {"sha": "abc"}}
        assert e["status"] == "running"
        assert e["url"] == run.url
    assert experiment(url, run.experiment_id)["status"] == "finished"  # type: ignore[index]


def test_changes_are_delivered_in_order(url: str) -> None:
    first = tora.Tora.create_experiment("reference-target")
    first.shutdown()
    run = tora.Tora.create_experiment("changes", tags=["keep"], hyperparams={"lr": 0.1})
    run.log_hyperparams({"lr": 0.2, "sched": {"kind": "cosine"}})
    run.add_tags("new", "keep")
    run.add_tags(["listed"])
    run.set_description("changed")
    run.update_metadata({"a": 1, "b": {"c": 2}})
    run.update_metadata({"b": {"c": None, "d": 3}})
    run.add_reference(first.experiment_id)
    assert run.flush(30)
    e = experiment(url, run.experiment_id)
    assert e is not None
    assert e["hyperparams"] == {"lr": 0.2, "sched.kind": "cosine"}
    assert e["tags"] == ["keep", "new", "listed"]
    assert e["description"] == "changed"
    assert e["metadata"] == {"a": 1, "b": {"d": 3}}
    assert e["references"] == [first.experiment_id]
    run.shutdown(status="killed")
    assert experiment(url, run.experiment_id)["status"] == "killed"  # type: ignore[index]


def test_attach_to_an_existing_experiment(url: str) -> None:
    created = tora.Tora.create_experiment("attach-me")
    created.log("loss", 1.0, step=0)
    created.shutdown()
    attached = tora.Tora(created.experiment_id)
    assert attached.url == created.url
    attached.log("loss", 0.5, step=1)
    attached.shutdown()
    loaded = tora.Tora.load_experiment(created.experiment_id, max_buffer_len=3)
    assert loaded.max_buffer_len == 3
    loaded.log("loss", 0.25, step=2)
    loaded.shutdown()
    assert_exactly_once(url, created.experiment_id, "loss", [0, 1, 2], [1.0, 0.5, 0.25])


def test_attach_to_an_unknown_experiment_raises_not_found(url: str) -> None:
    with pytest.raises(tora.NotFoundError) as info:
        tora.Tora("00000000-0000-4000-8000-000000000000")
    assert info.value.status == 404


def test_a_wrong_api_key_raises_at_create(url: str) -> None:
    with pytest.raises(tora.UnauthorizedError):
        tora.Tora.create_experiment("bad-key", api_key="not-a-key")


def test_server_refusal_at_create_raises(url: str) -> None:
    with pytest.raises(tora.NotFoundError):
        tora.Tora.create_experiment("no-such-workspace", workspace_id="00000000-0000-4000-8000-000000000001")


def test_context_manager_marks_failed_and_still_delivers(url: str) -> None:
    with pytest.raises(ZeroDivisionError):
        with tora.Tora.create_experiment("fails", max_buffer_len=1000, flush_interval=60) as run:
            for i in range(500):
                run.log("loss", 1.0 / (i + 1), step=i)
            1 / 0
    e = experiment(url, run.experiment_id)
    assert e is not None and e["status"] == "failed"
    assert_exactly_once(url, run.experiment_id, "loss", list(range(500)))


def test_context_manager_marks_ctrl_c_as_killed(url: str) -> None:
    with pytest.raises(KeyboardInterrupt):
        with tora.Tora.create_experiment("interrupted") as run:
            run.log("loss", 1.0)
            raise KeyboardInterrupt
    assert experiment(url, run.experiment_id)["status"] == "killed"  # type: ignore[index]
    assert points(url, run.experiment_id, "loss")["values"] == [1.0]  # type: ignore[index]


def test_log_after_shutdown_is_an_error(url: str) -> None:
    run = tora.Tora.create_experiment("closed")
    run.shutdown()
    run.shutdown()  # twice is fine
    assert run.closed
    with pytest.raises(RuntimeError):
        run.log("loss", 1.0)
    with pytest.raises(RuntimeError):
        run.add_tags("x")
    assert run.flush() is False


def test_api_key_header_is_sent(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test server runs without auth, where any key given must still be valid: a wrong key
    # from the environment is refused, which shows that the header is sent.
    monkeypatch.setenv("TORA_API_KEY", "from-env")
    with pytest.raises(tora.UnauthorizedError):
        tora.Tora.create_experiment("env-key")


def test_server_url_from_the_environment(url: str) -> None:
    run = tora.Tora.create_experiment("env-url")  # TORA_BASE_URL is set by the url fixture
    run.shutdown()
    assert run.url.startswith(url[: -len("/api")])
    wait_for(lambda: experiment(url, run.experiment_id), what="the experiment")


def test_hyperparams_from_a_dataclass_and_argparse(url: str) -> None:
    import argparse
    import dataclasses

    @dataclasses.dataclass
    class Optim:
        lr: float = 0.1
        betas: tuple[float, float] = (0.9, 0.99)

    @dataclasses.dataclass
    class Train:
        epochs: int = 3
        optim: Optim = dataclasses.field(default_factory=Optim)

    run = tora.Tora.create_experiment("dataclass-params", hyperparams=Train())
    run.log_hyperparams(argparse.Namespace(seed=7, device="cpu", nested={"a": 1}))
    run.shutdown()
    e = experiment(url, run.experiment_id)
    assert e is not None
    assert e["hyperparams"] == {
        "epochs": 3, "optim.lr": 0.1, "optim.betas": "(0.9, 0.99)", "seed": 7, "device": "cpu", "nested.a": 1,
    }
