"""Directive cue words, shared by the summarizer's features and the directive extractor.

The lists follow ``directives-guideline.md``: verbs of asking (*đề nghị, yêu cầu, chỉ đạo …*), modal
markers of a task (*cần, phải*), the heads of imperative clauses in task lists (*tiếp tục, tăng cường,
đẩy mạnh …*), markers of the coming period (*thời gian tới, năm tới*) and markers of past events
(*đã, vừa*), which argue against a directive. Matching is on whole syllables, case-insensitive.

>>> cue_hits("Đồng chí đề nghị các địa phương tăng cường đối thoại với Nhân dân.").request
True
>>> starts_with_imperative("Tăng cường nắm bắt tình hình Nhân dân")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REQUEST_VERBS: tuple[str, ...] = (
    "đề nghị",
    "yêu cầu",
    "chỉ đạo",
    "giao",
    "chỉ thị",
    "kêu gọi",
    "quán triệt",
    "lưu ý",
    "đề ra",
    "nhấn mạnh",
    "nhắc nhở",
    "đề xuất",
    "kiến nghị",
)
MODAL_MARKERS: tuple[str, ...] = ("cần", "phải", "cần phải", "nên", "có trách nhiệm")
IMPERATIVE_HEADS: tuple[str, ...] = (
    "tiếp tục",
    "tăng cường",
    "đẩy mạnh",
    "tập trung",
    "nâng cao",
    "chú trọng",
    "quan tâm",
    "thực hiện tốt",
    "thực hiện",
    "triển khai",
    "rà soát",
    "kiện toàn",
    "xây dựng",
    "phát huy",
    "nắm chắc",
    "nắm bắt",
    "siết chặt",
    "khẩn trương",
    "chủ động",
    "phối hợp",
    "đảm bảo",
    "bảo đảm",
    "kiên quyết",
    "tổ chức",
    "hoàn thành",
    "hoàn thiện",
    "đổi mới",
    "làm tốt",
    "quyết liệt",
    "nghiêm túc",
    "chấn chỉnh",
    "xử lý nghiêm",
    "tuyên truyền",
    "đôn đốc",
    "theo dõi",
    "giải quyết",
    "huy động",
    "ưu tiên",
    "phấn đấu",
)
#: Words that open an action clause besides the imperative heads: verbs of doing and the adverbs that
#: precede them (*kịp thời kiểm tra*, *trực tiếp xuống hiện trường*).
ACTION_HEADS: tuple[str, ...] = IMPERATIVE_HEADS + (
    "báo cáo",
    "chủ trì",
    "kiểm tra",
    "xem xét",
    "nghiên cứu",
    "đề xuất",
    "chỉ đạo",
    "khắc phục",
    "hỗ trợ",
    "xử lý",
    "điều tra",
    "làm rõ",
    "tránh",
    "không để",
    "không được",
    "nghiêm cấm",
    "ban hành",
    "bố trí",
    "cung cấp",
    "công khai",
    "thống kê",
    "khảo sát",
    "đánh giá",
    "sửa đổi",
    "bổ sung",
    "dừng",
    "tạm dừng",
    "thu hồi",
    "cử",
    "lập",
    "phát hiện",
    "ngăn chặn",
    "sớm",
    "kịp thời",
    "trực tiếp",
    "thường xuyên",
    "định kỳ",
    "tích cực",
    "chặt chẽ",
    "nghiêm",
    "tiến hành",
    "vận động",
    "hướng dẫn",
    "cụ thể hóa",
    "giám sát",
    "quản lý",
    "duy trì",
    "củng cố",
    "mở rộng",
    "cải thiện",
    "cải cách",
    "phòng",
    "chống",
    "tiếp nhận",
    "công bố",
    "cấm",
    "chuẩn bị",
    "tham mưu",
    "tổng hợp",
    "rút kinh nghiệm",
    "giải trình",
    "tuân thủ",
    "thanh tra",
    "xác minh",
    "khôi phục",
    "kiểm soát",
    "ứng phó",
    "đình chỉ",
    "hằng quý",
    "hằng tháng",
    "hằng tuần",
    "hằng năm",
)
SPEECH_VERBS: tuple[str, ...] = (
    "nói",
    "cho biết",
    "phát biểu",
    "khẳng định",
    "nhấn mạnh",
    "chia sẻ",
    "viết",
    "kết luận",
    "lưu ý",
    "nhắc nhở",
    "đề nghị",
    "yêu cầu",
    "chỉ đạo",
)
#: Who voices a wish or an opinion rather than an instruction: the guideline excludes citizens' wishes, and
#: experts (*chuyên gia*, *luật sư*, *TS* …) hold no authority to ask.
PETITIONERS: tuple[str, ...] = (
    "cử tri",
    "người dân",
    "bà con",
    "nhân dân",
    "doanh nghiệp",
    "gia đình",
    "nhiều ý kiến",
    "chuyên gia",
    "luật sư",
    "kỹ sư",
    "kiến trúc sư",
    "nhà nghiên cứu",
    "TS",
    "PGS",
    "GS",
    "ThS",
)
PRONOUNS: tuple[str, ...] = ("ông", "bà", "đồng chí", "ông ấy", "bà ấy", "anh", "chị", "người đứng đầu")

FUTURE_MARKERS: tuple[str, ...] = (
    "thời gian tới",
    "năm tới",
    "sắp tới",
    "từ nay",
    "trong năm",
    "nhiệm vụ trọng tâm",
    "nhiệm vụ",
    "giải pháp",
    "kế hoạch",
)
PAST_MARKERS: tuple[str, ...] = ("đã", "vừa", "từng", "vừa qua")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrase_pattern(words: tuple[str, ...], not_before: str = "", not_after: str = "") -> re.Pattern[str]:
    after = rf"(?!\s+(?:{not_before}))" if not_before else ""
    before = "".join(rf"(?<!{word}\s)" for word in not_after.split("|")) if not_after else ""
    return re.compile(rf"(?<!\w){before}(?:{_alternation(words)})(?!\w){after}", re.IGNORECASE)


#: Words that make a cue something else: *giao thông*, *bàn giao*, *cần thiết*, *cần sa*, *bên phải* — but
#: not *yêu cầu tiếp tục*, *đề nghị ban hành*, *yêu cầu thông báo*, where the cue asks for an action.
REQUEST_PATTERN = _phrase_pattern(
    REQUEST_VERBS,
    not_before=(
        r"thông(?!\s+(?:qua|báo|tin))|dịch|lưu|hàng|thừa|tiếp(?!\s+tục)|hữu|ban(?!\s+hành)|nhận|đất|khoán|thoa|ca|"
        r"kèo|du|diện|của|số|tại|này|trên|nêu"
    ),
    not_after=r"bàn|chuyển|ngoại|tiếp|vận|bên|theo|kiến|thần|các|những|về|có|ban|Ban|sự|việc|sơ|sát|ứng",
)
MODAL_PATTERN = _phrase_pattern(
    MODAL_MARKERS, not_before=r"thiết|sa|cù|câu|mẫn|kíp|trái|chăng|lẽ|không|đạo|cái|gánh", not_after="bên|tay"
)
FUTURE_PATTERN = _phrase_pattern(FUTURE_MARKERS)
PAST_PATTERN = _phrase_pattern(PAST_MARKERS)
IMPERATIVE_PATTERN = _phrase_pattern(IMPERATIVE_HEADS)
IMPERATIVE_START = re.compile(rf"\W*(?:{_alternation(IMPERATIVE_HEADS)})(?!\w)", re.IGNORECASE)
ACTION_PATTERN = _phrase_pattern(ACTION_HEADS)
SPEECH_PATTERN = _phrase_pattern(SPEECH_VERBS)
PETITIONER_PATTERN = _phrase_pattern(PETITIONERS)


@dataclass(frozen=True)
class CueHits:
    """Which kinds of directive cue a text contains."""

    request: bool
    modal: bool
    imperative: bool
    future: bool
    past: bool

    @property
    def directive_like(self) -> bool:
        """A verb of asking, or a task marker with an imperative head, and no past marker."""
        return (self.request or (self.modal and self.imperative)) and not self.past


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_fold(w) for w in words)


def _fold(text: str) -> str:
    """Lower case, with the two Latin letters that ``re.IGNORECASE`` also equates (ı with i, ſ with s)."""
    return text.lower().replace("ı", "i").replace("ſ", "s")


_REQUEST_WORDS = _folded(REQUEST_VERBS)
_MODAL_WORDS = _folded(MODAL_MARKERS)
_IMPERATIVE_WORDS = _folded(IMPERATIVE_HEADS)
_FUTURE_WORDS = _folded(FUTURE_MARKERS)
_PAST_WORDS = _folded(PAST_MARKERS)


def _found(pattern: re.Pattern[str], words: tuple[str, ...], text: str, folded: str) -> bool:
    """``pattern.search(text)``, skipped when none of its words occurs in ``folded`` as a substring (a
    plain substring test is many times faster than the pattern's look-arounds, and every match of the
    pattern is such a substring)."""
    return any(w in folded for w in words) and pattern.search(text) is not None


def cue_hits(text: str) -> CueHits:
    """Look up every cue list in ``text`` (whole syllables, any case)."""
    folded = _fold(text)
    return CueHits(
        request=_found(REQUEST_PATTERN, _REQUEST_WORDS, text, folded),
        modal=_found(MODAL_PATTERN, _MODAL_WORDS, text, folded),
        imperative=_found(IMPERATIVE_PATTERN, _IMPERATIVE_WORDS, text, folded),
        future=_found(FUTURE_PATTERN, _FUTURE_WORDS, text, folded),
        past=_found(PAST_PATTERN, _PAST_WORDS, text, folded),
    )


def starts_with_imperative(text: str) -> bool:
    """Whether ``text`` opens with the head of an imperative clause (leading punctuation ignored)."""
    return IMPERATIVE_START.match(text) is not None
