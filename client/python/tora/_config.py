"""Where the client's settings come from: an argument, else a ``TORA_*`` variable, else a default.

==========================  =================================  ==============================
Environment variable        Meaning                            Default
==========================  =================================  ==============================
``TORA_BASE_URL``           the API's base URL                 ``http://localhost:8080/api``
``TORA_API_KEY``            sent as the ``x-api-key`` header   none
``TORA_SPOOL_DIR``          where undelivered requests wait    ``~/.tora/spool``
``TORA_SHUTDOWN_TIMEOUT``   seconds shutdown waits to deliver  30
``TORA_SPOOL_GRACE``        seconds of outage before spooling  10
``TORA_MAX_BUFFERED``       points kept in memory at most      1,000,000
``TORA_REQUEST_TIMEOUT``    seconds one HTTP request may take  30
==========================  =================================  ==============================
"""

from __future__ import annotations

import dataclasses
import os
import urllib.parse
from pathlib import Path

from ._exceptions import ToraConfigurationError

DEFAULT_BASE_URL = "http://localhost:8080/api"
DEFAULT_FLUSH_INTERVAL = 1.0


@dataclasses.dataclass(frozen=True)
class Settings:
    """The resolved settings of one client."""

    server_url: str
    api_key: str | None
    spool_dir: Path
    shutdown_timeout: float
    spool_grace: float
    max_buffered: int
    request_timeout: float
    flush_interval: float

    @classmethod
    def resolve(
        cls,
        server_url: str | None = None,
        api_key: str | None = None,
        flush_interval: float | None = None,
    ) -> Settings:
        """Settings from the arguments, else the environment, else the defaults."""
        url = server_url if server_url is not None else os.environ.get("TORA_BASE_URL") or DEFAULT_BASE_URL
        key = api_key if api_key is not None else os.environ.get("TORA_API_KEY") or None
        if key is not None and (not isinstance(key, str) or not key.strip()):
            raise ToraConfigurationError("api_key must be a non-empty string")
        interval = DEFAULT_FLUSH_INTERVAL if flush_interval is None else flush_interval
        if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not 0 < interval <= 3600:
            raise ValueError(f"flush_interval must be a number of seconds in (0, 3600], got {interval!r}")
        return cls(
            server_url=normalize_url(url),
            api_key=key,
            spool_dir=spool_dir(),
            shutdown_timeout=_env_seconds("TORA_SHUTDOWN_TIMEOUT", 30.0),
            spool_grace=_env_seconds("TORA_SPOOL_GRACE", 10.0),
            max_buffered=int(_env_number("TORA_MAX_BUFFERED", 1_000_000, minimum=1000)),
            request_timeout=_env_seconds("TORA_REQUEST_TIMEOUT", 30.0, minimum=0.1),
            flush_interval=float(interval),
        )


def spool_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The spool directory: the argument, else ``TORA_SPOOL_DIR``, else ``~/.tora/spool``."""
    raw = override if override is not None else os.environ.get("TORA_SPOOL_DIR")
    if raw:
        return Path(raw).expanduser()
    return default_spool_dir()


def default_spool_dir() -> Path:
    """``~/.tora/spool``."""
    return Path.home() / ".tora" / "spool"


def normalize_url(url: str) -> str:
    """The base URL without a trailing slash; only http and https are accepted."""
    if not isinstance(url, str):
        raise ToraConfigurationError(f"server_url must be a string, got {type(url).__name__}")
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ToraConfigurationError(
            f"server_url must look like http://host:port/api (from the argument or TORA_BASE_URL), got {url!r}"
        )
    try:
        parsed.port
    except ValueError as e:
        raise ToraConfigurationError(f"server_url has an invalid port: {url!r}") from e
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, parsed.path.rstrip("/"), "", ""))


def ui_url(server_url: str, experiment_id: str) -> str:
    """The experiment's page as the server would name it: the API URL without ``/api``."""
    base = server_url[:-4] if server_url.endswith("/api") else server_url
    return f"{base}/experiments/{experiment_id}"


def _env_number(name: str, default: float, minimum: float = 0.0) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ToraConfigurationError(f"{name} must be a number, got {raw!r}") from None
    if not minimum <= value < float("inf"):
        raise ToraConfigurationError(f"{name} must be at least {minimum:g}, got {raw!r}")
    return value


def _env_seconds(name: str, default: float, minimum: float = 0.0) -> float:
    return _env_number(name, default, minimum)
