"""A clinician visit told in words: booked or seen (``cleared.clinician_visit``), and a
clinician's view given through "she" or "he" ("saw the physio, she says stress
reaction"), which names a warning sign of the runner's, not of someone else's."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand
from bot.core.understanding.answers import clinician_answer
from bot.core.understanding.cleared import (
    Visit,
    clinician_cleared,
    clinician_visit,
    only_their_word,
)
from bot.core.understanding.text import tokenise
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2026, 12, 17)


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("booked the gp for tues", Visit.BOOKED),
        ("seeing the physio tomorrow", Visit.BOOKED),
        ("got an appointment with the sports doc on monday", Visit.BOOKED),
        ("saw the physio, she says stress reaction, 6 weeks no running", Visit.SEEN),
        ("physio says 6 weeks no running", Visit.SEEN),
        ("had my physio appt this morning", Visit.SEEN),
        ("went to a&e last night", Visit.SEEN),
        ("should i see a physio?", None),
        ("havent seen the doctor yet", None),
        ("i need to book the gp", None),
        ("i should see a physio", None),
        ("i see", None),
    ],
)
def test_a_visit_told(text: str, visit: Visit | None) -> None:
    assert clinician_visit(text) is visit


@pytest.mark.parametrize(
    "text",
    [
        "saw the physio, she says stress reaction",
        "had my gp appt, he thinks its a stress fracture",
        "saw the physio she says its a stress reaction in my shin",
    ],
)
def test_a_clinicians_view_through_she_or_he_keeps_the_sign(text: str) -> None:
    intent = understand(text, TODAY)
    signs = intent.signs | (intent.report.red_flags if intent.report else frozenset())
    assert RedFlag.STRESS_FRACTURE in signs


@pytest.mark.parametrize(
    "text",
    [
        "my wife saw the physio, she says its a stress fracture",
        "my mate went to the gp and he thinks its a stress fracture",
    ],
)
def test_someone_elses_visit_stays_theirs(text: str) -> None:
    intent = understand(text, TODAY)
    assert not intent.signs
    assert intent.report is None


def test_a_clinicians_view_of_a_feeling_is_still_theirs() -> None:
    intent = understand("saw the physio, she says my hips are tight", TODAY)
    assert intent.report is None
    assert intent.kind is IntentKind.UNKNOWN
    assert Area.HIPS not in intent.fine_areas


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("saw the physio, she says stress reaction, 6 weeks no running", True),
        ("doctor says stress fracture", True),
        ("physio said its fine but i leaked again today", False),
        ("saw the gp, still aching at night though", False),
        ("booked the gp for tues", False),
    ],
)
def test_only_their_word(text: str, theirs: bool) -> None:
    assert only_their_word(text) is theirs


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("my mate went to a&e with the same thing, all clear no clot", False),
        ("my sister saw a physio and got the all clear", False),
        ("my wife drove me to a&e, all clear no clot", True),
        ("my husband took me to the gp, all clear", True),
        ("went to a&e, all clear", True),
    ],
)
def test_someone_elses_all_clear_is_not_the_runners(text: str, cleared: bool) -> None:
    assert clinician_cleared(tokenise(text).words) is cleared


def test_a_go_ahead_with_no_clot_answers_the_clinician_question_yes() -> None:
    assert clinician_answer("my wife drove me to a&e this morning, scan was clear no clot")
    assert clinician_answer("my mate went to a&e, all clear") is None
