"""Evaluation measures used by the tests and benchmarks: syllable-level ROUGE for Vietnamese.

Vietnamese writes one syllable per space-separated unit, so ROUGE is computed on syllables:
the text is NFC-normalised, lower-cased, punctuation is removed and it is split on whitespace.
ROUGE-1 and ROUGE-2 count clipped n-gram overlaps; ROUGE-L uses the longest common subsequence
of the two syllable sequences. Scores are F1 in [0, 1].
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache


def syllables(text: str) -> list[str]:
    """NFC, lower-case, punctuation removed, split on whitespace.

    >>> syllables("Chiều 19/1, Hà Tĩnh tổng kết “Dân vận khéo”.")
    ['chiều', '19', '1', 'hà', 'tĩnh', 'tổng', 'kết', 'dân', 'vận', 'khéo']
    """
    text = unicodedata.normalize("NFC", text).lower()
    if text.isascii() or max(text) <= "\uffff":
        return text.translate(_punctuation_to_space()).split()
    return "".join(" " if unicodedata.category(c).startswith("P") else c for c in text).split()


@lru_cache(maxsize=1)
def _punctuation_to_space() -> dict[int, str]:
    """Every punctuation character of the Basic Multilingual Plane, mapped to a space."""
    return {code: " " for code in range(0x10000) if unicodedata.category(chr(code)).startswith("P")}


@dataclass(frozen=True)
class RougeScore:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of one candidate against one reference (0 … 1)."""

    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the measure's usual name


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if overlap == 0 or candidate == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    """ROUGE-N F1 of two syllable lists."""
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, O(len(a) * len(b)))."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge(candidate: str, reference: str) -> RougeScore:
    """Syllable-level ROUGE-1/2/L F1 of ``candidate`` against ``reference``.

    >>> s = rouge("Hội nghị tổng kết phong trào", "Tỉnh tổng kết phong trào thi đua")
    >>> round(s.rouge1, 3), round(s.rouge2, 3), round(s.rougeL, 3)
    (0.615, 0.545, 0.615)
    """
    cand, ref = syllables(candidate), syllables(reference)
    return RougeScore(
        rouge_n(cand, ref, 1),
        rouge_n(cand, ref, 2),
        _f1(lcs_length(cand, ref), len(cand), len(ref)),
    )


def oracle(sentences: list[str], reference: str, max_sentences: int = 3) -> list[int]:
    """Indices (in order) of the sentences a perfect extractive summariser would pick.

    Greedy: repeatedly add the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F1 of the
    selection against ``reference``; stop at ``max_sentences`` or when no sentence helps. Used to
    label training data and as the ceiling in benchmarks.

    >>> oracle(["Trời mưa to.", "Hội nghị tổng kết phong trào thi đua.", "Đại biểu ra về."],
    ...        "Tỉnh tổng kết phong trào thi đua")
    [1]
    """
    ref = syllables(reference)
    tokens = [syllables(s) for s in sentences]
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < max_sentences:
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            picked = [t for k in sorted([*chosen, i]) for t in tokens[k]]
            gains.append(((rouge_n(picked, ref, 1) + rouge_n(picked, ref, 2)) / 2, i))
        if not gains:
            break
        value, index = max(gains)
        if value <= best:
            break
        best = value
        chosen.append(index)
    return sorted(chosen)


@dataclass(frozen=True)
class SpanScore:
    """Precision, recall and F1 of predicted spans against gold spans, and the matched pairs.

    Attributes:
        precision, recall, f1: in [0, 1].
        matches: ``(gold index, predicted index)`` pairs (one-to-one for strict matching; for lenient
            matching, each found gold span with the prediction covering most of it).
    """

    precision: float
    recall: float
    f1: float
    matches: tuple[tuple[int, int], ...]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _prf(found: int, predicted: int, gold: int, matches: list[tuple[int, int]]) -> SpanScore:
    precision = found / predicted if predicted else (1.0 if not gold else 0.0)
    recall = found / gold if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1, tuple(sorted(matches)))


