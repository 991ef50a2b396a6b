"""Messages the way new runners wrote them in a trial and in fresh development sets, in our
own phrasings: numeric dates in a break, a value sent alone, a day "a week on", warning
signs in plain and clinical words, a side said on its own, recoveries, ratings and
settings said in passing."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.faq import eligible
from bot.core.understanding import Intent, IntentKind, PlanTopic, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.presentation.settings import reminder_set

WEDNESDAY = date(2027, 2, 10)


def _read(text: str) -> Intent:
    return understand(text, WEDNESDAY)


# ---------------------------------------------------------------- breaks with numeric dates


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("off skiing 27/12 - 3/1", date(2027, 12, 27), date(2028, 1, 3)),
        ("holiday 5/4 to 12/4, pause please", date(2027, 4, 5), date(2027, 4, 12)),
        ("on vacation 1.3 - 8.3", date(2027, 3, 1), date(2027, 3, 8)),
    ],
)
def test_a_break_between_numeric_dates_starts_on_its_first_day(
    text: str, first: date, last: date
) -> None:
    intent = _read(text)
    assert intent.kind is IntentKind.PAUSE
    assert (intent.pause_from, intent.pause_until) == (first, last)


@pytest.mark.parametrize(
    "text",
    ["pause 30/2 to 4/3", "pause from the 22nd to the 20th"],
)
def test_a_break_that_cannot_be_is_asked_about(text: str) -> None:
    intent = _read(text)
    assert intent.kind is IntentKind.PAUSE
    assert intent.unclear is not None
    assert intent.pause_until is None


def test_a_short_break_over_the_month_end_is_read_across_it() -> None:
    intent = _read("pause from the 27th to the 2nd")
    assert (intent.pause_from, intent.pause_until) == (date(2027, 2, 27), date(2027, 3, 2))


def test_a_day_said_before_the_return_starts_the_break() -> None:
    text = "Flying to Spain on the 3rd of April and back on the 12th, please suspend my plan"
    parts = understand_all(text, WEDNESDAY)
    assert [p.kind for p in parts] == [IntentKind.PAUSE]
    assert (parts[0].pause_from, parts[0].pause_until) == (date(2027, 4, 3), date(2027, 4, 11))


# ---------------------------------------------------------------- a value alone


@pytest.mark.parametrize(
    ("text", "at"),
    [("0715", time(7, 15)), ("2045", time(20, 45)), ("6:45pm", time(18, 45)), ("8am", time(8))],
)
def test_a_time_alone_is_the_reminder_time(text: str, at: time) -> None:
    intent = _read(text)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time == at


@pytest.mark.parametrize("text", ["12/10", "-3/10", "2599"])
def test_a_value_alone_that_cannot_be_right_is_asked_about(text: str) -> None:
    intent = _read(text)
    assert intent.unclear is not None
    assert intent.reminder_time is None


def test_a_plain_rating_alone_is_left_to_the_conversation() -> None:
    assert _read("5/10").kind is IntentKind.UNKNOWN


def test_the_reminder_reply_names_the_part_of_the_day() -> None:
    assert "evening" in reminder_set(time(19, 0), "Europe/London")
    assert "morning" in reminder_set(time(6, 30), "Europe/London")


@pytest.mark.parametrize(
    ("text", "at"),
    [("remind me at 6 this arvo", time(18)), ("reminder at 4 in the arvo", time(16))],
)
def test_the_afternoon_said_as_arvo(text: str, at: time) -> None:
    assert _read(text).reminder_time == at


# ---------------------------------------------------------------- a day a week on


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what's on thursday week?", date(2027, 2, 18)),
        ("what's on tuesday the week after next", date(2027, 2, 23)),
        ("whats on the friday after next?", date(2027, 2, 19)),
        ("what's on saturday next week?", date(2027, 2, 20)),
        ("what's on saturday?", date(2027, 2, 13)),
    ],
)
def test_a_day_further_ahead_is_a_day_plan_question(text: str, day: date) -> None:
    intent = _read(text)
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.topic is PlanTopic.DAY
    assert intent.ask_day == day
    assert not eligible(intent, text)  # the plan answers it, never an FAQ


def test_advice_about_a_day_may_still_be_an_faq() -> None:
    text = "missed monday, should I do two tomorrow?"
    assert eligible(_read(text), text)


# ---------------------------------------------------------------- warning signs


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("came off my bike and landed on my knee, pretty sore", RedFlag.AFTER_FALL),
        ("heard a pop in my calf on the hill sprint", RedFlag.SHARP_PAIN),
        ("paresthesia in my left foot since the long run", RedFlag.NUMBNESS_TINGLING),
        ("shin is tender and worse with hopping", RedFlag.PAIN_ON_HOPPING),
        ("point tenderness on my shin", RedFlag.BONE_SPOT),
        ("calf too sore to walk on properly", RedFlag.CANNOT_BEAR_WEIGHT),
        ("knee hurts more the longer I run", RedFlag.WORSENING_DURING_RUN),
        ("groin aches and it troubles me when walking", RedFlag.PAIN_ON_WALKING),
    ],
)
def test_warning_signs_in_everyday_and_clinical_words(text: str, flag: RedFlag) -> None:
    intent = _read(text)
    assert intent.report is not None
    assert flag in intent.report.red_flags


def test_coming_down_with_something_is_a_warning_sign() -> None:
    intent = _read("achy all over, I think I'm coming down with something")
    assert intent.kind is IntentKind.WARNING_SIGN
    assert RedFlag.UNWELL in intent.signs


def test_a_sign_beside_a_skip_keeps_both() -> None:
    parts = understand_all("skipped it, hip too sore to walk on", WEDNESDAY)
    assert parts[0].kind is IntentKind.SKIPPED
    assert parts[0].report is not None
    assert RedFlag.CANNOT_BEAR_WEIGHT in parts[0].report.red_flags


# ---------------------------------------------------------------- sides, ratings, recovery


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("groin tight on the R after the lunges, 3/10", Side.RIGHT),
        ("hamstring sore, L", Side.LEFT),
        ("adductors tight, right 4", Side.RIGHT),
        ("turn left at the lights, knee sore", Side.NONE),
    ],
)
def test_a_side_said_on_its_own(text: str, side: Side) -> None:
    intent = _read(text)
    assert intent.report is not None
    assert intent.report.side is side


def test_a_rating_out_of_ten_said_outta() -> None:
    intent = _read("ankle a bit sore, 2 outta 10")
    assert intent.report is not None
    assert intent.report.severity == 2


@pytest.mark.parametrize(
    "text",
    [
        "the tightness in my calf I told you about has fully resolved",
        "quads no longer stiff",
        "hip flexor stiffness resolved",
    ],
)
def test_a_recovery_said_in_other_words(text: str) -> None:
    assert _read(text).kind is IntentKind.FEELS_FINE


@pytest.mark.parametrize(
    "text",
    [
        "hamstring not sore any more, did the session, 4",
        "glutes ok, finished the session, 4",
        "calf recovered, did it, 4",
    ],
)
def test_a_number_beside_an_area_said_fine_is_the_effort(text: str) -> None:
    parts = understand_all(text, WEDNESDAY)
    done = [p for p in parts if p.kind is IntentKind.DONE]
    assert done
    assert done[0].effort == 4
    assert all(p.report is None for p in parts)


def test_a_fine_state_beside_a_log_clears_nothing() -> None:
    parts = understand_all("knee's good, hip's fine, a bit tired. done, 5", WEDNESDAY)
    assert [p.kind for p in parts] == [IntentKind.DONE]


def test_a_sore_area_beside_a_fine_one_keeps_the_effort() -> None:
    parts = understand_all("calves wrecked but hips fine, did it anyway, 7", WEDNESDAY)
    kinds = {p.kind: p for p in parts}
    assert kinds[IntentKind.DONE].effort == 7
    reports = [p.report for p in parts if p.report is not None]
    assert [r.area for r in reports] == [Area.CALVES]
    assert reports[0].kind is ReportKind.SORENESS


# ---------------------------------------------------------------- logs and settings


def test_unable_to_complete_is_a_skip() -> None:
    intent = _read("I was unable to complete Monday's session, work ran late")
    assert intent.kind is IntentKind.SKIPPED
    assert intent.log_day == date(2027, 2, 8)


def test_barely_finished_is_still_done() -> None:
    assert _read("barely finished it, 9").kind is IntentKind.DONE


@pytest.mark.parametrize("text", ["finished, felt like 5 or 6", "did it, was about 6-7"])
def test_an_effort_range_is_asked_about(text: str) -> None:
    parts = understand_all(text, WEDNESDAY)
    assert parts[0].kind is IntentKind.DONE
    assert parts[0].effort is None
    assert any(p.unclear for p in parts)


def test_an_odd_effort_in_another_clause_is_still_asked_about() -> None:
    parts = understand_all("Done. But honestly 14/10 effort", WEDNESDAY)
    assert any(p.unclear and "14" in p.unclear for p in parts)
    assert all(p.effort is None for p in parts)


def test_a_date_said_not_to_be_the_race_is_left_out() -> None:
    intent = _read("my race is on 12 June not 5 June")
    assert intent.race_date == date(2027, 6, 12)


def test_no_further_reminders_turns_them_off() -> None:
    intent = _read("I'd rather not get any further reminders")
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_off


def test_reminders_off_for_a_while_is_a_break() -> None:
    intent = _read("mute the reminders until monday")
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_until == date(2027, 2, 15)


@pytest.mark.parametrize(
    "text",
    ["time zone is wrong, the messages come at 4am", "what time zone have you got me in?"],
)
def test_a_time_zone_complaint_names_no_place(text: str) -> None:
    intent = _read(text)
    assert intent.kind is IntentKind.SET_TIMEZONE
    assert intent.timezone_text is None


def test_the_whole_of_the_week_is_no_reminder() -> None:
    intent = _read("could you show me the remainder of the week?")
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.topic is PlanTopic.WEEK


def test_someone_elses_body_is_no_typo() -> None:
    assert _read("my brothers knee is sore after his race").report is None


# ---------------------------------------------------------------- several parts


def test_a_question_after_also_is_answered_too() -> None:
    parts = understand_all("finished it, cheers! also what's thursday", WEDNESDAY)
    kinds = [p.kind for p in parts]
    assert IntentKind.DONE in kinds
    assert any(p.ask_day == date(2027, 2, 11) for p in parts)


def test_a_reminder_clause_after_a_city_is_its_own_request() -> None:
    text = "I'm in Leeds now, reminder at half 7 in the morning"
    kinds = {p.kind: p for p in understand_all(text, WEDNESDAY)}
    assert kinds[IntentKind.SET_TIMEZONE].timezone_text is not None
    assert kinds[IntentKind.SET_REMINDER].reminder_time == time(7, 30)


def test_a_rating_clause_belongs_to_the_dated_done() -> None:
    parts = understand_all("I did the session on Monday, forgot to say. effort 6", WEDNESDAY)
    dones = [p for p in parts if p.kind is IntentKind.DONE]
    assert [(d.log_day, d.effort) for d in dones] == [(date(2027, 2, 8), 6)]


def test_didnt_do_either_skips_both_days() -> None:
    parts = understand_all("worked nights Sunday and Monday so didn't do either", WEDNESDAY)
    assert [(p.kind, p.log_day) for p in parts] == [
        (IntentKind.SKIPPED, date(2027, 2, 7)),
        (IntentKind.SKIPPED, date(2027, 2, 8)),
    ]


def test_what_a_runner_cannot_do_in_general_is_no_log() -> None:
    assert _read("I can't do plyos, my downstairs neighbour hates the noise").kind is not (
        IntentKind.SKIPPED
    )
    assert _read("skipped the hops today, ankle").kind is IntentKind.SKIPPED
    assert _read("can't do it today, work").kind is IntentKind.SKIPPED


def test_tingling_in_the_foot_and_leg_is_the_leg() -> None:
    intent = _read("pins and needles in my left foot and leg since the run")
    assert intent.report is not None
    assert intent.report.area is Area.LEG
    assert intent.report.side is Side.LEFT


@pytest.mark.parametrize(
    ("text", "fine"),
    [
        ("knee feels fine now, didn't even need any ibuprofen", True),
        ("calf fine now, no pain relief from the tablets though", False),
        ("hip fine as long as I take painkillers", False),
    ],
)
def test_painkillers_not_needed_is_a_recovery(text: str, fine: bool) -> None:
    assert (_read(text).kind is IntentKind.FEELS_FINE) is fine


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("half marathon in 4 weeks on the sunday", date(2027, 3, 14)),
        ("my 10k is in 2 weeks on saturday", date(2027, 2, 27)),
    ],
)
def test_a_race_weeks_away_on_a_weekday_is_that_weeks_day(text: str, day: date) -> None:
    assert _read(text).race_date == day
