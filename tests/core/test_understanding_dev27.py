"""Session fifteen's general rules (found on a fresh development set, written in my own
words here): a knee that locks or catches, a walk gone funny, a hard knock, trouble
passing water and numbness round the seat said in plain words; a foam roller is no fall;
a done word in the future is no log; a record asked with "remind me" is no reminder;
"continue" said of a habit or asked is no return; a spaced dash after an effort; a range
after a done word is asked; and "X fine but a tight spot in Y" reports Y."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.outcome import done_later
from bot.core.understanding.replies import race_answer
from bot.core.understanding.week import running_week
from bot.core.vocabulary import Area, RedFlag, ReportKind

TODAY = date(2027, 10, 13)
FAQ = load_content().faq


def _signs(text: str) -> frozenset[RedFlag]:
    intent = understand(text, TODAY)
    found = intent.signs | (intent.report.red_flags if intent.report else frozenset())
    for part in understand_all(text, TODAY):
        found |= part.signs | (part.report.red_flags if part.report else frozenset())
    return found


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("right knee locked up on me twice this week", RedFlag.LOCKING),
        ("my knee catches on the stairs now and then", RedFlag.LOCKING),
        ("every so often it catches and gets stuck for a second before it clicks free",
         RedFlag.LOCKING),
        ("fell in training, hip sore and I'm walking a bit funny", RedFlag.LIMPING),
        ("went down hard in the five-a-side, hip aches", RedFlag.AFTER_FALL),
        ("back sore and I'm struggling to wee properly since yesterday", RedFlag.BLADDER_BOWEL),
        ("numbness around my bum since the weekend", RedFlag.SADDLE_NUMBNESS),
        ("left foot feels a bit weak when I push off", RedFlag.WEAKNESS),
    ],
)  # fmt: skip
def test_a_sign_said_in_plain_words_is_heard(text: str, sign: RedFlag) -> None:
    assert sign in _signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "IT band tight on the left, I foam rolled it and that helped",
        "calves locked up in the last mile, sore now",
        "knees are fine, locked in for the race",
    ],
)
def test_no_sign_where_none_is_said(text: str) -> None:
    assert not _signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "gonna get it done later",
        "I'll get it done tonight after work",
        "will try get today's done before my shift",
        "the school run is done by 8 now",
    ],
)
def test_nothing_done_yet_is_no_log(text: str) -> None:
    kinds = {part.kind for part in understand_all(text, TODAY)}
    assert IntentKind.DONE not in kinds


def test_a_done_word_before_a_future_one_still_logs() -> None:
    intent = understand("done it, will do the hops tomorrow", TODAY)
    assert intent.kind is IntentKind.DONE


@pytest.mark.parametrize(
    "text", ["can you remind me what I logged last week?", "remind me which days I did"]
)
def test_the_record_asked_with_remind_me_is_history(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.HISTORY


def test_remind_me_at_a_time_is_still_the_reminder() -> None:
    intent = understand("remind me at 7", TODAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time is not None
    assert intent.reminder_time.hour == 7


@pytest.mark.parametrize(
    "text",
    [
        "I continue to stretch it like in the session. Is it the hip flexor too tight?",
        "I can continue the session when it is like this?",
        "carried on running after it went",
    ],
)
def test_continue_said_of_a_habit_or_asked_is_no_return(text: str) -> None:
    kinds = {part.kind for part in understand_all(text, TODAY)}
    assert IntentKind.RESUME not in kinds


@pytest.mark.parametrize("text", ["continue please", "back from holiday, lets continue"])
def test_continue_asked_for_is_a_return(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.RESUME


def test_an_effort_before_a_spaced_dash_is_kept() -> None:
    parts = understand_all("done 7 - and the quads are fine now", TODAY)
    done = [part for part in parts if part.kind is IntentKind.DONE]
    assert done
    assert done[0].effort == 7


@pytest.mark.parametrize("text", ["done, like a 6-7", "did it 5-6, tough"])
def test_a_range_after_a_done_word_is_asked(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.unclear is not None
    assert intent.effort is None


@pytest.mark.parametrize("text", ["done 3-4 sets of the hops", "finished 6-7 of the reps"])
def test_a_count_after_a_done_word_is_no_range(text: str) -> None:
    assert understand(text, TODAY).unclear is None


def test_a_tight_spot_beyond_an_area_said_fine_is_that_spot() -> None:
    text = "my quads feel fine but there's a tight spot in my right hip flexor"
    report = understand(text, TODAY).report
    assert report is not None
    assert report.area is Area.HIP_FLEXORS


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("missed saturday and sunday, did it today 6", [date(2027, 10, 9), date(2027, 10, 10)]),
        ("this week was chaos, missed Monday and yesterday. Did it today, 6.",
         [date(2027, 10, 11), date(2027, 10, 12)]),
    ],
)  # fmt: skip
def test_each_day_of_a_skip_beside_a_done_is_skipped(text: str, days: list[date]) -> None:
    parts = understand_all(text, TODAY)
    skipped = sorted(p.log_day for p in parts if p.kind is IntentKind.SKIPPED and p.log_day)
    assert skipped == days
    assert any(p.kind is IntentKind.DONE and p.effort == 6 for p in parts)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a week tomorrow is my race", date(2027, 10, 21)),
        ("race got pushed back to a fortnight on sunday", date(2027, 10, 31)),
        ("race is a week on sat", date(2027, 10, 23)),
    ],
)
def test_a_week_on_a_day_is_that_day_a_week_later(text: str, day: date) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.RACE_DATE
    assert intent.race_date == day


def test_a_time_after_local_time_is_no_place() -> None:
    text = "Moved back to Christchurch. Can you set it to my local time, 6am is good."
    zones = [p.timezone_text for p in understand_all(text, TODAY) if p.timezone_text]
    assert all(not zone[:1].isdigit() for zone in zones)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("MRI says a stress reaction in the neck of my femur, right side", Area.HIPS),
        ("stress fracture in my femur", Area.QUADS),
    ],
)
def test_the_femur_is_an_area(text: str, area: Area) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.area is area
    assert RedFlag.STRESS_FRACTURE in report.red_flags


def test_a_day_said_of_a_soreness_is_not_the_logs_day() -> None:
    parts = understand_all("done 7, and the soreness in my quads from monday is gone", TODAY)
    done = [part for part in parts if part.kind is IntentKind.DONE]
    assert len(done) == 1
    assert done[0].log_day is None
    assert done[0].effort == 7


def test_the_sentence_asking_for_the_pause_gives_its_days() -> None:
    text = (
        "Moving house Thursday and Friday, and the weekend is all unpacking. "
        "Pause me from tomorrow, back on Monday."
    )
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_from == date(2027, 10, 14)
    assert intent.pause_until == date(2027, 10, 17)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("I could not do the session yesterday", date(2027, 10, 12)),
        ("I could not do session", None),
    ],
)
def test_could_not_do_is_a_skip(text: str, day: date | None) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.SKIPPED
    assert intent.log_day == day


@pytest.mark.parametrize(
    ("text", "effort"), [("today i did, 5", 5), ("Today I did, effort is 5.", 5)]
)
def test_today_i_did_is_a_log(text: str, effort: int) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.effort == effort


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("off to Japan tomorrow, pause pls", date(2027, 10, 14), None),
        ("Back on the 3rd, off to Japan tomorrow. Pause pls", date(2027, 10, 14),
         date(2027, 11, 2)),
        ("heading off tomorrow for a week, pause it", date(2027, 10, 14), date(2027, 10, 20)),
        ("Newborn arrived Monday!! So pause the whole thing for now, I'll let you know when "
         "I'm back.", None, None),
    ],
)  # fmt: skip
def test_a_break_starts_the_day_the_runner_leaves(
    text: str, first: date | None, last: date | None
) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_from == first
    assert intent.pause_until == last


def test_no_bare_fine_beside_a_warning_sign() -> None:
    text = (
        "Physio said I could try the session again but there's still no pain relief in the "
        "right hip at night, it wakes me up. Left side is totally fine."
    )
    parts = understand_all(text, TODAY)
    assert all(p.kind is not IntentKind.FEELS_FINE for p in parts)
    assert any(p.report and RedFlag.NIGHT_PAIN in p.report.red_flags for p in parts)


@pytest.mark.parametrize(
    ("text", "logs"),
    [
        ("done thursday 5 and friday 6", [(date(2027, 10, 7), 5), (date(2027, 10, 8), 6)]),
        ("did thursday 5, friday 6", [(date(2027, 10, 7), 5), (date(2027, 10, 8), 6)]),
    ],
)
def test_each_day_keeps_the_number_said_after_it(text: str, logs: list[tuple[date, int]]) -> None:
    parts = understand_all(text, TODAY)
    assert [(p.log_day, p.effort) for p in parts if p.kind is IntentKind.DONE] == logs


def test_a_day_skipped_and_a_day_done_are_each_logged() -> None:
    parts = understand_all("monday skipped (work), tuesday done 7", TODAY)
    found = [(p.kind, p.log_day, p.effort) for p in parts]
    assert found == [
        (IntentKind.SKIPPED, date(2027, 10, 11), None),
        (IntentKind.DONE, date(2027, 10, 12), 7),
    ]


def test_a_time_for_my_local_time_is_the_reminder() -> None:
    intent = understand("set it to my local time, 6am is good", TODAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time is not None
    assert intent.reminder_time.hour == 6


@pytest.mark.parametrize(
    "text", ["im in sydney now, 6am is good", "im in sydney. set it to my local time, 6am is good"]
)
def test_a_city_and_a_time_wanted_set_both(text: str) -> None:
    kinds = [p.kind for p in understand_all(text, TODAY)]
    assert kinds == [IntentKind.SET_TIMEZONE, IntentKind.SET_REMINDER]


def test_a_time_of_arrival_is_no_reminder() -> None:
    kinds = [p.kind for p in understand_all("landed in sydney at 6am", TODAY)]
    assert IntentKind.SET_REMINDER not in kinds


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("race on saturday week", date(2027, 10, 23)),
        ("half marathon on sunday fortnight", date(2027, 10, 31)),
    ],
)
def test_a_day_then_week_is_that_day_a_week_later(text: str, day: date) -> None:
    assert understand(text, TODAY).race_date == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("half marathon a week on saturday", date(2027, 10, 23)),
        ("a week tomorrow", date(2027, 10, 21)),
        ("saturday week", date(2027, 10, 23)),
    ],
)
def test_the_set_up_race_answer_reads_a_week_on(text: str, day: date) -> None:
    assert race_answer(text, TODAY) == day


@pytest.mark.parametrize(
    "text",
    [
        "is it the hip flexor too tight?",
        "should I stretch my hamstrings more? is it just tight hammies?",
        "could it be my IT band being tight?",
    ],
)
def test_tightness_wondered_as_the_cause_is_asked_not_stored(text: str) -> None:
    intent = understand(text, TODAY)
    question, parts = FAQ.asked(intent, understand_all(text, TODAY), text)
    assert question is not None
    assert question.id == "just-tight"
    assert all(part.report is None for part in parts)


def test_a_tightness_reported_beside_another_question_is_not_that_question() -> None:
    text = "hip flexors are tight, maybe 3/10. Does the desk thing actually matter for running?"
    intent = understand(text, TODAY)
    question, _ = FAQ.asked(intent, understand_all(text, TODAY), text)
    assert question is not None
    assert question.id == "desk-job"


def test_a_knee_that_locks_up_is_no_tightness() -> None:
    report = understand("left knee locked up twice on my run", TODAY).report
    assert report is not None
    assert RedFlag.LOCKING in report.red_flags
    assert report.kind is ReportKind.PAIN


@pytest.mark.parametrize(
    "text",
    ["what's on next week", "show me next week pls", "next week's plan?", "and next week?"],
)
def test_next_week_asked_is_that_week(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PLAN_QUESTION
    assert intent.ask_day == date(2027, 10, 18)  # its Monday


def test_a_break_next_week_is_still_a_break() -> None:
    assert understand("pause next week", TODAY).kind is IntentKind.PAUSE


def test_no_sessions_from_a_day_is_a_break() -> None:
    intent = understand("no sessions from the 14th pls, I'll tell you when I'm back", TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_from == date(2027, 10, 14)
    assert intent.pause_until is None


def test_send_the_session_at_a_time_is_the_reminder() -> None:
    intent = understand("send the session at 5.45am from now on", TODAY)
    assert intent.kind is IntentKind.SET_REMINDER
    assert intent.reminder_time is not None
    assert (intent.reminder_time.hour, intent.reminder_time.minute) == (5, 45)


def test_muscles_like_guitar_strings_are_tight() -> None:
    report = understand("hip flexors feel like guitar strings", TODAY).report
    assert report is not None
    assert report.kind is ReportKind.TIGHTNESS


@pytest.mark.parametrize(
    "text",
    ["sunday long, thursday tempo", "long sunday, tempo thursday", "sun long, thu intervals"],
)
def test_a_day_said_long_is_the_long_run(text: str) -> None:
    said = running_week(text)
    assert said.long_run_day == 6
    assert said.hard_days == frozenset({3})


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("gonna get it done later", True),
        ("I'll try get today's done after work", True),
        ("done it, will do the hops tomorrow", False),
        ("gonna get it done later? or is that bad", False),
    ],
)
def test_a_session_promised_for_later_is_known(text: str, later: bool) -> None:
    assert done_later(text) is later
