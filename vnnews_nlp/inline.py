"""Photo captions, credits and related-article links glued into running text.

Text scraped into one line per article (or copied without paragraph breaks) keeps the page's photo
captions inside its paragraphs: ``… Kandahar, Afghanistan. Ảnh: RIA Novosti. Tổ chức …``,
``Logo mới của Yahoo - Ảnh: Yahoo. Theo …``, ``… tại TP HCM (Ảnh: Nguyễn An) Tại các khu vực …``.
:func:`inline_furniture` finds them inside one content paragraph, so that sentences are made of the
article's own words only. It reads the normalised text (plain dashes) and returns offsets into it.

Rules:

* a credit is ``Ảnh: name`` (``Ảnh minh họa``, ``Nguồn ảnh``, ``Tin, ảnh: …``, ``Ảnh và clip`` …), in
  brackets or not, with a capitalised ``Ảnh`` outside brackets and no related-link marker before it; its
  name runs to a full stop, or over capitalised words (``AFP``, ``Hoàng Hải - TTXVN``, ``P.V.``) up to
  the first word that opens the next sentence (*Theo đó*, *Như vậy*, *Hãng tin*); a name of at most six
  words that closes the paragraph is taken whole (``Ảnh: Times of Israel``); ``(Trong ảnh: …)`` says
  what the photo shows and is a caption;
* the caption is the text between the sentence before the credit and the credit, when it has no
  full stop of its own (``Logo mới của Yahoo - Ảnh: …``) and at most :data:`CAPTION_MAX_WORDS` words;
  when the credit follows a full stop, the sentence just before it is the caption (same limit) if more
  text follows the credit in the same paragraph (the page's layout flattened) or if it is the
  paragraph's only sentence (``Lãnh đạo tỉnh thăm hỏi bà con. Ảnh: Thu Hằng``);
* otherwise the credit is dropped alone: ``Hội nghị bế mạc. Đại biểu biểu quyết. Ảnh: Thu Hằng``;
* links to other articles, ``[Xem thêm] >> headline >> headline``, run from their header (*Xem thêm*,
  *Đọc thêm*, *Tham khảo* …) or first marker to the end of the last
  headline: the next marker, or the end of its sentence when that is at most 25 words away (a longer
  stretch means the headline ran into the article's own sentence, and only the marker goes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import CAPTION_MAX_WORDS, LINK_HEADERS, LINK_MARKER
from .text.sentences import split_sentences

Offsets = tuple[int, int]

#: Upper-case letters (Latin with Vietnamese diacritics, and any other script of the BMP's first blocks).
_UPPER = "".join(re.escape(chr(c)) for c in range(0x41, 0x2000) if chr(c).isupper())
_BRACKETED = re.compile(
    r"\(\s*(?:[Ảả]nh minh họa|[Ảả]nh minh hoạ|[Ảả]nh tư liệu|[Nn]guồn ảnh|[Tt]rong ảnh|[Ảả]nh, clip|[Ảả]nh)"
    rf"(?:\s*:[^()]{{0,60}}|\s+[{_UPPER}][^()]{{0,40}})?\)\.?"
)
_CREDIT_WORDS = (
    r"(?:Ảnh minh họa|Ảnh minh hoạ|Ảnh tư liệu|Ảnh và clip|Ảnh, clip|Nguồn ảnh|Tin, ảnh|Bài, ảnh|Tin và ảnh|"
    r"Bài và ảnh|Trong ảnh|Ảnh)"
)
#: ``Ảnh: name``, ``- Ảnh name`` (a dash, then a capitalised name), or a bare ``Ảnh minh họa``; a dash before
#: the credit belongs to it.
_CREDIT_HEAD = re.compile(
    rf"(?<!>)(?<!>\s)(?<!\w){_CREDIT_WORDS}\s*:"
    rf"|(?:(?<=-)|(?<=-\s))Ảnh\s+(?=[{_UPPER}])"
    r"|(?<!\w)(?P<bare>Ảnh minh họa|Ảnh minh hoạ|Ảnh tư liệu)(?!\s*:)"
)
#: The dash between a caption and its credit belongs to the credit: ``Logo mới của Yahoo - Ảnh: AFP``.
_DASH_BEFORE = re.compile(r"\s*-\s*$")
#: A link to another article: ``>> Ấn Độ kêu gọi hòa bình …``, ``> > Ảnh: …``, ``>> Xem thêm: …``.
_LINK_MARKER = re.compile(LINK_MARKER)
_HEADLINE_WORDS = 25
_IN_PHOTO = re.compile(r"[\s(-]*trong ảnh", re.IGNORECASE)
#: What introduces the links: ``Xem thêm > > …``, ``Đọc thêm: >> …``.
_LINK_HEADER = re.compile(rf"(?<!\w)(?:{LINK_HEADERS})\s*:?\s*$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"\S+")
_PROVIDED = re.compile(r"\s+(?:cung cấp|chụp lại|chụp|sưu tầm)(?!\w)\.?")
_CONNECTORS = frozenset("- / & và +".split())
#: Capitalised words that open a sentence rather than continue a photographer's or agency's name.
_OPENERS = frozenset(
    """
    Theo Tại Trong Khi Sau Trước Ngày Sáng Chiều Tối Trưa Đêm Hôm Như Tuy Nhưng Còn Với Đây Đó Hiện Cũng
    Ông Bà Anh Chị Các Những Một Người Nhiều Từ Để Do Vì Nếu Năm Tháng Qua Bên Ngoài Riêng Về Đặc Mới
    """.split()
)
_MAX_NAME_WORDS = 6
_INSIDE_STOP = re.compile(r"[.!?…](?=\s)")
_INITIALS = re.compile(rf"(?:[{_UPPER}][a-zđ]?\.)+")


def _glued_name(word: str) -> int | None:
    """Where a name in capitals ends inside ``word`` when the page lost the space after it: ``ĐỊNHXây``."""
    for k in range(2, len(word) - 1):
        if word[k].isupper() and word[k + 1].islower():
            name = word[:k].replace(".", "")  # *C.TRUNGCông ty …*
            return k if name.isupper() and name.isalpha() else None
    return None


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where the photographer's or agency's name after ``Ảnh:`` ends; ``None`` when no name follows."""
    tokens = list(_NAME_TOKEN.finditer(text, start, end))[: _MAX_NAME_WORDS + 1]
    if (
        0 < len(tokens) <= _MAX_NAME_WORDS
        and tokens[0].group()[0].isupper()
        and not _INSIDE_STOP.search(text, start, tokens[-1].end())
    ):
        return end  # the paragraph ends with the name: *Ảnh: Times of Israel*, *Ảnh: Tri thức*
    taken: list[re.Match[str]] = []
    for k, token in enumerate(tokens):
        word = token.group()
        if word in _CONNECTORS and taken:
            taken.append(token)
            continue
        following = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        opens_sentence = taken and following and word.rstrip(".,:;") in _OPENERS  # *Ảnh: AFP Theo Hãng tin …*
        if not word[0].isupper() or len(taken) == _MAX_NAME_WORDS or opens_sentence:
            break
        glued = _glued_name(word)
        if glued is not None:
            return token.start() + glued
        taken.append(token)
        if _INITIALS.fullmatch(word) and following[:1].isupper():
            continue  # *Ảnh: Q. Định*, *Ảnh: Đ. N.*
        if word.endswith((".", ")", ",", ";", ":")):
            return token.end()
        provided = _PROVIDED.match(text, token.end(), end)
        if provided is not None:
            return provided.end()  # *Ảnh: Vietinbank cung cấp*
        sentence_follows = following[:1].islower() or following[:1].isdigit()
        if sentence_follows and len(taken) == 1 and not word.isupper():
            return None  # *Ảnh: Các tỉnh Tây Bắc chìm …*: a heading, not a name
        if sentence_follows and not word.isupper():
            taken.pop()  # *Ảnh: CNN Bộ trưởng …*, *Ảnh: Xuân Mai Khoảng 11h30 …*: that word opens a sentence
            break
    while taken and taken[-1].group() in _CONNECTORS:
        taken.pop()
    return taken[-1].end() if taken else None


