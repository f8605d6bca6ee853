"""Features of an article's sentences and of candidate summaries (sets of sentences).

Sentence features: position, length, TF-IDF similarity to the title and to the whole article,
directive cues, surface marks (dates, numbers, quotes) and, when sentence embeddings are given,
e5 similarity to the title (as a passage and as a query) and to the article's centroid.

Set features describe a candidate summary as a whole: the mean, best and worst sentence score, where
it starts, how long it is, how redundant its sentences are (the MMR term, with a learned weight), how
well the summed vectors of its sentences cover the title and the article, and the ROUGE-1 it can
expect from the syllables it covers (:mod:`.coverage`). They are computed for
every set at once with numpy, from the candidates' pairwise dot products.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..article import Article
from ..cues import cue_hits, starts_with_imperative
from ..evaluate import syllables
from ..spans import Sentence
from .coverage import CoverageModel, SyllableTable, expected_rouge1, syllable_table
from .tfidf import SparseRows, SyllableIdf, tfidf_vectors

LEXICAL_SENTENCE_FEATURES: tuple[str, ...] = (
    "relative_position",
    "inverse_position",
    "is_first",
    "is_second",
    "is_third",
    "in_first_paragraph",
    "log_length",
    "is_short",
    "is_long",
    "tfidf_title",
    "tfidf_article",
    "tfidf_title_centered",
    "tfidf_title_inverse_rank",
    "log_sentences",
    "request_cue",
    "task_cue",
    "starts_imperative",
    "past_cue",
    "has_date",
    "number_share",
    "capital_share",
    "has_quote",
    "ends_with_colon",
    "no_final_stop",
)
EMBEDDING_SENTENCE_FEATURES: tuple[str, ...] = (
    "e5_title",
    "e5_query",
    "e5_article",
    "e5_title_centered",
    "e5_query_centered",
    "e5_article_centered",
    "e5_title_inverse_rank",
    "e5_query_inverse_rank",
    "e5_article_inverse_rank",
)
LEXICAL_SET_FEATURES: tuple[str, ...] = (
    "score_mean",
    "score_max",
    "score_min",
    "first_inverse_position",
    "mean_relative_position",
    "log_length",
    "length_per_40",
    "length_gap_per_40",
    "size",
    "tfidf_redundancy",
    "tfidf_title",
    "tfidf_article",
    "directive_share",
    "expected_rouge1",
)
EMBEDDING_SET_FEATURES: tuple[str, ...] = ("e5_redundancy", "e5_title", "e5_query", "e5_article")

_DATE = re.compile(
    r"(?<!\w)(?:ngày|sáng|chiều|tối|trưa|đêm|tháng|quý)\s+(?:\d|qua|nay|hôm|mai)|\b\d{1,2}/\d{1,2}\b", re.IGNORECASE
)
_QUOTE = re.compile('["“”]')
_FINAL_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORD_WITH_DIGIT = re.compile(r"\S*\d\S*")
#: A word after the first that starts with a capital letter (any script of the Basic Multilingual Plane).
_CAPITALISED_WORD = re.compile(
    r"(?<=\S)\s+[" + "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper()) + "]"
)
_TARGET_LENGTH = 40.0  # syllables: a newspaper sapo runs 30 to 50


def _inverse_rank(values: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[np.argsort(-values, kind="stable")] = np.arange(len(values))
    return 1.0 / (1.0 + ranks)


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@dataclass
class ArticleFeatures:
    """Everything the scorer needs about one article's candidate sentences.

    Attributes:
        sentences: the candidate sentences (the article body's sentences, in order).
        lengths: syllables per sentence.
        words: space-separated words per sentence, as written (what ``max_words`` counts).
        matrix: sentence features, one row per sentence, columns named by :attr:`names`.
        names: the feature names.
        tfidf: unit TF-IDF rows per sentence (sparse, over the article's own vocabulary).
        tfidf_title: each sentence's TF-IDF cosine with the title (with the article if it has no title).
        tfidf_article: each sentence's TF-IDF cosine with the whole article.
        embeddings: unit sentence embeddings, or ``None`` in lexical mode.
        embedding_targets: unit embeddings of the title as passage, as query, and of the centroid.
        directive_like: whether each sentence carries a directive cue (a verb of asking, or a task
            marker with an imperative head, and no past marker).
        syllables: the distinct syllables of the sentences, with their features.
        syllable_probability: per syllable of ``syllables.vocabulary``, the probability that a summary
            uses it.
        reference_length: the expected length of a summary in syllables.
    """

    sentences: list[Sentence]
    lengths: np.ndarray
    words: np.ndarray
    matrix: np.ndarray
    names: tuple[str, ...]
    tfidf: SparseRows
    tfidf_title: np.ndarray
    tfidf_article: np.ndarray
    embeddings: np.ndarray | None
    embedding_targets: np.ndarray | None
    directive_like: np.ndarray
    syllables: SyllableTable
    syllable_probability: np.ndarray
    reference_length: float


def article_features(
    article: Article,
    idf: SyllableIdf,
    coverage: CoverageModel | None,
    embeddings: np.ndarray | None = None,
    title_embeddings: np.ndarray | None = None,
) -> ArticleFeatures:
    """Sentence features of ``article``'s body sentences.

    Args:
        article: the parsed article; its :attr:`~Article.sentences` are the candidates.
        idf: syllable IDF weights.
        coverage: the model of which syllables a summary uses; ``None`` (only while that model is being
            fitted on the :attr:`~ArticleFeatures.syllables` tables) leaves every probability at zero.
        embeddings: unit embeddings of ``article.sentences`` (``norm_text``, as passages), or ``None``
            for lexical features only.
        title_embeddings: unit embeddings of the title as a passage and as a query, shape ``(2, dim)``;
            ignored without ``embeddings``; the centroid stands in when the article has no title.
    """
    sentences = list(article.sentences)
    count = len(sentences)
    token_lists = [syllables(s.norm_text) for s in sentences]
    title_tokens = syllables(article.title.norm_text) if article.title is not None else []
    tfidf, title_vector, article_vector = tfidf_vectors(token_lists, title_tokens, idf)
    lengths = np.array([len(t) for t in token_lists], dtype=np.float64)
    words = np.array([len(s.text.split()) for s in sentences], dtype=np.int64)
    positions = np.arange(count, dtype=np.float64)
    title_similarity = tfidf.dot(title_vector)
    article_similarity = tfidf.dot(article_vector)
    hits = [cue_hits(s.norm_text) for s in sentences]
    columns: list[np.ndarray] = [
        positions / max(count - 1, 1),
        1.0 / (1.0 + positions),
        positions == 0,
        positions == 1,
        positions == 2,
        np.array([s.paragraph == sentences[0].paragraph for s in sentences]),
        np.log1p(lengths),
        lengths < 8,
        lengths > 60,
        title_similarity,
        article_similarity,
        title_similarity - title_similarity.mean(),
        _inverse_rank(title_similarity),
        np.full(count, math.log1p(count)),
        np.array([h.request for h in hits]),
        np.array([h.modal or h.future for h in hits]),
        np.array([starts_with_imperative(s.norm_text) for s in sentences]),
        np.array([h.past for h in hits]),
        np.array([_DATE.search(s.norm_text) is not None for s in sentences]),
        np.array([len(_WORD_WITH_DIGIT.findall(s.norm_text)) for s in sentences]) / np.maximum(words, 1),
        np.array([len(_CAPITALISED_WORD.findall(s.norm_text)) for s in sentences]) / np.maximum(words - 1, 1),
        np.array([_QUOTE.search(s.norm_text) is not None for s in sentences]),
        np.array([s.norm_text.rstrip().endswith(":") for s in sentences]),
        np.array([_FINAL_STOP.search(s.norm_text) is None for s in sentences]),
    ]
    names = LEXICAL_SENTENCE_FEATURES
    targets = None
    if embeddings is not None:
        if title_embeddings is None or article.title is None:
            centroid = _unit(embeddings.mean(axis=0))
            title_embeddings = np.stack([centroid, centroid])
        targets = np.stack([title_embeddings[0], title_embeddings[1], _unit(embeddings.mean(axis=0))])
        similarities = embeddings @ targets.T
        for k in range(3):
            columns.append(similarities[:, k])
        for k in range(3):
            columns.append(similarities[:, k] - similarities[:, k].mean())
        for k in range(3):
            columns.append(_inverse_rank(similarities[:, k]))
        names = names + EMBEDDING_SENTENCE_FEATURES
    matrix = np.column_stack([np.asarray(c, dtype=np.float64) for c in columns]) if count else np.zeros((0, len(names)))
    table = syllable_table(token_lists, title_tokens, idf, title_similarity, article_similarity)
    return ArticleFeatures(
        sentences=sentences,
        lengths=lengths,
        words=words,
        matrix=matrix,
        names=names,
        tfidf=tfidf,
        tfidf_title=title_similarity,
        tfidf_article=article_similarity,
        embeddings=embeddings,
        embedding_targets=targets,
        directive_like=np.array([h.directive_like for h in hits], dtype=bool),
        syllables=table,
        syllable_probability=coverage.probabilities(table) if coverage else np.zeros(len(table.vocabulary)),
        reference_length=coverage.reference_length if coverage else 0.0,
    )


def candidate_sets(candidates: list[int], max_size: int) -> list[np.ndarray]:
    """All sets of 1 … ``max_size`` candidates, one ``(sets, size)`` index array per size."""
    return [np.array(list(combinations(sorted(candidates), size))) for size in range(1, max_size + 1)]


def _set_cosine(pairwise: np.ndarray, target: np.ndarray, sets: np.ndarray) -> np.ndarray:
    """Cosine of the sum of each set's unit vectors with a unit target, from dot products alone."""
    numerator = target[sets].sum(axis=1)
    squared = pairwise[sets[:, :, None], sets[:, None, :]].sum(axis=(1, 2))
    return numerator / np.sqrt(np.maximum(squared, 1e-12))


def _max_offdiagonal(pairwise: np.ndarray, sets: np.ndarray) -> np.ndarray:
    if sets.shape[1] == 1:
        return np.zeros(len(sets))
    block = pairwise[sets[:, :, None], sets[:, None, :]].copy()
    diagonal = np.arange(sets.shape[1])
    block[:, diagonal, diagonal] = -np.inf
    return block.max(axis=(1, 2))


def set_features(features: ArticleFeatures, scores: np.ndarray, sets: np.ndarray) -> np.ndarray:
    """Features of candidate summaries: one row per set (a row of sentence indices in ``sets``).

    Pairwise similarities are computed among the sentences the sets use only, so a very long article
    costs no more here than a short one.
    """
    count = len(features.sentences)
    size = sets.shape[1]
    pool, local = np.unique(sets, return_inverse=True)
    local = local.reshape(sets.shape)
    member_scores = scores[sets]
    total = features.lengths[sets].sum(axis=1)
    rows = features.tfidf.dense(pool)
    tfidf_pairwise = rows @ rows.T
    columns = [
        member_scores.mean(axis=1),
        member_scores.max(axis=1),
        member_scores.min(axis=1),
        1.0 / (1.0 + sets.min(axis=1)),
        sets.mean(axis=1) / max(count - 1, 1),
        np.log1p(total),
        total / _TARGET_LENGTH,
        np.abs(total - _TARGET_LENGTH) / _TARGET_LENGTH,
        np.full(len(sets), float(size)),
        _max_offdiagonal(tfidf_pairwise, local),
        _set_cosine(tfidf_pairwise, features.tfidf_title[pool], local),
        _set_cosine(tfidf_pairwise, features.tfidf_article[pool], local),
        features.directive_like[sets].mean(axis=1),
        expected_rouge1(
            features.syllables.occurrences,
            features.syllable_probability,
            features.lengths,
            sets,
            features.reference_length,
        ),
    ]
    if features.embeddings is not None and features.embedding_targets is not None:
        vectors = features.embeddings[pool]
        pairwise = vectors @ vectors.T
        targets = vectors @ features.embedding_targets.T
        columns.append(_max_offdiagonal(pairwise, local))
        for k in range(3):
            columns.append(_set_cosine(pairwise, targets[:, k], local))
    return np.column_stack(columns)
