"""Markdown and HTML views of an :class:`~vnnews_nlp.Analysis`: tags on top, highlights in the text."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .analysis import Analysis
    from .directives import Directive

STYLE = """<style>
.vnnews-analysis{font-family:system-ui,sans-serif;line-height:1.55;max-width:60em}
.vnnews-analysis .tag{display:inline-block;border-radius:1em;padding:0 .6em;margin:0 .3em .3em 0;
 background:#e8eef8;border:1px solid #9bb1d6;font-size:.9em}
.vnnews-analysis .tag.primary{background:#2f5fa8;color:#fff;border-color:#2f5fa8}
.vnnews-analysis .key{background:#fff3b0}
.vnnews-analysis .directive{border-bottom:2px solid #2b8a3e;background:#e6f4ea}
.vnnews-analysis .key.directive{background:#f3f0b8}
.vnnews-analysis .issuer{font-weight:600;color:#7a2e8e}
.vnnews-analysis .addressee{font-weight:600;color:#1d6fa5}
.vnnews-analysis .deadline{font-style:italic;color:#b8400e}
.vnnews-analysis table{border-collapse:collapse;font-size:.9em}
.vnnews-analysis td,.vnnews-analysis th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top;text-align:left}
.vnnews-analysis .legend span{margin-right:1em}
</style>"""


def _mention(directive: Directive, role: str) -> str:
    mention = getattr(directive, role)
    return mention.text if mention is not None else ""


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md(value: str) -> str:
    """Article text made inert in Markdown: one line, markup characters escaped."""
    return " ".join(value.split()).translate(_MARKDOWN_SPECIAL)


def analysis_to_markdown(analysis: Analysis) -> str:
    """Title, tags, the summary as a quote, then one table row per directive with its offsets."""
    out: list[str] = [f"# {_md(analysis.title)}" if analysis.title else "# (untitled)", ""]
    if analysis.tags is not None:
        out += ["**Tags:** " + (", ".join(f"{_md(t.label)} ({t.score:.2f})" for t in analysis.tags) or "none"), ""]
    out += ["## Summary", ""]
    out += [f"> {_md(k.text)} `[{k.start}:{k.end}]`" for k in analysis.summary] or ["(no sentence)"]
    out += ["", f"## Directives ({len(analysis.directives)})", ""]
    if analysis.directives:
        out += ["| # | Issuer | Addressee | Action | Deadline | Offsets |", "|---|---|---|---|---|---|"]
        for n, d in enumerate(analysis.directives, 1):
            cells = [_mention(d, "issuer"), _mention(d, "addressee"), d.action, _mention(d, "deadline")]
            out.append(f"| {n} | " + " | ".join(_md(c) for c in cells) + f" | {d.start}:{d.end} |")
    else:
        out.append("(none)")
    return "\n".join(out) + "\n"


def _layers(analysis: Analysis) -> list[tuple[int, int, str, str]]:
    """``(start, end, css class, tooltip)`` for every highlighted stretch of the text."""
    layers = [(k.start, k.end, "key", f"key sentence (score {k.score:.2f})") for k in analysis.summary]
    for d in analysis.directives:
        who = " → ".join(x for x in (_mention(d, "issuer"), _mention(d, "addressee")) if x)
        note = f"directive ({d.kind}, confidence {d.confidence:.2f})" + (f": {who}" if who else "")
        layers.append((d.start, d.end, "directive", note))
        for role in ("issuer", "addressee", "deadline"):
            mention = getattr(d, role)
            if mention is not None:
                layers.append((mention.start, mention.end, role, role))
    return layers


def _highlight(text: str, offset: int, layers: list[tuple[int, int, str, str]]) -> str:
    """``text`` (which starts at ``offset`` in the original) as HTML: cut at every highlight boundary, each
    piece in one span whose classes are all the highlights covering it."""
    end = offset + len(text)
    inside = [(max(s, offset), min(e, end), c, t) for s, e, c, t in layers if s < end and e > offset]
    cuts = sorted({offset, end, *(s for s, _, _, _ in inside), *(e for _, e, _, _ in inside)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [(c, t) for s, e, c, t in inside if s <= left and right <= e]
        piece = html.escape(text[left - offset : right - offset])
        if covering:
            classes = " ".join(dict.fromkeys(c for c, _ in covering))
            tips = "; ".join(dict.fromkeys(t for _, t in covering))
            piece = f'<span class="{classes}" title="{html.escape(tips)}">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def analysis_to_html(analysis: Analysis) -> str:
    """Self-contained HTML: tags as badges, the article with key sentences and directives highlighted,
    then the directives as a table."""
    article = analysis.article
    layers = _layers(analysis)
    out = [STYLE, '<div class="vnnews-analysis">']
    if analysis.tags is not None:
        badges = [
            f'<span class="tag{" primary" if i == 0 else ""}" title="score {t.score:.2f}">{html.escape(t.label)}</span>'
            for i, t in enumerate(analysis.tags)
        ]
        out.append("<div>" + "".join(badges) + "</div>")
    if article.title is not None:
        out.append(f"<h3>{html.escape(article.title.text)}</h3>")
    out.append(
        '<div class="legend"><span class="key">key sentence</span><span class="directive">directive</span>'
        '<span class="issuer">issuer</span><span class="addressee">addressee</span>'
        '<span class="deadline">deadline</span></div>'
    )
    for paragraph in article.paragraphs:
        out.append(f"<p>{_highlight(paragraph.text, paragraph.start, layers)}</p>")
    if analysis.directives:
        out.append("<table><tr><th>#</th><th>Issuer</th><th>Addressee</th><th>Action</th><th>Deadline</th></tr>")
        for n, d in enumerate(analysis.directives, 1):
            cells = [_mention(d, "issuer"), _mention(d, "addressee"), d.action, _mention(d, "deadline")]
            out.append(f"<tr><td>{n}</td>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    out.append("</div>")
    return "\n".join(out)
