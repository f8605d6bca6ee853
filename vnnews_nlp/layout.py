"""Page layout of an article copied from a news site: which paragraph is what.

People copy articles from the web with everything around them: the headline repeated as a photo
caption, the caption itself, the paper's source mark ``(Baohatinh.vn) -``, its topic line
``Chủ đề Chủ trương - Chính sách``, "Đọc thêm" tails with other articles' headlines, bylines, photo
credits, share buttons. :func:`analyse_layout` gives each paragraph a role so that only the article's
own content is analysed. It reads the normalised text and returns offsets into it.

Rules (all on one paragraph, or one line when paragraphs are not separated by blank lines):

* ``title``: the first paragraph, if the text has more than one and it is short (≤ 40 words).
* ``related``: a "Đọc thêm" / "Tin liên quan" / "Xem thêm" … header line and everything after it, and a
  paragraph of links to other articles (``Xem thêm > > headline``, ``>> headline``).
* ``topic_line`` (``Chủ đề …``, ``Chuyên mục …``), ``tags`` (``Tags: …``, ``Từ khóa: …``),
  ``share`` (share buttons), ``navigation`` (breadcrumbs ``A > B``).
* ``caption``: the title repeated as a paragraph (an image's alt text), the short paragraph right
  after it, short paragraphs marked ``Ảnh: …`` / ending in ``(Ảnh: …)``, and one-sentence paragraphs
  that place people in a photo (``Ông A (trái) và ông B``, ``(thứ hai từ phải sang)``); ``credit``: a paragraph
  that is only ``Ảnh: …``.
* ``byline``: short name-like paragraphs (``Thu Hằng``, ``Quang Huy (TTXVN)``, ``Theo VnExpress``)
  at the end of the content.
* ``lead``: the first content paragraph when it carries a source mark, or when it opens an article
  of three or more content paragraphs and is at most 120 words.
* ``list_item``: content paragraphs opening with a bullet (``-``, ``+``, ``•``, ``*``, ``a)``, ``1.``).
* ``body``: everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Offsets = tuple[int, int]

CONTENT_ROLES = ("lead", "body", "list_item")

_TAIL_HEADER = re.compile(
    r"(?:đọc thêm|xem thêm|tin liên quan|bài liên quan|tin bài liên quan|tin cùng chuyên mục|"
    r"cùng chuyên mục|tin khác|các tin khác|tin mới|tin mới nhất|tin nổi bật|tin đọc nhiều|"
    r"có thể bạn quan tâm|bạn có thể quan tâm|video đang được quan tâm)\s*:?",
    re.IGNORECASE,
)
_TOPIC_LINE = re.compile(r"(?:chủ đề|chuyên mục|chuyên đề|danh mục)\s*[:\-]?\s*(\S.{1,60})", re.IGNORECASE)
_TAGS = re.compile(r"(?:tags?|từ khóa|từ khoá)\s*:.*", re.IGNORECASE)
_SHARE_WORDS = frozenset(
    "chia sẻ facebook zalo twitter tweet email e-mail in bài gửi bình luận lưu copy link "
    "sao chép liên kết like share thích theo dõi google news tin bản quay lại trang chủ lên đầu "
    "trang x linkedin telegram".split()
)
#: A paragraph of links to other articles: ``Xem thêm > > headline``, ``>> headline >> headline``.
#: What introduces links to other articles, and the marker before each link (shared with :mod:`.inline`).
LINK_HEADERS = r"xem thêm|đọc thêm|tham khảo|tin liên quan|bài liên quan|xem tiếp|mời xem"
LINK_MARKER = r">\s?>\s*(?:>\s*)?"
_LINK_LINE = re.compile(rf"(?:(?:{LINK_HEADERS})\s*:?\s*)?{LINK_MARKER}", re.IGNORECASE)
_NAVIGATION = re.compile(r"[^>»|]{1,40}(?:\s*[>»|]\s*[^>»|]{1,40}){1,6}")
_CREDIT = re.compile(
    r"\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh|clip|video)\s*:\s*[^.]{1,60}\)?\.?", re.IGNORECASE
)
_CAPTION_MARK = re.compile(
    r"^(?:ảnh|ảnh minh họa|clip|video)\s*:|\((?:ảnh|nguồn)\s*:[^)]*\)\.?$|[.\-]\s*ảnh\s*:[^.]{1,60}$",
    re.IGNORECASE,
)
#: Where a person stands in a photo: ``(trái)``, ``(phải)``, ``(giữa)``, ``(ngoài cùng bên trái)``,
#: ``(thứ hai từ phải sang)`` — the mark of a photo caption.
_PHOTO_POSITION = re.compile(r"\((?:[^()]{0,30}\s)?(?:trái|phải|giữa)(?:\s+sang)?\)", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(
    r"(?:theo|nguồn|bài và ảnh|bài, ảnh|bài/ảnh|bài - ảnh|tin và ảnh|tin, ảnh|tin/ảnh|nhóm pv|pv|"
    r"nhóm phóng viên|btv|ctv)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[-–&(]*[A-ZĐÀ-ỸẠ-Ỹ][\w.]*[)]*\.?|[-–&]|\(\w[\w. ]*\)")
_SOURCE_MARK = re.compile(r"(?P<mark>\([^()\n]{2,40}\)|[A-ZĐ][A-ZĐ0-9&]{1,11}(?:\.[A-Za-z]{2,3})?)\s*-\s+")
_DATELINE = re.compile(
    r"(?:(?:sáng|chiều|trưa|tối|đêm|khuya|rạng sáng|ngày|hôm nay|hôm qua|sáng nay|chiều nay|tối nay|"
    r"sáng qua|chiều qua|tối qua|đêm qua)\s*(?:\(\s*)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\)?|"
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)(?=\s*,)",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(r"(?:[-+•*]|[a-zđ]\)|\d{1,2}[.)]|[IVX]{1,5}\.)\s+")
_SENTENCE_END = ".!?…:;\"')]"

TITLE_MAX_WORDS = 40
CAPTION_MAX_WORDS = 35
LEAD_MAX_WORDS = 120
BYLINE_MAX_WORDS = 8


@dataclass
class BlockLayout:
    """One paragraph's role and offsets (into the normalised text)."""

    role: str
    start: int
    end: int
    content_start: int = -1
    marker: Offsets | None = None

    def __post_init__(self) -> None:
        if self.content_start < 0:
            self.content_start = self.start


