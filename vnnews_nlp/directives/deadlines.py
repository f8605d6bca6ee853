"""Time expressions that bound a directive: *trước ngày 30/6*, *năm 2022*, *trong quý III*, *chậm nhất 15/12*.

>>> text = "hoàn thành việc rà soát trước ngày 30/6/2022 và báo cáo trong quý III"
>>> [text[s:e] for s, e in find_deadlines(text)]
['trước ngày 30/6/2022', 'trong quý III']
"""

from __future__ import annotations

import re

_DAY = r"\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?"
_MONTH_NAME = (
    r"tháng\s+(?:\d{1,2}|giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+một|\s+hai)?)"
    r"(?:\s*[/-]\s*\d{4}|\s+năm\s+\d{4})?"
)
_QUARTER = r"quý\s+(?:I{1,3}|IV|[1-4])(?:\s*[/-]\s*\d{4}|\s+năm\s+\d{4})?"
_POINT = rf"(?:ngày\s+)?{_DAY}|ngày\s+\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}|{_QUARTER}|năm\s+(?:19|20)\d{{2}}"
_PERIOD = (
    r"(?:trước|trong|từ\s+nay\s+đến|trong\s+dịp|dịp)\s+(?:(?:lễ\s+)?Tết(?:\s+Nguyên\s+đán)?|lễ\s+tết)"
    r"|(?:từ\s+nay\s+)?đến\s+(?:hết\s+)?(?:cuối\s+)?năm(?:\s+(?:nay|\d{4}))?"
    r"|cuối\s+(?:năm|tháng|quý)(?:\s+(?:nay|này|\d{4}))?|đầu\s+năm\s+(?:\d{4}|tới|sau)"
    r"|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}"
    r"|trong\s+(?:\d+|một|hai|ba|năm|mười)\s+(?:ngày|tuần|tháng|năm)(?:\s+tới)?"
)
_BOUND = r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|muộn nhất|trong|từ|đến|hết|ngay\s+trong|vào|sau)"
DEADLINE_PATTERN = re.compile(
    rf"(?<!\w)(?:(?:{_BOUND})\s+(?:{_POINT})|{_PERIOD}|{_POINT}|ngay\s+trong\s+(?:ngày|tuần|tháng)\s+(?:này|nay))(?!\w)",
    re.IGNORECASE,
)
_BARE_DATE = re.compile(rf"^(?:ngày\s+)?{_DAY}$", re.IGNORECASE)


def find_deadlines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the time expressions in ``text[start:end]`` that can bound an action.

    A bare date with no bounding word (``19/1``) counts only when it
    is written with a year or after ``trước``/``chậm nhất`` (a dateline is not a deadline).
    """
    end = len(text) if end is None else end
    found = []
    for match in DEADLINE_PATTERN.finditer(text, start, end):
        value = match.group(0)
        if _BARE_DATE.match(value) and value.count("/") + value.count("-") < 2:
            continue
        found.append((match.start(), match.end()))
    return found
