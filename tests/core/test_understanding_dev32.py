"""Session eighteen's development set (in my own words here): a correction said with a bare
"actually" ("6:15, no actually 6:45"); a time said to be wrong is not the new one ("5am is
way too early, 6:30 pls"); a burn "in a good way" is no report, let alone a sign; "set 2"
is no effort; "feel like I missed some" logs no skip; "till the end of march" and "the rest
of march" end a pause on the month's last day; days each said with their effort."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.answers import check_answer, clinician_answer
from bot.core.understanding.week import running_week

TODAY = date(2030, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("reminder at 6:15, no actually 6:45", time(6, 45)),
        ("remind me at 7 actually 7:30", time(7, 30)),
        ("5am reminder is way too early, 6:30 pls", time(6, 30)),
    ],
)
def test_the_time_meant_is_set(text: str, at: time) -> None:
    found = understand_all(text, TODAY)
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [at]


@pytest.mark.parametrize(
    "text",
    [
        "my legs were on fire during the bounds in a good way, effort 8",
        "legs on fire in a good way",
    ],
)
def test_a_welcome_burn_is_no_report(text: str) -> None:
    found = understand_all(text, TODAY)
    assert all(p.report is None and not p.signs for p in found)


def test_a_burn_on_the_hops_is_still_a_sign() -> None:
    found = understand("my knee is on fire on the hops", TODAY)
    assert found.report is not None
    assert found.report.red_flags


def test_which_set_is_no_effort() -> None:
    found = understand_all("the sessions are too hard, I'm dying by set 2", TODAY)
    assert all(p.kind is not IntentKind.DONE for p in found)


def test_missing_some_logs_no_skip() -> None:
    found = understand_all("what did I log last week? feel like I missed some", TODAY)
    assert [p.kind for p in found] == [IntentKind.HISTORY]


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("pause me til the end of march", date(2030, 3, 31)),
        ("pause for the rest of march, focusing on base mileage", date(2030, 3, 31)),
        ("pause till end of april", date(2030, 4, 30)),
        ("pause for the rest of the month", date(2030, 3, 31)),
    ],
)
def test_a_pause_to_a_months_end(text: str, until: date) -> None:
    found = understand(text, TODAY)
    assert found.kind is IntentKind.PAUSE
    assert found.pause_until == until


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("did monday 5 and yesterday 6", {date(2030, 3, 4): 5, date(2030, 3, 5): 6}),
        ("did yesterday 6 and today 4", {date(2030, 3, 5): 6, TODAY: 4}),
        ("yday 7, today 5 done", {date(2030, 3, 5): 7, TODAY: 5}),
    ],
)
def test_each_day_with_its_effort(text: str, logs: dict[date, int]) -> None:
    found = understand_all(text, TODAY)
    done = {p.log_day or TODAY: p.effort for p in found if p.kind is IntentKind.DONE}
    assert done == logs


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("yes the doctor checked it, scan clear no clot", True),
        ("doc said no dvt", True),
        ("gp said no sign of a clot", True),
        ("no clot but they said rest a week", None),
        ("not yet, no clot though i think", False),
        ("no", False),
    ],
)
def test_a_finding_ruled_out_is_a_yes(text: str, said: bool | None) -> None:
    assert clinician_answer(text) is said


@pytest.mark.parametrize(
    ("text", "passed"),
    [("hops were fine, 0 pain", True), ("0 pain", True), ("hopping was like a 4 tbh", False)],
)
def test_zero_pain_passes_a_check(text: str, passed: bool) -> None:
    assert check_answer(text, check="hop") is passed


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("hops were fine, 0 pain", None),
        ("squats were ok 2ish", None),
        ("all good now", None),
        ("yes", True),
        ("yep, physio cleared me", True),
        ("got the all clear", True),
    ],
)
def test_a_go_ahead_is_said_not_felt(text: str, said: bool | None) -> None:
    assert clinician_answer(text) is said


@pytest.mark.parametrize(
    "text",
    [
        "my knee feels kind of unstable when i land the hops, like it might buckle",
        "knee feels like it could give way on the stairs",
    ],
)
def test_a_knee_that_might_give_way_is_a_sign(text: str) -> None:
    found = understand(text, TODAY)
    assert found.report is not None
    assert found.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "shin a bit sore, 2/10 and doesn't hurt to hop or press on it",
        "knee is ok walking just twinges on stairs",
        "just finished, absolutely brutal, calves burning during the hops",
    ],
)
def test_no_sign_where_it_is_denied_or_a_muscle_working(text: str) -> None:
    for part in understand_all(text, TODAY):
        assert part.report is None or not part.report.red_flags
        assert not part.signs


def test_a_burning_shin_on_the_hops_is_still_a_sign() -> None:
    found = understand("shin burning during the hops", TODAY)
    assert found.report is not None
    assert found.report.red_flags


@pytest.mark.parametrize(
    ("text", "start", "until"),
    [
        (
            "Off to Chamonix for a ski week on saturday till the following saturday, pause pls",
            date(2030, 3, 9),
            date(2030, 3, 16),
        ),
        ("pause for the rest of the week", None, date(2030, 3, 10)),
    ],
)
def test_a_break_said_from_its_first_day(text: str, start: date | None, until: date) -> None:
    found = understand(text, TODAY)
    assert (found.pause_from, found.pause_until) == (start, until)


def test_should_i_skip_it_logs_no_skip() -> None:
    found = understand_all(
        "what's on saturday, I've got a long run sunday so should I do the session after it "
        "or skip it?",
        TODAY,
    )
    assert all(p.kind is not IntentKind.SKIPPED for p in found)


@pytest.mark.parametrize(
    ("text", "day", "effort"),
    [
        ("yesterday effort 4", date(2030, 3, 5), 4),
        ("monday effort 6", date(2030, 3, 4), 6),
        ("wait no yesterday was more like a 4 not a 6", date(2030, 3, 5), 4),
        ("sorry mondays was a 4 not 6", date(2030, 3, 4), 4),
    ],
)
def test_a_past_days_effort_logs_or_corrects_it(text: str, day: date, effort: int) -> None:
    found = understand(text, TODAY)
    assert found.kind is IntentKind.DONE
    assert (found.log_day, found.effort) == (day, effort)


@pytest.mark.parametrize("text", ["last week effort 5", "yesterday was a 4 hour drive"])
def test_no_one_days_effort_logs_nothing(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.DONE


def test_a_commute_killing_me_is_no_sign() -> None:
    found = understand_all(
        "the commute is killing me lol. Is it ok if I do the sessions at night?", TODAY
    )
    assert all(not p.signs and p.report is None for p in found)


def test_a_knee_killing_me_is_still_a_report() -> None:
    found = understand("my knee is killing me", TODAY)
    assert found.report is not None


def test_the_new_time_beside_the_old_one_stopped() -> None:
    found = understand_all(
        "no pain anywhere. also please stop the morning texts at 6am, send at 8 instead", TODAY
    )
    reminders = [p for p in found if p.kind is IntentKind.SET_REMINDER]
    assert [(p.reminder_time, p.reminder_off) for p in reminders] == [(time(8, 0), False)]


def test_back_on_the_weekday_after_leaving() -> None:
    found = understand("flying to new york tmrw for work, back wednesday", date(2026, 12, 1))
    assert found.kind is IntentKind.PAUSE
    assert (found.pause_from, found.pause_until) == (date(2026, 12, 2), date(2026, 12, 8))


@pytest.mark.parametrize(
    "text", ["run mon wed fri and a longer one sat morning", "longer run saturdays"]
)
def test_a_longer_one_is_the_long_run(text: str) -> None:
    said = running_week(text)
    assert said is not None
    assert said.long_run_day == 5


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("yep all good", None),
        ("yeah feels fine", None),
        ("yes it feels ok now", None),
        ("yep", True),
        ("yes physio said all good", True),
    ],
)
def test_a_yes_that_only_tells_how_it_feels_is_asked_again(text: str, said: bool | None) -> None:
    assert clinician_answer(text) is said


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("yes walked 35 mins no pain, no swelling", True),
        ("walked to the shops n back, 35 min, no pain and no swelling", True),
        ("no swelling but 4/10", False),
        ("no worse", None),
    ],
)
def test_a_swelling_denied_is_no_no(text: str, passed: bool | None) -> None:
    assert check_answer(text, check="walk") is passed


def test_an_effort_then_a_question_logs_and_asks() -> None:
    found = understand_all("effort 8. whats tomorrow?", TODAY)
    assert [(p.kind, p.effort) for p in found if p.kind is IntentKind.DONE] == [
        (IntentKind.DONE, 8)
    ]
    assert any(p.kind is IntentKind.PLAN_QUESTION for p in found)


def test_an_effort_asked_about_logs_nothing() -> None:
    assert understand("is effort 8 too much?", TODAY).kind is not IntentKind.DONE
