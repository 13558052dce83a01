"""The background sender of one run (modelled on sentry-python's ``worker.py``).

``submit`` writes a point into preallocated columns under a lock and returns: no I/O, no
allocation, no queue hand-off. A daemon thread takes the filled columns when ``wake_at``
points wait, every ``flush_interval`` seconds, or when asked (flush, shutdown), encodes them
into columnar batches, and sends the queue of requests in order over one keep-alive
connection. Failures that may pass (connection errors, timeouts, 408, 429, 5xx, error pages
that are not Tora's) are retried with backoff and jitter, keeping each batch id; after
``spool_grace`` seconds of outage, or above ``max_buffered`` points in memory, the queue goes
to the disk spool, and the thread keeps sending from there once the server answers. Other 4xx
answers are not retried: the request is spooled with the server's message and one warning
names it. A sentinel in the queue stops the thread; after ``fork()`` the child gets a fresh
sender.

Bodies are sent uncompressed: the server does not accept ``Content-Encoding: gzip`` request
bodies (it answers 400 ``malformed_body``), and batches are small (about 30 bytes a point).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ._buffer import CAPACITY, Columns, Staging
from ._config import Settings
from ._http import Response, Transport, TransportError, backoff, describe_failure
from ._pending import MAX_POINTS_PER_BATCH, Pending, metrics_requests
from ._spool import Stream, add_tags

log = logging.getLogger("tora")

_STOP = Pending(kind="stop", method="", path="", experiment_id="")  # the sentinel
_ENCODE_ALL = object()
_ENCODE_ONE = object()
_EXIT = object()
_time = time.time

_senders: weakref.WeakSet[Sender] = weakref.WeakSet()


@dataclass
class CloseReport:
    """What ``Sender.close`` left behind in the spool (refused requests included)."""

    spooled_requests: int
    spooled_points: int
    rejected_requests: int
    rejected_points: int
    spool_path: Optional[Path]


class Sender:
    """Delivers one experiment's requests in order from a daemon thread."""

    def __init__(self, settings: Settings, experiment_id: str, wake_at: int) -> None:
        self.settings = settings
        self.experiment_id = experiment_id
        self.wake_at = wake_at
        self._stream = Stream(settings.spool_dir, settings.server_url)
        self._reset()
        _senders.add(self)
        self._start()

    # --- state -----------------------------------------------------------------------------

    def _reset(self) -> None:
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)  # wakes the sender thread
        self._done = threading.Condition(self._lock)  # wakes flush() and close()
        # the columns the hot path writes into (their attributes copied here for speed)
        self._cap = CAPACITY
        self._install(Columns(self._cap))
        self._spare: Optional[Columns] = Columns(self._cap)
        self._full: list[Columns] = []
        self._full_points = 0
        self._staging = Staging()  # columns taken by the sender, not yet encoded
        self._queue: deque[Pending] = deque()
        self._seq = 0  # seq of the last request queued
        self._completed = 0  # seq of the last request settled (delivered or refused)
        self._last_rejected = 0  # seq of the last request the server refused
        self._flush_tickets = 0  # flush() calls so far
        self._cut_ticket = 0  # the last flush() call served
        self._cut_target = 0  # the seq that served flush() must reach
        self._memory_points = 0  # points in queued requests whose body is in memory
        self._memory_requests = 0  # queued requests whose body is in memory (those without points too)
        self._next_tick = time.monotonic() + self.settings.flush_interval
        self._retry_at = 0.0
        self._attempt = 0
        self._down_since: Optional[float] = None
        self._offline = False  # down for longer than spool_grace: the queue goes to disk
        self._stopping = False
        self._stop_queued = False
        self._final: Optional[Pending] = None
        self._abandoned = False
        self._closed = False
        self._rejected_requests = 0
        self._rejected_points = 0
        self._warned: set[tuple[int, Optional[str]]] = set()
        self._spool_failed = False
        self._transport = Transport(self.settings.server_url, self.settings.api_key, self.settings.request_timeout)
        self._thread: Optional[threading.Thread] = None

    def _install(self, cols: Columns) -> None:
        self._cols = cols
        self._names = cols.names
        self._values = cols.values
        self._steps = cols.steps
        self._stamps = cols.stamps
        self._n = 0

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="tora-sender", daemon=True)
        self._thread.start()

    def _after_fork_in_child(self) -> None:
        # The parent keeps sending what it had buffered; the child starts empty, with new
        # locks (the parent's may have been held at fork time) and its own spool stream.
        if self._closed:
            return
        self._stream.forget()
        self._reset()
        self._start()

    # --- called by the client ----------------------------------------------------------------

    def submit(self, name: str, value: float, step: Optional[int], meta: Optional[str]) -> None:
        """Buffers one point: a lock and a few stores into preallocated columns."""
        t = _time()
        with self._lock:
            i = self._n
            if i == self._cap:
                i = self._next_columns()
            self._names[i] = name
            self._values[i] = value
            self._stamps[i] = t
            if step is not None:
                self._steps[i] = step
            if meta is not None:
                self._set_meta(i, meta)
            self._n = i = i + 1
            if i == self.wake_at:
                self._work.notify()

    def submit_many(self, rows: list[tuple[str, float]], step: Optional[int]) -> None:
        """Buffers several points with one step and one time."""
        t = _time()
        with self._lock:
            for name, value in rows:
                i = self._n
                if i == self._cap:
                    i = self._next_columns()
                self._names[i] = name
                self._values[i] = value
                self._stamps[i] = t
                if step is not None:
                    self._steps[i] = step
                self._n = i = i + 1
                if i == self.wake_at:
                    self._work.notify()

    def _next_columns(self) -> int:
        # Called with the lock held when the columns are full: hand them to the sender.
        cols = self._cols
        cols.n = self._n
        self._full.append(cols)
        self._full_points += cols.n
        spare, self._spare = self._spare, None
        self._install(spare if spare is not None else Columns(self._cap))
        self._work.notify()
        return 0

    def _set_meta(self, row: int, meta: str) -> None:
        cols = self._cols
        if cols.metas is None:
            cols.metas = {}
        cols.metas[row] = meta

    def enqueue(self, request: Pending) -> None:
        """Queues a request (create, update, tags, reference) after everything queued so far."""
        with self._lock:
            self._push(request)
            self._work.notify()

    def flush(self, timeout: float) -> bool:
        """Sends what is buffered now and waits until it is delivered or ``timeout`` passes.
        True when everything was delivered; False on timeout, refusal, or an outage."""
        deadline = time.monotonic() + timeout
        with self._lock:
            if self._closed:
                return False
            start = self._completed
            self._flush_tickets += 1
            ticket = self._flush_tickets
            self._work.notify()
            while self._cut_ticket < ticket:
                if not self._wait(self._done, deadline):
                    return False
            target = self._cut_target
            while self._completed < target:
                if self._offline or not self._wait(self._done, deadline):
                    return False
            return self._last_rejected <= start

    def close(self, final: Optional[Pending], timeout: float) -> CloseReport:
        """Sends everything (then ``final``, e.g. the run's status) within ``timeout`` seconds,
        stops the thread, and spools what is left."""
        with self._lock:
            if self._closed:
                return CloseReport(0, 0, 0, 0, None)
            self._closed = True
            self._stopping = True
            self._final = final
            self._work.notify()
        thread = self._thread
        try:
            if thread is not None:
                thread.join(max(timeout, 0.0))
        except KeyboardInterrupt:  # a second Ctrl-C: stop waiting, keep the data on disk
            log.debug("tora: interrupted while delivering; spooling the rest")
        stuck = thread is not None and thread.is_alive()
        if stuck:
            self._take_over()
        report = self._report()
        self._stream.close()
        if not stuck:  # a thread stuck in a request keeps its connection until it gives up
            self._transport.close()
        return report

    def _take_over(self) -> None:
        """Shutdown gave up waiting: the calling thread spools whatever is left."""
        with self._lock:
            self._abandoned = True
            self._work.notify()
            self._take_columns()
            staging, self._staging = self._staging, Staging()
            final_pending = self._final is not None and not self._stop_queued
            self._stop_queued = True
        requests = metrics_requests(self.experiment_id, staging.peek(staging.count)) if staging.count else []
        if final_pending and self._final is not None:
            requests.append(self._final)
        with self._lock:
            for p in requests:
                self._push(p)
        self._spool_backlog()

    def _report(self) -> CloseReport:
        with self._lock:
            left = [p for p in self._queue if p is not _STOP and not p.done]
        spooled = [p for p in left if p.spool_path is not None]
        return CloseReport(
            spooled_requests=len(spooled) + self._rejected_requests,
            spooled_points=sum(p.n_points for p in spooled) + self._rejected_points,
            rejected_requests=self._rejected_requests,
            rejected_points=self._rejected_points,
            spool_path=self._stream.directory,
        )

    @property
    def spool_directory(self) -> Optional[Path]:
        return self._stream.directory

    # --- the thread --------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:
                action = self._next_action()
                if action is _EXIT:
                    return
                if action is _ENCODE_ALL or action is _ENCODE_ONE:
                    self._encode(whole=action is _ENCODE_ALL)
                else:
                    assert isinstance(action, Pending)
                    self._process(action)
            except Exception:  # never die silently: keep the data and try again
                log.exception("tora: unexpected error in the sender; retrying in 1 s")
                time.sleep(1.0)

    def _next_action(self) -> object:
        # Sending comes before encoding: while the queue has work, points wait in their columns,
        # so a fast training loop cannot starve the network (each encoding takes a full batch).
        with self._lock:
            while True:
                if self._abandoned:
                    return _EXIT
                now = time.monotonic()
                tick = now >= self._next_tick
                if tick:
                    self._next_tick = now + self.settings.flush_interval
                waiting = self._n + self._full_points + self._staging.count
                flush_asked = self._flush_tickets != self._cut_ticket
                if waiting and (
                    flush_asked
                    or self._stopping
                    or self._memory_points + waiting > self.settings.max_buffered
                    # offline, points go to disk once a tick (or per full batch), not per wake-up
                    or (self._offline and (tick or waiting >= MAX_POINTS_PER_BATCH))
                ):
                    return _ENCODE_ALL
                if flush_asked:
                    self._serve_flush(self._flush_tickets)
                if self._stopping and not self._stop_queued:
                    if self._final is not None:
                        self._push(self._final)
                    self._push(_STOP)
                    self._stop_queued = True
                # offline, every request goes to disk, those without points too (a status, tags)
                if not self._spool_failed and (
                    self._memory_points > self.settings.max_buffered or (self._offline and self._memory_requests > 0)
                ):
                    self._lock.release()
                    try:
                        self._spool_backlog()
                    finally:
                        self._lock.acquire()
                    continue
                wake = self._next_tick
                if self._queue:
                    head = self._queue[0]
                    if head is _STOP:
                        return _EXIT
                    if self._stopping and self._offline and (self._memory_requests == 0 or self._spool_failed):
                        return _EXIT  # everything is on disk; `tora sync` or the next run sends it
                    if now >= self._retry_at:
                        return head
                    wake = min(wake, self._retry_at)
                elif waiting and (tick or waiting >= self.wake_at):
                    return _ENCODE_ONE
                self._work.wait(max(wake - now, 0.001))

    def _push(self, p: Pending) -> None:
        if p is not _STOP:
            self._seq += 1
            p.seq = self._seq
            if p.body is not None:
                self._memory_points += p.n_points
                self._memory_requests += 1
        self._queue.append(p)

    def _serve_flush(self, ticket: int) -> None:
        self._cut_ticket = ticket
        self._cut_target = self._seq
        self._done.notify_all()

    def _take_columns(self) -> None:
        """Moves the filled columns to the staging area (lock held)."""
        for cols in self._full:
            self._staging.add(cols)
        self._full = []
        self._full_points = 0
        if self._n:
            cols = self._cols
            cols.n = self._n
            self._staging.add(cols)
            spare, self._spare = self._spare, None
            self._install(spare if spare is not None else Columns(self._cap))

    def _encode(self, whole: bool) -> None:
        """Encodes waiting points into batches: all of them, or the next full batch."""
        with self._lock:
            self._take_columns()
            ticket = self._flush_tickets
            staging = self._staging
            count = staging.count if whole else min(staging.count, MAX_POINTS_PER_BATCH)
        if self._spare is None:
            spare = Columns(self._cap)  # allocated here, not on the hot path
            with self._lock:
                if self._spare is None:
                    self._spare = spare
        requests = metrics_requests(self.experiment_id, staging.peek(count)) if count else []
        with self._lock:
            if self._abandoned:
                return  # close() took over and spooled these points itself
            staging.drop(count)
            for p in requests:
                self._push(p)
            if whole and ticket != self._cut_ticket:
                self._serve_flush(ticket)

    def _process(self, p: Pending) -> None:
        response: Response | None = None
        error: BaseException | None = None
        try:
            body = p.body if p.body is not None else self._stream.read_body(p)
        except (OSError, ValueError, KeyError) as e:  # someone removed or damaged the file
            log.error("tora: the spooled request %s cannot be read (%s); it is lost", p.spool_path, e)
            self._settle(p, rejected=True)
            return
        try:
            if p.kind == "add_tags":
                response = add_tags(self._transport, p.experiment_id, json.loads(body)["tags"])
            else:
                ahead = self._encode_ahead if p.kind == "metrics" else None
                response = self._transport.request(p.method, p.path, body, meanwhile=ahead)
        except TransportError as e:
            error = e
        if response is not None and response.ok:
            self._settle(p, rejected=False)
            return
        failure = describe_failure(response, error)
        p.attempts += 1
        p.last_error = failure
        if response is not None and not response.retryable:
            self._reject(p, response)
            return
        self._retry_later(p, response, failure)

    def _encode_ahead(self) -> None:
        """While the server stores a batch, encode the next one (so both sides work at once)."""
        with self._lock:
            waiting = self._n + self._full_points + self._staging.count
            worth_it = len(self._queue) == 1 and waiting >= self.wake_at and not self._abandoned
        if worth_it:
            try:
                self._encode(whole=False)
            except Exception:
                log.exception("tora: encoding a batch failed")

    def _settle(self, p: Pending, rejected: bool) -> None:
        """Takes ``p`` off the queue: delivered (its spool file goes) or refused (the file stays)."""
        if not rejected:
            self._stream.finish(p)
        with self._lock:
            if self._queue and self._queue[0] is p:
                self._queue.popleft()
            if p.body is not None:
                self._memory_points -= p.n_points
                self._memory_requests -= 1
                p.body = None
            p.done = True
            self._completed = p.seq
            if not rejected:
                if self._down_since is not None:
                    log.log(
                        logging.WARNING if self._offline else logging.INFO,
                        "tora: the server at %s answers again; sending", self.settings.server_url,
                    )
                self._down_since = None
                self._offline = False
                self._attempt = 0
                self._retry_at = 0.0
            self._done.notify_all()

    def _reject(self, p: Pending, response: Response) -> None:
        err = response.error()
        path: Path | None = None
        try:
            path = self._stream.write(p)
        except OSError as e:
            log.error("tora: could not save a refused request to the spool: %s", e)
        what = f"a batch of {p.n_points} points" if p.kind == "metrics" else f"a {p.kind} request"
        key = (response.status, err.code)
        if key not in self._warned:
            self._warned.add(key)
            log.warning(
                "tora: the server refused %s for experiment %s (%s); it is saved in %s and will not be "
                "retried automatically (`tora sync` sends it again)",
                what, p.experiment_id, err, path if path is not None else "memory only",
            )
        else:
            log.debug("tora: refused again (%s): %s", err, what)
        self._rejected_requests += 1
        self._rejected_points += p.n_points
        with self._lock:
            self._last_rejected = p.seq
        self._settle(p, rejected=True)

    def _retry_later(self, p: Pending, response: Response | None, failure: dict[str, object]) -> None:
        now = time.monotonic()
        with self._lock:
            first = self._down_since is None
            if first:
                self._down_since = now
            delay = response.retry_after if response is not None and response.retry_after is not None else None
            if delay is None:
                delay = backoff(self._attempt)
            self._attempt += 1
            self._retry_at = now + delay
            down_for = now - (self._down_since or now)
            going_offline = not self._offline and down_for >= self.settings.spool_grace
            if going_offline:
                self._offline = True
            self._work.notify()
        reason = f"{failure.get('status') or ''} {failure.get('message')}".strip()
        if first:  # a blip is not worth a warning; an outage past the grace period is
            log.info(
                "tora: cannot deliver to %s (%s); retrying, and keeping points on disk after %g s",
                self.settings.server_url, reason, self.settings.spool_grace,
            )
        else:
            log.debug("tora: retry %d in %.2f s (%s)", self._attempt, delay, reason)
        if going_offline:
            self._spool_backlog()
            log.warning(
                "tora: %s has not answered for %.0f s; undelivered requests are saved in %s and sent "
                "when it answers",
                self.settings.server_url, down_for, self._stream.directory or self.settings.spool_dir,
            )

    def _spool_backlog(self) -> None:
        """Writes every queued request that is only in memory to the spool (any thread)."""
        with self._lock:
            items = [p for p in self._queue if p is not _STOP and p.spool_path is None and not p.done]
        for p in items:
            try:
                if self._stream.write(p) is None:
                    continue
            except OSError as e:
                if not self._spool_failed:
                    self._spool_failed = True
                    log.error("tora: cannot write to the spool in %s: %s", self.settings.spool_dir, e)
                break
            with self._lock:
                if not p.done and p.body is not None:
                    p.body = None  # it lives on disk now
                    self._memory_points -= p.n_points
                    self._memory_requests -= 1

    @staticmethod
    def _wait(condition: threading.Condition, deadline: float) -> bool:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        condition.wait(remaining)
        return True


def _after_fork_in_child() -> None:
    for sender in list(_senders):
        sender._after_fork_in_child()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