def _credits(text: str, start: int, end: int) -> list[Offsets]:
    chunk = text[start:end]
    if "ảnh" not in chunk and "Ảnh" not in chunk:  # every credit names a photo; most paragraphs have none
        return []
    found: list[Offsets] = [m.span() for m in _BRACKETED.finditer(text, start, end)]
    for head in _CREDIT_HEAD.finditer(text, start, end):
        if any(s <= head.start() < e for s, e in found):
            continue
        credit_end = head.end() if head.group("bare") else _name_end(text, head.end(), end)
        if credit_end is None:
            continue  # *Ảnh: 10 năm tham chiến …*: a gallery's heading, not a credit
        if text.startswith(".", credit_end) and credit_end < end:
            credit_end += 1
        dash = _DASH_BEFORE.search(text, max(start, head.start() - 4), head.start())
        found.append((dash.start() if dash else head.start(), credit_end))
    return sorted(found)


def _caption_start(text: str, paragraph_start: int, start: int, credit: Offsets, end: int) -> int:
    """Where the caption that ``credit`` belongs to opens (``credit[0]`` when there is none); ``start`` is
    where the paragraph's text after the previous credit begins."""
    sentences = split_sentences(text, start, credit[0]) if text[start : credit[0]].strip() else []
    if not sentences:
        return credit[0]
    last_start, last_end = sentences[-1]
    if not text[last_start:last_end].endswith((".", "!", "?", "…")):
        return last_start if _words(text, last_start, last_end) <= CAPTION_MAX_WORDS else credit[0]
    # the page's layout flattened (more text follows the credit), or a paragraph of one captioned sentence
    glued = text[credit[1] : end].strip() != ""
    alone = len(sentences) == 1 and start == paragraph_start
    return last_start if (glued or alone) and _words(text, last_start, last_end) <= CAPTION_MAX_WORDS else credit[0]


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _related(text: str, start: int, end: int) -> list[Offsets]:
    """Runs of links to other articles: ``>> headline >> headline``, each to the next marker, the last one
    to the end of its sentence when that is short enough to be a headline."""
    runs: list[Offsets] = []
    markers = list(_LINK_MARKER.finditer(text, start, end))
    k = 0
    while k < len(markers):
        first = markers[k]
        while k + 1 < len(markers) and _words(text, markers[k].end(), markers[k + 1].start()) <= _HEADLINE_WORDS:
            k += 1
        last = markers[k]
        sentences = split_sentences(text, last.end(), end) if text[last.end() : end].strip() else []
        tail = sentences[0][1] if sentences else last.end()
        if _words(text, last.end(), tail) > _HEADLINE_WORDS:
            tail = last.end()  # the headline runs into the article's own sentence: only the marker goes
        header = _LINK_HEADER.search(text, start, first.start())
        runs.append((header.start() if header else first.start(), tail))
        k += 1
    return runs


