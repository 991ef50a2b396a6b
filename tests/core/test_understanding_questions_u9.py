"""Plan questions (round 9): a short day ending "what am i doing wed", a second question
after a "+", and "whats tomorrows" after a question about today."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, PlanTopic, understand_all

SATURDAY = date(2026, 12, 12)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what am i doing wed", date(2026, 12, 16)),
        ("what am i doing thurs", date(2026, 12, 17)),
        ("what am i doing fri?", date(2026, 12, 18)),
    ],
)
def test_a_short_day_ending_a_question_is_that_days(text: str, day: date) -> None:
    (intent,) = understand_all(text, SATURDAY)
    assert (intent.kind, intent.topic, intent.ask_day) == (
        IntentKind.PLAN_QUESTION,
        PlanTopic.DAY,
        day,
    )


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("whats left this week + when do jumps start", [PlanTopic.WEEK, PlanTopic.JUMPS]),
        ("whats left this week + whats the phase", [PlanTopic.WEEK, PlanTopic.PHASE]),
    ],
)
def test_a_question_after_a_plus_is_asked_too(text: str, topics: list[PlanTopic]) -> None:
    assert [i.topic for i in understand_all(text, SATURDAY)] == topics


def test_days_joined_by_a_plus_are_still_one_list() -> None:
    found = understand_all("did sat + sun", SATURDAY)
    assert [i.kind for i in found] == [IntentKind.DONE, IntentKind.DONE]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("whats todays workout, and whats tomorrows", date(2026, 12, 13)),
        ("whats on today and whats mondays", date(2026, 12, 14)),
    ],
)
def test_whose_day_asked_after_today_is_a_second_question(text: str, day: date) -> None:
    found = understand_all(text, SATURDAY)
    assert [(i.kind, i.ask_day) for i in found] == [
        (IntentKind.TODAY, None),
        (IntentKind.PLAN_QUESTION, day),
    ]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("show me the block, my race is 18 april btw", IntentKind.PLAN_QUESTION),
        ("whats this week look like, my race is on 18 april btw", IntentKind.PLAN_QUESTION),
        ("done 5/10, my race is 18 april", IntentKind.DONE),
    ],
)
def test_a_race_said_after_another_request_is_both(text: str, other: IntentKind) -> None:
    found = understand_all(text, SATURDAY)
    assert {i.kind for i in found} == {IntentKind.RACE_DATE, other}
    assert [i.race_date for i in found if i.kind is IntentKind.RACE_DATE] == [date(2027, 4, 18)]


@pytest.mark.parametrize(
    "text", ["yo what commands are there", "hey coach, what can you do?", "hi! how does this work"]
)
def test_a_greeting_before_help_asked_is_the_help_alone(text: str) -> None:
    assert [i.kind for i in understand_all(text, SATURDAY)] == [IntentKind.HELP]


def test_a_greeting_before_a_log_is_still_greeted() -> None:
    found = understand_all("hey coach! did yesterdays, 6", SATURDAY)
    assert [i.kind for i in found] == [IntentKind.GREETING, IntentKind.DONE]
