"""Stories and corrections: someone else's race or move and a trip gone by store nothing;
a runner correcting themselves gets the last value said; settings said in passing ("move
your 7am message to 8", "got a half on the 21st, add it") are set."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all
from bot.core.vocabulary import Side
from tests.core.storing import STORING

TUESDAY = date(2026, 12, 8)
_STORING = STORING


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TUESDAY)


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in _all(text)}


def _one(text: str, kind: IntentKind) -> Intent:
    found = [i for i in _all(text) if i.kind is kind]
    assert len(found) == 1, _all(text)
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "my sister's marathon is on the 19th, going to cheer her on",
        "off to watch my buddys 10k on the 13th",
        "my husband's race is on sunday so i'll be spectating",
        "my brother just moved to madrid, he loves it",
        "my flatmate lives in tokyo now",
        "went on holiday to portugal last summer and lost all my routine",
    ],
)
def test_someone_elses_race_or_move_and_a_trip_gone_by_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sister's marathon is on the 19th and i'm running it too",
        "my race is on the 19th, my mate is coming to cheer me on",
        "my wife's race is the 13th, mine's on the 19th",
    ],
)
def test_the_runners_own_race_beside_someone_else_is_still_stored(text: str) -> None:
    assert _one(text, IntentKind.RACE_DATE).race_date == date(2026, 12, 19)


def test_a_move_the_runner_makes_too_still_sets_the_zone() -> None:
    assert _one("my wife and i moved to madrid", IntentKind.SET_TIMEZONE).timezone_text


def test_the_day_asked_first_wins_over_a_day_in_the_story() -> None:
    asked = _one("whats on thurs, off to my pals race on sunday", IntentKind.PLAN_QUESTION)
    assert asked.ask_day == date(2026, 12, 10)
    assert IntentKind.RACE_DATE not in _kinds("whats on thurs, off to my pals race on sunday")


def test_next_short_day_said_on_that_day_is_a_week_on() -> None:
    asked = _one("next tues session?", IntentKind.PLAN_QUESTION)
    assert asked.ask_day == date(2026, 12, 15)


def test_a_return_from_a_trip_resumes_and_never_pauses() -> None:
    assert _kinds("back from my holiday, start me up again pls") == {IntentKind.RESUME}
    assert _kinds("home from vacation, start it again") == {IntentKind.RESUME}


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("remind me at 7am. actually make that 7:15", time(7, 15)),
        ("reminder at 8 pls, sorry i meant 9", time(9, 0)),
        ("dont remind me at 5, make it 6", time(6, 0)),
    ],
)
def test_a_corrected_reminder_time_is_the_last_one(text: str, at: time) -> None:
    assert _one(text, IntentKind.SET_REMINDER).reminder_time == at


def test_corrections_of_other_values_take_the_last_one() -> None:
    assert "Lisbon" in (
        _one("i'm in porto now, sorry i mean lisbon", IntentKind.SET_TIMEZONE).timezone_text or ""
    )
    assert _one("done, effort 4, no wait more like 5", IntentKind.DONE).effort == 5
    skipped = _one(
        "skipping wednesday. oh wait no, thursday is the one i'm skipping", IntentKind.SKIPPED
    )
    assert skipped.log_day == date(2026, 12, 10)
    report = _one("right hamstring tight. sorry i mean the left one", IntentKind.BODY_REPORT).report
    assert report is not None
    assert report.side is Side.LEFT
    assert _one("scratch that, race is the 19th", IntentKind.RACE_DATE).race_date == date(
        2026, 12, 19
    )


def test_make_it_without_a_value_corrects_nothing() -> None:
    assert _one("done, 6/10, couldnt make it to the end of the hops", IntentKind.DONE).effort == 6


def test_a_warning_sign_beside_a_correction_is_kept() -> None:
    found = _all("left knee sore, sorry i mean sharp pain and swollen")
    assert any(i.report is not None and i.report.red_flags for i in found) or any(
        i.signs for i in found
    )


@pytest.mark.parametrize(
    "text",
    ["the daily reminders really help, thanks", "loving the morning nudges, cheers coach"],
)
def test_reminders_praised_with_thanks_are_thanks(text: str) -> None:
    assert _kinds(text) == {IntentKind.THANKS}


def test_the_coachs_message_moved_to_a_time_sets_the_reminder() -> None:
    at = _one("your 7am message is too early, move it to 8:30", IntentKind.SET_REMINDER)
    assert at.reminder_time == time(8, 30)
    assert IntentKind.SET_REMINDER not in _kinds("got your message, thanks")


def test_a_race_said_to_be_put_in_is_stored_and_one_run_is_not() -> None:
    assert _one("got a 5k on the 19th, could you add it", IntentKind.RACE_DATE).race_date == date(
        2026, 12, 19
    )
    race = _one("entered a half, date not out yet, put it in", IntentKind.RACE_DATE)
    assert race.race_date is None
    assert not race.race_off
    assert IntentKind.RACE_DATE not in _kinds("raced a half on saturday! when can i restart?")


def test_a_race_off_beside_a_report_keeps_both() -> None:
    found = _all("marathon's cancelled, hamstring still sore")
    assert any(i.kind is IntentKind.RACE_DATE and i.race_off for i in found)
    assert any(i.report is not None for i in found)


def test_a_skip_said_as_never_getting_round_to_it() -> None:
    assert _one("bus broke down so never got round to it today", IntentKind.SKIPPED)


def test_a_zone_asked_for_with_a_lower_case_city_beside_a_log() -> None:
    found = _all("did it in the hotel, 5/10, in los angeles this week so switch my zone")
    assert {i.kind for i in found} == {IntentKind.DONE, IntentKind.SET_TIMEZONE}
    zone = next(i for i in found if i.kind is IntentKind.SET_TIMEZONE)
    assert "Los Angeles" in (zone.timezone_text or "")


def test_a_skip_taken_back_for_a_done_logs_the_done() -> None:
    found = _all("missed it today. actually no wait, i did it after all, 5/10")
    assert [(i.kind, i.effort) for i in found] == [(IntentKind.DONE, 5)]
