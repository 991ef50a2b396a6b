"""Body reports and FAQ matching, round 6: warning signs said another way, body talk that is
supposed, reported or long past, a week's summary, corrections, and thanks, in our own
phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import Intent, IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

TODAY = date(2026, 11, 24)  # a Tuesday
FAQ = load_content().faq


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


def _asked(text: str) -> tuple[str | None, tuple[Intent, ...]]:
    question, parts = FAQ.asked(understand(text, TODAY), _all(text), text)
    return (None if question is None else question.id), parts


def _flags(text: str) -> frozenset[RedFlag]:
    report = understand(text, TODAY).report
    assert report is not None, text
    return report.red_flags


# ------------------------------------------------------------------ warning signs


@pytest.mark.parametrize(
    "text",
    [
        "jumping on one leg is fine but hopping makes my right shin ache",
        "hopping really makes the left foot hurt, walking's ok",
        "the hops made my heel sore",
    ],
)
def test_an_activity_that_causes_pain_is_pain_on_it(text: str) -> None:
    flags = _flags(text)
    assert RedFlag.PAIN_ON_HOPPING in flags or RedFlag.PAIN_ON_WALKING in flags


def test_hopping_said_fine_beside_another_pain_is_no_sign() -> None:
    assert _flags("hopping is fine but running makes my calf ache") == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "groin pain about 6/10 during my run this morning",
        "knee hurt like a 5 while running",
        "calves sore 6/10 during the run",  # a rating while running, whatever the word
    ],
)
def test_pain_above_three_during_a_run_is_a_warning_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "knee hurt 2/10 during the run",  # safe zone
        "hip pain 6/10 after the run",  # after, not during
    ],
)
def test_low_pain_soreness_or_pain_after_a_run_is_no_run_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN not in _flags(text)


def test_a_nerve_sign_said_apart_is_the_report_of_its_own_area() -> None:
    found = _all("quads are tight, plus I've got pins and needles in my left foot")
    by_area = {i.report.area: i.report for i in found if i.report is not None}
    assert by_area[Area.QUADS].kind is ReportKind.TIGHTNESS
    assert not by_area[Area.QUADS].red_flags
    assert RedFlag.NUMBNESS_TINGLING in by_area[Area.FOOT].red_flags
    assert by_area[Area.FOOT].side is Side.LEFT


@pytest.mark.parametrize(
    "text",
    [
        "low back aching and also my bum feels numb",  # the nerve's way down: one report
        "calf got tight and now my toes are tingling",  # one story, as before
    ],
)
def test_a_nerve_sign_on_the_way_down_or_in_one_story_stays_one_report(text: str) -> None:
    (intent,) = _all(text)
    assert intent.report is not None
    assert intent.report.red_flags


# ------------------------------------------------------------ supposed, reported, past


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("if my hip starts to ache during the session should i stop?", "exercise-hurts"),
        ("what if i get knee pain in the middle of the jumps?", "exercise-hurts"),
        ("my coach says you shouldn't hop if your calves are sore, is that right?", "while-sore"),
        ("broke my foot 3 yrs ago, can i still do the plan?", "past-injury"),
        ("i used to have hip pain a few years back, is the plan ok for me?", "past-injury"),
    ],
)
def test_body_talk_that_is_supposed_reported_or_past_is_answered_not_stored(
    text: str, entry_id: str
) -> None:
    question, parts = _asked(text)
    assert question == entry_id
    assert all(p.report is None for p in parts)


def test_a_past_injury_that_hurts_again_now_is_a_warning_sign() -> None:
    intent = understand("had a stress fracture in my shin last year and now it hurts when i hop")
    assert intent.kind in (IntentKind.BODY_REPORT, IntentKind.WARNING_SIGN)
    signs = intent.signs | (intent.report.red_flags if intent.report else frozenset())
    assert RedFlag.PAIN_ON_HOPPING in signs


def test_a_long_past_story_before_a_request_leaves_the_request() -> None:
    found = _all("in 2021 i had a nasty achilles problem for ages. anyway, what's today?")
    assert [i.kind for i in found] == [IntentKind.TODAY]


def test_someone_else_interrupting_mid_session_is_no_request_for_today() -> None:
    assert understand("the cat keeps sitting on me mid session").kind is not IntentKind.TODAY


# ------------------------------------------------------------------ logs


def test_a_count_of_the_weeks_sessions_logs_nothing_today() -> None:
    found = _all("solid week, did all 4 sessions, but my left leg goes numb when i sit")
    assert all(i.kind is not IntentKind.DONE for i in found)
    assert any(i.report and RedFlag.NUMBNESS_TINGLING in i.report.red_flags for i in found)


def test_sessions_done_today_still_log() -> None:
    assert understand("did both sessions today").kind is IntentKind.DONE


@pytest.mark.parametrize(
    "text",
    [
        "skipped today, ankle puffy after sunday's race",
        "skipped today, sore after sunday's long run",
    ],
)
def test_a_day_that_dates_the_race_is_not_the_skips_day(text: str) -> None:
    skips = [i for i in _all(text) if i.kind is IntentKind.SKIPPED]
    assert skips
    assert all(i.log_day is None for i in skips)


def test_a_day_of_the_session_itself_is_the_logs_day() -> None:
    (intent,) = _all("did saturday's session after the race")
    assert intent.log_day == date(2026, 11, 21)


def test_sessions_too_hard_to_finish_is_the_faq_not_a_skip() -> None:
    question, parts = _asked("the workouts are way too hard for me, i can't finish them")
    assert question == "too-hard"
    assert all(p.kind is not IntentKind.SKIPPED for p in parts)


@pytest.mark.parametrize("text", ["can't finish it today", "i can't finish it"])
def test_cant_finish_today_is_still_a_skip(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.SKIPPED


# ------------------------------------------------------------------ corrections, thanks


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("right hamstring tight. sorry, i meant the left one", Side.LEFT),
        ("left knee sore, no wait, the right knee", Side.RIGHT),
        ("left knee sore", Side.LEFT),
    ],
)
def test_a_corrected_side_is_the_side_said_last(text: str, side: Side) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.side is side


@pytest.mark.parametrize("text", ["really love this app, cheers", "you're the best, thanks coach"])
def test_praise_is_thanks(text: str) -> None:
    assert [i.kind for i in _all(text)] == [IntentKind.THANKS]


def test_a_recovery_and_thanks_are_both_heard() -> None:
    kinds = [i.kind for i in _all("calves are fine now, thanks for the tips!")]
    assert kinds == [IntentKind.FEELS_FINE, IntentKind.THANKS] or set(kinds) == {
        IntentKind.FEELS_FINE,
        IntentKind.THANKS,
    }


def test_thanks_to_a_cause_is_no_thanks() -> None:
    kinds = [i.kind for i in _all("quads sore, thanks to the hill reps")]
    assert IntentKind.THANKS not in kinds


# ------------------------------------------------------------------ FAQ phrasings


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("i'm at a desk 10 hours a day, does that mess up my hips?", "desk-job"),
        ("my puppy keeps jumping on me during the band work, any tips", "interruptions"),
        ("is it ok to do the hops on the bathroom tiles?", "surface-for-jumps"),
        ("is it normal to leak a little bit when doing the hops", "leaking"),
        ("do i need to buy weights or join a gym for this", "equipment"),
        (
            "if i go to madrid over christmas can i do the sessions in the hotel room?",
            "hotel-travel",
        ),
        ("spin class on thursdays, does that count instead of a session?", "swap-class"),
    ],
)
def test_more_wordings_find_their_question(text: str, entry_id: str) -> None:
    question, parts = _asked(text)
    assert question == entry_id
    assert all(p.kind is not IntentKind.PLAN_QUESTION for p in parts)


@pytest.mark.parametrize(
    "text",
    [
        "what's on thursday?",
        "my desk is a mess lol",
        "the dog is asleep",
        "hotel was nice",
        "did the session, 5/10",
    ],
)
def test_unrelated_messages_match_no_question(text: str) -> None:
    assert _asked(text)[0] is None


def test_an_area_loving_the_work_is_no_thanks() -> None:
    kinds = [i.kind for i in _all("hips loving it. left calf feels numb after runs")]
    assert IntentKind.THANKS not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "if my calf starts to ache should i keep going?",
        "what happens if my groin gets sore during the bounds?",
    ],
)
def test_a_feeling_still_to_come_in_a_question_is_no_report(text: str) -> None:
    assert all(i.report is None for i in _all(text))


def test_a_feeling_each_time_the_runner_starts_is_still_a_report() -> None:
    found = _all("if i start the session my knee hurts, should i stop?")
    assert any(i.report is not None and i.report.area is Area.KNEE for i in found)
