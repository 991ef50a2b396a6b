"""Session seventeen: someone else's all-clear is no clearance of the runner's own; a
go-ahead told at the clinician question is a yes even with "no clot" in it; once cleared,
/today no longer says "get seen the same day", and /clear partway through the return
checks carries on where they were (docs/coaching.md, "Clearing a hold")."""

from __future__ import annotations

from bot.core.vocabulary import Area, RedFlag
from tests.service.conftest import Chat, texts

CLOT = "my calf is hot and swollen after the flight"


async def _clot_held(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(CLOT)
    (report,) = await chat.reports()
    assert RedFlag.CLOT_SIGNS in report.red_flags
    chat.next_day()


async def test_a_friends_all_clear_is_not_the_runners(chat: Chat) -> None:
    await _clot_held(chat)
    said = texts(await chat.say("my mate went to a&e with the same thing, all clear no clot"))
    assert "go-ahead" not in said
    assert "Check 1" not in said
    assert "has a doctor or physiotherapist checked" in said
    assert Area.CALVES in (await chat.state()).held_areas


async def test_a_go_ahead_at_the_clinician_question_is_a_yes(chat: Chat) -> None:
    await _clot_held(chat)
    await chat.command("/clear")
    said = texts(await chat.say("my wife drove me to a&e this morning, scan was clear no clot"))
    assert "Check 1 of 5" in said
    assert "couldn't tell" not in said


async def test_once_cleared_today_drops_the_same_day_advice(chat: Chat) -> None:
    await _clot_held(chat)
    before = texts(await chat.command("/today"))
    assert "same day" in before
    await chat.say("went to a&e this morning, scan was clear no clot")
    after = texts(await chat.command("/today"))
    assert "same day" not in after
    assert "checked and cleared" in after
    assert Area.CALVES in (await chat.state()).held_areas  # the checks still to pass


async def test_clear_partway_carries_on_with_the_open_check(chat: Chat) -> None:
    await _clot_held(chat)
    await chat.say("went to a&e this morning, scan was clear no clot")
    said = texts(await chat.say("yes walked 30 min fine no pain"))
    assert "Check 2 of 5" in said
    again = texts(await chat.command("/clear"))
    assert "partway through" in again
    assert "Check 2 of 5" in again
    assert "has a doctor or physiotherapist" not in again
