"""Bag-of-n-grams views of a text: syllable n-grams or character n-grams, sublinear TF-IDF, unit rows.

Texts are read in one form whatever their source: Unicode NFC, one tone-mark placement (``hoà`` = ``hòa``)
and lower case (:func:`prepare`). A fitted :class:`NgramView` is plain data (its vocabulary and IDF
weights), so a saved model transforms texts exactly as the model that was fitted. Fitting uses
scikit-learn; a fitted view reads texts without it (:meth:`NgramView.row`, the same n-grams as
scikit-learn's analyzers), so predicting does not pay scikit-learn's second-long import.

>>> view, matrix = NgramView.fit(["Giá vàng tăng", "Giá xăng giảm"], "word", (1, 2))
>>> view.vocabulary[:3], matrix.shape
(['giá', 'giá vàng', 'giá xăng'], (2, 9))
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..text.tones import canonical_tone_placement

ANALYZERS = ("word", "char_wb")
TOKEN_PATTERN = r"(?u)\b\w+\b"  # every syllable, one-letter ones included ("ở", "và" … carry topic signal)


def prepare(text: str) -> str:
    """The form n-grams are taken from: NFC, canonical tone placement, lower case.

    >>> prepare("Sức khoẻ")
    'sức khỏe'
    """
    return canonical_tone_placement(unicodedata.normalize("NFC", text)).lower()


_TOKEN = re.compile(TOKEN_PATTERN)
_WHITE_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """The syllable n-grams of ``text`` (prepared), as scikit-learn's ``analyzer="word"`` lists them.

    >>> word_ngrams("Giá vàng tăng", (1, 2))
    ['giá', 'vàng', 'tăng', 'giá vàng', 'vàng tăng']
    """
    tokens = _TOKEN.findall(prepare(text))
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """The character n-grams inside the words of ``text`` (prepared, each word padded with a space), as
    scikit-learn's ``analyzer="char_wb"`` lists them.

    >>> char_ngrams("Giá", (2, 3))
    [' g', 'gi', 'iá', 'á ', ' gi', 'giá', 'iá ']
    """
    low, high = ngram_range
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", prepare(text)).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
            if len(padded) <= n:  # a short word is counted once, at its first length
                break
    return grams


def _vectorizer(analyzer: str, ngram_range: tuple[int, int], **options: Any) -> Any:
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer=analyzer,
        ngram_range=ngram_range,
        preprocessor=prepare,
        lowercase=False,
        token_pattern=TOKEN_PATTERN if analyzer == "word" else None,
        dtype=np.float32,
        **options,
    )


@dataclass
class NgramView:
    """Sublinear TF-IDF (``(1 + log tf) * idf``, rows L2-normalised) over a fixed n-gram vocabulary.

    Attributes:
        analyzer: ``"word"`` (syllable n-grams) or ``"char_wb"`` (character n-grams inside words).
        ngram_range: smallest and largest n.
        vocabulary: the n-grams, in column order.
        idf: smoothed inverse document frequency of each column, ``log((1 + n) / (1 + df)) + 1``.
    """

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: list[str]
    idf: np.ndarray
    _counter: Any = field(default=None, init=False, repr=False, compare=False)
    _index: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        analyzer: str,
        ngram_range: tuple[int, int],
        min_df: int = 1,
        max_features: int | None = None,
    ) -> tuple[NgramView, Any]:
        """Learn the vocabulary (n-grams in at least ``min_df`` texts, the ``max_features`` most frequent)
        and IDF weights from ``texts``; return the view and the texts' TF-IDF matrix.

        Raises:
            ValueError: an unknown analyzer, or no n-gram passes ``min_df``.
        """
        if analyzer not in ANALYZERS:
            raise ValueError(f"analyzer must be one of {ANALYZERS}, not {analyzer!r}")
        counter = _vectorizer(analyzer, ngram_range, min_df=min(min_df, len(texts)), max_features=max_features)
        try:
            counts = counter.fit_transform(texts)
        except ValueError as err:  # sklearn: "After pruning, no terms remain"
            raise ValueError(f"no {analyzer} n-gram occurs in {min_df} texts; lower min_df") from err
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        idf = (np.log((1 + counts.shape[0]) / (1 + df)) + 1).astype(np.float32)
        view = cls(analyzer, tuple(ngram_range), counter.get_feature_names_out().tolist(), idf)  # type: ignore[arg-type]
        return view, view._weigh(counts)

    def transform(self, texts: Sequence[str]) -> Any:
        """The TF-IDF matrix of ``texts`` (``scipy.sparse`` CSR, float32, one unit row per text)."""
        if self._counter is None:
            self._counter = _vectorizer(
                self.analyzer, self.ngram_range, vocabulary={term: i for i, term in enumerate(self.vocabulary)}
            )
        return self._weigh(self._counter.transform(texts))

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's TF-IDF row as ``(columns, values)`` (unit norm), computed without scikit-learn; the
        same numbers as a row of :meth:`transform`.

        >>> view, _ = NgramView.fit(["Giá vàng tăng", "Giá xăng giảm"], "word", (1, 2))
        >>> columns, values = view.row("giá vàng")
        >>> [view.vocabulary[c] for c in columns], round(float((values ** 2).sum()), 4)
        (['giá', 'vàng', 'giá vàng'], 1.0)
        """
        if self._index is None:
            self._index = {term: i for i, term in enumerate(self.vocabulary)}
        grams = word_ngrams(text, self.ngram_range) if self.analyzer == "word" else char_ngrams(text, self.ngram_range)
        index = self._index
        counts = Counter(column for gram in grams if (column := index.get(gram)) is not None)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self.idf[columns]
        norm = float(np.sqrt(np.dot(values, values)))
        return columns, values / np.float32(norm) if norm > 0 else values

    def _weigh(self, counts: Any) -> Any:
        from sklearn.preprocessing import normalize

        matrix = counts.tocsr().astype(np.float32)
        matrix.data = (1 + np.log(matrix.data)) * self.idf[matrix.indices]
        return normalize(matrix, copy=False)
