"""The rate limiter keeps to 30 sends a second overall and one a second per chat."""

from __future__ import annotations

from itertools import pairwise

from scheduler.limiter import RateLimiter
from tests.scheduler.helpers import FakeMonotonic

EPSILON = 1e-9


def limiter() -> tuple[RateLimiter, FakeMonotonic]:
    clock = FakeMonotonic()
    return RateLimiter(30, 1, clock=clock, sleep=clock.sleep), clock


async def test_overall_rate() -> None:
    limit, clock = limiter()
    for chat in range(90):
        await limit.acquire(chat)
    assert 2.9 <= clock.now <= 3.0


def test_reserved_slots_keep_both_rates() -> None:
    limit, _ = limiter()
    slots = [(limit.reserve(chat % 3), chat % 3) for chat in range(30)]
    for chat in range(3):
        mine = sorted(at for at, c in slots if c == chat)
        assert all(b - a >= 1.0 - EPSILON for a, b in pairwise(mine))
    overall = sorted(at for at, _ in slots)
    assert all(b - a >= 1 / 30 - EPSILON for a, b in pairwise(overall))


async def test_a_pause_holds_every_send_back() -> None:
    limit, clock = limiter()
    await limit.acquire(1)
    limit.pause(5)
    await limit.acquire(2)
    assert clock.now >= 5
