"""Logs, skips, pauses and values to ask about (round 3): our own phrasings, not the
development sets'. Today is Thursday 10 June 2027 unless said otherwise."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand_all
from bot.core.understanding.when import log_day

THURSDAY = date(2027, 6, 10)


def _logs(text: str, today: date = THURSDAY) -> list[tuple[IntentKind, date | None, int | None]]:
    return [
        (p.kind, p.log_day or today, p.effort)
        for p in understand_all(text, today)
        if p.kind in (IntentKind.DONE, IntentKind.SKIPPED) and p.unclear is None
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("did wednesday's", date(2027, 6, 9)),
        ("did the day before yesterday's one", date(2027, 6, 8)),
        ("did sun's mobility", date(2027, 6, 6)),
        ("did mon session at lunch", date(2027, 6, 7)),
        ("did the plyos at lunch", THURSDAY),
        ("made the exercises this morning", THURSDAY),
        ("caught up on the hip work", THURSDAY),
        ("forgot to log tuesday's, it was fine", date(2027, 6, 8)),
    ],
)
def test_a_lone_did_takes_a_day_as_its_object(text: str, day: date) -> None:
    assert [(k, d) for k, d, _ in _logs(text)] == [(IntentKind.DONE, day)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("done it on 2nd june", date(2027, 6, 2)),
        ("completed on the 3rd", date(2027, 6, 3)),
        ("finished it on june 1st", date(2027, 6, 1)),
        ("did it on 20th june", None),  # ahead: no done's day
        ("done last thurs", date(2027, 6, 3)),
        ("did thurs session", THURSDAY),
        ("did fri's one", date(2027, 6, 4)),
        ("on the 15th", date(2027, 5, 15)),  # the latest 15th
    ],
)
def test_a_done_names_its_day_of_the_month(text: str, day: date | None) -> None:
    assert log_day(text, THURSDAY) == day


@pytest.mark.parametrize(
    ("text", "said", "effort"),
    [
        ("done it on the 31st of june, effort 4", "the 31st of june", 4),
        ("skipped it on 30th feb", "30th feb", None),
        ("finished it on the 40th", "the 40th", None),
    ],
)
def test_a_log_on_no_such_day_is_asked_and_nothing_logged(
    text: str, said: str, effort: int | None
) -> None:
    """The day is asked (nothing is logged); the effort said waits with the question (the
    weekend's buttons carry it)."""
    (ask,) = understand_all(text, THURSDAY)
    assert ask.kind in (IntentKind.DONE, IntentKind.SKIPPED)
    assert (ask.unclear, ask.effort, ask.log_day) == (said, effort, None)


@pytest.mark.parametrize("text", ["hold my plan until the 32nd", "pause till the 31st of sept"])
def test_a_pause_to_no_such_day_is_asked(text: str) -> None:
    (ask,) = understand_all(text, THURSDAY)
    assert (ask.kind, ask.pause_until) == (IntentKind.PAUSE, None)
    assert ask.unclear is not None


def test_an_aside_about_logging_is_no_second_log() -> None:
    assert _logs("did tuesday's one, forgot to say, effort 5") == [
        (IntentKind.DONE, date(2027, 6, 8), 5)
    ]


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        (
            "missed tuesday, did wednesday's (6/10)",
            [(IntentKind.DONE, date(2027, 6, 9), 6), (IntentKind.SKIPPED, date(2027, 6, 8), None)],
        ),
        (
            "did mon's plyos, 8/10, and tue's mobility, 4/10",
            [(IntentKind.DONE, date(2027, 6, 7), 8), (IntentKind.DONE, date(2027, 6, 8), 4)],
        ),
        ("finished it, skipped the hops", [(IntentKind.DONE, THURSDAY, None)]),
        ("finished tonights hips, about 5ish", [(IntentKind.DONE, THURSDAY, 5)]),
        ("done, rpe 7ish", [(IntentKind.DONE, THURSDAY, 7)]),
    ],
)
def test_a_done_and_a_skip_on_other_days_are_two_logs(
    text: str, logs: list[tuple[IntentKind, date, int | None]]
) -> None:
    assert _logs(text) == logs


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("away 21-25 june, nothing those days", date(2027, 6, 21), date(2027, 6, 25)),
        ("off from 12 to 15 july", date(2027, 7, 12), date(2027, 7, 15)),
        ("hold my plan till the 20th and restart it then", None, date(2027, 6, 19)),
        ("in hospital from monday, no idea how long", date(2027, 6, 14), None),
    ],
)
def test_a_pause_as_said(text: str, first: date | None, last: date | None) -> None:
    (pause,) = understand_all(text, THURSDAY)
    assert (pause.kind, pause.pause_from, pause.pause_until) == (IntentKind.PAUSE, first, last)


@pytest.mark.parametrize(
    "text",
    [
        "skipped it on the 2nd, was away with work",
        "calf a bit sore, 3/10, but it goes away",
    ],
)
def test_a_past_trip_or_a_rating_is_no_pause(text: str) -> None:
    assert all(p.kind is not IntentKind.PAUSE for p in understand_all(text, THURSDAY))


