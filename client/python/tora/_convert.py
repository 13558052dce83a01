"""Checks and conversions of what users pass in, done at the call so that mistakes surface there.

The limits mirror the server's (metric names, tags, hyperparameter keys, metadata sizes), so
that a batch the client accepted is not refused later, far from the line that caused it.
numpy and torch are recognised by duck typing and never imported here.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Union

JsonScalar = Union[str, int, float, bool, None]

MAX_METRIC_NAME = 250
MAX_STEP_EXCLUSIVE = 1 << 53
MAX_POINT_METADATA_BYTES = 4096
MAX_EXPERIMENT_NAME = 255
MAX_DESCRIPTION = 65_535
MAX_TAG = 64
MAX_TAGS = 100
MAX_METADATA_BYTES = 64 * 1024
MAX_PARAM_KEY = 250
MAX_PARAM_VALUE = 8192
MAX_PARAMS = 5000

# ISO control characters (as Java's Character.isISOControl) and lone surrogates.
_NOT_PRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same, but tabs and line breaks are fine in free text.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def metric_name(name: object) -> str:
    """A metric name: 1 to 250 characters, no control characters."""
    if not isinstance(name, str):
        raise TypeError(f"a metric name must be a str, got {type(name).__name__}")
    return _name(name, "metric name", MAX_METRIC_NAME, blank_ok=True)


def metric_value(value: object) -> float:
    """A metric value as a float: int, float, bool, numpy scalars and 0-d arrays, 0-d tensors.

    NaN and the infinities are kept: they are data (a diverging loss).
    """
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):  # bool is an int
        try:
            return float(value)
        except OverflowError:
            raise ValueError(f"metric value {value} is too large for a 64-bit float") from None
    kind = type(value)
    module = kind.__module__ or ""
    if module == "numpy" or module.startswith("numpy."):
        return _one_number(value, "numpy value")
    if module == "torch" or module.startswith("torch."):
        return _one_number(value, "tensor")
    if isinstance(value, (str, bytes, bytearray, complex)) or value is None:
        raise TypeError(f"a metric value must be a number, got {kind.__name__}: {value!r:.60}")
    to_float = getattr(kind, "__float__", None)
    if to_float is None:
        raise TypeError(f"a metric value must be a number, got {kind.__name__}")
    try:
        return float(value)  # type: ignore[arg-type]  # Decimal, Fraction, jax/tf scalars ...
    except (TypeError, ValueError, OverflowError) as e:
        raise ValueError(f"metric value {value!r:.60} cannot be read as a float: {e}") from None


def _one_number(value: Any, what: str) -> float:
    size = getattr(value, "size", None)
    if callable(size):  # torch: .size() is the shape, .numel() the count
        size = value.numel()
    if size is not None and size != 1:
        raise ValueError(f"a metric value must be a single number, got a {what} with {size} elements")
    try:
        item = value.item()
    except (AttributeError, TypeError, ValueError, RuntimeError) as e:
        raise TypeError(f"a metric value must be a number, got {type(value).__name__}: {e}") from None
    if isinstance(item, (bool, int, float)):
        return metric_value(item)
    raise TypeError(f"a metric value must be a real number, got a {what} holding {type(item).__name__}")


def step(value: object) -> int:
    """A step: an integer in [0, 2^53)."""
    if value.__class__ is not int:
        if isinstance(value, bool) or not hasattr(type(value), "__index__"):
            raise TypeError(f"step must be an int or None, got {type(value).__name__}")
        value = value.__index__()  # type: ignore[attr-defined]  # numpy ints, 0-d integer tensors
    assert isinstance(value, int)
    if not 0 <= value < MAX_STEP_EXCLUSIVE:
        raise ValueError(f"step must be between 0 and 2**53 - 1, got {value}")
    return value


def point_metadata(metadata: object) -> str:
    """A point's metadata as compact JSON text: a JSON-serialisable mapping of at most 4 KiB."""
    text = _json_object(metadata, "metadata")
    size = len(text.encode("utf-8"))
    if size > MAX_POINT_METADATA_BYTES:
        raise ValueError(f"metadata of a point is {size} bytes as JSON; at most {MAX_POINT_METADATA_BYTES}")
    return text


def experiment_metadata(metadata: object) -> dict[str, Any]:
    """An experiment's metadata: a JSON-serialisable mapping of at most 64 KiB."""
    text = _json_object(metadata, "metadata")
    size = len(text.encode("utf-8"))
    if size > MAX_METADATA_BYTES:
        raise ValueError(f"metadata is {size} bytes as JSON; at most {MAX_METADATA_BYTES}")
    result: dict[str, Any] = json.loads(text)
    return result


