"""What /history, /export and /progress say about a new runner's first days (a trial
user's findings): newest first, planned breaks kept, and no contradictions on day one."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.core.vocabulary import Area
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, texts


@pytest.mark.parametrize(
    "said",
    [
        ("my right knee gave way on my run", "left calf sore 4/10"),
        ("hamstrings tight", "left calf sore 4/10", "right shin achy 2/10"),
    ],
)
async def test_history_lists_newest_first_within_a_day_too(
    chat: Chat, said: tuple[str, ...]
) -> None:
    await chat.command("/today")
    for text in said:
        await chat.say(text)
    (page,) = await chat.command("/history")
    assert "newest first" in page.text
    lines = page.text.splitlines()[1:]
    newest = said[-1].split()[1]  # "calf", "shin": the area said last
    assert newest in lines[0]
    assert said[0].split()[-1] not in lines[0] or len(said) == 1


@pytest.mark.parametrize(
    ("said", "first", "last"),
    [
        ("I'm away from 20 dec to 27 dec", "2026-12-20", "2026-12-27"),
        ("can we pause next week, I'm away", "2026-12-07", "2026-12-13"),
    ],
)
async def test_export_keeps_a_planned_break(chat: Chat, said: str, first: str, last: str) -> None:
    await chat.command("/today")
    await chat.say(said)
    (reply,) = await chat.command("/export")
    assert reply.document is not None
    user = json.loads(reply.document.content)["user"]
    assert user["planned_break"] == {"from": first, "until": last}
    assert user["paused_until"] is None


async def test_export_without_a_planned_break_says_none(chat: Chat) -> None:
    (reply,) = await chat.command("/export")
    assert reply.document is not None
    assert json.loads(reply.document.content)["user"]["planned_break"] is None


@pytest.mark.parametrize("rate", [True, False])
async def test_progress_right_after_the_first_session(
    chat: Chat, clock: FakeClock, rate: bool
) -> None:
    clock.now = datetime.now(UTC)  # the runner's row is stamped with the real clock
    replies = await chat.command("/today")
    await chat.press(button(replies, "v1|dn|"))
    if rate:
        await chat.say("felt easy, 3")
    said = texts(await chat.command("/progress"))
    assert "early days" in said
    assert "0/100" not in said
    assert "no sessions were due" not in said
    assert "missed" not in said
    assert "This week: 1 done" in said
    assert "0 planned" not in said
    assert "Streak: your next session" not in said


async def test_progress_on_day_one_before_any_session(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime.now(UTC)
    await chat.command("/today")
    said = texts(await chat.command("/progress"))
    assert "Nothing logged" in said


async def test_progress_keeps_an_unrated_report_without_a_number(
    chat: Chat, clock: FakeClock
) -> None:
    clock.now = datetime.now(UTC)
    await chat.command("/today")
    await chat.say("my right knee gave way on my run")
    (report,) = await chat.reports()
    assert (report.area, report.severity) == (Area.KNEE, None)
    (reply,) = await chat.command("/progress")
    assert reply.photo is not None  # drawn: the report shows, as a mark without a number
    assert "6/10" not in reply.text


@pytest.mark.parametrize(
    ("args", "first", "last"),
    [
        ("/pause 20 dec - 27 dec", date(2026, 12, 20), date(2026, 12, 27)),
        ("/pause from 20 dec to 27 dec", date(2026, 12, 20), date(2026, 12, 27)),
    ],
)
async def test_pause_with_a_range_plans_the_break_ahead(
    chat: Chat, args: str, first: date, last: date
) -> None:
    """A break given as a range starts on its first day, not today."""
    await chat.command("/today")
    said = texts(await chat.command(args))
    assert "Break planned" in said
    state = await chat.state()
    assert (state.pause_planned_from, state.pause_planned_until) == (first, last)
    assert state.paused_until is None


async def test_pause_with_one_day_still_pauses_now(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command("/pause 2026-12-10")
    assert (await chat.state()).paused_until == date(2026, 12, 10)
