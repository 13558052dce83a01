"""The module-level API: one global run set up by ``tora.setup`` and used by ``tora.log``.

>>> import tora
>>> tora.setup("quickstart", hyperparams={"lr": 0.01})
>>> tora.log("loss", 0.5, step=1)
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from ._client import Tora

_run: Tora | None = None
_setup_lock = threading.Lock()


def setup(
    name: str,
    workspace_id: str | None = None,
    description: str | None = None,
    hyperparams: Any = None,
    tags: Iterable[str] | None = None,
    api_key: str | None = None,
    server_url: str | None = None,
    max_buffer_len: int = 1,
    *,
    metadata: Mapping[str, Any] | None = None,
    references: Iterable[str] | None = None,
    flush_interval: float | None = None,
) -> str:
    """Creates the global run, prints its URL, and returns the experiment id. The run is shut
    down at interpreter exit (``failed`` after an uncaught exception, ``killed`` after Ctrl-C).

    ``max_buffer_len`` defaults to 1 as in the original client: each point wakes the sender,
    which still batches whatever has accumulated while a request is in flight."""
    global _run
    with _setup_lock:
        if _run is not None and not _run.closed:
            raise RuntimeError("tora.setup() was already called; call tora.shutdown() first")
        run = Tora.create_experiment(
            name,
            workspace_id=workspace_id,
            description=description,
            hyperparams=hyperparams,
            tags=tags,
            metadata=metadata,
            references=references,
            server_url=server_url,
            api_key=api_key,
            max_buffer_len=max_buffer_len,
            flush_interval=flush_interval,
        )
        _run = run
    print(f"Tora experiment: {run.url}", flush=True)
    return run.experiment_id


def _current() -> Tora:
    run = _run
    if run is None or run.closed:
        raise RuntimeError("no Tora run: call tora.setup(name) first")
    return run


def log(name: str, value: Any, step: int | None = None, metadata: Mapping[str, Any] | None = None) -> None:
    """Buffers one point in the global run (see ``Tora.log``)."""
    _current().log(name, value, step, metadata)


tlog = log


def log_metrics(metrics: Mapping[str, Any], step: int | None = None) -> None:
    """Buffers several points with one step in the global run (see ``Tora.log_metrics``)."""
    _current().log_metrics(metrics, step)


def flush(timeout: float | None = None) -> bool:
    """Delivers what the global run buffered; False if there is no run or on timeout."""
    run = _run
    return run.flush(timeout) if run is not None else False


def shutdown(status: str = "finished", timeout: float | None = None) -> None:
    """Shuts the global run down (a no-op when there is none)."""
    global _run
    run, _run = _run, None
    if run is not None:
        run.shutdown(status, timeout)


def is_initialized() -> bool:
    """Whether a global run is set up and not shut down."""
    return _run is not None and not _run.closed


def get_experiment_id() -> str | None:
    """The global run's experiment id, or None."""
    return _run.experiment_id if _run is not None else None


def get_experiment_url() -> str | None:
    """The global run's web page, or None."""
    return _run.url if _run is not None else None
