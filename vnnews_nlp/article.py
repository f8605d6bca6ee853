"""The document model: one :class:`Article` owns the text; everything else is a view into it."""

from __future__ import annotations

import json
import re
import threading
from typing import Any

from .errors import HTMLInputError
from .inline import content_pieces
from .layout import CONTENT_ROLES, BlockLayout, Layout, analyse_layout, is_byline
from .spans import Block, Paragraph, Sentence, Span, Token
from .text.language import LanguageCheck, check_language
from .text.normalize import NormalizedText, normalize
from .text.sentences import split_sentences
from .text.validate import ensure_text
from .text.words import segment_words

_HTML_PAGE = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|img|table|tr|td|li|ul|h[1-6]|script|style)\b[^>]*>", re.IGNORECASE)

#: Sentences longer than this (a missing full stop, a pasted table) are cut at clause punctuation.
MAX_SENTENCE_WORDS = 120

BOILERPLATE_ROLES = ("related", "topic_line", "tags", "byline", "credit", "share", "navigation")


def _signature(sentence: str) -> bool:
    """The article's last sentence is its byline when every word is capitalised: ``… khiêu khích. Quốc Anh``."""
    return is_byline(sentence) and all(w[:1].isupper() or w[:1] in "(-&" for w in sentence.split())


