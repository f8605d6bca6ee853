"""A mixin for the lazily loading model classes: a lock that pickling leaves behind."""

from __future__ import annotations

import threading
from typing import Any


class LazyLoading:
    """Gives ``self._lock`` to classes that load their model on first use.

    Pickling (for ``datasets`` workers, Spark or Ray) keeps the configuration and whatever was already
    loaded, drops the lock and makes a fresh one on the other side.
    """

    _lock: threading.Lock

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_lock", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
