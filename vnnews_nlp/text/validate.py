"""Type and emptiness checks shared by every public entry point."""

from __future__ import annotations

import re

from ..errors import EmptyTextError

_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]*")


def ensure_text(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a non-blank ``str``; raise a clear error otherwise.

    Raises:
        TypeError: ``value`` is not a ``str`` (``None``, ``bytes``, a number …); the message names
            the type and, for bytes, how to decode them.
        EmptyTextError: a ``ValueError`` for an empty string or one made only of whitespace and
            invisible characters.

    >>> ensure_text("Hà Nội")
    'Hà Nội'
    """
    if isinstance(value, str):
        if _INVISIBLE.fullmatch(value):
            raise EmptyTextError(f"{name} is empty or holds only whitespace")
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be str, not {type(value).__name__}; decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{name} must be str, not {type(value).__name__}")