@dataclass(frozen=True)
class Furniture:
    """A stretch of page furniture inside a paragraph: ``role`` is ``"caption"`` (a caption with its credit),
    ``"credit"`` (a credit alone) or ``"related"`` (links to other articles)."""

    start: int
    end: int
    role: str


def inline_furniture(text: str, start: int, end: int) -> list[Furniture]:
    """Photo captions with their credits, bare credits and runs of related-article links inside the paragraph
    ``text[start:end]``, sorted and not overlapping, with offsets into ``text``.

    >>> t = "Logo mới của Yahoo - Ảnh: AFP Theo CNET, Yahoo sẽ đổi giao diện. >> Yahoo bán Tumblr Ảnh: Minh Anh"
    >>> [(f.role, t[f.start:f.end]) for f in inline_furniture(t, 0, len(t))]
    [('caption', 'Logo mới của Yahoo - Ảnh: AFP'), ('related', '>> Yahoo bán Tumblr Ảnh: Minh Anh')]
    """
    related = _related(text, start, end) if ">" in text[start:end] else []
    found = [Furniture(s, e, "related") for s, e in related]
    floor = start
    for credit in _credits(text, start, end):
        if credit[0] < floor or any(s <= credit[0] < e for s, e in related):
            continue
        barrier = max((e for s, e in related if e <= credit[0]), default=floor)
        opens = _caption_start(text, start, max(floor, barrier), credit, end)
        describes = _IN_PHOTO.match(text, credit[0]) is not None  # *(Trong ảnh: …)* says what the photo shows
        found.append(Furniture(opens, credit[1], "credit" if opens == credit[0] and not describes else "caption"))
        floor = credit[1]
    return sorted(found, key=lambda f: f.start)


def content_pieces(text: str, start: int, end: int) -> tuple[list[Offsets], list[Furniture]]:
    """``text[start:end]`` split into the stretches of running text and the furniture between them."""
    chunk = text[start:end]
    if "ảnh" not in chunk and "Ảnh" not in chunk and ">" not in chunk:  # most paragraphs: nothing to look for
        return [(start, end)], []
    furniture = inline_furniture(text, start, end)
    pieces: list[Offsets] = []
    position = start
    for item in furniture:
        if text[position : item.start].strip():
            pieces.append((position, item.start))
        position = item.end
    if text[position:end].strip():
        pieces.append((position, end))
    return pieces, furniture
