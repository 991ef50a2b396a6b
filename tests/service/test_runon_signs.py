"""A warning sign said in a long message beside another request: the sign is stored as a
report of its area and answered once, and the other request is still carried out; with a
request for today's session, the warning is the answer. Our own phrasings. Today is
Tuesday 1 December 2026 (the clock's day)."""

from __future__ import annotations

from datetime import time

from bot.core.vocabulary import Area, RedFlag
from tests.service.conftest import Chat, texts


async def test_a_sign_beside_a_reminder_change_is_triaged_once_and_the_time_set(
    chat: Chat,
) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "right shin throbs at night in bed now which it never used to, also can you move "
        "my reminder to 8"
    )
    said = texts(replies)
    reports = await chat.reports()
    assert [(r.area, RedFlag.NIGHT_PAIN in r.red_flags) for r in reports] == [(Area.SHINS, True)]
    assert said.count("see a doctor") == 1  # the warning once, not again for the whole
    assert (await chat.runner()).reminder_time == time(8, 0)


async def test_a_sign_beside_a_request_for_today_is_answered_with_the_warning(
    chat: Chat,
) -> None:
    await chat.command("/today")
    replies = await chat.say("left knee swells up and aches at night, whats todays session")
    said = texts(replies)
    reports = await chat.reports()
    assert [r.area for r in reports] == [Area.KNEE]
    assert "see a doctor" in said
    assert "Tap <b>Done</b>" not in said  # no session handed out beside the warning
