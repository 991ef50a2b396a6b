"""Session eighteen: a clinician's go-ahead is asked for once, not again after a failed
return check, and the day's advice stops sending a runner who has been seen to be seen
the same day; a finding ruled out ("scan clear no clot") is a yes; "0 pain" passes a
check; two days each logged with their own effort ("did tuesday 5 and yesterday 6")."""

from __future__ import annotations

from datetime import date

from bot.core.records import CompletionStatus
from bot.core.triage import RETRY_DAYS
from bot.core.vocabulary import Area
from tests.service.conftest import Chat, texts

CLOT = "my left calf is hot and swollen since the flight"


async def _cleared_then_failed(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(CLOT)
    chat.next_day()
    await chat.command("/clear")
    checks = texts(await chat.say("yes the doctor checked it, scan clear no clot"))
    assert "Check 1 of 5" in checks
    await chat.say("yes")
    failed = texts(await chat.say("no, 5/10 on the squats"))
    assert "the hold stays" in failed


async def test_a_go_ahead_is_not_asked_for_again_after_a_failed_check(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    for _ in range(RETRY_DAYS):
        chat.next_day()
    again = texts(await chat.command("/clear"))
    assert "already been checked" in again
    assert "Check 1 of 5" in again
    assert "has a doctor or physiotherapist checked" not in again


async def test_the_day_after_a_failed_check_says_seen_not_get_seen(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    chat.next_day()
    today = texts(await chat.command("/today"))
    assert "same day" not in today
    assert "checked and cleared" in today
    assert Area.CALVES in (await chat.state()).held_areas


async def test_a_sign_said_again_after_the_go_ahead_asks_for_it_again(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    chat.next_day()
    await chat.say("calf swollen and hot again today")
    for _ in range(RETRY_DAYS + 1):
        chat.next_day()
    again = texts(await chat.command("/clear"))
    assert "has a doctor or physiotherapist checked" in again


async def test_zero_pain_on_the_hops_passes_the_hop_check(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("sharp pain in my right knee when hopping")
    chat.next_day()
    chat.next_day()
    await chat.command("/clear")
    for _ in range(4):
        await chat.say("yes")
    chat.next_day()
    await chat.command("/clear")
    await chat.say("no worse")
    lifted = texts(await chat.say("hops were fine, 0 pain"))
    assert "Check 5 of 5" not in lifted
    assert Area.KNEE not in (await chat.state()).held_areas


async def test_two_days_each_with_its_effort(chat: Chat) -> None:
    await chat.command("/today")  # Tuesday 1 Dec
    chat.next_day()
    chat.next_day()  # Thursday
    await chat.say("did tuesday 5 and yesterday 6, knee swollen")
    logs = {c.on: (c.status, c.rpe) for c in await chat.completions()}
    assert logs[date(2026, 12, 1)] == (CompletionStatus.DONE, 5)
    assert logs[date(2026, 12, 2)] == (CompletionStatus.DONE, 6)
    (report,) = await chat.reports()
    assert report.severity is None
