"""Session twenty, in my own words here: a clinician's advice said with "says", "wants",
"tells" or "reckons" asks no return, as "said" did; the runner's own "I want to carry on"
still does."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.answers import effort_answer
from bot.core.understanding.clock import parse_time
from bot.core.understanding.model import PlanTopic
from bot.core.understanding.questions import ran_said
from bot.core.understanding.replies import reminder_answer
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2032, 8, 11)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "the physio says my IT band is just tight and to carry on with the plan",
        "my physio wants me to carry on with the plan",
        "coach reckons I should carry on with the plan",
        "physio tells me to get back on the plan",
    ],
)
def test_someone_elses_carry_on_is_no_return(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.RESUME


@pytest.mark.parametrize("text", ["I want to carry on with the plan", "im back, carry on"])
def test_the_runners_own_carry_on_is_a_return(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.RESUME


def test_the_fuller_reading_of_a_spoken_time_wins() -> None:
    """Two readings at one place ("at five" and "five forty five") beside a reason: the
    fuller one, whatever the hash seed (they were a set)."""
    text = "can you remind me at five forty five instead of six because of the school run"
    assert parse_time(text) == time(5, 45)


def test_a_reminder_hour_asked_across_clauses_keeps_the_report_beside_it() -> None:
    text = "my foot hurts. my reminder is going off at 6 which is too early, could you make it 8?"
    found = understand_all(text, TODAY)
    assert [p.kind for p in found] == [IntentKind.BODY_REPORT, IntentKind.SET_REMINDER]
    report = found[0].report
    assert report is not None
    assert report.severity is None
    assert found[1].reminder_time == time(8, 0)
    assert not found[1].reminder_off


def test_a_clinicians_hold_beside_a_reminder_hour_is_not_rated() -> None:
    text = (
        "GP thinks I might have a stress reaction in my foot and has told me no running or "
        "jumping until the MRI on the 20th. Also my reminder is going off at 6 which is too "
        "early, could you make it 8?"
    )
    found = understand_all(text, TODAY)
    reports = [p.report for p in found if p.report is not None]
    assert [(r.area, r.severity) for r in reports] == [(Area.FOOT, None)]
    assert RedFlag.CLINICIAN_HOLD in reports[0].red_flags
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [time(8, 0)]


def test_a_sentence_ending_inside_brackets_ends_its_part() -> None:
    found = understand_all("race is oct 10 (chicago!!) whats next week", TODAY)
    assert [p.kind for p in found] == [IntentKind.RACE_DATE, IntentKind.PLAN_QUESTION]
    assert found[0].race_date == date(2032, 10, 10)


def test_a_correction_still_rates_a_report() -> None:
    (found,) = understand_all("calf sore 3/10, actually make it 4", TODAY)
    assert found.report is not None
    assert found.report.severity == 4


@pytest.mark.parametrize(
    "text",
    [
        "physio says no hopping for 2 weeks",
        "the doc said stop running for 2 weeks",
        "physio cleared me but said avoid jumping for another week",
        "she thinks it's a tendon thing, the physio wants me off hopping and bounding for 3 weeks",
        "Podiatrist visit done. She said no hopping or skipping till she sees me again",
    ],
)
def test_a_clinicians_restriction_in_other_words_is_a_hold(text: str) -> None:
    found = understand_all(text, TODAY)
    signs = {s for p in found for s in p.signs} | {
        s for p in found if p.report is not None for s in p.report.red_flags
    }
    assert RedFlag.CLINICIAN_HOLD in signs


@pytest.mark.parametrize(
    "text",
    [
        "physio cleared me, no more hopping restrictions",
        "physio cleared me to stop avoiding hopping",
        "physio says I can start hopping again, no more avoiding the jumps",
    ],
)
def test_a_restriction_lifted_is_a_go_ahead(text: str) -> None:
    found = understand(text, TODAY)
    assert found.cleared
    assert RedFlag.CLINICIAN_HOLD not in found.signs


@pytest.mark.parametrize(
    "text", ["calf went on the long run, had to walk home", "hamstring twanged on the track"]
)
def test_a_muscle_that_went_is_a_warning(text: str) -> None:
    found = understand(text, TODAY)
    assert found.report is not None
    assert found.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "Podiatrist visit done. Just letting you know.",
        "I've done the plan faithfully for 3 weeks and it's mostly been mobility and band stuff.",
        "I've done the first week and I'm enjoying it.",
        "We finally did it, moved to Vancouver!",
        "I've managed the sessions most days but this week is a write-off.",
    ],
)
def test_a_done_that_is_no_session_of_today_logs_nothing(text: str) -> None:
    assert all(p.kind is not IntentKind.DONE for p in understand_all(text, TODAY))


@pytest.mark.parametrize(
    ("text", "effort"),
    [("dentist done, session done too 6/10", 6), ("done the first week, today was a 5", 5)],
)
def test_the_session_said_beside_another_done_is_logged(text: str, effort: int) -> None:
    logs = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [p.effort for p in logs] == [effort]


def test_running_taken_up_again_is_no_return_to_the_sessions() -> None:
    assert understand("Had my second baby 5 months ago and I'm back running.", TODAY).kind is not (
        IntentKind.RESUME
    )
    assert understand("im back running, turn the sessions back on", TODAY).kind is (
        IntentKind.RESUME
    )
    assert understand("I'm back running. Resume please", TODAY).kind is IntentKind.RESUME


def test_carry_on_as_normal_asked_is_no_return() -> None:
    text = (
        "Missed yesterday because my youngest had a hospital appointment. Should I do "
        "yesterday's and today's together this evening or just carry on as normal?"
    )
    assert all(p.kind is not IntentKind.RESUME for p in understand_all(text, TODAY))


def test_a_ward_round_is_no_city() -> None:
    text = "The morning message comes through when I'm in the middle of a ward round."
    assert all(p.kind is not IntentKind.SET_TIMEZONE for p in understand_all(text, TODAY))


def test_a_numb_brain_beside_springy_legs_is_no_sign_and_the_session_is_logged() -> None:
    text = (
        "Sharp session today, those bounds were no joke! My brain is numb from work but my "
        "legs felt springy. Effort was about a 7."
    )
    found = understand_all(text, TODAY)
    assert [(p.kind, p.effort) for p in found] == [(IntentKind.DONE, 7)]
    assert not found[0].signs
    assert found[0].report is None


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("did parkrun this morning anyway, calf held up mostly", True),
        ("ran 5k this morning, calf was ok", True),
        ("went for a run, calf held up", True),
        ("can I go for a run?", False),
        ("gonna do a run tomorrow", False),
    ],
)
def test_a_run_told_as_done(text: str, *, told: bool) -> None:
    assert ran_said(text.lower()) is told


@pytest.mark.parametrize(
    ("text", "effort"),
    [("did the hip flexor one this morning, 5", 5), ("did the rotation one this morning", None)],
)
def test_a_session_named_by_its_areas_or_its_name_is_logged(text: str, effort: int | None) -> None:
    found = understand_all(text, TODAY)
    assert [(p.kind, p.effort) for p in found] == [(IntentKind.DONE, effort)]
    assert found[0].report is None


def test_forgot_to_say_is_no_supposition() -> None:
    (found,) = understand_all("forgot to say I did tuesday, a 5", TODAY)
    assert (found.kind, found.log_day, found.effort) == (IntentKind.DONE, date(2032, 8, 10), 5)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("8 in the morning pls", time(8, 0)),
        ("7 every day", time(7, 0)),
        ("8 in the evening", time(20, 0)),
        ("9 at night", time(21, 0)),
    ],
)
def test_an_hour_answered_with_its_part_of_the_day(text: str, at: time) -> None:
    assert reminder_answer(text) == at


@pytest.mark.parametrize(
    ("text", "effort"),
    [("mmm better 7ish", None), ("7ish would be better", None), ("7ish", 7), ("hard, 8", 8)],
)
def test_an_hour_wished_for_is_no_effort_answer(text: str, effort: int | None) -> None:
    assert effort_answer(text, TODAY) == effort


def test_a_log_rated_beside_a_go_ahead_is_kept() -> None:
    found = understand_all("great session!! rpe 6. GP says my bloods are all fine now too", TODAY)
    assert [p.effort for p in found if p.kind is IntentKind.DONE] == [6]


def test_a_request_run_on_after_a_log_is_its_own_part() -> None:
    text = "did the session at 5am before shift rpe 6 can i move the reminder to 4.45"
    found = understand_all(text, TODAY)
    assert [(p.kind, p.effort) for p in found if p.kind is IntentKind.DONE] == [
        (IntentKind.DONE, 6)
    ]
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [time(4, 45)]


def test_a_report_then_all_good_now_is_the_areas_recovery() -> None:
    text = "hip was sore yesterday but all good now, did today's at 6/10"
    found = understand_all(text, TODAY)
    assert [(p.kind, p.fine_areas) for p in found if p.kind is IntentKind.FEELS_FINE] == [
        (IntentKind.FEELS_FINE, (Area.HIPS,))
    ]
    assert all(p.kind is not IntentKind.BODY_REPORT for p in found)
    calf = understand_all("calf is sore but all good otherwise, did todays 5", TODAY)
    assert any(p.report is not None and p.report.area is Area.CALVES for p in calf)


def test_a_visit_yesterday_is_not_the_day_of_todays_session() -> None:
    text = (
        "Saw the physio yesterday about my hip. I did the mobility part of today's session, "
        "felt easy, 3/10."
    )
    logs = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [(p.log_day, p.effort) for p in logs] == [(None, 3)]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("why no jumps yet? and when do they start", [PlanTopic.WHY, PlanTopic.JUMPS]),
        ("whats this week and when are jumps", [PlanTopic.WEEK, PlanTopic.JUMPS]),
        ("whats this week", [PlanTopic.WEEK]),
    ],
)
def test_each_plan_question_is_answered(text: str, topics: list[PlanTopic]) -> None:
    assert [p.topic for p in understand_all(text, TODAY)] == topics


def test_turn_everything_back_on_is_a_return_beside_the_reminder() -> None:
    found = understand_all("turn everything back on please and remind me at 7:15 now", TODAY)
    assert [p.kind for p in found] == [IntentKind.RESUME, IntentKind.SET_REMINDER]


def test_a_plan_question_beside_a_warning_sign_is_answered_too() -> None:
    text = (
        "Did the session, about a 6. My left shin hurts when I press on it. It's been waking "
        "me up the last few nights too. Anyway, when do the jumps start?"
    )
    found = understand_all(text, TODAY)
    assert any(p.report is not None and p.report.red_flags for p in found)
    assert [p.topic for p in found if p.kind is IntentKind.PLAN_QUESTION] == [PlanTopic.JUMPS]
    assert [
        p.kind for p in understand_all("sharp pain in my knee when I hop. is that normal?")
    ] == [IntentKind.BODY_REPORT]


@pytest.mark.parametrize(
    "text",
    [
        "I think I did it on Thursday or Friday last week, can't remember which, and it was a 6.",
        "did thursday or friday, 6",
        "did the session on the 12th",  # the 11th today: last month's 12th, or a slip?
    ],
)
def test_a_log_day_said_two_ways_or_a_slip_is_asked_once(text: str) -> None:
    (found,) = understand_all(text, TODAY)
    assert found.kind is IntentKind.DONE
    assert found.unclear is not None
