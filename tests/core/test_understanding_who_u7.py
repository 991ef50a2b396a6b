"""Who and whether: what is said but is no request or state of the runner's own now (a
friend's injury, a supposition, a refusal, a joke, quoted words) stores nothing; a warning
sign of the runner's own body now is still caught, even inside a question."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all

TUESDAY = date(2026, 12, 8)
_STORING = frozenset(
    {
        IntentKind.DONE,
        IntentKind.SKIPPED,
        IntentKind.BODY_REPORT,
        IntentKind.SET_REMINDER,
        IntentKind.SET_TIMEZONE,
        IntentKind.RACE_DATE,
        IntentKind.PAUSE,
        IntentKind.RESUME,
        IntentKind.WARNING_SIGN,
    }
)


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TUESDAY)


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in _all(text)}


def _warned(text: str) -> bool:
    return any(
        i.signs or i.kind is IntentKind.WARNING_SIGN or (i.report and i.report.red_flags)
        for i in _all(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "my clubmate just got told she has a stress fracture in her foot, how do i avoid one?",
        "a friend of mine has numbness in his saddle area, crazy right",
        "what happens if i get sciatica from the jumps?",
        "hypothetically if i got numb toes on the hops, would that be bad",
        "say i'm on holiday for 10 days in march, will i lose my progress?",
        "if my hamstrings are still tight tomorrow should i skip it?",
        "if i got injured next month could i restart the plan?",
        "what if i get a stress fracture?",
    ],
)
def test_other_people_and_suppositions_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "my foot is numb, should I stop?",
        "pins and needles in my toes since the hops, what should i do?",
        "if my foot is still numb tomorrow should i stop?",
        "my mate has sciatica but i've got numbness down my leg too",
    ],
)
def test_own_warning_signs_in_questions_are_caught(text: str) -> None:
    assert _warned(text), _all(text)


def test_a_friends_sign_then_own_done_logs_the_done_with_its_effort() -> None:
    found = _all("buddy of mine has numbness in both legs, sent him to a&e. did my session, 7")
    assert [i.kind for i in found] == [IntentKind.DONE]
    assert found[0].effort == 7
    assert found[0].report is None
