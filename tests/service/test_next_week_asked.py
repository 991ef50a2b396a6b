"""Next week asked about ("what's on next week", "show me next week pls"): its days, Monday
to Sunday, titled "Next week" (it had been today's session, or the next seven days)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.presentation.render import day_label
from tests.service.conftest import TODAY, Chat, texts


@pytest.mark.parametrize(
    "said", ["what's on next week", "show me next week pls", "what does next week look like"]
)
async def test_next_week_asked_shows_monday_to_sunday(chat: Chat, said: str) -> None:
    replies = await chat.say(said)
    shown = texts(replies)
    monday = TODAY + timedelta(days=7 - TODAY.weekday())
    assert "<b>Next week</b>" in shown
    assert day_label(monday) in shown
    assert day_label(monday + timedelta(days=6)) in shown
    assert day_label(monday - timedelta(days=1)) not in shown
