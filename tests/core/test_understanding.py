"""Tests of message understanding: accuracy on the labelled set, then focused unit tests.

``pytest tests/core/test_understanding.py -s`` (or ``-rP``) prints the accuracy table;
``python -m tests.core.understanding_report`` prints it on its own.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.understanding import (
    MAX_CHARS,
    EffortLabel,
    Intent,
    IntentKind,
    ReportSlots,
    model,
    understand,
)
from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import find_dates, last_date
from bot.core.understanding.fuzzy import correct
from bot.core.understanding.numbers import effort_number, rating_numbers
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from tests.core.understanding_report import evaluate, format_report, load_cases

TODAY = date(2026, 11, 25)  # a Wednesday, as in the labelled set

MIN_INTENT_ACCURACY = 0.95
MIN_SLOT_ACCURACY = 0.95


def _report(text: str) -> ReportSlots:
    intent = understand(text, TODAY)
    assert intent.report is not None, intent
    return intent.report


# ------------------------------------------------------------------ the labelled set


def test_labelled_set_is_big_and_varied() -> None:
    today, cases = load_cases()
    assert today == TODAY
    kinds = [case["intent"] for case in cases]
    assert len(cases) >= 220
    assert kinds.count("unknown") >= 30
    assert kinds.count("body_report") >= 40
    assert set(kinds) == {kind.value for kind in IntentKind}


def test_accuracy_on_labelled_set() -> None:
    today, cases = load_cases()
    report = evaluate(today, cases)
    print()
    print(format_report(report))
    assert report.intent_accuracy >= MIN_INTENT_ACCURACY
    assert report.slot_accuracy >= MIN_SLOT_ACCURACY


def test_every_unknown_case_is_unknown() -> None:
    today, cases = load_cases()
    wrong = [
        (case["text"], understand(str(case["text"]), today).kind.value)
        for case in cases
        if case["intent"] == "unknown"
        and understand(str(case["text"]), today).kind is not IntentKind.UNKNOWN
    ]
    assert wrong == []


# ------------------------------------------------------------------ API shape


def test_results_are_values() -> None:
    """Every field is ``Final``: mypy (strict, in CI) rejects a change anywhere in the
    code, and the compiled build rejects one at run time too."""
    compiled = model.__file__.endswith((".so", ".pyd"))
    for value in (Intent, ReportSlots):  # the source's annotations (compiled ones differ)
        hints = typing.get_type_hints(value, include_extras=True)
        assert hints
        assert compiled or all(typing.get_origin(h) is typing.Final for h in hints.values())
    intent = understand("left calf sore 6/10", TODAY)
    assert intent.report is not None
    assert dataclasses.replace(intent, effort=3) == dataclasses.replace(intent, effort=3)
    assert hash(intent) == hash(understand("left calf sore 6/10", TODAY))
    if compiled:  # the run time refuses a change too
        with pytest.raises(AttributeError):
            intent.kind = IntentKind.DONE  # type: ignore[misc]
        with pytest.raises(AttributeError):
            intent.report.severity = 1  # type: ignore[misc]


def test_plain_intent_has_empty_slots() -> None:
    assert understand("thanks", TODAY) == Intent(IntentKind.THANKS)


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/10", [6]),
        ("6 / 10", [6]),
        ("6 out of 10", [6]),
        ("7 of 10", [7]),
        ("six out of ten", [6]),
        ("felt like a 7", [7]),
        ("an 8", [8]),
        ("pain 4", [4]),
        ("sore, maybe a 3", [3]),
        ("6.5/10", [7]),
        ("3/5", [6]),
        ("0/10", [0]),
        ("11/10", [10]),
        ("15 out of 10", [10]),
        ("pain 12", []),
        ("a 5k run", []),
        ("a 10k", []),
        ("about 3 km", []),
        ("at 7am", []),
        ("sore for 3 days", []),
        ("2026/10/12", []),
        ("no numbers here", []),
    ],
)
def test_rating_numbers(text: str, expected: list[int]) -> None:
    assert [value for _, value in rating_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("effort 7", 7),
        ("effort: 7/10", 7),
        ("rpe 6", 6),
        ("effort was about a 4", 4),
        ("effort 12/10", 10),
        ("effort 12", None),
        ("effort 0", 0),
        ("no effort word 7", None),
    ],
)
def test_effort_number(text: str, expected: int | None) -> None:
    assert effort_number(text) == expected


@pytest.mark.parametrize(
    ("text", "effort", "label"),
    [
        ("done, easy", 3, EffortLabel.EASY),
        ("done, felt ok", 5, EffortLabel.MODERATE),
        ("done, hard", 8, EffortLabel.HARD),
        ("done, brutal", 9, EffortLabel.BRUTAL),
        ("done, not too bad", 5, EffortLabel.MODERATE),
        ("done, effort 6, felt hard", 6, EffortLabel.HARD),
        ("done 7/10", 7, None),
        ("done", None, None),
    ],
)
def test_done_effort(text: str, effort: int | None, label: EffortLabel | None) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.DONE
    assert (intent.effort, intent.effort_label) == (effort, label)


def test_done_number_before_body_is_effort_after_is_severity() -> None:
    intent = understand("done 7/10, left calf tight 3/10", TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.effort == 7
    assert intent.report == ReportSlots(Area.CALVES, Side.LEFT, ReportKind.TIGHTNESS, 3)


def test_severity_is_highest_rating_and_killing_me_has_none() -> None:
    assert _report("calf was 7/10 yesterday, 3/10 today").severity == 7
    assert _report("my calves are killing me").severity is None
    assert _report("my calves are killing me").kind is ReportKind.PAIN
    assert _report("knee pain 12").severity is None


# ------------------------------------------------------------------ body reports


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("left calf sore", Side.LEFT),
        ("calf sore on the right", Side.RIGHT),
        ("l calf tight", Side.LEFT),
        ("R knee aches", Side.RIGHT),
        ("both calves tight", Side.BOTH),
        ("left and right calf sore", Side.BOTH),
        ("sore calves, both legs", Side.BOTH),
        ("calves sore", Side.NONE),
        ("right after my run my calf was sore", Side.NONE),
        ("I left my roller at home and my calf is sore", Side.NONE),
        ("back of my left knee hurts", Side.LEFT),
    ],
)
def test_sides(text: str, side: Side) -> None:
    assert _report(text).side is side


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("sharp pain in my hip", RedFlag.SHARP_PAIN),
        ("shooting pain down my hamstring", RedFlag.SHARP_PAIN),
        ("stabbing knee pain", RedFlag.SHARP_PAIN),
        ("ankle is swollen", RedFlag.SWELLING),
        ("some swelling around the achilles", RedFlag.SWELLING),
        ("hip pain at night", RedFlag.NIGHT_PAIN),
        ("knee pain wakes me up", RedFlag.NIGHT_PAIN),
        ("limping because of my calf", RedFlag.LIMPING),
        ("my shin hurts, I'm limping", RedFlag.LIMPING),
        ("can't bear weight on my left foot", RedFlag.CANNOT_BEAR_WEIGHT),
        ("can't put weight on my ankle", RedFlag.CANNOT_BEAR_WEIGHT),
        ("groin pain getting worse during runs", RedFlag.WORSENING_DURING_RUN),
        ("knee hurts and gets worse as I run", RedFlag.WORSENING_DURING_RUN),
        ("hip hurts to walk", RedFlag.PAIN_ON_WALKING),
        ("pain when walking, right groin", RedFlag.PAIN_ON_WALKING),
        ("numbness in my foot", RedFlag.NUMBNESS_TINGLING),
        ("tingling down my hamstring", RedFlag.NUMBNESS_TINGLING),
        ("pins and needles in my calf", RedFlag.NUMBNESS_TINGLING),
    ],
)
def test_red_flags(text: str, flag: RedFlag) -> None:
    report = _report(text)
    assert flag in report.red_flags
    assert report.kind is ReportKind.PAIN


@pytest.mark.parametrize(
    "text",
    [
        "shin is sore but no swelling",
        "knee aches, not sharp",
        "calf is tight, doesn't hurt to walk",
        "hamstring sore after my run, not worse during it",
        "calves sore after walking the dog",
        "knee pain worse after my run",
        "no numbness, just a tight calf",
    ],
)
def test_negated_or_absent_red_flags(text: str) -> None:
    assert _report(text).red_flags == frozenset()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("calves stiff", ReportKind.TIGHTNESS),
        ("hip flexors tight", ReportKind.TIGHTNESS),
        ("DOMS in my quads", ReportKind.SORENESS),
        ("achy glutes", ReportKind.SORENESS),
        ("knee aches", ReportKind.SORENESS),
        ("knee hurts", ReportKind.PAIN),
        ("painful ankle", ReportKind.PAIN),
        ("tight and sore calves", ReportKind.SORENESS),
        ("calf 5/10", ReportKind.SORENESS),
        ("shin splints", ReportKind.PAIN),
    ],
)
def test_kinds(text: str, kind: ReportKind) -> None:
    assert _report(text).kind is kind


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("hammies sore", Area.HAMSTRINGS),
        ("calfs tight", Area.CALVES),
        ("achilles sore", Area.ACHILLES),
        ("shin splints again", Area.SHINS),
        ("ITB tight", Area.IT_BAND),
        ("it band tight", Area.IT_BAND),
        ("hip flexor tight", Area.HIP_FLEXORS),
        ("hip hurts", Area.HIPS),
        ("adductor sore", Area.GROIN),
        ("groin sore", Area.GROIN),
        ("thigh sore", Area.QUADS),
        ("bum sore", Area.GLUTES),
        ("glute sore", Area.GLUTES),
        ("lumbar sore", Area.LOWER_BACK),
        ("my back hurts", Area.LOWER_BACK),
        ("knee sore", Area.KNEE),
        ("ankle sore", Area.ANKLE),
        ("plantar pain", Area.FOOT),
        ("arch sore", Area.FOOT),
        ("feet sore", Area.FOOT),
        ("back of my thigh is tight", Area.HAMSTRINGS),
        ("front of my hip is tight", Area.HIP_FLEXORS),
    ],
)
def test_areas(text: str, area: Area) -> None:
    assert _report(text).area is area


def test_area_without_feeling_is_unknown() -> None:
    assert understand("my left calf", TODAY).kind is IntentKind.UNKNOWN
    assert understand("I'm so sore", TODAY).kind is IntentKind.UNKNOWN


def test_came_back_is_not_a_back_report() -> None:
    assert _report("came back from my run and my calves are tight").area is Area.CALVES


def test_done_with_report_keeps_both() -> None:
    intent = understand("done, but my calves are tight", TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.note == "done, but my calves are tight"
    assert intent.report == ReportSlots(Area.CALVES, Side.NONE, ReportKind.TIGHTNESS)


def test_bare_done_has_no_note() -> None:
    assert understand("Done ✅", TODAY).note is None
    assert understand("finished it, felt easy", TODAY).note is None


def test_finished_a_run_is_no_done_session() -> None:
    intent = understand("finished my long run, left calf sore", TODAY)
    assert intent.kind is IntentKind.BODY_REPORT


# ------------------------------------------------------------------ skip reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("skipped today, too tired", "too tired"),
        ("too tired, skipping today", "too tired"),
        ("no time today", "no time today"),
        ("can't do it today, work is crazy", "work is crazy"),
        ("skipped", None),
        ("sorry coach, skipped today", None),
    ],
)
def test_skip_reason(text: str, reason: str | None) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.SKIPPED
    assert intent.reason == reason


def test_not_done_is_skipped_but_not_done_yet_is_not() -> None:
    assert understand("didn't finish today's session", TODAY).kind is IntentKind.SKIPPED
    assert understand("not done yet", TODAY).kind is not IntentKind.SKIPPED


# ------------------------------------------------------------------ reminders and times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("7am", time(7, 0)),
        ("7 am", time(7, 0)),
        ("7 a.m.", time(7, 0)),
        ("7.30pm", time(19, 30)),
        ("19:00", time(19, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("half past 6", time(6, 30)),
        ("half past six in the evening", time(18, 30)),
        ("quarter to 8", time(7, 45)),
        ("quarter past 7", time(7, 15)),
        ("7 o'clock", time(7, 0)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("at 7", time(7, 0)),
        ("at 7 in the evening", time(19, 0)),
        ("to 6", time(6, 0)),
        ("25:00", None),
        ("13pm", None),
        ("at 7 days", None),
        ("nothing", None),
    ],
)
def test_parse_time(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Remind me what today's session is", IntentKind.TODAY),
        ("remind me of today's workout", IntentKind.TODAY),
        ("remind me at 7:30", IntentKind.SET_REMINDER),
        ("reminders at 7am", IntentKind.SET_REMINDER),
        ("remind me to buy milk", IntentKind.UNKNOWN),
    ],
)
def test_remind_me_disambiguation(text: str, kind: IntentKind) -> None:
    assert understand(text, TODAY).kind is kind


@pytest.mark.parametrize(
    "text", ["reminder off", "stop reminding me", "no more reminders", "turn off reminders"]
)
def test_reminder_off(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_off
    assert intent.reminder_time is None


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-04-12", date(2027, 4, 12)),
        ("20/06/2027", date(2027, 6, 20)),
        ("12/4/27", date(2027, 4, 12)),
        ("4/20/2027", date(2027, 4, 20)),
        ("may 3", date(2027, 5, 3)),
        ("may 3rd 2028", date(2028, 5, 3)),
        ("12 april", date(2027, 4, 12)),
        ("3rd of december", date(2026, 12, 3)),
        ("dec 20", date(2026, 12, 20)),
        ("nov 25", date(2026, 11, 25)),
        ("next saturday", date(2026, 11, 28)),
        ("on wednesday", date(2026, 12, 2)),
        ("until sunday", date(2026, 11, 29)),
        ("tomorrow", date(2026, 11, 26)),
        ("in 2 weeks", date(2026, 12, 9)),
        ("for ten days", date(2026, 12, 5)),
        ("in a month", date(2026, 12, 25)),
        ("in 3 months", date(2027, 2, 25)),
        ("6 weeks away", date(2027, 1, 6)),
        ("next week", date(2026, 11, 30)),
        ("next month", date(2026, 12, 1)),
        ("the 10th", date(2026, 12, 10)),
        ("february 30", None),
        ("2027-13-01", None),
        ("no date", None),
    ],
)
def test_dates(text: str, expected: date | None) -> None:
    assert last_date(text, TODAY) == expected


def test_last_date_wins() -> None:
    assert last_date("moved from may 3 to june 7", TODAY) == date(2027, 6, 7)
    assert len(find_dates("moved from may 3 to june 7", TODAY)) == 2


def test_without_today_only_dated_years_resolve() -> None:
    assert last_date("2027-04-12", None) == date(2027, 4, 12)
    assert last_date("12 april 2027", None) == date(2027, 4, 12)
    assert last_date("may 3", None) is None
    assert last_date("in 2 weeks", None) is None
    intent = understand("race on May 3")
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date is None


def test_race_and_pause_slots() -> None:
    assert understand("race off", TODAY).race_off
    assert understand("my race is on 2027-04-12", TODAY).race_date == date(2027, 4, 12)
    assert understand("pause", TODAY) == Intent(IntentKind.PAUSE)
    assert understand("pause until Jan 5", TODAY).pause_until == date(2027, 1, 5)


# ------------------------------------------------------------------ time zones


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("timezone Europe/Berlin", "Europe/Berlin"),
        ("tz: America/Los_Angeles", "America/Los_Angeles"),
        ("my timezone is UTC+2", "UTC+2"),
        ("I'm in Tokyo now", "Tokyo, Japan"),  # the city as GeoNames names it
        ("we moved to münchen", "Munich, Germany"),
        ("set my time zone to new york", "new york"),
        ("change timezone", None),
    ],
)
def test_timezone_text(text: str, zone: str | None) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text == zone


@pytest.mark.parametrize("text", ["I'm in pain", "I'm in bed", "I'm in a hurry"])
def test_im_in_something_else_is_no_timezone(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.SET_TIMEZONE


# ------------------------------------------------------------------ typos, casing, emoji


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("hamstrng", "hamstring"),
        ("soer", "sore"),
        ("tdays", "todays"),
        ("sesion", "session"),
        ("achillies", "achilles"),
        ("paus", "pause"),
        ("soooore", "sore"),
        ("sure", "sure"),
        ("legs", "legs"),
        ("pizza", "pizza"),
        ("abc", "abc"),
    ],
)
def test_typo_correction(typo: str, word: str) -> None:
    assert correct(typo) == word


def test_typo_correction_is_cached() -> None:
    correct.cache_clear()
    correct("hamstrng")
    correct("hamstrng")
    assert correct.cache_info().hits >= 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", IntentKind.UNKNOWN),
        ("   ", IntentKind.UNKNOWN),
        ("?!...", IntentKind.UNKNOWN),
        ("👍", IntentKind.DONE),
        ("✅✅", IntentKind.DONE),
        ("👍🤕", IntentKind.DONE),
        ("👋", IntentKind.GREETING),
        ("🙏", IntentKind.THANKS),
        ("🤕", IntentKind.UNKNOWN),
        ("😀😀", IntentKind.UNKNOWN),
        ("👍 thanks", IntentKind.THANKS),
        ("LEFT CALF SORE", IntentKind.BODY_REPORT),
        ("left calf sore 🤕", IntentKind.BODY_REPORT),
    ],
)
def test_empty_and_emoji(text: str, kind: IntentKind) -> None:
    assert understand(text, TODAY).kind is kind


# ------------------------------------------------------------------ safety on any input


def test_input_is_cut_to_max_chars() -> None:
    assert understand("x " * MAX_CHARS + "done", TODAY).kind is IntentKind.UNKNOWN
    assert understand("done " + "x" * 10 * MAX_CHARS, TODAY).kind is IntentKind.DONE


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,
        "1" * 1_000_000,
        "1/" * 500_000,
        "6 out of " * 100_000,
        "left " * 200_000,
        "😀" * 200_000,
        "at 7 " * 200_000,
        "sore calf " * 100_000,
    ],
)
def test_huge_input_is_read_only_up_to_the_cap(text: str) -> None:
    """Only the first MAX_CHARS characters are read, so no message costs more than that
    (``bench/bench_understanding.py`` measures the speed)."""
    assert understand(text, TODAY) == understand(text[:MAX_CHARS], TODAY)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_an_intent(text: str) -> None:
    intent = understand(text, TODAY)
    assert isinstance(intent, Intent)
    if intent.kind is IntentKind.BODY_REPORT:
        assert intent.report is not None
    if intent.report is not None and intent.report.severity is not None:
        assert 0 <= intent.report.severity <= 10
    if intent.effort is not None:
        assert 1 <= intent.effort <= 10
