"""Normalisation for matching, with a map back to the caller's original offsets.

:func:`normalize` returns a :class:`NormalizedText`: the cleaned string that every later stage reads,
plus the :class:`~vnnews_nlp.text.alignment.Alignment` that maps any span of it back to the original.
Steps, in order:

1. UTF-8-read-as-cp1252 mojibake is repaired when unambiguous (:mod:`.encoding`);
2. Unicode NFC (``o`` + combining grave → ``ò``);
3. typographic quotes → ``"`` / ``'``, dashes → ``-``, ellipsis ``…`` kept, exotic spaces → space;
4. zero-width characters and soft hyphens removed, ``\\r\\n`` and ``\\r`` → ``\\n``, runs of spaces and
   tabs → one space;
5. one tone-mark placement per syllable (``hoà`` → ``hòa``, :mod:`.tones`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .alignment import Alignment, Edit, apply_edits
from .encoding import check_legacy_encoding, mojibake_edits
from .tones import canonical_tone_placement
from .validate import ensure_text

_ONE_TO_ONE = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\t": " ",
        "\v": "\n",
        "\f": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\x85": "\n",
        **{chr(c): " " for c in range(0x2000, 0x200B)},
    }
)
_CLUSTER = re.compile("[^\u0300-\u036f][\u0300-\u036f]+")
_CLEANUP = re.compile("\r\n?|[\u200b\u200c\u200d\u2060\ufeff\u00ad]+| {2,}")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised string and its alignment to the original.

    Attributes:
        original: the caller's string, unchanged.
        text: the normalised string that later stages read.
        alignment: maps spans of ``text`` to spans of ``original``.
        repaired_mojibake: whether UTF-8-read-as-cp1252 sequences were repaired.

    >>> nt = normalize("Thuý  nói “hoà bình”")
    >>> nt.text
    'Thúy nói "hòa bình"'
    >>> nt.to_original(5, 8), nt.original[6:9]
    ((6, 9), 'nói')
    """

    original: str
    text: str
    alignment: Alignment
    repaired_mojibake: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to offsets in :attr:`original`."""
        return self.alignment.to_source(start, end)


def _nfc_edits(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for match in _CLUSTER.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        if composed != match.group():
            edits.append((match.start(), match.end(), composed))
    if not edits:
        # Not NFC for another reason (compatibility-free singleton decompositions): compose per character.
        edits = [
            (i, i + 1, unicodedata.normalize("NFC", c))
            for i, c in enumerate(text)
            if not unicodedata.is_normalized("NFC", c)
        ]
    return edits


def _cleanup_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _CLEANUP.finditer(text):
        token = match.group()
        edits.append((match.start(), match.end(), "\n" if token[0] == "\r" else " " if token[0] == " " else ""))
    return edits


def normalize(text: str) -> NormalizedText:
    """Normalise Vietnamese ``text`` for matching while keeping a map to its original offsets.

    Raises:
        TypeError: ``text`` is not a ``str``.
        EmptyTextError: ``text`` is blank.
        LegacyEncodingError: ``text`` is TCVN3- or VNI-encoded.
    """
    original = ensure_text(text)
    check_legacy_encoding(original)
    alignment = Alignment(len(original))
    current = original
    repaired = False
    for step in (mojibake_edits, _nfc_edits):
        edits = step(current)
        if edits:
            repaired = repaired or step is mojibake_edits
            current, inner = apply_edits(current, edits)
            alignment = alignment.then(inner)
    current = current.translate(_ONE_TO_ONE)
    edits = _cleanup_edits(current)
    if edits:
        current, inner = apply_edits(current, edits)
        alignment = alignment.then(inner)
    current = canonical_tone_placement(current)
    return NormalizedText(original, current, alignment, repaired)
