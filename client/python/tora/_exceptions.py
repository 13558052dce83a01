"""The exceptions of the Tora client.

::

    ToraError
     +-- ToraConfigurationError       (also a ValueError) bad server URL, bad TORA_* variable
     +-- ToraServiceError             the server answered with an error (status, code, details)
          +-- ValidationError         400, 413: the server refused a field or a size
          +-- UnauthorizedError       401, 403: missing, wrong or insufficient API key
          +-- NotFoundError           404: no such experiment (or not visible to this key)
          +-- ConflictError           409: e.g. an experiment id already used by another name

Only calls made while setting a run up (``Tora.create_experiment``, ``Tora(...)``) raise
these. Misuse at a call (a bad metric name or value) raises ``TypeError`` or ``ValueError``.
Delivery problems during a run are logged on the ``tora`` logger and retried or spooled to
disk; they are never raised into the training loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "ConflictError",
    "NotFoundError",
    "ToraConfigurationError",
    "ToraError",
    "ToraServiceError",
    "UnauthorizedError",
    "ValidationError",
]


class ToraError(Exception):
    """Base class of every error the Tora client raises on purpose."""


class ToraConfigurationError(ToraError, ValueError):
    """The client's configuration (an argument or a ``TORA_*`` variable) is not usable."""


class ToraServiceError(ToraError):
    """The server answered a request with an error."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.details: dict[str, Any] = dict(details or {})

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        return f"{self.status}{code}: {self.message}"


class ValidationError(ToraServiceError):
    """The server refused a field (400) or a size (413)."""


class UnauthorizedError(ToraServiceError):
    """The API key is missing, wrong or lacks the permission (401, 403)."""


class NotFoundError(ToraServiceError):
    """The experiment (or workspace) does not exist or is not visible to this key (404)."""


class ConflictError(ToraServiceError):
    """The request conflicts with the server's state (409)."""


def service_error(status: int, code: str | None, message: str, details: Mapping[str, Any] | None) -> ToraServiceError:
    """The exception for an error answer of the server."""
    kind: type[ToraServiceError]
    if status in (400, 413, 422):
        kind = ValidationError
    elif status in (401, 403):
        kind = UnauthorizedError
    elif status == 404:
        kind = NotFoundError
    elif status == 409:
        kind = ConflictError
    else:
        kind = ToraServiceError
    return kind(message, status=status, code=code, details=details)
