"""Which commas of a sentence open a new clause unit: a learned decision over part-of-speech context.

The guideline cuts a sentence into one unit per action, but Vietnamese writes both lists of actions and
lists of objects with commas: *rà soát, kiểm tra, cắt tỉa ngay cây nặng tán* is one action, *tăng cường
kiểm tra hệ thống đê kè, …, kịp thời phát hiện …* two. A logistic regression reads the words around each
comma (their underthesea tags, the lengths of the parts, cue words) and is trained on the commas of the
annotated development set (``training/train_directives.py``): a comma where a gold directive starts or
ends opens a unit, one inside a gold directive does not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..cues import ACTION_PATTERN, IMPERATIVE_START
from ..linear import LinearModel

Word = tuple[int, int, str]

_NEXT_TAGS = ("V", "N", "A", "R", "C", "E", "L", "M", "Np", "CH")
_SECOND_TAGS = ("V", "N", "A", "E")
_PREVIOUS_TAGS = ("V", "N", "A")
_ITEM_END = re.compile(r"[,;:.!?]")
_NEGATION = frozenset(("không", "chưa", "đừng", "chớ"))
#: After a comma, these go on with the clause before: an elaboration (*trong đó*, *nhất là*), a purpose
#: or a consequence (*nhằm*, *bảo đảm an toàn*, *góp phần*, *tránh lãng phí*, *gây thiệt hại*).
ELABORATION = re.compile(
    r"\s*(?:trong đó|nhất là|đặc biệt là|đặc biệt|kể cả|bao gồm|như|nhằm|để|bảo đảm|đảm bảo|góp phần|tránh|"
    r"gây|ảnh hưởng)(?!\w)",
    re.IGNORECASE,
)

#: The comma model's features, in order.
COMMA_FEATURES: tuple[str, ...] = (
    *(f"next_{t}" for t in _NEXT_TAGS),
    "next_other",
    *(f"second_{t}" for t in _SECOND_TAGS),
    "second_other",
    *(f"previous_{t}" for t in _PREVIOUS_TAGS),
    "previous_other",
    "log_after_words",
    "short_after",
    "after_ends_sentence",
    "after_ends_semicolon",
    "log_before_words",
    "short_before",
    "next_action_head",
    "next_imperative",
    "next_negation",
    "next_elaboration",
    "verb_inside_before",
    "verb_inside_after",
    "previous_chu_tri",
    "next_capitalised",
    "before_verb_object",
)


def _one_hot(tag: str, keys: tuple[str, ...]) -> list[float]:
    return [float(tag == k) for k in keys] + [float(tag not in keys)]


def comma_features(text: str, start: int, end: int, words: list[Word], comma: int) -> list[float]:
    """The features of the comma at ``text[comma]`` in the sentence ``text[start:end]``.

    Args:
        words: the sentence's words with their part-of-speech tags, ``(start, end, tag)``.
    """
    after = comma + 1
    while after < end and text[after].isspace():
        after += 1
    following = [w for w in words if w[0] >= after]
    previous = [w for w in words if w[1] <= comma]
    item_end_match = _ITEM_END.search(text, after, end)
    item_end = item_end_match.start() if item_end_match else end
    terminator = text[item_end] if item_end < end else "."
    item_start = start
    for k in range(comma - 1, start - 1, -1):
        if text[k] in ",;:":
            item_start = k + 1
            break
    before_words = [w for w in words if item_start <= w[0] < comma and w[2] != "CH"]
    after_words = [w for w in words if after <= w[0] < item_end and w[2] != "CH"]
    next_tag = following[0][2] if following else "-"
    second_tag = following[1][2] if len(following) > 1 else "-"
    previous_tag = previous[-1][2] if previous else "-"
    next_word = text[following[0][0] : following[0][1]].lower() if following else ""
    previous_word = text[previous[-1][0] : previous[-1][1]].lower() if previous else ""
    after_count = len(text[after:item_end].split())
    verbs_before = [w for w in before_words if w[2] == "V"]
    verb_then_object = bool(verbs_before) and before_words[-1][2] in ("N", "Np", "M")
    before_count = len(text[item_start:comma].split())
    return [
        *_one_hot(next_tag, _NEXT_TAGS),
        *_one_hot(second_tag, _SECOND_TAGS),
        *_one_hot(previous_tag, _PREVIOUS_TAGS),
        math.log1p(after_count),
        float(after_count <= 3),
        float(terminator in ".!?" or item_end >= end - 1),
        float(terminator == ";"),
        math.log1p(before_count),
        float(before_count <= 2),
        float(ACTION_PATTERN.match(text, after, end) is not None),
        float(IMPERATIVE_START.match(text, after, end) is not None),
        float(next_word in _NEGATION),
        float(ELABORATION.match(text, after, end) is not None),
        float(any(w[2] == "V" for w in before_words[:-1])),
        float(any(w[2] == "V" for w in after_words[1:])),
        float(previous_word == "chủ trì"),
        float(after < end and text[after].isupper()),
        float(verb_then_object),
    ]


@dataclass(frozen=True)
class CommaModel:
    """Which commas open a new clause: a logistic regression over :data:`COMMA_FEATURES` and the probability
    from which a comma cuts (chosen, like the clause classifier's, on cross-validated strict F1).

    Attributes:
        model: the logistic regression.
        threshold: a comma with this probability or more opens a new unit.
    """

    model: LinearModel
    threshold: float = 0.5

    def opening(self, text: str, start: int, end: int, words: list[Word]) -> set[int]:
        """Positions of the commas in the sentence ``text[start:end]`` that open a new clause unit.

        Args:
            words: the sentence's words with their part-of-speech tags, ``(start, end, tag)``.
        """
        commas = [k for k in range(start, end - 1) if text[k] == "," and text[k + 1].isspace()]
        if not commas:
            return set()
        matrix = np.array([comma_features(text, start, end, words, k) for k in commas])
        cut_from = math.log(self.threshold / (1.0 - self.threshold))
        return {k for k, logit in zip(commas, self.model.predict(matrix), strict=True) if logit >= cut_from}

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model.to_dict(), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CommaModel:
        """Raises ``ValueError`` when the stored model reads other features than :data:`COMMA_FEATURES`."""
        model = LinearModel.from_dict(data["model"])
        if model.names != COMMA_FEATURES:
            raise ValueError("the comma model was trained on other features; retrain it")
        return cls(model, float(data["threshold"]))
