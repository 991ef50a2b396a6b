"""Questions and settings, round 3: a named day, the week, phase and why questions, swap
questions left to the FAQ, reminder and time-zone phrasings, and what a question must never
store. Our own phrasings, not the development sets'. Today is Wednesday 9 December 2026."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, PlanTopic, understand, understand_all

WEDNESDAY = date(2026, 12, 9)


def _day(n: int) -> date:
    return date(2026, 12, n)


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, WEDNESDAY)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("anything on fri?", _day(11)),
        ("whats on next wed", _day(16)),  # said on a Wednesday: a week on
        ("what have i got the day after tomorrow?", _day(11)),
        ("is the day after tomorrow a rest day?", _day(11)),
        ("what's the plan for 17 december?", _day(17)),
        ("what's the session on december 20th?", _day(20)),
        ("anything on saturday or is it a day off", _day(12)),
        ("what's happening thursday?", _day(10)),
        ("anything for me on sat", _day(12)),
        ("anything planned for tues?", _day(15)),
    ],
)
def test_a_named_day_is_asked_about(text: str, day: date) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.topic is PlanTopic.DAY
    assert intent.ask_day == day


def test_two_days_in_one_question_are_two_answers() -> None:
    parts = understand_all("what's on thursday and friday?", WEDNESDAY)
    assert [(p.topic, p.ask_day) for p in parts] == [
        (PlanTopic.DAY, _day(10)),
        (PlanTopic.DAY, _day(11)),
    ]
    today_and_a_day = understand_all("what's on today and saturday?", WEDNESDAY)
    assert [(p.kind, p.ask_day) for p in today_and_a_day] == [
        (IntentKind.TODAY, None),
        (IntentKind.PLAN_QUESTION, _day(12)),
    ]
    texting = understand_all("whats today n whats the rest of the week", WEDNESDAY)
    assert [(p.kind, p.topic) for p in texting] == [
        (IntentKind.TODAY, None),
        (IntentKind.PLAN_QUESTION, PlanTopic.WEEK),
    ]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("show me the week", PlanTopic.WEEK),
        ("what's on this weekend?", PlanTopic.WEEK),
        ("plan for the next couple of days please", PlanTopic.WEEK),
        ("what's happening over the next few days?", PlanTopic.WEEK),
        ("are we in the build part yet?", PlanTopic.PHASE),
        ("is this the base bit or the taper bit now?", PlanTopic.PHASE),
        ("why is saturday only stretches?", PlanTopic.WHY),
    ],
)
def test_the_week_the_phase_and_why_are_asked_about(text: str, topic: PlanTopic) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.topic is topic


@pytest.mark.parametrize(
    "text",
    [
        "could I do a spin class instead this week?",
        "my saturday pilates, can that replace a session?",
        "is it normal to feel wobbly when jumping?",
        "I get a bit breathless when I do the hops, is that ok?",
    ],
)
def test_advice_is_no_plan_question(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is not IntentKind.PLAN_QUESTION or intent.topic is PlanTopic.DAY
    assert intent.topic is not PlanTopic.JUMPS
    assert intent.topic is not PlanTopic.WEEK


@pytest.mark.parametrize(
    ("text", "at", "off"),
    [
        ("daily msg at 6:15 please", time(6, 15), False),
        ("send it at 7.30pm from now on", time(19, 30), False),
        ("send me the msg at 9ish", time(9, 0), False),
        ("stop sending me the morning texts", None, True),
        ("please stop the messages", None, True),
        ("could I get the message earlier?", None, False),
    ],
)
def test_reminder_phrasings(text: str, at: time | None, off: bool) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time == at
    assert intent.reminder_off is off


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("I'm in Denver for six weeks, change my time zone", "Denver"),
        ("in Cork for work, can you fix my time?", "Cork"),
        ("new city: Bristol", "Bristol"),
        ("change city to Dublin", "Dublin"),
        ("working from Porto this month", "Porto"),
    ],
)
def test_a_city_said_with_extra_words_sets_the_zone(text: str, city: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text is not None
    assert intent.timezone_text.split(",")[0] == city


@pytest.mark.parametrize(
    "text",
    [
        "I'm in hotels most of next week for work, can I still train?",
        "away on a work trip next week, can I still do the sessions?",
        "staying in budget hotels all week, can I still do it?",
        "on holiday next week, can I do the session by the pool?",
    ],
)
def test_a_permission_question_stores_no_zone_and_no_break(text: str) -> None:
    for part in understand_all(text, WEDNESDAY):
        assert part.kind not in (IntentKind.SET_TIMEZONE, IntentKind.PAUSE)


def test_a_city_and_a_reminder_time_are_both_set() -> None:
    parts = understand_all("Im in Denver now, send me the msg at 6", WEDNESDAY)
    assert [p.kind for p in parts] == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]
    assert parts[0].timezone_text is not None
    assert parts[0].timezone_text.startswith("Denver")
    assert parts[1].reminder_time == time(6, 0)


@pytest.mark.parametrize(
    "text",
    [
        "what are the signs of a hamstring tear?",
        "what is a stress reaction and how would I know if I had one?",
        "what exactly is a stress fracture?",
    ],
)
def test_a_general_question_about_signs_is_no_report(text: str) -> None:
    intent = understand(text, WEDNESDAY)
    assert intent.report is None
    assert not intent.signs
    assert intent.kind is not IntentKind.WARNING_SIGN


def test_a_sign_of_the_runners_own_still_wins_over_a_general_question() -> None:
    intent = understand(
        "what are the signs of a stress fracture? my shin aches when I hop", WEDNESDAY
    )
    assert intent.report is not None
    assert intent.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "is it fine to train late at night?",
        "which is better, stretching before or after?",
        "is it better to do it in the morning?",
        "broke my ankle years ago, fully healed, anything to watch?",
        "tore a calf back in 2021, healed now, should I be careful with the hops?",
    ],
)
def test_a_question_with_a_recovery_word_is_no_fine_report(text: str) -> None:
    assert understand(text, WEDNESDAY).kind is not IntentKind.FEELS_FINE


def test_a_fine_report_is_still_one() -> None:
    assert understand("knee is fine now", WEDNESDAY).kind is IntentKind.FEELS_FINE
    parts = understand_all("calf feels fine now, when can we do the hops again?", WEDNESDAY)
    assert [(p.kind, p.topic) for p in parts] == [
        (IntentKind.FEELS_FINE, None),
        (IntentKind.PLAN_QUESTION, PlanTopic.JUMPS),
    ]


@pytest.mark.parametrize(
    ("text", "progress"),
    [
        ("my mate keeps bragging about his streak on the club chat", False),
        ("show me my streak", True),
        ("stats?", True),
        ("my progress", True),
    ],
)
def test_a_progress_word_only_said_is_no_request(text: str, progress: bool) -> None:
    assert (understand(text, WEDNESDAY).kind is IntentKind.PROGRESS) is progress


def test_someone_elses_hip_is_no_report() -> None:
    intent = understand("my hubby's hip is killing him after squash", WEDNESDAY)
    assert intent.report is None


def test_races_said_in_other_words() -> None:
    entered = understand("entered a 50k on 12 september", WEDNESDAY)
    assert entered.kind is IntentKind.RACE_DATE
    assert entered.race_date == date(2027, 9, 12)
    dropped = understand("not doing the marathon anymore, pulling out", WEDNESDAY)
    assert dropped.kind is IntentKind.RACE_DATE
    assert dropped.race_off
    parts = understand_all("my half is on 3 january, and when do the jumps stop?", WEDNESDAY)
    assert [(p.kind, p.topic) for p in parts] == [
        (IntentKind.RACE_DATE, None),
        (IntentKind.PLAN_QUESTION, PlanTopic.JUMPS),
    ]


def test_help_and_thanks_phrasings() -> None:
    assert understand("what can u do?", WEDNESDAY).kind is IntentKind.HELP
    assert understand("thanks a bunch", WEDNESDAY).kind is IntentKind.THANKS
    assert _kinds("what can you do? and what's on tomorrow") == [
        IntentKind.HELP,
        IntentKind.PLAN_QUESTION,
    ]


def test_a_question_about_a_week_gone_by_logs_no_skip() -> None:
    parts = understand_all("I'm back. missed the whole week, should I redo it?", WEDNESDAY)
    assert all(p.kind is not IntentKind.SKIPPED for p in parts)
    assert any(p.kind is IntentKind.RESUME for p in parts)


@pytest.mark.parametrize(
    "text",
    [
        "still stiff from sunday's race, ok to train?",
        "legs wrecked after the 10k on saturday",
    ],
)
def test_a_feeling_after_a_race_stores_no_race_date(text: str) -> None:
    for part in understand_all(text, WEDNESDAY):
        assert part.race_date is None


def test_a_race_said_as_a_week_or_a_month_is_asked_about() -> None:
    for text in ("my race is next week", "the marathon is next month"):
        intent = understand(text, WEDNESDAY)
        assert intent.kind is IntentKind.RACE_DATE
        assert intent.race_date is None
        assert not intent.race_off


@pytest.mark.parametrize(
    "text",
    ["is it safe to continue with a cold?", "when do I restart the hops after my race?"],
)
def test_a_restart_asked_about_is_no_resume(text: str) -> None:
    assert all(p.kind is not IntentKind.RESUME for p in understand_all(text, WEDNESDAY))
    assert understand("ready to continue now", WEDNESDAY).kind is IntentKind.RESUME


def test_a_holiday_with_a_pause_asked_for_is_still_a_pause() -> None:
    intent = understand("on holiday next week, can you pause it?", WEDNESDAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_from == _day(14)


@pytest.mark.parametrize(
    "text", ["I'm in my sixties, is this ok for me?", "I'm in my hotel room, can I do it here?"]
)
def test_in_my_something_is_no_city(text: str) -> None:
    assert understand(text, WEDNESDAY).kind is not IntentKind.SET_TIMEZONE
