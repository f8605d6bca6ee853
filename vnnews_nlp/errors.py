"""Exceptions and warnings raised by vnnews_nlp.

Every public function validates its input with :func:`vnnews_nlp.text.validate.ensure_text` and raises
one of these (or a plain :class:`TypeError`) before any model sees the text.
"""

from __future__ import annotations


class EmptyTextError(ValueError):
    """The text is empty or holds only whitespace (and invisible characters)."""


class HTMLInputError(ValueError):
    """An HTML page was passed where plain text was expected.

    Use :meth:`vnnews_nlp.Article.from_html` (``pip install "vnnews-nlp[html]"``) instead.
    """


class LegacyEncodingError(ValueError):
    """The text is Vietnamese in a pre-Unicode font encoding (TCVN3/ABC or VNI).

    Such text must be converted to Unicode with a dedicated tool (for instance UniKey's converter)
    before it can be analysed; guessing the conversion would silently corrupt it.

    Attributes:
        encoding: ``"TCVN3"`` or ``"VNI"``.
    """

    def __init__(self, message: str, encoding: str) -> None:
        super().__init__(message)
        self.encoding = encoding


class LanguageWarning(UserWarning):
    """The text does not look like Vietnamese written with diacritics; results are best effort."""


class MojibakeWarning(UserWarning):
    """The text holds mis-decoded UTF-8 that could not be repaired unambiguously."""


class TextTooLongError(ValueError):
    """The text is longer than the analyzer's ``max_chars`` (see :class:`vnnews_nlp.Analyzer`).

    Attributes:
        length: the text's length in characters.
        limit: the limit it exceeded.
    """

    def __init__(self, length: int, limit: int, what: str = "text") -> None:
        super().__init__(
            f"{what} has {length:,} characters, more than the limit of {limit:,}; split it into articles, "
            "or raise the limit with Analyzer(max_chars=...) (None for no limit)"
        )
        self.length = length
        self.limit = limit


class InvalidCharacterError(ValueError):
    """The text holds characters no Unicode text can hold: unpaired surrogates (U+D800 to U+DFFF).

    They come from bytes decoded with ``errors="surrogateescape"`` or from broken UTF-16; decode the
    source properly (``data.decode("utf-8")``) instead.
    """
