"""What :func:`vnnews_nlp.analyze` returns: one article with its summary, directives and tags."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .article import Article
from .directives import Directive
from .summarize import KeySentence
from .topics import Tag

FORMAT_VERSION = 1


@dataclass(frozen=True, eq=False)
class Analysis:
    """One analysed article. Every span (key sentence, directive, mention) has offsets into :attr:`text`.

    Attributes:
        article: the parsed :class:`~vnnews_nlp.Article` (title, sentences, captions, set-aside blocks).
        summary: the key sentences, in document order.
        directives: the directives, in document order (empty when the article asks nothing).
        tags: topic tags, primary first; empty when the text holds no content sentence (a caption alone),
            ``None`` when the analyzer has no tagger (``tagger=None``).

    In Jupyter the analysis displays as the article with its key sentences and directives highlighted
    and its tags on top.

    >>> from vnnews_nlp import Analyzer
    >>> analysis = Analyzer(encoder=None, tagger=None).analyze(
    ...     "Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...     "Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào Dân vận khéo năm 2021. "
    ...     "Phó Bí thư Tỉnh ủy đề nghị các địa phương tăng cường đối thoại với Nhân dân.")
    >>> d = analysis.directives[0]
    >>> d.action, analysis.text[d.start:d.end] == d.action
    ('tăng cường đối thoại với Nhân dân', True)
    """

    article: Article
    summary: list[KeySentence]
    directives: list[Directive]
    tags: list[Tag] | None

    @property
    def text(self) -> str:
        """The caller's original string, which every offset refers to."""
        return self.article.text

    @property
    def title(self) -> str | None:
        """The headline, if the text has one."""
        return self.article.title.text if self.article.title is not None else None

    @property
    def primary_tag(self) -> str | None:
        """The primary tag's label (``None`` without a tagger)."""
        return self.tags[0].label if self.tags else None

    def summary_text(self, separator: str = " ") -> str:
        """The key sentences joined into one string."""
        return separator.join(k.text for k in self.summary)

    def to_dict(self, include_article: bool = False) -> dict[str, Any]:
        """Plain data for JSON: the text every offset refers to (for a web page, the extracted article), the
        title, tags, summary and directives, each span with its offsets.

        Args:
            include_article: add the parsed article (sentences, captions, set-aside blocks) under ``"article"``.
        """
        title = self.article.title
        data: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "text": self.text,
            "title": {"text": title.text, "start": title.start, "end": title.end} if title is not None else None,
            "source_category": self.article.source_category,
            "is_vietnamese": self.article.language.is_vietnamese,
            "tags": [t.to_dict() for t in self.tags] if self.tags is not None else None,
            "summary": [k.to_dict() for k in self.summary],
            "directives": [d.to_dict() for d in self.directives],
        }
        if include_article:
            data["article"] = self.article.to_dict()
        return data

    def to_json(self, indent: int | None = 2, include_article: bool = False) -> str:
        """:meth:`to_dict` as JSON (UTF-8 text, Vietnamese not escaped)."""
        return json.dumps(self.to_dict(include_article), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """A Markdown report: title, tags, summary, then a table of the directives."""
        from .report import analysis_to_markdown

        return analysis_to_markdown(self)

    def _repr_html_(self) -> str:
        from .report import analysis_to_html

        return analysis_to_html(self)

    def __repr__(self) -> str:
        tags = "no tagger" if self.tags is None else ", ".join(t.label for t in self.tags) or "none"
        return (
            f"Analysis(title={self.title!r}, sentences={len(self.article.sentences)}, "
            f"summary={len(self.summary)}, directives={len(self.directives)}, tags=[{tags}])"
        )
