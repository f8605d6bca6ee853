"""Encoding damage: UTF-8 read as cp1252 (repaired) and pre-Unicode Vietnamese fonts (refused).

Text copied from old pages or exported from Windows tools often arrives as mojibake — ``Hà Ná»™i``
for ``Hà Nội`` — or in the TCVN3 (ABC) and VNI font encodings that predate Unicode (``Hµ Néi``,
``Haø Noäi``). The first is repaired exactly, sequence by sequence, when the repair is unambiguous;
the second cannot be converted safely and raises :class:`~vnnews_nlp.errors.LegacyEncodingError`.
"""

from __future__ import annotations

import re
import unicodedata
import warnings

from ..errors import LegacyEncodingError, MojibakeWarning
from .alignment import Edit


def _byte_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


_CHAR_TO_BYTE = {_byte_char(b): b for b in range(0x80, 0x100)}
_CONT = "".join(re.escape(_byte_char(b)) for b in range(0x80, 0xC0))
_LEAD2 = "".join(re.escape(_byte_char(b)) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(re.escape(_byte_char(b)) for b in range(0xE0, 0xF0))
_MOJIBAKE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}")
# Letters proper to Vietnamese that no cp1252 byte produces: their presence means the text was
# decoded correctly at least in part.
_PLAUSIBLE = ((0x00A0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x20CF))
# What is left of a sequence whose byte 0x81, 0x8D, 0x8F, 0x90 or 0x9D was dropped on the way.
_LOST_BYTES = re.compile("á[º»]|[ÄÆ]")
_PROPER_VIETNAMESE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


def _decode_sequence(seq: str) -> str | None:
    try:
        char = bytes(_CHAR_TO_BYTE[c] for c in seq).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    # Vietnamese text only produces Latin letters, combining marks and punctuation this way; anything
    # else (Hangul, Arabic, CJK …) is a coincidence of legitimate characters, as in "ê…”".
    if not any(lo <= ord(char) <= hi for lo, hi in _PLAUSIBLE) or unicodedata.category(char) in ("Cc", "Cf"):
        return None
    return char


def mojibake_edits(text: str) -> list[Edit]:
    """Edits that undo UTF-8-read-as-cp1252, or ``[]`` when there is none or it is ambiguous.

    The repair is applied only when it is unambiguous: at least two sequences decode to real
    characters and they outnumber the correctly encoded Vietnamese letters (or there are none).
    A stray match in well-encoded text (``HOANG DÃ”``, a capital Ã before a closing quote) is left
    alone; anything in between emits a :class:`~vnnews_nlp.errors.MojibakeWarning` and changes nothing.

    >>> from vnnews_nlp.text.alignment import apply_edits
    >>> apply_edits("Hà Ná»™i", mojibake_edits("Hà Ná»™i"))[0]
    'Hà Nội'
    """
    edits: list[Edit] = []
    for match in _MOJIBAKE.finditer(text):
        char = _decode_sequence(match.group())
        if char is not None:
            edits.append((match.start(), match.end(), char))
    if not edits:
        return []
    proper = len(_PROPER_VIETNAMESE.findall(text))
    decoded_vietnamese = sum(1 for _, _, c in edits if _PROPER_VIETNAMESE.match(c))
    if (len(edits) >= 2 and len(edits) > proper) or (proper == 0 and decoded_vietnamese > 0):
        if _LOST_BYTES.search(_MOJIBAKE.sub("", text)):
            warnings.warn(
                "text is UTF-8 read as cp1252 and some of its bytes were lost; "
                "the complete sequences were repaired, the damaged ones were left as they are",
                MojibakeWarning,
                stacklevel=3,
            )
        return edits
    if len(edits) * 10 < proper:
        return []  # a coincidence in well-encoded text, such as "HOANG DÃ”"
    warnings.warn(
        f"text holds {len(edits)} sequence(s) that look like UTF-8 read as cp1252, "
        "but repairing them would be ambiguous; left as is",
        MojibakeWarning,
        stacklevel=3,
    )
    return []


# TCVN3 (ABC) puts Vietnamese letters on Latin-1 symbol code points: "Hµ Néi", "§¶ng", "ViÖt".
_TCVN3 = re.compile("[A-Za-z][¨©ª«¬®µ¶·¸¹»¼½¾§¦]|[¨©ª«¬®µ¶·¸¹»¼½¾§¦][A-Za-z]")
# VNI writes a base vowel followed by a mark letter: "Vieät", "Haø Noäi", "ñöôïc".
_VNI = re.compile("[aeiouyAEIOUY][øûïäåëØÛÏÄÅË]|[ñÑ][aeiouyöô]|ö[ôøùûõï]")
_WORD = re.compile(r"\S+")
_SAMPLE = 20_000


def check_legacy_encoding(text: str) -> None:
    """Raise :class:`LegacyEncodingError` if ``text`` is TCVN3- or VNI-encoded Vietnamese.

    >>> check_legacy_encoding("Hà Nội")  # Unicode: nothing happens
    """
    # Mojibake shares symbols with TCVN3 ("á»" holds "»"): take it out before counting.
    sample = _LOST_BYTES.sub("", _MOJIBAKE.sub("", text[:_SAMPLE]))
    words = len(_WORD.findall(sample))
    if words == 0:
        return
    for name, pattern in (("TCVN3", _TCVN3), ("VNI", _VNI)):
        hits = len(pattern.findall(sample))
        if hits >= 3 and hits >= 0.05 * words:
            raise LegacyEncodingError(
                f"text looks like Vietnamese in the legacy {name} font encoding "
                f"({hits} marked sequences in {words} words); convert it to Unicode first "
                "(for instance with UniKey's converter)",
                encoding=name,
            )
