"""What the directive extractor returns, and the classifier's stored weights."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..linear import LinearModel
from ..resources import load_json
from .commas import CommaModel

FORMAT = "vnnews_nlp.directives"
VERSION = 2
DEFAULT_MODEL = "directives/clause-classifier.json"

#: The unit observations the classifier reads, in order (see :mod:`vnnews_nlp.directives.units`).
SIGNALS: tuple[str, ...] = (
    "request_in_unit",
    "request_in_sentence",
    "modal",
    "opens_with_head",
    "opens_imperative",
    "future",
    "past_before_action",
    "past_in_unit",
    "past_in_sentence",
    "petitioner",
    "question",
    "intro",
    "in_list",
    "list_open",
    "near_directive",
    "issuer_explicit",
    "has_issuer",
    "has_addressee",
    "addressee_carried",
    "has_deadline",
    "quoted",
    "speech_verb",
    "event",
    "opens_with_verb",
    "action_words",
    "relative_position",
    "unpunctuated",
    "commitment",
)
KINDS: tuple[str, ...] = ("request", "task", "imperative")
FEATURES: tuple[str, ...] = (
    *SIGNALS,
    "log_action_words",
    *(f"kind_{k}" for k in KINDS),
    "request_and_past",
    "head_and_context",
    "past_without_request",
    "event_without_request",
)
EMBEDDING_FEATURES: tuple[str, ...] = ("e5_directive", "e5_report", "e5_margin")


@dataclass(frozen=True)
class Mention:
    """A stretch of the caller's text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Directive:
    """One thing an authority asks, assigns or commits someone to do.

    Attributes:
        action: the action as written, from its head verb (``original[start:end]``).
        start, end: offsets of the action in the caller's text.
        kind: ``"request"`` (a verb of asking governs it), ``"task"`` (a task or plan: *cần*, *phải*,
            *năm 2022 … tiếp tục*) or ``"imperative"`` (a bare item of a task list).
        issuer: who asks, as written (possibly in an earlier sentence of the same speech), or ``None``.
        addressee: who must act, as written, or ``None``.
        deadline: the time expression bounding the action, or ``None``.
        sentence: the enclosing sentence.
        sentence_index: its position among the article's content sentences.
        confidence: the classifier's probability that this is a directive (0 … 1).
    """

    action: str
    start: int
    end: int
    kind: str
    issuer: Mention | None
    addressee: Mention | None
    deadline: Mention | None
    sentence: Mention
    sentence_index: int
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        def opt(m: Mention | None) -> dict[str, Any] | None:
            return m.to_dict() if m is not None else None

        return {
            "action": self.action,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "issuer": opt(self.issuer),
            "addressee": opt(self.addressee),
            "deadline": opt(self.deadline),
            "sentence": {**self.sentence.to_dict(), "index": self.sentence_index},
            "confidence": self.confidence,
        }


@dataclass
class DirectiveModel:
    """The clause classifier: a lexical model, an embedding model, their thresholds and the e5 prototypes,
    with the comma model that cuts sentences into clause units.

    Attributes:
        models: ``{"lexical": LinearModel, "embedding": LinearModel}`` (logistic regression).
        segmenter: which commas open a new clause (:class:`~vnnews_nlp.directives.commas.CommaModel`).
        thresholds: probability above which a unit is kept, per mode.
        prototypes: ``{"directive": [...], "report": [...]}``: example sentences whose e5 centroids give
            the embedding features.
        metadata: training data, command and cross-validated scores.
    """

    models: dict[str, LinearModel]
    thresholds: dict[str, float]
    segmenter: CommaModel
    prototypes: dict[str, list[str]] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> DirectiveModel:
        """Load a model file; ``None`` loads the shipped one (checked against its sha256).

        Raises:
            ValueError: not a directive model, another version, or other feature names.
        """
        if path is None:
            data, source = load_json(DEFAULT_MODEL), DEFAULT_MODEL
        else:
            data, source = json.loads(Path(path).read_text(encoding="utf-8")), str(path)
        if data.get("format") != FORMAT:
            raise ValueError(f"{source} is not a directive model (format {data.get('format')!r})")
        if data.get("version") != VERSION:
            raise ValueError(f"{source} has version {data.get('version')!r}; this library reads version {VERSION}")
        models = {mode: LinearModel.from_dict(m) for mode, m in data["models"].items()}
        expected = {"lexical": FEATURES, "embedding": FEATURES + EMBEDDING_FEATURES}
        for mode, names in expected.items():
            if mode not in models or models[mode].names != names:
                raise ValueError(f"{source}: the {mode} model was trained on other features; retrain it")
        try:
            segmenter = CommaModel.from_dict(data["segmenter"])
        except ValueError as error:
            raise ValueError(f"{source}: {error}") from None
        return cls(
            models,
            {k: float(v) for k, v in data["thresholds"].items()},
            segmenter,
            data.get("prototypes", {}),
            data.get("metadata", {}),
        )

    def save(self, path: str | Path) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "thresholds": self.thresholds,
            "models": {mode: m.to_dict() for mode, m in self.models.items()},
            "segmenter": self.segmenter.to_dict(),
            "prototypes": self.prototypes,
            "metadata": self.metadata,
        }
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def unit_matrix(signals: list[dict[str, float]], kinds: list[str]) -> np.ndarray:
    """The lexical feature matrix of units (rows) from their signals and kinds."""
    rows = []
    for signal, kind in zip(signals, kinds, strict=True):
        context = max(signal["in_list"], signal["list_open"], signal["near_directive"], signal["request_in_sentence"])
        rows.append(
            [signal[name] for name in SIGNALS]
            + [float(np.log1p(signal["action_words"]))]
            + [float(kind == k) for k in KINDS]
            + [signal["request_in_unit"] * signal["past_before_action"], signal["opens_with_head"] * context]
            + [
                signal["past_in_sentence"] * (1 - signal["request_in_sentence"]),
                signal["event"] * (1 - signal["request_in_sentence"]),
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
