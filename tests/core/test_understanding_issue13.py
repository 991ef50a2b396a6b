"""Issue 13 in the core: days as said, times as said, odd values, plan questions, messages
with several parts and the "did you mean" suggestions. Phrasings are our own."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.understanding import IntentKind, PlanTopic, understand, understand_all
from bot.core.understanding.clock import impossible_time, parse_time
from bot.core.understanding.numbers import odd_rating
from bot.core.understanding.suggest import Suggestion, closest_command, suggestions
from bot.core.understanding.when import log_day, pause_span
from bot.core.vocabulary import Area

FRIDAY = date(2026, 12, 4)


# ---------------------------------------------------------------- a log's day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("finished it yesterday, forgot to tell you", date(2026, 12, 3)),
        ("did tuesday's routine", date(2026, 12, 1)),
        ("skipped wednesday, was ill", date(2026, 12, 2)),
        ("done last night", date(2026, 12, 3)),
        ("did it 3 days ago", date(2026, 12, 1)),
        ("done on friday", FRIDAY),  # today's weekday is today
        ("done, felt easy", None),
    ],
)
def test_a_log_names_its_past_day(text: str, day: date | None) -> None:
    assert log_day(text, FRIDAY) == day


def test_done_and_skip_carry_the_day() -> None:
    done = understand("did the hip session yesterday, effort 6", FRIDAY)
    assert (done.kind, done.log_day, done.effort) == (IntentKind.DONE, date(2026, 12, 3), 6)
    skipped = understand("missed monday's session, work was mad", FRIDAY)
    assert (skipped.kind, skipped.log_day) == (IntentKind.SKIPPED, date(2026, 11, 30))
    assert understand("done ✅", FRIDAY).log_day is None


@given(st.text(max_size=60), st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_a_log_day_is_never_after_today(text: str, today: date) -> None:
    day = log_day(text.lower(), today)
    assert day is None or day <= today


# ---------------------------------------------------------------- pauses


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("off to the alps, back on the 18th", (None, date(2026, 12, 17))),
        ("travelling from the 10th till the 16th", (date(2026, 12, 10), date(2026, 12, 16))),
        ("away 22 dec to 3 jan", (date(2026, 12, 22), date(2027, 1, 3))),
        ("pause next week pls", (date(2026, 12, 7), date(2026, 12, 13))),
        ("home on the 2nd", (None, date(2027, 1, 1))),  # the 2nd has passed: next month's
        ("pause for 2 weeks", (None, date(2026, 12, 17))),  # today and 13 more days
        ("pause", None),
    ],
)
def test_pause_spans(text: str, span: tuple[date | None, date] | None) -> None:
    assert pause_span(text, FRIDAY) == span


def test_pause_intents_carry_both_ends() -> None:
    later = understand("I'm away skiing from the 14th to the 21st", FRIDAY)
    assert (later.kind, later.pause_from, later.pause_until) == (
        IntentKind.PAUSE,
        date(2026, 12, 14),
        date(2026, 12, 21),
    )
    back = understand("holiday for a fortnight, back on the 20th", FRIDAY)
    assert (back.pause_from, back.pause_until) == (None, date(2026, 12, 19))


@given(st.text(max_size=60), st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_a_pause_span_is_ordered_and_ahead(text: str, today: date) -> None:
    span = pause_span(text.lower(), today)
    if span is not None:
        first, last = span
        assert last is not None or first is not None
        assert last is None or last >= today - timedelta(days=1)  # "back tomorrow": to today
        assert first is None or today < first
        assert first is None or last is None or first <= last


# ---------------------------------------------------------------- times and odd values


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("remind me at half 7", time(7, 30)),
        ("half six in the evening", time(18, 30)),
        ("quarter to seven", time(6, 45)),
        ("8ish works", time(8, 0)),
        ("ping me 6-ish", time(6, 0)),
        ("half an hour", None),
    ],
)
def test_times_as_said(text: str, at: time | None) -> None:
    assert parse_time(text) == at


@given(st.integers(24, 99), st.integers(0, 59))
def test_an_impossible_hour_is_asked_about(hour: int, minute: int) -> None:
    said = f"remind me at {hour}:{minute:02d}"
    assert impossible_time(said) == f"{hour}:{minute:02d}"
    intent = understand(said, FRIDAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time is None
    assert intent.unclear is not None


@given(st.integers(0, 23), st.integers(0, 59))
def test_a_real_time_is_never_odd(hour: int, minute: int) -> None:
    assert impossible_time(f"at {hour}:{minute:02d}") is None


@given(st.integers(11, 99))
def test_a_rating_above_ten_is_asked_about_not_clamped(value: int) -> None:
    intent = understand(f"left shin sore {value}/10", FRIDAY)
    assert intent.unclear == f"{value}/10"
    assert odd_rating(f"knee -{value % 10}/10") is not None


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        ("remind me 6-7am", "6-7am"),
        ("reminder between 6 and 7 pls", "between 6 and 7"),
        ("remind me at 7 or 8", "7 or 8"),
        ("hamstring 4-5/10", "4-5/10"),
        ("knee 3 or 4 out of 10", "3 or 4 out of 10"),
    ],
)
def test_ranges_are_asked_about(text: str, odd: str) -> None:
    intent = understand(text, FRIDAY)
    assert intent.unclear == odd
    assert intent.reminder_time is None


def test_two_requests_are_no_range() -> None:
    intents = understand_all("remind me at 7 and I'm in Berlin now", FRIDAY)
    assert [i.unclear for i in intents] == [None, None]
    assert intents[1].reminder_time == time(7, 0)


@given(st.integers(0, 10))
def test_a_rating_in_range_is_not_odd(value: int) -> None:
    assert odd_rating(f"calves tight {value}/10") is None
    assert understand(f"calves tight {value}/10", FRIDAY).unclear is None


# ---------------------------------------------------------------- plan questions


@pytest.mark.parametrize(
    ("text", "topic", "day"),
    [
        ("what's on tmrw?", PlanTopic.DAY, date(2026, 12, 5)),
        ("what am I doing on tuesday", PlanTopic.DAY, date(2026, 12, 8)),
        ("what does the rest of the week look like?", PlanTopic.WEEK, None),
        ("what stage am I at", PlanTopic.PHASE, None),
        ("when do hops start?", PlanTopic.JUMPS, None),
        ("why is today's session so short", PlanTopic.WHY, None),
        ("can I see the whole block", PlanTopic.BLOCK, None),
    ],
)
def test_plan_questions(text: str, topic: PlanTopic, day: date | None) -> None:
    intent = understand(text, FRIDAY)
    assert (intent.kind, intent.topic, intent.ask_day) == (IntentKind.PLAN_QUESTION, topic, day)


@pytest.mark.parametrize(
    "text",
    [
        "why does my knee hurt on tuesday?",
        "who won the race on saturday?",
        "what's today's session",
    ],
)
def test_not_plan_questions(text: str) -> None:
    assert understand(text, FRIDAY).kind is not IntentKind.PLAN_QUESTION


# ---------------------------------------------------------------- several parts


def test_two_settings_in_one_message() -> None:
    reminder_zone = understand_all("ping me at 6:30 and I've moved to Lisbon", FRIDAY)
    assert [i.kind for i in reminder_zone] == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]
    assert reminder_zone[1].reminder_time == time(6, 30)
    race_pause = understand_all("marathon moved to 3 may; also pause next week, I'm away", FRIDAY)
    assert [i.kind for i in race_pause] == [IntentKind.RACE_DATE, IntentKind.PAUSE]
    assert race_pause[0].race_date == date(2027, 5, 3)
    assert race_pause[1].pause_from == date(2026, 12, 7)


def test_a_log_and_a_question() -> None:
    log, question = understand_all("did yesterday's session, what's on tomorrow?", FRIDAY)
    assert (log.kind, log.log_day) == (IntentKind.DONE, date(2026, 12, 3))
    assert (question.topic, question.ask_day) == (PlanTopic.DAY, date(2026, 12, 5))


_AREAS = {"glutes": Area.GLUTES, "quads": Area.QUADS, "calves": Area.CALVES,
          "shins": Area.SHINS, "hamstrings": Area.HAMSTRINGS}  # fmt: skip
#: States, not changes: "not sore any more" says a change and clears its area (below).
_FINE = ("ok", "fine", "good", "all good", "feel great")
_BAD = ("smashed", "sore", "tight", "really achy", "sore 5/10")
_BUT = ("but", "though", "however", ", but")


@given(
    st.sampled_from(sorted(_AREAS)),
    st.sampled_from(sorted(_AREAS)),
    st.sampled_from(_FINE),
    st.sampled_from(_BAD),
    st.sampled_from(_BUT),
)
def test_contrast_never_logs_or_clears_the_fine_area(
    fine: str, bad: str, fine_word: str, bad_word: str, but: str
) -> None:
    if fine == bad:
        return
    intents = understand_all(f"{fine} {fine_word} {but} {bad} {bad_word}", FRIDAY)
    for intent in intents:
        assert intent.kind is not IntentKind.FEELS_FINE
        if intent.report is not None:
            assert intent.report.area is _AREAS[bad]
    assert any(i.report is not None and i.report.area is _AREAS[bad] for i in intents)


@given(st.text(max_size=120))
def test_several_parts_always_give_something_and_keep_warning_signs(text: str) -> None:
    whole = understand(text, FRIDAY)
    intents = understand_all(text, FRIDAY)
    assert intents
    assert len({(i.kind, i.topic) for i in intents}) == len(intents)
    if whole.signs or whole.kind is IntentKind.WARNING_SIGN:
        assert intents == (whole,)


# ---------------------------------------------------------------- suggestions


def test_suggestions_fit_the_message() -> None:
    assert suggestions("how do i change the reminder")[0] is Suggestion.SETTINGS
    assert suggestions("my hip feels weird")[0] is Suggestion.SORE
    assert suggestions("zzzz") == (Suggestion.TODAY, Suggestion.HELP)
    assert suggestions("how do i change the reminder") != suggestions("my hip feels weird")


@given(st.text(max_size=80))
def test_two_or_three_suggestions_always(text: str) -> None:
    offered = suggestions(text.lower())
    assert 2 <= len(offered) <= 3
    assert len(set(offered)) == len(offered)


def test_two_questions_in_one_message() -> None:
    day, jumps = understand_all("what's on saturday, and when do the hops start?", FRIDAY)
    assert (day.topic, day.ask_day) == (PlanTopic.DAY, date(2026, 12, 5))
    assert jumps.topic is PlanTopic.JUMPS


@pytest.mark.parametrize("text", ["Sam", "Lima", "I moved to Lima"])
def test_a_name_is_not_a_city_and_a_city_is_not_a_typo(text: str) -> None:
    """A short other name of a city ("Sam" is Damascus in Turkish) is a person's name; a big
    city's own name ("Lima") is never corrected into a body word ("limp")."""
    intent = understand(text, date(2027, 1, 1))
    assert not intent.signs
    if text == "Sam":
        assert intent.kind is IntentKind.UNKNOWN
    else:
        assert intent.kind is IntentKind.SET_TIMEZONE
        assert intent.timezone_text == "Lima, Peru"


def test_a_feeling_gone_any_more_clears_only_its_area_beside_a_report() -> None:
    intents = understand_all("calves not sore any more but glutes smashed", FRIDAY)
    assert [i.fine_areas for i in intents if i.kind is IntentKind.FEELS_FINE] == [(Area.CALVES,)]
    assert [i.report.area for i in intents if i.report is not None] == [Area.GLUTES]


@pytest.mark.parametrize(
    ("name", "meant"),
    [("plna", "plan"), ("tody", "today"), ("remidn", "remind"), ("wek", "plan"), ("xyzzy", None)],
)
def test_a_mistyped_command_is_matched_to_the_one_it_looks_like(
    name: str, meant: str | None
) -> None:
    names = {"plan": "plan", "today": "today", "remind": "remind", "week": "plan"}
    assert closest_command(name, names) == meant
