"""Standardised linear models stored as JSON: the learned scorers of the summarizer and the directive classifier.

>>> import numpy as np
>>> m = LinearModel(("a", "b"), np.zeros(2), np.ones(2), np.array([1.0, -1.0]), 0.5)
>>> float(m.predict(np.array([[2.0, 1.0]]))[0])
1.5
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass
class LinearModel:
    """``intercept + coef · (x - mean) / scale`` over named features."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        return self.intercept + ((matrix - self.mean) / self.scale) @ self.coef

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.names),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            names=tuple(data["features"]),
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
        )
