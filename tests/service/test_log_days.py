"""A log on a day that cannot be right is asked about, and nothing is logged."""

from __future__ import annotations

from tests.service.conftest import Chat, texts


async def test_a_done_on_no_such_day_is_asked_and_nothing_logged(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("did it on the 31st of april, effort 5")
    assert "31st of april" in texts(replies)
    assert "nothing is logged" in texts(replies)
    assert await chat.completions() == []


async def test_a_skip_on_no_such_day_is_asked_and_nothing_logged(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("missed it on 30th feb, sorry")
    assert "30th feb" in texts(replies)
    assert await chat.completions() == []
