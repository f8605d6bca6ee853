"""The summarizer's learned weights, stored as JSON: a syllable model shared by both modes and two
standardised linear models per mode.

``coverage`` gives each syllable of an article the probability that its summary uses it (logistic
regression on whether the sapo contains it); ``sentence`` scores each sentence (logistic regression on
oracle labels); ``set`` scores a candidate summary from its set features (a pairwise ranking of the
candidates of one article by their ROUGE-1 against the sapo, its scores mapped back to ROUGE-1 units).
The ``embedding`` mode uses e5 features, the ``lexical`` mode (``encoder=None``) does without them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..linear import LinearModel
from ..resources import load_json
from .coverage import SYLLABLE_FEATURES, CoverageModel
from .features import (
    EMBEDDING_SENTENCE_FEATURES,
    EMBEDDING_SET_FEATURES,
    LEXICAL_SENTENCE_FEATURES,
    LEXICAL_SET_FEATURES,
)
from .tfidf import SyllableIdf

FORMAT = "vnnews_nlp.summarizer"
VERSION = 2
DEFAULT_MODEL = "summarizer/vietnews-linear.json"
MODES = ("embedding", "lexical")


def expected_features(mode: str) -> dict[str, tuple[str, ...]]:
    """The feature names each model of ``mode`` must have been trained on."""
    if mode == "embedding":
        return {
            "sentence": LEXICAL_SENTENCE_FEATURES + EMBEDDING_SENTENCE_FEATURES,
            "set": LEXICAL_SET_FEATURES + EMBEDDING_SET_FEATURES,
        }
    return {"sentence": LEXICAL_SENTENCE_FEATURES, "set": LEXICAL_SET_FEATURES}


@dataclass
class SummaryModel:
    """IDF table, syllable coverage model, and sentence and set models for each mode.

    Attributes:
        idf: syllable IDF weights for TF-IDF features.
        coverage: which syllables a summary uses, and how long it runs.
        models: ``{"embedding" | "lexical": {"sentence": LinearModel, "set": LinearModel}}``.
        candidates: how many top-scored sentences form candidate sets.
        metadata: training data, command and metrics, as recorded by the training script.
    """

    idf: SyllableIdf
    coverage: CoverageModel
    models: dict[str, dict[str, LinearModel]]
    candidates: int = 8
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> SummaryModel:
        """Load a model file (JSON); ``None`` loads the shipped model, checked against its sha256.

        Raises:
            ValueError: not a summarizer model, a version this library cannot read, or feature names
                that differ from the features this version computes.
        """
        if path is None:
            data = load_json(DEFAULT_MODEL)
            source = DEFAULT_MODEL
        else:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            source = str(path)
        if data.get("format") != FORMAT:
            raise ValueError(f"{source} is not a summarizer model (format {data.get('format')!r})")
        if data.get("version") != VERSION:
            raise ValueError(f"{source} has version {data.get('version')!r}; this library reads version {VERSION}")
        models = {
            mode: {part: LinearModel.from_dict(data["models"][mode][part]) for part in ("sentence", "set")}
            for mode in MODES
        }
        for mode, parts in models.items():
            for part, names in expected_features(mode).items():
                if parts[part].names != names:
                    raise ValueError(f"{source}: the {mode}/{part} model was trained on other features; retrain it")
        syllable_model = LinearModel.from_dict(data["coverage"]["model"])
        if syllable_model.names != SYLLABLE_FEATURES:
            raise ValueError(f"{source}: the coverage model was trained on other features; retrain it")
        coverage = CoverageModel(syllable_model, float(data["coverage"]["reference_length"]))
        return cls(
            SyllableIdf.from_dict(data["idf"]),
            coverage,
            models,
            int(data["candidates"]),
            dict(data.get("metadata", {})),
        )

    def save(self, path: str | Path) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "candidates": self.candidates,
            "metadata": self.metadata,
            "coverage": {
                "reference_length": round(self.coverage.reference_length, 4),
                "model": self.coverage.model.to_dict(),
            },
            "models": {mode: {part: m.to_dict() for part, m in parts.items()} for mode, parts in self.models.items()},
            "idf": self.idf.to_dict(),
        }
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
