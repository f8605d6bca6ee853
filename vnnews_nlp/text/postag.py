"""underthesea's part-of-speech tagger with its feature extraction done in linear time.

``underthesea.pos_tag`` runs a CRF (``pos_crf_2017_10_11.bin``) over features built by a template
interpreter that re-parses each template and copies the sentence for every word and template, which
makes it the slowest step of the whole pipeline. :func:`pos_tag` builds the very same feature strings
directly and feeds them to the same CRF, so its output is identical (the tests compare the two).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_lock = threading.Lock()
_model: tuple[Callable[[str], list[str]], Callable[[list[list[str]]], list[str]]] | None = None

#: Window offsets of the templates, in the CRF's template order (see underthesea's ``model_crf.py``).
_LOWER = (-2, -1, 0, 1, 2)
_TITLE = (0, -1, 1)
_WORD = (-2, -1, 0, 1, 2)
_PAIR = ((-2, -1), (-1, 0), (0, 1), (1, 2))
_TAG = (-3, -2, -1)
_TAG_PAIR = ((-3, -2), (-2, -1))


def _is_title(word: str) -> str:
    """underthesea's ``text_istitle``: every space-separated syllable starts with a capital."""
    if not word:
        return "False"
    pieces = word.split(" ")
    if any(not p for p in pieces):
        return "False"
    return str(all(p[0].istitle() for p in pieces))


def _features(words: list[str]) -> list[list[str]]:
    """The feature strings of each word, exactly as underthesea's ``TaggedTransformer`` writes them."""
    n = len(words)
    lower = [w.lower() for w in words]
    title = [_is_title(w) for w in words]

    def at(values: list[str], j: int) -> str:
        return "BOS" if j < 0 else "EOS" if j >= n else values[j]

    def pair(j: int, k: int, joined: Callable[[int, int], str]) -> str:
        return "BOS" if j < 0 else "EOS" if j >= n or k >= n else joined(j, k)

    def words_between(j: int, k: int) -> str:
        return " ".join(words[j : k + 1])

    def tags_between(j: int, k: int) -> str:
        return " ".join(["X"] * (k - j + 1))

    rows = []
    for i in range(n):
        row = [f"T[{d}].lower={at(lower, i + d)}" for d in _LOWER]
        row += [f"T[{d}].istitle={at(title, i + d)}" for d in _TITLE]
        row += [f"T[{d}]={at(words, i + d)}" for d in _WORD]
        row += [f"T[{a},{b}]={pair(i + a, i + b, words_between)}" for a, b in _PAIR]
        row += [f"T[{d}][1]={'BOS' if i + d < 0 else 'X'}" for d in _TAG]
        row += [f"T[{a},{b}][1]={pair(i + a, i + b, tags_between)}" for a, b in _TAG_PAIR]
        rows.append(row)
    return rows


def _load() -> tuple[Callable[[str], list[str]], Callable[[list[list[str]]], list[str]]]:
    global _model
    with _lock:
        if _model is None:
            from underthesea import word_tokenize
            from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

            crf = CRFPOSTagPredictor.Instance().model
            word_tokenize("khởi động")
            _model = (word_tokenize, crf.tag)
    return _model


def pos_tag(sentence: str) -> list[tuple[str, str]]:
    """Words of ``sentence`` with their VLSP part-of-speech tags, as ``underthesea.pos_tag`` gives them.

    >>> pos_tag("Đề nghị các địa phương tăng cường đối thoại")
    [('Đề nghị', 'V'), ('các', 'L'), ('địa phương', 'N'), ('tăng cường', 'V'), ('đối thoại', 'M')]
    """
    segment, tag = _load()
    words = segment(sentence)
    if not words:
        return []
    return list(zip(words, tag(_features(words)), strict=True))
