"""FAQ matching of runners' own wordings: more phrasings per topic, a question beside a
report or a setting, a feeling only supposed, a log said first, and unrelated messages
that must not match. Phrasings here are written for the tests, not copied from the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.core.faq import Faq
from bot.core.understanding import IntentKind, understand, understand_all

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 7)


def answer(faq: Faq, text: str) -> str | None:
    found = faq.answer(understand(text, TODAY), text)
    return found.id if found else None


def beside(faq: Faq, text: str) -> str | None:
    found = faq.answer_beside(understand(text, TODAY), text)
    return found.id if found else None


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("is it fine to do it at night after I finish work?", "evening"),
        ("can I do the hip work late at night, around 10pm?", "evening"),
        ("my cat keeps jumping on me mid workout", "interruptions"),
        ("is it ok to do it at night once the kids are asleep?", "evening"),
        ("I'm 14 wks pregnant, ok to keep going with this?", "pregnancy"),
        ("tore my calf 3 yrs ago, is this plan ok for me", "past-injury"),
        ("the sessions feel way too easy, I've been running for ages", "too-easy"),
        ("finding the sessions far too hard, can't get through them", "too-hard"),
        (
            "top floor flat with neighbours below me, what do I do about the hops?",
            "no-space-to-jump",
        ),
        ("what do I wear on my feet for the hops? is barefoot fine", "shoes-for-jumps"),
        ("do I keep doing the sessions in race week or stop them?", "taper"),
        ("I'm sat down at a desk 10 hours a day, will it hold me back?", "desk-job"),
        ("why the hips specifically and not the core?", "why-hips"),
        ("had my baby 10 weeks ago, when can I start this?", "after-birth"),
        ("how can I avoid stress fractures?", "bone-stress"),
        ("feeling under the weather, should I skip?", "illness"),
        ("is it ok to train if my quads are sore?", "while-sore"),
        ("if my calves are still sore from sunday, should I do it?", "while-sore"),
    ],
)
def test_more_runners_wordings_find_their_question(faq: Faq, text: str, entry_id: str) -> None:
    assert answer(faq, text) == entry_id


@pytest.mark.parametrize(
    "text",
    [
        "whats the weather like in york",
        "nice weather for a run today",
        "did it yesterday, 6. what's on today?",
        "done! what did I do last week?",
        "done ✅ what's tomorrow?",
        "back from my trip, can we restart?",
        "my dog ate my trainers lol",
        "night!",
    ],
)
def test_unrelated_messages_and_commands_do_not_match(faq: Faq, text: str) -> None:
    assert answer(faq, text) is None


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("hamstrings sore 3, can I run on the same day as the session?", "same-day-run"),
        ("left calf stiff. how long should I hold the calf stretch", "stretch-hold"),
        ("my glute is sore, can I still do it?", "while-sore"),
        ("half marathon is on 19.12! do I keep the sessions going in race week?", "taper"),
    ],
)
def test_a_question_beside_a_report_or_setting_is_answered(
    faq: Faq, text: str, entry_id: str
) -> None:
    assert answer(faq, text) is None  # the report or setting is stored first
    assert beside(faq, text) == entry_id


@pytest.mark.parametrize(
    "text",
    [
        "calf sore 3",  # no question
        "quads tight 4, what's on today?",  # the plan answers it
        "sharp pain in my shin when I hop, can I run on the same day?",  # triaged
        "remind me at 7, thanks",
    ],
)
def test_nothing_is_answered_beside_without_a_question_or_with_a_warning_sign(
    faq: Faq, text: str
) -> None:
    assert beside(faq, text) is None


def test_a_supposed_soreness_with_a_warning_sign_is_not_answered(faq: Faq) -> None:
    text = "is it ok to keep going if my shin hurts when I hop?"
    assert understand(text, TODAY).kind in (IntentKind.BODY_REPORT, IntentKind.WARNING_SIGN)
    assert answer(faq, text) is None


def test_a_report_then_a_question_is_not_a_supposed_soreness(faq: Faq) -> None:
    assert answer(faq, "calves sore. is it ok if I do it?") is None


def test_advice_on_race_week_sets_no_race(faq: Faq) -> None:
    text = "do I keep doing the sessions in race week or stop them?"
    assert understand(text, TODAY).kind is not IntentKind.RACE_DATE
    assert answer(faq, text) == "taper"


def test_asking_when_to_start_after_a_birth_resumes_nothing(faq: Faq) -> None:
    text = "my baby is 9 weeks old and I want to get going again, when can I start?"
    assert answer(faq, text) == "after-birth"


@pytest.mark.parametrize(
    "text",
    [
        "if I miss a session do I need to catch it up?",
        "if i skip a day should i make it up the next",
    ],
)
def test_a_miss_supposed_is_the_missed_session_question(faq: Faq, text: str) -> None:
    assert answer(faq, text) == "missed-session"


def test_a_done_with_a_report_and_a_question_keeps_the_log_and_the_report(faq: Faq) -> None:
    text = "done today's, tough. calves both sore after, 3/10. how long before I see results?"
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert found.id == "results"
    assert any(p.kind is IntentKind.DONE for p in parts)


def test_a_question_about_skipping_keeps_no_skip(faq: Faq) -> None:
    text = "I missed a week, what now?"
    found, parts = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert found is not None
    assert parts == ()
