"""A skip of today said before a question (round 9): "not doing it today, got a cold. can i
even train with a cold?" logs the skip and answers the question; a skip never said, only
asked about ("got a cold, is it ok to still do the session?"), logs nothing."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.faq import Faq
from bot.core.understanding import IntentKind, understand, understand_all

TODAY = date(2026, 12, 10)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("not doing it today, got a cold 🤧 can i even train with a cold", "illness"),
        ("not doing it today, got flu. is it ok to train with flu?", "illness"),
        (
            "no session today, too knackered after the long run. is it ok to do it tmrw on a "
            "day i run?",
            "same-day-run",
        ),
    ],
)
def test_a_skip_of_today_before_a_question_is_logged_and_answered(
    faq: Faq, text: str, entry_id: str
) -> None:
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert found.id == entry_id
    assert [(p.kind, p.log_day) for p in parts] == [(IntentKind.SKIPPED, None)]


@pytest.mark.parametrize(
    "text", ["got a cold, is it ok to still do the session?", "missed a week, what now?"]
)
def test_a_skip_only_asked_about_logs_nothing(faq: Faq, text: str) -> None:
    _, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert all(p.kind is not IntentKind.SKIPPED for p in parts)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("thanks coach 🙏 how long till i actually see results tho", "results"),
        ("thanks coach, when will i see results", "results"),
        ("thanks! is it ok on a hill session day?", "hill-day"),
    ],
)
def test_thanks_before_a_question_is_kept_beside_the_answer(
    faq: Faq, text: str, entry_id: str
) -> None:
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert found.id == entry_id
    assert [p.kind for p in parts] == [IntentKind.THANKS]


@pytest.mark.parametrize("text", ["thanks so much", "thank you coach", "cheers mate"])
def test_thanks_alone_asks_nothing(faq: Faq, text: str) -> None:
    found, _ = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is None


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to do it at like 10pm after the kids are in bed",
        "can i do it at 9pm",
        "is it fine to do the session around 8.30pm",
    ],
)
def test_a_late_hour_asked_about_is_the_evening_question(faq: Faq, text: str) -> None:
    found = faq.match(text)
    assert found is not None
    assert found.id == "evening"
