"""Session sixteen's general rules (found on a fresh development set, written in my own
words here): punctuation a voice assistant typed out as words, and its own words first;
"gone" said of a person; "stop pausing me" as a return; "sharp" that names no pain; a
feeling the recovery dates from ("pain free since the calf strain"); a break "through
new year's day"; a day no calendar has, asked; and a big city said alone before "now"."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.text import spoken
from bot.core.vocabulary import Area, RedFlag, ReportKind

TODAY = date(2027, 12, 2)  # a Thursday


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, TODAY)]


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        ("did today's full stop it was a 6", "did today's. it was a 6"),
        ("why question mark", "why?"),
        ("hi comma done", "hi, done"),
        ("okay google message hip coach done 5", "done 5"),
        ("hey siri send to hip coach did it", "did it"),
        ("I came to a full stop", "I came to a full stop"),
        ("calves sore 4", "calves sore 4"),
    ],
)
def test_spoken_punctuation_is_typed(said: str, typed: str) -> None:
    assert spoken(said) == typed


def test_a_dictated_message_is_read_as_typed() -> None:
    text = (
        "okay google message hip coach so I'm not sure why the jumps have gone down to once "
        "a week question mark also I did today's full stop it was a 6"
    )
    parts = understand_all(text, TODAY)
    done = [p for p in parts if p.kind is IntentKind.DONE]
    assert [p.effort for p in done] == [6]
    assert IntentKind.FEELS_FINE not in _kinds(text)


@pytest.mark.parametrize("text", ["Sorry I've gone quiet.", "we've gone to my mum's for a bit"])
def test_a_person_gone_is_no_recovery(text: str) -> None:
    assert IntentKind.FEELS_FINE not in _kinds(text)


@pytest.mark.parametrize("text", ["the pain has gone", "calf pain gone now", "its gone"])
def test_a_feeling_gone_is_still_a_recovery(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.FEELS_FINE


@pytest.mark.parametrize(
    "text", ["stop pausing me", "stop pausing me, i'm back", "take me off pause pls"]
)
def test_stop_pausing_is_a_return(text: str) -> None:
    assert _kinds(text) == [IntentKind.RESUME]


@pytest.mark.parametrize(
    "text",
    [
        "got some sharp new trainers, ok for the jumps?",
        "feeling sharp today",
        "I'm feeling sharp for the race",
    ],
)
def test_sharp_that_names_no_pain_is_no_sign(text: str) -> None:
    intent = understand(text, TODAY)
    assert not intent.signs
    assert intent.report is None


@pytest.mark.parametrize(
    "text", ["it's feeling sharp when I land", "it feels sharp", "knee is sharp when I hop"]
)
def test_sharp_said_of_a_pain_stays_a_sign(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.signs or (intent.report is not None and intent.report.red_flags)


def test_the_injury_a_recovery_dates_from_is_no_report() -> None:
    text = (
        "been pain free walking and hopping for 2 weeks since the calf strain, feels normal again"
    )
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.FEELS_FINE
    assert intent.fine_areas == (Area.CALVES,)


def test_a_break_through_new_years_day_includes_it() -> None:
    through = understand("pause from the 20th through new years day", TODAY)
    assert (through.pause_from, through.pause_until) == (date(2027, 12, 20), date(2028, 1, 1))
    until = understand("pause from the 20th until new years day", TODAY)
    assert until.pause_until == date(2027, 12, 31)  # back on it that day


@pytest.mark.parametrize(
    "text", ["logged the 31st of november as done pls", "skipped the 30th of february"]
)
def test_a_day_no_calendar_has_is_asked(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.unclear is not None
    assert intent.log_day is None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Edinburgh now 🏴", "Edinburgh"),
        ("Leeds now", "Leeds"),
        ("living in KL these days", "Kuala Lumpur"),
    ],
)
def test_a_city_said_now_moves_the_times(text: str, city: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text is not None
    assert intent.timezone_text.startswith(city)


@pytest.mark.parametrize("text", ["Sam now", "Reading now", "Bath now lol"])
def test_a_word_before_now_is_no_city(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.SET_TIMEZONE


@pytest.mark.parametrize(
    "text",
    [
        "peeing has gone weird since the sciatica flared, can't really tell when i need to go",
        "can't tell when i need to wee since my back went",
    ],
)
def test_a_bladder_change_in_plain_words_is_an_emergency_sign(text: str) -> None:
    signs = set()
    for part in understand_all(text, TODAY):
        signs |= part.signs | (part.report.red_flags if part.report else frozenset())
    assert RedFlag.BLADDER_BOWEL in signs
    assert IntentKind.FEELS_FINE not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("left hip keeps catching and sort of locking when I lift my knee up", Area.HIPS),
        ("ankle keeps catching on the stairs", Area.ANKLE),
        ("right knee locked up twice on the run", Area.KNEE),
    ],
)
def test_a_joint_that_locks_or_catches_is_a_sign_of_that_joint(text: str, area: Area) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.area is area
    assert RedFlag.LOCKING in report.red_flags


def test_hips_locked_up_is_stiffness() -> None:
    report = understand("hips locked up after the long run", TODAY).report
    assert report is not None
    assert report.kind is ReportKind.TIGHTNESS
    assert not report.red_flags


def test_the_part_moved_is_not_where_it_hurts() -> None:
    report = understand("hamstring hurts when I bend my knee", TODAY).report
    assert report is not None
    assert report.area is Area.HAMSTRINGS


def test_at_home_tomorrow_is_no_return_date() -> None:
    assert understand("I'll do the hops at home tomorrow", TODAY).kind is not IntentKind.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "could I do a class instead? Oh and the reminder at ten past seven is perfect, "
        "keep it as it is",
        "the 7am reminder is perfect, keep it as it is",
    ],
)
def test_a_reminder_praised_in_its_sentence_changes_nothing(text: str) -> None:
    assert IntentKind.SET_REMINDER not in _kinds(text)


def test_a_reminder_praised_then_moved_is_moved() -> None:
    (moved,) = understand_all("the reminder at 7 works great. can you move it to 8 though", TODAY)
    assert moved.kind is IntentKind.SET_REMINDER
    assert moved.reminder_time is not None
    assert moved.reminder_time.hour == 8


def test_a_day_said_not_done_beside_a_done_is_skipped() -> None:
    parts = understand_all("I did the session on Monday but not on Tuesday, hairdresser", TODAY)
    assert [(p.kind, p.log_day) for p in parts] == [
        (IntentKind.DONE, date(2027, 11, 29)),
        (IntentKind.SKIPPED, date(2027, 11, 30)),
    ]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("done mondays and yesterdays btw", [date(2027, 11, 29), date(2027, 12, 1)]),
        ("done monday and today, 6", [date(2027, 11, 29), TODAY]),
    ],
)
def test_a_weekday_and_a_near_day_are_each_logged(text: str, days: list[date]) -> None:
    parts = understand_all(text, TODAY)
    assert [p.kind for p in parts] == [IntentKind.DONE] * len(days)
    assert [p.log_day or TODAY for p in parts] == days


def test_a_clearance_told_before_a_question_is_a_clearance() -> None:
    text = "went to a&e yesterday, scan was clear no clot 🙏 can i do jumps again?"
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.FEELS_FINE
    assert intent.cleared


@pytest.mark.parametrize(
    "text",
    ["did the physio say ok to hop, do you know?", "doctor said no clot but I'm not cleared yet"],
)
def test_a_clearance_asked_or_denied_is_none(text: str) -> None:
    assert not understand(text, TODAY).cleared
