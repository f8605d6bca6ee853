"""Candidate directives: clause units of an article's sentences, with their action, issuer and addressee.

The structure follows ``directives-guideline.md``. A sentence is cut into units on ``;`` and ``:`` and
on the commas where a learned model (:mod:`.commas`) sees a new action open. In each unit the action
starts at its head: after a verb of asking and its addressee (*đề nghị* **các địa phương** *tăng cường …*), after a
modal (*các cấp ủy* **cần** *nắm chắc …*), or at an imperative head (*tăng cường đối thoại …*). The
issuer is the subject of the verb of asking, or carries from the last attributed speaker; the addressee
carries across the items of a list and the following sentences of the same speech. Part-of-speech tags
from underthesea find where an addressee ends when no lexicon head does. Whether a unit really is a
directive is decided afterwards, by the learned classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import Article
from ..cues import (
    ACTION_PATTERN,
    FUTURE_PATTERN,
    IMPERATIVE_START,
    MODAL_PATTERN,
    PAST_PATTERN,
    PETITIONER_PATTERN,
    PRONOUNS,
    REQUEST_PATTERN,
    SPEECH_PATTERN,
)
from ..spans import Sentence
from ..text.words import tag_words
from .commas import ELABORATION, CommaModel
from .deadlines import find_deadlines

Offsets = tuple[int, int]

_CONNECTIVE = re.compile(
    r"(?:[\s,\-–+•*·\"“”'(]|\d{1,2}[.)]\s|[a-zđ][.)]\s)*"
    r"(?:(?:và|đồng thời|ngoài ra|bên cạnh đó|trên cơ sở đó|theo đó|cùng với đó|mặt khác|trong đó|"
    r"đặc biệt(?: là)?|nhất là|do đó|vì vậy|vì thế|tuy nhiên|qua đó|từ đó|sau đó|trước mắt|trước hết|"
    r"cụ thể(?: là)?|thứ nhất|thứ hai|thứ ba|một là|hai là|ba là|bốn là|năm là|"
    r"kết luận hội nghị|phát biểu kết luận(?: hội nghị)?|phát biểu chỉ đạo(?: hội nghị)?|"
    r"tại hội nghị|tại buổi làm việc|"
    r"đáng chú ý|trong thời gian tới|thời gian tới|sắp tới|trong năm tới)\b[\s,:]*)*",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s.;:,!…\"“”')\-–]+$")
_ISSUER_TRIM = re.compile(
    r"(?:\s+(?:cũng|đã|còn|vừa|tiếp tục|thì|đặc biệt|mới|lại|trực tiếp|đồng thời|liên tục|luôn|đều|vẫn))+$"
)
_CLAUSE_CUT = re.compile(r"[;:]|,(?=\s)")
_QUOTE_CLOSE_SPEAKER = re.compile(
    r"[\"”]\s*[,–-]\s*(?P<who>[^,\"“”]{2,80}?)\s+(?:nói|nhấn mạnh|viết|khẳng định|chỉ đạo|yêu cầu|lưu ý|"
    r"đề nghị|nêu rõ|nêu|cho hay|cho biết|phát biểu|chia sẻ)\W*$"
)
#: The verbs of asking (:data:`~vnnews_nlp.cues.REQUEST_PATTERN`) and *phân công* (*Chính phủ phân công Phó Thủ
#: tướng … chỉ đạo*), which assigns a task to the one named after it.
_ASKING = re.compile(rf"{REQUEST_PATTERN.pattern}|(?<!\w)phân công(?!\w)", re.IGNORECASE)
_NOT_ADDRESSEE_VERBS = {"liên quan", "ủy", "uỷ", "trực thuộc", "quản lý", "chức năng", "có", "thuộc"}
#: A verb after these nouns names who does it (*chủ đầu tư*, *nhà đầu tư*, *người lao động*): part of a name.
_AGENT_NOUNS = {"chủ", "nhà", "người"}
#: Words that open an adverbial (*Theo ông Hà,*), even when tagged otherwise or capitalised.
_PREPOSITIONS = frozenset("theo|tại|trong|với|về|từ|sau|trước|ngoài|đối với|riêng|qua|bên cạnh|thông qua".split("|"))
_OPENS_ADVERBIAL = re.compile(rf"(?:{'|'.join(sorted(_PREPOSITIONS, key=len, reverse=True))})(?!\w)", re.IGNORECASE)
_ADVERBIAL_LEAD = re.compile(rf"(?:{_OPENS_ADVERBIAL.pattern})[^,;:]{{0,60}},\s*", re.IGNORECASE)
#: Nouns, names, pronouns, determiners and numbers.
_NOMINAL_TAGS = ("N", "Np", "Nc", "Nu", "Ny", "P", "L", "M")
_HEAD_REQUESTS = {"chỉ đạo", "giao", "kêu gọi", "quán triệt", "đề xuất"}
_MAX_ADDRESSEE_WORDS = 20
_FINAL_MARKS = (".", "!", "?", "…", ";", ":", '"', "”", ")", "»")
_MAX_ISSUER_WORDS = 16


@dataclass
class Unit:
    """One clause unit: a candidate directive, in the article's normalised text.

    Attributes:
        sentence: the enclosing sentence.
        start, end: the action, normalised offsets.
        kind: ``"request"`` | ``"task"`` | ``"imperative"`` — what makes it a candidate.
        issuer, addressee, deadline: normalised offsets of each field, when found.
        issuer_explicit: the issuer is written in this sentence (not carried or resolved from a pronoun).
        signals: the observations the classifier reads (see :mod:`vnnews_nlp.directives.features`).
    """

    sentence: Sentence
    start: int
    end: int
    kind: str
    issuer: Offsets | None = None
    addressee: Offsets | None = None
    deadline: Offsets | None = None
    issuer_explicit: bool = False
    signals: dict[str, float] = field(default_factory=dict)


@dataclass
class _Speech:
    """What carries from sentence to sentence: the last speaker, and the addressee of the current speech."""

    issuer: Offsets | None = None
    addressee: Offsets | None = None
    addressee_sentence: int = -10
    directive_sentence: int = -10
    list_open: bool = False


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``, or ``None``."""
    matches = list(pattern.finditer(text, start, end))
    return matches[-1] if matches else None


def _strip_connectives(text: str, start: int, end: int) -> int:
    match = _CONNECTIVE.match(text, start, end)
    return match.end() if match else start


