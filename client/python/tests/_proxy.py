"""A fault-injecting HTTP proxy in front of the test server.

Each request takes the next action of a script (then ``default``):

``pass``                forward and answer with the server's response
``drop``                close the connection without forwarding (nothing reached the server)
``drop_after``          forward, then close without answering (the server did the work)
``status:503``          answer 503 with an error body, without forwarding
``status:429:1``        answer 429 with ``Retry-After: 1``
``delay:5``             wait 5 s, then forward
``refuse``              like ``drop``; with ``stop_listening()`` connections are refused outright
"""

from __future__ import annotations

import http.client
import http.server
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterable

from _server import free_port


class _Server(http.server.ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True
    proxy: FaultProxy

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up (a shutdown that stopped waiting) are part of the tests


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _any(self) -> None:
        proxy = self.server.proxy
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        action = proxy.next_action(self.command, self.path)
        with proxy.lock:
            proxy.connections.add(self.connection)
        if action in ("drop", "refuse"):
            self._drop()
            return
        if action.startswith("status:"):
            parts = action.split(":")
            status = int(parts[1])
            payload = json.dumps({"error": {"code": "injected", "message": f"injected {status}", "details": {}}}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            if len(parts) > 2:
                self.send_header("Retry-After", parts[2])
            self.end_headers()
            self.wfile.write(payload)
            return
        if action.startswith("delay:"):
            time.sleep(float(action.split(":")[1]))
        status, headers, data = proxy.forward(self.command, self.path, self.headers, body)
        if action == "drop_after":
            self._drop()
            return
        self.send_response(status)
        for k, v in headers:
            if k.lower() not in ("connection", "transfer-encoding", "content-length", "keep-alive"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any


class FaultProxy:
    """Listens on a free local port and forwards to ``upstream`` (a base URL ending in /api)."""

    def __init__(self, upstream: str) -> None:
        rest = upstream.split("://", 1)[1]
        hostport, _, path = rest.partition("/")
        self.upstream_host, _, port = hostport.partition(":")
        self.upstream_port = int(port or 80)
        self.base_path = "/" + path if path else ""
        self.port = free_port()
        self.lock = threading.Lock()
        self.script: list[str] = []
        self.default = "pass"
        self.seen: Counter[str] = Counter()
        self.log: list[tuple[float, str, str, str]] = []  # (monotonic time, method, path, action)
        self.forwarded = 0
        self.connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.start_listening()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base_path}"

    def push(self, actions: Iterable[str]) -> None:
        with self.lock:
            self.script.extend(actions)

    def set_default(self, action: str) -> None:
        with self.lock:
            self.default = action

    def next_action(self, method: str, path: str) -> str:
        with self.lock:
            action = self.script.pop(0) if self.script else self.default
            self.seen[action.split(":")[0]] += 1
            self.log.append((time.monotonic(), method, path, action))
            return action

    def forward(self, method: str, path: str, headers: object, body: bytes | None) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(self.upstream_host, self.upstream_port, timeout=60)
        try:
            fwd = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection", "content-length")}  # type: ignore[attr-defined]
            conn.request(method, path, body=body, headers=fwd)
            r = conn.getresponse()
            answer = r.status, r.getheaders(), r.read()
            with self.lock:
                self.forwarded += 1
            return answer
        finally:
            conn.close()

    def start_listening(self) -> None:
        server = _Server(("127.0.0.1", self.port), _Handler)
        server.proxy = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop_listening(self) -> None:
        """Closes the listening socket and every open connection: new connections are refused."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        with self.lock:
            conns, self.connections = self.connections, set()
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self) -> None:
        self.stop_listening()

