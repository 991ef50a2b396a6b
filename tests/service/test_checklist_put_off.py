""" "skip" typed to the warning-sign checklist puts the question off: it is asked again, and
no session is logged as skipped (session sixteen's trial: it had logged today's skip and
left the checklist open for days)."""

from __future__ import annotations

from tests.service.conftest import Chat, button


async def _checklist_open(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("my knee hurts")
    assert button(replies, "v1|rf|")
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "flags"


async def test_skip_at_the_checklist_asks_again_and_logs_nothing(chat: Chat) -> None:
    await _checklist_open(chat)
    (again,) = await chat.say("skip")
    assert "rather not skip this one" in again.text
    assert button([again], "v1|rf|")
    assert await chat.completions() == []
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "flags"


async def test_skipping_the_session_is_still_a_skip(chat: Chat) -> None:
    await _checklist_open(chat)
    await chat.say("none")
    await chat.say("skipping today's session, too sore")
    (skipped,) = await chat.completions()
    assert skipped.status.value == "skipped"