def _trim_end(text: str, start: int, end: int) -> int:
    match = _TRAILING.search(text, start, end)
    return match.start() if match and match.start() > start else end


def _trim_name(text: str, start: int, end: int) -> int:
    """Like :func:`_trim_end`, but a closing quote stays when the name opened one (*mô hình “Dân vận khéo”*;
    the normalised text writes both quotes as ``"``)."""
    trimmed = _trim_end(text, start, end)
    value = text[start:trimmed]
    following = text[trimmed : trimmed + 1]
    curly_open = value.count("“") > value.count("”") and following == "”"
    straight_open = value.count('"') % 2 == 1 and following == '"'
    return trimmed + 1 if curly_open or straight_open else trimmed


def _next_word(text: str, position: int, end: int) -> int:
    """Where the first word after ``position`` starts."""
    while position < end and text[position].isspace():
        position += 1
    return position


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


#: What an authority signs or sends before it asks: *vừa ký văn bản*, *có công văn* end the issuer's name.
_DOCUMENTS = frozenset(
    ("văn bản", "công văn", "công điện", "chỉ thị", "quyết định", "thông báo", "kết luận", "tờ trình", "thư")
)


class _Tags:
    """A sentence's words with their part-of-speech tags (underthesea), tagged once and queried by offset."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.words = tag_words(text, start, end)

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [w for w in self.words if start <= w[0] < end]

    def opens_with_verb(self, start: int, end: int) -> bool:
        """The first word is a verb, or an adverb / adjective / *không* right before one."""
        words = self.within(start, end)[:2]
        if not words:
            return False
        if words[0][2] == "V":
            return True
        return len(words) == 2 and words[0][2] in ("R", "A") and words[1][2] == "V"

    def opens_with_modifier(self, start: int, end: int) -> bool:
        """The first word is a lower-case adverb or adjective (*chỉ đạo sâu sát*): it qualifies a verb, it
        names nobody."""
        words = self.within(start, end)
        return bool(words) and not self.text[words[0][0]].isupper() and words[0][2] in ("A", "R")

    def opens_with_name(self, start: int, end: int) -> bool:
        """The first word can open a noun phrase: a noun, name, pronoun, determiner or number, or a capitalised
        word followed by another (*Quân đội nhân dân*, not *Đánh giá hạn chế*)."""
        words = self.within(start, end)
        if not words:
            return False
        tag = words[0][2]
        if tag in _NOMINAL_TAGS or _ORGANISATION.fullmatch(self.text, words[0][0], words[0][1]):
            return True
        return tag == "V" and len(words) > 1 and self.text[words[1][0]].isupper()

    def subject_before_verb(self, start: int, end: int) -> Offsets | None:
        """A short noun phrase (at most 10 words) opening the unit right before its first verb.

        A capitalised word inside the phrase is part of a name even when tagged as a verb (*Công ty TNHH
        MTV Công viên cây xanh*); a phrase that opens with a preposition (*Trong quá trình*) or meets the
        copula *là* is not a subject who acts."""
        nominal = ("N", "Np", "Nc", "Nu", "Ny", "L", "M", "CH", "E")
        words = self.within(start, end)
        if not words or words[0][2] == "E":
            return None
        for k, (word_start, word_end, tag) in enumerate(words):
            lowercase = not self.text[word_start].isupper()
            # *Bộ Công an chủ động nắm chắc …*: a manner head (*chủ động*, *kịp thời*) opens the predicate
            # whatever its tag
            manner = k > 0 and lowercase and IMPERATIVE_START.match(self.text, word_start, end) is not None
            # *cán bộ, công chức không đi lễ hội*: a negation before the verb opens the predicate too
            negation = (
                k > 0
                and self.text[word_start:word_end].lower() in ("không", "chưa", "đừng")
                and k + 1 < len(words)
                and words[k + 1][2] == "V"
            )
            if (tag == "V" and (k == 0 or lowercase)) or manner or negation:
                if k == 0 or k > 10 or words[k - 1][2] == "CH" or self.text[word_start:word_end].lower() == "là":
                    return None
                return start, words[k - 1][1]
            following = words[k + 1] if k + 1 < len(words) else None
            conjunction = (
                tag == "C"
                and self.text[word_start:word_end].lower() == "và"
                and k > 0
                and following is not None
                and (self.text[following[0]].isupper() or following[2] in nominal)
            )
            if tag not in nominal and tag != "V" and not conjunction:
                return None
        return None

    def noun_list(self, start: int, end: int) -> bool:
        """Every word is a noun, name, determiner, number, comma or *và*: a list of names (*Bộ Tài chính,
        Kế hoạch và Đầu tư*) cut by commas, not a clause."""
        words = self.within(start, end)
        if not words or words[0][2] == "E" or self.text[words[0][0] : words[0][1]].lower() in _PREPOSITIONS:
            return False
        return all(
            tag in _NOMINAL_TAGS
            or tag == "CH"
            or self.text[word_start].isupper()
            or self.text[word_start:word_end].lower() == "và"
            for word_start, word_end, tag in words
        )

    def name_prefix(self, start: int, end: int) -> Offsets:
        """``(start, end)`` cut before the first lower-case adverb, or verb of sending a document, after the
        first word: the issuer of *Chủ tịch UBND thành phố vừa ký văn bản yêu cầu …* is *Chủ tịch UBND thành
        phố*, while *Người đứng đầu Chính phủ* stays whole."""
        words = self.within(start, end)
        for k, (word_start, _, tag) in enumerate(words):
            if k == 0 or self.text[word_start].isupper():
                continue
            following = self.text[words[k + 1][0] : words[k + 1][1]].lower() if k + 1 < len(words) else ""
            if tag == "R" or (tag == "V" and following in _DOCUMENTS):
                return start, words[k - 1][1]
        return start, end


#: *phòng, chống tội phạm* (prevent and combat) is one verb written with a comma: the part before the comma
#: ends on *phòng*, the part after opens with *chống*.
_PREVENT = re.compile(r"(?<!\w)phòng$", re.IGNORECASE)
_COMBAT = re.compile(r"\s*chống(?!\w)", re.IGNORECASE)


def _pieces(text: str, start: int, end: int, tags: _Tags, segmenter: CommaModel) -> list[Offsets]:
    """Cut a sentence into clause units, as the guideline says: on ``;`` (and ``:``), and on the commas
    that open a new action, as the learned ``segmenter`` decides (:mod:`.commas`) — so *rà soát, kiểm tra,
    cắt tỉa ngay cây nặng tán* stays whole. Never before an elaboration (*trong đó*, *nhằm*, *bảo đảm …*)
    nor inside *phòng, chống*.
    """
    opening = segmenter.opening(text, start, end, tags.words)
    cuts = [start]
    for match in _CLAUSE_CUT.finditer(text, start, end):
        after = match.end()
        if match.group(0) in ";:":
            cuts.append(after)
            continue
        prevent_and_combat = _PREVENT.search(text, start, match.start()) and _COMBAT.match(text, after, end)
        if ELABORATION.match(text, after, end) or prevent_and_combat:
            continue
        if match.start() in opening:
            cuts.append(after)
    cuts.append(end)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            out.append((a, b))
    return out


#: *X đã kí văn bản số 150 / UBATGTQG đề nghị …*: the document X sent, which is not part of X's name.
_SENT_DOCUMENT = re.compile(
    r"\s+(?:(?:đã|vừa|cũng|mới)\s+)*(?:ký|kí|ban hành|gửi|có|ra|phát đi)\s+(?:văn bản|công văn|công điện|"
    r"chỉ thị|quyết định|thông báo|kết luận|tờ trình|thư)(?!\w)",
    re.IGNORECASE,
)


_RELAYED = re.compile(r"(?<!\w)ý kiến(?:\s+chỉ đạo)?(?:\s+kết luận)?\s+của\s+", re.IGNORECASE)


def _issuer_before(text: str, sentence_start: int, verb_start: int) -> Offsets | None:
    """The subject written before a verb of asking: the words after the last comma, connectives removed. An
    abbreviation in brackets stays in the name (*Cục Hàng không VN (CAAV) vừa có công văn yêu cầu*); the
    document sent (*đã kí văn bản số 150*) does not, and whoever relays an opinion (*Văn phòng Chính phủ truyền
    đạt ý kiến của Phó Thủ tướng X*) gives way to its author."""
    left_start = sentence_start
    left = text[sentence_start:verb_start]
    for match in re.finditer(r"[,:;\"“”(]", left):
        if match.group() == "(" and ")" in left[match.end() :]:
            continue
        left_start = sentence_start + match.end()
    left_start = _strip_connectives(text, left_start, verb_start)
    left_end = verb_start
    while left_end > left_start and text[left_end - 1].isspace():
        left_end -= 1
    trimmed = _ISSUER_TRIM.search(text, left_start, left_end)
    left_end = trimmed.start() if trimmed else left_end
    relayed = _last_match(_RELAYED, text, left_start, left_end)
    if relayed is not None:  # *Văn phòng Chính phủ truyền đạt ý kiến của Phó Thủ tướng X yêu cầu …*: X asks
        left_start = relayed.end()
    sent = _SENT_DOCUMENT.search(text, left_start, left_end)
    left_end = sent.start() if sent else left_end
    while left_end > left_start and text[left_end - 1].isspace():
        left_end -= 1
    if left_end <= left_start or _words(text, left_start, left_end) > _MAX_ISSUER_WORDS:
        return None
    if left_start > sentence_start:
        previous = text.rfind(",", sentence_start, left_start - 1)
        head_start = max(previous + 1, sentence_start)
        head = text[head_start : left_start - 1].strip()
        if (
            head
            and head[0].isupper()
            and len(head.split()) <= 4
            and previous < 0
            and (head.split()[0].istitle() or head.split()[0].isupper())
            and _strip_connectives(text, head_start, left_start) < left_start  # *Vì vậy, X yêu cầu*: no name
        ):
            if not ACTION_PATTERN.search(head) and not re.search(r"\d", head):
                left_start = text.find(head, sentence_start)
    return left_start, left_end


def _speaker(text: str, start: int, end: int, source_end: int | None = None) -> tuple[int, int, int] | None:
    """Who speaks before a verb of speech and a comma (*Trưởng ban Tổ chức Trung ương Phạm Minh Chính cho biết,
    trong quý I, ngành phải …*): ``(start, end, where the reported words begin)``, when a capitalised name
    says it. ``source_end``: where a *Theo …,* source opening the sentence ends; its words are no speech."""
    for spoken in _SPOKEN.finditer(text, start, end):
        if spoken.end() == source_end:
            continue
        found = _issuer_before(text, start, spoken.start())
        if found is None or _is_pronoun(text, found):
            continue
        adverbial = _OPENS_ADVERBIAL.match(text, *found)
        if adverbial is not None:  # *Trong quy định nêu rõ,*, *Theo văn bản chỉ đạo,*: the document speaks
            left = _strip_connectives(text, adverbial.end(), found[1])
            if _DOCUMENT.match(text, left, found[1]):
                return left, found[1], spoken.end()
        elif _plausible_name(text, found, capitalised=True):
            return found[0], found[1], spoken.end()
    return None


_FIRST_PERSON = frozenset({"tôi", "chúng tôi", "chúng ta", "ta"})
#: The verbs of :data:`~vnnews_nlp.cues.SPEECH_VERBS` that only report speech: the others (*yêu cầu*, *chỉ đạo*,
#: *kết luận*, *viết* …) ask or name a document, and already have their own readings.
_TOLD = re.compile(r"(?<!\w)(?:cho biết|nói|phát biểu|chia sẻ|khẳng định|nhấn mạnh)(?!\w)", re.IGNORECASE)


def _teller(text: str, start: int, end: int, tags: _Tags) -> tuple[int, int, int] | None:
    """Who opens the sentence ``text[start:end]`` with a verb of telling and no comma (*Thứ trưởng Lê Quân cho
    biết trong thời gian tới Bộ triển khai …*), as :func:`_speaker` gives it: ``(start, end, where the reported
    words begin)``, for a capitalised noun phrase, not a pronoun or an adverbial."""
    told = _TOLD.search(text, start, end)
    if told is None:
        return None
    name_end = told.start()
    while name_end > start and text[name_end - 1] in " ,":  # *Ông X, Tổng cục trưởng Đường bộ, nói …*
        name_end -= 1
    found = _issuer_before(text, start, name_end)
    opening = _strip_connectives(text, start, end)
    if found is None or _is_pronoun(text, found):
        return None
    if found[0] != opening:  # a name, then its title: *Ông Nguyễn Văn Huyện, Tổng cục trưởng Đường bộ*
        name = (opening, _trim_end(text, opening, found[0]))
        if "," in text[name[0] : name[1]] or _words(text, *name) > 5 or not text[opening].isupper():
            return None
        if not _plausible_name(text, name, capitalised=True):
            return None
        found = (opening, found[1])
    words = tags.within(*found)
    if not words or words[0][2] not in ("N", "Np", "Nc") or _OPENS_ADVERBIAL.match(text, *found):
        return None
    if text[found[0] : found[1]].lower() in _FIRST_PERSON:
        return None
    if not _plausible_name(text, found, capitalised=True):
        return None
    return found[0], found[1], told.end()


#: A verb of speech before a comma or colon (*cho biết,*, *nhấn mạnh,*). Verbs of asking count too (*yêu cầu, …*):
#: reading what follows as reported words, with its own subject, scored better than reading it as an addressee.
_SPOKEN = re.compile(rf"(?:{SPEECH_PATTERN.pattern}|(?<!\w)(?:cho hay|nêu rõ|cho rằng)(?!\w))\s*[,:]", re.IGNORECASE)


def _is_pronoun(text: str, span: Offsets) -> bool:
    return text[span[0] : span[1]].strip().lower() in PRONOUNS


_NOT_IN_NAME = re.compile(
    r"(?<!\w)(?:đã|để|được|(?<!hàng\s)không|cần|phải|sẽ|đang|là|thì|khi|nếu|vì|cho rằng)(?!\w)", re.IGNORECASE
)


#: A capitalised body (*Ban chỉ huy phòng chống lụt bão*, *Trung tâm Điều hành Chương trình chống ngập*) whose
#: name may hold action verbs.
_BODY_NAME = re.compile(
    r"(?:Ban|Ủy ban|Uỷ ban|Trung tâm|Hội đồng|Văn phòng|Cục|Tổng cục|Chi cục|Sở|Bộ|Viện|Đoàn|Quỹ)\s+\w"
)


def _plausible_name(text: str, span: Offsets, capitalised: bool = False) -> bool:
    """A speaker or addressee is a noun phrase: no tense or modal word, no action verb outside the name of a
    body, not a number.

    With ``capitalised`` (speakers), it must also name someone: a capitalised word (*Thủ tướng*,
    *người đứng đầu Bộ Giao thông*) rather than a common noun (*hồ sơ yêu cầu*).
    """
    value = text[span[0] : span[1]]
    if not value.strip() or _NOT_IN_NAME.search(value):
        return False
    if not _BODY_NAME.match(value) and _lowercase_match(ACTION_PATTERN, text, *span):
        return False
    if value.split()[0].lower() in ("việc", "nội dung", "công tác"):
        return False
    return not capitalised or any(w[:1].isupper() for w in value.split())


#: Words that report the event itself; *dự* (attend) is not the *dự* of *dự án*, *dự kiến*, *dự thảo* …
_EVENT = re.compile(
    r"(?<!\w)(?:dự(?!\s+(?:án|kiến|báo|thảo|toán|trữ|định|thi|phòng|luật|đoán|tính|khuyết|bị|trù|chi|thầu))|"
    r"tham dự|chủ trì|diễn ra|khai mạc|bế mạc|tới dự|có mặt|kết thúc|tổ chức lễ|trao tặng|báo cáo cho biết)(?!\w)",
    re.IGNORECASE,
)
#: *Theo văn bản chỉ đạo, …*, *Theo chỉ thị này, …*: a document that asks.
_DOCUMENT = re.compile(
    r"(?:văn bản|công văn|công điện|chỉ thị|quyết định|nghị quyết|nghị định|thông tư|kết luận|thông báo|quy định|"
    r"kế hoạch)(?!\w)",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"\W*Theo\s+(?P<who>[^,]{2,80}?),", re.IGNORECASE)
#: *Theo yêu cầu của Chủ tịch UBND thành phố, các cấp, ngành tổ chức …*: the request opens the sentence.
_REQUESTED_BY = re.compile(
    r"\W*Theo\s+(?:yêu cầu|chỉ đạo|đề nghị|chỉ thị|kết luận|ý kiến chỉ đạo)\s+của\s+(?P<who>[^,]{2,80}?),",
    re.IGNORECASE,
)


def _head_after(text: str, start: int, end: int, tags: _Tags) -> tuple[int, bool]:
    """Where the action opens after a verb of asking, and whether words (an addressee) come first."""
    first = _strip_connectives(text, start, end)
    while first < end and text[first] in " ,:":
        first += 1
    # a capital right after the verb of asking opens a name (*yêu cầu Phòng Giáo dục …*), not an action
    if not text[first].isupper() and (ACTION_PATTERN.match(text, first, end) or MODAL_PATTERN.match(text, first, end)):
        return first, False
    # a head opens a word (*Văn phòng Chính phủ* holds no action *phòng*) and follows no determiner
    # (*các tổ chức* is a noun)
    words = tags.within(first, end)
    tag_before = {w[0]: words[k - 1][2] if k else "" for k, w in enumerate(words)}
    head = min(
        (
            m.start()
            for p in (ACTION_PATTERN, MODAL_PATTERN)
            for m in p.finditer(text, first, end)
            if not text[m.start()].isupper() and tag_before.get(m.start(), "L") != "L"
        ),
        default=end,
    )
    before = ""
    for word_start, word_end, tag in tags.within(first, min(end, head)):
        word = text[word_start:word_end].lower()
        if (
            tag == "V"
            and word not in _NOT_ADDRESSEE_VERBS
            and before not in _AGENT_NOUNS
            and word_start > first
            and not text[word_start].isupper()
        ):
            head = word_start
            break
        before = word
    if _words(text, first, head) > _MAX_ADDRESSEE_WORDS or head >= end:
        return first, False
    head = _with_negation(text, first, head)
    return head, head > first


_NEGATION = re.compile(r"(?<!\w)(?:tuyệt đối không|không được|không|đừng|chớ)\s+$", re.IGNORECASE)


def _with_negation(text: str, first: int, head: int) -> int:
    """Move the action's start back over a negation right before its head verb: *người dân không xả rác*
    asks people *not* to litter, and an action cut after *không* would say the opposite."""
    match = _NEGATION.search(text, first, head)
    return match.start() if match is not None and match.start() > first else head


def _lowercase_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match that is not part of a capitalised name (*Sở Xây dựng* holds no action *xây dựng*), a
    title (*Trưởng phòng*) or a list of organisations (*các ngân hàng, tổ chức tín dụng*)."""
    for match in pattern.finditer(text, start, end):
        if text[match.start()].isupper() or _TITLE.search(text, start, match.end()):
            continue
        if _ORGANISATION.match(text, match.start()) and (
            match.start() == start or _LISTED_BEFORE.search(text, start, match.start())
        ):
            continue  # *các ngân hàng, tổ chức tín dụng*: *tổ chức* names organisations in a list of names
        return match
    return None


