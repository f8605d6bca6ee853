"""Character alignment between a normalised text and the caller's original string.

Normalisation may merge characters (NFD ``o`` + combining grave → ``ò``; mojibake ``Ã¡`` → ``á``), drop
them (zero-width spaces) or collapse them (runs of spaces). :class:`Alignment` remembers, for every
character of the derived text, the half-open range of original characters it came from, so any span
found in the normalised text maps back to exact offsets in the original.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

Edit = tuple[int, int, str]
"""Replace ``text[start:end]`` by the string (which may be empty)."""


@dataclass(frozen=True)
class Alignment:
    """For each derived character ``i``: it came from ``source[src_start[i]:src_end[i]]``.

    The identity alignment stores no arrays, so text that needs no length-changing repair costs
    no memory.

    >>> text, al = apply_edits("a  b", [(1, 3, " ")])
    >>> text, al.to_source(0, 3)
    ('a b', (0, 4))
    """

    source_length: int
    src_start: np.ndarray | None = None
    src_end: np.ndarray | None = None

    @property
    def is_identity(self) -> bool:
        return self.src_start is None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the derived half-open span ``[start, end)`` to the original text."""
        if self.src_start is None or self.src_end is None:
            return start, end
        n = len(self.src_start)
        if start >= end:
            pos = int(self.src_start[start]) if start < n else self.source_length
            return pos, pos
        return int(self.src_start[start]), int(self.src_end[end - 1])

    def then(self, inner: Alignment) -> Alignment:
        """Compose: ``self`` maps text1 → source, ``inner`` maps text2 → text1; result maps text2 → source."""
        if inner.is_identity:
            return self
        assert inner.src_start is not None and inner.src_end is not None
        if self.is_identity:
            return Alignment(self.source_length, inner.src_start, inner.src_end)
        assert self.src_start is not None and self.src_end is not None
        return Alignment(
            self.source_length,
            self.src_start[inner.src_start],
            self.src_end[inner.src_end - 1],
        )


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, Alignment]:
    """Apply sorted, non-overlapping edits and return the new text with its alignment to ``text``."""
    edits = list(edits)
    if not edits:
        return text, Alignment(len(text))
    parts: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0
    dtype = np.int32 if len(text) < 2**31 - 1 else np.int64
    for start, end, replacement in edits:
        if start < pos or end < start:
            raise ValueError("edits must be sorted and must not overlap")
        if pos < start:
            parts.append(text[pos:start])
            starts.append(np.arange(pos, start, dtype=dtype))
            ends.append(np.arange(pos + 1, start + 1, dtype=dtype))
        if replacement:
            parts.append(replacement)
            starts.append(np.full(len(replacement), start, dtype=dtype))
            ends.append(np.full(len(replacement), end, dtype=dtype))
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        starts.append(np.arange(pos, len(text), dtype=dtype))
        ends.append(np.arange(pos + 1, len(text) + 1, dtype=dtype))
    empty = np.zeros(0, dtype=dtype)
    return "".join(parts), Alignment(
        len(text),
        np.concatenate(starts) if starts else empty,
        np.concatenate(ends) if ends else empty,
    )
