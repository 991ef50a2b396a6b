"""Session twenty-one, second development set, in my own words here: a leg gone weak is a
warning, never a recovery; a midwife's word holds impact; a session rated "without any
issue, a 5" is its effort, not a 5/10 soreness; a correction is its own sentence and what
follows it is read too; "skipped today" beside last night's story is today's skip; legs
"done in" and "3 months of running" log nothing; where to restart after a week off is no
new break."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand_all
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2033, 9, 21)  # a Wednesday


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, TODAY)]


@pytest.mark.parametrize("text", ["leg has gone weak", "left leg weak and wobbly since tues"])
def test_a_leg_gone_weak_is_a_warning(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert part.report is not None
    assert RedFlag.WEAKNESS in part.report.red_flags


def test_a_feeling_gone_is_still_a_recovery() -> None:
    assert _kinds("calf soreness has gone") == [IntentKind.FEELS_FINE]


def test_a_midwifes_no_jumping_till_the_check_is_a_clinicians_hold() -> None:
    text = "midwife said no jumping til my 12 wk check after the c-section"
    (part,) = understand_all(text, TODAY)
    assert part.report is not None
    assert part.report.area is Area.PELVIC_FLOOR  # the c-section: impact held till her check
    assert part.report.red_flags == {RedFlag.CLINICIAN_HOLD}


def test_a_session_rated_without_any_issue_is_its_effort() -> None:
    text = (
        "My Achilles was sore for a few days last week but it's completely settled now, no "
        "pain in the mornings and hopping on the spot feels fine. Did today's session without "
        "any issue, a 5."
    )
    parts = understand_all(text, TODAY)
    assert [(p.kind, p.effort) for p in parts if p.kind is IntentKind.DONE] == [
        (IntentKind.DONE, 5)
    ]
    assert [p.fine_areas for p in parts if p.kind is IntentKind.FEELS_FINE] == [(Area.ACHILLES,)]
    assert all(p.report is None or not p.report.red_flags for p in parts)


def test_a_correction_is_its_own_sentence_and_the_next_is_read() -> None:
    text = (
        "Reminders at 6 are too early, make it 6:45. And my race is now the Edinburgh 10k on "
        "the 29th of October, not the one in London."
    )
    parts = understand_all(text, TODAY)
    assert [p.reminder_time for p in parts if p.kind is IntentKind.SET_REMINDER] == [time(6, 45)]
    assert [p.race_date for p in parts if p.kind is IntentKind.RACE_DATE] == [date(2033, 10, 29)]


def test_skipped_today_beside_last_nights_story_is_todays() -> None:
    text = "Skipped today. Went out last night for my birthday and I'm a bit rough this morning."
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.log_day) == (IntentKind.SKIPPED, None)


@pytest.mark.parametrize(
    "text",
    [
        "long shift today and my legs are done in. still worth doing it?",
        "I've done 3 months of running with no issues",
    ],
)
def test_worn_out_legs_and_months_of_running_log_nothing(text: str) -> None:
    assert IntentKind.DONE not in _kinds(text)


def test_where_to_restart_after_a_week_off_is_no_new_break() -> None:
    assert IntentKind.PAUSE not in _kinds(
        "havent touched it for a week (holiday), where do i restart?"
    )


def test_a_race_moved_from_one_day_to_another_is_the_runners() -> None:
    text = "The Lisbon half got moved from 5 October to 19 October because of a heatwave forecast."
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.race_date) == (IntentKind.RACE_DATE, date(2033, 10, 19))


def test_cancel_the_race_beside_the_reminders_is_both() -> None:
    parts = understand_all("cancel the race and stop the reminders for now", TODAY)
    assert [(p.kind, p.race_off or p.reminder_off) for p in parts] == [
        (IntentKind.RACE_DATE, True),
        (IntentKind.SET_REMINDER, True),
    ]


def test_a_flag_emoji_parts_a_city_from_the_reminder() -> None:
    parts = understand_all("moved to toronto 🇨🇦 reminders at 6:45 local please", TODAY)
    assert [p.kind for p in parts] == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]


@pytest.mark.parametrize("text", ["calf is ok again", "my calf is okay again"])
def test_ok_again_is_a_recovery(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.fine_areas) == (IntentKind.FEELS_FINE, (Area.CALVES,))


def test_yesterdays_effort_told_after_a_recovery_is_yesterdays_log() -> None:
    parts = understand_all("knee ok now. effort yesterday was 6 btw", TODAY)
    assert [(p.kind, p.log_day, p.effort) for p in parts if p.kind is IntentKind.DONE] == [
        (IntentKind.DONE, date(2033, 9, 20), 6)
    ]


@pytest.mark.parametrize(
    "text", ["Today I cannot because I have job in the night", "today i cant, working late"]
)
def test_today_i_cant_is_todays_skip(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.log_day) == (IntentKind.SKIPPED, None)
