"""Session twelve's general rules (found on a fresh development set, written in my own
words here): a feeling said after an area said fine belongs to the area it follows, and
a request after a comma or "so" ("..., turn off the messages", "... so send it at 7") is
a part of its own, so two settings said together are both kept."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.questions import asks_other_activity, asks_to_run
from bot.core.understanding.replies import desk_said, level_answer
from bot.core.vocabulary import Area

TODAY = date(2026, 12, 17)
FAQ = load_content().faq


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("glutes feel amazing now. only issue is my left ankle, stiff, maybe 3", Area.ANKLE),
        ("hammies ok, achilles not so much, bit sore", Area.ACHILLES),
        ("knee fine, its the right shin, aches when i land", Area.SHINS),
        (
            "quads way less tight than last week. only thing is my lower back, it hurts",
            Area.LOWER_BACK,
        ),
        ("glutes ok but quads smashed", Area.QUADS),
    ],
)
def test_a_feeling_after_an_area_said_fine_is_the_next_areas(text: str, area: Area) -> None:
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [r.area for r in reports] == [area]


@pytest.mark.parametrize(
    ("text", "city", "at", "off"),
    [
        ("moved to leeds, turn off the morning messages for now", "Leeds", None, True),
        ("im in glasgow now so send the reminder at 6 my time", "Glasgow", time(6), False),
        ("msgs at 7 please, also im in madrid now", "Madrid", time(7), False),
        ("im in paris now, msgs at half 8", "Paris", time(8, 30), False),
    ],
)
def test_a_city_and_a_reminder_said_together_are_both_kept(
    text: str, city: str, at: time | None, off: bool
) -> None:
    parts = understand_all(text, TODAY)
    kinds = [p.kind for p in parts]
    assert kinds == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]
    assert city in (parts[0].timezone_text or "")
    assert parts[1].reminder_time == at
    assert parts[1].reminder_off is off


def test_a_leaving_day_said_without_a_subject_starts_the_break() -> None:
    (pause,) = understand_all("off to the alps fri, back on the 4th of jan", TODAY)
    assert pause.pause_from == date(2026, 12, 18)
    assert pause.pause_until == date(2027, 1, 3)


def test_back_in_a_place_on_a_day_ends_the_break_the_day_before() -> None:
    (pause,) = understand_all("away from monday, back in galway on the 30th", TODAY)
    assert pause.pause_from == date(2026, 12, 21)
    assert pause.pause_until == date(2026, 12, 29)


def test_a_break_and_a_race_said_in_two_sentences_are_both_kept() -> None:
    parts = understand_all("flying out sat, back on 3 jan. also my half is on 7 march now", TODAY)
    assert {p.kind for p in parts} == {IntentKind.PAUSE, IntentKind.RACE_DATE}
    race = next(p for p in parts if p.kind is IntentKind.RACE_DATE)
    assert race.race_date == date(2027, 3, 7)


@pytest.mark.parametrize(
    "text",
    [
        "did it before work, effort 5. my long runs are on sundays",
        "did the session, 6. i usually race on saturdays",
    ],
)
def test_a_weekday_said_as_a_habit_is_no_day_of_the_log(text: str) -> None:
    (done,) = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert done.log_day is None


@pytest.mark.parametrize(
    "text",
    [
        "got a cold since tuesday, not doing it today",
        "had a sore throat since monday, is it ok to train with a cold?",
    ],
)
def test_since_a_day_is_when_it_started_not_a_day_ahead(text: str) -> None:
    for part in understand_all(text, TODAY):
        assert part.log_day is None or part.log_day <= TODAY
        assert part.ask_day is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("some experience, did plyos at uni", "intermediate"),
        ("i said some experience, i did plyos for 2 yrs at college", "intermediate"),
        ("not very experienced tbh", "beginner"),
        ("no experience", "beginner"),
    ],
)
def test_the_level_named_in_the_buttons_words_wins(text: str, level: str) -> None:
    answer = level_answer(text)
    assert answer is not None
    assert answer.value == level


@pytest.mark.parametrize(
    "text", ["did plyos years ago", "i did box jumps for 2 yrs at uni", "did plyos back in college"]
)
def test_training_told_as_the_past_is_no_log(text: str) -> None:
    assert all(p.kind is not IntentKind.DONE for p in understand_all(text, TODAY))


@pytest.mark.parametrize("text", ["done, did it for a month now", "did todays session for 20 min"])
def test_a_log_of_now_stays_a_log(text: str) -> None:
    assert [p.kind for p in understand_all(text, TODAY)] == [IntentKind.DONE]


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("is cycling ok instead of running", True),
        ("can i swim or bike?", True),
        ("can i run after my swim?", False),
        ("can i go for an easy jog", False),
    ],
)
def test_another_activity_asked_about_is_not_running(text: str, other: bool) -> None:
    assert asks_other_activity(text) is other
    assert asks_to_run(text) is not other


@pytest.mark.parametrize(
    "text", ["right so what can i do today", "anything we should do today", "anything to do today?"]
)
def test_what_to_do_today_asks_for_the_session(text: str) -> None:
    assert [p.kind for p in understand_all(text, TODAY)] == [IntentKind.TODAY]


@pytest.mark.parametrize(
    "text",
    [
        "how do i not end up with shin splints",
        "how can i stop getting a stress fracture like my sister",
        "half my club has shin splints right now, glad im ok",
        "my mate who i run with on fridays has just been diagnosed with a stress fracture",
    ],
)
def test_avoiding_it_or_others_having_it_stores_nothing(text: str) -> None:
    for part in understand_all(text, TODAY):
        assert part.report is None
        assert not part.signs


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("done a bit of strength work at the gym but never jumps really", None),
        ("some, been working out for years", None),
        ("some plyo, desk job", True),
        ("plyo work at uni, i work in an office now", True),
    ],
)
def test_training_work_is_no_answer_about_a_desk_job(text: str, desk: bool | None) -> None:
    assert desk_said(text) is desk


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("missed tue and thur, work was mental", [date(2026, 12, 15), None]),
        ("couldnt get to it today, on a plane all day", [None]),
    ],
)
def test_short_days_and_couldnt_get_to_it_are_skips(text: str, days: list[date | None]) -> None:
    parts = understand_all(text, TODAY)
    assert all(p.kind is IntentKind.SKIPPED for p in parts)
    assert sorted(p.log_day or TODAY for p in parts) == sorted(d or TODAY for d in days)


def test_cant_get_to_sleep_for_an_ache_is_night_pain() -> None:
    (report,) = [p.report for p in understand_all("cant get to sleep, hip aching", TODAY)]
    assert report is not None
    assert "night_pain" in {flag.value for flag in report.red_flags}


@pytest.mark.parametrize("text", ["ive moved city", "moved abroad last month"])
def test_a_move_without_a_city_asks_for_it(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert part.kind is IntentKind.SET_TIMEZONE
    assert part.timezone_text is None


def test_pain_building_on_every_run_is_a_warning() -> None:
    text = "every run lately my right hip starts hurting after 3k, about a 5 by the end"
    (report,) = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert "worsening_during_run" in {flag.value for flag in report.red_flags}


@pytest.mark.parametrize(
    ("text", "topic"),
    [("done, way too easy tbh", "too-easy"), ("did it but it was too hard, 9", "too-hard")],
)
def test_a_session_said_too_easy_or_hard_beside_its_log_gets_that_answer(
    text: str, topic: str
) -> None:
    question, parts = FAQ.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert question is not None
    assert question.id == topic
    assert [p.kind for p in parts] == [IntentKind.DONE]


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow should be better, skipping today",
        "just settled in leeds for the winter",
        "my mate has a sore knee, i told him to see a physio. im fine myself",
    ],
)
def test_no_recovery_or_clearance_is_read_where_none_is_said(text: str) -> None:
    for part in understand_all(text, TODAY):
        assert part.kind is not IntentKind.FEELS_FINE
        assert not part.cleared


def test_back_to_an_activity_is_no_lower_back() -> None:
    for part in understand_all("been back running for 6 weeks, all good", TODAY):
        assert Area.LOWER_BACK not in part.fine_areas
        assert part.report is None


def test_days_listed_as_missed_are_never_logged_done() -> None:
    parts = understand_all("missed monday and tuesday, did wednesday, about a 5", TODAY)
    done = [p for p in parts if p.kind is IntentKind.DONE]
    assert [p.log_day for p in done] == [date(2026, 12, 16)]
    assert all(p.kind in (IntentKind.DONE, IntentKind.SKIPPED) for p in parts)


@pytest.mark.parametrize(
    "text",
    ["pause saturday and sunday please, back monday. todays done, 6", "back tmrw, skip today"],
)
def test_back_on_a_day_names_no_lower_back(text: str) -> None:
    assert all(p.report is None for p in understand_all(text, TODAY))


def test_next_week_too_is_next_week() -> None:
    (pause,) = understand_all("pause the plan next week too", TODAY)
    assert (pause.pause_from, pause.pause_until) == (date(2026, 12, 21), date(2026, 12, 27))


def test_the_break_said_over_is_a_return() -> None:
    kinds = [p.kind for p in understand_all("holiday is over, back at it", TODAY)]
    assert kinds == [IntentKind.RESUME]
