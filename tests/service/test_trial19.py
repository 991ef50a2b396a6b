"""Session nineteen's fresh-eyes trial, end to end (what is stored): a parkrun raced once
keeps the goal race; a parkrun time is no reminder; "35k done" is a run, not the session;
a log said before a question is kept; "heaps better, 2/10" keeps what is left."""

from __future__ import annotations

from datetime import date, time

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.presentation.reports import hold_name
from tests.service.conftest import Chat, texts

GOAL = date(2027, 3, 14)


async def test_a_parkrun_raced_once_keeps_the_goal_race_and_a_move_moves_it(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command(f"/race {GOAL.isoformat()}")
    replies = await chat.say("done, 6/10. racing parkrun tmrw btw so go easy on me")
    assert (await chat.state()).race_date == GOAL
    assert "Good luck at parkrun" in texts(replies)
    (log,) = await chat.completions()
    assert (log.status, log.rpe) == (CompletionStatus.DONE, 6)


async def test_a_parkrun_time_is_no_reminder(chat: Chat) -> None:
    await chat.command("/today")
    before = (await chat.runner()).reminder_time
    await chat.say(
        "parkrun pb!! 23:41 😀 skipping the hip stuff today legs r cooked, hips bit tight"
    )
    assert (await chat.runner()).reminder_time == before != time(23, 41)
    (report,) = await chat.reports()
    assert (report.area, report.kind) == (Area.HIPS, ReportKind.TIGHTNESS)


async def test_a_distance_done_is_a_run_not_the_session(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("35k done, legs trashed, gonna skip the hip stuff today")
    (log,) = await chat.completions()
    assert log.status is CompletionStatus.SKIPPED


async def test_a_log_said_before_a_question_is_kept(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say(
        "done it, bit hard tbh 7/10 - can i do it after my run tmrw or before?"
    )
    (log,) = await chat.completions()
    assert (log.status, log.rpe) == (CompletionStatus.DONE, 7)
    assert "💬" in texts(replies)


async def test_better_with_a_number_keeps_what_is_left(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("left calf a bit tight, 4/10")
    chat.next_day()
    replies = await chat.say("calf's heaps better, 2/10 this morning")
    latest = (await chat.reports())[-1]
    assert (latest.area, latest.kind, latest.severity) == (Area.CALVES, ReportKind.TIGHTNESS, 2)
    assert "2/10" in texts(replies)


KNEE = "my right knee gave way on the stairs and its swollen"


async def test_a_gp_visit_with_a_restriction_is_their_word_not_a_new_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(KNEE)
    chat.next_day()
    replies = await chat.say(
        "Saw the GP this afternoon. She thinks I tweaked the meniscus, no running for a week "
        "then ease back in. Swelling's mostly down. Can I do the hip stretches in the meantime?"
    )
    assert "What they told you comes first" in texts(replies)
    assert "/today has what is safe" in texts(replies)
    assert len(await chat.reports()) == 1  # the swelling told again is no new report
    again = texts(
        await chat.say(
            "the GP said its fine to do gentle stuff, just no running or jumping for a week"
        )
    )
    assert "Good news" not in again
    assert "What they told you comes first" in again


async def test_a_go_ahead_to_run_again_starts_the_clearing(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(KNEE)
    for _ in range(7):
        chat.next_day()
    replies = texts(
        await chat.say("The week the GP gave me is up and she said I'm ok to start running again.")
    )
    assert "Good news that you've been checked" in replies
    assert "Not yet" not in replies


async def test_pause_friday_plans_that_day_only(chat: Chat) -> None:
    await chat.command("/today")  # Tuesday 1 December 2026
    await chat.say("pause friday, I've got a trip")
    state = await chat.state()
    assert (state.pause_planned_from, state.pause_planned_until) == (
        date(2026, 12, 4),
        date(2026, 12, 4),
    )


async def test_a_childs_fever_beside_a_skip_holds_nothing(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("i skipped today because my little one has a fever")
    (log,) = await chat.completions()
    assert log.status is CompletionStatus.SKIPPED
    assert (await chat.state()).held_areas == frozenset()


async def test_a_clinicians_restriction_holds_the_area_with_their_word_first(chat: Chat) -> None:
    await chat.command("/today")
    replies = texts(
        await chat.say("physio says my achilles is a reactive tendon, no running for a week")
    )
    assert "Their word comes first" in replies
    assert "please see" not in replies.lower()
    assert Area.ACHILLES in (await chat.state()).held_areas
    today = texts(await chat.command("/today"))
    assert "word comes first" in today
    assert "bone stress" not in today


async def test_a_race_on_the_way_keeps_the_goal_and_a_move_moves_it(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command(f"/race {GOAL.isoformat()}")
    replies = texts(await chat.say("whats the plan for tomorrow given I'm racing saturday"))
    assert "Your goal race stays" in replies
    assert (await chat.state()).race_date == GOAL
    await chat.say("race got moved to 21 feb")
    assert (await chat.state()).race_date == date(2027, 2, 21)


async def test_a_limping_calf_is_worded_as_a_muscle_and_stores_no_bone_history(
    chat: Chat,
) -> None:
    await chat.command("/today")
    replies = texts(
        await chat.say(
            "on my run my left calf suddenly felt like someone kicked me, sharp, had to stop "
            "and limp home, it's a bit swollen now"
        )
    )
    assert "bone stress" not in replies
    assert "stop running and jumping" in replies
    assert Area.CALVES in (await chat.state()).held_areas
    assert (await chat.runner()).past_bone_stress is False
    assert "bone stress" not in texts(await chat.command("/today"))


async def test_a_limp_at_a_bone_site_still_names_bone_stress(chat: Chat) -> None:
    await chat.command("/today")
    replies = texts(await chat.say("my left shin hurts and i'm limping"))
    assert "bone stress" in replies


async def test_a_plan_question_beside_an_faq_answer_is_answered_too(chat: Chat) -> None:
    await chat.command("/today")
    replies = texts(
        await chat.say(
            "hill reps tomorrow, can I still do the hips that day? what's tomorrow's session?"
        )
    )
    assert "💬" in replies  # the hill-day answer
    assert "Tomorrow (Wed 02 Dec)" in replies


async def test_a_tune_up_race_keeps_the_goal_race_and_its_distance(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command(f"/race {GOAL.isoformat()}")
    await chat.command("/settings distance half")
    replies = texts(await chat.say("feeling good this week, I'm racing a 10k tune-up on Saturday"))
    assert "Your goal race stays" in replies
    assert (await chat.state()).race_date == GOAL
    assert "half marathon" in texts(await chat.command("/settings"))


async def test_a_day_still_to_come_this_week_is_no_log_day(chat: Chat) -> None:
    await chat.command("/today")  # Tuesday 1 December 2026
    await chat.say("session done, effort 6. btw going for a parkrun PB this Saturday")
    (log,) = await chat.completions()
    assert (log.on, log.rpe) == (date(2026, 12, 1), 6)


def test_a_hold_on_a_clinicians_word_is_named_by_its_area() -> None:
    name = hold_name(Area.ACHILLES, Side.RIGHT, {RedFlag.CLINICIAN_HOLD})
    assert name == "your right achilles"
