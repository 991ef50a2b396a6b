"""A question typed without "?" after a log (round 10): "done todays 6 and can i go for a run
tonight as well" logs the session and answers the question; a log with no question in it
gets no answer."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.faq import Faq
from bot.core.understanding import IntentKind, understand, understand_all

TODAY = date(2027, 4, 21)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("did it, 4/10, can i run later today as well", "same-day-run"),
        ("done 3/10 way too easy, can it be harder", "too-easy"),
        ("did the session 7 effort and should i do it on a treadmill next time", "treadmill"),
    ],
)
def test_a_question_without_a_question_mark_after_a_log_is_answered(
    faq: Faq, text: str, entry_id: str
) -> None:
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert found.id == entry_id
    assert [p.kind for p in parts][:1] == [IntentKind.DONE]


@pytest.mark.parametrize(
    "text", ["did it, 6/10 and it was fine", "done 5 and the hops felt good", "did it 9/10 effort"]
)
def test_a_log_alone_gets_no_answer(faq: Faq, text: str) -> None:
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is None
    assert [p.kind for p in parts] == [IntentKind.DONE]


def test_a_question_inside_one_run_on_clause_after_a_log_is_answered(faq: Faq) -> None:
    text = "done 5/10 can i run later today as well"
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert found.id == "same-day-run"
    assert [(p.kind, p.effort) for p in parts] == [(IntentKind.DONE, 5)]
