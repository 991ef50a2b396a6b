"""Session eighteen: a clinician's go-ahead is asked for once, not again after a failed
return check, and the day's advice stops sending a runner who has been seen to be seen
the same day; a finding ruled out ("scan clear no clot") is a yes; "0 pain" passes a
check; two days each logged with their own effort ("did tuesday 5 and yesterday 6")."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.records import CompletionStatus
from bot.core.triage import RETRY_DAYS
from bot.core.vocabulary import Area, RedFlag, ReportKind
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


async def _knee_checks_open(chat: Chat) -> None:
    """A sharp knee pain on the hops two days ago, and /clear: check 1 is open."""
    await chat.command("/today")
    await chat.say("sharp pain in my right knee when hopping")
    chat.next_day()
    chat.next_day()
    await chat.command("/clear")


async def _at_the_hop_check(chat: Chat) -> None:
    """The knee's first four checks passed, and the next morning no worse: the hop check."""
    await _knee_checks_open(chat)
    for _ in range(4):
        await chat.say("yes")
    chat.next_day()
    await chat.command("/clear")
    await chat.say("no worse")


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
    await _at_the_hop_check(chat)
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


async def test_a_go_ahead_with_a_tight_calf_starts_the_checks(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(CLOT)
    chat.next_day()
    replies = texts(
        await chat.say(
            "went to a&e last nite, they scanned it (ultrasound) and no clot!! doc said im "
            "fine to train again. calf still abit tight tho"
        )
    )
    assert "Check 1 of 5" in replies
    assert "checked today" not in replies
    kinds = [r.kind for r in await chat.reports()]
    assert ReportKind.TIGHTNESS in kinds  # what they said of the calf is kept
    today = texts(await chat.command("/today"))
    assert "same day" not in today


async def test_running_asked_once_cleared_waits_for_the_checks(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    chat.next_day()
    replies = texts(await chat.say("can I go for an easy jog?"))
    assert "checked and cleared" in replies
    assert "same day" not in replies


async def test_ok_walking_is_no_walking_pain(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "can i still do parkrun tmrw and my long run sunday? knee is ok walking just "
        "twinges on stairs"
    )
    assert all(not r.red_flags for r in await chat.reports())


async def test_a_few_pogos_that_hurt_log_no_session(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "did some pogos n skips after intervals tonite and my right knee gets a sharp pain "
        "every time i land"
    )
    assert await chat.completions() == []
    (report,) = await chat.reports()
    assert RedFlag.SHARP_PAIN in report.red_flags


async def test_a_go_ahead_brings_back_gentle_sessions_not_rest(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    state = await chat.state()
    assert state.held_areas == frozenset({Area.CALVES})  # the leg held for the clot freed
    chat.next_day()
    week = texts(await chat.command("/week"))
    assert "Mobility" in week
    assert week.count("Rest day") < 7


async def test_phase_keeps_a_clots_urgency_until_seen(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(CLOT)
    before = texts(await chat.command("/phase"))
    assert "get checked today" in before
    chat.next_day()
    await chat.command("/clear")
    await chat.say("yes doc checked it, no clot")
    after = texts(await chat.command("/phase"))
    assert "checked and cleared" in after
    assert "get checked today" not in after


async def test_a_trip_then_keeping_the_sessions_calls_the_break_off(chat: Chat) -> None:
    await chat.command("/today")  # Tue 1 Dec
    planned = texts(await chat.say("flying to new york tmrw for work, back wednesday"))
    assert "Wed 2 Dec" in planned
    assert "Tue 8 Dec" in planned
    off = texts(await chat.say("id still like to do the sessions in the hotel tho"))
    assert "is off" in off
    state = await chat.state()
    assert state.pause_planned_from is None


SHIN = "my left shin hurts when i walk, sore spot on the bone"


@pytest.mark.parametrize(
    "said",
    [
        "hops were fine, 0 pain",
        "squats were ok 2ish",
        "fine",
        "yep all good",
        "yeah feels fine",
        "yes it feels ok now",
    ],
)
async def test_how_it_feels_is_no_clinicians_go_ahead(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say(SHIN)
    chat.next_day()
    await chat.command("/clear")
    asked = texts(await chat.say(said))
    assert "Check 1" not in asked
    assert "has a doctor or physiotherapist checked" in asked


async def test_a_gps_all_clear_with_a_diagnosis_starts_the_checks_only(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(SHIN)
    chat.next_day()
    replies = texts(
        await chat.say(
            "saw the gp yesterday about the shin, xray was clear, says its probably shin "
            "splints n i can start back gently"
        )
    )
    assert "Check 1 of 5" in replies
    assert "see a doctor soon" not in replies


async def test_hops_tried_on_a_possible_fracture_are_stopped(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(SHIN)
    chat.next_day()
    replies = texts(await chat.say("hops were fine this morning, 0 pain"))
    assert "please don't hop" in replies


async def test_running_under_a_bone_hold_gives_the_bones_reason(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(SHIN)
    replies = texts(await chat.say("can i go for a run sunday?"))
    assert "bone stress" in replies
    assert "gives way" not in replies


async def test_no_swelling_in_a_check_answer_is_no_no(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(CLOT)
    chat.next_day()
    await chat.command("/clear")
    await chat.say("yes the doctor checked it, no clot")
    replies = texts(await chat.say("yes walked 35 mins no pain, no swelling"))
    assert "Check 2 of 5" in replies


async def test_each_leg_counts_a_check_and_names_no_area(chat: Chat) -> None:
    await _knee_checks_open(chat)
    await chat.say("yes")
    await chat.say("yes")
    replies = texts(await chat.say("10 each leg, 1/10"))
    assert "Check 4 of 5" in replies


async def test_running_asked_on_the_way_back_is_a_graded_yes(chat: Chat) -> None:
    await _at_the_hop_check(chat)
    await chat.say("hops were fine, 0 pain")
    replies = texts(await chat.say("can i jog now?"))
    assert "running can come back, gently" in replies


async def test_once_the_rest_is_over_the_day_says_try_again_now(chat: Chat) -> None:
    await _cleared_then_failed(chat)
    for _ in range(RETRY_DAYS):
        chat.next_day()
    today = texts(await chat.command("/today"))
    assert "can be tried again now" in today
    assert "send /clear from" not in today
