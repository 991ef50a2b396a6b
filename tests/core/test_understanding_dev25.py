"""Session thirteen's general rules (found on a fresh development set, written in my own
words here): warning signs said in other words (a foot that slaps down, weight lost
without meaning to, bone stress that keeps coming back), and a broken bone of the upper
body that is no sign for the legs."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.answers import overnight_answer
from bot.core.understanding.cleared import only_their_word
from bot.core.understanding.model import PlanTopic
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2027, 2, 10)


def _signs(text: str) -> frozenset[RedFlag]:
    intent = understand(text, TODAY)
    return intent.signs | (intent.report.red_flags if intent.report else frozenset())


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my left foot keeps slapping down when i run, cant lift my toes", RedFlag.WEAKNESS),
        ("toes keep catching on the kerb since the weekend, right leg", RedFlag.WEAKNESS),
        ("down 5kg since november without meaning to", RedFlag.UNWELL),
        ("ive had two stress fractures in the last year", RedFlag.LOW_ENERGY_SIGNS),
        ("this is my second stress reaction since the summer", RedFlag.LOW_ENERGY_SIGNS),
        ("my ankle has come up like a balloon", RedFlag.SWELLING),
        (
            "during the single leg hops there was a pain deep in my right groin",
            RedFlag.PAIN_ON_HOPPING,
        ),
        ("while doing the pogo jumps today my left shin ached", RedFlag.PAIN_ON_HOPPING),
    ],
)
def test_a_warning_sign_in_other_words_is_heard(text: str, sign: RedFlag) -> None:
    assert sign in _signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "fractured my wrist falling off my bike last month, legs fine. did today's, 5",
        "broke my collarbone in the summer, all healed, what's today",
        "had a stress fracture last year, all good now",  # once, gone: the past
    ],
)
def test_an_upper_body_break_or_a_healed_one_is_no_sign(text: str) -> None:
    assert not _signs(text)
    assert all(p.kind is not IntentKind.WARNING_SIGN for p in understand_all(text, TODAY))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("race is still 18 april, no change there. pause me 3-9 march", [IntentKind.PAUSE]),
        ("back from bali, start me up again. 7am reminder is still fine", [IntentKind.RESUME]),
        (
            "hi coach, the reminder's fine at 7, but what's on sat?",
            [IntentKind.GREETING, IntentKind.PLAN_QUESTION],
        ),
        ("move my reminder to 6am", [IntentKind.SET_REMINDER]),  # alone, a change
        ("reminder at 7 is fine", [IntentKind.SET_REMINDER]),  # alone: said back, harmless
    ],
)
def test_a_setting_said_to_stay_as_it_is_changes_nothing_beside_a_request(
    text: str, kinds: list[IntentKind]
) -> None:
    assert [p.kind for p in understand_all(text, TODAY)] == kinds


def test_for_good_is_a_stay_not_a_recovery() -> None:
    kinds = [
        p.kind for p in understand_all("im in porto for good now, and 6am reminders pls", TODAY)
    ]
    assert kinds == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]


@pytest.mark.parametrize(
    "text", ["can you start sending it at half six instead of 7", "start sending them at 6:30"]
)
def test_start_sending_at_a_time_moves_the_reminder(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert part.kind is IntentKind.SET_REMINDER
    assert part.reminder_time is not None
    assert part.reminder_time.hour == 6


def test_start_sending_again_after_a_break_is_a_return() -> None:
    assert understand("start sending again please, im back", TODAY).kind is IntentKind.RESUME


@pytest.mark.parametrize(
    "text",
    [
        "moving to perth on saturday so pause from then, back on the 22nd",
        "relocating to oslo on the 20th, pause me till monday",
    ],
)
def test_a_move_on_a_day_to_come_moves_no_zone_now(text: str) -> None:
    kinds = [p.kind for p in understand_all(text, TODAY)]
    assert IntentKind.SET_TIMEZONE not in kinds
    assert IntentKind.PAUSE in kinds


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("did tuesday's and wednesday's, forgot to log, 4 and 7", {9: 4, 10: 7}),
        ("forgot to log anything this week! monday done (5), yesterday done (6)", {8: 5, 9: 6}),
        ("done today 7/10. my mate did his hammy at football last night", {10: 7}),
    ],
)
def test_logs_keep_their_own_days_and_efforts(text: str, days: dict[int, int]) -> None:
    logs = {
        (p.log_day or TODAY).day: p.effort
        for p in understand_all(text, TODAY)
        if p.kind is IntentKind.DONE
    }
    assert logs == days


def test_someone_elses_race_sets_no_race_date() -> None:
    parts = understand_all("skipping friday, my partner's racing and I'm on support duty", TODAY)
    assert [p.kind for p in parts] == [IntentKind.SKIPPED]
    assert parts[0].log_day == date(2027, 2, 12)


@pytest.mark.parametrize(
    "text",
    [
        "got my long run done sunday (18k!) and the sessions have been feeling easier",
        "tempo run done",
        "can't remember how many I've missed, can you show me what I've logged",
    ],
)
def test_a_run_done_or_a_count_asked_logs_nothing(text: str) -> None:
    kinds = {p.kind for p in understand_all(text, TODAY)}
    assert not kinds & {IntentKind.DONE, IntentKind.SKIPPED}


def test_a_session_done_in_bare_feet_is_no_report_of_the_feet() -> None:
    (part,) = understand_all("did today's on the grass in bare feet lol, 5", TODAY)
    assert part.kind is IntentKind.DONE
    assert part.effort == 5
    assert part.report is None


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("is it normal to leak a bit when I do the jumps?", True),  # her own
        ("is it normal to leak a bit when jumping?", False),  # a general question
    ],
)
def test_leaking_asked_about_with_i_as_the_jumper_is_the_runners_own(text: str, sign: bool) -> None:
    assert (RedFlag.PELVIC_FLOOR in understand(text, TODAY).signs) is sign


def test_a_rating_straight_after_the_done_is_the_effort_after_body_talk() -> None:
    text = "groin hurts when I walk, a proper limp on the stairs. still did this morning's, 5/10"
    parts = understand_all(text, TODAY)
    done = [p for p in parts if p.kind is IntentKind.DONE]
    assert [p.effort for p in done] == [5]
    reports = [p.report for p in parts if p.report is not None]
    assert reports
    assert all(r.severity is None for r in reports)


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("saw a physio today, she said its an irritated sciatic nerve, tingling mostly gone", True),
        ("saw the physio, she says stress reaction, 6 weeks no running", True),
        ("saw the gp today, tingling is worse now", False),  # felt anew
        ("physio said its fine but i leaked again today", False),
    ],
)
def test_a_clinicians_word_with_a_sign_going_is_no_new_sign(text: str, theirs: bool) -> None:
    assert only_their_word(text) is theirs


@pytest.mark.parametrize(
    "text", ["clear my race date", "remove the race date, i'm not doing it", "scrap my race"]
)
def test_a_race_date_asked_to_go_is_cleared(text: str) -> None:
    (part,) = understand_all(text, TODAY)
    assert part.kind is IntentKind.RACE_DATE
    assert part.race_off


def test_how_to_clear_the_race_is_asked_not_done() -> None:
    assert not understand("how do i remove the race date?", TODAY).race_off


@pytest.mark.parametrize(
    ("text", "city", "hour"),
    [
        ("in vienna now, send it at 7 my time", "Vienna", 7),
        ("I'm in Doha now for 3 months, reminder at 5:30 before it gets hot", "Doha", 5),
    ],
)
def test_a_place_and_a_reminder_in_few_words_are_both_kept(text: str, city: str, hour: int) -> None:
    parts = understand_all(text, TODAY)
    assert [p.kind for p in parts] == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]
    assert city in (parts[0].timezone_text or "")
    assert parts[1].reminder_time is not None
    assert parts[1].reminder_time.hour == hour


@pytest.mark.parametrize(
    "text", ["flew back from sydney on monday", "got back from holiday on monday"]
)
def test_a_return_gone_by_starts_no_break(text: str) -> None:
    assert IntentKind.PAUSE not in {p.kind for p in understand_all(text, TODAY)}


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("stop the sessions from friday and start again on sunday", date(2027, 2, 12), 13),
        ("could you stop the sessions and start again on sunday", None, 13),
    ],
)
def test_starting_again_on_a_day_ends_the_break_the_day_before(
    text: str, first: date | None, last: int
) -> None:
    (part,) = understand_all(text, TODAY)
    assert part.kind is IntentKind.PAUSE
    assert part.pause_from == first
    assert part.pause_until == date(2027, 2, last)


@pytest.mark.parametrize(
    ("text", "fine", "reported"),
    [
        ("calves are grand now but me quads are sore as hell", "calves", "quads"),
        ("groin's grand now, but the right hip flexor is tight, 3/10", "groin", "hip_flexors"),
        ("what's today's session? also my knee is not hurting anymore", "knee", None),
    ],
)
def test_an_area_said_fine_now_beside_another_part_is_kept(
    text: str, fine: str, reported: str | None
) -> None:
    parts = understand_all(text, TODAY)
    assert [a.value for p in parts for a in p.fine_areas] == [fine]
    areas = [p.report.area.value for p in parts if p.report is not None]
    assert areas == ([reported] if reported else [])


def test_a_rating_in_a_question_is_no_date() -> None:
    (part,) = understand_all("did it after my long run, 6/10 - was that dumb?", TODAY)
    assert part.kind is IntentKind.DONE
    assert part.effort == 6
    assert understand("whats on on 6/10?", TODAY).ask_day == date(2027, 10, 6)


def test_a_day_of_the_month_put_in_place_of_a_date_keeps_its_month() -> None:
    text = "race date? i think i set 20 march, change it to the 27th"
    (part,) = understand_all(text, TODAY)
    assert part.race_date == date(2027, 3, 27)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("pain shooting down the back of my left leg, like sciatica", "leg"),
        ("tingling down the back of my right leg", "leg"),
        ("tight at the back of my leg", "hamstrings"),  # no nerve sign: the muscle there
    ],
)
def test_a_nerve_sign_at_the_back_of_the_leg_is_the_legs(text: str, area: str) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.area.value == area


def test_a_side_said_in_a_clause_of_its_own_stays_on_the_report() -> None:
    text = (
        "cant sleep, my shin is throbbing. been sore on runs for a fortnight. left one. "
        "didn't do yesterday's"
    )
    reports = [p.report for p in understand_all(text, TODAY) if p.report is not None]
    assert [(r.area.value, r.side.value) for r in reports] == [("shins", "left")]


def test_an_area_thing_named_with_a_relative_clause_is_the_body() -> None:
    text = "the hip flexor thing I mentioned last week has totally settled"
    assert understand(text, TODAY).fine_areas == (Area.HIP_FLEXORS,)


@pytest.mark.parametrize(
    "text",
    [
        "can i get back to the jumpy stuff?",
        "when can i get back to the jumps?",
        "when do the jumpy bits start",
    ],
)
def test_going_back_to_the_jumps_asks_when_they_come(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.topic is PlanTopic.JUMPS


@pytest.mark.parametrize(
    ("said", "passed"),
    [
        ("no worse", True),
        ("same as before the checks", True),
        ("fine, not swollen", True),
        ("yep all good, 1/10", True),
        ("still a bit achy but no worse", True),
        ("a bit stiffer", False),
        ("worse than yesterday", False),
        ("sore, 4/10", False),
        ("no", False),
        ("bit puffy this morning", False),
        ("hmm", None),
    ],
)
def test_the_morning_after_the_first_checks_is_read(said: str, passed: bool | None) -> None:
    assert overnight_answer(said) is passed


def test_the_morning_after_a_pelvic_floor_sign_asks_about_leaking() -> None:
    assert overnight_answer("no leaking, feels fine", pelvic=True) is True
    assert overnight_answer("bit heavy down there after", pelvic=True) is False
