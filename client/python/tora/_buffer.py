"""Where logged points wait: preallocated columns, so that logging a point allocates nothing.

The hot path writes a point into the next row of fixed-size columns (a list of names, arrays of
values, steps and times); the memory was allocated and touched beforehand, off the hot path.
Full columns are handed to the sender, which reads them out as ``Points`` (plain lists) for
encoding.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Optional

AUTO_STEP = -1  # in the steps column: the server assigns the series' last step + 1
CAPACITY = 16_384  # rows per set of columns (about 512 KiB)


class Columns:
    """One set of preallocated columns; rows ``[0, n)`` are filled."""

    __slots__ = ("names", "values", "steps", "stamps", "metas", "n")

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.names: list[Optional[str]] = [None] * capacity
        self.values = array("d", bytes(8 * capacity))
        self.steps = array("q", [AUTO_STEP]) * capacity
        self.stamps = array("d", bytes(8 * capacity))
        self.metas: Optional[dict[int, str]] = None  # row -> metadata JSON text (rare)
        self.n = 0


@dataclass
class Points:
    """Points as plain lists, ready to encode; ``metas`` maps a position to metadata JSON."""

    names: list[str]
    values: list[float]
    steps: list[Optional[int]]
    stamps: list[float]  # seconds since the epoch
    metas: Optional[dict[int, str]] = None

    def __len__(self) -> int:
        return len(self.names)

    def slice(self, start: int, end: int) -> Points:
        metas = None
        if self.metas:
            metas = {i - start: m for i, m in self.metas.items() if start <= i < end} or None
        return Points(self.names[start:end], self.values[start:end], self.steps[start:end], self.stamps[start:end], metas)

    @classmethod
    def of(cls, rows: list[tuple[str, float, Optional[int], float, Optional[str]]]) -> Points:
        """From ``(name, value, step, time_s, metadata_json)`` rows (for tests and tools)."""
        metas = {i: r[4] for i, r in enumerate(rows) if r[4] is not None} or None
        return cls([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows], metas)


class Staging:
    """Filled columns taken from the hot path, read out in order, a batch at a time."""

    def __init__(self) -> None:
        self._segments: list[list[object]] = []  # [columns, start, end]
        self.count = 0

    def add(self, columns: Columns) -> None:
        if columns.n:
            self._segments.append([columns, 0, columns.n])
            self.count += columns.n

    def peek(self, limit: int) -> Points:
        """The first ``limit`` points (or all), without taking them."""
        names: list[str] = []
        values: list[float] = []
        steps: list[Optional[int]] = []
        stamps: list[float] = []
        metas: dict[int, str] = {}
        for cols, start, end in self._segments:
            assert isinstance(cols, Columns) and isinstance(start, int) and isinstance(end, int)
            take = min(end - start, limit - len(names))
            if take <= 0:
                break
            stop = start + take
            offset = len(names)
            names.extend(cols.names[start:stop])  # type: ignore[arg-type]
            values.extend(cols.values[start:stop].tolist())
            col_steps = cols.steps[start:stop]
            if AUTO_STEP not in col_steps:
                steps.extend(col_steps.tolist())
            elif col_steps.count(AUTO_STEP) == take:
                steps.extend([None] * take)
            else:
                steps.extend([None if s == AUTO_STEP else s for s in col_steps])
            stamps.extend(cols.stamps[start:stop].tolist())
            if cols.metas:
                metas.update({offset + i - start: m for i, m in cols.metas.items() if start <= i < stop})
        return Points(names, values, steps, stamps, metas or None)

    def drop(self, count: int) -> None:
        """Forgets the first ``count`` points (after they were queued as requests)."""
        self.count -= count
        while count:
            segment = self._segments[0]
            start, end = segment[1], segment[2]
            assert isinstance(start, int) and isinstance(end, int)
            if end - start <= count:
                count -= end - start
                self._segments.pop(0)
            else:
                segment[1] = start + count
                count = 0
