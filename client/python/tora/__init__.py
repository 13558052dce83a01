"""Tora's Python client: log metrics from training code without slowing it down.

>>> import tora
>>> tora.setup("my-experiment", hyperparams={"lr": 3e-4})
>>> tora.log("loss", 0.25, step=1)

or, with an explicit run::

    with tora.Tora.create_experiment("my-experiment") as run:
        run.log("loss", 0.25, step=1)

Points are buffered in memory and sent by a background thread; what cannot be delivered is
kept on disk and sent later by the next run or by ``tora sync``.
"""

from ._client import Tora
from ._exceptions import (
    ConflictError,
    NotFoundError,
    ToraConfigurationError,
    ToraError,
    ToraServiceError,
    UnauthorizedError,
    ValidationError,
)
from ._global import (
    flush,
    get_experiment_id,
    get_experiment_url,
    is_initialized,
    log,
    log_metrics,
    setup,
    shutdown,
    tlog,
)

__version__ = "0.1.0"

__all__ = [
    "ConflictError",
    "NotFoundError",
    "Tora",
    "ToraConfigurationError",
    "ToraError",
    "ToraServiceError",
    "UnauthorizedError",
    "ValidationError",
    "flush",
    "get_experiment_id",
    "get_experiment_url",
    "is_initialized",
    "log",
    "log_metrics",
    "setup",
    "shutdown",
    "tlog",
]
