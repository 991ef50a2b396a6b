"""The terminal chat as a trial of the real bot, on a migrated SQLite file.

A runner who finished set-up is not set up again; /progress and /export land in files whose
paths are printed; the effort scale is typed by value; odd input and a failing turn never
end the chat.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.content import load_content
from bot.core.planner import Planner
from bot.core.records import Completion
from bot.service.coach import Coach
from bot.service.messages import Inbound, Reply, Sender, Text
from bot.storage import (
    get_runner_by_telegram_id,
    make_engine,
    make_session_factory,
    recent_completions,
    upgrade,
)
from bot.storage.repository import update_runner
from bot.terminal import TerminalChat
from tests.bot.harness import FakeClock

SENDER = Sender(7, 7, "Sam")
PLANNER = Planner(load_content())


@pytest.fixture
async def sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"
    await upgrade(url)
    engine = make_engine(url)
    yield make_session_factory(engine)
    await engine.dispose()


class FailingCoach(Coach):
    """The real coach, but "boom" makes the turn raise (as a bug would)."""

    async def handle(
        self, sender: Sender, inbound: Inbound, update_id: int | None = None
    ) -> list[Reply]:
        if inbound == Text("boom"):
            raise RuntimeError("a bug")
        return await super().handle(sender, inbound, update_id)


async def _chat(
    sessions: async_sessionmaker[AsyncSession],
    lines: Iterable[str],
    files: Path,
    coach: Coach | None = None,
) -> str:
    """Run the chat over ``lines``; everything it printed."""
    queue = list(lines)
    written: list[str] = []

    async def read_line() -> str | None:
        return queue.pop(0) if queue else None

    chat = TerminalChat(
        coach or Coach(sessions, PLANNER, FakeClock()), SENDER, read_line, written.append, files
    )
    await chat.run()
    return "\n".join(written)


async def _finish_set_up(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session, session.begin():
        runner = await get_runner_by_telegram_id(session, SENDER.telegram_id)
        assert runner is not None
        await update_runner(session, runner, onboarded=True)


async def test_a_runner_who_finished_set_up_is_not_set_up_again(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    first = await _chat(sessions, [], tmp_path)
    assert "1/9" in first
    await _finish_set_up(sessions)
    again = await _chat(sessions, [], tmp_path)
    assert "1/9" not in again
    assert "Welcome back" in again
    assert "min" in again  # today's session instead


async def test_progress_and_export_are_written_to_files(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    files = tmp_path / "out"
    out = await _chat(sessions, ["/export", "/done", "/progress", "/export"], files)
    written = sorted(path.name for path in files.iterdir())
    assert [name.rpartition(".")[2] for name in written] == ["json", "json", "png"]
    assert written[-1] == "hipcoach-progress.png"
    for path in files.iterdir():
        assert f"saved to {path.resolve()}" in out
    assert (files / "hipcoach-progress.png").read_bytes().startswith(b"\x89PNG")
    assert b'"completions"' in (files / written[1]).read_bytes()


async def test_the_effort_scale_is_typed_by_value(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    out = await _chat(sessions, ["/today", "/done", "1"], tmp_path)
    assert "type a number: 1 2 3 4 5 6 7 8 9 10" in out
    async with sessions() as session:
        runner = await get_runner_by_telegram_id(session, SENDER.telegram_id)
        assert runner is not None
        (done,) = await recent_completions(session, runner.id, date(2000, 1, 1))
    assert done.rpe == 1  # "1 easy", not the first button's position


async def test_odd_input_and_a_failing_turn_leave_the_chat_going(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    coach = FailingCoach(sessions, PLANNER, FakeClock())
    lines = ["²", "\x00\x01\x1b", "٣", "/", "boom", "/settings"]
    out = await _chat(sessions, lines, tmp_path, coach)
    assert "That message failed: RuntimeError" in out
    assert "Reminder" in out or "reminder" in out  # /settings after the failure answered
    assert out.rstrip().endswith("Bye! Your logs are saved.")


async def _completions(sessions: async_sessionmaker[AsyncSession]) -> list[Completion]:
    async with sessions() as session:
        runner = await get_runner_by_telegram_id(session, SENDER.telegram_id)
        assert runner is not None
        return await recent_completions(session, runner.id, date(2000, 1, 1))


async def test_a_number_under_two_scales_is_asked_about_not_taken_as_pain(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    lines = ["skip"] * 9 + ["calves a bit sore 2", "done", "7"]  # effort and pain asked
    out = await _chat(sessions, lines, tmp_path)
    assert "How hard did it feel?" in out
    assert "Any pain during" in out
    assert "Was 7 the pain during it" in out  # asked which, never pressed as pain
    assert "Pain 7/10 during a session" not in out
    (logged,) = await _completions(sessions)
    assert (logged.rpe, logged.pain) == (None, None)
    assert "[1] Pain 7/10   [2] Effort 7/10" in out  # the runner picks by number


async def test_set_up_carries_on_where_the_runner_left_it(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    first = await _chat(sessions, ["3", "1"], tmp_path)  # experienced, desk: yes
    assert "3/9" in first
    again = await _chat(sessions, [], tmp_path)
    assert "1/9" not in again
    assert "3/9" in again
    assert "Welcome back" in again
    async with sessions() as session:
        runner = await get_runner_by_telegram_id(session, SENDER.telegram_id)
        assert runner is not None
        assert (runner.level, runner.desk_job) == ("advanced", True)


async def test_an_open_effort_question_comes_again_in_the_next_sitting(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    first = await _chat(sessions, ["skip"] * 9 + ["done"], tmp_path)  # effort asked, alone
    assert "How hard did it feel?" in first
    again = await _chat(sessions, ["2"], tmp_path)  # 2: the effort, not the card's 2nd button
    assert "Still open from today" in again
    (logged,) = await _completions(sessions)
    assert (logged.status.value, logged.rpe) == ("done", 2)


async def test_an_open_warning_sign_checklist_comes_again_in_the_next_sitting(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    first = await _chat(sessions, ["skip"] * 9 + ["my knee hurts when I run"], tmp_path)
    assert "Any of these?" in first
    again = await _chat(sessions, ["2"], tmp_path)  # the checklist's 2nd button: swelling
    assert again.count("Any of these?") == 2  # shown on reopening, then with the tick
    assert "✅ Swelling" in again


async def test_a_number_after_the_pain_answer_is_the_effort_in_the_next_sitting(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    clock = FakeClock()
    coach = Coach(sessions, PLANNER, clock)
    lines = ["skip"] * 9 + ["calves a bit sore 2", "done", "no pain"]  # effort left open
    first = await _chat(sessions, lines, tmp_path, coach)
    assert "Pain 0/10" in first
    clock.advance(hours=18)  # after midnight: the session is yesterday's now
    again = await _chat(sessions, ["3"], tmp_path, coach)
    assert "Still open from Tue 01 Dec" in again  # the effort question, with its scale
    (logged,) = await _completions(sessions)
    assert (logged.rpe, logged.pain) == (3, 0)


async def test_start_during_set_up_welcomes_once_and_says_where_it_stands(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    out = await _chat(sessions, ["/start", "2", "/start"], tmp_path)  # the chat opens set-up
    assert out.count("I'm your hip coach") == 1  # the welcome, once
    assert out.count("We're already setting up, Sam") == 2
    assert "8 questions to go" in out
    assert out.count("2/9") == 2  # the desk question, asked again where set-up stands
