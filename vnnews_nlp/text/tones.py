"""One tone-mark placement per syllable, so that ``hoà`` and ``hòa``, ``thuý`` and ``thúy`` match.

Vietnamese has two conventions for where the tone mark sits in the open syllables *oa*, *oe*, *uy*:
the "old" one used by most newspapers (``hòa``, ``khỏe``, ``thúy``) and the "new" one (``hoà``,
``khoẻ``, ``thuý``). :func:`canonical_tone_placement` rewrites every syllable to the old convention.
It never changes the length of the text, so offsets are unaffected.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_TONE_BY_INDEX = {v: k for k, v in _TONE_MARKS.items()}
_BASE_VOWELS = "aăâeêioôơuưy"
_HATTED = set("ăâêôơư")
_INITIALS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
)
_FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}


def _split_tone(char: str) -> tuple[str, int]:
    """``'ồ'`` → ``('ô', 1)``; characters without a tone come back with 0."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = 0
    kept = []
    for c in decomposed:
        if c in _TONE_MARKS:
            tone = _TONE_MARKS[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _with_tone(base: str, tone: int) -> str:
    if tone == 0:
        return base
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", base) + _TONE_BY_INDEX[tone])


_TONED = {}
for _base in _BASE_VOWELS + _BASE_VOWELS.upper():
    for _tone in range(1, 6):
        _TONED[_with_tone(_base, _tone)] = (_base, _tone)

_TONED_CLASS = "".join(_TONED)
_SYLLABLE = re.compile(rf"[A-Za-zĐđ{_BASE_VOWELS}{_BASE_VOWELS.upper()}{_TONED_CLASS}]+")
_HAS_TONE = re.compile(f"[{_TONED_CLASS}]")


def _tone_position(lower: str) -> int | None:
    """Index in ``lower`` (toneless, lowercase syllable) where the tone belongs, or None if not Vietnamese."""
    initial = ""
    for candidate in _INITIALS:
        if lower.startswith(candidate):
            initial = candidate
            break
    if initial == "gi" and (len(lower) == 2 or lower[2] not in _BASE_VOWELS):
        initial = "g"  # "gì", "gìn": the i is the vowel
    if initial == "qu" and len(lower) == 2:
        initial = "q"
    rest = lower[len(initial) :]
    i = 0
    while i < len(rest) and rest[i] in _BASE_VOWELS:
        i += 1
    nucleus, final = rest[:i], rest[i:]
    if not nucleus or len(nucleus) > 3 or final not in _FINALS:
        return None
    offset = len(initial)
    hatted = [k for k, v in enumerate(nucleus) if v in _HATTED]
    if hatted:
        return offset + hatted[-1]
    if final or len(nucleus) == 1:
        return offset + len(nucleus) - 1
    if len(nucleus) == 3:
        return offset + 1
    return offset  # two vowels, open syllable: hòa, thúy, khỏe, mùa, tài


@lru_cache(maxsize=1 << 16)
def _fix_word(word: str) -> str:
    if len(word) > 7 or not _HAS_TONE.search(word):
        return word
    bases = []
    tone, tone_at = 0, -1
    for k, c in enumerate(word):
        if c in _TONED:
            if tone:
                return word  # two tone marks: not a Vietnamese syllable
            base, tone = _TONED[c]
            tone_at = k
            bases.append(base)
        else:
            bases.append(c)
    target = _tone_position("".join(bases).lower())
    if target is None or target == tone_at:
        return word
    bases[target] = _with_tone(bases[target], tone)
    return "".join(bases)


def _fix_syllable(match: re.Match) -> str:
    return _fix_word(match.group())


def canonical_tone_placement(text: str) -> str:
    """Move each syllable's tone mark to the old-style position; same length as ``text``.

    >>> canonical_tone_placement("Hoà bình, sức khoẻ, Thuý")
    'Hòa bình, sức khỏe, Thúy'
    """
    return _SYLLABLE.sub(_fix_syllable, text)
