"""Requests waiting to be delivered, and the columnar encoding of metric points.

The sender turns buffered ``Points`` into ``Pending`` requests of at most 10,000 points and
4 MiB, each with its own batch id, which stays the same across retries and in the spool.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ._buffer import Points

MAX_POINTS_PER_BATCH = 10_000
MAX_BODY_BYTES = 4 * 1024 * 1024 - 64 * 1024  # the server's 4 MiB, with room to spare

_NON_FINITE = re.compile(r"-?Infinity|NaN")


@dataclass(eq=False)
class Pending:
    """One request, in the order it must reach the server, with its body already encoded. The
    body is dropped from memory once the request is written to the spool (``spool_path``)."""

    kind: str  # create | metrics | update | add_tags | reference
    method: str
    path: str
    experiment_id: str
    body: Optional[bytes] = None
    n_points: int = 0
    batch_id: Optional[str] = None
    created_at: float = field(default_factory=time.time)
    seq: int = 0
    attempts: int = 0
    last_error: Optional[dict[str, Any]] = None
    spool_path: Optional[Path] = None
    done: bool = False


def new_batch_id() -> str:
    return str(uuid.uuid4())


def metrics_requests(experiment_id: str, points: Points) -> list[Pending]:
    """Metric batches for ``points``, in order: at most 10,000 points and 4 MiB each, each with
    a fresh batch id."""
    out: list[Pending] = []
    for i in range(0, len(points), MAX_POINTS_PER_BATCH):
        _encode_into(experiment_id, points.slice(i, i + MAX_POINTS_PER_BATCH), out)
    return out


def _encode_into(experiment_id: str, points: Points, out: list[Pending]) -> None:
    batch_id = new_batch_id()
    body = encode_batch(batch_id, points)
    if len(body) > MAX_BODY_BYTES and len(points) > 1:  # large point metadata or long names
        half = len(points) // 2
        _encode_into(experiment_id, points.slice(0, half), out)
        _encode_into(experiment_id, points.slice(half, len(points)), out)
        return
    out.append(
        Pending(
            kind="metrics",
            method="POST",
            path=f"/experiments/{experiment_id}/metrics/batch",
            experiment_id=experiment_id,
            body=body,
            n_points=len(points),
            batch_id=batch_id,
        )
    )


def json_request(kind: str, method: str, path: str, experiment_id: str, body: dict[str, Any]) -> Pending:
    """A request with a small JSON body (create, update, tags, reference)."""
    return Pending(kind=kind, method=method, path=path, experiment_id=experiment_id, body=dumps(body))


def dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), allow_nan=False).encode("utf-8")


def encode_batch(batch_id: str, points: Points) -> bytes:
    """The server's columnar batch: ``{"batch_id", "series": [{name, steps, values, timestamps,
    metadata?}]}``; NaN and the infinities become the strings "NaN", "Infinity", "-Infinity"."""
    names = points.names
    groups: dict[str, Optional[list[int]]]
    first = names[0]
    if names.count(first) == len(names):
        groups = {first: None}
    else:
        groups = {}
        for i, name in enumerate(names):
            idx = groups.get(name)
            if idx is None:
                groups[name] = [i]
            else:
                idx.append(i)
    metas = points.metas
    parts = []
    for name, idx in groups.items():
        if idx is None:
            values, steps, stamps = points.values, points.steps, points.stamps
        else:
            values = [points.values[i] for i in idx]
            steps = [points.steps[i] for i in idx]
            stamps = [points.stamps[i] for i in idx]
        values_text = json.dumps(values)
        if "N" in values_text or "I" in values_text:
            values_text = _NON_FINITE.sub(r'"\g<0>"', values_text)
        part = (
            '{"name":' + json.dumps(name)
            + ',"steps":' + json.dumps(steps)
            + ',"values":' + values_text
            + ',"timestamps":' + json.dumps([int(t * 1000.0) for t in stamps])
        )
        if metas:
            rows = range(len(names)) if idx is None else idx
            texts = [metas.get(i) for i in rows]
            if any(t is not None for t in texts):
                part += ',"metadata":[' + ",".join("null" if t is None else t for t in texts) + "]"
        parts.append(part + "}")
    return ('{"batch_id":' + json.dumps(batch_id) + ',"series":[' + ",".join(parts) + "]}").encode("utf-8")
