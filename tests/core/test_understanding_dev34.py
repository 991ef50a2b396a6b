"""Session nineteen's second development set, in my own words here: a day asked about after
a log is not the log's day ("did it, effort 4. what's friday?"); "pause friday" is that
day; the reminder asked for in its own clause beside another time; a child's fever is not
the runner's; a temperature said as a number is feeling unwell; a clinician's "carry on
with the plan" asks no return; a race told with its finishing time is run, not set."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.replies import level_answer
from bot.core.vocabulary import Level, RedFlag

TODAY = date(2030, 11, 6)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    ["did it, effort 4. what's friday?", "did it, whats on monday", "done 5, what's tomorrow"],
)
def test_a_day_asked_after_a_log_is_not_its_day(text: str) -> None:
    logs = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [p.log_day for p in logs] == [None]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("pause friday, I've got a trip", date(2030, 11, 8)),
        ("pause me on sunday", date(2030, 11, 10)),
    ],
)
def test_pause_and_a_day_is_that_day(text: str, day: date) -> None:
    found = understand(text, TODAY)
    assert (found.kind, found.pause_from, found.pause_until) == (IntentKind.PAUSE, day, day)


def test_pause_till_a_day_starts_today() -> None:
    found = understand("pause till friday", TODAY)
    assert (found.pause_from, found.pause_until) in ((None, date(2030, 11, 8)),)


def test_the_reminder_asked_in_its_own_clause_wins() -> None:
    text = "can I swap today with tomorrow? meetings till 9pm. and remind me at 6:45 from now"
    found = understand_all(text, TODAY)
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [time(6, 45)]


def test_a_childs_fever_is_not_the_runners() -> None:
    found = understand_all("i skipped today because my little one has a fever", TODAY)
    assert [p.kind for p in found] == [IntentKind.SKIPPED]
    assert not any(p.signs for p in found)


def test_a_temperature_said_as_a_number_is_unwell() -> None:
    found = understand("the temperature is still 38 and I feel very weak", TODAY)
    assert RedFlag.UNWELL in found.signs


def test_a_clinicians_carry_on_is_no_return() -> None:
    text = "the physio said my IT band is just tight and to carry on with the plan. done today, 5"
    assert [p.kind for p in understand_all(text, TODAY)] == [IntentKind.DONE]
    assert understand("im back, carry on", TODAY).kind is IntentKind.RESUME


def test_a_race_told_with_its_time_is_run_and_the_log_kept() -> None:
    text = (
        "5k race saturday in 19:58!! when can I do the plyo stuff again? also did todays "
        "mobility, effort 3"
    )
    found = understand_all(text, TODAY)
    assert not any(p.kind is IntentKind.RACE_DATE for p in found)
    assert [(p.kind, p.effort) for p in found if p.kind is IntentKind.DONE] == [
        (IntentKind.DONE, 3)
    ]


def test_got_through_the_session_is_done_not_skipped() -> None:
    found = understand("got through the session, effort 8, tired", TODAY)
    assert (found.kind, found.effort) == (IntentKind.DONE, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Can't do any sessions next week, I'm moving house.",
        "This week I have nights so I cannot do the session in the morning.",
    ],
)
def test_days_to_come_or_a_time_of_day_are_no_skip_of_today(text: str) -> None:
    assert all(p.kind is not IntentKind.SKIPPED for p in understand_all(text, TODAY))


def test_cant_do_it_today_is_still_a_skip() -> None:
    assert understand("cant do it today", TODAY).kind is IntentKind.SKIPPED


@pytest.mark.parametrize(
    "text",
    [
        "physio says it's glute med tendinopathy, no running for a week and no hopping.",
        "physio said my achilles is a reactive tendon, no running for a week",
        "Surgeon says no impact for 6 weeks after my knee op",
    ],
)
def test_a_clinicians_restriction_holds_the_area(text: str) -> None:
    found = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert any(RedFlag.CLINICIAN_HOLD in r.red_flags for r in found)


@pytest.mark.parametrize(
    "text",
    ["my friend's physio said no running for her knee", "physio said my knee is fine to run"],
)
def test_no_restriction_of_mine_holds_nothing(text: str) -> None:
    found = understand_all(text, TODAY)
    assert not any(p.report and RedFlag.CLINICIAN_HOLD in p.report.red_flags for p in found)


def test_a_question_about_a_day_after_a_log_keeps_the_log_today() -> None:
    text = (
        "did it at lunch, easy enough, 2/10, my right hip flexor is a bit tight though maybe "
        "3/10. is that something I should worry about before saturday"
    )
    logs = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [(p.log_day, p.effort) for p in logs] == [(None, 2)]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("can it come at quarter to six from now on", time(5, 45)),
        ("can it come at 7 instead", time(7, 0)),
        ("the 5:45 is too early now the baby's sleeping in, send it 7ish instead", time(7, 0)),
    ],
)
def test_it_coming_at_a_time_is_the_reminder(text: str, at: time) -> None:
    found = understand_all(text, TODAY)
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [at]


def test_a_fever_said_as_a_number_with_a_rest_is_a_skip_and_a_sign() -> None:
    found = understand_all("temperature 38 today, I rest", TODAY)
    assert IntentKind.SKIPPED in [p.kind for p in found]
    assert any(RedFlag.UNWELL in p.signs for p in found)


def test_little_experience_is_a_beginner() -> None:
    assert level_answer("I have little experience with jumps") is Level.BEGINNER


def test_a_pause_asked_with_a_maybe_date_is_a_pause() -> None:
    text = (
        "kids still sick, skip again sorry. can we just pause until they're better, maybe "
        "till friday"
    )
    found = understand_all(text, TODAY)
    pauses = [p for p in found if p.kind is IntentKind.PAUSE]
    assert [p.pause_until for p in pauses] == [date(2030, 11, 8)]


def test_half_a_session_made_is_done() -> None:
    found = understand("today I make only half of session, no time. 5", TODAY)
    assert (found.kind, found.effort) == (IntentKind.DONE, 5)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("rest of the week pls", IntentKind.PLAN_QUESTION),
        ("What is the schedule for today?", IntentKind.TODAY),
        ("please hold the sessions from 12th to 18th", IntentKind.PAUSE),
    ],
)
def test_everyday_requests(text: str, kind: IntentKind) -> None:
    assert understand(text, TODAY).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "had a stress fracture 3 years back, all healed. is the plan ok with that history?",
        "Felt a heavy dragging feeling and leaked a bit so I stopped. Effort 5 for what I did.",
    ],
)
def test_a_medical_past_or_what_was_done_asks_no_history(text: str) -> None:
    assert IntentKind.HISTORY not in [p.kind for p in understand_all(text, TODAY)]


def test_show_my_history_still_shows_it() -> None:
    assert understand("show my history", TODAY).kind is IntentKind.HISTORY


def test_this_saturday_still_to_come_is_no_log_day() -> None:
    found = understand("session done, effort 6. btw going for a parkrun PB this Saturday", TODAY)
    assert (found.kind, found.log_day, found.effort) == (IntentKind.DONE, None, 6)
