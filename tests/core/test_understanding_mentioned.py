"""Settings, logs and recoveries only mentioned are never stored: a reminder that came or
an alarm that is set, a break in the past, supposed or someone else's, a race that is not
the runner's, "no pain" said of a session. Phrasings are our own (not the dev sets')."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand_all

WEDNESDAY = date(2026, 12, 2)


def kinds(text: str) -> list[IntentKind]:
    return [i.kind for i in understand_all(text, WEDNESDAY)]


# ---------------------------------------------------------------- reminders told of


@pytest.mark.parametrize(
    "text",
    [
        "your 6:30 reminder came while I was driving",
        "the 9am nudge went off mid meeting haha",
        "my alarm is set for 6 on weekdays",
        "saw the 7pm reminder too late last night",
        "the nudge came late this morning, at 7:40 instead of 7",
        "I set an alarm for 5:30 so I'm up for it",
        "back around half 6 tonight, is it ok to do it late?",
    ],
)
def test_a_reminder_told_of_changes_nothing(text: str) -> None:
    assert not {IntentKind.SET_REMINDER, IntentKind.BODY_REPORT} & set(kinds(text))


def test_a_missed_reminder_is_no_missed_session() -> None:
    assert kinds("slept through the 6am reminder, what's on today?") == [IntentKind.TODAY]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("the reminder came at 7, can you move it to 8?", time(8, 0)),
        ("reminder went off at 8 which is too late, 7 please", time(7, 0)),
        ("missed the reminder again, make it 7pm from now on", time(19, 0)),
        ("got the reminder at 7 but I'd rather have it at 6:30", time(6, 30)),
        ("remind me at 6:45", time(6, 45)),
        ("reminders 7pm", time(19, 0)),
    ],
)
def test_a_reminder_asked_for_is_set_to_the_time_asked(text: str, at: time) -> None:
    found = understand_all(text, WEDNESDAY)
    assert [(i.kind, i.reminder_time) for i in found] == [(IntentKind.SET_REMINDER, at)]


# ---------------------------------------------------------------- breaks told of

_BREAKS = {IntentKind.PAUSE, IntentKind.RESUME}


@pytest.mark.parametrize(
    "text",
    [
        "we paused over easter and I came back fresher, what's today?",
        "last time I had a week off it was hard to start again",
        "say I pause for a fortnight, do I lose my place?",
        "my wife's away from the 10th to the 14th, so it's just me and the kids",
        "cheers for the pause last month, made a difference",
        "don't need a break, I'm home for the whole holiday, any tips with kids around?",
    ],
)
def test_a_break_told_of_stores_nothing(text: str) -> None:
    assert not _BREAKS & set(kinds(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("paused last time, pause me again next week please", IntentKind.PAUSE),
        ("ready to start again now", IntentKind.RESUME),
        ("off skiing from the 20th to the 27th", IntentKind.PAUSE),
    ],
)
def test_a_break_asked_for_beside_the_past_still_counts(text: str, kind: IntentKind) -> None:
    assert kind in kinds(text)


def test_a_break_gone_by_beside_a_return_is_no_new_break() -> None:
    assert IntentKind.PAUSE not in kinds("took a week off last month, back now")


# ---------------------------------------------------------------- races not the runner's


@pytest.mark.parametrize(
    "text",
    [
        "berlin marathon clashes with my sister's hen do lol",
        "the Rome half looks class, has anybody done it?",
        "everyone did the session at club tonight except me",
    ],
)
def test_a_race_or_session_of_anyone_stores_nothing(text: str) -> None:
    assert not {IntentKind.RACE_DATE, IntentKind.DONE} & set(kinds(text))


def test_a_race_later_is_not_off() -> None:
    found = understand_all("my 10k isn't until the summer, what week am I on?", WEDNESDAY)
    assert not any(i.kind is IntentKind.RACE_DATE and i.race_off for i in found)


@pytest.mark.parametrize(
    "text", ["not doing the race anymore", "my race is not for me anymore, pulled out"]
)
def test_a_race_called_off_is_still_off(text: str) -> None:
    assert [(i.kind, i.race_off) for i in understand_all(text, WEDNESDAY)] == [
        (IntentKind.RACE_DATE, True)
    ]


# ---------------------------------------------------------------- no pain, in passing


def test_no_pain_during_a_rated_session_is_a_log() -> None:
    found = understand_all("zero pain during today's pogo jumps, effort 4", WEDNESDAY)
    assert [(i.kind, i.effort) for i in found] == [(IntentKind.DONE, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "can I swap to a swim today? no soreness or anything, just bored",
        "the hops feel too easy now, no pain whatsoever the next day",
        "hurt my hamstring years ago but the physio fixed it. what week am I in?",
    ],
)
def test_no_pain_in_passing_is_no_recovery(text: str) -> None:
    assert IntentKind.FEELS_FINE not in kinds(text)


@pytest.mark.parametrize(
    "text", ["knee fine now", "the pain is gone", "no pain", "calf is better now, cheers"]
)
def test_a_recovery_is_still_fine(text: str) -> None:
    assert IntentKind.FEELS_FINE in kinds(text)


# ---------------------------------------------------------------- other things not asked for


@pytest.mark.parametrize(
    "text",
    [
        "off the last ten days and done nothing, where do I start?",
        "why glutes? I've always only done squats",
        "better in the morning or the evening?",
    ],
)
def test_nothing_done_or_asked_logs_nothing(text: str) -> None:
    assert not {IntentKind.DONE, IntentKind.FEELS_FINE} & set(kinds(text))


def test_a_question_after_a_log_keeps_the_log_on_today() -> None:
    text = "did it this morning 7/10 and can i do it after a long run on sunday"
    found = understand_all(text, WEDNESDAY)
    assert [(i.kind, i.log_day, i.effort) for i in found] == [(IntentKind.DONE, None, 7)]


def test_todays_session_named_is_logged_today() -> None:
    text = "my mate collapsed at the 10k on sunday, scary. anyway did today's session, effort 5"
    found = [i for i in understand_all(text, WEDNESDAY) if i.kind is IntentKind.DONE]
    assert [(i.log_day, i.effort) for i in found] == [(None, 5)]


def test_a_time_said_roughly_is_no_effort() -> None:
    found = understand_all("did the session last night around 10, felt fine", WEDNESDAY)
    assert [i.effort for i in found if i.kind is IntentKind.DONE] != [10]


def test_a_break_of_days_in_a_named_month_starts_in_that_month() -> None:
    found = understand_all("please pause me from the 2nd to the 6th of june", WEDNESDAY)
    assert [(i.pause_from, i.pause_until) for i in found] == [(date(2027, 6, 2), date(2027, 6, 6))]


def test_a_reminder_told_of_beside_a_break_asked_is_the_break() -> None:
    text = "my alarm goes off at 6 for work, can you pause me from the 2nd to the 6th of june"
    assert kinds(text) == [IntentKind.PAUSE]


@pytest.mark.parametrize(
    "text",
    [
        "my sister's racing in york on sunday, I'm going to watch",
        "my dad has the leeds half on the 12th of april, any tips for him?",
    ],
)
def test_someone_elses_race_is_no_race_date(text: str) -> None:
    assert IntentKind.RACE_DATE not in kinds(text)


def test_the_day_of_a_log_said_before_a_contrast_is_kept() -> None:
    text = "the session on monday, forgot to log it but i did do it, felt easy"
    found = [i for i in understand_all(text, WEDNESDAY) if i.kind is IntentKind.DONE]
    assert [i.log_day for i in found] == [date(2026, 11, 30)]


def test_the_last_two_days_missed_are_each_skipped() -> None:
    found = understand_all("missed the past two days, flu", WEDNESDAY)
    assert [(i.kind, i.log_day) for i in found] == [
        (IntentKind.SKIPPED, date(2026, 11, 30)),
        (IntentKind.SKIPPED, date(2026, 12, 1)),
    ]


def test_a_break_next_week_starts_next_week() -> None:
    found = understand_all("off next week, back on the 14th", WEDNESDAY)
    assert [(i.kind, i.pause_from, i.pause_until) for i in found] == [
        (IntentKind.PAUSE, date(2026, 12, 7), date(2026, 12, 13))
    ]


def test_a_skip_takes_the_day_of_its_own_clause() -> None:
    found = understand_all("saturday was tough, sunday i skipped, monday was fine", WEDNESDAY)
    skips = [i.log_day for i in found if i.kind is IntentKind.SKIPPED]
    assert skips == [date(2026, 11, 29)]


@pytest.mark.parametrize(
    "text",
    [
        "never saw the 7 o'clock reminder yesterday, what's on today?",
        "my phone alarm's at 6 most days anyway",
        "the shift finishes at half 6 so I'll do it after",
        "had a fortnight off in october, loved it",
        "paused it once last year, worked fine",
    ],
)
def test_told_of_in_other_words_stores_nothing(text: str) -> None:
    stored = {
        IntentKind.SET_REMINDER,
        IntentKind.DONE,
        IntentKind.PAUSE,
        IntentKind.FEELS_FINE,
        IntentKind.BODY_REPORT,
    }
    assert not stored & set(kinds(text))


def test_a_reminder_asked_with_can_i_is_set() -> None:
    found = understand_all("got the reminder at 7, can I have it at 6 instead?", WEDNESDAY)
    assert [(i.kind, i.reminder_time) for i in found] == [(IntentKind.SET_REMINDER, time(6, 0))]


@pytest.mark.parametrize(
    "text",
    [
        "taking a break isn't an option, race is too close",
        "considering a break over easter, not decided",
        "might be travelling next week, will let you know",
    ],
)
def test_a_break_only_thought_about_is_not_taken(text: str) -> None:
    assert IntentKind.PAUSE not in kinds(text)


def test_a_break_asked_for_with_a_maybe_is_still_asked() -> None:
    assert kinds("maybe pause me till friday please") == [IntentKind.PAUSE]


def test_no_pain_during_a_session_rated_out_of_ten_is_a_log() -> None:
    found = understand_all("no pain at all in the hops today, 5/10", WEDNESDAY)
    assert [(i.kind, i.effort) for i in found] == [(IntentKind.DONE, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "finished a brilliant novel on the train",
        "done with work at last, what's on today?",
        "I never miss a monday",
    ],
)
def test_a_log_word_of_something_else_logs_nothing(text: str) -> None:
    assert not {IntentKind.DONE, IntentKind.SKIPPED} & set(kinds(text))


@pytest.mark.parametrize("text", ["done with it, effort 5", "done with today's hops, 6/10"])
def test_done_with_the_session_is_still_a_log(text: str) -> None:
    assert IntentKind.DONE in kinds(text)


def test_reminders_stopped_with_a_time_told_of_are_off() -> None:
    text = "stop the daily messages please, I don't need buzzing at 6 every morning"
    found = understand_all(text, WEDNESDAY)
    assert [(i.kind, i.reminder_off, i.reminder_time) for i in found] == [
        (IntentKind.SET_REMINDER, True, None)
    ]


def test_gone_a_time_is_no_recovery() -> None:
    text = "skipped yesterday's, got home late and it was gone 10 by the time we ate"
    assert IntentKind.FEELS_FINE not in kinds(text)


def test_a_break_asked_in_one_clause_takes_the_end_said_in_another() -> None:
    text = "I'm in Madrid for work till the 12th, can you pause me while I'm away"
    found = [i for i in understand_all(text, WEDNESDAY) if i.kind is IntentKind.PAUSE]
    assert [i.pause_until for i in found] == [date(2026, 12, 12)]


def test_a_session_done_over_the_weekend_asks_which_day() -> None:
    found = understand_all("got it done at the weekend", WEDNESDAY)
    assert [(i.kind, i.unclear) for i in found] == [(IntentKind.DONE, "at the weekend")]
