"""Session twenty-one, in my own words here: a clinician's restriction in more words ("no
impact on my right shin", "avoid any jumping and heavy twisting until my follow-up", a
midwife's word); a report told before a prevention question is the runner's; a race named
by its place ("the lisbon half"), moved from an old date to a new one; logs that are no
logs ("did absolutely no exercise", "finished my first marathon", "no hopping or
skipping"); a done logged by mistake; planned days beside a done one; the reminder's time
asked in a clause of its own."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, Side

TODAY = date(2033, 5, 4)  # a Wednesday


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, TODAY)]


def _signs(text: str) -> set[RedFlag]:
    found: set[RedFlag] = set()
    for part in understand_all(text, TODAY):
        found |= part.signs
        if part.report is not None:
            found |= part.report.red_flags
    return found


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("GP said no impact on my right shin for 6 weeks, mobility is fine though", Area.SHINS),
        (
            "the physio I'm seeing for my back said I should avoid any jumping and heavy "
            "twisting until my follow-up, but gentle mobility is fine",
            Area.LOWER_BACK,
        ),
        ("my podiatrist said no hopping or skipping for a month for my achilles", Area.ACHILLES),
    ],
)
def test_a_clinicians_restriction_in_more_words_holds_the_area(text: str, area: Area) -> None:
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [r.area for r in reports] == [area]
    assert RedFlag.CLINICIAN_HOLD in reports[0].red_flags


def test_no_hopping_or_skipping_is_no_skipped_session() -> None:
    assert IntentKind.SKIPPED not in _kinds("GP has said no hopping or skipping for a month")


def test_a_midwifes_word_before_a_pelvic_health_check_keeps_impact_out() -> None:
    text = (
        "10 weeks postpartum. The midwife said no running or jumping until I've seen a "
        "pelvic health physio, but walking and gentle mobility are fine."
    )
    assert RedFlag.CLINICIAN_HOLD in _signs(text)
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [r.area for r in reports] == [Area.PELVIC_FLOOR]


def test_a_report_before_a_prevention_question_is_the_runners() -> None:
    text = (
        "shin pain getting worse every run, now walking hurts too. "
        "how do I avoid a stress fracture?"
    )
    assert RedFlag.PAIN_ON_WALKING in _signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "worried about shin splints, how do i prevent them?",
        "had shin splints last year, totally recovered, any advice?",
        "my clubmate has a stress fracture in her foot, how do i avoid one?",
    ],
)
def test_a_worry_a_past_or_anothers_injury_before_the_question_is_no_report(text: str) -> None:
    assert not {IntentKind.BODY_REPORT, IntentKind.WARNING_SIGN} & set(_kinds(text))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("signed up for the lisbon half on june 12", date(2033, 6, 12)),
        ("my cardiff half is on the 20th", date(2033, 5, 20)),
        (
            "race was meant to be the 22nd of May but it's now on the 19th of June",
            date(2033, 6, 19),
        ),
        ("my race was supposed to be on 22 may but it's been moved to 19 june", date(2033, 6, 19)),
    ],
)
def test_a_race_named_by_its_place_or_moved_is_stored_on_its_new_day(text: str, day: date) -> None:
    races = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.RACE_DATE]
    assert [p.race_date for p in races] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "did the first half of the session",
        "I PB'd at the Dublin half by 4 minutes last Sunday",
        "got a pb at the Dublin half on sunday!",
    ],
)
def test_a_half_that_is_a_part_or_a_race_run_sets_no_race(text: str) -> None:
    assert all(p.race_date is None for p in understand_all(text, TODAY))


@pytest.mark.parametrize(
    "text",
    [
        "Just finished my first marathon!!! 3:52, so happy",
        "did absolutely no exercise on holiday",
        "I haven't done anything different in training. Do I carry on with the sessions?",
    ],
)
def test_no_hip_session_is_logged(text: str) -> None:
    assert not {IntentKind.DONE, IntentKind.SKIPPED} & set(_kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "did my long run and the hip session, 6/10",
        "did the long run and then the hip session, 6/10",
    ],
)
def test_a_session_done_beside_a_run_is_logged(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.effort) == (IntentKind.DONE, 6)


@pytest.mark.parametrize("text", ["did it no pain", "done no pain", "did it, no pain"])
def test_a_done_with_no_pain_is_still_the_log(text: str) -> None:
    assert _kinds(text) == [IntentKind.DONE]


def test_a_done_logged_by_mistake_is_that_days_skip() -> None:
    (part,) = understand_all("I logged yesterday as done but that was wrong, I skipped it", TODAY)
    assert (part.kind, part.log_day) == (IntentKind.SKIPPED, date(2033, 5, 3))


def test_planned_days_beside_a_done_one_are_not_logged() -> None:
    parts = understand_all("did monday, will do wednesday or thursday", TODAY)
    assert [(p.kind, p.log_day) for p in parts] == [(IntentKind.DONE, date(2033, 5, 2))]


def test_yesterday_and_today_win_over_the_last_couple_of_days() -> None:
    text = "been rough the last couple of days. I skipped yesterday and today because of it"
    days = [p.log_day or TODAY for p in understand_all(text, TODAY)]
    assert days == [date(2033, 5, 3), TODAY]


def test_the_reminder_time_asked_in_its_own_clause_wins() -> None:
    text = (
        "The reminder at 7am lands right when I'm falling asleep. Can you send it at 18:30 instead?"
    )
    times = [
        p.reminder_time for p in understand_all(text, TODAY) if p.kind is IntentKind.SET_REMINDER
    ]
    assert times == [time(18, 30)]


def test_reminders_off_by_hours_are_a_place_not_off() -> None:
    text = "the reminders are all off by hours, could you update my location to Vancouver?"
    (part,) = understand_all(text, TODAY)
    assert part.kind is IntentKind.SET_TIMEZONE
    assert not part.reminder_off


@pytest.mark.parametrize(
    "text", ["can you switch the sessions back on?", "turn the sessions back on please"]
)
def test_sessions_switched_back_on_is_a_return(text: str) -> None:
    assert _kinds(text) == [IntentKind.RESUME]


def test_a_city_said_before_an_aside_is_the_city() -> None:
    intent = understand("I live in Vienna if that matters for timings", TODAY)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert (intent.timezone_text or "").startswith("Vienna")


def test_a_side_said_of_the_held_shin_is_kept() -> None:
    (part,) = understand_all("GP said no impact on my right shin for 6 weeks", TODAY)
    assert part.report is not None
    assert part.report.side is Side.RIGHT


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("6ish works for the reminder", time(6, 0)),
        ("The 6am message is a bit early now. Could you make it half 7 instead?", time(7, 30)),
    ],
)
def test_a_time_that_suits_the_message_moves_it(text: str, at: time) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.reminder_time) == (IntentKind.SET_REMINDER, at)


def test_no_sesh_today_is_a_skip() -> None:
    assert _kinds("no sesh today, travelling all day") == [IntentKind.SKIPPED]


def test_stop_sessions_for_now_is_an_open_pause() -> None:
    (part,) = understand_all("stop sessions for now", TODAY)
    assert (part.kind, part.pause_until) == (IntentKind.PAUSE, None)


@pytest.mark.parametrize(
    "text", ["Can we get back to the normal sessions?", "can I get back on the full plan?"]
)
def test_back_to_the_normal_sessions_is_a_return(text: str) -> None:
    assert _kinds(text) == [IntentKind.RESUME]


def test_a_relative_which_asks_nothing() -> None:
    text = (
        "Been doing the sessions in my lunch break, which has been going ok. Today I didn't "
        "manage it because of back to back meetings. Tomorrow should be calmer."
    )
    assert _kinds(text) == [IntentKind.SKIPPED]


def test_a_long_run_done_on_a_day_is_no_running_week_told() -> None:
    text = (
        "The left hamstring that was bugging me last week is totally fine now, did a long run "
        "on Sunday with zero issues. The right calf has been a bit tight, maybe a 3 out of 10."
    )
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [(r.area, r.side, r.severity) for r in reports] == [(Area.CALVES, Side.RIGHT, 3)]


def test_the_running_week_told_beside_a_skip_keeps_the_skip_today() -> None:
    (part,) = understand_all("my long run is on sunday, skipped today", TODAY)
    assert (part.kind, part.log_day) == (IntentKind.SKIPPED, None)


def test_a_day_said_fine_and_rated_is_that_days_log() -> None:
    (part,) = understand_all("friday's was fine though, a 5", TODAY)
    assert (part.kind, part.log_day, part.effort) == (IntentKind.DONE, date(2033, 4, 29), 5)


@pytest.mark.parametrize(
    "text",
    [
        "the half marathon I was training for has been cancelled",
        "Race update: the half I was training for has been cancelled. I'll look for one in the "
        "autumn but nothing's booked.",
    ],
)
def test_a_race_said_cancelled_a_few_words_on_is_off(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.race_off) == (IntentKind.RACE_DATE, True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I passed all the hop tests. Can we get back to the normal sessions?", IntentKind.RESUME),
        ("the hops look fun. when do they start?", IntentKind.PLAN_QUESTION),
        ("is there any jumping in this plan at all? when?", IntentKind.PLAN_QUESTION),
    ],
)
def test_the_jumps_are_asked_when_a_sentence_asks_of_them(text: str, kind: IntentKind) -> None:
    assert _kinds(text)[-1] is kind