def span_match(gold: list[tuple[int, int]], predicted: list[tuple[int, int]], lenient: bool = False) -> SpanScore:
    """Match predicted character spans with gold spans.

    Strict: one-to-one; a pair counts when their overlap covers at least half of the gold span and
    at least half of the predicted span (pairs taken by decreasing overlap). Lenient: a gold span is
    found when at least half of it is covered by one prediction; a prediction is correct when at
    least half of it lies on gold spans.

    >>> s = span_match([(0, 10), (20, 30)], [(0, 12), (40, 50)])
    >>> round(s.precision, 2), round(s.recall, 2), s.matches
    (0.5, 0.5, ((0, 0),))
    """
    if not lenient:
        pairs = sorted(
            (
                (_overlap(g, p), i, j)
                for i, g in enumerate(gold)
                for j, p in enumerate(predicted)
                if 2 * _overlap(g, p) >= g[1] - g[0] and 2 * _overlap(g, p) >= p[1] - p[0] and _overlap(g, p) > 0
            ),
            reverse=True,
        )
        used_gold: set[int] = set()
        used_predicted: set[int] = set()
        matches = []
        for _, i, j in pairs:
            if i not in used_gold and j not in used_predicted:
                used_gold.add(i)
                used_predicted.add(j)
                matches.append((i, j))
        return _prf(len(matches), len(predicted), len(gold), matches)
    matches = []
    for i, g in enumerate(gold):
        best = max(range(len(predicted)), key=lambda j: _overlap(g, predicted[j]), default=None)
        if best is not None and 2 * _overlap(g, predicted[best]) >= g[1] - g[0] and g[1] > g[0]:
            matches.append((i, best))
    correct = sum(2 * sum(_overlap(p, g) for g in gold) >= p[1] - p[0] for p in predicted)
    precision = correct / len(predicted) if predicted else (1.0 if not gold else 0.0)
    recall = len(matches) / len(gold) if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1, tuple(matches))


def text_f1(candidate: str | None, reference: str | None) -> float:
    """Syllable-level unigram F1 of two field values (issuer, addressee); two missing values score 1.

    >>> round(text_f1("Phó Bí thư Trần Thế Dũng", "Phó Bí thư Thường trực Tỉnh ủy Trần Thế Dũng"), 2)
    0.75
    """
    if not candidate and not reference:
        return 1.0
    if not candidate or not reference:
        return 0.0
    return rouge_n(syllables(candidate), syllables(reference), 1)


@dataclass(frozen=True)
class DirectiveScore:
    """Directive extraction measured against gold annotations (counts summed over articles).

    Attributes:
        strict: one-to-one span matching (see :func:`span_match`).
        lenient: gold directives at least half covered by a prediction.
        issuer_accuracy, addressee_accuracy: share of strictly matched pairs whose field has syllable
            F1 >= 0.5 with the gold value (two missing values agree).
        gold, predicted: how many directives.
    """

    strict: SpanScore
    lenient: SpanScore
    issuer_accuracy: float
    addressee_accuracy: float
    gold: int
    predicted: int


def score_directives(articles: list[tuple[list[dict], list[dict]]]) -> DirectiveScore:
    """Pool strict and lenient P/R/F1 and field accuracy over articles.

    Args:
        articles: per article, ``(gold, predicted)``; each item a dict with ``start``, ``end`` and the
            ``issuer`` and ``addressee`` texts (or ``None``).
    """
    counts = {"gold": 0, "predicted": 0, "strict": 0, "lenient_found": 0, "lenient_correct": 0}
    issuer_ok = addressee_ok = 0
    for gold, predicted in articles:
        gold_spans = [(g["start"], g["end"]) for g in gold]
        predicted_spans = [(p["start"], p["end"]) for p in predicted]
        strict = span_match(gold_spans, predicted_spans)
        lenient = span_match(gold_spans, predicted_spans, lenient=True)
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        counts["strict"] += len(strict.matches)
        counts["lenient_found"] += len(lenient.matches)
        counts["lenient_correct"] += round(lenient.precision * len(predicted))
        for i, j in strict.matches:
            issuer_ok += text_f1(predicted[j]["issuer"], gold[i]["issuer"]) >= 0.5
            addressee_ok += text_f1(predicted[j]["addressee"], gold[i]["addressee"]) >= 0.5

    def prf(found: int, correct: int, matches: int) -> SpanScore:
        precision = correct / counts["predicted"] if counts["predicted"] else 1.0
        recall = found / counts["gold"] if counts["gold"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return SpanScore(precision, recall, f1, ())

    matched = counts["strict"]
    return DirectiveScore(
        strict=prf(matched, matched, matched),
        lenient=prf(counts["lenient_found"], counts["lenient_correct"], 0),
        issuer_accuracy=issuer_ok / matched if matched else 0.0,
        addressee_accuracy=addressee_ok / matched if matched else 0.0,
        gold=counts["gold"],
        predicted=counts["predicted"],
    )
