"""The ``Tora`` run: create or attach to an experiment, log points, change it, shut it down."""

from __future__ import annotations

import atexit
import logging
import sys
import threading
import uuid
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any

from . import _convert
from ._config import Settings, default_spool_dir, ui_url
from ._http import Response, Transport, TransportError
from ._pending import Pending, json_request
from ._sender import Sender
from ._spool import Replayer

log = logging.getLogger("tora")

STATUSES = ("running", "finished", "failed", "killed")
_MAX_KNOWN_NAMES = 10_000
_SETUP_TIMEOUT = 10.0  # seconds the create/attach call waits before queueing instead

_MAX_STEP = _convert.MAX_STEP_EXCLUSIVE


class Tora:
    """One run of an experiment: buffers points and sends them from a background thread.

    ``log()`` only appends to a buffer and never blocks on the network; delivery problems are
    logged on the ``tora`` logger, retried, and, when they last, spooled to disk for
    ``tora sync``. Use it as a context manager, or call ``shutdown()`` (also done at exit).

    >>> run = Tora.create_experiment("resnet-baseline", hyperparams={"lr": 0.1})
    >>> run.log("loss", 0.25, step=1)
    >>> run.shutdown()
    """

    _experiment_id: str
    _url: str
    _settings: Settings
    _sender: Sender
    _closed: bool

    def __init__(
        self,
        experiment_id: str,
        server_url: str | None = None,
        api_key: str | None = None,
        max_buffer_len: int = 25,
        *,
        flush_interval: float | None = None,
    ) -> None:
        """Attaches to an existing experiment. Raises ``NotFoundError`` or
        ``UnauthorizedError`` when the server says so; if the server cannot be reached, the
        run starts anyway and delivers once it answers."""
        eid = _convert.experiment_id(experiment_id)
        wake_at = _buffer_len(max_buffer_len)
        settings = Settings.resolve(server_url, api_key, flush_interval)
        url = ui_url(settings.server_url, eid)
        try:
            response = _call_now(settings, "GET", f"/experiments/{eid}", None)
        except TransportError as e:
            log.warning("tora: cannot reach %s (%s); logging to %s anyway", settings.server_url, e, eid)
        else:
            if response.ok:
                url = (response.data or {}).get("url") or url
            elif not response.retryable:
                raise response.error()
            else:
                log.warning("tora: %s answered %s; logging to %s anyway", settings.server_url, response.status, eid)
        self._open(eid, url, settings, wake_at)

    @classmethod
    def create_experiment(
        cls,
        name: str,
        workspace_id: str | None = None,
        description: str | None = None,
        hyperparams: Any = None,
        tags: Iterable[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
        references: Iterable[str] | None = None,
        server_url: str | None = None,
        api_key: str | None = None,
        max_buffer_len: int = 25,
        *,
        flush_interval: float | None = None,
    ) -> Tora:
        """Creates an experiment and returns its run.

        The client picks the experiment's id, so creation also works while the server is
        down: the create is queued and sent first when the server answers. Refusals (a bad
        field, a wrong API key, an unknown workspace) raise a ``ToraServiceError``.
        """
        body: dict[str, Any] = {"id": str(uuid.uuid4()), "name": _convert.experiment_name(name)}
        if workspace_id is not None:
            body["workspaceId"] = _convert.experiment_id(workspace_id, "workspace_id")
        if description is not None:
            body["description"] = _convert.description(description)
        if hyperparams is not None:
            body["hyperparams"] = _convert.hyperparams(hyperparams)
        if tags is not None:
            body["tags"] = _convert.tags(tags)
        if metadata is not None:
            body["metadata"] = _convert.experiment_metadata(metadata)
        if references is not None:
            if isinstance(references, str):
                references = [references]
            body["references"] = [_convert.experiment_id(r, "references") for r in references]
        wake_at = _buffer_len(max_buffer_len)
        settings = Settings.resolve(server_url, api_key, flush_interval)
        eid = body["id"]
        url = ui_url(settings.server_url, eid)
        create = json_request("create", "POST", "/experiments", eid, body)
        queued = True
        try:
            response = _call_now(settings, "POST", "/experiments", create.body)
        except TransportError as e:
            log.warning(
                "tora: cannot reach %s (%s); experiment %s will be created when it answers",
                settings.server_url, e, eid,
            )
        else:
            if response.ok:
                queued = False
                url = (response.data or {}).get("url") or url
            elif not response.retryable:
                raise response.error()
            else:
                log.warning(
                    "tora: %s answered %s; experiment %s will be created when it recovers",
                    settings.server_url, response.status, eid,
                )
        run = cls.__new__(cls)
        run._open(eid, url, settings, wake_at, first=create if queued else None)
        return run

    @classmethod
    def load_experiment(
        cls,
        experiment_id: str,
        max_buffer_len: int = 25,
        api_key: str | None = None,
        server_url: str | None = None,
        *,
        flush_interval: float | None = None,
    ) -> Tora:
        """Attaches to an existing experiment (the same as ``Tora(experiment_id, ...)``)."""
        return cls(experiment_id, server_url, api_key, max_buffer_len, flush_interval=flush_interval)

    def _open(self, eid: str, url: str, settings: Settings, wake_at: int, first: Pending | None = None) -> None:
        self._experiment_id = eid
        self._url = url
        self._settings = settings
        self._names: set[str] = set()
        self._closed = False
        self._sender = Sender(settings, eid, wake_at)
        if first is not None:
            self._sender.enqueue(first)
        self._submit = self._sender.submit
        _live_runs.add(self)
        _replay_in_background(settings)

    # --- logging ------------------------------------------------------------------------------

    def log(self, name: str, value: Any, step: int | None = None, metadata: Mapping[str, Any] | None = None) -> None:
        """Buffers one point. ``value``: int, float, bool, numpy scalar or 0-d array, 0-d
        tensor (NaN and infinities are kept). ``step``: an int >= 0, or None for the series'
        last step + 1. Raises TypeError/ValueError for a bad name, value, step or metadata."""
        if self._closed:
            raise RuntimeError(f"run {self._experiment_id} is shut down; create or attach a new one")
        try:
            known = name in self._names
        except TypeError:
            known = False
        if not known:
            self._learn(name)
        if value.__class__ is not float:
            value = _convert.metric_value(value)
        if step is not None and (step.__class__ is not int or not 0 <= step < _MAX_STEP):
            step = _convert.step(step)
        self._submit(name, value, step, None if metadata is None else _convert.point_metadata(metadata))

    def log_metrics(self, metrics: Mapping[str, Any], step: int | None = None) -> None:
        """Buffers one point per entry of ``metrics``, all with the same step and time."""
        if self._closed:
            raise RuntimeError(f"run {self._experiment_id} is shut down; create or attach a new one")
        if not isinstance(metrics, Mapping):
            raise TypeError(f"metrics must be a mapping of names to values, got {type(metrics).__name__}")
        if step is not None:
            step = _convert.step(step)
        rows: list[tuple[str, float]] = []
        for name, value in metrics.items():
            if name not in self._names:
                self._learn(name)
            rows.append((name, _convert.metric_value(value)))
        if rows:
            self._sender.submit_many(rows, step)

    def _learn(self, name: object) -> None:
        checked = _convert.metric_name(name)
        if len(self._names) < _MAX_KNOWN_NAMES:
            self._names.add(checked)

    # --- changing the experiment ------------------------------------------------------------

    def log_hyperparams(self, hyperparams: Any) -> None:
        """Adds or replaces hyperparameters (merged with those already stored)."""
        flat = _convert.hyperparams(hyperparams)
        if flat:
            self._patch({"hyperparams": flat})

    def add_tags(self, *tags: str | Iterable[str]) -> None:
        """Adds tags (existing ones are kept)."""
        flat: list[object] = []
        for t in tags:
            if isinstance(t, str):
                flat.append(t)
            elif isinstance(t, Iterable):
                flat.extend(t)
            else:
                flat.append(t)
        checked = _convert.tags(flat)
        if checked:
            self._enqueue(json_request("add_tags", "PATCH", self._path(), self._experiment_id, {"tags": checked}))

    def set_description(self, description: str) -> None:
        """Replaces the description."""
        self._patch({"description": _convert.description(description)})

    def update_metadata(self, metadata: Mapping[str, Any]) -> None:
        """Merges ``metadata`` into the experiment's (JSON merge patch: None removes a key)."""
        self._patch({"metadata": _convert.experiment_metadata(metadata)})

    def add_reference(self, experiment_id: str) -> None:
        """Records that this experiment derives from another one (e.g. a sweep's first run)."""
        ref = _convert.experiment_id(experiment_id)
        self._enqueue(
            json_request("reference", "POST", self._path() + "/references", self._experiment_id, {"experimentId": ref})
        )

    def _patch(self, body: dict[str, Any]) -> None:
        self._enqueue(json_request("update", "PATCH", self._path(), self._experiment_id, body))

    def _enqueue(self, request: Pending) -> None:
        if self._closed:
            raise RuntimeError(f"run {self._experiment_id} is shut down; create or attach a new one")
        self._sender.enqueue(request)

    def _path(self) -> str:
        return f"/experiments/{self._experiment_id}"

    # --- delivery -----------------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Sends what is buffered and waits for it (at most ``timeout`` seconds, default
        ``TORA_SHUTDOWN_TIMEOUT``). True when everything logged so far was delivered."""
        if self._closed:
            return False
        return self._sender.flush(self._settings.shutdown_timeout if timeout is None else float(timeout))

    def shutdown(self, status: str = "finished", timeout: float | None = None) -> None:
        """Delivers everything and marks the run ``status``; waits at most ``timeout`` seconds
        (default ``TORA_SHUTDOWN_TIMEOUT``, 30), then saves the rest to the spool."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
        if self._closed:
            return
        self._closed = True
        _live_runs.discard(self)
        final = json_request("update", "PATCH", self._path(), self._experiment_id, {"status": status})
        wait = self._settings.shutdown_timeout if timeout is None else max(float(timeout), 0.0)
        report = self._sender.close(final, wait)
        if report.spooled_requests:
            refused = (
                f", {report.rejected_requests} of them refused by the server"
                if report.rejected_requests
                else ""
            )
            log.warning(
                "tora: %s (%s%s) for experiment %s were not delivered to %s; they are saved in %s. "
                "Send them with: %s",
                _count(report.spooled_points, "point"), _count(report.spooled_requests, "request"), refused,
                self._experiment_id, self._settings.server_url, report.spool_path, self._sync_command(),
            )

    def _sync_command(self) -> str:
        if self._settings.spool_dir == default_spool_dir():
            return "tora sync"
        return f"tora sync --spool {self._settings.spool_dir}"

    def __enter__(self) -> Tora:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.shutdown(_status_for(exc_type))

    # --- properties ---------------------------------------------------------------------------

    @property
    def experiment_id(self) -> str:
        """The experiment's id (a UUID)."""
        return self._experiment_id

    @property
    def url(self) -> str:
        """The experiment's page in the web UI."""
        return self._url

    @property
    def max_buffer_len(self) -> int:
        """How many buffered points make the sender send a batch right away."""
        return self._sender.wake_at

    @property
    def closed(self) -> bool:
        """Whether ``shutdown()`` was called."""
        return self._closed

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Tora {self._experiment_id} {state} {self._url}>"


