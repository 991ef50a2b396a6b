"""Session fourteen's general rules (found on a fresh development set, written in my own
words here): swelling said as size ("gone fat", "bigger than the other one", "fluid
round it"), weight that cannot be borne said plainly, a recovery word that begins a sign
("gone fat" is not "gone"), and a rating said of a run or of someone else that is not the
session's effort."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2027, 6, 9)


def _signs(text: str) -> frozenset[RedFlag]:
    intent = understand(text, TODAY)
    return intent.signs | (intent.report.red_flags if intent.report else frozenset())


@pytest.mark.parametrize(
    ("text", "sign", "area"),
    [
        ("my knee's gone all fat since sunday", RedFlag.SWELLING, Area.KNEE),
        ("left ankle looks bigger than the right this morning", RedFlag.SWELLING, Area.ANKLE),
        ("there's some fluid on my knee after the bounds", RedFlag.SWELLING, Area.KNEE),
        ("achilles is twice the size it should be", RedFlag.SWELLING, Area.ACHILLES),
        ("cant put any weight on my left foot", RedFlag.CANNOT_BEAR_WEIGHT, Area.FOOT),
        ("unable to bear weight on the right ankle", RedFlag.CANNOT_BEAR_WEIGHT, Area.ANKLE),
    ],
)
def test_a_sign_said_in_plain_words_is_heard(text: str, sign: RedFlag, area: Area) -> None:
    intent = understand(text, TODAY)
    assert sign in _signs(text)
    assert intent.kind is not IntentKind.FEELS_FINE
    assert intent.report is not None and intent.report.area is area


@pytest.mark.parametrize(
    "text",
    [
        "my calves look bigger since I started the jumps, nice",  # muscle, no area's sign
        "drink plenty of fluid before the session?",
        "the swelling has gone down now",
    ],
)
def test_size_and_fluid_alone_are_no_swelling(text: str) -> None:
    assert RedFlag.SWELLING not in _signs(text)


def test_no_idea_what_i_did_asks_for_no_history() -> None:
    kinds = [
        p.kind for p in understand_all("cant put weight on my foot, no idea what i did", TODAY)
    ]
    assert IntentKind.HISTORY not in kinds


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("went for a tempo run at 8/10, did the hip session after, that one was a 3", 3),
        ("my partner did it with me, she gave it a 9, for me a 6", 6),
        ("spin class this morning like a 9, then did the hip routine tonight, maybe 4", 4),
        ("did it 6/10, then a run 8/10", 6),
    ],
)
def test_a_rating_of_something_else_is_not_the_effort(text: str, effort: int) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.effort == effort