_ORGANISATION = re.compile(r"tổ chức(?!\w)", re.IGNORECASE)
_LISTED_BEFORE = re.compile(r"(?:,|(?<!\w)(?:các|những|mỗi|và))\s+$", re.IGNORECASE)
#: *Trưởng phòng*, *Chánh Văn phòng*, *Bộ Quốc phòng*: part of a title or a name, whose *phòng* prevents nothing.
_TITLE = re.compile(r"(?:trưởng|phó|văn|quốc)\s+phòng$", re.IGNORECASE)


#: *Đối với các cơ sở đào tạo, phải rà soát …*, *Riêng Sở Tư pháp cần …*: the topic the sentence's clauses
#: are addressed to.
_TOPIC = re.compile(
    r"(?:đối với|riêng đối với|riêng(?=\s+[A-ZĐ]))\s+(?P<who>[^,;:]{2,80}?)\s*(?:,|(?=\s+(?:cần|phải)(?!\w)))",
    re.IGNORECASE,
)
#: A reason, a contrast or a goal after a comma ends the action (the guideline's units never hold one).
_REASON_TAIL = re.compile(
    r",\s+(?:vì|bởi vì|bởi|do đó|nhưng|song|tuy nhiên|với mục tiêu|qua đó|từ đó)(?!\w)", re.IGNORECASE
)
#: *chúng ta không được chủ quan*: a prohibition asks, like a modal.
_PROHIBITION = re.compile(r"(?<!\w)(?:tuyệt đối không được|không được)(?!\w)", re.IGNORECASE)
#: *Bộ Giao thông Vận tải chịu trách nhiệm chỉ đạo …*: a duty, read like a modal.
_RESPONSIBLE = re.compile(r"(?<!\w)chịu trách nhiệm(?=\s+(?!trước|về|với|nếu|khi)\w)", re.IGNORECASE)
#: Words that link two clauses: the subject of the second one follows them.
_CLAUSE_LINK = re.compile(r"(?<!\w)(?:nhưng|mà|thì|vì vậy|vì thế|do đó|theo đó|song)(?!\w)", re.IGNORECASE)
#: *… đã có văn bản gửi UBND TP HCM yêu cầu …*: the document's recipient is asked.
_SENT_TO = re.compile(
    r"(?:văn bản|công văn|công điện|thư|tờ trình|thông báo)(?:\s+số\s+\S+)?\s+gửi\s+(?P<to>[^,;:]{2,80}?)\s*$",
    re.IGNORECASE,
)
#: *để chỉ đạo*: a verb of asking after *để* says what an action is for; it asks nothing itself.
_PURPOSE = re.compile(r"(?<!\w)để\s+$", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"được(?!\w)", re.IGNORECASE)
_PASSIVE = re.compile(r"(?<!\w)(?:được|bị)\s+$", re.IGNORECASE)


