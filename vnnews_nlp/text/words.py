"""Word segmentation through underthesea's CRF model, with offsets.

Vietnamese writes one syllable per space-separated unit, and a word may span several syllables
(``hội nghị``, ``Trần Thế Dũng``). underthesea returns words as strings; :func:`segment_words`
aligns them back onto the input so each word carries offsets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from .postag import pos_tag

_lock = threading.Lock()
_segmenter: Callable[[str], list[str]] | None = None


def _load() -> Callable[[str], list[str]]:
    global _segmenter
    with _lock:
        if _segmenter is None:
            from underthesea import word_tokenize

            word_tokenize("khởi động")  # load the CRF model once, under the lock
            _segmenter = word_tokenize
    return _segmenter


def _align(piece: str, start: int, words: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for word in words:
        while pos < len(piece) and piece[pos].isspace():
            pos += 1
        found = piece.find(word, pos, pos + len(word) + 8)
        if found < 0:
            # underthesea normalised some character of this word: fall back to its length.
            found = pos
        stop = min(found + len(word), len(piece))
        spans.append((start + found, start + stop))
        pos = stop
    return spans


def segment_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Segment ``text[start:end]`` into words; return each word's ``(start, end)`` in ``text``.

    >>> t = "Hội nghị tổng kết phong trào"
    >>> [t[s:e] for s, e in segment_words(t)]
    ['Hội nghị', 'tổng kết', 'phong trào']
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    if not piece.strip():
        return []
    return _align(piece, start, _load()(piece))


def tag_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Words of ``text[start:end]`` with underthesea's part-of-speech tags: ``(start, end, tag)``.

    Tags come from underthesea's CRF (through :func:`~vnnews_nlp.text.postag.pos_tag`) and follow the
    VLSP set: ``N`` noun, ``Np`` proper noun, ``V`` verb, ``A`` adjective, ``R`` adverb, ``E`` preposition,
    ``C`` conjunction, ``L`` determiner, ``M`` numeral, ``CH`` punctuation, …

    >>> t = "Đề nghị các địa phương tăng cường đối thoại với Nhân dân"
    >>> [(t[s:e], tag) for s, e, tag in tag_words(t)][2:4]
    [('địa phương', 'N'), ('tăng cường', 'V')]
    """
    end = len(text) if end is None else end
    piece = text[start:end]
    if not piece.strip():
        return []
    tagged = pos_tag(piece)
    spans = _align(piece, start, [word for word, _ in tagged])
    return [(s, e, tag) for (s, e), (_, tag) in zip(spans, tagged, strict=True)]
