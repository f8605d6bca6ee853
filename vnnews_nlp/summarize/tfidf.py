"""Syllable IDF weights for TF-IDF similarities (Vietnamese writes one syllable per space-separated unit).

>>> idf = SyllableIdf.fit([["hội", "nghị"], ["hội", "thi"]])
>>> idf.weight("nghị") > idf.weight("hội"), idf.weight("chưa-gặp") == idf.unseen
(True, True)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


class SyllableIdf:
    """Smoothed inverse document frequency per lower-cased syllable: ``log((N + 1) / (df + 1)) + 1``.

    Args:
        weights: syllable → IDF.
        unseen: the IDF of a syllable not in ``weights`` (that of a syllable seen once).
    """

    def __init__(self, weights: dict[str, float], unseen: float) -> None:
        self.weights = weights
        self.unseen = unseen

    @classmethod
    def fit(cls, documents: Iterable[list[str]], min_df: int = 1) -> SyllableIdf:
        """Count document frequencies over ``documents`` (lists of syllables); keep those seen ``min_df`` times."""
        frequencies: Counter[str] = Counter()
        total = 0
        for tokens in documents:
            total += 1
            frequencies.update(set(tokens))
        weights = {t: round(math.log((total + 1) / (df + 1)) + 1, 4) for t, df in frequencies.items() if df >= min_df}
        return cls(weights, unseen=round(math.log((total + 1) / 2) + 1, 4))

    def weight(self, syllable: str) -> float:
        return self.weights.get(syllable, self.unseen)

    def to_dict(self) -> dict[str, Any]:
        return {"unseen": self.unseen, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SyllableIdf:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["unseen"]))


@dataclass
class SparseRows:
    """Unit TF-IDF rows kept sparse (column indices and weights per row), so that a very long text costs
    memory in proportion to its words, not to its sentences times its vocabulary.

    Attributes:
        indices: per row, the columns (syllables of the text's vocabulary) it uses.
        values: per row, their weights (each row has unit norm, or is all zero).
        width: the vocabulary size.
    """

    indices: list[np.ndarray]
    values: list[np.ndarray]
    width: int

    def __len__(self) -> int:
        return len(self.indices)

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """Each row's dot product with a dense vector of the same vocabulary."""
        return np.array([float(v @ vector[i]) for i, v in zip(self.indices, self.values, strict=True)])

    def dense(self, rows: Sequence[int] | np.ndarray | None = None) -> np.ndarray:
        """The chosen rows (all by default) as a dense matrix."""
        chosen = range(len(self)) if rows is None else rows
        out = np.zeros((len(chosen), self.width))
        for k, row in enumerate(chosen):
            out[k, self.indices[row]] = self.values[row]
        return out


def _unit_weights(columns: np.ndarray, counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    weights = (1.0 + np.log(counts)) * idf[columns]
    norm = float(np.linalg.norm(weights))
    return weights / norm if norm > 0 else weights


def tfidf_vectors(
    token_lists: list[list[str]], title_tokens: list[str], idf: SyllableIdf
) -> tuple[SparseRows, np.ndarray, np.ndarray]:
    """Unit TF-IDF rows (sublinear tf) of ``token_lists`` over their own vocabulary, and the dense unit
    vectors of the title (the whole text's when ``title_tokens`` is empty) and of the whole text.

    >>> rows, title, whole = tfidf_vectors([["hội", "nghị"], ["bóng", "đá"]], ["hội", "nghị"], SyllableIdf({}, 1.0))
    >>> [round(float(x), 3) for x in rows.dot(title)]
    [1.0, 0.0]
    """
    vocabulary: dict[str, int] = {}
    ids = np.array([vocabulary.setdefault(t, len(vocabulary)) for tokens in token_lists for t in tokens], np.int64)
    title_ids = np.array([vocabulary.setdefault(t, len(vocabulary)) for t in title_tokens], np.int64)
    width = len(vocabulary)
    known, unseen = idf.weights, idf.unseen
    weights = np.array([known.get(t, unseen) for t in vocabulary], dtype=np.float64)
    owner = np.repeat(np.arange(len(token_lists)), [len(tokens) for tokens in token_lists])
    pairs, counts = np.unique(owner * width + ids, return_counts=True)  # sorted by sentence, then column
    holder, columns = (pairs // width, pairs % width) if width else (pairs, pairs)
    values = (1.0 + np.log(counts)) * weights[columns]
    norms = np.sqrt(np.bincount(holder, weights=values * values, minlength=len(token_lists)))
    values = values / np.where(norms > 0, norms, 1.0)[holder]
    bounds = np.searchsorted(holder, np.arange(1, len(token_lists)))
    indices = np.split(columns, bounds) if len(token_lists) else []
    rows = SparseRows(indices, np.split(values, bounds) if len(token_lists) else [], width)

    def dense(token_ids: np.ndarray) -> np.ndarray:
        vector = np.zeros(width)
        if len(token_ids):
            present, repeats = np.unique(token_ids, return_counts=True)
            vector[present] = _unit_weights(present, repeats, weights)
        return vector

    whole = dense(ids)
    title = dense(title_ids) if title_tokens else whole
    return rows, title, whole
