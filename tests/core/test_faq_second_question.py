"""Two questions in one message get both answers (``Faq.also_asked``): each question in a
piece of its own after a "?", or before "and", "also" or a comma that opens a question.
One question, or a question beside a log, gets one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import understand, understand_all

FAQ = load_content().faq
TODAY = date(2026, 12, 17)


def _asked(text: str) -> list[str]:
    first, _ = FAQ.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    if first is None:
        return []
    also = FAQ.also_asked(text, first)
    return [first.id] + ([also.id] if also else [])


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("how long does a session take and do i need weights", {"session-length", "equipment"}),
        ("can i do it at night? and what should i eat before", {"evening", "eat-before"}),
        (
            "do i need to warm up before the jumps, also what shoes are best",
            {"warm-up", "shoes-for-jumps"},
        ),
    ],
)
def test_two_questions_get_two_answers(text: str, ids: set[str]) -> None:
    assert set(_asked(text)) == ids


@pytest.mark.parametrize(
    "text",
    [
        "can I do it after a long run?",
        "is it ok to do the session in the evening after work?",
        "done! can i run later today?",
    ],
)
def test_one_question_gets_one_answer(text: str) -> None:
    assert len(_asked(text)) <= 1
