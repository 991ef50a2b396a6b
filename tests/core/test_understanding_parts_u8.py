"""Messages with several parts, days said vaguely or as a list, and races that are no race.
Our own phrasings, not the development sets'. Today is Monday 14 December 2026."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import Intent, IntentKind, PlanTopic, Unclear, replies, understand_all
from bot.core.vocabulary import Area
from bot.presentation.questions import unclear_log_day

MONDAY = date(2026, 12, 14)
D, S = IntentKind.DONE, IntentKind.SKIPPED


def _day(n: int) -> date:
    return date(2026, 12, n)


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, MONDAY)


def _logs(text: str) -> list[tuple[IntentKind, date, int | None]]:
    return sorted(
        (i.kind, i.log_day or MONDAY, i.effort)
        for i in _all(text)
        if i.kind in (D, S) and i.unclear is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "finished the hip one the other day, never told you",
        "did it a few days ago but forgot to log it, 6/10",
        "skipped one earlier this week, sorry",
        "did the session sometime last week, forgot to say",
        "the other night i did the mobility routine",
    ],
)
def test_a_vague_past_day_is_asked_and_nothing_is_logged(text: str) -> None:
    found = _all(text)
    assert _logs(text) == []
    asked = [i for i in found if i.unclear_slot is Unclear.LOG_DAY]
    assert asked
    assert asked[0].unclear is not None
    assert "Which day" in unclear_log_day(asked[0].unclear)


def test_a_vague_day_beside_a_named_day_is_that_day() -> None:
    assert _logs("did it the other day, on tuesday") == [(D, _day(8), None)]


def test_a_question_about_last_week_logs_today_not_asked() -> None:
    assert _logs("finished. what did i do last week?") == [(D, MONDAY, None)]


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("did tuesday and wednesday last week", [(D, _day(8), None), (D, _day(9), None)]),
        ("missed monday and friday last week, ill", [(S, _day(7), None), (S, _day(11), None)]),
        ("did monday last week, forgot to log, 6", [(D, _day(7), 6)]),
        # today's name said first, then a day gone by this week: last week's
        ("did monday and tuesday, both easy", [(D, _day(7), 3), (D, _day(8), 3)]),
        # said last, today is today
        ("did sunday and monday, 5/10", [(D, _day(13), 5), (D, MONDAY, 5)]),
    ],
)
def test_days_of_last_week_and_never_today_for_a_list(
    text: str, logs: list[tuple[IntentKind, date, int | None]]
) -> None:
    assert _logs(text) == logs


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("missed tues weds thurs, conference", (8, 9, 10)),
        ("skipped wed thu and fri, work trip", (9, 10, 11)),
        ("couldn't do saturday sunday, family stuff", (12, 13)),
    ],
)
def test_days_listed_with_spaces_are_one_skip_each_with_the_reason(
    text: str, days: tuple[int, ...]
) -> None:
    found = _all(text)
    assert [(i.kind, i.log_day) for i in found] == [(S, _day(n)) for n in days]
    assert all(i.reason for i in found)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("going to my parents from friday, back on monday the 28th, pause pls", 18, 27),
        ("pause please, away till sunday the 27th", None, 27),
        ("away from thursday the 17th to tuesday the 22nd, pause", 17, 22),
    ],
)
def test_a_weekday_before_its_date_is_the_date(text: str, first: int | None, last: int) -> None:
    found = _all(text)
    assert [(i.kind, i.pause_from, i.pause_until) for i in found] == [
        (IntentKind.PAUSE, _day(first) if first else None, _day(last))
    ]


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("forgot to log: did wed and thu, 5 and 6", [(D, _day(9), 5), (D, _day(10), 6)]),
        ("did tues and thurs, 4/10 and 7/10", [(D, _day(8), 4), (D, _day(10), 7)]),
        ("did sat and sun: easy then hard", [(D, _day(12), 3), (D, _day(13), 8)]),
        ("sat was easy sun was hard", [(D, _day(12), 3), (D, _day(13), 8)]),
        (
            "did both sessions this weekend, sat was easy sun was hard",
            [(D, _day(12), 3), (D, _day(13), 8)],
        ),
        ("thursday's one was tough, friday's was easy", [(D, _day(10), 8), (D, _day(11), 3)]),
    ],
)
def test_each_day_gets_its_own_effort_in_the_order_said(
    text: str, logs: list[tuple[IntentKind, date, int | None]]
) -> None:
    assert _logs(text) == logs


def test_a_run_rated_by_day_is_no_log() -> None:
    assert _logs("sat's long run was hard, sun was easy") == []


@pytest.mark.parametrize(
    ("text", "day", "effort"),
    [
        ("smashed saturday's one, felt easy", 12, 3),
        ("nailed yesterdays, 6/10", 13, 6),
        ("crushed thursday's session", 10, None),
    ],
)
def test_a_days_session_smashed_is_done_that_day(text: str, day: int, effort: int | None) -> None:
    assert _logs(text) == [(D, _day(day), effort)]


def test_legs_smashed_after_a_days_run_is_no_log() -> None:
    assert _logs("legs smashed after saturday's long run") == []


def _kinds(text: str) -> list[tuple[IntentKind, object, object]]:
    return [(i.kind, i.topic, i.ask_day or i.log_day or i.effort) for i in _all(text)]


Q = IntentKind.PLAN_QUESTION


@pytest.mark.parametrize(
    ("text", "first", "question"),
    [
        ("did it, easy. when do the jumps start?", (D, None, 3), (Q, PlanTopic.JUMPS, None)),
        ("finished, 6/10. which phase am i in?", (D, None, 6), (Q, PlanTopic.PHASE, None)),
        ("rpe 7 today. what phase am i in now", (D, None, 7), (Q, PlanTopic.PHASE, None)),
        ("done 4/10. tomorrow?", (D, None, 4), (Q, PlanTopic.DAY, _day(15))),
        ("done todays, whats up tomorrow?", (D, None, None), (Q, PlanTopic.DAY, _day(15))),
        (
            "skipped today, too tired. whats on tomorrow?",
            (S, None, None),
            (Q, PlanTopic.DAY, _day(15)),
        ),
    ],
)
def test_a_log_beside_a_question_keeps_both(
    text: str, first: tuple[object, ...], question: tuple[object, ...]
) -> None:
    assert _kinds(text) == [first, question]


@pytest.mark.parametrize("text", ["effort 6", "rpe 7 today", "effort 6/10 for today's session"])
def test_a_rating_alone_is_a_done(text: str) -> None:
    found = _all(text)
    assert [i.kind for i in found] == [D]
    assert found[0].effort in (6, 7)


def test_a_rating_off_the_scale_alone_logs_nothing() -> None:
    assert _logs("rpe 14/10 today") == []


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("what's today's session and tomorrow's", (None, _day(15))),
        ("whats on saturday, and sunday?", (_day(19), _day(20))),
        ("what's tomorrow's session, and thursday's?", (_day(15), _day(17))),
    ],
)
def test_two_days_asked_are_both_answered(text: str, days: tuple[date | None, ...]) -> None:
    found = _all(text)
    assert tuple(i.ask_day for i in found) == days
    assert all(i.kind in (IntentKind.TODAY, Q) for i in found)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("missed friday and saturday, can i do two in one day to catch up?", (11, 12)),
        ("skipped wed and thu, should i repeat the week?", (9, 10)),
        ("missed saturday, is it ok to do it today instead?", (12,)),
    ],
)
def test_skips_of_named_days_before_a_question_are_kept(text: str, days: tuple[int, ...]) -> None:
    assert [(k, d) for k, d, _ in _logs(text)] == [(S, _day(n)) for n in days]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("resume please, calf feels fine now", Area.CALVES),
        ("back now, hamstring has recovered", Area.HAMSTRINGS),
        ("resume me, knee's recovered", Area.KNEE),
    ],
)
def test_a_resume_beside_a_recovery_keeps_both(text: str, area: Area) -> None:
    found = _all(text)
    assert [i.kind for i in found] == [IntentKind.FEELS_FINE, IntentKind.RESUME]
    assert found[0].fine_areas == (area,)


@pytest.mark.parametrize(
    ("text", "city", "hour"),
    [
        ("move my reminder to 8pm, im in toronto now", "Toronto", 20),
        ("change reminder to 7am, I'm in Berlin now", "Berlin", 7),
        ("i'm in LA now so the reminders are coming at weird times", "Los Angeles", None),
        ("I'm in Tokyo now so my reminders are all over the place", "Tokyo", None),
    ],
)
def test_a_new_zone_beside_the_reminders_is_set(text: str, city: str, hour: int | None) -> None:
    found = _all(text)
    zone = [i for i in found if i.kind is IntentKind.SET_TIMEZONE]
    assert zone
    assert (zone[0].timezone_text or "").startswith(city)
    reminders = [i.reminder_time for i in found if i.kind is IntentKind.SET_REMINDER]
    assert reminders == ([] if hour is None else [time(hour, 0)])


@pytest.mark.parametrize(
    "text",
    [
        "I do parkrun every saturday",
        "sat parkrun and long run sunday",
        "I run a 10k every sunday with my club",
        "parkrun on saturday, then a long run",
    ],
)
def test_a_weekly_run_or_a_parkrun_is_no_race(text: str) -> None:
    found = _all(text)
    assert all(i.race_date is None for i in found)
    assert replies.race_answer(text, MONDAY) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("my 10k is on the 20th", date(2026, 12, 20)),
        ("race on 14 march", date(2027, 3, 14)),
        ("signed up for a parkrun on saturday, my first race", date(2026, 12, 19)),
    ],
)
def test_a_race_said_as_one_is_set(text: str, day: date) -> None:
    assert [(i.kind, i.race_date) for i in _all(text)] == [(IntentKind.RACE_DATE, day)]


@pytest.mark.parametrize(
    "text", ["half marathon in march", "my marathon is in april", "doing a 10k end of may"]
)
def test_a_race_month_without_its_day_is_asked(text: str) -> None:
    assert [(i.kind, i.race_date) for i in _all(text)] == [(IntentKind.RACE_DATE, None)]


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("the other day my knee hurt but did today's session fine", [(D, MONDAY, 5)]),
        ("did it this morning, first time since a few days ago", [(D, MONDAY, None)]),
        ("did the hips, a few days ago i felt sore", [(D, MONDAY, None)]),
    ],
)
def test_a_vague_day_of_another_story_leaves_the_log_as_said(
    text: str, logs: list[tuple[IntentKind, date, int | None]]
) -> None:
    assert _logs(text) == logs


def test_yesterday_and_today_rated_are_two_logs() -> None:
    assert _logs("yesterday was easy, today was hard") == [(D, _day(13), 3), (D, MONDAY, 8)]


@pytest.mark.parametrize(
    "text",
    [
        "done 3 weeks now. when do jumps start?",
        "did it. is that normal?",
        "done, 5/10. should i do it again tomorrow?",
    ],
)
def test_how_far_or_advice_beside_a_log_adds_no_plan_question(text: str) -> None:
    found = _all(text)
    assert not any(i.kind is Q and i.topic is PlanTopic.DAY and i.ask_day for i in found)
    assert all(i.kind is not D for i in found) or "weeks" not in text
