"""Which syllables of an article its summary is likely to use, and the ROUGE-1 a candidate summary can expect.

Every distinct syllable of the body gets features — how often and how early the article uses it, in how
many sentences and in how relevant ones (their TF-IDF similarity to the title), whether and where the
title has it (alone or in a title bigram), its IDF — and a logistic model,
trained on VietNews sapos, gives the probability that the newspaper's summary contains it. A candidate
summary covering the distinct syllables ``S`` with ``n`` syllables in all then expects a ROUGE-1 F1 of
``2 · Σ_{w ∈ S} p(w) / (n + reference_length)``: coverage of likely words, paid for by length.

>>> from vnnews_nlp.summarize.tfidf import SyllableIdf
>>> table = syllable_table([["hội", "nghị", "tổng", "kết"], ["trời", "mưa"]], ["hội", "nghị"], SyllableIdf({}, 1.0))
>>> table.vocabulary[:3], table.matrix.shape
(['hội', 'nghị', 'tổng'], (6, 21))
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from ..linear import LinearModel
from .tfidf import SyllableIdf

_DIGIT = re.compile(r"\d")

SYLLABLE_FEATURES: tuple[str, ...] = (
    "log_count",
    "share_percent",
    "idf",
    "log_title_count",
    "in_title",
    "first_relative_position",
    "first_inverse_position",
    "sentence_share",
    "log_count_first_two",
    "log_title_bigram_hits",
    "has_digit",
    "log_sentences",
    "idf_in_title",
    "log_count_idf",
    "log_position_weighted_count",
    "title_similarity_sum",
    "title_similarity_max",
    "in_first_sentence",
    "title_inverse_position",
    "log_article_syllables",
    "article_similarity_max",
)


@dataclass
class SyllableTable:
    """The distinct syllables of an article's sentences, their features, and where they occur.

    Attributes:
        vocabulary: the distinct syllables, in order of first appearance.
        matrix: one row of :data:`SYLLABLE_FEATURES` per syllable of ``vocabulary``.
        occurrences: per sentence, the sorted indices (into ``vocabulary``) of its distinct syllables.
    """

    vocabulary: list[str]
    matrix: np.ndarray
    occurrences: list[np.ndarray]


def syllable_table(
    token_lists: list[list[str]],
    title_tokens: list[str],
    idf: SyllableIdf,
    title_similarity: np.ndarray | None = None,
    article_similarity: np.ndarray | None = None,
) -> SyllableTable:
    """Features of every distinct syllable in ``token_lists`` (one list of syllables per sentence).

    Args:
        token_lists: the sentences' syllables (:func:`~vnnews_nlp.evaluate.syllables`).
        title_tokens: the title's syllables (empty without a title).
        idf: syllable IDF weights.
        title_similarity, article_similarity: each sentence's TF-IDF cosine with the title and with the
            whole article (zeros when not given).
    """
    count = len(token_lists)
    title_similarity = np.zeros(count) if title_similarity is None else title_similarity
    article_similarity = np.zeros(count) if article_similarity is None else article_similarity
    index: dict[str, int] = {}
    ids = np.array([index.setdefault(t, len(index)) for tokens in token_lists for t in tokens], dtype=np.int64)
    size = len(index)
    vocabulary = list(index)
    owner = np.repeat(np.arange(count), [len(tokens) for tokens in token_lists])
    frequency = np.bincount(ids, minlength=size).astype(np.float64)
    first = np.zeros(size, dtype=np.float64)
    first[ids[::-1]] = owner[::-1]  # the last write per syllable is its first occurrence
    pairs = np.unique(owner * size + ids)  # (sentence, syllable) once each, sorted by sentence
    holder, present = (pairs // size, pairs % size) if size else (pairs, pairs)
    sentences_with = np.bincount(present, minlength=size)
    opening = np.bincount(ids[owner < 2], minlength=size)
    title_frequency = np.zeros(size)
    title_position = np.zeros(size)
    for position, token in enumerate(title_tokens):
        if token in index:
            title_frequency[index[token]] += 1
            if title_position[index[token]] == 0:
                title_position[index[token]] = 1.0 / (1.0 + position)
    position_weighted = np.bincount(present, weights=1.0 / (1.0 + holder), minlength=size)
    title_sum = np.bincount(present, weights=title_similarity[holder], minlength=size)
    title_max = np.zeros(size)
    np.maximum.at(title_max, present, title_similarity[holder])
    article_max = np.zeros(size)
    np.maximum.at(article_max, present, article_similarity[holder])
    in_first = np.zeros(size)
    in_first[present[holder == 0]] = 1.0
    occurrences = np.split(present, np.searchsorted(holder, np.arange(1, count))) if count else []
    title_bigrams = {
        index[a] * size + index[b]
        for a, b in zip(title_tokens, title_tokens[1:], strict=False)
        if a in index and b in index
    }
    same_sentence = owner[1:] == owner[:-1]
    bigram_codes = ids[:-1] * size + ids[1:]
    hit = same_sentence & np.isin(bigram_codes, np.fromiter(title_bigrams, dtype=np.int64, count=len(title_bigrams)))
    bigram_hits = np.bincount(ids[:-1][hit], minlength=size) + np.bincount(ids[1:][hit], minlength=size)
    known, unseen = idf.weights, idf.unseen
    weights = np.array([known.get(t, unseen) for t in vocabulary], dtype=np.float64)
    in_title = (title_frequency > 0).astype(np.float64)
    log_count = np.log1p(frequency)
    columns = [
        log_count,
        100.0 * frequency / max(len(ids), 1),
        weights,
        np.log1p(title_frequency),
        in_title,
        first / max(count - 1, 1),
        1.0 / (1.0 + first),
        sentences_with / max(count, 1),
        np.log1p(opening),
        np.log1p(bigram_hits),
        np.array([not t.isalpha() and _DIGIT.search(t) is not None for t in vocabulary], dtype=np.float64),
        np.full(size, math.log1p(count)),
        weights * in_title,
        log_count * weights,
        np.log1p(position_weighted),
        title_sum,
        title_max,
        in_first,
        title_position,
        np.full(size, math.log1p(len(ids))),
        article_max,
    ]
    matrix = np.column_stack(columns) if size else np.zeros((0, len(SYLLABLE_FEATURES)))
    return SyllableTable(vocabulary, matrix, occurrences)


def expected_rouge1(
    occurrences: list[np.ndarray],
    probabilities: np.ndarray,
    lengths: np.ndarray,
    sets: np.ndarray,
    reference_length: float,
) -> np.ndarray:
    """Expected ROUGE-1 F1 of each set of sentences (a row of ``sets``) against an unseen summary.

    Args:
        occurrences: per sentence, the indices of its distinct syllables (:attr:`SyllableTable.occurrences`).
        probabilities: per syllable of the vocabulary, the probability that the summary uses it.
        lengths: syllables per sentence.
        sets: sentence indices, one candidate summary per row.
        reference_length: the summary's expected length in syllables.
    """
    pool, local = np.unique(sets, return_inverse=True)
    local = local.reshape(sets.shape)
    presence = np.zeros((len(pool), len(probabilities)), dtype=bool)
    for row, sentence in enumerate(pool):
        presence[row, occurrences[sentence]] = True
    covered = presence[local].any(axis=1) @ probabilities
    return 2.0 * covered / (lengths[sets].sum(axis=1) + reference_length)


@dataclass
class CoverageModel:
    """The learned half of this module: a logistic model over :data:`SYLLABLE_FEATURES` and the
    expected length of a summary.

    Attributes:
        model: logistic regression (a :class:`~vnnews_nlp.linear.LinearModel` of logits).
        reference_length: mean syllables of the training summaries.
    """

    model: LinearModel
    reference_length: float

    def probabilities(self, table: SyllableTable) -> np.ndarray:
        """Per syllable of ``table.vocabulary``, the probability that the summary uses it."""
        if not len(table.vocabulary):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.model.predict(table.matrix)))