@dataclass
class Layout:
    """What :func:`analyse_layout` found, in normalised offsets."""

    blocks: list[BlockLayout] = field(default_factory=list)
    source_category: str | None = None
    source_mark: Offsets | None = None
    dateline: Offsets | None = None


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as ``(start, end, after_blank_line)``, trimmed."""
    out = []
    pos = 0
    blank = True
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append((start, start + len(stripped), blank))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


def _paragraphs(text: str) -> list[Offsets]:
    """Lines joined where a line was soft-wrapped (no final punctuation, next starts lower-case)."""
    paragraphs: list[Offsets] = []
    for start, end, after_blank in _lines(text):
        if (
            paragraphs
            and not after_blank
            and text[paragraphs[-1][1] - 1] not in _SENTENCE_END
            and text[start].islower()
        ):
            paragraphs[-1] = (paragraphs[-1][0], end)
        else:
            paragraphs.append((start, end))
    return paragraphs


def _words(text: str) -> int:
    return len(text.split())


def _sentence_count(chunk: str) -> int:
    """Sentence ends (``.``, ``!``, ``?`` before a space or the end) in a paragraph."""
    return len(re.findall(r"[.!?](?:\s|$)", chunk))


def _is_share_line(chunk: str) -> bool:
    words = re.findall(r"[^\W\d_]+|\d+", chunk.lower())
    return bool(words) and len(words) <= 12 and all(w in _SHARE_WORDS for w in words)


def is_byline(chunk: str) -> bool:
    """A short name-like line that signs the article: ``Thu Hằng``, ``Quang Huy (TTXVN)``, ``Theo VnExpress``."""
    if _words(chunk) > BYLINE_MAX_WORDS or chunk.endswith((":", ";", ",")):
        return False
    if _BYLINE_PREFIX.match(chunk):
        return True
    if chunk.endswith(".") and not chunk.endswith(")."):
        return False
    tokens = chunk.split()
    return all(_NAME_WORD.fullmatch(t) for t in tokens) and any(t[0].isupper() for t in tokens)


def _key(chunk: str) -> str:
    return re.sub(r"\W+", " ", chunk.casefold()).strip()


def analyse_layout(text: str, has_title: bool | None = None) -> Layout:
    """Give every paragraph of the normalised ``text`` a role.

    Args:
        text: normalised article text (see :func:`vnnews_nlp.text.normalize`).
        has_title: whether the first paragraph is the title; ``None`` decides from its length.
    """
    paragraphs = _paragraphs(text)
    layout = Layout()
    if not paragraphs:
        return layout
    roles: list[str | None] = [None] * len(paragraphs)
    chunks = [text[s:e] for s, e in paragraphs]

    if has_title is None:
        has_title = len(paragraphs) > 1 and _words(chunks[0]) <= TITLE_MAX_WORDS
    title_key = _key(chunks[0]) if has_title else None
    if has_title:
        roles[0] = "title"

    first = 1 if has_title else 0
    for i in range(max(first, 1), len(paragraphs)):
        if _TAIL_HEADER.fullmatch(chunks[i]):
            for j in range(i, len(paragraphs)):
                roles[j] = "related"
            break

    caption_next = False
    for i in range(first, len(paragraphs)):
        if roles[i] is not None:
            continue
        chunk = chunks[i]
        follows_repeat, caption_next = caption_next, False
        topic = _TOPIC_LINE.fullmatch(chunk)
        if topic:
            roles[i] = "topic_line"
            layout.source_category = layout.source_category or topic.group(1).strip()
        elif _TAGS.fullmatch(chunk):
            roles[i] = "tags"
        elif _is_share_line(chunk):
            roles[i] = "share"
        elif _LINK_LINE.match(chunk):
            roles[i] = "related"
        elif _words(chunk) <= 12 and _NAVIGATION.fullmatch(chunk) and not re.search(r"[.!?]$", chunk):
            roles[i] = "navigation"
        elif title_key is not None and _key(chunk) == title_key:
            roles[i] = "caption"
            caption_next = True
        elif _CREDIT.fullmatch(chunk):
            roles[i] = "credit"
        elif _CAPTION_MARK.search(chunk) and _words(chunk) <= 60:
            roles[i] = "caption"
        elif _PHOTO_POSITION.search(chunk) and _words(chunk) <= CAPTION_MAX_WORDS and _sentence_count(chunk) <= 1:
            roles[i] = "caption"
        elif follows_repeat and _words(chunk) <= CAPTION_MAX_WORDS and _sentence_count(chunk) <= 1:
            roles[i] = "caption"

    content = [i for i, r in enumerate(roles) if r is None]
    while len(content) > 1 and is_byline(chunks[content[-1]]):
        roles[content.pop()] = "byline"

    for rank, i in enumerate(content):
        start, end = paragraphs[i]
        block = BlockLayout("body", start, end)
        if rank < 2:
            mark = _SOURCE_MARK.match(text, start, end) if rank == 0 else None
            if mark:
                layout.source_mark = (mark.start("mark"), mark.end("mark"))
                block.content_start = mark.end()
            if layout.dateline is None:
                date = _DATELINE.match(text, block.content_start, end)
                if date:
                    layout.dateline = (date.start(), date.end())
        if rank == 0 and (
            layout.source_mark is not None or (len(content) >= 3 and _words(chunks[i]) <= LEAD_MAX_WORDS)
        ):
            block.role = "lead"
        else:
            marker = _LIST_MARKER.match(text, start, end)
            if marker and marker.end() < end:
                block.role = "list_item"
                block.marker = (start, start + len(marker.group().rstrip()))
                block.content_start = marker.end()
        roles[i] = block.role
        layout.blocks.append(block)

    by_start = {b.start: b for b in layout.blocks}
    layout.blocks = [by_start.get(s) or BlockLayout(roles[k] or "body", s, e) for k, (s, e) in enumerate(paragraphs)]
    return layout