#: *các nhiệm vụ, giải pháp đề ra,*: *đề ra* with nothing after it qualifies a noun, it asks nothing.
_SET_OUT = re.compile(r"đề ra\s*(?:[,.;]|$)", re.IGNORECASE)


#: *đề xuất giải pháp*, *kiến nghị biện pháp*: proposing a thing is an action, not asking someone.
_PROPOSE_THING = re.compile(
    r"(?:đề xuất|kiến nghị)\s+(?:các\s+|những\s+)?(?:giải pháp|phương án|biện pháp|cơ chế|chính sách|"
    r"sửa đổi|bổ sung|nội dung|danh mục|kế hoạch|mức|việc|xử lý|hình thức|chương trình|dự án)(?!\w)",
    re.IGNORECASE,
)


def _request_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first verb of asking in ``text[start:end]``; a capitalised one inside the clause names a document
    (*Bộ Chính trị ban hành Chỉ thị mới*), not a request, and *giải pháp đề ra* asks nothing."""
    for match in _ASKING.finditer(text, start, end):
        if _SET_OUT.match(text[match.start() : end]) or _PROPOSE_THING.match(text, match.start(), end):
            continue
        if match.start() == _strip_connectives(text, start, end) or not text[match.start()].isupper():
            return match
    return None


def _request_roles(
    text: str,
    subject_start: int,
    start: int,
    end: int,
    request: re.Match[str],
    modal: re.Match[str] | None,
    tags: _Tags,
    listed_from: int | None,
) -> tuple[Offsets | None, Offsets | None, int]:
    """Who asks, who is asked and where the action opens, in a clause ``text[start:end]`` governed by the verb
    of asking ``request``; the issuer is looked for from ``subject_start`` (the sentence's start for its first
    clause), names listed in earlier pieces from ``listed_from``.

    The subject of a passive request (*Công ty Thoát nước được yêu cầu …*) is the addressee, not the issuer;
    otherwise the words between the (last chained) verb of asking and the action's head are, or else the
    recipient of the document that asks (*có văn bản gửi UBND TP HCM yêu cầu*).
    """
    issuer = addressee = None
    found = _issuer_before(text, subject_start, request.start())
    if found is not None:
        found = tags.name_prefix(*found)
    passive = _PASSIVE.search(text, start, request.start())
    if found is not None and passive is not None:
        # *UBND các tỉnh, thành cũng được giao …*: names listed before the passive's subject
        if listed_from is not None and found[0] == start:
            found = (listed_from, found[1])
        elif found[0] > start and tags.noun_list(start, found[0]):
            found = (start, found[1])
        found = (found[0], min(found[1], len(text[: passive.start()].rstrip())))
    if found is not None and passive is not None and found[1] > found[0] and _plausible_name(text, found):
        addressee = found
    elif found is not None and not _is_pronoun(text, found) and _plausible_name(text, found, capitalised=True):
        issuer = found
    asked_end = _last_request(text, request, end)
    head, has_addressee = _head_after(text, asked_end, end, tags)
    if has_addressee and addressee is None:
        named_start = _strip_connectives(text, asked_end, head)
        named = (named_start, _trim_name(text, named_start, head))
        if _plausible_name(text, named) and not tags.opens_with_modifier(*named):
            addressee = named
    sent_to = _SENT_TO.search(text, start, request.start())
    if addressee is None and sent_to is not None and _plausible_name(text, sent_to.span("to")):
        addressee = sent_to.span("to")
    action_start = _after_modal(text, modal, end) if modal is not None and modal.start() >= head - 1 else head
    return issuer, addressee, action_start


def _asking_verb(
    text: str, start: int, end: int, tags: _Tags, modal: re.Match[str] | None, governed: bool
) -> re.Match[str] | None:
    """The verb of asking that governs the clause ``text[start:end]``, if any.

    Not one that opens the clause as its head (*Chỉ đạo Công an tỉnh …*), sits inside the action of an earlier
    modal (*phải … giải pháp đề ra*), follows *để* (*để chỉ đạo sâu sát*), or comes inside a clause that opens
    with its own verb when an earlier clause of the sentence (``governed``) already asked or set a task
    (*yêu cầu …, báo cáo Bộ Công an và đề nghị …*).
    """
    request = _request_in(text, start, end)
    if request is None:
        return None
    if request.start() == start and text[start : request.end()].lower() in _HEAD_REQUESTS:
        return None
    if (
        modal is not None
        and modal.start() < request.start()
        and not re.search(r"[\"”]", text[modal.end() : request.start()])
    ):
        return None
    if _PURPOSE.search(text, start, request.start()):
        return None
    if governed and request.start() > start and tags.opens_with_verb(start, end):
        return None
    return request


def _last_request(text: str, request: re.Match[str], end: int) -> int:
    """Where the last of chained verbs of asking ends: *nhấn mạnh và đề nghị lực lượng chức năng …* asks
    the words after *đề nghị*."""
    position = request.end()
    while (chained := _CHAINED.match(text, position, end)) is not None and (
        following := _ASKING.match(text, chained.end(), end)
    ) is not None:
        position = following.end()
    return position


_CHAINED = re.compile(r"\s*(?:,\s*|\s+và\s+|\s+rồi\s+)")


def _after_modal(text: str, modal: re.Match[str], end: int) -> int:
    """Where the action governed by ``modal`` opens: after a modal (*phải*, *cần*), at a prohibition (*không
    được chủ quan* says what not to do)."""
    if _PROHIBITION.fullmatch(modal.group()):
        return modal.start()
    position = modal.end()
    while position < end and text[position] in " ,":
        position += 1
    return position


#: *không phải là*, *chưa cần*: a negated modal states no obligation (*hàng không phải …* is aviation).
_NEGATED = re.compile(r"(?<!\w)(?<!hàng\s)(?:không|chưa|chẳng)\s+$", re.IGNORECASE)


#: *phải mất một năm*: it takes (time or money), nobody must.
_TAKES = re.compile(r"\s+mất(?!\w)", re.IGNORECASE)


def _modal_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first modal of ``text[start:end]`` that is not negated and does not say what something takes."""
    return next(
        (
            m
            for m in MODAL_PATTERN.finditer(text, start, end)
            if not _NEGATED.search(text, max(start, m.start() - 10), m.start()) and not _TAKES.match(text, m.end(), end)
        ),
        None,
    )


