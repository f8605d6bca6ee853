"""Choosing the summary: the best-scored set of candidate sentences under the caller's budgets.

Small summaries (up to three sentences) are chosen exactly, by scoring every set of the top-ranked
candidates; longer ones are grown greedily, one sentence at a time, each step taking the sentence that
gives the best set score — maximal marginal relevance with a learned redundancy weight.
"""

from __future__ import annotations

import numpy as np

from .features import ArticleFeatures, candidate_sets, set_features
from .model import LinearModel

EXACT_SIZES = 3


def _set_scores(
    features: ArticleFeatures, scores: np.ndarray, sets: np.ndarray, model: LinearModel, directive_weight: float
) -> np.ndarray:
    matrix = set_features(features, scores, sets)
    return model.predict(matrix) + directive_weight * features.directive_like[sets].mean(axis=1)


def choose_sentences(
    features: ArticleFeatures,
    scores: np.ndarray,
    model: LinearModel,
    *,
    candidates: int,
    size: int | None,
    max_size: int = EXACT_SIZES,
    max_words: int | None = None,
    directive_weight: float = 0.0,
) -> list[int]:
    """Indices (in document order) of the best set of sentences that fits ``max_words``.

    With ``size``, the set has ``size`` sentences (fewer only when the article is shorter or no set of
    that many fits the word budget); without it, the set model picks how many, from 1 to ``max_size``.
    A non-empty article always yields one sentence, even when it alone exceeds ``max_words``.
    """
    count = len(scores)
    if count == 0:
        return []
    ranked = [int(i) for i in np.argsort(-scores, kind="stable")]
    if size is not None and min(size, count) > EXACT_SIZES:
        return _grow(features, scores, model, ranked[: max(candidates, 2 * size)], size, max_words)
    pool = ranked[:candidates]
    if size is None:
        groups = [list(range(1, min(max_size, count) + 1))]
    else:
        groups = [[k] for k in range(min(size, count), 0, -1)]
    for group in groups:
        best = _best_of(features, scores, model, pool, group, max_words, directive_weight)
        if best is not None:
            return best
    return [ranked[0]]


def _best_of(
    features: ArticleFeatures,
    scores: np.ndarray,
    model: LinearModel,
    pool: list[int],
    group: list[int],
    max_words: int | None,
    directive_weight: float,
) -> list[int] | None:
    best_score, best_set = -np.inf, None
    for sets in candidate_sets(pool, max(group)):
        if sets.shape[1] not in group or not len(sets):
            continue
        if max_words is not None:
            sets = sets[features.words[sets].sum(axis=1) <= max_words]
            if not len(sets):
                continue
        values = _set_scores(features, scores, sets, model, directive_weight)
        top = int(np.argmax(values))
        if values[top] > best_score:
            best_score, best_set = float(values[top]), [int(i) for i in sets[top]]
    return best_set


def _grow(
    features: ArticleFeatures,
    scores: np.ndarray,
    model: LinearModel,
    pool: list[int],
    size: int,
    max_words: int | None,
) -> list[int]:
    chosen: list[int] = []
    used_words = 0
    while len(chosen) < size:
        options = [i for i in pool if i not in chosen]
        if max_words is not None:
            options = [i for i in options if used_words + features.words[i] <= max_words]
        if not options:
            break
        sets = np.array([sorted([*chosen, i]) for i in options])
        values = model.predict(set_features(features, scores, sets))
        pick = options[int(np.argmax(values))]
        chosen.append(pick)
        used_words += int(features.words[pick])
    return sorted(chosen) if chosen else [pool[0]]
