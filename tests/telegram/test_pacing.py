"""The send window and the rate limiter, on virtual time (no real waiting)."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.error import RetryAfter

from bot.telegram.pacing import BULK, PacedRateLimiter, SendWindow, Ticket


class VirtualTime:
    """A clock for asyncio tasks: ``sleep`` waits until ``run`` moves time on to it."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def run(self, *work: Any) -> None:
        """Run ``work`` to the end, moving time on whenever every task waits."""
        tasks = [asyncio.ensure_future(job) for job in work]
        while not all(task.done() for task in tasks):
            for _ in range(10):
                await asyncio.sleep(0)
            if self._sleepers and not all(task.done() for task in tasks):
                at, _, future = heapq.heappop(self._sleepers)
                self.now = max(self.now, at)
                future.set_result(None)
        await asyncio.gather(*tasks)


_ORDER = itertools.count()


@dataclass(frozen=True)
class Sent:
    chat: int
    bulk: bool
    order: int  # the how-manieth send to start
    start: float
    end: float


async def _send(  # noqa: PLR0917 - a test helper, read at the call sites
    window: SendWindow, clock: VirtualTime, log: list[Sent], chat: int, bulk: bool, delay: float
) -> None:
    await clock.sleep(delay)
    async with window.slot(chat, bulk=bulk):
        start, order = clock.now, next(_ORDER)
        await clock.sleep(0.05)  # the request's round trip
    log.append(Sent(chat, bulk, order, start, clock.now))


async def _send_reserved(  # noqa: PLR0917 - a test helper, read at the call sites
    window: SendWindow, clock: VirtualTime, log: list[Sent], chat: int, delay: float, gap: float
) -> None:
    """A scheduled send paced first (``reserve``), started ``gap`` later (the gate); it
    is in the order when it took its place (a reply may still start in the gap)."""
    await clock.sleep(delay)
    ticket = await window.reserve(chat)
    order = next(_ORDER)
    await clock.sleep(gap)
    async with window.slot(chat, ticket=ticket):
        start = clock.now
        await clock.sleep(0.05)
    ticket.release()  # used: nothing to give back
    log.append(Sent(chat, True, order, start, clock.now))


@settings(max_examples=60, deadline=None)
@given(
    overall=st.integers(1, 6),
    sends=st.lists(
        st.tuples(
            st.integers(0, 3), st.sampled_from(["reply", "bulk", "reserved"]), st.floats(0, 2)
        ),
        min_size=1,
        max_size=40,
    ),
)
def test_no_rolling_second_holds_more_than_the_limit(
    overall: int, sends: list[tuple[int, str, float]]
) -> None:
    """Wherever in its round trip Telegram counts a send, no second with a bulk send in it
    holds more than allowed; a bulk send starts a second after any other send to its chat
    was answered. Reserved sends (paced first, started a little later) included."""
    clock, log = VirtualTime(), list[Sent]()
    window = SendWindow(overall, 1.0, clock=clock, sleep=clock.sleep)
    work = [
        _send_reserved(window, clock, log, chat, delay, gap=0.02)
        if mode == "reserved"
        else _send(window, clock, log, chat, mode == "bulk", delay)
        for chat, mode, delay in sends
    ]
    asyncio.run(clock.run(*work))
    assert len(log) == len(sends)
    for sent in log:
        earlier = [other for other in log if other.order < sent.order]
        counted = [other for other in earlier if sent.start < other.end + 1.0]
        if sent.bulk or any(other.bulk for other in counted):
            assert len(counted) < overall
        if sent.bulk:
            same_chat = [other for other in counted if other.chat == sent.chat]
            assert same_chat == []


async def test_a_reply_goes_before_waiting_bulk_sends() -> None:
    clock, log = VirtualTime(), list[Sent]()
    window = SendWindow(1, 1.0, clock=clock, sleep=clock.sleep)
    await clock.run(
        _send(window, clock, log, 1, True, 0),
        _send(window, clock, log, 2, True, 0.01),
        _send(window, clock, log, 3, True, 0.01),
        _send(window, clock, log, 4, False, 0.02),
    )
    assert [sent.chat for sent in log] == [1, 4, 2, 3]