#: A short lead before the subject: *Muốn vậy, …*, *Ngoài mức sống, …*.
_LEAD = re.compile(r"[^,;:]{2,40},\s*")


def _subject_before(text: str, start: int, modal_start: int, tags: _Tags) -> Offsets | None:
    """Who must act before a modal: the words after the last link between clauses (*khi xảy ra khiếu kiện thì
    lãnh đạo địa phương phải …*), not a topic opener, an adverbial, a source or a verb."""
    left = _strip_connectives(text, start, modal_start)
    link = _last_match(_CLAUSE_LINK, text, left, modal_start)
    if link is not None:
        left = _strip_connectives(text, link.end(), modal_start)
    topic = _TOPIC.match(text, left, modal_start)
    source = _SOURCE.match(text, left, modal_start)
    if topic is not None:
        left = topic.start("who")
    elif source is not None:  # *Theo Thứ trưởng, giá vé phải …*: who said it, not who must act
        left = _strip_connectives(text, source.end(), modal_start)
    lead = _LEAD.match(text, left, modal_start)
    if lead is not None and not tags.opens_with_name(left, lead.end()):
        left = lead.end()  # *Muốn vậy, các tỉnh phía Bắc phải …*: the lead is no subject
    if _OPENS_ADVERBIAL.match(text, left, modal_start) or not tags.opens_with_name(left, modal_start):
        return None
    right = modal_start
    while right > left and text[right - 1] in " ,":
        right -= 1
    trimmed = _ISSUER_TRIM.search(text, left, right)
    right = trimmed.start() if trimmed else right
    if right <= left or _words(text, left, right) > 12:
        return None
    if _ASKING.search(text, left, right) or SPEECH_PATTERN.search(text, left, right):
        return None
    return left, right


