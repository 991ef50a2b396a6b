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


async def test_the_pain_rules_are_not_for_what_is_on_hold(chat: Chat) -> None:
    """Second trial: "should I keep going?" under a femoral-neck or nerve hold got "up to 5
    is acceptable" with nothing to say those numbers were not for the held area."""
    await chat.say("tingling down my left leg since the long run")
    said = texts(await chat.say("should I keep going?"))
    assert "up to 5 is acceptable" in said
    assert "not for what is on hold" in said
    assert "Still on hold" in said


async def test_the_pain_rules_stand_alone_without_a_hold(chat: Chat) -> None:
    said = texts(await chat.say("should I keep going?"))
    assert "not for what is on hold" not in said
