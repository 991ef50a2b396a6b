"""Body reports and safety, round 7: feeling ill beside a log, a run that pain cut short or
rated above 3/10 while running, the area a runner narrows to, stray settings, in our own
phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import Intent, IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2026, 11, 24)  # a Tuesday
FAQ = load_content().faq


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


def _kinds(text: str) -> list[IntentKind]:
    return [i.kind for i in _all(text)]


def _asked(text: str) -> tuple[str | None, tuple[Intent, ...]]:
    question, parts = FAQ.asked(understand(text, TODAY), _all(text), text)
    return (None if question is None else question.id), parts


def _flags(text: str) -> frozenset[RedFlag]:
    report = understand(text, TODAY).report
    assert report is not None, text
    return report.red_flags


# ------------------------------------------------------------------ feeling ill


@pytest.mark.parametrize(
    "text",
    [
        "not doing it today, i've got a temp of 38.5 and feel awful",
        "missed the session, was lightheaded and nauseous all morning",
        "gave today a miss, felt faint on the stairs",
    ],
)
def test_feeling_ill_beside_a_skip_is_the_skip_and_a_warning(text: str) -> None:
    parts = _all(text)
    assert [p.kind for p in parts] == [IntentKind.SKIPPED, IntentKind.WARNING_SIGN]
    assert RedFlag.UNWELL in parts[1].signs


def test_an_everyday_cold_beside_a_skip_is_only_the_skip() -> None:
    assert _kinds("skipped today, feeling sick with a head cold") == [IntentKind.SKIPPED]


# ------------------------------------------------------------------ running pain


@pytest.mark.parametrize(
    "text",
    [
        "my right knee got so bad on saturday's long run i had to stop and walk, sore today",
        "achilles was too painful to keep running so i bailed halfway",
        "calf aching, couldn't finish my run yesterday",
    ],
)
def test_a_run_cut_short_by_pain_is_a_warning_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "left shin sore on the run this morning, like 5/10",
        "hamstring aching 6/10 the whole way round",
    ],
)
def test_a_rating_above_three_on_a_run_is_a_warning_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "shin a bit sore on my run, 2/10",  # the safe zone
        "stopped at the lights on my run, calves a bit tight",  # tightness, no stop for it
    ],
)
def test_a_low_or_tight_run_report_is_no_run_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN not in _flags(text)


def test_a_report_beside_two_logged_days_is_made_once() -> None:
    parts = _all("did the session fri and sat. right calf a bit tight, 2/10")
    assert [p.kind for p in parts] == [IntentKind.DONE, IntentKind.DONE]
    assert sum(p.report is not None for p in parts) == 1  # one report, with one of the logs


# ------------------------------------------------------------------ which area


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("front of the hip, really deep in my groin, left side, sore when i walk", Area.GROIN),
        ("pain a bit below my knee on the front of the shin when i hop", Area.SHINS),
        ("sharp pain on my left leg just above the ankle, in the achilles", Area.ACHILLES),
        ("sore just above my knee", Area.KNEE),  # the only area said
    ],
)
def test_the_area_is_the_one_narrowed_to_not_its_landmark(text: str, area: Area) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.area is area


# ------------------------------------------------------------------ no report


@pytest.mark.parametrize(
    "text",
    [
        "quads on fire through the lunges, nice burn. finished, 7/10",
        "all done 💪 calves are wrecked haha jk, felt strong, 5/10",
    ],
)
def test_a_working_burn_or_a_joke_is_a_done_with_its_effort(text: str) -> None:
    parts = _all(text)
    assert [p.kind for p in parts] == [IntentKind.DONE]
    assert parts[0].report is None
    assert parts[0].effort is not None


def test_the_hip_thing_is_the_session_not_the_hip() -> None:
    assert understand("should i still do the hip thing today?", TODAY).report is None


# ------------------------------------------------------------------ stray settings


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("merry christmas and happy holidays coach 🎅", IntentKind.GREETING),
        ("should i stop the plan for a bit? calf's been grumbling", None),
        ("do i have to take days off or can i train daily?", None),
        ("two weeks off over new year, how should i get back into it?", None),
        ("can you show me the whole programme from start to finish", IntentKind.PLAN_QUESTION),
    ],
)
def test_chat_and_questions_store_no_setting(text: str, kind: IntentKind | None) -> None:
    parts = _all(text)
    stored = {IntentKind.PAUSE, IntentKind.RESUME, IntentKind.DONE, IntentKind.SKIPPED}
    assert stored.isdisjoint(p.kind for p in parts), parts
    if kind is not None:
        assert [p.kind for p in parts] == [kind]


def test_a_rating_is_no_pause_date_and_being_somewhere_is_no_break() -> None:
    parts = _all("good one this morning, had a great session, 6/10. in Lisbon now for the holidays")
    assert [p.kind for p in parts] == [IntentKind.DONE, IntentKind.SET_TIMEZONE]
    assert parts[0].effort == 6


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("do i have to take days off or can i train daily?", "rest-days"),
        ("two weeks off over new year, how should i get back into it?", "missed-week"),
        ("legs are fried from the track session, still do the hip stuff or skip?", "tired-legs"),
    ],
)
def test_advice_asked_is_answered_from_the_faq(text: str, topic: str) -> None:
    assert _asked(text)[0] == topic


def test_an_area_fine_only_on_painkillers_is_a_pain_report() -> None:
    report = understand("my knee is only ok if i've had paracetamol", TODAY).report
    assert report is not None
    assert report.area is Area.KNEE
    assert report.kind.value == "pain"


@pytest.mark.parametrize(
    "text",
    [
        "cheers, the 6:30 reminder is perfect",
        "turn the reminders off haha just kidding, keep them",
        "a break over new year? nope, keeping going",
    ],
)
def test_praise_a_joke_or_a_break_turned_down_stores_nothing(text: str) -> None:
    stored = {IntentKind.SET_REMINDER, IntentKind.PAUSE}
    assert stored.isdisjoint(_kinds(text))


def test_an_area_said_ready_still_asks_its_question() -> None:
    parts = _all("hamstrings feel ready, when do we start jumping?")
    assert IntentKind.PLAN_QUESTION in [p.kind for p in parts]


def test_a_recovery_then_a_question_is_both() -> None:
    assert _kinds("not tight any more! when do the hops come in?") == [
        IntentKind.FEELS_FINE,
        IntentKind.PLAN_QUESTION,
    ]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("heard you should never hop on tarmac, is that right?", "surface-for-jumps"),
        ("bit of a runny nose but no temperature. fine to do it today?", "illness"),
        ("would it be silly to do the hip work after my long run saturday", "after-long-run"),
        ("is it ok to do the hops on wednesday? i do hill sprints then", "hill-day"),
        ("did the half last sunday, when can i get back to jumping?", "after-race"),
        ("i can only do evenings in february, is that alright?", "evening"),
        ("is it normal for a tiny bit of pee to come out when hopping 😬", "leaking"),
    ],
)
def test_more_advice_asked_is_answered_from_the_faq(text: str, topic: str) -> None:
    assert _asked(text)[0] == topic


@pytest.mark.parametrize(
    "text",
    [
        "a mate at parkrun said never jump on concrete, true?",
        "is it bad if i stop the hops in race week?",
    ],
)
def test_a_race_word_beside_advice_calls_off_no_race(text: str) -> None:
    assert all(not p.race_off for p in _all(text))


def test_the_others_just_named_keep_their_fever() -> None:
    parts = _all("the kids were up sick all night, they've both got a temperature. skipping today")
    assert [p.kind for p in parts] == [IntentKind.SKIPPED]
    assert not parts[0].signs


def test_a_region_of_another_part_is_read_as_before() -> None:
    parts = _all("front of my thigh and outside of my knee both sore")
    assert {p.report.area for p in parts if p.report} == {Area.QUADS, Area.KNEE}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("thank you so much, this is really helpful", IntentKind.THANKS),
        ("ran my first ultra in 2018, miss those days haha", IntentKind.UNKNOWN),
    ],
)
def test_chat_is_chat(text: str, kind: IntentKind) -> None:
    assert _kinds(text) == [kind]


def test_flying_back_is_no_back() -> None:
    assert all(p.report is None for p in _all("can't do the 4th, driving back from my parents"))


def test_a_rating_out_of_ten_before_effort_is_the_effort() -> None:
    parts = _all("finished the strength one in 25 minutes, 7 out of 10 effort")
    assert [(p.kind, p.effort) for p in parts] == [(IntentKind.DONE, 7)]


def test_a_question_before_a_race_date_is_answered_beside_it() -> None:
    text = "should i drop the hops in race week? the marathon is on 9 may"
    question, parts = _asked(text)
    assert question == "taper"
    assert [p.kind for p in parts] == [IntentKind.RACE_DATE]


@pytest.mark.parametrize(
    "text",
    [
        "hamstring sore 5/10, heading out on my run later",  # a run to come
        "had to stop the lunges, glute sore, ran after",  # the session stopped, not the run
    ],
)
def test_a_run_to_come_or_a_session_stopped_is_no_run_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN not in _flags(text)


def test_a_question_said_last_after_a_statement_is_answered() -> None:
    assert _asked("top floor flat, people below, can't jump indoors. what do i do")[0] == (
        "no-space-to-jump"
    )
