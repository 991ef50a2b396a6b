"""Short typed answers read in the core: set-up answers, command arguments, area names."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.understanding.replies import (
    area_named,
    desk_answer,
    desk_said,
    kit_answer,
    level_answer,
    parse_day,
    parse_reminder_time,
    race_answer,
    reminder_answer,
    says_off,
    says_skip,
)
from bot.core.vocabulary import Area, Equipment, Level

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("total novice tbh", Level.BEGINNER),
        ("a bit", Level.INTERMEDIATE),
        ("pretty experienced", Level.ADVANCED),
        ("banana", None),
    ],
)
def test_level(text: str, level: Level | None) -> None:
    assert level_answer(text) is level


def test_desk_kit_race_reminder() -> None:
    assert desk_answer("yeah, office job") is True
    assert desk_answer("nope, on my feet") is False
    assert desk_answer("hmm") is None
    assert kit_answer("a band and some dumbbells") == {Equipment.BAND, Equipment.SMALL_WEIGHTS}
    assert kit_answer("nothing at all") == frozenset()
    assert kit_answer("a sofa") is None
    assert race_answer("no race planned", TODAY) is False
    assert race_answer("12 april", TODAY) == date(2027, 4, 12)
    assert race_answer("not sure yet", TODAY) is None  # "not" is no race word: only "no"
    assert reminder_answer("never") is False
    assert reminder_answer("7am please") == time(7, 0)
    assert reminder_answer("whenever") is None


def test_command_arguments() -> None:
    assert says_off(" Off ")
    assert says_off("cancel")
    assert not says_off("7")
    assert says_skip("skip this one")
    assert not says_skip("beginner")
    assert parse_day("2027-03-01", TODAY) == date(2027, 3, 1)
    assert parse_day("next saturday", TODAY) == date(2026, 12, 5)
    assert parse_reminder_time("7") == time(7, 0)
    assert parse_reminder_time("06:45") == time(6, 45)
    assert parse_reminder_time("24") is None


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("left knee", Area.KNEE),
        ("hamstring", Area.HAMSTRINGS),
        ("calves", Area.CALVES),
        ("fine", None),
        ("spaceship", None),
    ],
)
def test_area_named(text: str, area: Area | None) -> None:
    assert area_named(text) is area


@settings(deadline=None)  # the first call builds lazily loaded tables (over a second alone)
@given(st.text(max_size=40))
def test_readers_never_raise(text: str) -> None:
    level_answer(text), desk_answer(text), kit_answer(text), area_named(text)
    race_answer(text, TODAY), reminder_answer(text), parse_reminder_time(text)


@pytest.mark.parametrize(
    ("said", "desk"),
    [
        ("some plyo experience, desk job", True),
        ("new to it. office job so I sit a lot", True),
        ("experienced; nurse, on my feet at work", False),
        ("some experience", None),
        ("no, never done jumps", None),  # a bare "no" answers the level, not the desk
        ("yes, a few months of box jumps", None),
        ("some, I work from home", None),
    ],
)
def test_a_job_said_beside_another_answer(said: str, desk: bool | None) -> None:
    assert desk_said(said) is desk


@pytest.mark.parametrize(
    "text", ["4kg dumbells", "a couple of kettlebells", "just a kb", "pair of dbs"]
)
def test_weights_typed_as_people_type_them(text: str) -> None:
    assert kit_answer(text) == {Equipment.SMALL_WEIGHTS}


@pytest.mark.parametrize(
    ("text", "race"),
    [
        ("long run sunday", None),  # the running week: asked again, no race stored
        ("i dont have a race, long run on sundays", False),
        ("london marathon april 26, long runs on sunday", date(2027, 4, 26)),
        ("race on sunday", date(2026, 10, 25)),
    ],
)
def test_the_long_runs_day_is_no_race_date(text: str, race: date | bool | None) -> None:
    assert race_answer(text, date(2026, 10, 21)) == race
