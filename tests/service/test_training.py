"""Today's session, logging it (typed or by buttons), the week, the phase, history, progress."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.core.progress import Progress
from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area
from bot.service import progress as progress_service
from bot.service.coach import Coach
from bot.service.messages import Text
from bot.storage.models import CompletionRow
from tests.bot.harness import FakeClock
from tests.service.conftest import TODAY, Chat, button, buttons, texts


async def _session_buttons(chat: Chat) -> tuple[str, str]:
    today = await chat.command("/today")
    return button(today, "v1|dn|"), button(today, "v1|sk|")


async def test_today_sends_the_session_with_its_buttons(chat: Chat) -> None:
    (session,) = await chat.command("/today")
    assert session.text.startswith("🔄")  # the notice that training starts leads the session
    assert "defaults" in session.text
    assert "Tue 01 Dec" in session.text
    assert "min" in session.text
    data = buttons([session])
    assert [d[:6] for d in data] == ["v1|dn|", "v1|sk|", "v1|so|"]
    (again,) = await chat.command("/today")
    assert "defaults" not in again.text  # the notice comes once
    assert again.text in session.text


@pytest.mark.parametrize(
    "question", ["what's on today?", "what's today's session?", "what do I do today"]
)
async def test_any_phrasing_of_todays_session(chat: Chat, question: str) -> None:
    replies = await chat.say(question)
    assert button(replies, "v1|dn|")
    assert await chat.completions() == []


async def test_typed_done_logs_and_asks_for_the_effort(chat: Chat) -> None:
    await chat.command("/today")
    (answer,) = await chat.command("/done")
    assert "Logged" in answer.text
    assert button([answer], "v1|ef|")
    (logged,) = await chat.completions()
    assert (logged.on, logged.status, logged.rpe) == (TODAY, CompletionStatus.DONE, None)
    assert "Logged: done" in texts(await chat.command("/today"))


async def test_a_log_from_another_instance_shows_in_the_next_today(chat: Chat) -> None:
    assert "Logged" not in texts(await chat.command("/today"))  # remembered by this coach
    coach = chat.coach
    other = Chat(Coach(chat.sessions, coach.planner, coach.clock), chat.sessions, chat.sender, 5000)
    await other.command("/skip")
    assert "Logged: skipped" in texts(await chat.command("/today"))


async def test_a_second_done_logs_nothing_new(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("done, felt hard, 8/10")
    (again,) = await chat.command("/done")
    assert "already" in again.text
    (logged,) = await chat.completions()
    assert logged.rpe == 8  # the effort given first is kept


async def test_finished_it_felt_easy_logs_effort_three(chat: Chat) -> None:
    await chat.command("/today")
    (answer,) = await chat.say("finished it, felt easy")
    assert "effort 3/10" in answer.text
    (logged,) = await chat.completions()
    assert (logged.status, logged.rpe) == (CompletionStatus.DONE, 3)


async def test_done_in_words(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("done")
    (logged,) = await chat.completions()
    assert logged.status is CompletionStatus.DONE


async def test_typed_skip_with_a_reason(chat: Chat) -> None:
    await chat.command("/today")
    (answer,) = await chat.command("/skip no time <today>")
    assert "skipped" in answer.text
    assert "&lt;today&gt;" in answer.text
    (logged,) = await chat.completions()
    assert logged.status is CompletionStatus.SKIPPED
    assert logged.note == "no time <today>"


async def test_done_button_edits_the_message_and_asks_for_the_effort(chat: Chat) -> None:
    done, _ = await _session_buttons(chat)
    (edited,) = await chat.press(done)
    assert edited.edit
    assert edited.toast == "Logged ✅"
    assert "Logged as done" in edited.text
    assert button([edited], "v1|ef|")  # the effort question
    assert not [data for data in buttons([edited]) if data.startswith("v1|dn|")]  # Done is gone
    (logged,) = await chat.completions()
    assert (logged.status, logged.rpe) == (CompletionStatus.DONE, None)


async def test_double_done_logs_once_with_a_toast(chat: Chat) -> None:
    done, _ = await _session_buttons(chat)
    await chat.press(done)
    (again,) = await chat.press(done)
    assert again.toast == "Already logged ✅"
    assert not again.text
    assert len(await chat.completions()) == 1


async def test_effort_button_stores_the_effort(chat: Chat) -> None:
    done, _ = await _session_buttons(chat)
    (asked,) = await chat.press(done)
    effort = next(d for d in buttons([asked]) if d.endswith("|4"))
    (edited,) = await chat.press(effort)
    assert edited.edit
    assert "effort 4/10" in edited.text
    assert not edited.keyboard
    (logged,) = await chat.completions()
    assert logged.rpe == 4
    (same,) = await chat.press(effort)
    assert same.toast
    assert "Logged: done, effort 4/10" in texts(await chat.command("/today"))


async def test_skip_button_logs_a_skip(chat: Chat) -> None:
    _, skip = await _session_buttons(chat)
    (edited,) = await chat.press(skip)
    assert edited.edit
    assert "Skipped" in edited.text
    (logged,) = await chat.completions()
    assert logged.status is CompletionStatus.SKIPPED
    (again,) = await chat.press(skip)
    assert again.toast == "Already logged as skipped."


async def test_old_or_forged_buttons_get_a_polite_toast(chat: Chat, clock: FakeClock) -> None:
    done, _ = await _session_buttons(chat)
    clock.advance(days=8)
    (old,) = await chat.press(done)
    assert old.toast
    (forged,) = await chat.press("v1|dn|261201|no-such-session")
    assert forged.toast
    (garbage,) = await chat.press("not callback data")
    assert garbage.toast
    assert await chat.completions() == []


async def test_plan_shows_seven_days(chat: Chat) -> None:
    *_, week = await chat.command("/plan")  # after the notice that training starts
    days = [line for line in week.text.splitlines() if " — " in line]
    assert len(days) == 7
    assert days[0].startswith("Tue 01 Dec")
    assert days[-1].startswith("Mon 07 Dec")


async def test_phase_says_where_and_what_comes_next(chat: Chat) -> None:
    (during_setup,) = await chat.command("/phase")
    assert "Next:" in during_setup.text
    await chat.command("/today")
    (phase,) = await chat.command("/phase")
    assert "base phase" in phase.text
    assert "Next:" in phase.text
    assert "Dynamic block" in phase.text


async def test_phase_repeats_a_phase_changes_notice_only_on_its_day(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")  # the plan starts: the base phase begins
    (first,) = await chat.command("/phase")
    assert "base phase" in first.text
    assert "all set" not in first.text  # said when set-up ended, and the phase text says it
    race = clock().date() + timedelta(days=10)
    await chat.say(f"my race is on {race:%d %B %Y}")  # race season starts today
    (fresh,) = await chat.command("/phase")
    clock.advance(days=1)
    (later,) = await chat.command("/phase")
    notice = fresh.text.split("\n\n")[-1]
    assert "race" in notice.lower()
    assert notice not in later.text


async def test_progress_without_data_is_a_friendly_empty_state(chat: Chat) -> None:
    (empty,) = await chat.command("/progress")
    assert "Nothing logged" in empty.text
    assert empty.photo is None
    await chat.command("/today")
    await chat.say("done, felt easy")
    (progress,) = await chat.command("/progress")
    assert progress.photo is not None
    assert progress.photo.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(progress.text) <= 1024
    assert "streak" in progress.text.lower() or "score" in progress.text.lower()


async def test_the_chart_is_drawn_after_the_update_committed(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say("done")
    seen: list[int] = []

    async def draw(progress: Progress) -> bytes:
        # the update's transaction is over: its log is visible from a fresh session, and
        # the database (on SQLite, the process's one connection) is free for a write
        async with asyncio.timeout(2), chat.sessions() as session, session.begin():
            seen.append(len((await session.scalars(select(CompletionRow))).all()))
        return b"\x89PNG\r\n\x1a\nfake"

    monkeypatch.setattr(progress_service, "render_progress_chart", draw)
    (progress,) = await chat.command("/progress")
    assert seen == [1]
    assert progress.photo == b"\x89PNG\r\n\x1a\nfake"
    assert progress.chart is None


async def test_history_pages_with_buttons(chat: Chat, clock: FakeClock) -> None:
    (empty,) = await chat.command("/history")
    assert "Nothing logged yet" in empty.text
    for _ in range(11):
        await chat.say("done")
        clock.advance(days=1)
    (first,) = await chat.command("/history")
    assert "page 1 of 2" in first.text
    assert len(first.text.splitlines()) == 11  # the heading and ten entries
    assert buttons([first]) == ["v1|hp|2"]
    (second,) = await chat.press("v1|hp|2")
    assert second.edit
    assert "page 2 of 2" in second.text
    assert "Tue 01 Dec" in second.text
    assert buttons([second]) == ["v1|hp|1"]
    (stale,) = await chat.press("v1|hp|3")
    assert stale.toast
    assert "/history" in stale.toast
    assert not stale.text


async def test_history_names_sessions_and_reports(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("done")
    await chat.say("left calf sore 6/10")
    (history,) = await chat.command("/history")
    assert "beginner-" not in history.text  # titles, not ids
    assert "left calf soreness 6/10" in history.text


async def test_a_duplicate_update_is_handled_once(chat: Chat) -> None:
    await chat.command("/today")
    first = await chat.send(Text("done"), update_id=77)
    assert first
    again = await chat.send(Text("done"), update_id=77)
    assert again == []
    assert len(await chat.completions()) == 1
    assert (await chat.completions())[0].on == date(2026, 12, 1)


async def test_done_and_the_effort_answer_do_not_print_the_session_again(chat: Chat) -> None:
    (session,) = await chat.command("/today")
    (asked,) = await chat.press(button([session], "v1|dn|"))
    (answered,) = await chat.press(next(d for d in buttons([asked]) if d.endswith("|6")))
    for edited in (asked, answered):
        assert edited.text.count("\n") == 1  # the title and how it was logged
        assert len(edited.text) < len(session.text) // 3
    assert "effort 6/10" in answered.text
    typed = await chat.say("done")  # the same day again, typed: one short line, no session
    assert len(texts(typed)) < len(session.text) // 3


async def test_an_effort_answer_after_a_typed_done_is_one_line(chat: Chat) -> None:
    (session,) = await chat.command("/today")
    (asked,) = await chat.say("done")
    assert len(asked.text) < len(session.text) // 3
    (answered,) = await chat.press(next(d for d in buttons([asked]) if d.endswith("|5")))
    assert answered.edit
    assert answered.text.count("\n") == 1
    assert "effort 5/10" in answered.text


async def test_a_second_done_that_changes_the_log_says_it_updated_it(chat: Chat) -> None:
    done, _ = await _session_buttons(chat)
    (asked,) = await chat.press(done)
    (first,) = await chat.press(next(d for d in buttons([asked]) if d.endswith("|4")))
    assert "earlier log" not in first.text  # answering the effort question completes the log
    # the answered question's buttons are edited away; a late tap on one changes nothing
    (late,) = await chat.press(next(d for d in buttons([asked]) if d.endswith("|7")))
    assert late.toast == "Already noted: effort 4/10. Thanks!"
    assert not late.text
    (logged,) = await chat.completions()
    assert logged.rpe == 4
    typed = await chat.say("done, 9/10")
    assert "updates today's earlier log" in texts(typed)
    (logged,) = await chat.completions()
    assert logged.rpe == 9


async def test_a_day_weeks_ahead_is_planned_in_the_phase_it_falls_in(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")  # two base weeks, then a dynamic block (as /phase says)
    day = clock.now.date() + timedelta(days=50)
    (reply, *_) = await chat.say(f"what's on {day.day} {day.strftime('%B')}?")
    assert "base phase" not in reply.text
    assert "dynamic block" in reply.text


async def test_progress_on_day_one_compares_nothing_with_a_week_that_never_was(
    chat: Chat, clock: FakeClock
) -> None:
    """Trial finding: /progress on day 1 said "achilles worse, hamstrings worse" against a
    last week the runner never had."""
    await chat.command("/today")
    await chat.say("achilles sore 5/10")
    await chat.say("hamstrings tight 4/10")
    assert {r.area for r in await chat.reports()} >= {Area.ACHILLES, Area.HAMSTRINGS}
    said = texts(await chat.command("/progress"))
    assert "against last week" not in said
    assert "worse" not in said
    assert "better" not in said
    clock.advance(days=7)  # a week on, there is a week before to compare with
    await chat.say("achilles sore 8/10")
    later = texts(await chat.command("/progress"))
    assert "Body, against last week: achilles worse" in later


async def test_a_typed_answer_to_the_effort_question_completes_the_log(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("did it")
    answered = texts(await chat.say("somewhere in the middle"))
    assert "effort 5/10" in answered
    assert "earlier log" not in answered  # the coach asked: it completes the log
    (logged,) = await chat.completions()
    assert logged.rpe == 5


async def test_a_report_after_todays_session_is_done_speaks_of_the_next_ones(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("done. quads sore 8"))
    assert "Today's session is done already; the next ones spare it." in said
    assert "/today shows the new version" not in said
