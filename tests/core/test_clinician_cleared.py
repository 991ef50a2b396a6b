"""A clinician's go-ahead said in words (docs/coaching.md, "Clearing a hold"): the answer
to "has a clinician cleared you?", never a new pelvic-floor sign; a leak said as happening
now stays one. Written for these tests, in runners' words."""

from __future__ import annotations

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all
from bot.core.understanding.answers import check_answer
from bot.core.vocabulary import RedFlag

CLEARED = [
    "saw a pelvic health physio today about the leaking, she checked me and said im ok to "
    "start hopping again",
    "saw the physio, she cleared me to hop again",
    "physio checked me and said im fine to start jumping again",
    "had my pelvic health physio appointment for the leaks, she gave me the all clear",
    "my physio signed me off, ok to hop again",
]
STILL_A_SIGN = [
    "physio said its fine but i leaked again today",
    "physio said im ok to hop but still leaking a bit when i jump",
    "physio hasnt cleared me yet, still leaking on the jumps",
]
NOT_CLEARED = [
    "physio hasnt cleared me yet",
    "did the physio say im ok to hop?",
    "seeing the physio tomorrow, hopefully she will say im ok to hop",
    "physio said im not ok to hop yet",
]


def _signs(parts: tuple[Intent, ...]) -> frozenset[RedFlag]:
    found: set[RedFlag] = set()
    for part in parts:
        found |= part.signs
        if part.report is not None:
            found |= part.report.red_flags
    return frozenset(found)


@pytest.mark.parametrize("text", CLEARED)
def test_a_go_ahead_said_is_no_sign_but_the_clearance(text: str) -> None:
    parts = understand_all(text)
    assert not _signs(parts), text
    assert any(p.kind is IntentKind.FEELS_FINE and p.cleared for p in parts), parts


@pytest.mark.parametrize("text", STILL_A_SIGN)
def test_a_leak_said_now_stays_a_sign(text: str) -> None:
    parts = understand_all(text)
    assert RedFlag.PELVIC_FLOOR in _signs(parts), text
    assert not any(p.cleared for p in parts)


@pytest.mark.parametrize("text", NOT_CLEARED)
def test_no_go_ahead_said(text: str) -> None:
    assert not any(p.cleared for p in understand_all(text)), text


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("pain 0 but a bit heavy after", False),
        ("felt some pressure down there", False),
        ("fine, no leaking or heaviness", True),
        ("no leaking, pain 1", True),
        ("no leaking but pain 5", False),
        ("walked fine", True),
    ],
)
def test_a_pelvic_floor_check_is_failed_by_leaking_or_heaviness(text: str, passed: bool) -> None:
    assert check_answer(text, pelvic=True) is passed


def test_other_checks_are_judged_on_pain_as_before() -> None:
    assert check_answer("pain 0 but a bit heavy after") is True
