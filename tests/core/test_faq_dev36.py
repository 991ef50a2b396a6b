"""Session twenty-one: a question opened with "random q:" or "quick question -" is matched
without its opener; "post partum" and "post-natal" are the after-birth answer's; a long
message about a tiny flat or children climbing on the mat finds its answer."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, understand, understand_all

FAQ = load_content().faq
TODAY = date(2033, 5, 4)  # a Wednesday


def _questions(text: str) -> tuple[list[str], list[IntentKind]]:
    asked, kept = FAQ.questions(understand(text, TODAY), understand_all(text, TODAY), text, TODAY)
    return [entry.id for entry in asked], [part.kind for part in kept]


@pytest.mark.parametrize(
    ("text", "ids", "kinds"),
    [
        (
            "skipped today, hectic at work. random q: can you train with a cold?",
            ["illness"],
            [IntentKind.SKIPPED],
        ),
        (
            "did it, 5. also, quick question - do I need shoes for the jumps?",
            ["shoes-for-jumps"],
            [IntentKind.DONE],
        ),
        ("hey! I'm 4 months post partum, when can I start the hops?", ["after-birth"], []),
        ("6 weeks post-natal, can I do the mobility?", ["after-birth"], []),
    ],
)
def test_the_question_is_found_past_its_opener(
    text: str, ids: list[str], kinds: list[IntentKind]
) -> None:
    assert _questions(text) == (ids, kinds)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        (
            "My kids are 3 and 5 and they think the band exercises are a game. Every time I get "
            "down on the mat someone climbs on me. Any tips for actually getting a session done "
            "with little ones around?",
            "interruptions",
        ),
        (
            "I live in a tiny flat and can't jump without disturbing the neighbours, "
            "what can I do instead?",
            "no-space-to-jump",
        ),
    ],
)
def test_a_situation_told_in_many_words_finds_its_answer(text: str, entry_id: str) -> None:
    found = FAQ.match(text)
    assert found is not None
    assert found.id == entry_id
