"""One completion per runner and day, whatever the order of taps and words."""

from __future__ import annotations

from datetime import timedelta

from bot.core.records import CompletionStatus
from bot.service.messages import Reply
from tests.bot.harness import FakeClock
from tests.service.conftest import TODAY, Chat, button, buttons, texts

STRENGTH_DAY = TODAY + timedelta(days=1)  # a static day: a red flag changes its session


async def _done_then_red_flag(chat: Chat, clock: FakeClock) -> list[Reply]:
    """Log the strength day's session, then report a red flag that changes the plan."""
    await chat.command("/today")
    clock.advance(days=1)
    first = await chat.command("/today")
    await chat.say("done")
    await chat.say("sharp pain in my knee")
    return first


async def test_today_after_the_plan_changed_shows_the_logged_session(
    chat: Chat, clock: FakeClock
) -> None:
    first = await _done_then_red_flag(chat, clock)
    logged_session = button(first, "v1|dn|").split("|")[3]
    today = await chat.command("/today")
    assert not [data for data in buttons(today) if data.startswith("v1|dn|")]
    assert "Logged: done" in texts(today)
    (logged,) = await chat.completions()
    assert logged.session_id == logged_session


async def test_done_after_the_plan_changed_updates_the_days_log(
    chat: Chat, clock: FakeClock
) -> None:
    await _done_then_red_flag(chat, clock)
    replies = await chat.say("done, effort 6")
    (logged,) = await chat.completions()
    assert (logged.on, logged.status, logged.rpe) == (STRENGTH_DAY, CompletionStatus.DONE, 6)
    assert "updates today's earlier log" in texts(replies)


async def test_a_tap_on_an_old_message_updates_the_days_log(chat: Chat, clock: FakeClock) -> None:
    first = await _done_then_red_flag(chat, clock)
    await chat.press(button(first, "v1|sk|"))
    (logged,) = await chat.completions()
    assert (logged.on, logged.status) == (STRENGTH_DAY, CompletionStatus.SKIPPED)


async def test_done_on_a_new_sessions_button_updates_the_days_log(
    chat: Chat, clock: FakeClock
) -> None:
    await _done_then_red_flag(chat, clock)
    # the plan as it stood before this fix offered another session's Done: tap it
    plan = await chat.plan(clock)
    assert plan.session_id is not None
    replies = await chat.press(f"v1|dn|{STRENGTH_DAY:%y%m%d}|{plan.session_id}")
    (logged,) = await chat.completions()
    assert logged.status is CompletionStatus.DONE
    assert any(reply.toast for reply in replies)


async def test_skip_on_yesterdays_message_after_it_was_logged(chat: Chat, clock: FakeClock) -> None:
    await _done_then_red_flag(chat, clock)
    changed = await chat.plan(clock)  # the session a message sent now would offer
    assert changed.session_id is not None
    clock.advance(days=1)
    await chat.say("done")
    replies = await chat.press(f"v1|sk|{STRENGTH_DAY:%y%m%d}|{changed.session_id}")
    logs = [(c.on, c.status) for c in await chat.completions()]
    assert logs == [
        (STRENGTH_DAY, CompletionStatus.SKIPPED),
        (STRENGTH_DAY + timedelta(days=1), CompletionStatus.DONE),
    ]
    assert any(reply.toast == "Updated: skipped" for reply in replies)


async def test_a_typed_skip_after_a_done_keeps_the_done_and_offers_a_change(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("done, 7/10")
    replies = await chat.say("skip today, legs are dead")  # their run, maybe: the done stands
    (logged,) = await chat.completions()
    assert (logged.status, logged.rpe) == (CompletionStatus.DONE, 7)
    assert "already logged as done" in texts(replies)
    await chat.press(button(replies, "v1|sk|"))  # the runner means the session: changed
    (logged,) = await chat.completions()
    assert logged.status is CompletionStatus.SKIPPED