_AGREED = re.compile(r"(?:\s+(?:đã|đều|cùng|cũng))*\s+(?:nhất trí|thống nhất)\s+(?=\w)", re.IGNORECASE)
_WILL = re.compile(r"(?:\s+(?:cũng|đều|vẫn))*\s+(?:sẽ|phấn đấu|quyết tâm|cam kết(?:\s+sẽ)?)\s+(?=\w)", re.IGNORECASE)
#: Subjects that commit a public body when they say what they will do (*thành phố sẽ quy hoạch …*). Unlike
#: :data:`~vnnews_nlp.directives.context.AUTHORITY_PATTERN` (capitalised state bodies that make an article a
#: policy article), it takes any case and the common nouns that name a body in context (*tỉnh*, *địa phương*).
_AUTHORITY = re.compile(
    r"(?<!\w)(?:các\s+)?(?:thành phố|tỉnh|bộ|sở|ngành|huyện|quận|xã|phường|chính quyền|cơ quan|nhà nước|địa phương|"
    r"hai bên|hai nước|chính phủ|ủy ban|uỷ ban|ubnd|ban|tổng cục|cục|trung tâm|lãnh đạo)(?!\w)",
    re.IGNORECASE,
)


def _commitment(text: str, start: int, end: int, tags: _Tags) -> tuple[Offsets, int, bool] | None:
    """A clause whose subject commits itself to an action: *Hai bên nhất trí tăng cường …* (parties who agree
    set the action for themselves), *Tổng cục sẽ tiếp tục thanh tra …*, *thành phố phấn đấu đạt …* (a body,
    or a capitalised name, says what it will do). Returns who commits (a noun phrase of at most eight
    words), where the action opens, and whether it was agreed; ``None`` when nothing done follows
    (*thống nhất với Ban 4*) or the subject is no body (*giá lúa sẽ tăng*)."""
    for pattern, agreed in ((_AGREED, True), (_WILL, False)):
        found = pattern.search(text, start, end)
        if found is None:
            continue
        who = (start, found.start())
        if _words(text, *who) > 8 or not _plausible_name(text, who) or not tags.opens_with_verb(found.end(), end):
            return None
        if not agreed and not (_AUTHORITY.match(text, *who) or text[start].isupper()):
            return None
        return who, found.end(), agreed
    return None