class Article:
    """A news article parsed from raw text, as people copy it from a news page.

    Build one with :func:`parse_article` (or :meth:`Article.from_text`). The article keeps the
    caller's string unchanged in :attr:`text`; every span it hands out (title, paragraphs,
    sentences, captions, tokens, boilerplate) carries ``start``/``end`` offsets into it, so
    ``article.text[span.start:span.end] == span.text`` always holds.

    Attributes:
        text: the caller's original string.
        normalized: the normalised text the models read, with its alignment to :attr:`text`.
        title: the headline, if the first paragraph is one.
        lead: the sapo (lead paragraph), if one was recognised; also the first of :attr:`paragraphs`.
        paragraphs: the content paragraphs (lead, body, list items), in order.
        sentences: the content sentences, in order; what summaries and directives are made from.
        captions: photo captions, including the headline repeated as a caption and captions glued
            inside a paragraph with their credit (``… - Ảnh: AFP``, :mod:`vnnews_nlp.inline`).
        boilerplate: what is not analysed: related-article tails, topic line, tags, bylines,
            photo credits (also those inside a paragraph), share and navigation lines.
        blocks: every paragraph of the input with its role, in order.
        source_mark: the paper's mark opening the lead, e.g. ``(Baohatinh.vn)``.
        dateline: the time expression opening the report, e.g. ``Chiều 19/1``.
        source_category: the page's own topic line, e.g. ``"Chủ trương - Chính sách"``.
        language: the outcome of the Vietnamese-language check.

    >>> a = parse_article("Hà Tĩnh tổng kết phong trào\\n\\nChiều 19/1, hội nghị diễn ra. Đại biểu thảo luận.")
    >>> a.title.text, [s.text for s in a.sentences], a.dateline.text
    ('Hà Tĩnh tổng kết phong trào', ['Chiều 19/1, hội nghị diễn ra.', 'Đại biểu thảo luận.'], 'Chiều 19/1')
    """

    def __init__(self, normalized: NormalizedText, layout: Layout, language: LanguageCheck) -> None:
        self.text: str = normalized.original
        self.normalized = normalized
        self.language = language
        self.source_category: str | None = layout.source_category
        self.source_mark: Span | None = self._span(Span, *layout.source_mark) if layout.source_mark else None
        self.dateline: Span | None = self._span(Span, *layout.dateline) if layout.dateline else None
        self.blocks: list[Block] = []
        self.paragraphs: list[Paragraph] = []
        self.sentences: list[Sentence] = []
        inline: list[Block] = []
        last_content = max((k for k, b in enumerate(layout.blocks) if b.role in CONTENT_ROLES), default=-1)
        for number, block in enumerate(layout.blocks):
            if block.role in CONTENT_ROLES:
                spans, furniture = self._content_spans(block, last=number == last_content)
                if not spans and furniture:  # *Xem thêm > > …*: the whole paragraph is furniture
                    self.blocks.append(self._span(Block, block.start, block.end, role=furniture[0].role))
                    continue
                inline.extend(furniture)
                sentences = tuple(
                    self._span(Sentence, s, e, index=len(self.sentences) + k, paragraph=len(self.paragraphs))
                    for k, (s, e) in enumerate(spans)
                )
                marker = self._span(Span, *block.marker) if block.marker else None
                paragraph = self._span(
                    Paragraph,
                    block.start,
                    block.end,
                    role=block.role,
                    index=len(self.paragraphs),
                    sentences=sentences,
                    marker=marker,
                )
                self.paragraphs.append(paragraph)
                self.sentences.extend(sentences)
                self.blocks.append(paragraph)
            else:
                self.blocks.append(self._span(Block, block.start, block.end, role=block.role))
        self.title: Block | None = next((b for b in self.blocks if b.role == "title"), None)
        self.lead: Paragraph | None = next((p for p in self.paragraphs if p.role == "lead"), None)
        self.captions: list[Block] = sorted(
            (b for b in [*self.blocks, *inline] if b.role == "caption"), key=lambda b: b.start
        )
        self.boilerplate: list[Block] = sorted(
            (b for b in [*self.blocks, *inline] if b.role in BOILERPLATE_ROLES), key=lambda b: b.start
        )
        self._tokens: dict[int, tuple[Token, ...]] = {}
        self._tokens_lock = threading.Lock()

    def _content_spans(self, block: BlockLayout, last: bool) -> tuple[list[tuple[int, int]], list[Block]]:
        """A content paragraph's sentences (normalised offsets) and the furniture glued inside it: captions,
        credits, related links (:mod:`.inline`) and, in the last paragraph, a closing byline."""
        text = self.normalized.text
        pieces, furniture = content_pieces(text, block.content_start, block.end)
        found = [self._span(Block, f.start, f.end, role=f.role) for f in furniture]
        spans = [span for s, e in pieces for span in split_sentences(text, s, e, max_words=MAX_SENTENCE_WORDS)]
        if last and len(spans) > 1 and _signature(text[slice(*spans[-1])]):
            found.append(self._span(Block, *spans.pop(), role="byline"))  # *… khiêu khích. Quốc Anh*
        return spans, found

    @classmethod
    def from_text(cls, text: str, *, has_title: bool | None = None) -> Article:
        """Parse raw article text (see :func:`parse_article`)."""
        text = ensure_text(text)
        if _HTML_PAGE.match(text) or len(_HTML_TAG.findall(text[:20_000])) >= 3:
            raise HTMLInputError(
                "text looks like an HTML page; pass it to Article.from_html(...) "
                '(pip install "vnnews-nlp[html]") to extract the article first'
            )
        normalized = normalize(text)
        language = check_language(normalized.text)
        return cls(normalized, analyse_layout(normalized.text, has_title=has_title), language)

    @classmethod
    def from_html(cls, html: str, *, url: str | None = None) -> Article:
        """Extract the article from a web page with trafilatura, then parse it.

        The offsets of the result refer to the extracted text (title, then the body's paragraphs, each
        after a blank line), which is :attr:`text`; they are not offsets into the HTML. Needs
        ``pip install "vnnews-nlp[html]"``.
        """
        html = ensure_text(html, "html")
        try:
            import trafilatura
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError('Article.from_html needs trafilatura: pip install "vnnews-nlp[html]"') from err
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        body = getattr(extracted, "text", None) if extracted is not None else None
        if not body or not body.strip():
            raise ValueError("no article text could be extracted from the HTML page")
        title = (getattr(extracted, "title", None) or "").strip()
        # trafilatura writes one paragraph per line, and keeps the page's <h1> when it repeats the title.
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        if title and lines and lines[0] == title:
            lines = lines[1:]
        text = "\n\n".join([title, *lines] if title else lines)
        return cls.from_text(text, has_title=bool(title))

    def _span(self, kind: type, start: int, end: int, **extra: Any) -> Any:
        ostart, oend = self.normalized.to_original(start, end)
        return kind(self, ostart, oend, start, end, **extra)

    def tokens_of(self, sentence: Sentence) -> tuple[Token, ...]:
        """Words of ``sentence`` (underthesea word segmentation), cached."""
        cached = self._tokens.get(sentence.index)
        if cached is None:
            spans = segment_words(self.normalized.text, sentence.norm_start, sentence.norm_end)
            cached = tuple(self._span(Token, s, e) for s, e in spans)
            with self._tokens_lock:
                self._tokens[sentence.index] = cached
        return cached

    @property
    def body_text(self) -> str:
        """The content paragraphs' normalised text, one paragraph per line (no title, captions or tails)."""
        return "\n".join(p.norm_text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of everything the article holds, offsets included."""

        def opt(span: Span | None) -> dict[str, Any] | None:
            return span.to_dict() if span is not None else None

        return {
            "title": opt(self.title),
            "source_mark": opt(self.source_mark),
            "dateline": opt(self.dateline),
            "source_category": self.source_category,
            "lead": opt(self.lead),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "captions": [c.to_dict() for c in self.captions],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "language": {
                "is_vietnamese": self.language.is_vietnamese,
                "vietnamese_share": round(self.language.vietnamese_share, 3),
            },
            "repaired_mojibake": self.normalized.repaired_mojibake,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        title = self.title.text if self.title else (self.sentences[0].text if self.sentences else "")
        return (
            f"Article({title[:50]!r}, {len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences, "
            f"{len(self.captions)} captions, {len(self.boilerplate)} boilerplate blocks)"
        )


def parse_article(text: str, *, has_title: bool | None = None) -> Article:
    """Parse raw Vietnamese article text into an :class:`Article`.

    Args:
        text: the article as copied from a news page: title on the first line, then paragraphs.
        has_title: whether the first paragraph is the headline; ``None`` (default) decides from its
            length (at most 40 words, and the text has more than one paragraph).

    Raises:
        TypeError: ``text`` is not a ``str`` (``None``, ``bytes`` …).
        EmptyTextError: ``text`` is empty or whitespace (a ``ValueError``).
        HTMLInputError: ``text`` is an HTML page (a ``ValueError``); use :meth:`Article.from_html`.
        LegacyEncodingError: ``text`` is in the TCVN3 or VNI font encoding (a ``ValueError``).

    Warns:
        LanguageWarning: the text does not look like Vietnamese; parsing is best effort.
        MojibakeWarning: mis-decoded UTF-8 could not be fully repaired.
    """
    return Article.from_text(text, has_title=has_title)
