"""From the round-10 trial: feeling faint after sprints, even said as passed beside a part
that is fine, is a heart sign (urgent care, every session stops), and /phase names the hold
by its sign, not as the leg and lower back it keeps unloaded."""

from __future__ import annotations

import pytest

from bot.core.vocabulary import Phase
from tests.service.conftest import Chat, assert_telegram_html


@pytest.mark.parametrize(
    "text",
    [
        "did some sprints this morning and felt a bit faint after but im ok now, hips good tho",
        "felt faint after my sprints",
    ],
)
async def test_faint_after_sprints_is_a_heart_sign(chat: Chat, text: str) -> None:
    await chat.command("/today")
    replies = await chat.say(text)
    said = " ".join(r.text for r in replies).lower()
    assert "urgent" in said or "emergency" in said, said
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    (phase,) = await chat.command("/phase")
    assert_telegram_html(phase.text)
    assert "fainting" in phase.text
    assert "leg and lower back" not in phase.text
