"""Days, corrections and logs: named holidays as dates, a day's session done on another
day, "X out of 10 effort", a day corrected in the same message (the month said first
kept), a break with its start and end, and days that cannot be (asked, nothing stored)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, Unclear, understand_all
from bot.core.vocabulary import Area

WEDNESDAY = date(2026, 12, 23)  # after Christmas comes on the 25th
MONDAY = date(2026, 12, 28)  # Christmas gone by


def _only(text: str, today: date) -> Intent:
    found = understand_all(text, today)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("can't do the session on christmas day, family stuff", date(2026, 12, 25)),
        ("skip my session on boxing day, out on a walk all day", date(2026, 12, 26)),
        ("not doing it on new year's day, will be wrecked", date(2027, 1, 1)),
    ],
)
def test_a_skip_on_a_named_holiday_is_that_day(text: str, day: date) -> None:
    intent = _only(text, WEDNESDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, day)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("managed the session on christmas eve, 7/10", date(2026, 12, 24)),
        ("did it boxing day in the end, 5", date(2026, 12, 26)),
    ],
)
def test_a_done_on_a_named_holiday_is_that_day(text: str, day: date) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.DONE, day)


def test_a_done_on_a_holiday_still_to_come_is_asked() -> None:
    intent = _only("did it on boxing day, 6", WEDNESDAY)
    assert (intent.unclear_slot, intent.log_day) == (Unclear.LOG_DAY, None)


def test_a_days_session_done_on_another_day_logs_the_day_it_was_done() -> None:
    intent = _only("did fridays session on saturday in the end, 6/10", MONDAY)
    assert (intent.kind, intent.log_day, intent.effort) == (
        IntentKind.DONE,
        date(2026, 12, 26),
        6,
    )


@pytest.mark.parametrize(
    ("text", "effort"),
    [("finished in 22 min, 4 out of 10 effort", 4), ("done, seven out of ten effort", 7)],
)
def test_a_rating_out_of_ten_before_effort_is_the_effort(text: str, effort: int) -> None:
    assert _only(text, MONDAY).effort == effort


def test_a_skip_on_a_day_said_without_on_is_that_day() -> None:
    intent = _only("can't make jan 4, driving back from my parents", MONDAY)
    assert (intent.kind, intent.log_day, intent.report) == (
        IntentKind.SKIPPED,
        date(2027, 1, 4),
        None,
    )


def test_driving_back_is_no_body_report_but_a_sore_back_is() -> None:
    assert understand_all("driving back tonight, skip today", MONDAY)[0].report is None
    report = _only("flying home with a sore back", MONDAY).report
    assert report is not None
    assert report.area is Area.LOWER_BACK


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("pause from monday, no wait, tuesday, until friday", date(2026, 12, 29),
         date(2027, 1, 1)),
        ("away from the 2nd, back on the 9th... no the 10th, flights changed", date(2027, 1, 2),
         date(2027, 1, 9)),
    ],
)  # fmt: skip
def test_a_corrected_pause_day_takes_the_day_said_last(text: str, first: date, last: date) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.pause_from, intent.pause_until) == (IntentKind.PAUSE, first, last)


def test_a_corrected_log_day_takes_the_day_said_last() -> None:
    intent = _only("did it on thursday, no, friday. effort 5", MONDAY)
    assert (intent.kind, intent.log_day, intent.effort) == (IntentKind.DONE, date(2026, 12, 25), 5)


def test_a_corrected_race_day_keeps_the_month_said_first() -> None:
    intent = _only("my half is 9 may... actually no its the 16th", MONDAY)
    assert (intent.kind, intent.race_date) == (IntentKind.RACE_DATE, date(2027, 5, 16))


def test_a_break_with_its_start_and_return_starts_on_its_start() -> None:
    intent = _only("off to the alps from the 3rd, back on the 11th", MONDAY)
    assert (intent.pause_from, intent.pause_until) == (date(2027, 1, 3), date(2027, 1, 10))


@pytest.mark.parametrize(
    ("text", "kind", "slot"),
    [
        ("finished it tmrw", IntentKind.DONE, Unclear.LOG_DAY),
        ("skip 31/04 please", IntentKind.SKIPPED, Unclear.LOG_DAY),
        ("did it on 30/12", IntentKind.DONE, Unclear.LOG_DAY),
        ("pause everything till last monday", IntentKind.PAUSE, Unclear.DATE),
        ("travelling, back on the 30th of february", IntentKind.PAUSE, Unclear.DATE),
    ],
)
def test_a_day_that_cannot_be_is_asked_and_nothing_stored(
    text: str, kind: IntentKind, slot: Unclear
) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.unclear_slot) == (kind, slot)
    assert intent.log_day is None
    assert intent.pause_until is None


def test_numbered_days_of_a_log_are_read_day_first() -> None:
    assert _only("skip 03/01, at a wedding", MONDAY).log_day == date(2027, 1, 3)
    assert _only("did it on 24/12, 6/10", MONDAY).log_day == date(2026, 12, 24)
    assert _only("done 6/10", MONDAY).log_day is None


def test_a_plain_done_beside_a_past_days_done_is_that_one_log() -> None:
    found = understand_all("did saturday's one at 9pm, late but done. easy", MONDAY)
    assert [(i.kind, i.log_day) for i in found] == [(IntentKind.DONE, date(2026, 12, 26))]


def test_a_run_day_in_a_story_gives_way_to_a_session_done_this_morning() -> None:
    text = (
        "ran my long run saturday and my calf was a bit sore. did the hips this morning, effort 4"
    )
    done = [i for i in understand_all(text, MONDAY) if i.kind is IntentKind.DONE]
    assert [(i.log_day, i.effort) for i in done] == [(None, 4)]
    # without "this morning" the session is the run's day's
    assert _only("did the session after my long run saturday, 6", MONDAY).log_day == date(
        2026, 12, 26
    )


def test_a_rating_out_of_ten_is_no_date() -> None:
    intent = _only("great session yesterday, 6/10, heading away for the holidays", MONDAY)
    assert intent.pause_until != date(2027, 10, 6)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("can you move the 6am reminder to 7", 7, 0),
        ("switch my reminder from 7am to 8:30am", 8, 30),
        ("the kids hate those 6am alarms, can we do 6:45 instead", 6, 45),
    ],
)
def test_a_reminder_moved_takes_the_new_time(text: str, hour: int, minute: int) -> None:
    at = _only(text, MONDAY).reminder_time
    assert at is not None
    assert (at.hour, at.minute) == (hour, minute)


def test_praise_of_a_reminder_by_its_time_changes_nothing() -> None:
    assert _only("cheers, the 6:30 reminder is spot on and works", MONDAY).kind is (
        IntentKind.THANKS
    )


def test_stopping_the_jumps_for_race_week_keeps_the_race() -> None:
    found = understand_all("should i stop the plyos for race week? race is 2 may", MONDAY)
    races = [i for i in found if i.kind is IntentKind.RACE_DATE]
    assert [(i.race_date, i.race_off) for i in races] == [(date(2027, 5, 2), False)]


def test_a_race_opening_its_clause_is_the_runners() -> None:
    intent = _only("building up for the paris marathon, race is 11 april", MONDAY)
    assert (intent.kind, intent.race_date) == (IntentKind.RACE_DATE, date(2027, 4, 11))


def test_last_years_race_day_gives_way_to_this_years() -> None:
    intent = _only("the half was 20 june last year, this year it's the 19th", MONDAY)
    assert (intent.kind, intent.race_date) == (IntentKind.RACE_DATE, date(2027, 6, 19))


def test_weekdays_each_with_a_rating_are_one_log_each() -> None:
    found = understand_all("finished wed 4/10 and fri 7/10, meant to log them", MONDAY)
    assert [(i.kind, i.log_day, i.effort) for i in found] == [
        (IntentKind.DONE, date(2026, 12, 23), 4),
        (IntentKind.DONE, date(2026, 12, 25), 7),
    ]


def test_did_not_do_it_on_a_past_day_is_that_days_skip() -> None:
    intent = understand_all("I did not do it on saturday, too icy. What's on today?", MONDAY)[0]
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, date(2026, 12, 26))


def test_a_good_session_had_is_a_done_and_a_holiday_place_is_no_break() -> None:
    found = understand_all(
        "had a solid session yesterday, 6/10, im in Madrid for the holidays", MONDAY
    )
    kinds = [(i.kind, i.log_day, i.effort) for i in found if i.kind is IntentKind.DONE]
    assert kinds == [(IntentKind.DONE, date(2026, 12, 27), 6)]
    assert all(i.kind is not IntentKind.PAUSE for i in found)


@pytest.mark.parametrize(
    "text", ["withdrew from the race, nothing planned now", "dropped out of the 10k"]
)
def test_a_race_dropped_out_of_is_off(text: str) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.race_off) == (IntentKind.RACE_DATE, True)


def test_a_report_beside_two_days_logged_is_reported_once() -> None:
    found = understand_all("did the session fri and sat, right knee a bit sore, 3", MONDAY)
    assert [i.log_day for i in found] == [date(2026, 12, 25), date(2026, 12, 26)]
    assert sum(i.report is not None for i in found) == 1  # one report, with one of the logs


def test_no_days_session_is_no_correction() -> None:
    found = understand_all("skipped thursday. no friday session either", MONDAY)
    assert [(i.kind, i.log_day) for i in found] == [  # Friday skipped too, not instead
        (IntentKind.SKIPPED, date(2026, 12, 24)),
        (IntentKind.SKIPPED, date(2026, 12, 25)),
    ]


def test_a_session_after_a_days_run_is_that_days_even_beside_today() -> None:
    found = understand_all("did the session after my long run saturday, quads sore today", MONDAY)
    assert [i.log_day for i in found if i.kind is IntentKind.DONE] == [date(2026, 12, 26)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("missed christmas eve's session", date(2026, 12, 24)),
        ("skipped boxing day, too full of food", date(2026, 12, 26)),
    ],
)
def test_a_holiday_after_a_skip_verb_is_its_day(text: str, day: date) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, day)


def test_skipping_the_season_logs_no_day() -> None:
    assert _only("skipped christmas, was away", MONDAY).kind is not IntentKind.SKIPPED


def test_a_near_day_corrected_takes_the_day_said_last() -> None:
    intent = _only("skip tomorrow, no wait, thursday", MONDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, date(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("pause from christmas eve until new year's day", date(2026, 12, 24), date(2026, 12, 31)),
        ("pause everything until boxing day", None, date(2026, 12, 26)),
        ("away on boxing day, back on the 29th", date(2026, 12, 26), date(2026, 12, 28)),
    ],
)
def test_a_pause_reads_named_holidays(text: str, first: date | None, last: date) -> None:
    intent = _only(text, WEDNESDAY)
    assert (intent.kind, intent.pause_from, intent.pause_until) == (IntentKind.PAUSE, first, last)


@pytest.mark.parametrize("text", ["did it next week", "did the session next thursday"])
def test_a_done_on_a_day_to_come_is_asked(text: str) -> None:
    intent = _only(text, MONDAY)
    assert (intent.kind, intent.unclear_slot, intent.log_day) == (
        IntentKind.DONE,
        Unclear.LOG_DAY,
        None,
    )


def test_a_day_to_come_said_beside_a_done_is_not_its_day() -> None:
    assert _only("done. next friday off though", MONDAY).log_day is None


def test_actually_before_a_day_corrects_it() -> None:
    race = _only("10k is 7 feb... actually its the 14th", MONDAY)
    assert race.race_date == date(2027, 2, 14)
    pause = _only("pause till wednesday, actually thursday", MONDAY)
    assert pause.pause_until == date(2026, 12, 31)


def test_away_on_one_day_is_a_break_of_that_day_and_that_one_is_its_skip() -> None:
    found = understand_all("i'm away thursday, skip that one", MONDAY)
    assert [(i.kind, i.pause_from, i.pause_until) for i in found] == [
        (IntentKind.PAUSE, date(2026, 12, 31), date(2026, 12, 31))
    ]