async def test_a_pause_holds_every_send_back() -> None:
    clock, log = VirtualTime(), list[Sent]()
    window = SendWindow(30, 1.0, clock=clock, sleep=clock.sleep)
    window.pause(5)
    await clock.run(_send(window, clock, log, 1, False, 0), _send(window, clock, log, 2, True, 0))
    assert min(sent.start for sent in log) >= 5


class FakeCall:
    """A Bot API call answering 429 (``retry_after`` 2 s) ``refusals`` times, then ok."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.calls = 0

    async def __call__(self) -> bool:
        self.calls += 1
        if self.calls <= self.refusals:
            raise RetryAfter(2)
        return True


async def _request(
    limiter: PacedRateLimiter, call: FakeCall, endpoint: str, chat: int = 7
) -> object:
    return await limiter.process_request(call, (), {}, endpoint, {"chat_id": chat}, BULK)


async def test_a_429_holds_every_send_back_then_the_call_is_made_again() -> None:
    clock = VirtualTime()
    limiter = PacedRateLimiter(SendWindow(clock=clock, sleep=clock.sleep))
    call, other = FakeCall(refusals=1), FakeCall(refusals=0)
    results: list[object] = []

    async def later() -> None:
        await clock.sleep(0.5)
        results.append(await _request(limiter, other, "sendMessage", chat=8))
        results.append(clock.now)

    await clock.run(_request(limiter, call, "sendMessage"), later())
    assert call.calls == 2
    assert results == [True, pytest.approx(2.0)]  # the other chat waited out the pause too


@pytest.mark.parametrize("endpoint", ["sendMessage", "getMe"])
async def test_after_the_last_retry_the_caller_gets_the_429(endpoint: str) -> None:
    clock = VirtualTime()
    limiter = PacedRateLimiter(SendWindow(clock=clock, sleep=clock.sleep), max_retries=2)
    call = FakeCall(refusals=5)
    with pytest.raises(RetryAfter):
        await clock.run(_request(limiter, call, endpoint))
    assert call.calls == 3
    assert clock.now == pytest.approx(4.0)


async def test_replies_alone_are_not_held_back() -> None:
    clock, log = VirtualTime(), list[Sent]()
    window = SendWindow(30, 1.0, clock=clock, sleep=clock.sleep)
    await clock.run(*(_send(window, clock, log, chat % 5, False, 0) for chat in range(100)))
    assert {sent.start for sent in log} == {0.0}


async def test_a_send_on_a_ticket_does_not_wait_and_an_unused_one_gives_its_place_back() -> None:
    clock, log = VirtualTime(), list[Sent]()
    window = SendWindow(1, 1.0, clock=clock, sleep=clock.sleep)
    first = await window.reserve(1)  # the only place
    assert window._wait(2, bulk=True) > 0  # the window is full
    first.release()  # the runner was gone: not sent
    first.release()  # a second release changes nothing
    await clock.run(_send(window, clock, log, 1, True, 0), _send(window, clock, log, 2, True, 0))
    assert [sent.start for sent in log] == [0.0, pytest.approx(1.05)]
    clock.now += 5
    ticket = await window.reserve(3)
    clock.now += 5  # the gate took its time: the place is still this send's
    async with window.slot(3, ticket=ticket):
        assert clock.now == pytest.approx(11.1)  # no wait
    with pytest.raises(ValueError, match="used"):
        async with window.slot(3, ticket=ticket):
            pass


async def test_a_send_on_a_ticket_is_made_once_a_429_goes_to_the_caller() -> None:
    clock = VirtualTime()
    limiter = PacedRateLimiter(SendWindow(clock=clock, sleep=clock.sleep))
    call = FakeCall(refusals=1)
    ticket = await limiter.reserve(7)
    assert isinstance(ticket, Ticket)
    with pytest.raises(RetryAfter):
        await limiter.process_request(
            call, (), {}, "sendMessage", {"chat_id": 7}, {**BULK, "ticket": ticket}
        )
    assert call.calls == 1  # not again here: the scheduler sends it again, through its gate
    assert limiter.window._wait(8, bulk=False) == pytest.approx(2.0)  # every send waits
