"""A new runner's trial, round 4: set-up answers in free text, the running week with a day
said not to be run, a month said before its day, corrections and protests that log
nothing, questions about the jumps, efforts with words and numbers. Our own phrasings.
Today is Sunday 6 December 2026."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import EffortLabel, IntentKind, PlanTopic, understand, understand_all
from bot.core.understanding.answers import effort_answer, health_said
from bot.core.understanding.dates import find_dates, last_date
from bot.core.understanding.replies import (
    asks_back,
    desk_answer,
    kit_answer,
    level_answer,
    race_answer,
)
from bot.core.understanding.week import running_week
from bot.core.vocabulary import Equipment, Level

SUNDAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # years of it: experienced, though no level word is said
        ("I've been lifting heavy and doing box jumps for 6 years", Level.ADVANCED),
        ("over ten years of strength training", Level.ADVANCED),
        ("squats and bounding for years now", Level.ADVANCED),
        # months of it: some experience
        ("plyo classes for a few months", Level.INTERMEDIATE),
        # long ago and nothing since: new to it again, not "some experience"
        ("did a little skipping and hopping as a kid, nothing since", Level.BEGINNER),
        ("a fair bit at uni, not for years though", Level.BEGINNER),
        ("used to do a lot of plyometrics back when I played rugby", Level.BEGINNER),
        ("haven't done any", Level.BEGINNER),
    ],
)
def test_jump_experience_in_free_text(text: str, level: Level) -> None:
    assert level_answer(text) is level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # years of running say nothing of jump work: asked again
        ("I have been running for years", None),
        ("ran for 3 months now", None),
        # the running's years beside a level word or jump work: those count
        ("ran marathons for 10 years, some gym", Level.INTERMEDIATE),
        ("running 10 years, never done jumps", Level.BEGINNER),
        ("running for years and lifting for 2 years", Level.ADVANCED),
    ],
)
def test_years_of_running_are_no_jump_experience(text: str, level: Level | None) -> None:
    assert level_answer(text) is level


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("I'm on my feet the whole shift, I'm a chef", False),
        ("teacher, always walking around the classroom", False),
        ("no desk for me, I'm a postman", False),
        ("mostly at a desk, I'm an accountant", True),
    ],
)
def test_a_job_on_ones_feet_is_no_desk_job(text: str, desk: bool) -> None:
    assert desk_answer(text) is desk


@pytest.mark.parametrize(
    ("text", "kit"),
    [
        ("only bodyweight, but there's a wall in my hall", {Equipment.WALL}),
        ("body weight only", set()),
        ("no dumbbells, I do have a resistance band", {Equipment.BAND}),
        ("a step and a wall", {Equipment.STEP, Equipment.WALL}),
    ],
)
def test_kit_in_free_text(text: str, kit: set[Equipment]) -> None:
    assert kit_answer(text) == kit


def test_a_day_not_run_is_a_rest_day_never_a_hard_day() -> None:
    said = running_week("long run saturday, hills on monday and a tempo wed, I don't run thursdays")
    assert said is not None
    assert (said.long_run_day, said.hard_days, said.rest_days) == (5, {0, 2}, {3})


def test_the_long_run_day_is_the_one_said_with_it() -> None:
    said = running_week("my long run's on saturday and I never run on mondays")
    assert said is not None
    assert (said.long_run_day, said.rest_days) == (5, {0})
    said = running_week("saturday is my long run")
    assert said is not None
    assert said.long_run_day == 5


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the Brighton marathon in april, the 5th", date(2027, 4, 5)),
        ("10k in march - on the 21st", date(2027, 3, 21)),
        ("march the 21st", date(2027, 3, 21)),
        ("the 21st", date(2026, 12, 21)),  # no month: the next 21st
    ],
)
def test_a_month_said_before_its_day(text: str, day: date) -> None:
    assert last_date(text.lower(), SUNDAY) == day
    assert race_answer(text, SUNDAY) == day


def test_a_month_before_its_day_is_one_date() -> None:
    assert len(find_dates("march the 21st", SUNDAY)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "no!! the long run is on saturday. monday is my rest day",
        "tuesday is a rest day, not a hard day",
        "I never run on wednesdays",
        "saturdays are my long run",
    ],
)
def test_a_correction_of_the_week_logs_nothing(text: str) -> None:
    kinds = [intent.kind for intent in understand_all(text, SUNDAY)]
    assert IntentKind.SKIPPED not in kinds
    assert IntentKind.DONE not in kinds
    assert running_week(text) is not None  # the coach sets the week from it


def test_todays_skip_said_beside_the_week_is_still_a_skip() -> None:
    assert understand("skipping today, rest day", SUNDAY).kind is IntentKind.SKIPPED


@pytest.mark.parametrize(
    "text",
    [
        "but I did it! I told you this morning",
        "I already said I'd done it",
        "I already logged it, it was done",
    ],
)
def test_a_protest_about_a_log_logs_nothing(text: str) -> None:
    kinds = [intent.kind for intent in understand_all(text, SUNDAY)]
    assert kinds == [IntentKind.TODAY]  # today's session, with how it is logged


@pytest.mark.parametrize(
    "text",
    [
        "when do the hops start again?",
        "so when will plyos start again",
        "hamstring is fine now. when do we restart the jumps?",
    ],
)
def test_when_the_jumps_start_again_is_a_question_not_a_resume(text: str) -> None:
    intents = understand_all(text, SUNDAY)
    assert IntentKind.RESUME not in [i.kind for i in intents]
    assert any(i.topic is PlanTopic.JUMPS for i in intents)


def test_why_no_jumps_is_a_why_question() -> None:
    assert understand("why are there no jumps?", SUNDAY).topic is PlanTopic.WHY


@pytest.mark.parametrize(
    "text",
    ["holidays are over, unpause please", "back from my holiday!", "trip is over, restart me"],
)
def test_a_holiday_ended_is_a_return(text: str) -> None:
    kinds = [intent.kind for intent in understand_all(text, SUNDAY)]
    assert kinds == [IntentKind.RESUME]


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("done for today, effort 6 - legs ok", 6),
        ("finished, rpe 5 or so", 5),
        ("done, effort 6 to 7", None),  # a range: asked
    ],
)
def test_the_effort_number_is_taken(text: str, effort: int | None) -> None:
    assert understand(text, SUNDAY).effort == effort


def test_an_effort_word_is_read_as_its_number() -> None:
    """A coach reads "tough going" as a hard session (8), as the effort buttons do."""
    intent = understand("finished it, tough going", SUNDAY)
    assert (intent.kind, intent.effort, intent.effort_label) == (
        IntentKind.DONE,
        EffortLabel.HARD.effort,
        EffortLabel.HARD,
    )
    assert effort_answer("tough going", SUNDAY) == EffortLabel.HARD.effort


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("nope", False),
        ("no race planned yet", False),
        ("none", False),
        ("I have a band and a step, no weights", None),  # kit said late: no "no race"
        ("12 april, no pressure though", date(2027, 4, 12)),
    ],
)
def test_no_race_is_said_by_its_own_words(text: str, said: object) -> None:
    assert race_answer(text, SUNDAY) == said


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("what is a resistance band?", True),
        ("why do u need that?", True),
        ("do I need a box for this", True),
        ("7:30?", False),
        ("band and a step", False),
    ],
)
def test_a_set_up_answer_that_asks_back_is_no_answer(text: str, asks: bool) -> None:
    assert asks_back(text) is asks


@pytest.mark.parametrize(
    ("text", "screen"),
    [
        ("im pregnant actually, 12 weeks", "pregnant"),
        ("I am 20 weeks pregnant, ok to keep going?", "pregnant"),
        ("had a baby 4 months ago, is jumping ok?", "postpartum"),
        ("my wife is pregnant", None),  # someone else
        ("can i do this if pregnant?", None),  # a what-if
        ("my friend had a baby", None),
    ],
)
def test_a_pregnancy_or_birth_told_of_oneself_is_read(text: str, screen: str | None) -> None:
    said = health_said(text, SUNDAY)
    assert (None if said is None else {s.value for s in said.found}) == (
        None if screen is None else {screen}
    )
