"""One transaction per update: all of its effects, the handled-update claim included, or none."""

from __future__ import annotations

import pytest

from bot.service import reports
from bot.service.messages import Text
from tests.service.conftest import Chat


async def test_a_failing_update_saves_nothing_and_can_be_retried(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.command("/today")

    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("the plan could not be described")

    with monkeypatch.context() as patch:
        patch.setattr(reports, "describe_change", broken)
        with pytest.raises(RuntimeError):
            await chat.send(Text("left calf sore 6/10"), update_id=500)
    assert await chat.reports() == []  # the report was rolled back with the claim

    (answer,) = await chat.send(Text("left calf sore 6/10"), update_id=500)
    assert "calf" in answer.text
    assert len(await chat.reports()) == 1


async def test_replies_come_after_the_commit(chat: Chat) -> None:
    (answer,) = await chat.command("/remind 06:45")
    assert "06:45" in answer.text
    runner = await chat.runner()  # read in a session of its own
    assert runner.reminder_time is not None
