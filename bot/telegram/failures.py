"""Which updates failed: PTB hands errors to error handlers, not to ``process_update``'s caller."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

__all__ = ["FailedUpdates"]

log = logging.getLogger(__name__)


class FailedUpdates:
    """A PTB error handler that notes which of the watched updates failed."""

    def __init__(self) -> None:
        self._watched: dict[int, bool] = {}

    async def __call__(self, update: object, _context: Any) -> None:
        if id(update) in self._watched:
            self._watched[id(update)] = True

    async def run(self, update: Update, process: Callable[[Update], Awaitable[None]]) -> bool:
        """Process ``update``; True when it went through without an error."""
        self._watched[id(update)] = False
        try:
            await process(update)
        except Exception:
            log.exception("update %s failed", update.update_id)
            return False
        finally:
            failed = self._watched.pop(id(update))
        return not failed
