"""Fixtures: a real Tora server for the session (started with ./tora, or TORA_TEST_SERVER_URL),
an isolated environment per test, and a fault-injecting proxy."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the client, without installing it
sys.path.insert(0, str(HERE))

from _proxy import FaultProxy  # noqa: E402
from _server import ExternalServer, ToraServer  # noqa: E402

_TORA_VARS = (
    "TORA_BASE_URL",
    "TORA_API_KEY",
    "TORA_SPOOL_DIR",
    "TORA_SHUTDOWN_TIMEOUT",
    "TORA_SPOOL_GRACE",
    "TORA_MAX_BUFFERED",
    "TORA_REQUEST_TIMEOUT",
)


@pytest.fixture(scope="session")
def server() -> Iterator[ToraServer | ExternalServer]:
    """The server every test talks to; started once, stopped at the end."""
    external = os.environ.get("TORA_TEST_SERVER_URL")
    if external:
        yield ExternalServer(external)
        return
    srv = ToraServer(build=os.environ.get("TORA_TEST_NO_BUILD") != "1")
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
        srv.remove()


@pytest.fixture
def url(server: ToraServer | ExternalServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """The server's API URL, also set as TORA_BASE_URL."""
    monkeypatch.setenv("TORA_BASE_URL", server.url)
    return server.url


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own spool directory and no TORA_* settings from outside."""
    for var in _TORA_VARS:
        monkeypatch.delenv(var, raising=False)
    spool = tmp_path / "spool"
    monkeypatch.setenv("TORA_SPOOL_DIR", str(spool))
    yield spool
    import tora

    tora.shutdown(timeout=0)  # a global run a failed test left behind


@pytest.fixture
def spool(isolated: Path) -> Path:
    return isolated


@pytest.fixture
def proxy(server: ToraServer | ExternalServer) -> Iterator[FaultProxy]:
    p = FaultProxy(server.url)
    yield p
    p.close()


@pytest.fixture
def tora_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="tora")
    return caplog
