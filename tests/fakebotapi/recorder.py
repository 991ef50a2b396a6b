"""What the bot did: every API call, every limit it broke, and waiting for calls to arrive."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded (multipart) or referenced by file_id / URL."""

    field: str
    filename: str | None
    content: bytes
    content_type: str | None = None


@dataclass
class Call:
    """One Bot API request: decoded parameters, arrival time (monotonic), HTTP status and body.

    ``response`` is the decoded JSON body (``None`` for a non-JSON body such as an injected 502).
    """

    method: str
    params: dict[str, Any]
    at: float
    response: dict[str, Any] | None = None
    status: int = 200
    files: dict[str, UploadedFile] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether Telegram would have answered ``{"ok": true}``."""
        return self.status == 200 and bool(self.response and self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The ``result`` of a successful call (``None`` otherwise)."""
        return self.response.get("result") if self.response else None

    @property
    def chat_id(self) -> int | str | None:
        """The ``chat_id`` parameter, if the method has one."""
        return self.params.get("chat_id")


@dataclass(frozen=True)
class Violation:
    """A call that broke a documented Telegram limit or rule (the fake answered with an error)."""

    kind: str
    method: str
    description: str
    params: dict[str, Any]

    def matches(self, pattern: str) -> bool:
        """True if ``pattern`` is this violation's kind or occurs in its description."""
        return pattern == self.kind or pattern in self.description


CallPredicate = Callable[[Call], bool]
#: Arrivals remembered for ``wait_for_arrival``.
ARRIVALS_KEPT = 1000


class Recorder:
    """The call log, with coroutines that wait for a call or state to show up."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        #: The latest requests as they arrive, before any delay or answer (``arrived``);
        #: bounded, since long runs (bench/soak.py) take their calls but not these.
        self.arrivals: deque[Call] = deque(maxlen=ARRIVALS_KEPT)
        self.violations: list[Violation] = []
        self._changed: asyncio.Condition | None = None

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    async def add(self, call: Call) -> None:
        """Record ``call`` and wake every waiter."""
        self.calls.append(call)
        await self.notify()

    async def arrived(self, call: Call) -> None:
        """Note a request the moment it arrives (its answer may be held back) and wake waiters."""
        self.arrivals.append(call)
        await self.notify()

    async def notify(self) -> None:
        """Wake waiters to re-check their condition."""
        condition = self._condition()
        async with condition:
            condition.notify_all()

    async def wait_until(
        self,
        check: Callable[[], Any],
        timeout: float,  # noqa: ASYNC109 - the natural API for tests
        what: str,
    ) -> Any:
        """Return the first truthy ``check()`` result, re-checking after every recorded call."""
        condition = self._condition()
        try:
            async with asyncio.timeout(timeout), condition:
                while not (result := check()):
                    await condition.wait()
                return result
        except TimeoutError:
            recent = "\n  ".join(
                f"{call.method} {call.status} {call.params}" for call in self.calls[-15:]
            )
            raise TimeoutError(
                f"timed out after {timeout}s waiting for {what}; last calls:\n  {recent}"
            ) from None
