"""Plan questions as people type them (round 8, from a new runner's trial and a fresh
development set): "my week", "wots on 2moro", "in 3 days", the block asked for without a
question word, "what's left this week" after "remind me", and whether a log went in."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, PlanTopic, understand_all
from bot.core.vocabulary import RedFlag

MONDAY = date(2026, 12, 14)


@pytest.mark.parametrize(
    ("text", "topic", "day"),
    [
        ("what does my week look like", PlanTopic.WEEK, None),
        ("hows my week looking?", PlanTopic.WEEK, None),
        ("remind me what's left this week", PlanTopic.WEEK, None),
        ("whats left for this week?", PlanTopic.WEEK, None),
        ("wots on 2moro", PlanTopic.DAY, date(2026, 12, 15)),
        ("wot have i got tmrw?", PlanTopic.DAY, date(2026, 12, 15)),
        ("whats on in 3 days", PlanTopic.DAY, date(2026, 12, 17)),
        ("what's the session in four days?", PlanTopic.DAY, date(2026, 12, 18)),
        ("full program overview pls", PlanTopic.BLOCK, None),
        ("whole plan overview please", PlanTopic.BLOCK, None),
        ("can u show me the full 8 weeks", PlanTopic.BLOCK, None),
        ("remind me whats on tomorrow", PlanTopic.DAY, date(2026, 12, 15)),
    ],
)
def test_plan_questions_as_typed(text: str, topic: PlanTopic, day: date | None) -> None:
    (intent,) = understand_all(text, MONDAY)
    assert (intent.kind, intent.topic, intent.ask_day) == (IntentKind.PLAN_QUESTION, topic, day)


@pytest.mark.parametrize(
    "text",
    ["did i log yesterday?", "have i logged fridays session?", "did you record it?"],
)
def test_asking_whether_a_log_went_in_shows_the_history(text: str) -> None:
    (intent,) = understand_all(text, MONDAY)
    assert intent.kind is IntentKind.HISTORY


def test_remind_me_of_today_is_still_today() -> None:
    (intent,) = understand_all("remind me what today's session is", MONDAY)
    assert intent.kind is IntentKind.TODAY


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("hey coach! did yesterday's, 6. whats on today?", ["greeting", "done", "today"]),
        ("hi coach, did the session. 5/10", ["greeting", "done"]),
        ("morning! skipping today, sick", ["greeting", "skipped"]),
        ("hi", ["greeting"]),
        ("good morning", ["greeting"]),
        ("did it, morning was busy", ["done"]),
    ],
)
def test_a_greeting_first_is_greeted_back_first(text: str, kinds: list[str]) -> None:
    assert [intent.kind.value for intent in understand_all(text, MONDAY)] == kinds


def test_no_hello_before_a_warning_sign() -> None:
    found = understand_all("hey, my knee gave way on the stairs", MONDAY)
    assert IntentKind.GREETING not in [intent.kind for intent in found]


@pytest.mark.parametrize(
    "text",
    [
        "the pain in my left shin got worse with every hop so i stopped",
        "my foot got sorer with every jump",
        "groin kept getting worse with each landing, had to stop",
    ],
)
def test_pain_building_with_hops_at_a_bone_stress_site_is_the_hop_test(text: str) -> None:
    """A second trial: a shin that got worse with every hop was triaged as a hold for a
    physio 'if not settled within a few days'; at a bone stress site it is pain on hopping
    (a doctor soon, no running or jumping)."""
    flags = {flag for i in understand_all(text, MONDAY) if i.report for flag in i.report.red_flags}
    assert RedFlag.PAIN_ON_HOPPING in flags


def test_a_knee_building_with_hops_stays_a_hold_sign() -> None:
    (intent,) = understand_all("my knee got worse and worse with every hop so i stopped", MONDAY)
    assert intent.report is not None
    assert intent.report.red_flags == frozenset({RedFlag.WORSENING_DURING_RUN})
