"""Plain-text and Markdown views of an :class:`~vnnews_nlp.article.Article` for people to read."""

from __future__ import annotations

from .article import Article
from .spans import Span


def _offsets(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def article_to_text(article: Article) -> str:
    """A terminal-friendly listing: header fields, numbered sentences with offsets, what was set aside."""
    lines: list[str] = []
    if article.title is not None:
        lines += [f"Title     {article.title.text}  {_offsets(article.title)}"]
    if article.source_mark is not None:
        lines += [f"Source    {article.source_mark.text}  {_offsets(article.source_mark)}"]
    if article.dateline is not None:
        lines += [f"Dateline  {article.dateline.text}  {_offsets(article.dateline)}"]
    if article.source_category is not None:
        lines += [f"Category  {article.source_category}"]
    lines += ["", f"Sentences ({len(article.sentences)} in {len(article.paragraphs)} paragraphs)"]
    for sentence in article.sentences:
        lines.append(f"  {sentence.index + 1:>3}. {_offsets(sentence):>13}  {sentence.text}")
    if article.captions:
        lines += ["", f"Captions ({len(article.captions)})"]
        lines += [f"  - {_offsets(c):>13}  {c.text}" for c in article.captions]
    if article.boilerplate:
        lines += ["", f"Set aside ({len(article.boilerplate)})"]
        lines += [f"  - {b.role:<10} {_offsets(b):>13}  {b.text}" for b in article.boilerplate]
    return "\n".join(lines) + "\n"


def article_to_markdown(article: Article) -> str:
    """Markdown: the title as a heading, the lead in bold, paragraphs, then captions and set-aside blocks."""
    out: list[str] = []
    if article.title is not None:
        out += [f"# {article.title.text}", ""]
    meta = [
        f"{name}: {value}"
        for name, value in (
            ("Source", article.source_mark.text if article.source_mark else None),
            ("Dateline", article.dateline.text if article.dateline else None),
            ("Category", article.source_category),
        )
        if value
    ]
    if meta:
        out += ["*" + " · ".join(meta) + "*", ""]
    for paragraph in article.paragraphs:
        body = " ".join(s.text for s in paragraph.sentences)
        if paragraph.role == "lead":
            out += [f"**{body}**", ""]
        elif paragraph.role == "list_item":
            out += [f"- {body}", ""]
        else:
            out += [body, ""]
    if article.captions:
        out += ["## Captions", ""] + [f"- {c.text}" for c in article.captions] + [""]
    if article.boilerplate:
        out += ["## Set aside", ""] + [f"- *{b.role}*: {b.text}" for b in article.boilerplate] + [""]
    return "\n".join(out)