def _excluded(text: str, s0: int, action_start: int, end: int, asked: bool, modal: bool, tags: _Tags) -> bool:
    """The guideline's exclusions that need no learning: with no verb of asking and no modal, a unit in
    a sentence that reports the event (*dự*, *chủ trì*, *diễn ra* …) or what was already done (*đã*,
    *vừa* before the action or before its first verb: *Trong năm, toàn tỉnh đã xây dựng …*) is a report,
    not a directive."""
    if asked or modal:
        return False
    first_verb = next((w[0] for w in tags.within(action_start, end) if w[2] == "V"), action_start)
    return _EVENT.search(text, s0, end) is not None or PAST_PATTERN.search(text, s0, first_verb + 1) is not None


def article_units(article: Article, segmenter: CommaModel) -> list[Unit]:
    """Every candidate directive of ``article``, in document order (offsets into the normalised text).

    Args:
        segmenter: the comma model that decides where a sentence's clauses part (:mod:`.commas`).
    """
    text = article.normalized.text
    speech = _Speech()
    units: list[Unit] = []
    paragraphs = {p.index: p for p in article.paragraphs}
    for sentence in article.sentences:
        s0, s1 = sentence.norm_start, sentence.norm_end
        paragraph = paragraphs[sentence.paragraph]
        in_list = paragraph.role == "list_item" or paragraph.marker is not None
        quote_speaker = _QUOTE_CLOSE_SPEAKER.search(text, s0, s1)
        requested_by = _REQUESTED_BY.match(text, s0, s1)
        source = _SOURCE.match(text, s0, s1)
        if requested_by is not None:
            speech.issuer = requested_by.span("who")
        elif source is not None and (
            _plausible_name(text, source.span("who"), capitalised=True) or _DOCUMENT.match(source["who"])
        ):
            speech.issuer = source.span("who")  # *Theo Thứ trưởng, …*, *Theo văn bản chỉ đạo, …*
        sentence_has_request = requested_by is not None
        sentence_has_modal = False  # *cần tăng cường …; kiên quyết xử lý …*: the modal governs the later clauses
        sentence_issuer = speech.issuer if requested_by is not None else None
        sentence_subject: Offsets | None = None  # who acts in this sentence's clauses, once found
        asks_anyone = False  # a verb of asking in this sentence named nobody: nobody is carried to its clauses
        topic = _TOPIC.match(text, _strip_connectives(text, s0, s1), s1)
        if topic is not None and _plausible_name(text, topic.span("who")) and not re.search(r"\d", topic["who"]):
            sentence_subject = topic.span("who")
        near = sentence.index - speech.directive_sentence <= 2
        relevant = (
            sentence_has_request
            or in_list
            or speech.list_open
            or near
            or any(p.search(text, s0, s1) for p in (_ASKING, MODAL_PATTERN, FUTURE_PATTERN))
            # a body that says what it will do (*Tổng cục sẽ …*); *sẽ* alone is too common to read every such sentence
            or ((will := _WILL.search(text, s0, s1)) is not None and _AUTHORITY.search(text, s0, will.start()))
            or IMPERATIVE_START.match(text, _strip_connectives(text, s0, s1), s1) is not None
        )
        if not relevant:
            speech.list_open = speech.list_open and in_list
            continue
        tags = _Tags(text, s0, s1)
        # *"…", Thủ tướng nói.*: the speaker's tail is not part of the last clause
        quoted_end = quote_speaker.start() if quote_speaker is not None else s1
        clauses_start = requested_by.end() if requested_by is not None else s0
        names_start: int | None = None  # where a run of pieces that only list names began
        said = None
        if requested_by is None:
            said = _speaker(text, clauses_start, quoted_end, source.end() if source is not None else None)
        if said is None and requested_by is None:
            said = _teller(text, s0, quoted_end, tags)
        if said is not None:
            speech.issuer = sentence_issuer = (said[0], said[1])
        for piece_start, piece_end in _pieces(text, clauses_start, quoted_end, tags, segmenter):
            start = _strip_connectives(text, piece_start, piece_end)
            end = _trim_end(text, start, piece_end)
            if end <= start:
                continue
            if said is not None and start < said[2]:  # the speaker's words are no action
                if piece_end <= said[2]:
                    continue
                start = _strip_connectives(text, said[2], piece_end)
            if source is not None and start < source.end() < end:  # *Theo chỉ thị này, …*: who says so
                start = _strip_connectives(text, source.end(), piece_end)
            listed_from, names_start = names_start, None
            if text[piece_end - 1 : piece_end] == "," and tags.noun_list(start, end):
                names_start = start if listed_from is None else listed_from
                continue
            is_intro = text[piece_end - 1 : piece_end] == ":" or text[start:end].rstrip().endswith(":")
            modal = (
                _modal_in(text, start, end)
                or _PROHIBITION.search(text, start, end)
                or _RESPONSIBLE.search(text, start, end)
            )
            request = _asking_verb(text, start, end, tags, modal, sentence_has_request or sentence_has_modal)
            issuer: Offsets | None = None
            addressee: Offsets | None = None
            committed: Offsets | None = None
            commitment: tuple[Offsets, int, bool] | None = None
            explicit = impersonal = False
            if request is not None:
                sentence_has_request = True
                subject_start = s0 if start == _strip_connectives(text, s0, s1) else start
                issuer, addressee, action_start = _request_roles(
                    text, subject_start, start, end, request, modal, tags, listed_from
                )
                explicit, kind = issuer is not None, "request"
                if issuer is not None:
                    speech.issuer = issuer
                if addressee is not None:
                    speech.addressee, speech.addressee_sentence = addressee, sentence.index
            elif modal is not None:
                sentence_has_modal = True
                subject = _subject_before(text, start if listed_from is None else listed_from, modal.start(), tags)
                action_start = _after_modal(text, modal, end)
                if subject is not None and _PASSIVE_AFTER.match(text, action_start, end):
                    # *các chính sách lạc hậu cần được bãi bỏ*: what must be done to something is the whole
                    # clause, and who must do it is not said
                    action_start, impersonal = subject[0], True
                elif subject is not None and not _is_pronoun(text, subject) and _plausible_name(text, subject):
                    addressee = sentence_subject = subject
                    speech.addressee, speech.addressee_sentence = subject, sentence.index
                kind = "request" if sentence_has_request else "task"
            elif (commitment := _commitment(text, start, end, tags)) is not None:
                committed, action_start, agreed = commitment
                kind = "task"
                addressee = sentence_subject = committed
                if text[committed[0] : committed[1]].lower() in _FIRST_PERSON:  # *Chúng tôi nhất trí*: the speaker
                    committed = None
                elif agreed:
                    issuer, explicit = committed, True
                    speech.issuer = committed
            else:
                opens = bool(IMPERATIVE_START.match(text, start, end) or ACTION_PATTERN.match(text, start, end))
                context = in_list or speech.list_open or near or sentence_has_request or sentence_has_modal
                if not opens and context:
                    opens = tags.opens_with_verb(start, end)
                action_start = start
                if not opens and context:
                    # *trong dịp lễ tết, cán bộ, công chức không đi lễ hội*: the subject follows the adverbial
                    lead = _ADVERBIAL_LEAD.match(text, start, end)
                    subject = tags.subject_before_verb(lead.end() if lead else start, end)
                    if subject is not None and listed_from is not None:
                        subject = (listed_from, subject[1])
                    # after a verb of asking, a lower-case subject (*các cấp, ngành*) is an addressee too
                    asked = sentence_has_request or in_list or speech.list_open or near
                    if subject is not None and _plausible_name(text, subject, capitalised=not asked):
                        addressee, action_start, opens = subject, _next_word(text, subject[1], end), True
                        sentence_subject = subject
                        if sentence_has_request:
                            speech.addressee, speech.addressee_sentence = subject, sentence.index
                if not opens and not FUTURE_PATTERN.search(text, start, end):
                    continue
                # a clause governed by the sentence's modal is a task, like the clause that holds it
                kind = "request" if sentence_has_request else "task" if sentence_has_modal else "imperative"
            if quote_speaker is not None and not explicit:
                issuer, explicit = (quote_speaker.start("who"), quote_speaker.end("who")), True
                speech.issuer = issuer
            if issuer is None and said is not None:
                issuer, explicit = (said[0], said[1]), True
            if issuer is None:
                issuer = sentence_issuer or committed or speech.issuer  # a body that commits itself, unquoted
            sentence_issuer = issuer if explicit else sentence_issuer
            carried = False
            if addressee is None and not impersonal and sentence_subject is not None:
                addressee, carried = sentence_subject, True
            elif addressee is None and not impersonal and speech.addressee is not None:
                # a new verb of asking with nobody after it asks in general (*Tổng bí thư yêu cầu tổ chức đại
                # hội …*): the addressee of an earlier sentence is not carried to it
                asks_anyone = asks_anyone or (request is not None and speech.addressee_sentence < sentence.index)
                recent = sentence.index - speech.addressee_sentence <= 3 or speech.list_open
                if recent and not asks_anyone:
                    addressee, carried = speech.addressee, True
            reason = _REASON_TAIL.search(text, action_start, end)  # *…, vì "đảng viên tốt …"*: why, not what
            action_end = _trim_end(text, action_start, reason.start() if reason else end)
            if action_end <= action_start:
                continue
            if _excluded(
                text,
                s0,
                action_start,
                end,
                request is not None or sentence_has_request,
                modal is not None or sentence_has_modal,
                tags,
            ):
                continue
            deadlines = find_deadlines(text, s0, s1)
            inside = [d for d in deadlines if start <= d[0] < end] or [d for d in deadlines if d[0] < start]
            left_text = text[max(s0, action_start - 40) : action_start]
            units.append(
                Unit(
                    sentence=sentence,
                    start=action_start,
                    end=action_end,
                    kind=kind,
                    issuer=issuer,
                    addressee=addressee,
                    deadline=inside[0] if inside else None,
                    issuer_explicit=explicit,
                    signals={
                        "request_in_unit": float(request is not None),
                        "request_in_sentence": float(sentence_has_request),
                        "modal": float(modal is not None),
                        "opens_with_head": float(ACTION_PATTERN.match(text, action_start, end) is not None),
                        "opens_imperative": float(IMPERATIVE_START.match(text, action_start, end) is not None),
                        "future": float(FUTURE_PATTERN.search(text, s0, s1) is not None),
                        "past_before_action": float(PAST_PATTERN.search(left_text) is not None),
                        "past_in_unit": float(PAST_PATTERN.search(text, start, end) is not None),
                        "past_in_sentence": float(PAST_PATTERN.search(text, s0, action_start) is not None),
                        "petitioner": float(
                            issuer is not None and PETITIONER_PATTERN.search(text, issuer[0], issuer[1]) is not None
                        ),
                        "question": float("?" in text[s0:s1]),
                        "intro": float(is_intro),
                        "in_list": float(in_list),
                        "list_open": float(speech.list_open),
                        "near_directive": float(near),
                        "issuer_explicit": float(explicit),
                        "has_issuer": float(issuer is not None),
                        "has_addressee": float(addressee is not None),
                        "addressee_carried": float(carried),
                        "has_deadline": float(bool(inside)),
                        "quoted": float(text[s0:s1].count('"') + text[s0:s1].count("“") > 0),
                        "speech_verb": float(SPEECH_PATTERN.search(text, s0, s1) is not None),
                        "event": float(_EVENT.search(text, s0, s1) is not None),
                        "opens_with_verb": float(tags.opens_with_verb(action_start, end)),
                        "action_words": float(_words(text, action_start, action_end)),
                        "relative_position": sentence.index / max(len(article.sentences) - 1, 1),
                        # a short line with no final stop is a heading, rarely a directive
                        "unpunctuated": float(
                            not sentence.text.rstrip().endswith(_FINAL_MARKS) and len(sentence.text.split()) <= 15
                        ),
                        "commitment": float(commitment is not None),
                    },
                )
            )
            if is_intro and request is not None:
                speech.list_open = True
        if units and units[-1].sentence is sentence:
            speech.directive_sentence = sentence.index
        elif not in_list:
            speech.list_open = False
    return units
