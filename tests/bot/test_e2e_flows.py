"""End to end: set-up is not skipped by what a runner types, and the follow-up questions
after a session land on the question the runner answers (trial 3). Every test checks what
is stored, not only what is said."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.app import Services
from bot.core.phases import PhaseState
from bot.core.records import Completion, CompletionStatus
from bot.core.vocabulary import Area, Phase, Side
from bot.storage import (
    Conversation,
    get_conversation,
    get_runner_by_telegram_id,
    load_phase_state,
    make_session_factory,
    recent_completions,
    recent_reports,
)
from tests.bot.harness import FakeClock, begin_a_week_ago, running_bot, say_until, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 4848
Bot = tuple[Application, Services]  # type: ignore[type-arg]


@pytest.fixture
async def bot(fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Bot]:
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as running:
        yield running


async def _say(api: FakeBotAPI, text: str, marker: str) -> list[str]:
    """Send ``text``; wait for a message containing ``marker``; the texts sent since."""
    return await say_until(api, RUNNER, text, marker, first_name="Sam")


async def _press(api: FakeBotAPI, prefix: str, marker: str) -> None:
    """Press the latest button whose data starts with ``prefix``; wait for ``marker``."""
    message = next(
        m
        for m in reversed(api.sent_messages(RUNNER))
        if any(d.startswith(prefix) for d in m.callback_data)
    )
    data = next(d for d in message.callback_data if d.startswith(prefix))
    await api.user(RUNNER, first_name="Sam").press(message.message_id, data)
    await api.wait_for(lambda call: marker in str(call.params.get("text", "")))


async def _stored(services: Services) -> tuple[PhaseState, list[Completion], Conversation | None]:
    async with make_session_factory(services.engine)() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        state = await load_phase_state(session, runner.id)
        logs = await recent_completions(session, runner.id, date(2000, 1, 1))
        return state, logs, await get_conversation(session, RUNNER)


# set-up


async def test_typed_done_during_set_up_answers_the_question_and_logs_nothing(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/start", "1/9")
    held = await _say(fake_api, "done", "1/9")  # no Done button at 1/9: nothing to log
    assert "Nothing logged" in held[0]
    await _say(fake_api, "Some experience", "2/9")
    await _say(fake_api, "yes", "3/9")
    await _press(fake_api, "v1|oe|", "3/9")  # a kit toggle (band)
    kit = await _say(fake_api, "done", "4/9")  # typed for the Done button: kit is kept
    assert not any("Logged" in text for text in kit)
    held = await _say(fake_api, "done", "4/9")  # at the race question: asked again
    assert "Nothing logged" in held[0]
    state, logs, conversation = await _stored(bot[1])
    assert logs == []
    assert state.phase is Phase.ONBOARDING
    assert conversation is not None
    assert (conversation.name, conversation.step) == ("onboarding", "race")


async def test_typed_set_up_answers_are_said_back_and_running_alone_is_asked_again(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/start", "1/9")
    running = await _say(fake_api, "been running for years", "1/9")  # no level stored
    assert "jumping, hopping or strength work" in running[0]
    level = await _say(fake_api, "box jumps and squats for a few months", "2/9")
    assert "Got it: some experience." in level[0]
    desk = await _say(fake_api, "desk all day unfortunately", "3/9")
    assert "Got it: you sit a lot." in desk[0]
    why = await _say(fake_api, "why do u need that?", "3/9")  # the question's reason
    assert "Good question: your kit decides" in why[0]
    asked = await _say(fake_api, "what is a resistance band?", "3/9")  # a question: no kit
    assert not any("Got it" in text for text in asked)
    state, _, conversation = await _stored(bot[1])
    assert state.phase is Phase.ONBOARDING
    assert conversation is not None
    assert conversation.step == "equipment"


async def test_start_after_set_up_asks_before_going_through_it_again(
    bot: Bot, fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await begin_a_week_ago(fake_api, clock, RUNNER, "Sam")
    asked = await _say(fake_api, "/start", "set up already")
    assert "1/9" not in asked[-1]  # no question yet: the plan runs on
    await _press(fake_api, "v1|cr|no", "Kept your plan")
    state, _, conversation = await _stored(bot[1])
    assert state.phase is not Phase.ONBOARDING
    assert conversation is None or conversation.name != "onboarding"
    await _say(fake_api, "/start", "set up already")
    await _press(fake_api, "v1|cr|yes", "1/9")  # started over: the first question
    _, _, conversation = await _stored(bot[1])
    assert conversation is not None
    assert (conversation.name, conversation.step) == ("onboarding", "level")


async def test_asking_for_the_session_mid_set_up_keeps_the_safety_questions(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "/start", "1/9")
    hello = await _say(fake_api, "hi", "1/9")
    assert "Sam" in hello[0]
    session = await _say(fake_api, "what's today's session?", "1/9")
    assert "after set-up" in session[0] or "set-up is done" in session[0]
    assert not any("min" in text and "Done" in text for text in session)  # no session card
    await _say(fake_api, "skip", "2/9")  # "skip" skips the question, nothing else
    state, logs, conversation = await _stored(bot[1])
    assert state.phase is Phase.ONBOARDING  # not started on defaults
    assert logs == []
    assert conversation is not None
    assert conversation.step == "desk"
    for step, marker in [
        ("desk", "3/9"),
        ("equipment", "4/9"),
        ("race", "5/9"),
        ("week", "6/9"),
        ("reminder", "7/9"),
    ]:
        await _press(fake_api, f"v1|os|{step}", marker)
    await _press(fake_api, "v1|os|timezone", "8/9")  # the health screen is still asked
    health = await _say(fake_api, "done", "9/9")  # typed for the screen's Done button
    assert not any("Logged" in text for text in health)
    await _press(fake_api, "v1|os|pregnancy", "All set")
    state, logs, conversation = await _stored(bot[1])
    assert state.phase is Phase.BASE
    assert (logs, conversation) == ([], None)


# follow-up questions


async def _started(api: FakeBotAPI) -> None:
    """Set-up skipped through: training on the defaults from the harness's Tue 01 Dec."""
    await _say(api, "/start", "1/9")
    for answer, marker in [
        ("skip", "2/9"),
        ("skip", "3/9"),
        ("skip", "4/9"),
        ("skip", "5/9"),
        ("skip", "6/9"),
        ("skip", "7/9"),
        ("skip", "8/9"),
        ("skip", "9/9"),
        ("skip", "All set"),
    ]:
        await _say(api, answer, marker)


