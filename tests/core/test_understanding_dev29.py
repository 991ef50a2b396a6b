"""Session sixteen's second development set (written in my own words here): sayings that
borrow a warning sign's words ("numb with boredom", "on pins and needles waiting",
"gave way to a cyclist", "a sharp 5k"); an area said to feel good ("legs feel springy, 4");
a session judged with a number ("great session, 7"); a race moved "from X to Y" is no
break and keeps Y; a day's plan asked in a clause is no log; "moved from Hanoi" names the
city left; "7 sur 10"; and days said not done beside days done ("sunday nothing")."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, understand, understand_all

TODAY = date(2028, 3, 15)  # a Wednesday
FAQ = load_content().faq


def _warned(text: str) -> bool:
    return any(
        part.signs or (part.report is not None and part.report.red_flags)
        for part in understand_all(text, TODAY)
    )


@pytest.mark.parametrize(
    "text",
    [
        "numb with boredom on the bike trainer but session done",
        "on pins and needles waiting for the marathon ballot, did today's, 5",
        "gave way to a cyclist on the towpath, did the hip stuff after, 6",
        "ran a sharp 5k then did the hip stuff, 7",
    ],
)
def test_a_saying_is_no_warning_sign(text: str) -> None:
    assert not _warned(text)


@pytest.mark.parametrize(
    "text",
    [
        "pins and needles in my foot",
        "my knee gave way on the stairs",
        "left foot numb with cold on the run, still numb an hour later",
    ],
)
def test_the_sign_itself_still_warns(text: str) -> None:
    assert _warned(text)


@pytest.mark.parametrize("text", ["legs feel springy, 4", "hips feel more free, 6"])
def test_an_area_said_to_feel_good_is_no_report(text: str) -> None:
    assert understand(text, TODAY).report is None


@pytest.mark.parametrize(
    ("text", "day", "effort"),
    [
        ("great session, 7", None, 7),
        ("today very good session, 6, my hips feel more free", None, 6),
        ("great session yesterday, 7", date(2028, 3, 14), 7),
    ],
)
def test_a_session_judged_with_a_number_is_done(text: str, day: date | None, effort: int) -> None:
    intent = understand(text, TODAY)
    assert (intent.kind, intent.log_day, intent.effort) == (IntentKind.DONE, day, effort)


def test_a_session_hoped_for_is_no_log() -> None:
    assert understand("should be a good session tomorrow, 6 hours sleep", TODAY).kind is not (
        IntentKind.DONE
    )


def test_a_race_moved_from_one_day_to_another_is_no_break() -> None:
    parts = understand_all("race moved from 10 May to 24 May, and pause the weekend", TODAY)
    race = next(p for p in parts if p.kind is IntentKind.RACE_DATE)
    pause = next(p for p in parts if p.kind is IntentKind.PAUSE)
    assert race.race_date == date(2028, 5, 24)
    assert (pause.pause_from, pause.pause_until) == (date(2028, 3, 18), date(2028, 3, 19))


def test_a_race_moved_keeps_the_day_it_moved_to() -> None:
    text = "my half got moved from the 16th of April to the 30th of April"
    assert understand(text, TODAY).race_date == date(2028, 4, 30)


def test_a_days_plan_asked_after_a_log_is_no_log() -> None:
    text = "I have completed today's session, effort 5. Please tell me the plan for Monday."
    parts = understand_all(text, TODAY)
    assert [(p.kind, p.log_day, p.ask_day) for p in parts] == [
        (IntentKind.DONE, None, None),
        (IntentKind.PLAN_QUESTION, None, date(2028, 3, 20)),
    ]


def test_the_city_moved_from_is_not_set() -> None:
    assert understand("moved from Hanoi", TODAY).kind is not IntentKind.SET_TIMEZONE
    moved = understand("moved from Gothenburg to Stockholm", TODAY)
    assert moved.timezone_text is not None
    assert moved.timezone_text.startswith("Stockholm")


@pytest.mark.parametrize(
    "text",
    [
        "did saturday, sunday nothing",
        "i did the session on saturday, an eight, and on sunday i did nothing cos of my nan",
    ],
)
def test_a_day_said_not_done_is_skipped(text: str) -> None:
    parts = understand_all(text, TODAY)
    by_day = {p.log_day: p.kind for p in parts}
    assert by_day[date(2028, 3, 11)] is IntentKind.DONE
    assert by_day[date(2028, 3, 12)] is IntentKind.SKIPPED


def test_a_rating_out_of_ten_in_french() -> None:
    assert understand("done, 7 sur 10", TODAY).effort == 7


def test_pins_and_needles_waiting_is_a_saying() -> None:
    assert not _warned("pins and needles waiting on the London ballot results lol")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("race is sunday the 23rd", date(2028, 4, 23)),  # March's 23rd is a Thursday
        ("race is on saturday the 18th", date(2028, 3, 18)),
    ],
)
def test_a_weekday_and_its_date_agree(text: str, day: date) -> None:
    assert understand(text, TODAY).race_date == day


def test_nothing_done_on_days_gone_by_skips_those_days() -> None:
    parts = understand_all("nothing done sat or sun, busy", TODAY)
    assert [(p.kind, p.log_day) for p in parts] == [
        (IntentKind.SKIPPED, date(2028, 3, 11)),
        (IntentKind.SKIPPED, date(2028, 3, 12)),
    ]


def test_not_done_today_keeps_the_day_said_done() -> None:
    (done,) = understand_all("hip stuff done Tuesday, 5, haven't done today", TODAY)
    assert (done.kind, done.log_day, done.effort) == (IntentKind.DONE, date(2028, 3, 14), 5)


def test_did_nothing_yesterday_beside_todays_log() -> None:
    parts = understand_all("did nothing yesterday, today I did the session", TODAY)
    assert [(p.kind, p.log_day) for p in parts] == [
        (IntentKind.SKIPPED, date(2028, 3, 14)),
        (IntentKind.DONE, None),
    ]


def test_a_grade_is_no_effort() -> None:
    text = "tore my hamstring years ago (grade 2, rehabbed), today's session done, 4, nice and easy"
    done = next(p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE)
    assert done.effort == 4


def test_an_area_is_reported_once_with_its_own_number() -> None:
    text = (
        "session today done, was 5. my left glute a bit sore, like 2. next week I go to "
        "Milano for work (from Monday to Friday) so please stop the plan those days"
    )
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [(r.area.value, r.severity) for r in reports] == [("glutes", 2)]


def test_a_stay_of_two_months_is_no_race_day() -> None:
    text = (
        "I am in Istanbul now for 2 months, please change city. Also my race in Antalya is "
        "cancelled, so no race for now."
    )
    assert all(p.race_date is None for p in understand_all(text, TODAY))


def test_back_on_the_friday_ends_the_break_the_day_before() -> None:
    intent = understand("pause from Monday and I'll be back on the Friday, i.e. the 24th", TODAY)
    assert (intent.pause_from, intent.pause_until) == (date(2028, 3, 20), date(2028, 3, 23))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("done 8/10, show me my progress", IntentKind.PROGRESS),
        ("done 6, show me my history", IntentKind.HISTORY),
    ],
)
def test_a_log_beside_a_record_asked_is_kept(text: str, asked: IntentKind) -> None:
    parts = understand_all(text, TODAY)
    assert [p.kind for p in parts] == [IntentKind.DONE, asked]


@pytest.mark.parametrize("text", ["back on 👍", "back on"])
def test_back_on_alone_is_a_return(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.RESUME


def test_back_on_a_day_is_a_break_s_end() -> None:
    assert understand("back on the 20th", TODAY).kind is IntentKind.PAUSE


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("that was brutal, 9", 9),
        ("the clamshells are way too easy now, 2/10 today", 2),
        ("session was a 9, way too hard for me to be honest", 9),
        ("was a 7 today. how long is the block overall?", 7),
    ],
)
def test_a_session_rated_as_it_went_is_logged(text: str, effort: int) -> None:
    done = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [p.effort for p in done] == [effort]


def test_it_was_a_number_alone_is_no_log() -> None:
    assert understand("it was a 5 at night", TODAY).kind is not IntentKind.DONE


def test_a_weekday_and_date_no_month_soon_shares_are_asked() -> None:
    intent = understand("race is Sunday the 23rd", date(2026, 3, 4))  # next: August
    assert intent.race_date is None
    assert intent.unclear == "sunday the 23rd"


def test_today_rated_after_another_days_log_is_logged_too() -> None:
    parts = understand_all("did monday 5, today a 6", TODAY)
    assert [(p.kind, p.log_day, p.effort) for p in parts] == [
        (IntentKind.DONE, date(2028, 3, 13), 5),
        (IntentKind.DONE, None, 6),
    ]


@pytest.mark.parametrize(
    "text", ["wont be training til the 18th", "at the in-laws til the 18th, no training"]
)
def test_no_training_until_a_day_is_a_break(text: str) -> None:
    intent = understand(text, TODAY)
    assert (intent.kind, intent.pause_until) == (IntentKind.PAUSE, date(2028, 3, 18))


def test_no_training_today_is_a_skip() -> None:
    assert understand("wont be training today, sick kid", TODAY).kind is IntentKind.SKIPPED


@pytest.mark.parametrize(
    "text",
    [
        "physio cleared me, can I hop now?",
        "the reminder time is annoying, can it come a bit later? sometime after the school run",
    ],
)
def test_a_situation_answer_needs_the_situation_said(text: str) -> None:
    faq = FAQ
    question, _ = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert question is None or question.id not in ("pregnancy", "after-birth", "leaking")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("im pregnant, can i keep hopping?", "pregnancy"),
        ("had my baby 10 weeks ago, when can I start the hops?", "after-birth"),
        ("is it normal to leak a bit when jumping?", "leaking"),
    ],
)
def test_the_situation_said_keeps_its_answer(text: str, answer: str) -> None:
    faq = FAQ
    question, _ = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    assert question is not None
    assert question.id == answer


def test_until_then_is_the_day_told_before() -> None:
    text = "last exam is on the 17th, can u pause me until then? ill be back on it after."
    assert understand(text, TODAY).pause_until == date(2028, 3, 17)
