"""A log for a day gone by says that day, not today's words."""

from __future__ import annotations

from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts


async def test_a_skip_and_a_done_for_yesterday_name_yesterday(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    clock.advance(days=1)
    await chat.command("/today")
    skipped = texts(await chat.say("skipped yesterday, no time"))
    assert "skipped yesterday (no time)" in skipped
    assert "today" not in skipped
    done = texts(await chat.say("nah wait i did it yesterday, was hard tho"))
    assert "for yesterday" in done
    assert "the earlier log for that day" in done
    assert "tomorrow" not in done  # "easy does it tomorrow" is for today's hard session
