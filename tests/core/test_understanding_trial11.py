"""From the eleventh session's trials: the clocks changing is no place and no new
reminder time; a break "since" a day gone by runs from today; a city keeps no chat word
said after it, and an answer about the time zone finds its one city; asking to do the hip
work is the day's plan, not "why hips"."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.content import load_content
from bot.core.faq import RECOGNISED
from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.cities import city_in_answer

TODAY = date(2026, 12, 17)  # a Thursday
FAQ = load_content().faq

STORING = {IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER}


@pytest.mark.parametrize(
    "text",
    [
        "switch me to summer time",
        "switch me to winter time",
        "summer time starts in march, will the reminder still come at 7?",
        "is the reminder adjusted for DST",
        "do i need to change anything when the clocks go back",
    ],
)
def test_the_clocks_changing_is_answered_and_changes_nothing(text: str) -> None:
    parts = understand_all(text, TODAY)
    assert not [p for p in parts if p.kind in STORING and (p.timezone_text or p.reminder_time)]
    question, _ = FAQ.asked(understand(text, TODAY), parts, text)
    assert question is not None
    assert question.id == "clocks-change"


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("clocks went back, move my reminder to 6:30", time(6, 30)),
        ("summer time now so can you change the reminder to 7", time(7, 0)),
    ],
)
def test_a_reminder_asked_for_beside_the_clocks_is_set(text: str, at: time) -> None:
    assert understand(text, TODAY).reminder_time == at


def test_a_move_still_sets_the_city() -> None:
    intent = understand("moved to berlin, update my timezone", TODAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text == "Berlin, Germany"


@pytest.mark.parametrize(
    "text",
    [
        "pause since the 3rd of december until the 28th",
        "been off since the 3rd to the 28th, pause me",
    ],
)
def test_a_break_since_a_day_gone_by_runs_from_today(text: str) -> None:
    (intent,) = understand_all(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert (intent.pause_from, intent.pause_until) == (None, date(2026, 12, 28))


def test_a_break_from_a_day_ahead_keeps_its_start() -> None:
    intent = understand("pause from the 20th to the 28th", TODAY)
    assert (intent.pause_from, intent.pause_until) == (date(2026, 12, 20), date(2026, 12, 28))


def test_every_question_a_rule_recognises_is_in_the_faq() -> None:
    assert {entry.id for entry in FAQ.entries} >= set(RECOGNISED)


@pytest.mark.parametrize(
    ("text", "city"),
    [("im in dublin btw", "Dublin, Ireland"), ("in berlin atm", "Berlin, Germany")],
)
def test_a_city_said_with_a_chat_word_after_it(text: str, city: str) -> None:
    assert understand(text, TODAY).timezone_text == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("told u already manchester lol", "Manchester, United Kingdom"),
        ("i said new york already", "New York City, New York"),
        ("manchester or leeds", None),  # two: asked again
        ("lol", None),
    ],
)
def test_the_one_city_in_an_answer_about_the_time_zone(text: str, city: str | None) -> None:
    assert city_in_answer(text) == city


@pytest.mark.parametrize(
    "text", ["can i still do my hip stuff tho?", "can i still do the hip work today"]
)
def test_asking_to_do_the_hip_work_is_the_days_plan_not_why_hips(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.TODAY
    question, _ = FAQ.asked(intent, understand_all(text, TODAY), text)
    assert question is None


@pytest.mark.parametrize(
    ("text", "off", "day"),
    [
        ("oops i dont have a race sunday, thats my long run", True, None),
        ("london marathon april 26, long runs on sunday", False, date(2027, 4, 26)),
    ],
)
def test_a_race_said_not_to_be_and_the_long_runs_day(
    text: str, off: bool, day: date | None
) -> None:
    intent = understand(text, date(2026, 10, 21))
    assert intent.kind is IntentKind.RACE_DATE
    assert (intent.race_off, intent.race_date) == (off, day)


def test_the_clocks_asked_beside_a_day_are_the_clocks_answer() -> None:
    text = "clocks go back sunday anything i need to do?"
    question, parts = FAQ.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert question is not None
    assert question.id == "clocks-change"
    assert all(p.kind is not IntentKind.PLAN_QUESTION for p in parts)


@pytest.mark.parametrize(
    ("text", "city"),
    [("im in london not new york", "London, United Kingdom")],
)
def test_a_city_said_against_another(text: str, city: str) -> None:
    assert understand(text, TODAY).timezone_text == city


@pytest.mark.parametrize("text", ["quads are grand now", "hip is grand again"])
def test_grand_now_is_fine(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.FEELS_FINE


@pytest.mark.parametrize(
    "text",
    [
        "its been 3 weeks, still aches a bit at night but way better",
        "still aches at night but better",
    ],
)
def test_a_sign_beside_a_recovery_taken_back_is_the_warning(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.WARNING_SIGN
    assert intent.signs
