"""Days as said in logs, skips and pauses (issue 13): our own phrasings, not the fresh
sets'. Today is Wednesday 9 December 2026 unless said otherwise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.core.understanding import IntentKind, PlanTopic, understand, understand_all
from bot.core.understanding.when import holidays_as_dates, log_days, pause_said

WEDNESDAY = date(2026, 12, 9)


def _day(n: int) -> date:
    return date(2026, 12, n)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("done lastnite", (_day(8),)),
        ("saturday's a write-off, family stuff", (_day(12),)),
        ("can't make it tmrw, dentist", (_day(10),)),
        ("skipped mon and tue, flu", (_day(7), _day(8))),
        ("won't manage fri or sat", (_day(11), _day(12))),
        ("skip today, i'll catch up tomorrow", (WEDNESDAY,)),
        ("missed last friday", (_day(4),)),
    ],
)
def test_a_skip_is_on_the_days_it_names(text: str, days: tuple[date, ...]) -> None:
    assert log_days(text, WEDNESDAY, ahead="done" not in text) == days


def test_several_days_make_one_log_each() -> None:
    parts = understand_all("not doing thurs or fri, away with work", WEDNESDAY)
    assert [(p.kind, p.log_day) for p in parts] == [
        (IntentKind.SKIPPED, _day(10)),
        (IntentKind.SKIPPED, _day(11)),
    ]


def test_a_skip_moved_to_tomorrow_is_only_a_skip() -> None:
    parts = understand_all("gonna skip today and do it tomorrow", WEDNESDAY)
    assert [(p.kind, p.log_day) for p in parts] == [(IntentKind.SKIPPED, None)]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("pause for 10 days", None, _day(18)),
        ("hold everything for a week from monday", _day(14), _day(20)),
        ("a fortnight off starting friday", _day(11), _day(24)),
        ("pause over the weekend", _day(12), _day(13)),
        ("hold my plan until new year's day", None, _day(31)),
        ("pause till friday", None, _day(11)),
        ("hold off on the plan until saturday", None, _day(11)),  # back on Saturday
        ("pause from the twentieth to the twenty-second", _day(20), _day(22)),
        ("away weds to fri", None, _day(11)),  # today's Wednesday: from today
        ("pause from the 28th to the 2nd", _day(28), date(2027, 1, 2)),  # over the month end
        ("off from the 16th, home on the 22nd", _day(16), _day(21)),
    ],
)
def test_pause_days_as_said(text: str, first: date | None, last: date | None) -> None:
    said = pause_said(text, WEDNESDAY)
    assert said is not None
    assert (said.first, said.last, said.unclear) == (first, last, None)


@pytest.mark.parametrize(
    "text",
    ["pause from the 25th to the 11th", "pause 20 dec to 12 dec", "pause 30 feb to 3 mar"],
)
def test_a_range_that_cannot_be_right_is_asked_about(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.unclear) == (IntentKind.PAUSE, intent.unclear)
    assert intent.unclear is not None
    assert intent.pause_until is None
    assert intent.pause_from is None


@pytest.mark.parametrize(
    "text", ["pause the video lol", "can you pause this podcast", "missed sat and sun"]
)
def test_no_pause_where_none_was_asked(text: str) -> None:
    assert all(p.kind is not IntentKind.PAUSE for p in understand_all(text, WEDNESDAY))


@given(st.text(max_size=40), st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_skip_days_stay_within_a_week(text: str, today: date) -> None:
    """Unless a date is said: a holiday named ("nye") is its date, however far ahead."""
    assume(holidays_as_dates(text.lower()) == text.lower())
    for day in log_days(text.lower(), today, ahead=True):
        assert today - timedelta(days=6) <= day <= today + timedelta(days=6) or day < today


# ---------------------------------------------------------------- reminder times


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("reminders at 0715 please", "07:15"),
        ("move my alarm to 2045", "20:45"),
        ("ping me 0545", "05:45"),
        ("rappel 18h stp, reminder", "18:00"),
        ("remind me at six fifteen in the evening", "18:15"),
        ("remind me at nine forty-five", "09:45"),
        ("my daily nudge at 6.45pm pls", "18:45"),
    ],
)
def test_reminder_times_as_said(text: str, at: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time is not None
    assert intent.reminder_time.strftime("%H:%M") == at


@pytest.mark.parametrize(
    "text", ["no more evening messages thanks", "turn off the morning reminder pls"]
)
def test_reminder_messages_turned_off(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.reminder_off) == (IntentKind.SET_REMINDER, True)


@pytest.mark.parametrize(
    "text", ["note to self: new shoes", "reminder to myself - stretch calves", "remind me in 2027"]
)
def test_no_reminder_time_where_none_was_set(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.reminder_time is None
    assert not (intent.kind is IntentKind.SET_REMINDER and intent.reminder_off)


# ---------------------------------------------------------------- questions about the plan


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("sat?", _day(12)),
        ("and thursday?", _day(10)),
        ("whats tmrw", _day(10)),
        ("anything on for the 19th?", _day(19)),
        ("what was on tuesday?", _day(8)),  # a day gone by: the last one
        ("what was planned for last friday?", _day(4)),
    ],
)
def test_a_day_asked_about(text: str, day: date) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.topic, intent.ask_day) == (
        IntentKind.PLAN_QUESTION,
        PlanTopic.DAY,
        day,
    )


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("and the rest of this week?", PlanTopic.WEEK),
        ("can I see all 12 weeks", PlanTopic.BLOCK),
        ("give me a breakdown of the programme", PlanTopic.BLOCK),
        ("what's the purpose of the clamshells", PlanTopic.WHY),
        ("when do we get to the bounding drills", PlanTopic.JUMPS),
    ],
)
def test_plan_topics(text: str, topic: PlanTopic) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.topic) == (IntentKind.PLAN_QUESTION, topic)


def test_asking_permission_to_jump_is_no_when_question() -> None:
    assert understand("should I start hopping if my knee clicks?", WEDNESDAY).topic is None


@pytest.mark.parametrize("text", ["when did i last train?", "show me what ive logged"])
def test_history_asked(text: str) -> None:
    assert understand(text, WEDNESDAY).kind is IntentKind.HISTORY


def test_a_question_after_thanks_is_answered_too() -> None:
    parts = understand_all("cheers coach! and what's on friday?", WEDNESDAY)
    assert [(p.kind, p.ask_day) for p in parts] == [
        (IntentKind.PLAN_QUESTION, _day(11)),
        (IntentKind.THANKS, None),
    ]


# ---------------------------------------------------------------- race dates


@pytest.mark.parametrize(
    ("text", "race"),
    [
        ("my 10k is on 3/14", date(2027, 3, 14)),
        ("the half is on the 9th of may", date(2027, 5, 9)),
    ],
)
def test_race_dates_as_said(text: str, race: date) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.race_date) == (IntentKind.RACE_DATE, race)


@pytest.mark.parametrize(
    "text", ["my marathon is on 30 february", "race day is 2026-11-29", "my race is on 31 april"]
)
def test_a_race_date_that_cannot_be_is_asked_about(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date is None
    assert intent.unclear is not None


@pytest.mark.parametrize(
    "text", ["just signed up for a marathon!!", "my race is in roughly 8 weeks"]
)
def test_a_race_without_its_day_asks_for_it(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.race_date, intent.unclear) == (IntentKind.RACE_DATE, None, None)


# ---------------------------------------------------------------- cities


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("just moved to Koeln", "Köln, Germany"),  # GeoNames' own name
        ("living in lisboa now", "Lisbon, Portugal"),
        ("I'm in SF this month", "San Francisco, California"),
        ("Glasgow, Scotland", "Glasgow, United Kingdom"),
        ("relocated from Paris to Madrid", "Madrid, Spain"),
        ("in osaka till friday, move my times please", "Osaka, Japan"),
        ("im in japan now", "Asia/Tokyo"),  # one zone: the country will do
    ],
)
def test_cities_as_said(text: str, city: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.timezone_text) == (IntentKind.SET_TIMEZONE, city)


def test_a_country_of_several_zones_is_asked_about() -> None:
    intent = understand("I'm in canada now", WEDNESDAY)
    assert (intent.kind, intent.timezone_text) == (IntentKind.SET_TIMEZONE, None)


@pytest.mark.parametrize("text", ["Nice!", "reading", "Surprise", "in the gym now", "Split"])
def test_a_word_is_no_city(text: str) -> None:
    assert understand(text, WEDNESDAY).kind is not IntentKind.SET_TIMEZONE
