"""Probabilities from decision scores: a softmax whose temperature is fitted on held-out scores.

Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017) keeps the ranking of
the classes and only sharpens or flattens the distribution, choosing the temperature that maximises the
likelihood of held-out labels.

>>> scores = np.array([[2.0, 0.0], [0.0, 2.0], [1.0, 0.5]])
>>> t = fit_temperature(scores, np.array([0, 1, 1]))
>>> softmax(scores / t).sum(axis=1).round(6).tolist()
[1.0, 1.0, 1.0]
"""

from __future__ import annotations

import numpy as np

_LOG_BOUNDS = (-6.0, 6.0)  # temperatures from e^-6 to e^6


def softmax(scores: np.ndarray) -> np.ndarray:
    """Softmax over the last axis (each row of a matrix, or one vector), computed stably."""
    shifted = scores - scores.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def log_loss(scores: np.ndarray, targets: np.ndarray, temperature: float) -> float:
    """Mean negative log-likelihood of ``targets`` (class indices) under ``softmax(scores / temperature)``."""
    scaled = scores / temperature
    top = scaled.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(scaled - top).sum(axis=1)) + top[:, 0]
    return float(np.mean(log_norm - scaled[np.arange(len(targets)), targets]))


def fit_temperature(scores: np.ndarray, targets: np.ndarray) -> float:
    """The temperature minimising :func:`log_loss` on held-out ``scores`` and their true class indices."""
    from scipy.optimize import minimize_scalar

    result = minimize_scalar(
        lambda log_t: log_loss(scores, targets, float(np.exp(log_t))), bounds=_LOG_BOUNDS, method="bounded"
    )
    return round(float(np.exp(result.x)), 6)
