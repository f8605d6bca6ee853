"""Type and emptiness checks shared by every public entry point."""

from __future__ import annotations

import re

from ..errors import EmptyTextError, InvalidCharacterError

_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]*")
_SURROGATE = re.compile("[\ud800-\udfff]")


def ensure_text(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a non-blank ``str``; raise a clear error otherwise.

    Raises:
        TypeError: ``value`` is not a ``str`` (``None``, ``bytes``, a number …); the message names
            the type and, for bytes, how to decode them.
        EmptyTextError: a ``ValueError`` for an empty string or one made only of whitespace and
            invisible characters.
        InvalidCharacterError: a ``ValueError`` for unpaired surrogates, which no model can read.

    >>> ensure_text("Hà Nội")
    'Hà Nội'
    """
    if isinstance(value, str):
        if _INVISIBLE.fullmatch(value):
            raise EmptyTextError(f"{name} is empty or holds only whitespace")
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            raise InvalidCharacterError(
                f"{name} holds an unpaired surrogate (U+{ord(surrogate.group()):04X}) at index {surrogate.start()}: "
                "it was decoded with errors='surrogateescape' or from broken UTF-16; decode the source properly"
            )
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be str, not {type(value).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{name} must be str, not {type(value).__name__}")
