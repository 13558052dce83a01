"""A real Tora server for the tests, run through the repository's ``./tora`` script."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_port_run(count: int, low: int = 19000, high: int = 19990) -> int:
    """The first of ``count`` consecutive free ports, chosen at random in [low, high)."""
    for _ in range(200):
        base = random.randrange(low, high - count)
        if all(port_free(base + i) for i in range(count)):
            return base
    raise RuntimeError("no run of free ports found")


class ToraServer:
    """A Payara domain under a temporary data dir, started and stopped with ``./tora``."""

    def __init__(self, build: bool) -> None:
        self.data_dir = Path(tempfile.mkdtemp(prefix="tora-pytest-"))
        admin = free_port_run(9)
        port = free_port_run(1)
        while admin <= port < admin + 9:
            port = free_port_run(1)
        self.port = port
        self.env = dict(os.environ)
        self.env.update(
            TORA_DATA_DIR=str(self.data_dir),
            TORA_PORT=str(port),
            TORA_ADMIN_PORT=str(admin),
            TORA_HOST="127.0.0.1",
            TORA_AUTH="none",
        )
        for key in ("TORA_DATABASE_URL", "TORA_PUBLIC_URL"):
            self.env.pop(key, None)
        self.build = build
        self.url = f"http://127.0.0.1:{port}/api"
        self.managed = True

    def start(self, build: bool | None = None) -> None:
        args = [str(REPO / "tora"), "start"]
        if not (self.build if build is None else build):
            args.append("--no-build")
        log = self.data_dir / "start.log"
        with open(log, "ab") as out:
            result = subprocess.run(args, cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, timeout=900)
        if result.returncode != 0:
            raise RuntimeError(f"./tora start failed ({result.returncode}):\n{log.read_text()[-4000:]}")
        wait_healthy(self.url, 120)

    def stop(self) -> None:
        subprocess.run(
            [str(REPO / "tora"), "stop"], cwd=REPO, env=self.env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, timeout=300,
        )
        pid = self.pid()
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    def pid(self) -> int | None:
        path = self.data_dir / "domains" / "tora" / "config" / "pid"
        try:
            pid = int(path.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid

    def kill9(self) -> None:
        """Kills the server process the hard way and waits until its port is closed."""
        pid = self.pid()
        assert pid is not None, "no running server process"
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not port_free(self.port):
            time.sleep(0.1)

    def restart(self) -> None:
        self.start(build=False)

    def remove(self) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)


class ExternalServer:
    """A server someone else runs (``TORA_TEST_SERVER_URL``): never stopped or killed."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.managed = False
        self.port = int(url.split(":")[2].split("/")[0]) if url.count(":") >= 2 else 80


def wait_healthy(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=5) as r:
                if json.loads(r.read())["data"]["status"] == "ok":
                    return
        except (OSError, ValueError, KeyError) as e:
            last = e
        time.sleep(0.3)
    raise RuntimeError(f"{url} is not healthy after {timeout} s: {last}")
