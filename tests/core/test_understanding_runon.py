"""Long run-on messages: several things said in one breath, little or no punctuation.
Our own phrasings, not the development sets'. Today is Wednesday 9 December 2026."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all
from bot.core.understanding.clock import parse_time
from bot.core.vocabulary import Area, RedFlag, Side

WEDNESDAY = date(2026, 12, 9)


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, WEDNESDAY)


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in _all(text)}


def _warned(intent: Intent) -> bool:
    return bool(intent.signs) or bool(intent.report and intent.report.red_flags)


# ---------------------------------------------------------------- warning signs kept whole


def test_a_sign_beside_a_setting_is_a_report_of_its_area_and_the_setting_stays() -> None:
    found = _all(
        "left knee swells up and aches at night now which it never used to, also can you "
        "move my reminder to 9"
    )
    reports = [i for i in found if i.kind is IntentKind.BODY_REPORT]
    assert len(reports) == 1
    report = reports[0].report
    assert report is not None
    assert (report.area, report.side) == (Area.KNEE, Side.LEFT)
    assert {RedFlag.NIGHT_PAIN, RedFlag.SWELLING} <= report.red_flags
    reminders = [i for i in found if i.kind is IntentKind.SET_REMINDER]
    assert [i.reminder_time for i in reminders] == [time(9, 0)]
    assert not reminders[0].signs  # the sign is answered once, with its report


def test_a_sign_with_its_area_further_on_keeps_the_area() -> None:
    found = _all(
        "felt a sharp stabbing pain in my left calf on the stairs like a 7 walking is ok ish "
        "anyway when do the hops come back"
    )
    report = found[0].report
    assert report is not None
    assert (report.area, report.side, report.severity) == (Area.CALVES, Side.LEFT, 7)
    assert RedFlag.SHARP_PAIN in report.red_flags


def test_night_pain_that_is_new_is_no_long_past() -> None:
    (found,) = _all("ankle aches at night in bed which it never used to do")
    assert found.report is not None
    assert RedFlag.NIGHT_PAIN in found.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "my chest went all tight and heavy on the hills today",
        "chest started hurting halfway up the hill reps, a squeezing sort of pain",
        "felt like i was about to faint after the strides",
        "a crushing feeling in my chest during the tempo then fine",
    ],
)
def test_heart_signs_worded_freely_are_warnings(text: str) -> None:
    found = _all(text)
    assert any(_warned(i) for i in found)
    signs = set().union(*(i.signs for i in found))
    assert RedFlag.HEART_SIGNS in signs


def test_heart_signs_in_a_ramble_beside_a_log_are_not_lost() -> None:
    found = _all(
        "bit odd but my chest got really tight and sore on the intervals last night had to "
        "stop and sit down, anyway did the hip session after effort 3"
    )
    assert any(RedFlag.HEART_SIGNS in i.signs for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain or anything, just tired legs",
        "my mums chest has been really tight all week",
        "chest day at the gym yesterday, did the hip session too",
    ],
)
def test_chest_said_without_a_sign_of_ours_is_no_warning(text: str) -> None:
    assert not any(RedFlag.HEART_SIGNS in i.signs for i in _all(text))


# ---------------------------------------------------------------- days and their efforts


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("did thursday effort 3 and friday effort seven, forgot to say", [(3, 3), (4, 7)]),
        ("did the session yesterday effort 4 and today effort 6", [(8, 4), (9, 6)]),
        ("done monday rpe 5 tuesday rpe 6 oops never logged them", [(7, 5), (8, 6)]),
    ],
)
def test_each_day_gets_the_effort_said_with_it(text: str, logs: list[tuple[int, int]]) -> None:
    found = sorted(
        ((i.log_day or WEDNESDAY).day, i.effort) for i in _all(text) if i.kind is IntentKind.DONE
    )
    assert found == logs


# ---------------------------------------------------------------- the time asked for


@pytest.mark.parametrize(
    ("said", "wanted"),
    [
        ("move my reminder to 6 45 cos the kids wake at 7", time(6, 45)),
        ("the reminder comes at 6 can we do 7 15 instead", time(7, 15)),
        ("make the reminder ten to seven", time(6, 50)),
        ("reminder twenty past six please", time(6, 20)),
        ("reminder at 8 instead of 7 30 please", time(8, 0)),
        ("reminder at 6 now because i leave at half 6", time(6, 0)),
        ("the reminder keeps arriving at 6 but could it be 8 30", time(8, 30)),
    ],
)
def test_the_time_asked_for_not_the_one_told_of(said: str, wanted: time) -> None:
    assert parse_time(said) == wanted
    reminders = [i for i in _all(said) if i.kind is IntentKind.SET_REMINDER]
    assert [i.reminder_time for i in reminders] == [wanted]


def test_a_time_corrected_without_a_stop_is_the_last_one() -> None:
    found = _all("reminder to 7 please no actually make it 7 30 cos of the school run")
    assert [i.reminder_time for i in found if i.kind is IntentKind.SET_REMINDER] == [time(7, 30)]


@pytest.mark.parametrize("said", ["ran 10 30 minutes easy", "did 3 sets of 8 15 second holds"])
def test_numbers_with_a_space_are_no_time_unless_led_to_one(said: str) -> None:
    assert parse_time(said) is None


# ---------------------------------------------------------------- a pause told of


@pytest.mark.parametrize(
    "text",
    [
        "back from the pause, resume me please",
        "restart my plan please, i paused it in november",
        "home now so start me again, my pause was lovely",
    ],
)
def test_a_pause_told_of_beside_a_return_is_a_return(text: str) -> None:
    kinds = _kinds(text)
    assert IntentKind.RESUME in kinds
    assert IntentKind.PAUSE not in kinds


def test_a_pause_asked_for_still_pauses() -> None:
    assert IntentKind.PAUSE in _kinds("can you pause me till the 20th please")


# ---------------------------------------------------------------- what is not the runner's now


@pytest.mark.parametrize(
    "text",
    [
        "quads feel great the soreness is gone now, did the session today effort 5",
        "the tightness went away after a day so did yesterdays one effort 4",
    ],
)
def test_a_feeling_said_to_have_cleared_is_no_report(text: str) -> None:
    assert not [i for i in _all(text) if i.report is not None]
    assert IntentKind.DONE in _kinds(text)


def test_a_sign_said_to_have_passed_still_warns() -> None:
    found = _all("chest pain went away after a minute on the hill")
    assert any(RedFlag.HEART_SIGNS in i.signs for i in found)


def test_a_feeling_that_eased_a_little_is_still_there() -> None:
    found = _all("the calf pain eased off a bit")
    assert any(i.report is not None and i.report.area is Area.CALVES for i in found)


@pytest.mark.parametrize(
    "text",
    [
        "skipped today, my toddler threw up all night and im shattered",
        "turn the reminders off, they ping right as the baby finally falls asleep",
    ],
)
def test_someone_elses_illness_or_sleep_is_no_warning(text: str) -> None:
    assert not any(_warned(i) for i in _all(text))


# ---------------------------------------------------------------- a race's own date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("my 10k is on boxing day, fancy dress and everything", date(2026, 12, 26)),
        (
            "did friday's one effort 5, oh and my race is on christmas eve, the river 5k",
            date(2026, 12, 24),
        ),
        (
            "the manchester marathon is the 19th of april and that's my race, my parents are "
            "staying with us for a fortnight so its chaos",
            date(2027, 4, 19),
        ),
        ("my race moved from the 3rd of may to the 7th of june", date(2027, 6, 7)),
    ],
)
def test_the_race_date_is_the_one_said_with_the_race(text: str, day: date) -> None:
    races = [i for i in _all(text) if i.kind is IntentKind.RACE_DATE]
    assert [i.race_date for i in races] == [day]


# ---------------------------------------------------------------- sides and other activities


def test_both_said_of_days_is_no_side() -> None:
    found = _all("right quad a bit tight like a 2, also did monday and tuesday both effort 5")
    reports = [i.report for i in found if i.report is not None]
    assert [(r.area, r.side) for r in reports] == [(Area.QUADS, Side.RIGHT)]


def test_the_side_said_to_be_fine_is_not_the_reports() -> None:
    found = _all("my left calf is a bit tight like a 2 after the drive right side fine")
    reports = [i.report for i in found if i.report is not None]
    assert [(r.area, r.side) for r in reports] == [(Area.CALVES, Side.LEFT)]


@pytest.mark.parametrize("text", ["both calves tight", "calves tight both", "sore both legs"])
def test_both_said_with_the_body_is_both_sides(text: str) -> None:
    (found,) = _all(text)
    assert found.report is not None
    assert found.report.side is Side.BOTH


@pytest.mark.parametrize(
    "text",
    [
        "did 10k yesterday and it was rough, legs fine though",
        "my knee rehab finished back in the spring, just saying hi",
    ],
)
def test_another_activity_done_is_no_log_of_the_session(text: str) -> None:
    assert not {IntentKind.DONE, IntentKind.SKIPPED} & _kinds(text)


# ---------------------------------------------------------------- told of, not asked for


def test_a_move_to_come_sets_no_time_zone() -> None:
    kinds = _kinds("we're moving to lisbon next month but i'm still in leeds for now, did it 5")
    assert IntentKind.SET_TIMEZONE not in kinds


def test_a_move_made_still_sets_the_time_zone() -> None:
    assert IntentKind.SET_TIMEZONE in _kinds("moved to lisbon last week")


@pytest.mark.parametrize(
    "text",
    ["i really miss the bounding, the mobility days drag", "honestly miss them hops so much"],
)
def test_missing_the_jumps_fondly_is_no_skip(text: str) -> None:
    assert IntentKind.SKIPPED not in _kinds(text)


def test_a_session_missed_is_still_a_skip() -> None:
    assert IntentKind.SKIPPED in _kinds("gonna miss it today, work do")


def test_a_long_message_opening_with_the_jumps_question_asks_it() -> None:
    found = _all(
        "when do the jumps start again my physio said i was fine to jump after my ankle op "
        "a while back and the stretching is getting a bit samey"
    )
    assert {i.kind for i in found} == {IntentKind.PLAN_QUESTION}


# ---------------------------------------------------------------- the numbers and days meant


def test_a_rating_said_not_to_be_it_is_not_the_severity() -> None:
    found = _all("right ankle swollen and hurts to walk on, not a 9 but a good 5, skipped today")
    reports = [i.report for i in found if i.report is not None]
    assert [r.severity for r in reports] == [5]


def test_a_day_something_started_is_not_the_logs_day() -> None:
    found = _all("shin has ached since the hill session monday so skipped today, sorry")
    skips = [i for i in found if i.kind is IntentKind.SKIPPED]
    assert [i.log_day for i in skips] == [None]  # today


def test_a_session_done_this_morning_is_todays_whatever_day_a_later_question_names() -> None:
    """Trial: the question's Sunday became the log's day."""
    said = understand_all(
        "ok so did the session this morning before work, felt fine maybe a 4, quick q can i "
        "do it after my long run on sunday",
        date(2026, 12, 18),
    )
    done = [i for i in said if i.kind is IntentKind.DONE]
    assert len(done) == 1
    assert done[0].log_day is None  # today
    # a day put right in the same sentence still counts
    (fixed,) = understand_all("did it this morning, well yesterday actually", date(2026, 12, 18))
    assert fixed.log_day == date(2026, 12, 17)
