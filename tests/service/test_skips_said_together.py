"""Days gone by skipped in one message ("missed saturday and sunday, did it today 6"): one
note for them (a trial saw "one missed day changes little" once for each day)."""

from __future__ import annotations

from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts


async def test_two_days_skipped_are_one_note(chat: Chat) -> None:
    await chat.command("/today")
    clock = chat.coach.clock
    assert isinstance(clock, FakeClock)
    while clock.now.weekday() != 0:  # on to a Monday, the weekend's sessions planned
        chat.next_day()
    replies = await chat.say("missed saturday and sunday, did it today 6")
    said = texts(replies)
    assert said.count("Noted: skipped") == 1
    assert "and yesterday" in said
    assert "two missed days change little" in said
    assert "effort 6/10" in said


async def test_a_session_promised_for_later_is_acknowledged_and_not_logged(chat: Chat) -> None:
    """Trials: "gonna get it done later" was "Sorry, I didn't quite get"."""
    replies = await chat.say("gonna get it done later")
    assert "Tell me when it's done" in texts(replies)
    assert await chat.completions() == []