def _call_now(settings: Settings, method: str, path: str, body: bytes | None) -> Response:
    """One request made while setting a run up, with a short timeout."""
    transport = Transport(settings.server_url, settings.api_key, min(_SETUP_TIMEOUT, settings.request_timeout))
    try:
        return transport.request(method, path, body)
    finally:
        transport.close()


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _buffer_len(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"max_buffer_len must be an int, got {type(value).__name__}")
    if not 1 <= value <= 10_000_000:
        raise ValueError(f"max_buffer_len must be between 1 and 10,000,000, got {value}")
    return value


def _status_for(exc_type: type[BaseException] | None) -> str:
    if exc_type is None:
        return "finished"
    if issubclass(exc_type, KeyboardInterrupt):
        return "killed"
    if issubclass(exc_type, SystemExit):
        return "finished"
    return "failed"


# --- process-wide: shutdown at exit, replay of earlier runs' spools -----------------------------

_live_runs: set[Tora] = set()


def _shutdown_at_exit() -> None:
    failure = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)
    status = _status_for(type(failure) if failure is not None else None)
    if status == "finished" and failure is not None and isinstance(failure, SystemExit) and failure.code not in (0, None):
        status = "failed"
    for run in list(_live_runs):
        try:
            run.shutdown(status)
        except Exception:  # at exit, report and go on with the next run
            log.exception("tora: shutting down run %s failed", run.experiment_id)


atexit.register(_shutdown_at_exit)

_replays_started: set[tuple[str, str]] = set()
_replays_lock = threading.Lock()


def _replay_in_background(settings: Settings) -> None:
    """Sends, once per process, what earlier runs left in the spool for this server."""
    key = (str(settings.spool_dir), settings.server_url)
    with _replays_lock:
        if key in _replays_started or not settings.spool_dir.is_dir():
            return
        _replays_started.add(key)

    def replay() -> None:
        try:
            report = Replayer(
                settings.spool_dir,
                settings.api_key,
                timeout=settings.request_timeout,
                only_server=settings.server_url,
                include_rejected=False,
                attempts=3,
            ).run()
        except Exception:
            log.exception("tora: replaying the spool failed")
            return
        if report.sent_requests:
            log.info(
                "tora: sent %d spooled requests (%d points) left by earlier runs",
                report.sent_requests, report.sent_points,
            )

    threading.Thread(target=replay, name="tora-spool-replay", daemon=True).start()
