"""A message dictated to a voice assistant is read as typed ("okay google message hip coach
... full stop it was a 6"), and "stop pausing me" ends a pause (session sixteen's
development set)."""

from __future__ import annotations

from bot.core.vocabulary import Phase
from tests.service.conftest import Chat, texts


async def test_a_dictated_log_keeps_its_effort(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "okay google message hip coach I did today's full stop it was a 6 full stop"
    )
    (done,) = await chat.completions()
    assert done.rpe == 6
    assert "google" not in texts(replies).lower()


async def test_a_dictated_question_after_a_log_is_answered_too(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "why have the jumps gone down question mark also I did today's comma it was a 5"
    )
    (done,) = await chat.completions()
    assert done.rpe == 5
    assert "Sorry, I didn't quite get" not in texts(replies)


async def test_stop_pausing_me_ends_the_pause(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command("/pause")
    assert (await chat.state()).phase is Phase.PAUSED
    (back,) = await chat.say("stop pausing me, i'm back")
    assert "Welcome back" in back.text
    assert (await chat.state()).phase is not Phase.PAUSED
