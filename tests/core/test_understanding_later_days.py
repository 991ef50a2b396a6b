"""Logs for other days than today, several days in one message, and questions that log
nothing. Our own phrasings, not the development sets'. Today is Tuesday 15 December 2026."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, PlanTopic, understand, understand_all

TUESDAY = date(2026, 12, 15)
FAQ = load_content().faq


def _day(n: int) -> date:
    return date(2026, 12, n)


def _logs(text: str) -> list[tuple[IntentKind, date, int | None]]:
    return [
        (part.kind, part.log_day or TUESDAY, part.effort)
        for part in understand_all(text, TUESDAY)
        if part.kind in (IntentKind.DONE, IntentKind.SKIPPED)
    ]


S, D = IntentKind.SKIPPED, IntentKind.DONE


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        # a skip said ahead is that day's
        ("can't do tomorrow's session, on a train all day", [(S, _day(16), None)]),
        ("wont make tmrw's one, work thing", [(S, _day(16), None)]),
        ("can't do thursday's, work trip", [(S, _day(17), None)]),
        ("not doing it thurs, kids party", [(S, _day(17), None)]),
        ("gonna skip fri, wedding", [(S, _day(18), None)]),
        ("can't make it sat", [(S, _day(19), None)]),
        # two days in one message: one log each
        ("skipping today and tomorrow, moving house", [(S, _day(15), None), (S, _day(16), None)]),
        ("no sessions today or tmrw", []),
        ("did the sessions yday and today", [(D, _day(14), None), (D, _day(15), None)]),
        ("did yesterday's and the day before's, both easy", [(D, _day(13), 3), (D, _day(14), 3)]),
        (
            "did yday and today. yday was easy, today was hard",
            [(D, _day(14), 3), (D, _day(15), 8)],
        ),
        (
            "did mon and tue, mon was a 7 and tue felt easy",
            [(D, _day(14), 7), (D, _day(15), 3)],
        ),
        # a short day name after a log verb is that day
        ("skipped sat, did sun 7/10", [(D, _day(13), 7), (S, _day(12), None)]),
        ("i sat down and skipped today", [(S, _day(15), None)]),
        ("did it fri, easy", [(D, _day(11), 3)]),
        ("did it, sat down after", [(D, _day(15), None)]),
        # the effort number after the effort word
        ("did sundays one rpe 7", [(D, _day(13), 7)]),
        ("did it, 6 rpe", [(D, _day(15), 6)]),
        # a skip beside "back tomorrow" is today's skip, not a return
        ("missed it today, back at it tmrw", [(S, _day(15), None)]),
        ("skipping today, back on it tomorrow", [(S, _day(15), None)]),
        ("didn't manage today's, will get back on it wednesday", [(S, _day(15), None)]),
        # part of a past day's session is no skip of today
        ("did it on sunday but only half, ran out of time, call it 5", [(D, _day(13), 5)]),
        ("did yesterday's but skipped today", [(D, _day(14), None), (S, _day(15), None)]),
        ("did it yesterday, gonna skip today", [(D, _day(14), None), (S, _day(15), None)]),
        # a supposition or a doubt logs nothing
        ("if i miss a day should i do two the next", []),
        ("if I skip a session do I need to catch up?", []),
        ("not sure whether i did it on monday, can you check", []),
        ("what did i log? can't remember if i did sunday", []),
    ],
)
def test_logs_and_their_days(text: str, logs: list[tuple[IntentKind, date, int | None]]) -> None:
    assert sorted(_logs(text)) == sorted(logs)


def test_a_supposed_miss_is_the_missed_session_answer() -> None:
    text = "if i miss a day should i double up the next"
    entry = FAQ.answer(understand(text, TUESDAY), text)
    assert entry is not None
    assert entry.id == "missed-session"


def test_a_race_pace_session_is_no_race() -> None:
    said = understand("what's on 12/17? I've a race-pace tempo that day", TUESDAY)
    assert said.kind is not IntentKind.RACE_DATE
    assert understand("my race is on 12/17", TUESDAY).kind is IntentKind.RACE_DATE


def _asked(text: str, today: date = TUESDAY) -> tuple[object, date | None]:
    said = understand(text, today)
    assert said.kind is IntentKind.PLAN_QUESTION, said
    return said.topic, said.ask_day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("fri session?", _day(18)),
        ("and the 20th?", _day(20)),
        ("how about the 28th", _day(28)),
        ("whats on 12/19", _day(19)),
        ("what does 19/12 look like?", _day(19)),
        ("what's the session on 23.12?", _day(23)),
        ("what's on boxing day", _day(26)),
        ("anything planned for xmas eve?", _day(24)),
        ("the day after tomorrow?", _day(17)),
        ("whats on next tues?", _day(22)),  # said on a Tuesday: a week on
        ("what's on next tuesday", _day(22)),
        ("what's on next thurs?", _day(17)),
    ],
)
def test_a_day_asked_about(text: str, day: date) -> None:
    assert _asked(text) == (PlanTopic.DAY, day)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("this week?", PlanTopic.WEEK),
        ("whats the plan over the next 7 days", PlanTopic.WEEK),
        ("where are we in the plan", PlanTopic.PHASE),
        ("am i in the base phase or the dynamic one", PlanTopic.PHASE),
    ],
)
def test_the_week_and_phase_asked(text: str, topic: PlanTopic) -> None:
    assert _asked(text)[0] is topic


@pytest.mark.parametrize(
    "text",
    ["should i do 2.5 sets?", "what's 2/3 of the reps?", "is 10.5 km too far on a rest day?"],
)
def test_numbers_that_are_no_day(text: str) -> None:
    said = understand(text, TUESDAY)
    assert said.ask_day is None


@pytest.mark.parametrize(
    "text",
    [
        "just couldn't face it today",
        "can't be bothered today, not in the mood",
        "today's a no from me, physio then late meeting",
    ],
)
def test_skips_said_plainly(text: str) -> None:
    assert _logs(text) == [(S, TUESDAY, None)]


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, TUESDAY)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("show me which sessions i've logged this month", [IntentKind.HISTORY]),
        ("finished. what did i do last week?", [IntentKind.DONE, IntentKind.HISTORY]),
        ("what did i do last week?", [IntentKind.HISTORY]),
        ("new to this, sorry. what am I meant to be doing today?", [IntentKind.TODAY]),
    ],
)
def test_history_and_today_asked(text: str, kinds: list[IntentKind]) -> None:
    assert _kinds(text) == kinds


def test_a_log_beside_a_command_gets_no_faq_answer() -> None:
    text = "finished. what did i do last week?"
    assert FAQ.answer(understand(text, TUESDAY), text) is None
    asked = "what's on today? also can I run after?"
    entry = FAQ.answer(understand(asked, TUESDAY), asked)
    assert entry is not None


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("done 💪 what's on tmrw?", [IntentKind.DONE, IntentKind.PLAN_QUESTION]),
        ("finished 🎉 what did i do last week", [IntentKind.DONE, IntentKind.HISTORY]),
        ("did it 😅", [IntentKind.DONE]),
        ("what's on tmrw? 🙏", [IntentKind.PLAN_QUESTION]),
    ],
)
def test_an_emoji_between_words_ends_a_clause(text: str, kinds: list[IntentKind]) -> None:
    assert sorted(_kinds(text)) == sorted(kinds)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("finished it, tough. how long till I notice results?", [IntentKind.DONE]),
        ("skipped yday", [IntentKind.SKIPPED]),
        ("did yday's, 6", [IntentKind.DONE]),
        ("did it! my first session ever. loved it", [IntentKind.DONE]),
        ("done. today's session pls", [IntentKind.DONE, IntentKind.TODAY]),
        ("skipped yesterday. session for today?", [IntentKind.SKIPPED, IntentKind.TODAY]),
        ("glutes tight after the routine, which i did at lunch", [IntentKind.DONE]),
    ],
)
def test_a_log_beside_other_words(text: str, kinds: list[IntentKind]) -> None:
    assert _kinds(text)[: len(kinds)] == kinds
    assert IntentKind.TODAY not in _kinds(text)[len(kinds) :]


def test_a_trip_for_longer_is_still_a_break() -> None:
    said = understand("can't do the sessions, away on holiday from tomorrow", TUESDAY)
    assert said.kind is IntentKind.PAUSE
    assert said.pause_from == _day(16)


def test_a_session_only_mentioned_beside_a_recovery_shows_nothing() -> None:
    kinds = _kinds("good news, the calf tightness has gone. did a test jog this morning, nothing")
    assert IntentKind.TODAY not in kinds
    assert IntentKind.TODAY in _kinds("calf tightness gone. session today?")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("did it, 6. the daily reminder really helps get me moving", False),
        ("love the morning nudges", False),
        ("the reminder works but can you make it earlier", True),
        ("change the reminder", True),
    ],
)
def test_praise_for_the_reminder_changes_nothing(text: str, asked: bool) -> None:
    assert (IntentKind.SET_REMINDER in _kinds(text)) is asked
