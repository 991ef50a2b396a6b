"""The running week in words (bot/core/understanding/week.py): the simplest phrasings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.records import RunnerProfile
from bot.core.understanding.week import WeekSaid, applied, asks_for_block, running_week
from bot.core.vocabulary import RaceDistance


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("long run is Sunday", WeekSaid(long_run_day=6)),
        ("My long run is on Saturdays", WeekSaid(long_run_day=5)),
        ("I do intervals on Tuesdays", WeekSaid(hard_days=frozenset({1}))),
        ("tempo thursday", WeekSaid(hard_days=frozenset({3}))),
        (
            "long run sunday, intervals tuesday and thursday",
            WeekSaid(long_run_day=6, hard_days=frozenset({1, 3})),
        ),
        ("I run mon, wed, fri and sun", WeekSaid(run_days=frozenset({0, 2, 4, 6}))),
        ("rest day saturday", WeekSaid(rest_days=frozenset({5}))),
        ("I race a half marathon", WeekSaid(race_distance=RaceDistance.HALF)),
        ("training for a marathon", WeekSaid(race_distance=RaceDistance.MARATHON)),
        ("racing a 10k", WeekSaid(race_distance=RaceDistance.TEN_K)),
        ("5k", WeekSaid(race_distance=RaceDistance.FIVE_K)),
        ("training for an ultra", WeekSaid(race_distance=RaceDistance.ULTRA)),
        ("sessions of 10 minutes", WeekSaid(minutes=10)),
        ("one jump day a week", WeekSaid(dynamic_days=1)),
        ("hard none", WeekSaid(cleared=frozenset({"hard_days"}))),
        ("long run none", WeekSaid(cleared=frozenset({"long_run_day"}))),
    ],
)
def test_the_simplest_phrasings(text: str, said: WeekSaid) -> None:
    assert running_week(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "what's today?",
        "I ran 10k yesterday and my knee hurts",
        "I need some rest",
        "done, felt easy",
        "left calf sore 6/10",
        "remind me at 7:30",
    ],
)
def test_other_messages_say_nothing_about_the_week(text: str) -> None:
    assert running_week(text) is None


def test_the_whole_block_is_asked_for() -> None:
    assert asks_for_block("show me the whole block")
    assert asks_for_block("what does the full plan look like?")
    assert not asks_for_block("what's the plan today?")


def test_applied_replaces_days_and_keeps_the_long_run_off_the_hard_days() -> None:
    profile = RunnerProfile(hard_days=frozenset({1, 6}))
    changed = applied(profile, WeekSaid(long_run_day=6))
    assert (changed.long_run_day, changed.hard_days) == (6, frozenset({1}))
    assert applied(changed, WeekSaid(hard_days=frozenset({3}))).hard_days == frozenset({3})
    with pytest.raises(ValueError, match="at most three"):
        applied(profile, WeekSaid(rest_days=frozenset({0, 1, 2, 3})))


@given(st.text(max_size=200))
def test_any_text_reads_without_error_and_applies_cleanly(text: str) -> None:
    said = running_week(text)
    if said is None:
        return
    if len(said.rest_days) > 3:
        with pytest.raises(ValueError, match="rest days"):
            applied(RunnerProfile(), said)
    else:
        assert (
            applied(RunnerProfile(), said).long_run_day
            not in applied(RunnerProfile(), said).hard_days
        )


def test_a_plus_or_ampersand_splits_the_week_as_a_comma_does() -> None:
    said = running_week("i run mon wed fri + long one sat")
    assert said is not None
    assert (said.run_days, said.long_run_day) == (frozenset({0, 2, 4}), 5)
    said = running_week("long run sun & intervals tue")
    assert said is not None
    assert (said.long_run_day, said.hard_days) == (6, frozenset({1}))


def _easy(said: WeekSaid, days: set[int]) -> WeekSaid:
    """``said`` with ``days`` said as easy runs (run days, never hard)."""
    return replace(said, run_days=frozenset(days), easy_days=frozenset(days))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (  # easy runs are run days, never hard ones
            "long run sunday, intervals tuesday, easy runs thursday and saturday",
            _easy(WeekSaid(long_run_day=6, hard_days=frozenset({1})), {3, 5}),
        ),
        (  # a parkrun is a run, not a race date; a dash splits too
            "I run 4 days a week - tues intervals, thurs easy, sat parkrun and long run sunday",
            _easy(WeekSaid(long_run_day=6, hard_days=frozenset({1})), {3, 5}),
        ),
        (  # days said before their kind take it
            "actually thurs and sat are easy runs, only tuesday is a hard session",
            _easy(WeekSaid(hard_days=frozenset({1})), {3, 5}),
        ),
        ("intervals tue, thu", WeekSaid(hard_days=frozenset({1, 3}))),
        (
            "recovery jog monday, hills wednesday",
            _easy(WeekSaid(hard_days=frozenset({2})), {0}),
        ),
    ],
)
def test_clauses_of_a_running_week(text: str, said: WeekSaid) -> None:
    assert running_week(text) == said


def test_days_said_easy_leave_the_hard_days() -> None:
    profile = RunnerProfile(hard_days=frozenset({1, 3, 5}))
    said = running_week("thursday and saturday are easy runs")
    assert said is not None
    changed = applied(profile, said)
    assert (changed.hard_days, changed.run_days) == (frozenset({1}), frozenset({3, 5}))


def test_run_days_said_keep_the_hard_days_among_them() -> None:
    said = running_week("I run tue, thu, sat")
    assert said is not None
    changed = applied(RunnerProfile(hard_days=frozenset({1, 3})), said)
    assert (changed.hard_days, changed.run_days) == (frozenset({1, 3}), frozenset({1, 3, 5}))


@pytest.mark.parametrize(
    "text",
    [
        "hey coach! ended up doing mondays one after all, felt easy. and todays was really hard",
        "did tuesdays, easy",
        "saturday was easy",
        "mondays one was hard",
    ],
)
def test_a_log_of_days_is_no_running_week(text: str) -> None:
    """A second trial: a two-day log was taken for the running week (run days: Mon) and
    logged nothing."""
    assert running_week(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "saw the physio today, she reckons its a stress reaction, 6 weeks no running",
        "physio says 6 weeks no running",
        "no running this week, knee",
    ],
)
def test_running_said_not_done_keeps_the_rest_days(text: str) -> None:
    said = running_week(text)
    assert said is None or "rest_days" not in said.cleared


@pytest.mark.parametrize("text", ["no rest days", "rest days: none", "no days off"])
def test_rest_days_said_to_be_none_clear_them(text: str) -> None:
    said = running_week(text)
    assert said is not None
    assert "rest_days" in said.cleared