def _json_object(value: object, what: str) -> str:
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping (dict), got {type(value).__name__}")
    try:
        return json.dumps(dict(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise type(e)(f"{what} must be JSON-serialisable with finite numbers: {e}") from None


def experiment_name(name: object) -> str:
    """An experiment name: 1 to 255 characters, not blank, no control characters."""
    if not isinstance(name, str):
        raise TypeError(f"the experiment name must be a str, got {type(name).__name__}")
    return _name(name, "experiment name", MAX_EXPERIMENT_NAME)


def description(text: object) -> str:
    """A description: text of at most 65,535 characters (line breaks and tabs allowed)."""
    if not isinstance(text, str):
        raise TypeError(f"description must be a str, got {type(text).__name__}")
    if len(text) > MAX_DESCRIPTION:
        raise ValueError(f"description has {len(text)} characters; at most {MAX_DESCRIPTION}")
    bad = _NOT_TEXT.search(text)
    if bad:
        raise ValueError(f"description contains a control character at position {bad.start()}")
    return text


def tags(values: Iterable[object]) -> list[str]:
    """Tags: each 1 to 64 characters, not blank; duplicates dropped, order kept; at most 100."""
    if isinstance(values, (str, bytes)):
        raise TypeError("tags must be a list of strings, not a single string")
    out: dict[str, None] = {}
    for tag in values:
        if not isinstance(tag, str):
            raise TypeError(f"a tag must be a str, got {type(tag).__name__}")
        out[_name(tag, "tag", MAX_TAG)] = None
    if len(out) > MAX_TAGS:
        raise ValueError(f"{len(out)} distinct tags; at most {MAX_TAGS}")
    return list(out)


def experiment_id(value: object, what: str = "experiment_id") -> str:
    """An experiment (or workspace) id: a UUID, returned in canonical lower-case form."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a UUID string, got {type(value).__name__}")
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise ValueError(f"{what} must be a UUID such as 123e4567-e89b-12d3-a456-426614174000, got {value!r}") from None


def hyperparams(params: object) -> dict[str, JsonScalar]:
    """Flat hyperparameters from a mapping, argparse.Namespace, dataclass, or an object with
    ``model_dump()`` or ``to_dict()``. Nested keys become dotted (``optim.lr``); values that are
    not JSON scalars (lists, objects, NaN) are sent as their ``repr()``."""
    out: dict[str, JsonScalar] = {}
    _flatten(_as_mapping(params, top=True), "", out)
    if len(out) > MAX_PARAMS:
        raise ValueError(f"{len(out)} hyperparameters; at most {MAX_PARAMS}")
    return out


def _as_mapping(value: object, top: bool = False) -> Mapping[Any, Any] | None:
    if isinstance(value, Mapping):
        return value
    if isinstance(value, argparse.Namespace):
        return vars(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    for method in ("model_dump", "to_dict"):
        convert = getattr(value, method, None)
        if callable(convert) and not isinstance(value, type):
            result = convert()
            if isinstance(result, Mapping):
                return result
    if top:
        raise TypeError(
            "hyperparams must be a dict, argparse.Namespace, dataclass, or have model_dump()/to_dict(), "
            f"got {type(value).__name__}"
        )
    return None


def _flatten(mapping: Mapping[Any, Any] | None, prefix: str, out: dict[str, JsonScalar]) -> None:
    assert mapping is not None
    for raw_key, value in mapping.items():
        key = f"{prefix}{raw_key}"
        nested = _as_mapping(value) if not _is_scalar(value) else None
        if nested:
            _flatten(nested, key + ".", out)
            continue
        out[_name(key, "hyperparameter key", MAX_PARAM_KEY)] = _param_value(value, key)


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _param_value(value: object, key: str) -> JsonScalar:
    module = type(value).__module__ or ""
    if module == "numpy" and hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        value = value.item()  # type: ignore[attr-defined]
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else repr(float(value))
    if isinstance(value, str):
        if len(value) > MAX_PARAM_VALUE:
            raise ValueError(f"hyperparameter {key!r} is {len(value)} characters; at most {MAX_PARAM_VALUE}")
        bad = _NOT_TEXT.search(value)
        if bad:
            raise ValueError(f"hyperparameter {key!r} contains a control character at position {bad.start()}")
        return value
    text = repr(value)
    if len(text) > MAX_PARAM_VALUE:
        text = text[: MAX_PARAM_VALUE - 3] + "..."
    return text


def _name(value: str, what: str, limit: int, blank_ok: bool = False) -> str:
    if not value or (not blank_ok and value.isspace()):
        raise ValueError(f"{what} must not be empty or blank")
    if len(value) > limit:
        raise ValueError(f"{what} must be at most {limit} characters, got {len(value)}: {value[:40]!r}...")
    bad = _NOT_PRINTABLE.search(value)
    if bad:
        raise ValueError(f"{what} {value!r} contains a control character at position {bad.start()}")
    return value
