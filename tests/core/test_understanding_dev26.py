"""Session fourteen's general rules (found on a fresh development set, written in my own
words here): swelling said as size ("gone fat", "bigger than the other one", "fluid
round it"), weight that cannot be borne said plainly, a recovery word that begins a sign
("gone fat" is not "gone"), and a rating said of a run or of someone else that is not the
session's effort."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand, understand_all
from bot.core.understanding.answers import clinician_answer
from bot.core.understanding.corrections import undoes_todays_log
from bot.core.understanding.model import PlanTopic, Unclear
from bot.core.understanding.questions import plans_to_run
from bot.core.vocabulary import Area, RedFlag

TODAY = date(2027, 6, 9)


def _signs(text: str) -> frozenset[RedFlag]:
    intent = understand(text, TODAY)
    return intent.signs | (intent.report.red_flags if intent.report else frozenset())


@pytest.mark.parametrize(
    ("text", "sign", "area"),
    [
        ("my knee's gone all fat since sunday", RedFlag.SWELLING, Area.KNEE),
        ("left ankle looks bigger than the right this morning", RedFlag.SWELLING, Area.ANKLE),
        ("there's some fluid on my knee after the bounds", RedFlag.SWELLING, Area.KNEE),
        ("achilles is twice the size it should be", RedFlag.SWELLING, Area.ACHILLES),
        ("cant put any weight on my left foot", RedFlag.CANNOT_BEAR_WEIGHT, Area.FOOT),
        ("unable to bear weight on the right ankle", RedFlag.CANNOT_BEAR_WEIGHT, Area.ANKLE),
    ],
)
def test_a_sign_said_in_plain_words_is_heard(text: str, sign: RedFlag, area: Area) -> None:
    intent = understand(text, TODAY)
    assert sign in _signs(text)
    assert intent.kind is not IntentKind.FEELS_FINE
    assert intent.report is not None
    assert intent.report.area is area


@pytest.mark.parametrize(
    "text",
    [
        "my calves look bigger since I started the jumps, nice",  # muscle, no area's sign
        "drink plenty of fluid before the session?",
        "the swelling has gone down now",
    ],
)
def test_size_and_fluid_alone_are_no_swelling(text: str) -> None:
    assert RedFlag.SWELLING not in _signs(text)


def test_no_idea_what_i_did_asks_for_no_history() -> None:
    kinds = [
        p.kind for p in understand_all("cant put weight on my foot, no idea what i did", TODAY)
    ]
    assert IntentKind.HISTORY not in kinds


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("went for a tempo run at 8/10, did the hip session after, that one was a 3", 3),
        ("my partner did it with me, she gave it a 9, for me a 6", 6),
        ("spin class this morning like a 9, then did the hip routine tonight, maybe 4", 4),
        ("did it 6/10, then a run 8/10", 6),
    ],
)
def test_a_rating_of_something_else_is_not_the_effort(text: str, effort: int) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.DONE
    assert intent.effort == effort


@pytest.mark.parametrize(
    "text",
    [
        "reminder at 6:30 is grand, but I've moved to Leeds",
        "the reminder can stay at 7, my race is the 3rd of october now",
        "keep the reminder at 8 and I'm in Madrid now",
    ],
)
def test_a_reminder_said_to_stay_beside_another_request_is_not_set(text: str) -> None:
    kinds = [p.kind for p in understand_all(text, TODAY)]
    assert IntentKind.SET_REMINDER not in kinds
    assert len(kinds) == 1


def test_a_return_said_as_the_end_of_a_break_is_no_resume_now() -> None:
    text = "pause it monday to friday next week, then I'm back to normal on the weekend"
    parts = understand_all(text, TODAY)
    assert [p.kind for p in parts] == [IntentKind.PAUSE]
    assert parts[0].pause_from == date(2027, 6, 14)
    assert parts[0].pause_until == date(2027, 6, 18)
    back = understand_all("im back now, but pause it again from the 20th", TODAY)
    assert IntentKind.RESUME in [p.kind for p in back]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("pause me next week please, back on the 20th", date(2027, 6, 14), date(2027, 6, 19)),
        ("pause please, back next week", None, date(2027, 6, 13)),
        ("pause from today, back next week", None, date(2027, 6, 13)),
        ("away next week, back the week after", date(2027, 6, 14), date(2027, 6, 20)),
    ],
)
def test_next_week_in_a_pause_is_its_start_or_its_end(
    text: str, first: date | None, last: date
) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.PAUSE
    assert intent.pause_from == first
    assert intent.pause_until == last


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("fell off my bike on monday, hip's bruised, did yesterday's session anyway, 6", 8),
        (
            "freezing here but got today's done in the kitchen, effort 5, from the hills on monday",
            9,
        ),
    ],
)
def test_the_session_named_by_its_day_is_logged_on_it(text: str, day: int) -> None:
    done = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert len(done) == 1
    assert (done[0].log_day or TODAY) == date(2027, 6, day)


@pytest.mark.parametrize(
    "text",
    [
        "everyone keeps asking if my knee is better and no, it still hurts on the stairs",
        "not sure whether my calf is fine now",
        "if the hamstring is fine tomorrow can I do the bounds?",
    ],
)
def test_a_recovery_wondered_about_is_none(text: str) -> None:
    assert all(p.kind is not IntentKind.FEELS_FINE for p in understand_all(text, TODAY))


def test_nights_on_listed_days_log_none_of_them() -> None:
    text = "on nights thursday friday saturday so those are out, did today's though, easy, 3"
    done = [p for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert [(p.log_day, p.effort) for p in done] == [(None, 3)]


@pytest.mark.parametrize("text", ["lambing's done finally", "exams are done at last"])
def test_something_else_done_is_no_log(text: str) -> None:
    assert all(p.kind is not IntentKind.DONE for p in understand_all(text, TODAY))


@pytest.mark.parametrize(
    "text",
    ["copenhagens are done", "skaters done, 5", "the pogos are done", "nordics done"],
)
def test_an_exercise_done_is_a_log(text: str) -> None:
    assert understand(text, TODAY).kind is IntentKind.DONE


def test_pain_on_a_drill_at_a_bone_stress_site_is_pain_on_hopping() -> None:
    assert RedFlag.PAIN_ON_HOPPING in _signs("shin pain on the skater bounds")
    assert RedFlag.PAIN_ON_HOPPING in _signs("hip sore doing the squat jumps")
    assert RedFlag.PAIN_ON_HOPPING not in _signs("came off my bike and landed on my hip, sore")


def test_a_break_asked_after_a_kept_reminder_is_read() -> None:
    parts = understand_all("keep the reminder as is, just pause me from saturday", TODAY)
    assert [(p.kind, p.pause_from) for p in parts] == [(IntentKind.PAUSE, date(2027, 6, 12))]


@pytest.mark.parametrize(
    "text", ["pause from friday, not sure when I'm back", "pause from friday, not sure how long"]
)
def test_a_break_with_no_end_known_yet_is_a_break(text: str) -> None:
    intent = understand(text, TODAY)
    assert (intent.kind, intent.pause_from, intent.pause_until) == (
        IntentKind.PAUSE,
        date(2027, 6, 11),
        None,
    )
    assert understand("not sure if I should pause for my holiday", TODAY).kind is not (
        IntentKind.PAUSE
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("what's on monday and tuesday next week", (14, 15)),
        ("what are sat and sun's sessions?", (12, 13)),
        ("whats on thu/fri", (10, 11)),
    ],
)
def test_each_day_asked_together_is_answered(text: str, days: tuple[int, ...]) -> None:
    parts = understand_all(text, TODAY)
    assert [(p.kind, p.topic, p.ask_day) for p in parts] == [
        (IntentKind.PLAN_QUESTION, PlanTopic.DAY, date(2027, 6, day)) for day in days
    ]


def test_a_plan_question_after_logs_of_several_days_is_answered() -> None:
    parts = understand_all("missed sat and sun, whats on monday", TODAY)
    assert [p.kind for p in parts] == [
        IntentKind.SKIPPED,
        IntentKind.SKIPPED,
        IntentKind.PLAN_QUESTION,
    ]
    assert parts[-1].ask_day == date(2027, 6, 14)


@pytest.mark.parametrize(
    "text",
    [
        "felt weird on my run, heart was going crazy fast and I had to sit down, fine now though",
        "heart was pounding really fast and irregular on my run",
        "heart rate went through the roof on the hills and felt fluttery",
        "kept getting skipped beats on the tempo",
    ],
)
def test_a_racing_heart_in_other_words_is_a_heart_sign(text: str) -> None:
    assert RedFlag.HEART_SIGNS in _signs(text)


def test_a_heart_rate_number_is_no_sign() -> None:
    assert not _signs("my heart rate was 150 on the easy run, is that ok?")


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("no haven't seen anyone, it's fine now though so I'm going to run", False),
        ("not been checked yet but feels fine", False),
        ("haven't been to the gp", False),
        ("yes, the physio cleared me", True),
        ("she checked it and said it's fine", True),
    ],
)
def test_no_one_having_seen_it_is_no_clearance(said: str, answer: bool) -> None:
    assert clinician_answer(said) is answer


@pytest.mark.parametrize(
    ("text", "plans"),
    [
        ("I'll just do an easy jog on it tomorrow and see how it goes", True),
        ("so I'm going to run tonight", True),
        ("gonna try a parkrun saturday", True),
        ("ran 5k yesterday", False),
        ("my friend is going to run with me", True),  # said alone: the hold's answer is safe
    ],
)
def test_a_run_the_runner_means_to_go_on_is_heard(text: str, plans: bool) -> None:
    assert plans_to_run(text.lower()) is plans


@pytest.mark.parametrize(
    "text",
    [
        "no reminders at weekends please",
        "remind me at 6:30 on weekdays and 8 at weekends",
        "no morning messages on sundays please",
    ],
)
def test_a_reminder_for_some_days_only_is_asked_about(text: str) -> None:
    intent = understand(text, TODAY)
    assert (intent.kind, intent.unclear_slot) == (IntentKind.SET_REMINDER, Unclear.SOME_DAYS)
    assert not intent.reminder_off
    assert understand("I run on weekends, remind me at 7", TODAY).unclear is None


@pytest.mark.parametrize(
    ("text", "undoes"),
    [
        ("undo that skip", True),
        ("cancel the skip please", True),
        ("remove today's log", True),
        ("skipped today, undo is not a word I know", False),
        ("skipping today", False),
    ],
)
def test_todays_log_taken_back_is_heard(text: str, undoes: bool) -> None:
    assert undoes_todays_log(text.lower()) is undoes


@pytest.mark.parametrize(
    "text",
    [
        "my knee locked up and wont straighten",
        "my knee keeps locking, it gets stuck bent",
        "knee catches and locks on the stairs",
        "left knee won't straighten since the hops",
    ],
)
def test_a_knee_that_locks_is_a_joint_sign(text: str) -> None:
    assert RedFlag.LOCKING in _signs(text)


def test_muscles_locked_up_are_no_joint_sign() -> None:
    assert RedFlag.LOCKING not in _signs("calves locked up on the long run")