async def test_a_bare_number_after_done_is_never_stored_as_pain(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _started(fake_api)
    await _say(fake_api, "calves a bit sore 2", "calves")  # a report: Done asks about pain
    asked = await _say(fake_api, "done", "Any pain")
    assert "How hard did it feel?" in asked[0]
    which = await _say(fake_api, "7", "7")
    assert "Pain 7" not in which[0] or "Effort" in " ".join(which)
    _, (logged,), _ = await _stored(bot[1])
    assert (logged.rpe, logged.pain) == (None, None)  # asked, not guessed
    await _press(fake_api, "v1|ef|", "effort 7/10")
    _, (logged,), _ = await _stored(bot[1])
    assert (logged.rpe, logged.pain) == (7, None)
    await _say(fake_api, "no pain", "0/10")  # the pain question is still open
    _, (logged,), _ = await _stored(bot[1])
    assert (logged.rpe, logged.pain) == (7, 0)


async def test_an_effort_off_the_scale_is_asked_once_on_its_own_scale(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _started(fake_api)
    said = await _say(fake_api, "done, effort 11/10", "How hard")
    first = said[0]
    assert "isn't one number from 1 to 10" in first
    assert "How hard did it feel?" in first
    assert not any("0 (easy)" in text for text in said)  # no second effort scale
    assert sum("How hard" in text or "Which one number" in text for text in said) == 1
    _, (logged,), _ = await _stored(bot[1])
    assert (logged.status, logged.rpe, logged.pain) == (CompletionStatus.DONE, None, None)


async def test_an_open_effort_question_is_answered_in_the_next_sitting(
    fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock
) -> None:
    url = sqlite_url(tmp_path)
    async with running_bot(fake_api, url, clock) as (_, services):
        await _started(fake_api)
        clock.advance(days=1)  # Wed: yesterday's session, its effort asked
        said = await _say(fake_api, "did yesterday's session but forgot to log it", "How hard")
        assert " ".join(said).count("Logged") == 1
        _, (logged,), _ = await _stored(services)
    clock.advance(hours=3)
    async with running_bot(fake_api, url, clock) as (_, services):  # a new process
        answered = await _say(fake_api, "5", "5/10")
        assert "didn't quite get" not in " ".join(answered)
        _, (again,), conversation = await _stored(services)
    assert again.on == logged.on == date(2026, 12, 1)
    assert (again.status, again.rpe) == (CompletionStatus.DONE, 5)
    assert conversation is None  # the question is closed


async def test_yesterday_on_the_first_day_is_refused_kindly(bot: Bot, fake_api: FakeBotAPI) -> None:
    await _say(fake_api, "/today", "min")  # the first day: the plan begins today
    said = await _say(fake_api, "did yesterday's session but forgot to log it", "yesterday")
    assert "Your plan started today, so no session was planned for yesterday" in said[0]
    assert " ".join(said).count("Logged") == 0
    _, logs, _ = await _stored(bot[1])
    assert logs == []
    (history,) = await _say(fake_api, "/history", "")
    assert "Mon 30 Nov" not in history


# the week and history agree


def _line(text: str, day: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(day))


async def test_a_skip_said_ahead_shows_in_plan_and_history_under_one_name(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _started(fake_api)
    (before,) = await _say(fake_api, "/plan", "Your next 7 days")
    planned = _line(before, "Fri 04 Dec").split(" — ", 1)[1]
    said = await _say(fake_api, "can't do friday, wedding", "Fri 04 Dec")
    assert "wedding" in said[0]
    (after,) = await _say(fake_api, "/plan", "Your next 7 days")
    assert _line(after, "Fri 04 Dec") == f"Fri 04 Dec — {planned} ⏭ skipped"
    (history,) = await _say(fake_api, "/history", "Fri 04 Dec")
    title = planned.split(": ", 1)[1].rsplit(", ", 1)[0]  # "Mobility: <title>, 16 min"
    assert _line(history, "Fri 04 Dec") == f"Fri 04 Dec: ⏭ {title}"
    _, (logged,), _ = await _stored(bot[1])
    assert (logged.on, logged.status, logged.note) == (
        date(2026, 12, 4),
        CompletionStatus.SKIPPED,
        "wedding",
    )


# "fine" with nothing on hold


async def test_fine_with_nothing_on_hold_is_acknowledged_not_reported(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _started(fake_api)
    (fine,) = await _say(fake_api, "quads feel fine now", "Good to hear")
    assert "Which side" not in fine
    await _say(fake_api, "/sore", "Where")  # a guided report open: "fine" is no answer to it
    said = await _say(fake_api, "quads feel fine now", "Good to hear")
    assert not any("Which side" in text for text in said)
    async with make_session_factory(bot[1].engine)() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        assert await recent_reports(session, runner.id, date(2000, 1, 1)) == []
        state = await load_phase_state(session, runner.id)
    assert state.held_areas == frozenset()
    assert state.phase is Phase.BASE


async def test_a_report_put_right_in_the_next_message_is_stored_right(
    bot: Bot, fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await begin_a_week_ago(fake_api, clock, RUNNER, "Sam")
    await _say(fake_api, "left knee a bit sore today, 4/10", "left knee")
    await _say(fake_api, "sorry not my knee, it's my hip", "Put right")
    async with make_session_factory(bot[1].engine)() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        reports = await recent_reports(session, runner.id, date(2000, 1, 1))
    assert [(r.area, r.side, r.severity) for r in reports] == [(Area.HIPS, Side.LEFT, 4)]
