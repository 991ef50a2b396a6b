"""Every question a message asks in a piece of its own is answered (``Faq.questions``, at
most ``MOST_ANSWERS``), beside what else it says: a log, a setting, a plan question. A
piece the plan answers ("what's on sunday, is it a rest day?"), a follow-up of a
situation's answer ("pregnant, can I keep doing this?") and anything beside a warning sign
get no answer of their own."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.faq import MOST_ANSWERS
from bot.core.understanding import IntentKind, understand, understand_all

FAQ = load_content().faq
TODAY = date(2026, 12, 17)  # a Thursday


def _questions(text: str) -> tuple[list[str], list[IntentKind]]:
    asked, kept = FAQ.questions(understand(text, TODAY), understand_all(text, TODAY), text, TODAY)
    return [entry.id for entry in asked], [part.kind for part in kept]


@pytest.mark.parametrize(
    ("text", "ids", "kinds"),
    [
        (
            "did it on my lunch break 6/10. is it ok to do it at night",
            ["evening"],
            [IntentKind.DONE],
        ),
        (
            "work trip next week so ill be in a hotel, can I do it in the room? "
            "what shoes for jumps",
            ["hotel-travel", "shoes-for-jumps"],
            [],
        ),
        (
            "what is on tomorrow and does cycling count as cross training",
            ["cycling-cross-training"],
            [IntentKind.PLAN_QUESTION],
        ),
        (
            "remind me at 7 and is it ok to do the hops at night",
            ["evening"],
            [IntentKind.SET_REMINDER],
        ),
        (
            "resume me please and does cycling count as cross training",
            ["cycling-cross-training"],
            [IntentKind.RESUME],
        ),
    ],
)
def test_a_question_in_a_piece_of_its_own_is_answered(
    text: str, ids: list[str], kinds: list[IntentKind]
) -> None:
    found, kept = _questions(text)
    assert set(ids) <= set(found)
    assert set(kinds) <= set(kept)


def test_never_more_than_the_most_answers() -> None:
    text = (
        "how long should i hold stretches? do i need to warm up before jumps? is it ok on a "
        "hill day? what shoes for jumps? what should i eat before?"
    )
    assert len(_questions(text)[0]) == MOST_ANSWERS


def test_a_warning_sign_is_answered_alone() -> None:
    found, _ = _questions("sharp pain in my shin when i hop, what shoes are best for jumps?")
    assert found == []


def test_a_day_named_while_its_plan_is_asked_is_the_plans() -> None:
    found, kept = _questions("what's on sunday, is it a rest day for me this week")
    assert "rest-days" not in found
    assert IntentKind.PLAN_QUESTION in kept
