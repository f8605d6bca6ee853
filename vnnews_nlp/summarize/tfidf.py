"""Syllable IDF weights for TF-IDF similarities (Vietnamese writes one syllable per space-separated unit).

>>> idf = SyllableIdf.fit([["hội", "nghị"], ["hội", "thi"]])
>>> idf.weight("nghị") > idf.weight("hội"), idf.weight("chưa-gặp") == idf.unseen
(True, True)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any


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
