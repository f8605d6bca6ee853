"""Sentence splitting for Vietnamese news, with offsets.

The splitter works on one paragraph at a time (a sentence never crosses a paragraph), so captions,
list items and leads without a final full stop stay whole. Inside a paragraph it ends a sentence at
``.``, ``!``, ``?`` or an ellipsis (with any closing quotes or brackets) followed by whitespace and an
upper-case letter, a digit, a quote or a bullet — except after abbreviations (``TP.``, ``Th.``,
``PGS.TS.``), initials (``Nguyễn V. A``, ``chị Huyền Tr.``), list markers (``1.``, ``a.``) and legal headings
(``Điều 1.``). Periods inside tokens (``Baohatinh.vn``, ``1.800``, ``19/1``) never split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    TP Tp tp TT Th ThS Ths TS PGS GS BS BSCKI BSCKII CKI CKII KS CN Q P H X TX TTr Tr tr
    NXB Nxb Sđd Mr Mrs Ms Dr St No Co Ltd Inc Corp Jr Sr Ph vs v.v vv etc Ch Ng Đ/c đ/c
    """.split()
)
"""Tokens that end with a period without ending the sentence (case-sensitive)."""

_CANDIDATE = re.compile(r"(?:\.{2,}|[.!?…]+)[\"')\]»”’]*(?=\s)")
_NEXT = re.compile(r"\s+(\S)")
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[a-zđ]|[IVXLC]{1,6})\.?")
_HEADING = re.compile(r"(?:Điều|Khoản|Chương|Mục|Phần|Bước|Câu)\s+[\w.]{1,6}", re.IGNORECASE)
# A capitalised consonant cluster with no vowel is never a whole word: "Kh.", "Tr.", "Ph.", "Ng."
_CLUSTER_INITIAL = re.compile(r"[A-ZĐ][bcdđghklmnpqrstvx]{1,2}")
_OPENERS = "\"'(“‘[«-+•*–—"


def _token_before(text: str, lo: int, pos: int) -> str:
    """The whitespace-delimited token ending at ``pos`` (exclusive), stripped of opening brackets."""
    k = pos
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return text[k:pos].lstrip("\"'(“‘[")


def _is_boundary(text: str, sentence_start: int, match: re.Match, next_char: str) -> bool:
    punct = match.group()
    if next_char.islower():
        return False
    if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
        return False
    if punct[0] != "." or punct.startswith(".."):
        return True
    token = _token_before(text, sentence_start, match.start())
    last = token.rsplit(".", 1)[-1] if "." in token else token
    if last in ABBREVIATIONS or token in ABBREVIATIONS:
        return False
    if (len(last) == 1 and last.isupper()) or _CLUSTER_INITIAL.fullmatch(last):
        return False  # an initial: "Nguyễn V. A", "chị Huyền Tr. (SN 1997)"
    so_far = text[sentence_start : match.start()].strip()
    if _LIST_MARKER.fullmatch(so_far) or _HEADING.fullmatch(so_far):
        return False
    return True


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    abbreviations: Iterable[str] | None = None,
    max_words: int | None = None,
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentences; return their ``(start, end)`` offsets.

    Offsets are into ``text``, trimmed of surrounding whitespace. ``abbreviations`` adds
    tokens to :data:`ABBREVIATIONS` for this call. With ``max_words``, a sentence longer than that
    (a text with no boundary at all, say) is cut further by :func:`split_long`.

    >>> t = "Sáng 19/1, TP. Hà Tĩnh có 1.800 mô hình. Ông Th. nói: tiếp tục! Hết"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Sáng 19/1, TP. Hà Tĩnh có 1.800 mô hình.', 'Ông Th. nói: tiếp tục!', 'Hết']
    """
    end = len(text) if end is None else end
    extra = frozenset(abbreviations or ())
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        after = _NEXT.match(text, match.end(), end)
        if after is None:
            break
        if extra and _token_before(text, sentence_start, match.start()) in extra:
            continue
        if _is_boundary(text, sentence_start, match, after.group(1)):
            spans.append((sentence_start, match.end()))
            sentence_start = after.start(1)
    spans.append((sentence_start, end))
    out = [trimmed for s, e in spans if (trimmed := _trim(text, s, e))[0] < trimmed[1]]
    if max_words is not None:
        out = [piece for s, e in out for piece in split_long(text, s, e, max_words)]
    return out


_WORD_SPAN = re.compile(r"\S+")
_CLAUSE_END = (";", ":", ",")


def split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_words`` words, at clause punctuation.

    Each piece ends at the last ``;`` in reach, else the last ``:``, else the last ``,``; with no
    punctuation at all it ends at a word boundary. Offsets are into ``text``.

    >>> t = "tăng cường đối thoại; siết chặt kỷ luật, kỷ cương; nâng cao chất lượng"
    >>> [t[s:e] for s, e in split_long(t, 0, len(t), 5)]
    ['tăng cường đối thoại;', 'siết chặt kỷ luật,', 'kỷ cương;', 'nâng cao chất lượng']
    """
    if max_words < 1:
        raise ValueError("max_words must be at least 1")
    if len(text[start:end].split()) <= max_words:
        start, end = _trim(text, start, end)
        return [(start, end)] if start < end else []
    words = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(text, start, end)]
    pieces: list[tuple[int, int]] = []
    first = 0
    while len(words) - first > max_words:
        window = words[first : first + max_words]
        cut = len(window) - 1
        for mark in _CLAUSE_END:
            ends = [k for k, (_, e) in enumerate(window) if text[e - 1] == mark]
            if ends:
                cut = ends[-1]
                break
        pieces.append((window[0][0], window[cut][1]))
        first += cut + 1
    if first < len(words):
        pieces.append((words[first][0], words[-1][1]))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
