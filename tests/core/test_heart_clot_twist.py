"""Warning signs a physio would never let pass: heart signs, a possible clot, a twisted joint."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.triage import Tier, triage
from bot.core.understanding import IntentKind, understand_all
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2026, 12, 6)


def _signs(text: str) -> set[RedFlag]:
    found: set[RedFlag] = set()
    for intent in understand_all(text, TODAY):
        found |= intent.signs
        if intent.report is not None:
            found |= intent.report.red_flags
    return found


@pytest.mark.parametrize(
    "said",
    [
        "chest pain on my run",
        "got chest pain n felt dizzy on my run this morning",
        "i fainted during my run",
        "passed out after my run",
        "nearly blacked out on the hill reps",
        "short of breath and my chest hurts",
        "heart was racing and wouldnt slow down after the hops",
    ],
)
def test_heart_signs_are_an_emergency(said: str) -> None:
    signs = _signs(said)
    assert RedFlag.HEART_SIGNS in signs
    assert triage(signs) is Tier.EMERGENCY


@pytest.mark.parametrize(
    "said",
    ["calf swollen red and hot, hurts", "my left calf is hot to the touch and swollen"],
)
def test_a_hot_swollen_calf_is_a_possible_clot(said: str) -> None:
    assert RedFlag.CLOT_SIGNS in _signs(said)


@pytest.mark.parametrize(
    ("said", "area"),
    [
        ("rolled my ankle, cant put weight on it", Area.ANKLE),
        ("twisted my knee playing football, hurts", Area.KNEE),
        ("went over on my ankle on a kerb, sore", Area.ANKLE),
    ],
)
def test_a_twisted_joint_is_read_like_a_fall(said: str, area: Area) -> None:
    (intent,) = understand_all(said, TODAY)
    assert intent.report is not None
    assert intent.report.area is area
    assert RedFlag.AFTER_FALL in intent.report.red_flags


@pytest.mark.parametrize(
    "said",
    [
        "no chest pain, just tired legs",
        "a faint twinge in my calf",
        "heart rate was 160 on the run",
        "rolled my calves with the foam roller, bit sore",
        "i rolled my eyes at the hops lol",
        "ankle rolls were easy",
    ],
)
def test_everyday_words_are_no_such_sign(said: str) -> None:
    signs = _signs(said)
    assert not signs & {RedFlag.HEART_SIGNS, RedFlag.CLOT_SIGNS, RedFlag.AFTER_FALL}
    assert all(i.kind is not IntentKind.WARNING_SIGN for i in understand_all(said, TODAY))


def test_a_knee_giving_way_is_no_nerve_sign() -> None:
    (intent,) = understand_all("knee gave way n its clicking", TODAY)
    assert intent.report is not None
    assert intent.report.area is Area.KNEE
    assert intent.report.red_flags == {RedFlag.GIVING_WAY}
    assert triage(intent.report.red_flags) is Tier.NERVE


def test_a_hot_swollen_calf_and_breathlessness_is_an_emergency_now() -> None:
    signs = _signs("right calf is swollen and hot and kinda hurts, also a bit out of breath today")
    assert {RedFlag.CLOT_SIGNS, RedFlag.HEART_SIGNS} <= signs


def test_asking_why_the_plan_is_on_hold_pauses_nothing() -> None:
    for said in ("why did u put me on hold??", "why am i paused"):
        (intent,) = understand_all(said, TODAY)
        assert intent.kind is IntentKind.PLAN_QUESTION
