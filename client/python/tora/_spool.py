"""The disk spool: requests that could not be delivered yet, one JSON file each.

Layout (specified in ``client/SPOOL.md``, shared with the Java client)::

    <spool dir>/<stream>/lock            held (flock) by the process writing the stream
    <spool dir>/<stream>/0000000042.json one request; replayed in file-name order
    <spool dir>/<stream>/.0000000042.json.tmp   a file being written (ignored)

A stream is written by one client; its files must be sent in order. Files are written
atomically (temporary file, fsync, rename, fsync of the directory). A file is deleted once
the server has acknowledged it; metric batches carry a batch id, so sending a file twice is
harmless.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ._http import Response, Transport, TransportError, backoff, describe_failure
from ._pending import Pending, dumps

log = logging.getLogger("tora")

FORMAT = 1
LOCK_NAME = "lock"


# Lock files this process holds. POSIX record locks (the kind Java's FileChannel.tryLock takes) belong
# to the process, and closing any descriptor of the file drops them all: a lock file held here must
# never be opened again by this process, so it counts as busy without being opened.
_held: set[str] = set()
_held_mutex = threading.Lock()


class FileLock:
    """An exclusive, non-blocking lock on a file, released by the OS if the process dies.

    On POSIX it is both a ``flock`` lock and a POSIX record lock (``lockf``/``fcntl``): Linux keeps the
    two kinds apart, and the Java client can only take the second, so holding both makes a stream
    busy for either client."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None
        self._key = os.path.abspath(path)

    def acquire(self) -> bool:
        with _held_mutex:
            if self._key in _held:
                return False
            _held.add(self._key)
        try:
            ok = self._acquire()
        except BaseException:
            self._unregister()
            raise
        if not ok:
            self._unregister()
        return ok

    def _acquire(self) -> bool:
        f = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        try:
            if os.name == "nt":  # pragma: no cover - exercised on Windows only
                import msvcrt

                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.lockf(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.close()
            return False
        try:  # the path may have been removed (or replaced) by a replayer meanwhile
            same = os.path.samestat(os.fstat(f.fileno()), os.stat(self.path))
        except OSError:
            same = False
        if not same:
            f.close()
            return False
        self._file = f
        return True

    def _unregister(self) -> None:
        with _held_mutex:
            _held.discard(self._key)

    def note_owner(self) -> None:
        """Writes who holds the lock, for people looking at the spool."""
        if self._file is not None:
            self._file.truncate(0)
            self._file.write(f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
            self._file.flush()

    def release(self, remove: bool = False) -> None:
        f, self._file = self._file, None
        if f is None:
            return
        if remove:
            try:
                self.path.unlink()
            except OSError:
                pass
        f.close()
        self._unregister()

    def forget(self) -> None:
        """Drops the handle without unlocking (a forked child must not release its parent's lock)."""
        f, self._file = self._file, None
        if f is not None:
            try:
                f.close()  # the lock belongs to the open file, which the parent still holds
            except OSError:
                pass
        # the parent's lock file stays in this process's set: the child must not open it either


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z"


def write_atomically(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path`` so that readers see the whole file or nothing."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # pragma: no cover
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def entry_bytes(p: Pending, server_url: str, body: bytes) -> bytes:
    """The spool file of a request."""
    head = {
        "format": FORMAT,
        "kind": p.kind,
        "method": p.method,
        "path": p.path,
        "server_url": server_url,
        "experiment_id": p.experiment_id,
        "batch_id": p.batch_id,
        "points": p.n_points,
        "created_at": _iso(p.created_at),
        "attempts": p.attempts,
        "last_error": p.last_error,
    }
    return json.dumps(head, separators=(",", ":"))[:-1].encode("utf-8") + b',"body":' + body + b"}\n"


@dataclass
class Entry:
    """A spool file as read back."""

    path: Path
    kind: str
    method: str
    req_path: str
    server_url: str
    experiment_id: str
    batch_id: str | None
    points: int
    body: Any
    attempts: int
    last_error: dict[str, Any] | None

    @property
    def rejected(self) -> bool:
        """The server refused it for a reason that retrying does not fix (4xx)."""
        return bool(self.last_error) and self.last_error.get("retryable") is False  # type: ignore[union-attr]

    @classmethod
    def read(cls, path: Path) -> Entry:
        raw = json.loads(path.read_bytes())
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError(f"not a Tora spool file of format {FORMAT}")
        return cls(
            path=path,
            kind=str(raw["kind"]),
            method=str(raw["method"]),
            req_path=str(raw["path"]),
            server_url=str(raw["server_url"]),
            experiment_id=str(raw.get("experiment_id") or ""),
            batch_id=raw.get("batch_id"),
            points=int(raw.get("points") or 0),
            body=raw.get("body"),
            attempts=int(raw.get("attempts") or 0),
            last_error=raw.get("last_error"),
        )

    def record_failure(self, error: dict[str, Any]) -> None:
        """Rewrites the file with one more attempt and the last error."""
        raw = json.loads(self.path.read_bytes())
        self.attempts = raw["attempts"] = int(raw.get("attempts") or 0) + 1
        self.last_error = raw["last_error"] = error
        write_atomically(self.path, json.dumps(raw, separators=(",", ":"), allow_nan=False).encode() + b"\n")


class Stream:
    """The spool stream one sender writes into, created (and locked) on first use."""

    def __init__(self, spool_dir: Path, server_url: str) -> None:
        self.spool_dir = spool_dir
        self.server_url = server_url
        self.directory: Path | None = None
        self._lock: FileLock | None = None
        self._mutex = threading.Lock()

    def write(self, p: Pending) -> Path | None:
        """Writes (or rewrites, e.g. with its last error) the file of ``p``; nothing for a
        request already delivered."""
        with self._mutex:
            if p.done:
                return None
            body = p.body if p.body is not None else self.read_body(p)
            path = p.spool_path or self._open() / f"{p.seq:010d}.json"
            write_atomically(path, entry_bytes(p, self.server_url, body))
            p.spool_path = path
            return path

    def read_body(self, p: Pending) -> bytes:
        """The body of a request whose body lives only in its spool file."""
        assert p.spool_path is not None
        return dumps(Entry.read(p.spool_path).body)

    def finish(self, p: Pending) -> None:
        """Marks ``p`` delivered (or settled) and removes its file, if it has one."""
        with self._mutex:
            p.done = True
            path, p.spool_path = p.spool_path, None
        if path is not None:
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def close(self) -> None:
        """Releases the stream; removes it when nothing is left in it."""
        with self._mutex:
            if self.directory is None or self._lock is None:
                return
            empty = not any(self.directory.glob("*.json"))
            self._lock.release(remove=empty)
            self._lock = None
            if empty:
                try:
                    self.directory.rmdir()
                except OSError:
                    pass

    def forget(self) -> None:
        """After fork: the child starts a stream of its own and leaves the parent's alone."""
        if self._lock is not None:
            self._lock.forget()
        self._lock = None
        self.directory = None
        self._mutex = threading.Lock()

    def _open(self) -> Path:
        if self.directory is not None:
            return self.directory
        self.spool_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for _ in range(10):
            stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
            directory = self.spool_dir / f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            try:
                directory.mkdir(mode=0o700)
                lock = FileLock(directory / LOCK_NAME)
                if lock.acquire():
                    lock.note_owner()
                    self.directory, self._lock = directory, lock
                    return directory
            except FileNotFoundError:  # a replayer removed the fresh, empty directory
                continue
        raise OSError(f"could not create a spool stream in {self.spool_dir}")


# --- replay ---------------------------------------------------------------------------------


@dataclass
class ReplayReport:
    """What a replay did."""

    sent_requests: int = 0
    sent_points: int = 0
    duplicate_batches: int = 0
    rejected: list[Entry] = field(default_factory=list)
    left_requests: int = 0
    left_points: int = 0
    busy_streams: int = 0
    unreadable: list[Path] = field(default_factory=list)
    unreachable: dict[str, str] = field(default_factory=dict)


@dataclass
class Inventory:
    """What is waiting in a spool directory (for ``tora sync --dry-run`` and messages)."""

    requests: int = 0
    points: int = 0
    rejected: int = 0
    streams: int = 0
    busy_streams: int = 0
    by_server: dict[str, int] = field(default_factory=dict)
    experiments: set[str] = field(default_factory=set)


def stream_dirs(spool_dir: Path) -> list[Path]:
    if not spool_dir.is_dir():
        return []
    return sorted(d for d in spool_dir.iterdir() if d.is_dir() and not d.name.startswith("."))


def stream_files(directory: Path) -> list[Path]:
    return sorted(f for f in directory.glob("*.json") if not f.name.startswith("."))


def inventory(spool_dir: Path) -> Inventory:
    """Counts what waits in ``spool_dir`` without sending or locking anything."""
    out = Inventory()
    for d in stream_dirs(spool_dir):
        files = stream_files(d)
        if not files:
            continue
        out.streams += 1
        lock = FileLock(d / LOCK_NAME)
        if lock.acquire():
            lock.release()
        else:
            out.busy_streams += 1
        for f in files:
            try:
                e = Entry.read(f)
            except (OSError, ValueError, KeyError):
                continue
            out.requests += 1
            out.points += e.points
            out.rejected += e.rejected
            out.by_server[e.server_url] = out.by_server.get(e.server_url, 0) + e.points
            out.experiments.add(e.experiment_id)
    return out


class Replayer:
    """Sends the files of unlocked streams, stream by stream, file by file, in order."""

    def __init__(
        self,
        spool_dir: Path,
        api_key: str | None,
        *,
        timeout: float = 30.0,
        only_server: str | None = None,
        include_rejected: bool = True,
        attempts: int = 5,
        on_sent: Callable[[Entry, Response | None], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        self.spool_dir = spool_dir
        self.api_key = api_key
        self.timeout = timeout
        self.only_server = only_server
        self.include_rejected = include_rejected
        self.attempts = attempts
        self.on_sent = on_sent
        self.should_stop = should_stop or (lambda: False)
        self.report = ReplayReport()
        self._transports: dict[str, Transport] = {}

    def run(self) -> ReplayReport:
        try:
            for d in stream_dirs(self.spool_dir):
                if self.should_stop():
                    break
                self._stream(d)
        finally:
            for t in self._transports.values():
                t.close()
        return self.report

    def _stream(self, directory: Path) -> None:
        files = stream_files(directory)
        lock = FileLock(directory / LOCK_NAME)
        try:
            locked = lock.acquire()
        except OSError:
            return
        if not locked:
            if files:
                self.report.busy_streams += 1
            return
        try:
            files = stream_files(directory)  # now that it is ours
            for i, f in enumerate(files):
                try:
                    entry = Entry.read(f)
                except (OSError, ValueError, KeyError) as e:
                    log.warning("tora: cannot read spool file %s (%s); left in place", f, e)
                    self.report.unreadable.append(f)
                    continue
                if self.only_server is not None and entry.server_url != self.only_server:
                    return  # a stream belongs to one server; another client's concern
                if entry.rejected and not self.include_rejected:
                    self.report.left_requests += 1
                    self.report.left_points += entry.points
                    continue  # refused before: only `tora sync` tries it again
                if entry.server_url in self.report.unreachable or self.should_stop():
                    self._count_left(files[i:])
                    return
                if not self._send(entry):
                    self._count_left(files[i:])
                    return
        finally:
            empty = not stream_files(directory)
            lock.release(remove=empty)
            if empty:
                try:
                    directory.rmdir()
                except OSError:
                    pass

    def _count_left(self, files: list[Path]) -> None:
        for f in files:
            try:
                e = Entry.read(f)
            except (OSError, ValueError, KeyError):
                continue
            self.report.left_requests += 1
            self.report.left_points += e.points

    def _send(self, entry: Entry) -> bool:
        """Delivers one file; False when its server is unreachable (the stream stops there)."""
        transport = self._transports.get(entry.server_url)
        if transport is None:
            transport = self._transports[entry.server_url] = Transport(entry.server_url, self.api_key, self.timeout)
        for attempt in range(self.attempts):
            response: Response | None = None
            error: BaseException | None = None
            try:
                response = deliver_entry(transport, entry)
            except TransportError as e:
                error = e
            if response is not None and response.ok:
                entry.path.unlink(missing_ok=True)
                self.report.sent_requests += 1
                self.report.sent_points += entry.points
                data = response.data
                if entry.kind == "metrics" and isinstance(data, dict) and data.get("duplicate"):
                    self.report.duplicate_batches += 1
                if self.on_sent:
                    self.on_sent(entry, response)
                return True
            failure = describe_failure(response, error)
            if response is not None and not response.retryable:
                entry.record_failure(failure)
                self.report.rejected.append(entry)
                if self.on_sent:
                    self.on_sent(entry, response)
                return True
            if attempt + 1 == self.attempts or self.should_stop():
                entry.record_failure(failure)
                self.report.unreachable[entry.server_url] = failure["message"]
                return False
            delay = response.retry_after if response is not None and response.retry_after is not None else None
            time.sleep(delay if delay is not None else backoff(attempt))
        return False


def deliver_entry(transport: Transport, entry: Entry) -> Response:
    """Sends one spooled request; ``add_tags`` reads the current tags and writes the union."""
    if entry.kind == "add_tags":
        return add_tags(transport, entry.experiment_id, list((entry.body or {}).get("tags") or []))
    body = None if entry.body is None else dumps(entry.body)
    return transport.request(entry.method, entry.req_path, body)


def add_tags(transport: Transport, experiment_id: str, tags: list[str]) -> Response:
    """Adds tags with the read-modify-write the API requires (PATCH replaces the list)."""
    current = transport.request("GET", f"/experiments/{experiment_id}")
    if not current.ok:
        return current
    existing = list((current.data or {}).get("tags") or [])
    merged = existing + [t for t in tags if t not in existing]
    if merged == existing:
        return current
    return transport.request("PATCH", f"/experiments/{experiment_id}", dumps({"tags": merged}))
