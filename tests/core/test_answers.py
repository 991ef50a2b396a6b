"""Typed answers to questions asked with buttons: the guided report, clearing a hold and
the health screen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.core.health import Screen
from bot.core.understanding.answers import (
    HealthAnswer,
    about_clearance,
    area_answer,
    check_answer,
    effort_answer,
    health_answer,
    kind_answer,
    none_answer,
    scale_answer,
    side_answer,
    yes_no,
)
from bot.core.vocabulary import Area, ReportKind, Side

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("right shin", (Area.SHINS, Side.RIGHT)),
        ("my left calf", (Area.CALVES, Side.LEFT)),
        ("hamstrings", (Area.HAMSTRINGS, Side.NONE)),
        ("shin, hurts when I hop", None),  # a warning sign: triaged as a report instead
        ("what?", None),
    ],
)
def test_area_answers(text: str, expected: tuple[Area, Side] | None) -> None:
    assert area_answer(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("right", Side.RIGHT), ("Left side", Side.LEFT), ("both", Side.BOTH), ("middle", Side.NONE)],
)
def test_side_answers(text: str, expected: Side) -> None:
    assert side_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sore", ReportKind.SORENESS),
        ("bit stiff", ReportKind.TIGHTNESS),
        ("painful", ReportKind.PAIN),
        ("it hurts a lot when running every day", None),
    ],
)
def test_kind_answers(text: str, expected: ReportKind | None) -> None:
    assert kind_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5", 5), ("about 5/10", 5), ("0", 0), ("10 out of 10", 10), ("11", None), ("-5", None)],
)
def test_scale_answers(text: str, expected: int | None) -> None:
    assert scale_answer(text) == expected


# ---------------------------------------------------------------- yes or no (clearing)


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "Yes!",
        "yep",
        "yeah",
        "physio said it's fine",
        "my doctor cleared me",
        "yes, the GP gave me the go-ahead",
        "sure",
        "ok",
    ],
)
def test_yes_answers(text: str) -> None:
    assert yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "nope",
        "not yet",
        "haven't seen anyone",
        "havent seen anyone yet",
        "still waiting for an appointment",
        "not really",
        "no, not cleared",
    ],
)
def test_no_answers(text: str) -> None:
    assert yes_no(text) is False


@pytest.mark.parametrize("text", ["maybe", "", "yes but no", "what do you mean?", "🤷"])
def test_unclear_answers_are_none(text: str) -> None:
    assert yes_no(text) is None


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("walked fine, no pain", True),
        ("did it, felt ok", True),
        ("yes, pain free", True),
        ("pain 1/10", True),
        ("2", True),
        ("about 2/10", True),
        ("hurt a bit, like 4", False),
        ("5/10", False),
        ("couldn't do it", False),
        ("no", False),
        ("it hurt", False),
        ("fine but pain 3 out of 10", False),
    ],
)
def test_return_check_answers_with_a_pain_number(text: str, passed: bool) -> None:
    assert check_answer(text) is passed


@pytest.mark.parametrize(
    ("text", "check", "passed"),
    [
        ("walked to work 40 min, fine", "stand", None),  # another check's movement
        ("walked to work 40 min, fine", "walk", True),
        ("jogged fine", "hop", None),
        ("ran 5k yesterday, no pain", "jog", True),  # a run shows the jog
        ("jumped about, no pain", "hop", True),
        ("walking still hurts, 5/10", "hop", False),  # failing one fails the next
        ("did 10 squats, 1/10", "squat", True),
        ("fine", "stand", True),
    ],
)
def test_a_check_answer_tells_of_that_check(text: str, check: str, passed: bool | None) -> None:
    assert check_answer(text, check=check) is passed


def test_an_unclear_check_answer_is_none() -> None:
    assert check_answer("hmm, not sure what you mean") is None


# ---------------------------------------------------------------- the health screen

SCREENED = date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    ["no", "none", "all good", "None of these", "nothing", "nope", "not pregnant, no injuries"],
)
def test_nothing_to_report(text: str) -> None:
    assert health_answer(text, SCREENED) == HealthAnswer(frozenset({Screen.NONE}))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I had a stress fracture in my shin in 2023", {Screen.BONE_STRESS}),
        ("stress fracture, years ago", {Screen.BONE_STRESS}),
        ("had a stress reaction in my foot last year", {Screen.BONE_STRESS}),
        ("I'm 20 weeks pregnant", {Screen.PREGNANT}),
        ("expecting in May", {Screen.PREGNANT}),
        ("had a baby 2 months ago", {Screen.POSTPARTUM}),
        ("I gave birth recently", {Screen.POSTPARTUM}),
        ("my knee hurts at the moment", {Screen.INJURY}),
        ("left calf sore 4/10", {Screen.INJURY}),
        ("I think I have a stress fracture", {Screen.INJURY, Screen.BONE_STRESS}),  # both now
        ("stress reaction in the neck of my femur", {Screen.INJURY, Screen.BONE_STRESS}),
        (
            "diagnosed with a stress reaction in my femoral neck last week",
            {Screen.INJURY, Screen.BONE_STRESS},
        ),
        ("had a stress fracture last year, fine now", {Screen.BONE_STRESS}),
        ("no pain, but I had a stress fracture in 2021", {Screen.BONE_STRESS}),
        ("gave birth 6 weeks ago and my knee is sore", {Screen.POSTPARTUM, Screen.INJURY}),
    ],
)
def test_what_a_health_answer_says(text: str, found: set[Screen]) -> None:
    answer = health_answer(text, SCREENED)
    assert answer is not None
    assert answer.found == found
    assert (answer.injury_text is not None) is (Screen.INJURY in found)


def test_a_birth_said_with_when_gives_the_day() -> None:
    two_months = health_answer("had a baby 2 months ago", SCREENED)
    assert two_months is not None
    assert two_months.birth_on == date(2026, 10, 4)
    six_weeks = health_answer("gave birth six weeks ago", SCREENED)
    assert six_weeks is not None
    assert six_weeks.birth_on == SCREENED - timedelta(weeks=6)
    unknown = health_answer("had a baby recently", SCREENED)
    assert unknown is not None
    assert unknown.birth_on is None


def test_the_injury_words_are_kept_to_read_as_a_report() -> None:
    answer = health_answer("had a baby 3 months ago, and my knee hurts at the moment", SCREENED)
    assert answer is not None
    assert answer.injury_text is not None
    assert "knee" in answer.injury_text
    assert "baby" not in answer.injury_text


@pytest.mark.parametrize("text", ["hello", "what?", "maybe later", "🙂"])
def test_other_messages_are_no_health_answer(text: str) -> None:
    assert health_answer(text, SCREENED) is None


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("7", 7),
        ("about 6/10", 6),
        ("very hard", 9),
        ("easy", 3),
        ("that was tough", 8),
        ("0", None),  # effort runs 1-10
        ("11", None),
        ("no pain", None),  # the pain question's answer
        ("pain 3", None),
        ("my calf hurts", None),  # a report, not a rating
        ("hard, shin hurts at night", None),  # a warning sign is triaged
    ],
)
def test_a_typed_effort_is_read_only_when_it_is_one(text: str, effort: int | None) -> None:
    assert effort_answer(text, date(2026, 11, 25)) == effort


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("physio said it's fine", True),
        ("not yet", True),
        ("my GP gave me the go-ahead", True),
        ("shin is fine now", False),
        ("glute is fine again", False),
    ],
)
def test_a_clearance_answer_speaks_of_the_clearance(text: str, about: bool) -> None:
    assert about_clearance(text) is about


@pytest.mark.parametrize(
    ("said", "effort"),
    [
        ("is it ok for over 50s? im 56", None),  # a question of its own, not a rating
        ("how long till i see results", None),
        ("about a 6", 6),
        ("id say 8", 8),
        ("maybe a 7/10", 7),
        ("7?", 7),  # a tentative number still answers
    ],
)
def test_effort_answers_and_questions_typed_after_a_done(said: str, effort: int | None) -> None:
    assert effort_answer(said, date(2026, 12, 6)) == effort


@pytest.mark.parametrize(
    ("said", "born"),
    [
        ("had a baby in june", date(2026, 6, 15)),
        ("had my baby on 3 june", date(2026, 6, 3)),
        ("gave birth on the 2nd", date(2026, 12, 2)),
        ("had a baby 6 months ago", date(2026, 6, 6)),
        ("had a baby", None),  # when is asked, not guessed
    ],
)
def test_a_birth_said_with_a_day_or_month_gone_by(said: str, born: date | None) -> None:
    assert health_answer(said, date(2026, 12, 6)).birth_on == born


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("tomorrow ill do it after my run ok?", None),  # an "ok" asked is no yes
        ("ok?", None),
        ("not yet?", False),
        ("physio said its fine", True),
    ],
)
def test_a_question_is_no_yes_to_the_clinician_question(said: str, answer: bool | None) -> None:
    assert yes_no(said) is answer


@pytest.mark.parametrize(
    ("said", "none"),
    [("nah all good", True), ("no never", True), ("nope, nothing", True), ("thanks", False)],
)
def test_none_said_in_a_few_words(said: str, none: bool) -> None:
    assert none_answer(said) is none


@pytest.mark.parametrize(
    "text",
    [
        "no nothing at the moment",
        "not currently",
        "nothing right now thanks",
        "none thankfully",
        "no, my youngest is 9 lol",  # a plain no, and nothing after it named
        "nope. touch wood",
        "n/a im a bloke",  # the pregnancy question does not apply
        "doesnt apply",
    ],
)
def test_the_health_screen_answered_no_in_everyday_words(text: str) -> None:
    assert health_answer(text, SCREENED) == HealthAnswer(frozenset({Screen.NONE}))


@pytest.mark.parametrize("text", ["at the moment", "currently", "right now"])
def test_a_time_word_alone_answers_nothing(text: str) -> None:
    assert health_answer(text, SCREENED) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("no, but my knee hurts", {Screen.INJURY}),
        ("no, had a baby in june though", {Screen.POSTPARTUM}),
    ],
)
def test_a_no_with_news_after_it_keeps_the_news(text: str, found: set[Screen]) -> None:
    answer = health_answer(text, SCREENED)
    assert answer is not None
    assert answer.found == found


@pytest.mark.parametrize(
    "text", ["somewhere in the middle", "middle", "in between", "mid", "id say middling"]
)
def test_an_effort_answered_as_the_middle_is_a_5(text: str) -> None:
    assert effort_answer(text, date(2026, 11, 25)) == 5


def test_the_middle_of_something_else_is_no_effort() -> None:
    assert effort_answer("in the middle of the night my calf hurt", date(2026, 11, 25)) is None


@pytest.mark.parametrize(
    "text",
    [
        "ive had a bit of a sore achilles on and off but its fine now",
        "achilles was sore last month, all good now",
    ],
)
def test_a_niggle_said_to_be_fine_now_is_no_injury(text: str) -> None:
    assert health_answer(text, SCREENED) == HealthAnswer(frozenset({Screen.NONE}))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my knee is fine now but my hip hurts", {Screen.INJURY}),
        ("had a sore knee but its better now, hip hurts at the moment", {Screen.INJURY}),
        ("sore achilles, fine now, and im 20 weeks pregnant", {Screen.PREGNANT}),
    ],
)
def test_what_still_hurts_beside_a_niggle_gone_is_kept(text: str, found: set[Screen]) -> None:
    answer = health_answer(text, SCREENED)
    assert answer is not None
    assert answer.found == found
