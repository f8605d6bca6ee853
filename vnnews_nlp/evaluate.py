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


def syllables(text: str) -> list[str]:
    """NFC, lower-case, punctuation removed, split on whitespace.

    >>> syllables("Chiều 19/1, Hà Tĩnh tổng kết “Dân vận khéo”.")
    ['chiều', '19', '1', 'hà', 'tĩnh', 'tổng', 'kết', 'dân', 'vận', 'khéo']
    """
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(" " if unicodedata.category(c).startswith("P") else c for c in text).split()


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
