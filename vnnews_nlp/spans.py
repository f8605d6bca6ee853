"""Views on an :class:`~vnnews_nlp.article.Article`: offsets into the caller's original string.

Every span holds a reference to its article and two pairs of offsets: ``start``/``end`` into the
caller's original text (so ``article.text[span.start:span.end] == span.text`` always holds) and
private offsets into the normalised text that the models read (``span.norm_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article


@dataclass(frozen=True, eq=False)
class Span:
    """A stretch of the article.

    Attributes:
        start: offset of the first character in the caller's original string.
        end: offset just past the last character.
    """

    doc: Article = field(repr=False)
    start: int
    end: int
    norm_start: int = field(repr=False)
    norm_end: int = field(repr=False)

    @property
    def text(self) -> str:
        """The span as written in the caller's original string."""
        return self.doc.text[self.start : self.end]

    @property
    def norm_text(self) -> str:
        """The span in the normalised text (NFC, one tone placement, plain quotes and dashes)."""
        return self.doc.normalized.text[self.norm_start : self.norm_end]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{type(self).__name__}({self.start}:{self.end}, {preview!r})"

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, eq=False, repr=False)
class Token(Span):
    """One word (one or more syllables) from underthesea's word segmentation."""


@dataclass(frozen=True, eq=False, repr=False)
class Sentence(Span):
    """A sentence of the article's content.

    Attributes:
        index: position among :attr:`Article.sentences`.
        paragraph: position of its paragraph among :attr:`Article.paragraphs`.
    """

    index: int = 0
    paragraph: int = 0

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's words, segmented on first access and cached by the article."""
        return self.doc.tokens_of(self)

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "index": self.index, "paragraph": self.paragraph}


@dataclass(frozen=True, eq=False, repr=False)
class Block(Span):
    """A paragraph of the input with its role in the page.

    Roles: ``title``, ``lead``, ``body``, ``list_item`` (content); ``caption`` (photo captions,
    including a headline repeated as a caption); ``related`` ("Đọc thêm" / "Tin liên quan" tails
    with their foreign headlines), ``topic_line``, ``tags``, ``byline``, ``credit``, ``share``,
    ``navigation`` (boilerplate).
    """

    role: str = "body"

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, **super().to_dict()}


@dataclass(frozen=True, eq=False, repr=False)
class Paragraph(Block):
    """A content paragraph (role ``lead``, ``body`` or ``list_item``) and its sentences.

    Attributes:
        index: position among :attr:`Article.paragraphs`.
        sentences: the paragraph's sentences, as in :attr:`Article.sentences`.
        marker: the bullet or number of a list item (``-``, ``+``, ``•``, ``a)``, ``1.``), if any.
    """

    index: int = 0
    sentences: tuple[Sentence, ...] = ()
    marker: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {**super().to_dict(), "sentences": [s.to_dict() for s in self.sentences]}
        if self.marker is not None:
            out["marker"] = self.marker.to_dict()
        return out
