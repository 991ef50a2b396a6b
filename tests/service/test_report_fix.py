"""A report put right in a message of its own ("sorry, not my knee, it's my hip")."""

from __future__ import annotations

from bot.core.vocabulary import Area, Side
from tests.service.conftest import Chat, FakeClock, texts


async def test_the_area_said_instead_replaces_the_last_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my left knee is a bit sore today, 4/10")
    fixed = texts(await chat.say("sorry not my knee, it's my hip"))
    assert "Put right" in fixed
    assert "left hip" in fixed
    (report,) = await chat.reports()
    assert (report.area, report.side, report.severity) == (Area.HIPS, Side.LEFT, 4)


async def test_a_side_or_a_number_put_right(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("calf is tight, like a 5")
    await chat.say("oops I meant the right one")
    await chat.say("sorry, more like a 3")
    (report,) = await chat.reports()
    assert (report.area, report.side, report.severity) == (Area.CALVES, Side.RIGHT, 3)


async def test_a_warning_signs_hold_stays_when_the_area_is_put_right(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my knee is swollen and it hurts to walk")
    said = texts(await chat.say("sorry, not my knee, my ankle"))
    assert "keep your knee on hold as well" in said
    assert {r.area for r in await chat.reports()} == {Area.KNEE, Area.ANKLE}
    assert {Area.KNEE, Area.ANKLE} <= (await chat.state()).held_areas


async def test_a_correction_long_after_the_report_changes_nothing(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    await chat.say("left knee a bit sore, 4/10")
    clock.advance(hours=5)
    await chat.say("sorry not my knee, it's my hip")
    (report,) = await chat.reports()
    assert report.area is Area.KNEE


async def test_a_correction_with_no_report_before_it_is_not_understood(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("sorry, I meant the right one"))
    assert "Put right" not in said
    assert await chat.reports() == []
