"""Settings said in a runner's own shorthand, alone or beside another request: a dotted
day and month ("20.12"), an impossible slashed date, the end of the year, a city said
first ("Tokyo now, ..."), and a race cancelled beside a pause."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand, understand_all

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10k race is on 19.12, can you put it in", date(2026, 12, 19)),
        ("marathon on 14.03", date(2027, 3, 14)),
        ("my race day is 02.05", date(2027, 5, 2)),
    ],
)
def test_a_dotted_day_and_month_is_the_race_date(text: str, day: date) -> None:
    intent = understand(text, MONDAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date == day


@pytest.mark.parametrize(
    "text",
    ["remind me at 7.05", "ran 5.10 km today", "reminder at 6.10pm", "pace was 4.05 min/km"],
)
def test_a_time_distance_or_pace_with_a_dot_is_no_date(text: str) -> None:
    intent = understand(text, MONDAY)
    assert intent.kind is not IntentKind.RACE_DATE
    assert intent.pause_until is None


def test_an_impossible_slashed_race_date_is_asked_about() -> None:
    intent = understand("my race is 31/04, please add it", MONDAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date is None
    assert intent.unclear == "31/04"


def test_the_end_of_the_year_is_the_31st_of_december() -> None:
    intent = understand("pause me till end of the year please", MONDAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_until == date(2026, 12, 31)


def test_a_race_cancelled_so_a_pause_is_both() -> None:
    parts = understand_all(
        "my marathon got cancelled so pause me until the end of the year", MONDAY
    )
    assert [p.kind for p in parts] == [IntentKind.RACE_DATE, IntentKind.PAUSE]
    assert parts[0].race_off
    assert parts[1].pause_until == date(2026, 12, 31)


def test_so_before_a_feeling_splits_nothing() -> None:
    parts = understand_all("calves so tight so stretching lots", MONDAY)
    assert len(parts) == 1


def test_a_dotted_race_date_beside_a_reminder_is_both() -> None:
    parts = understand_all("my half marathon is 15.03, and move my reminder to 6:30", MONDAY)
    kinds = [p.kind for p in parts]
    assert kinds == [IntentKind.RACE_DATE, IntentKind.SET_REMINDER]
    assert parts[0].race_date == date(2027, 3, 15)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("LA now, can you update my time zone", "Los Angeles"),
        ("Berlin this week, change the time zone", "Berlin"),
        ("in tokyo now", "Tokyo"),
        ("currently in Madrid for a week", "Madrid"),
    ],
)
def test_a_city_said_first_sets_the_time_zone(text: str, city: str) -> None:
    intent = understand(text, MONDAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text is not None
    assert city in intent.timezone_text


@pytest.mark.parametrize("text", ["in bed now", "in pain now", "in a rush now", "in nice now"])
def test_no_city_after_in_sets_nothing(text: str) -> None:
    assert understand(text, MONDAY).kind is not IntentKind.SET_TIMEZONE


def test_a_city_then_a_question_is_both() -> None:
    parts = understand_all("in rome now. what's on tomorrow", MONDAY)
    assert parts[0].kind is IntentKind.SET_TIMEZONE
    assert parts[1].kind is IntentKind.PLAN_QUESTION
    assert parts[1].ask_day == date(2026, 12, 8)


def test_in_a_city_for_a_week_with_a_pause_is_the_pause() -> None:
    assert understand("in lisbon for a week, pause me", MONDAY).kind is IntentKind.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "my daughter put this on my phone. what kind of things can I type?",
        "how does this thing work? what can you actually do?",
        "new to apps like this, how do I use it?",
    ],
)
def test_asking_what_the_coach_can_do_is_help_alone(text: str) -> None:
    assert [p.kind for p in understand_all(text, MONDAY)] == [IntentKind.HELP]


@pytest.mark.parametrize(
    "text", ["what can you do about my sore hip?", "what can I do about tight calves"]
)
def test_asking_what_to_do_about_a_body_area_is_no_help(text: str) -> None:
    assert understand(text, MONDAY).kind is not IntentKind.HELP


def test_a_break_then_a_question_is_both() -> None:
    parts = understand_all("away 21st-24th. what's on tomorrow?", MONDAY)
    assert [p.kind for p in parts] == [IntentKind.PAUSE, IntentKind.PLAN_QUESTION]
    assert parts[0].pause_from == date(2026, 12, 21)
    assert parts[0].pause_until == date(2026, 12, 24)


def test_a_break_asked_about_pauses_nothing() -> None:
    parts = understand_all("away next week, can I still do it?", MONDAY)
    assert all(p.kind is not IntentKind.PAUSE for p in parts)


@pytest.mark.parametrize(
    "text",
    ["skipped today, too tired. back on it tomorrow", "couldn't do it today, back at it monday"],
)
def test_a_skip_with_a_return_promised_later_is_the_skip(text: str) -> None:
    assert [p.kind for p in understand_all(text, MONDAY)] == [IntentKind.SKIPPED]


def test_back_on_it_alone_still_resumes() -> None:
    assert understand("back on it from today", MONDAY).kind is IntentKind.RESUME


@pytest.mark.parametrize(
    "text",
    [
        "did it, 6/10. that evening reminder really helps",
        "finished! the nudge got me off the couch",
    ],
)
def test_a_reminder_praised_sets_nothing(text: str) -> None:
    kinds = [p.kind for p in understand_all(text, MONDAY)]
    assert IntentKind.SET_REMINDER not in kinds
    assert IntentKind.DONE in kinds


@pytest.mark.parametrize(
    "text", ["the reminder helps, can you move it to 8?", "love the nudge, make it earlier please"]
)
def test_a_reminder_praised_and_changed_is_set(text: str) -> None:
    assert IntentKind.SET_REMINDER in [p.kind for p in understand_all(text, MONDAY)]


@pytest.mark.parametrize(
    "text",
    [
        "what's on thursday? I've got race-pace reps that day",
        "doing race pace intervals on the 17th, should I skip the hops?",
        "race sim on saturday so go easy",
    ],
)
def test_race_pace_training_is_no_race(text: str) -> None:
    assert all(p.kind is not IntentKind.RACE_DATE for p in understand_all(text, MONDAY))


def test_race_day_is_still_a_race() -> None:
    intent = understand("race day is 19/12", MONDAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date == date(2026, 12, 19)
