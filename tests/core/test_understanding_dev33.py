"""Session nineteen's development set, in my own words here: a time asked for the day's
message without the word reminder ("send it 7ish", "can we move it to 7pm"); done said
in another language or as "dun"; "5 from 10"; "what have i got monday"; a short "how am i
going?" is progress; numbness of a hand or a brain is no leg nerve sign; "felt sharp and
springy" is form, not pain; "no pain relief from the stretches" is no pain; a rating that
has fallen ("down to a 2") is the report's; "the 3rd floor" is no date."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.vocabulary import ReportKind

TODAY = date(2030, 9, 18)  # a Wednesday
FAQ = load_content().faq


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("can the message come at 6.15", time(6, 15)),
        ("send it 7ish pls", time(7, 0)),
        ("quarter to six from now on please", time(5, 45)),
        ("can we move it to 7pm", time(19, 0)),
        ("send it 6:30 from now on", time(6, 30)),
    ],
)
def test_a_time_asked_for_the_message_is_the_reminder(text: str, at: time) -> None:
    found = understand_all(text, TODAY)
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [at]


@pytest.mark.parametrize("text", ["send it 3 times", "move it to saturday", "send it to me pls"])
def test_no_time_no_reminder(text: str) -> None:
    assert all(p.kind is not IntentKind.SET_REMINDER for p in understand_all(text, TODAY))


@pytest.mark.parametrize(
    ("text", "effort", "day"),
    [
        ("dun", None, TODAY),
        ("Terminé! effort 4", 4, TODAY),
        ("fertig, 6", 6, TODAY),
        ("Today I did the session, it was 5 from 10.", 5, TODAY),
        (
            "Yesterday I do the session but I forget to write here. Was hard, 8 of 10.",
            8,
            date(2030, 9, 17),
        ),
    ],
)
def test_done_as_people_say_it(text: str, effort: int | None, day: date) -> None:
    found = understand(text, TODAY)
    assert found.kind is IntentKind.DONE
    assert found.effort == effort
    assert (found.log_day or TODAY) == day


@pytest.mark.parametrize("text", ["what have i got monday", "what have i got on monday"])
def test_a_day_asked_ahead_is_its_plan(text: str) -> None:
    found = understand(text, TODAY)
    assert found.kind is IntentKind.PLAN_QUESTION
    assert found.ask_day == date(2030, 9, 23)


def test_what_have_i_logged_is_still_the_history() -> None:
    assert understand("what have i logged", TODAY).kind is IntentKind.HISTORY


def test_a_short_how_am_i_going_is_progress_not_an_answer() -> None:
    intent = understand("how am I going?", TODAY)
    asked, _ = FAQ.questions(intent, understand_all("how am I going?", TODAY), "how am I going?")
    assert intent.kind is IntentKind.PROGRESS
    assert asked == ()


@pytest.mark.parametrize(
    "text",
    [
        "pins and needles in my hand from holding my phone at the gym lol. done 4",
        "my brain is numb from spreadsheets lol. did it tho, 5",
        "felt sharp and springy on the hops. effort 6",
        "sharp sesh today",
    ],
)
def test_look_alikes_carry_no_sign(text: str) -> None:
    found = understand_all(text, TODAY)
    assert not any(p.signs or (p.report and p.report.red_flags) for p in found)


@pytest.mark.parametrize(
    "text",
    [
        "numb hand and tingling down my left leg",
        "chest pain and my left arm is numb",
        "knee felt sharp and sore on the hops",
    ],
)
def test_real_signs_beside_them_still_count(text: str) -> None:
    found = understand_all(text, TODAY)
    assert any(p.signs or (p.report and p.report.red_flags) for p in found)


def test_no_pain_relief_is_no_pain() -> None:
    found = understand("no pain relief from the stretches, left hip flexor still tight, 4", TODAY)
    assert found.report is not None
    assert found.report.kind is ReportKind.TIGHTNESS
    assert found.report.severity == 4


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("tightness in my right IT band, was a 4, foam rolled it and it's down to a 2 today", 2),
        ("My knee was hurting last week, it was a 4. Today it's down to about a 1", 1),
    ],
)
def test_a_rating_that_has_fallen_is_the_one_now(text: str, severity: int) -> None:
    found = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [r.severity for r in found] == [severity]


def test_the_3rd_floor_is_no_date() -> None:
    text = "I live on the 3rd floor so I can't really jump. Skipped today's session because of it."
    found = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.SKIPPED]
    assert [p.log_day or TODAY for p in found] == [TODAY]


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("I make the session, was hard 8 of 10", 8),
        ("session is made. hard, 8 of 10", 8),
        ("I make the jumps, it was good 6 of 10", 6),
    ],
)
def test_a_session_made_is_done(text: str, effort: int) -> None:
    found = understand(text, TODAY)
    assert (found.kind, found.effort) == (IntentKind.DONE, effort)


def test_tired_legs_beside_a_tight_part_report_the_part() -> None:
    text = "parkrun pb!! skipping the hip stuff today legs r cooked, hips bit tight both sides"
    found = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [(r.area.value, r.kind) for r in found] == [("hips", ReportKind.TIGHTNESS)]


def test_a_dash_before_a_question_keeps_the_log() -> None:
    kinds = [p.kind for p in understand_all("done 7 - can i do it after a long run?", TODAY)]
    assert IntentKind.DONE in kinds


def test_tomorrow_said_first_starts_the_trip_tomorrow() -> None:
    found = understand("tomorrow I travel to Lisbon, pause please until sunday", TODAY)
    assert (found.kind, found.pause_from, found.pause_until) == (
        IntentKind.PAUSE,
        date(2030, 9, 19),
        date(2030, 9, 22),
    )


def test_the_fallen_rating_holds_across_clauses() -> None:
    text = (
        "Bit of tightness in my right IT band after the long run Sunday, was a 4, foam rolled "
        "it and it's down to a 2 today. Did today's session, went fine, 5."
    )
    found = understand_all(text, TODAY)
    assert [p.kind for p in found] == [IntentKind.DONE]
    assert found[0].report is not None
    assert (found[0].effort, found[0].report.severity) == (5, 2)


@pytest.mark.parametrize(
    "text",
    [
        "Haven't done a single session for about 10 days, family stuff.",
        "not done a session in ages",
        "Haven't done a single session for about 10 days. What's today anyway",
    ],
)
def test_a_gap_is_no_skip_of_today(text: str) -> None:
    assert all(p.kind is not IntentKind.SKIPPED for p in understand_all(text, TODAY))


def test_not_done_today_is_still_a_skip() -> None:
    assert understand("havent done it today", TODAY).kind is IntentKind.SKIPPED
