"""Nothing stored that the runner did not ask for: a restart put off to later, a skip's day
said in another clause, someone else's signs, a topic read about, advice reported."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand_all

TODAY = date(2026, 12, 17)  # a Thursday


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in understand_all(text, TODAY)}


# -- a restart said of later is no resume now -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "pause it over xmas and I'll start again in january",
        "I'll get going again once the kids are back at school",
        "away all next week, I'll let you know when I'm back",
        "how long after a half til I can restart?",
    ],
)
def test_a_restart_put_off_is_no_resume(text: str) -> None:
    assert IntentKind.RESUME not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    ["I'm back, can we start again", "will you restart me please", "ok resume please"],
)
def test_a_restart_asked_for_now_resumes(text: str) -> None:
    assert IntentKind.RESUME in _kinds(text)


# -- a skip takes its day from its own clause --------------------------------------------


def test_a_skip_said_of_tomorrow_is_tomorrows() -> None:
    for text in ("can't do it tmrw, work trip", "won't do the session tomorrow, busy"):
        (skip,) = understand_all(text, TODAY)
        assert skip.kind is IntentKind.SKIPPED
        assert skip.log_day == date(2026, 12, 18)


def test_a_day_to_come_in_another_clause_is_no_skipped_day() -> None:
    found = understand_all(
        "new job started monday and I haven't done anything since, I'll go again on saturday",
        TODAY,
    )
    assert all(
        not (i.kind is IntentKind.SKIPPED and i.log_day and i.log_day > TODAY) for i in found
    )


def test_a_day_to_come_beside_a_skip_today_keeps_today() -> None:
    (skip,) = understand_all("skipped today, will do it tomorrow", TODAY)
    assert skip.kind is IntentKind.SKIPPED
    assert skip.log_day in (None, TODAY)


# -- someone else's signs, a topic read about ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my sister has a bad knee and was limping after parkrun, did my session fine, a 4",
        "my dad twisted his ankle and is limping, anyway did the hops, 6",
    ],
)
def test_anothers_sign_after_and_stays_theirs(text: str) -> None:
    found = understand_all(text, TODAY)
    assert [i.kind for i in found] == [IntentKind.DONE]
    assert not any(i.signs or (i.report and i.report.red_flags) for i in found)


def test_my_own_limp_after_and_is_still_warned() -> None:
    found = understand_all("did the session and was limping by the end", TODAY)
    assert any(i.signs or (i.report and i.report.red_flags) for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "been reading about stress fractures lately, how do I avoid one with more miles",
        "watched a video on shin splints, how do runners prevent them",
    ],
)
def test_a_topic_read_about_is_no_warning(text: str) -> None:
    found = understand_all(text, TODAY)
    assert not any(i.signs or i.kind is IntentKind.WARNING_SIGN for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "been reading about stress fractures and I think I might have one in my shin",
        "read an article on stress fractures, my shin has a pinpoint sore spot on the bone",
    ],
)
def test_a_topic_read_about_with_my_own_sign_still_warns(text: str) -> None:
    found = understand_all(text, TODAY)
    assert any(i.signs or (i.report and i.report.red_flags) for i in found)


# -- advice another gave is no log --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my physio told me I should skip the hops this week",
        "my brother reckons I should be running more not doing stretches, is he right",
    ],
)
def test_advice_reported_is_no_skip(text: str) -> None:
    assert IntentKind.SKIPPED not in _kinds(text)


@pytest.mark.parametrize(
    "text", ["i think i should skip today, knee is sore", "skipped today, physio said I should"]
)
def test_my_own_skip_beside_advice_still_logs(text: str) -> None:
    assert IntentKind.SKIPPED in _kinds(text)


# -- a break told of, a stay to come, a question beside a return day ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've been on a break since my op, can we start again",
        "been paused since the 1st so lets go again",
    ],
)
def test_a_break_been_on_is_no_new_pause(text: str) -> None:
    assert IntentKind.PAUSE not in _kinds(text)


def test_a_break_asked_beside_one_been_on_still_pauses() -> None:
    assert IntentKind.PAUSE in _kinds("i was paused last month, can you pause again from the 20th")


@pytest.mark.parametrize(
    "text",
    [
        "I'm in Rome next week for work, any tips for hotel sessions",
        "I'm in Oslo from the 22nd for a conference, can I do the hops in a hotel room?",
        "I'm in Denver over christmas, home on the 28th, can I still do it at altitude?",
    ],
)
def test_a_stay_to_come_moves_no_zone(text: str) -> None:
    found = _kinds(text)
    assert IntentKind.SET_TIMEZONE not in found
    assert IntentKind.PAUSE not in found or "can I" not in text


@pytest.mark.parametrize("text", ["im in tokyo now", "I'm in Berlin till the 20th"])
def test_a_stay_now_moves_the_zone(text: str) -> None:
    assert IntentKind.SET_TIMEZONE in _kinds(text)


# -- the reminder time from the clause that asks for it ----------------------------------


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("shifts are 6am to 2pm now, so can the reminder come at 15:00 instead", 15),
        ("went for a run at 7pm, loved it, can you make the reminder 8am please", 8),
        ("can the reminder come at 9 please", 9),
    ],
)
def test_the_reminder_time_is_the_one_asked_for(text: str, hour: int) -> None:
    (setting,) = [i for i in understand_all(text, TODAY) if i.kind is IntentKind.SET_REMINDER]
    assert setting.reminder_time is not None
    assert setting.reminder_time.hour == hour


def test_a_reminder_that_comes_at_a_time_changes_nothing() -> None:
    assert IntentKind.SET_REMINDER not in _kinds("the reminder comes at 7, too early")


# -- "the flow" is the session -------------------------------------------------------------


def test_the_flow_done_is_logged() -> None:
    (done,) = understand_all("did the hip flow last night, effort 3", TODAY)
    assert done.kind is IntentKind.DONE
    assert done.log_day == date(2026, 12, 16)
    assert done.effort == 3


def test_a_flow_of_something_else_is_no_log() -> None:
    assert IntentKind.DONE not in _kinds("the flow of traffic was awful this morning")


# -- an illness or injury healed long ago, a "no pain" in a question ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "had the flu back in november but all recovered, did today's, what's tomorrow",
        "tore my calf in the summer, fully healed now, when do the jumps start?",
    ],
)
def test_an_old_illness_recovered_is_no_recovery_now(text: str) -> None:
    assert IntentKind.FEELS_FINE not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "hurt my calf back in october, it's sore again now",
        "my knee was sore in the summer and it hurts again today",
    ],
)
def test_an_old_injury_hurting_again_is_reported(text: str) -> None:
    found = understand_all(text, TODAY)
    assert any(i.report is not None for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "my knee clicks on the squats, no pain, should I worry",
        "is it normal that my ankle pops during the hops? no pain at all",
    ],
)
def test_no_pain_in_a_question_about_a_symptom_clears_nothing(text: str) -> None:
    assert IntentKind.FEELS_FINE not in _kinds(text)


def test_fine_now_beside_a_question_still_clears() -> None:
    assert IntentKind.FEELS_FINE in _kinds("knee is fine now, is it ok to do the hops?")


# -- a day or number of something else ------------------------------------------------------


def test_a_day_thanked_for_is_not_the_logs_day() -> None:
    (done, *_) = understand_all("done, 6. cheers for the advice on monday", TODAY)
    assert done.kind is IntentKind.DONE
    assert done.log_day in (None, TODAY)
    assert done.effort == 6


def test_the_logs_own_day_beside_thanks_stays() -> None:
    (done, *_) = understand_all("did it yesterday, thanks for the reminder", TODAY)
    assert done.log_day == date(2026, 12, 16)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("quads tight 3/10 after this morning's session, which was a 8", 3),
        ("the session felt brutal, 9/10, and my calves are sore now", None),
    ],
)
def test_the_sessions_rating_is_no_severity(text: str, severity: int | None) -> None:
    reports = [i.report for i in understand_all(text, TODAY) if i.report is not None]
    assert reports
    assert all(r.severity == severity for r in reports)


def test_a_rating_after_the_session_said_of_a_body_part_is_its_severity() -> None:
    (report,) = [i.report for i in understand_all("calves sore 6/10 after the session", TODAY)]
    assert report is not None
    assert report.severity == 6


# -- "put me on <city> time"; a stay's end day is no session -------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [("put me on chicago time please", "Chicago"), ("can you switch us to tokyo time", "Tokyo")],
)
def test_a_city_time_asked_for_moves_the_zone(text: str, city: str) -> None:
    (zone,) = [i for i in understand_all(text, TODAY) if i.kind is IntentKind.SET_TIMEZONE]
    assert zone.timezone_text is not None
    assert zone.timezone_text.startswith(city)


@pytest.mark.parametrize("text", ["put me on the advanced plan", "put me on half time"])
def test_no_city_before_time_moves_no_zone(text: str) -> None:
    assert IntentKind.SET_TIMEZONE not in _kinds(text)


def test_a_stays_end_day_logs_no_session() -> None:
    found = understand_all("did today's, effort 6, and I'm in town till monday", TODAY)
    assert [(i.kind, i.log_day) for i in found] == [(IntentKind.DONE, None)]


def test_another_days_session_said_after_a_done_is_still_carried() -> None:
    found = understand_all("did sat's jumps, 7/10, and sun's mobility, 3/10", TODAY)
    assert [i.log_day for i in found] == [date(2026, 12, 12), date(2026, 12, 13)]


@pytest.mark.parametrize(
    "text", ["did the hops on the weekend", "did it last weekend, a 5", "missed it on the weekend"]
)
def test_a_weekend_gone_by_is_asked_not_logged_today(text: str) -> None:
    found = understand_all(text, TODAY)
    logs = [i for i in found if i.kind in (IntentKind.DONE, IntentKind.SKIPPED)]
    assert all(i.unclear is not None for i in logs)


def test_a_done_today_beside_a_weekend_said_in_passing_logs_today() -> None:
    (done,) = understand_all("did it this morning, first time since last weekend", TODAY)
    assert done.kind is IntentKind.DONE
    assert done.unclear is None


def test_a_story_of_yesterday_keeps_its_day_on_the_done() -> None:
    found = understand_all(
        "so yesterday we went for a long walk and then i got back and did the hops, "
        "maybe a 6, whats on friday",
        TODAY,
    )
    (done,) = [i for i in found if i.kind is IntentKind.DONE]
    assert done.log_day == date(2026, 12, 16)


def test_a_done_this_morning_in_a_story_of_yesterday_is_todays() -> None:
    found = understand_all(
        "yesterday was a long day at work and i did the session this morning, 5, whats tomorrow",
        TODAY,
    )
    (done,) = [i for i in found if i.kind is IntentKind.DONE]
    assert done.log_day in (None, TODAY)


# -- each day its own effort ----------------------------------------------------------------


def test_again_today_keeps_its_own_effort() -> None:
    found = understand_all("did it on monday, a 3, and again today, a 7", TODAY)
    assert [(i.log_day, i.effort) for i in found] == [(date(2026, 12, 14), 3), (None, 7)]


def test_a_rating_said_of_another_day_is_not_the_logs_effort() -> None:
    (done, *_) = understand_all(
        "did the hops on saturday, then nothing till today which was a 5", TODAY
    )
    assert done.log_day == date(2026, 12, 12)
    assert done.effort is None


def test_a_rating_said_of_the_logs_own_day_stays() -> None:
    (done,) = understand_all("did it yesterday, which was a 5", TODAY)
    assert (done.log_day, done.effort) == (date(2026, 12, 16), 5)


def test_how_the_done_went_in_the_next_clause_gives_its_effort() -> None:
    found = understand_all("did the hips session and it felt ok maybe a 5, whats tomorrow", TODAY)
    (done,) = [i for i in found if i.kind is IntentKind.DONE]
    assert done.effort == 5


def test_back_on_it_tomorrow_is_no_resume_now() -> None:
    found = understand_all("did it today, back on it tomorrow", TODAY)
    assert [i.kind for i in found] == [IntentKind.DONE]


# -- a break's first day ----------------------------------------------------------------------


def test_leaving_tomorrow_starts_the_break_tomorrow() -> None:
    (pause,) = understand_all(
        "heading to my sister's in Cork tomorrow and back on the 27th, pause while I'm gone",
        TODAY,
    )
    assert (pause.pause_from, pause.pause_until) == (date(2026, 12, 18), date(2026, 12, 26))


def test_days_logged_are_no_break_days() -> None:
    found = understand_all(
        "did monday and tuesday, 4 and 5, can you pause everything till I'm back on the 5th",
        TODAY,
    )
    (pause,) = [i for i in found if i.kind is IntentKind.PAUSE]
    assert pause.pause_from in (None, TODAY)
    assert pause.pause_until == date(2027, 1, 4)


# -- the leg stood on is not the area that hurts ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("when I land on my left leg my knee aches", "knee"),
        ("standing on one leg makes my hip sore", "hips"),
    ],
)
def test_the_leg_stood_on_gives_way_to_the_area_named(text: str, area: str) -> None:
    reports = [i.report for i in understand_all(text, TODAY) if i.report is not None]
    assert [r.area.value for r in reports] == [area]


def test_the_leg_alone_stays_the_area() -> None:
    (found,) = understand_all("hopping on my left leg hurts", TODAY)
    assert found.report is not None
    assert found.report.area.value == "leg"
    assert found.report.red_flags


def test_fine_now_about_a_feeling_gives_the_session_no_effort() -> None:
    found = understand_all("calf was tight last night, it's fine now, did today's hops", TODAY)
    (done,) = [i for i in found if i.kind is IntentKind.DONE]
    assert done.effort is None


def test_felt_fine_of_the_session_still_rates_it() -> None:
    (done,) = understand_all("done, felt fine", TODAY)
    assert done.effort is not None
