"""Round 4, logs, pauses, odd values and questions: what a careful coach would store or ask.
Our own phrasings. Today is Wednesday 9 June 2027."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, PlanTopic, understand, understand_all

WEDNESDAY = date(2027, 6, 9)


def _day(n: int) -> date:
    return date(2027, 6, n)


def _all(text: str) -> list[tuple[IntentKind, object]]:
    return [(i.kind, i.unclear) for i in understand_all(text, WEDNESDAY)]


@pytest.mark.parametrize(
    "text", ["race is on the 2nd of june", "my race: 20 may", "race date may 30"]
)
def test_a_race_day_just_passed_is_asked_not_next_years(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date is None
    assert intent.unclear is not None


def test_a_race_months_ahead_or_with_a_year_is_taken() -> None:
    assert understand("race on 12 february", WEDNESDAY).race_date == date(2028, 2, 12)
    assert understand("race on 2 june 2028", WEDNESDAY).race_date == date(2028, 6, 2)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("having a break starting next friday, no idea for how long", _day(11), None),
        ("pause me from this coming monday until the following sunday", _day(14), _day(20)),
    ],
)
def test_a_break_that_starts_later(text: str, first: date, last: date | None) -> None:
    intent = understand(text, WEDNESDAY)
    assert (intent.kind, intent.pause_from, intent.pause_until) == (IntentKind.PAUSE, first, last)


def test_a_break_from_no_such_day_is_asked() -> None:
    intent = understand("pause from the 31st of june please", WEDNESDAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.unclear is not None


def test_a_breaks_days_said_in_another_clause_are_kept() -> None:
    intents = understand_all(
        "off to Rome on friday, back on the 20th. pause me till then", WEDNESDAY
    )
    pause = next(i for i in intents if i.kind is IntentKind.PAUSE)
    assert (pause.pause_from, pause.pause_until) == (_day(11), _day(19))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "no time today and can't manage tomorrow either, travelling for work",
            [_day(9), _day(10)],
        ),
        ("skipping today, exhausted. back tomorrow", [_day(9)]),
    ],
)
def test_a_day_or_two_away_beside_a_skip_is_skips_not_a_break(text: str, days: list[date]) -> None:
    intents = understand_all(text, WEDNESDAY)
    assert IntentKind.PAUSE not in [i.kind for i in intents]
    skipped = [i.log_day or WEDNESDAY for i in intents if i.kind is IntentKind.SKIPPED]
    assert skipped == days


def test_the_end_of_a_stay_is_not_the_skipped_day() -> None:
    intent = understand("at a wedding till saturday, skip today's please", WEDNESDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, None)


@pytest.mark.parametrize(
    "text",
    [
        "show me the whole plan, I'm trying to fit it round my holiday",
        "what's on friday? I may be travelling",
    ],
)
def test_a_plan_question_about_a_trip_is_no_break(text: str) -> None:
    assert understand(text, WEDNESDAY).kind is IntentKind.PLAN_QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "took up running again after a long time off, is this plan ok at 61?",
        "I've a sore throat, is it ok to still train today?",
        "missed monday, should I just carry on?",
        "two months after giving birth, can I do the jumps?",
        "I missed the whole week, what now",
        "missed the whole week, do I start over?",
        "I can barely finish the bounding, is that normal?",
    ],
)
def test_a_question_stores_no_break_return_or_log(text: str) -> None:
    kinds = {i.kind for i in understand_all(text, WEDNESDAY)}
    assert kinds.isdisjoint({IntentKind.PAUSE, IntentKind.RESUME, IntentKind.DONE})
    assert (IntentKind.SKIPPED not in kinds) or "monday" in text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("done, effort -3", IntentKind.DONE),
        ("rpe 14/10 today", IntentKind.UNKNOWN),
        ("effort was 15 lol", IntentKind.UNKNOWN),
        ("did the 33rd's session", IntentKind.DONE),
        ("missed june 31", IntentKind.SKIPPED),
    ],
)
def test_an_impossible_value_is_asked(text: str, kind: IntentKind) -> None:
    intents = understand_all(text, WEDNESDAY)
    assert [i.kind for i in intents] == [kind]
    assert intents[0].unclear is not None
    assert intents[0].effort is None
    assert intents[0].log_day is None


def test_a_dash_between_effort_and_number_is_no_minus() -> None:
    assert understand("done, rpe - 6", WEDNESDAY).effort == 6


def test_the_jumps_question_after_a_return_word() -> None:
    assert understand("back now. when do the plyos start again?", WEDNESDAY).topic in (
        PlanTopic.JUMPS,
        None,
    )