@pytest.mark.parametrize(
    "text",
    [
        "back now",
        "I'm back today, what's the session?",
        "back from the hols",
        "you can start sending them again",
        "ready to get going again",
    ],
)
def test_a_return_is_resume(text: str) -> None:
    assert understand_all(text, THURSDAY)[0].kind is IntentKind.RESUME


def test_my_back_now_is_still_a_back() -> None:
    (report,) = understand_all("my back now aches", THURSDAY)
    assert report.kind is IntentKind.BODY_REPORT


@pytest.mark.parametrize(
    "text",
    [
        "I can not do the session today, family stuff",
        "will not make tomorrow's, family wedding",
        "no hip work for me today, long run day",
    ],
)
def test_more_ways_to_skip(text: str) -> None:
    assert understand_all(text, THURSDAY)[0].kind is IntentKind.SKIPPED


def test_yesterday_and_today_are_two_skips() -> None:
    assert _logs("missed yesterday and today, flu") == [
        (IntentKind.SKIPPED, date(2027, 6, 9), None),
        (IntentKind.SKIPPED, THURSDAY, None),
    ]


def test_a_skip_today_beside_a_run_done_yesterday_is_today_s() -> None:
    assert _logs("skipping it today, did a hilly 15k yesterday") == [
        (IntentKind.SKIPPED, THURSDAY, None)
    ]


@pytest.mark.parametrize(
    "text",
    ["missed the past week, should I start over?", "legs tired lately, should I do the session?"],
)
def test_a_week_missed_or_a_question_logs_nothing(text: str) -> None:
    assert _logs(text) == []


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        ("my race is on 5/7", "5/7"),  # 5 July or 7 May
        ("race is 31st april", "31st april"),  # no such day
        ("my race was on 3 june, can you put it in", "3 june"),
    ],
)
def test_a_race_date_that_reads_two_ways_or_has_passed_is_asked(text: str, odd: str) -> None:
    (race,) = understand_all(text, THURSDAY)
    assert (race.kind, race.race_date, race.unclear) == (IntentKind.RACE_DATE, None, odd)


def test_29_february_is_a_race_date_only_within_a_year() -> None:
    (race,) = understand_all("race on 29 feb", date(2027, 2, 1))  # 2028's is 13 months away
    assert (race.race_date, race.unclear) == (None, "29 feb")
    (race,) = understand_all("race on 29 feb", THURSDAY)
    assert race.race_date == date(2028, 2, 29)


def test_a_log_a_skip_and_a_question_in_one_line() -> None:
    kinds = [
        (p.kind, p.log_day, p.effort)
        for p in understand_all(
            "did tuesday's, rpe 5, today no time, tomorrow what's on?", THURSDAY
        )
    ]
    assert kinds[:2] == [
        (IntentKind.DONE, date(2027, 6, 8), 5),
        (IntentKind.SKIPPED, None, None),
    ]
    assert kinds[2][0] is IntentKind.PLAN_QUESTION


def test_an_effort_is_no_severity() -> None:
    (report,) = understand_all("knee sore after the run, effort 8", THURSDAY)
    assert report.report is not None
    assert report.report.severity is None


def test_a_session_cut_short_with_a_warning_sign_keeps_every_sign() -> None:
    parts = understand_all(
        "knee swelled up and hurt when hopping in tuesday's session, cut it short, effort 6",
        THURSDAY,
    )
    (done,) = [p for p in parts if p.kind is IntentKind.DONE]
    assert (done.log_day, done.effort) == (date(2027, 6, 8), 6)
    flags = {flag for p in parts if p.report for flag in p.report.red_flags}
    assert {f.value for f in flags} >= {"swelling", "pain_on_hopping"}


@pytest.mark.parametrize(
    "text",
    [
        "just made it home",
        "sun's out, nice day",
        "did both legs feel ok after?",
        "caught up on sleep at last",
        "caught up with friends last night",
    ],
)
def test_no_log_in_everyday_words(text: str) -> None:
    assert _logs(text) == []


def test_a_short_day_with_an_s_is_a_day_only_before_a_session_word() -> None:
    assert _logs("sun's out, did it outside") == [(IntentKind.DONE, THURSDAY, None)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("won't make it on the 20th, wedding", date(2027, 6, 20)),
        ("can't do the session on 14 june, exams", date(2027, 6, 14)),
        ("missed it on the 2nd", date(2027, 6, 2)),
    ],
)
def test_a_skip_names_its_date_ahead_or_past(text: str, day: date) -> None:
    assert _logs(text) == [(IntentKind.SKIPPED, day, None)]


def test_a_skip_ahead_on_no_such_day_is_asked() -> None:
    (ask,) = understand_all("can't do the session on 31st june", THURSDAY)
    assert (ask.kind, ask.unclear, ask.log_day) == (IntentKind.SKIPPED, "31st june", None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("away june 21-25", date(2027, 6, 21), date(2027, 6, 25)),
        ("off from july 2 to 9, holiday", date(2027, 7, 2), date(2027, 7, 9)),
    ],
)
def test_a_range_with_the_month_first(text: str, first: date, last: date) -> None:
    (pause,) = understand_all(text, THURSDAY)
    assert (pause.kind, pause.pause_from, pause.pause_until) == (IntentKind.PAUSE, first, last)
