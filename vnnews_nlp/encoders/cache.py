"""An embedding cache keyed by (model, kind, text hash): in memory, optionally saved as ``.npz``."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def text_key(model: str, kind: str, text: str) -> str:
    """The cache key of one text: model id, kind and the SHA-256 of the text."""
    return f"{model}\x1f{kind}\x1f{hashlib.sha256(text.encode('utf-8')).hexdigest()}"


class EmbeddingCache:
    """A thread-safe LRU cache of embedding rows.

    Args:
        max_items: rows kept in memory; the least recently used go first.

    >>> cache = EmbeddingCache(max_items=2)
    >>> cache.put(["k1"], np.ones((1, 3), dtype=np.float32))
    >>> cache.get(["k1", "k2"])[1]
    [1]
    """

    def __init__(self, max_items: int = 50_000) -> None:
        if max_items < 1:
            raise ValueError("max_items must be at least 1")
        self.max_items = max_items
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, keys: Sequence[str]) -> tuple[dict[int, np.ndarray], list[int]]:
        """Cached rows by position in ``keys``, and the positions that missed."""
        found: dict[int, np.ndarray] = {}
        missing: list[int] = []
        with self._lock:
            for i, key in enumerate(keys):
                row = self._rows.get(key)
                if row is None:
                    missing.append(i)
                else:
                    self._rows.move_to_end(key)
                    found[i] = row
            self.hits += len(found)
            self.misses += len(missing)
        return found, missing

    def put(self, keys: Sequence[str], rows: np.ndarray) -> None:
        """Store ``rows[i]`` under ``keys[i]``."""
        with self._lock:
            for key, row in zip(keys, rows, strict=True):
                self._rows[key] = np.array(row, dtype=np.float32, copy=True)
                self._rows.move_to_end(key)
            while len(self._rows) > self.max_items:
                self._rows.popitem(last=False)

    def save(self, path: str | Path) -> None:
        """Write the cache to a ``.npz`` file (plain arrays, no pickle)."""
        with self._lock:
            keys = np.array(list(self._rows), dtype=np.str_)
            rows = np.stack(list(self._rows.values())) if self._rows else np.zeros((0, 0), np.float32)
        np.savez(path, keys=keys, rows=rows)

    @classmethod
    def load(cls, path: str | Path, max_items: int = 50_000) -> EmbeddingCache:
        """Read a cache written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            cache = cls(max_items=max_items)
            if len(data["keys"]):
                cache.put([str(k) for k in data["keys"]], data["rows"])
        return cache
