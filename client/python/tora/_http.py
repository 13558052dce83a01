"""One keep-alive HTTP connection to the server (http.client), and how answers are classified."""

from __future__ import annotations

import email.utils
import http.client
import json
import random
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._exceptions import ToraServiceError, service_error

USER_AGENT = "tora-python"

# Statuses worth trying again: the server is busy, restarting or behind a failing proxy.
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass
class Response:
    """An answer of the server: status, the parsed JSON body (if any) and Retry-After."""

    status: int
    body: Any
    retry_after: float | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def from_tora(self) -> bool:
        """Whether the answer is Tora's own JSON (an error has ``{"error": {"code", ...}}``)."""
        err = self.body.get("error") if isinstance(self.body, dict) else None
        return isinstance(err, dict) and "code" in err

    @property
    def retryable(self) -> bool:
        """Worth sending again: busy or failing servers, and error pages that are not Tora's
        (Payara answers 404 with HTML while the application is still being deployed)."""
        return self.status in RETRYABLE_STATUSES or self.status >= 500 or (self.status >= 400 and not self.from_tora)

    @property
    def data(self) -> Any:
        return self.body.get("data") if isinstance(self.body, dict) else None

    def error(self) -> ToraServiceError:
        """The server's error as an exception (not raised here)."""
        err = self.body.get("error") if isinstance(self.body, dict) else None
        if isinstance(err, dict):
            return service_error(self.status, err.get("code"), str(err.get("message")), err.get("details"))
        return service_error(self.status, None, f"HTTP {self.status}", None)


class TransportError(Exception):
    """The request did not get an answer: refused, reset, timed out, or a broken answer."""


class Transport:
    """A single keep-alive connection to one server, reopened after any failure. Not thread-safe:
    each thread that talks to the server owns its own Transport."""

    def __init__(self, server_url: str, api_key: str | None, timeout: float) -> None:
        parsed = urllib.parse.urlsplit(server_url)
        self.server_url = server_url
        self._https = parsed.scheme == "https"
        self._host = parsed.hostname or "localhost"
        self._port = parsed.port
        self._base_path = parsed.path.rstrip("/")
        self._timeout = timeout
        self._headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if api_key:
            self._headers["x-api-key"] = api_key
        self._conn: http.client.HTTPConnection | None = None
        self._used = False

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        timeout: float | None = None,
        meanwhile: Callable[[], None] | None = None,
    ) -> Response:
        """Sends one request; ``meanwhile`` runs (once) after the request went out, while the
        server works on it. A stale keep-alive connection is replaced once, silently (every
        request Tora sends is idempotent, so sending it again is safe)."""
        for attempt in (0, 1):
            reused = self._conn is not None and self._used
            try:
                conn = self._connection()
                conn.timeout = timeout or self._timeout
                if conn.sock is not None:
                    conn.sock.settimeout(conn.timeout)
                headers = dict(self._headers)
                if body is not None:
                    headers["Content-Type"] = "application/json"
                conn.request(method, self._base_path + path, body=body, headers=headers)
                self._used = True
                if meanwhile is not None:
                    work, meanwhile = meanwhile, None
                    work()
                return self._answer(conn)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                self.close()
                if attempt == 0 and reused:
                    continue
                raise TransportError(f"connection lost: {e or type(e).__name__}") from e
            except (OSError, http.client.HTTPException, ssl.SSLError) as e:
                self.close()
                raise TransportError(_describe(e)) from e
        raise AssertionError("unreachable")

    def _answer(self, conn: http.client.HTTPConnection) -> Response:
        answer = conn.getresponse()
        raw = answer.read()
        if answer.will_close:
            self.close()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            kind = answer.getheader("Content-Type") or "no content type"
            parsed = {"error": {"message": f"HTTP {answer.status} ({kind}), not an answer of Tora's API"}} if answer.status >= 400 else None
        return Response(answer.status, parsed, parse_retry_after(answer.getheader("Retry-After")))

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            self._conn = kind(self._host, self._port, timeout=self._timeout)
            self._used = False
        return self._conn

    def close(self) -> None:
        """Closes the connection; the next request opens a new one."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except OSError:
                pass


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), at most 5 minutes."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), 300.0)


def backoff(attempt: int, base: float = 0.25, cap: float = 10.0) -> float:
    """Exponential backoff with jitter: half the delay fixed, half random ("equal jitter")."""
    delay = min(cap, base * (2 ** min(attempt, 30)))
    return delay / 2 + random.uniform(0, delay / 2)


def _describe(e: BaseException) -> str:
    if isinstance(e, socket.timeout):
        return "timed out"
    if isinstance(e, ConnectionRefusedError):
        return "connection refused"
    text = str(e) or type(e).__name__
    return text


def describe_failure(response: Response | None, error: BaseException | None) -> dict[str, Any]:
    """A JSON-friendly description of why a request failed (the spool's ``last_error``)."""
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    if response is not None:
        err = response.error()
        return {
            "at": now,
            "status": response.status,
            "code": err.code,
            "message": err.message,
            "retryable": response.retryable,
        }
    return {"at": now, "status": None, "code": "unreachable", "message": str(error), "retryable": True}
