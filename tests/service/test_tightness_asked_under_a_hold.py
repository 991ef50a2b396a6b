"""A runner on a nerve hold who asks whether it is just tightness, and whether to stretch:
told what tightness does not explain and not to stretch hard into it, with nothing stored
(a trial had it stored as hamstring tightness with "move it gently")."""

from __future__ import annotations

from tests.service.conftest import Chat, texts


async def test_is_it_just_tight_under_a_nerve_hold_stores_nothing(chat: Chat) -> None:
    await chat.say("tingling down my left leg since the long run")
    before = await chat.reports()
    replies = await chat.say("should I stretch my hamstrings more? is it just tight hammies?")
    said = texts(replies)
    assert "don't stretch hard" in said
    assert "Still on hold" in said
    assert await chat.reports() == before
    assert "move it gently" not in said
