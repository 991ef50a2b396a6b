"""Session seventeen's development set (written in my own words here): minutes in digits
("20 past 6", "10 to 6"); moods that borrow a sign's words ("tingling with excitement",
"heart skipped a beat when I saw my time") while a racing heart on the hops still warns;
"move the race to..."; a bare number after a log ("did todays 7 legs were buzzing"); a
correction's city never a common word ("make it 6 and ... the session" is not Teresina);
a past day after a skip is skipped too, its trip no break; and a race's day said after a
log is not the log's day."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import IntentKind, understand_all

TODAY = date(2028, 10, 5)  # a Thursday


def _warned(text: str) -> bool:
    return any(
        part.signs or (part.report is not None and part.report.red_flags)
        for part in understand_all(text, TODAY)
    )


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("can the reminder come at 20 past 6", time(6, 20)),
        ("lol this app is a pain in the neck. reminder 10 to 6 pls", time(5, 50)),
        ("make my reminder 25 past 7", time(7, 25)),
        ("remind me at 5 past 6 please", time(6, 5)),
        ("reminder at 10 to 7 pm", time(18, 50)),
    ],
)
def test_minutes_in_digits_past_or_to_an_hour(text: str, at: time) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.reminder_time) == (IntentKind.SET_REMINDER, at)


def test_a_count_to_a_count_is_no_time() -> None:
    assert all(p.reminder_time is None for p in understand_all("i do 10 to 15 reps", TODAY))


@pytest.mark.parametrize(
    "text",
    [
        "tingling with excitement about sunday's race",
        "my heart skipped a beat when i opened the results email, show me my progress",
        "heart skipped a beat at the finish photo lol",
    ],
)
def test_moods_that_borrow_a_signs_words_are_no_sign(text: str) -> None:
    assert not _warned(text)


@pytest.mark.parametrize(
    "text",
    [
        "my heart keeps racing on the hops",
        "heart kept pounding after the jumps and i felt weird",
        "tingling in my left foot with every hop",
    ],
)
def test_the_signs_themselves_still_warn(text: str) -> None:
    assert _warned(text)


@pytest.mark.parametrize(
    "text",
    ["move the race to the 25th of november", "can you shift the race to 25 november pls"],
)
def test_the_race_asked_to_move(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert (part.kind, part.race_date) == (IntentKind.RACE_DATE, date(2028, 11, 25))


def test_who_won_the_race_stays_chat() -> None:
    assert all(
        p.kind is not IntentKind.RACE_DATE for p in understand_all("who won the race?", TODAY)
    )


def test_a_bare_number_after_the_log_is_its_effort() -> None:
    found = understand_all("did todays 7 heart was pumping on the hops, good times", TODAY)
    assert [(p.kind, p.effort) for p in found] == [(IntentKind.DONE, 7)]


def test_a_correction_reads_no_city_in_a_common_word() -> None:
    found = understand_all(
        "im in Joburg now and the reminder comes at 3am lol make it 6 and whats the session",
        TODAY,
    )
    zones = [p.timezone_text for p in found if p.kind is IntentKind.SET_TIMEZONE]
    assert zones == ["Johannesburg, South Africa"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "skipped yesterday (my nan's 90th) and monday (work trip)",
            [date(2028, 10, 4), date(2028, 10, 2)],
        ),
        (
            "skipped monday and tuesday cos of a work trip to Oslo, back home now",
            [date(2028, 10, 2), date(2028, 10, 3)],
        ),
    ],
)
def test_a_past_day_after_a_skip_is_skipped_and_no_break(text: str, days: list[date]) -> None:
    found = understand_all(text, TODAY)
    assert all(p.kind is not IntentKind.PAUSE for p in found)
    assert [p.log_day for p in found if p.kind is IntentKind.SKIPPED] == days


def test_a_skip_ahead_carries_no_day_back() -> None:
    found = understand_all("skipping today, and monday till friday im away for work", TODAY)
    assert all(p.log_day is None or p.log_day >= TODAY for p in found)


def test_a_race_day_said_after_a_log_is_not_the_logs_day() -> None:
    found = understand_all("did the session 6, also thinking of racing on the 28th", TODAY)
    logs = [(p.log_day, p.effort) for p in found if p.kind is IntentKind.DONE]
    assert logs == [(None, 6)]


def test_the_last_of_several_corrections_wins() -> None:
    (part,) = understand_all("remind me at 6 no 6:30 actually make it quarter to 7", TODAY)
    assert part.reminder_time == time(6, 45)


def test_its_actually_corrects_the_race() -> None:
    found = understand_all("i told you may 10 for the race but its actually may 17", TODAY)
    assert [p.race_date for p in found if p.kind is IntentKind.RACE_DATE] == [date(2029, 5, 17)]


def test_a_move_done_is_no_log() -> None:
    found = understand_all("house move finally done, reminder 7am please", TODAY)
    assert all(p.kind is not IntentKind.DONE for p in found)


def test_both_of_them_is_both_sides() -> None:
    (part,) = understand_all("my feet ache on long runs, both of them, like 3/10", TODAY)
    assert part.report is not None
    assert part.report.side.value == "both"


def test_never_finishing_is_a_habit_not_a_skip() -> None:
    found = understand_all("the kids keep interrupting and i never finish", TODAY)
    assert all(p.kind is not IntentKind.SKIPPED for p in found)


def test_a_race_run_has_its_day_the_next_race_none() -> None:
    found = understand_all(
        "raced a half on sunday! signed up for a marathon next spring too, date tbc", TODAY
    )
    assert all(p.race_date != date(2028, 10, 8) for p in found)


def test_a_sign_beside_a_log_and_a_setting_keeps_all_three() -> None:
    found = understand_all(
        "did it 6/10 and fyi theres tingling down my left leg since the weekend, "
        "also can u remind me at 7 instead",
        TODAY,
    )
    done = [p for p in found if p.kind is IntentKind.DONE]
    assert [p.effort for p in done] == [6]
    reports = [p.report for p in found if p.report is not None]
    assert len(reports) == 1
    assert reports[0].red_flags
    assert reports[0].severity is None  # the 6 is the effort
    assert [p.reminder_time for p in found if p.kind is IntentKind.SET_REMINDER] == [time(7, 0)]


def test_a_break_taken_back_later_in_the_message_is_none() -> None:
    found = understand_all(
        "in Tokyo from the 20th to the 30th so pause those days, actually no ill do it in "
        "the hotel, so no pause. whats tomorrow",
        TODAY,
    )
    assert all(p.kind is not IntentKind.PAUSE for p in found)


def test_no_pause_needed_after_a_break_keeps_the_break() -> None:
    found = understand_all("pause me next week, no pause needed after that", TODAY)
    assert [p.kind for p in found] == [IntentKind.PAUSE]


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        (
            "did yesterdays session effort 5 and todays too effort 4, my left calf is hot and "
            "swollen",
            [(date(2028, 10, 4), 5), (None, 4)],
        ),
        (
            "did monday 5 and tuesday 6, knee swollen after",
            [(date(2028, 10, 2), 5), (date(2028, 10, 3), 6)],
        ),
    ],
)
def test_every_day_logged_beside_a_sign_is_kept(
    text: str, logs: list[tuple[date | None, int]]
) -> None:
    found = understand_all(text, TODAY)
    assert [(p.log_day, p.effort) for p in found if p.kind is IntentKind.DONE] == logs
    assert sum(p.report is not None and bool(p.report.red_flags) for p in found) == 1


def test_did_em_is_did_them() -> None:
    (part,) = understand_all("did em effort 6", TODAY)
    assert (part.kind, part.effort) == (IntentKind.DONE, 6)
