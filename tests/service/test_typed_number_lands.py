"""A typed number answers the question open for it, and only that one; a question's old
buttons, once it is answered, change nothing (a new-user trial: after "done" the coach asks
the effort and the pain; "no pain", then a bare "3", left the effort unstored whenever the
session logged was not today's, and a later tap on the pain buttons stored a second,
stale answer over the typed one)."""

from __future__ import annotations

from datetime import timedelta

from bot.core.comeback import stage_of
from bot.service.comeback import EFFORT_FLOW
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, texts
from tests.service.test_way_back import _done, _on_the_way_back


async def _yesterday_logged(chat: Chat, clock: FakeClock) -> None:
    """On the way back, yesterday's session logged done today: effort and pain asked."""
    await _on_the_way_back(chat, clock)
    clock.advance(days=1)
    replies = await chat.say("did yesterday's session")
    assert "How hard did it feel?" in texts(replies)
    assert "Any pain during" in texts(replies)


async def test_a_number_after_the_pain_answer_is_the_effort_of_that_session(
    chat: Chat, clock: FakeClock
) -> None:
    await _yesterday_logged(chat, clock)
    yesterday = clock().date() - timedelta(days=1)
    await chat.say("no pain")
    conversation = await chat.conversation()
    assert conversation is not None  # the effort question asked with it is still open
    assert (conversation.name, conversation.data) == (EFFORT_FLOW, {"day": yesterday.isoformat()})
    replies = await chat.say("3")
    assert "effort 3/10" in texts(replies)
    (logged,) = await chat.completions()
    assert (logged.on, logged.rpe, logged.pain) == (yesterday, 3, 0)
    assert await chat.conversation() is None  # both answered: nothing is open


async def test_a_number_after_a_tapped_pain_is_the_effort_too(chat: Chat, clock: FakeClock) -> None:
    await _on_the_way_back(chat, clock)
    replies = await _done(chat)
    await chat.press(button(replies, "v1|pn|").rsplit("|", 1)[0] + "|1")
    clock.advance(hours=18)  # past midnight: the question is still the session's
    await chat.say("3")
    (logged,) = await chat.completions()
    assert (logged.rpe, logged.pain) == (3, 1)


async def test_a_number_after_a_report_from_the_pain_answer_is_the_effort(
    chat: Chat, clock: FakeClock
) -> None:
    await _yesterday_logged(chat, clock)
    replies = await chat.say("7")  # both open: asked which
    assert "Was 7 the pain" in texts(replies)
    asked = await chat.press(button(replies, "v1|pn|"))
    assert "Where do you feel it?" in texts(asked)  # above 5/10: the guided report
    await chat.command("/cancel")
    await chat.say("4")
    (logged,) = await chat.completions()
    assert (logged.rpe, logged.pain) == (4, 7)


async def test_once_both_are_answered_a_number_answers_neither(
    chat: Chat, clock: FakeClock
) -> None:
    await _yesterday_logged(chat, clock)
    await chat.say("no pain")
    await chat.say("3")
    replies = await chat.say("5")
    assert "5/10" not in texts(replies)
    (logged,) = await chat.completions()
    assert (logged.rpe, logged.pain) == (3, 0)


async def test_an_old_pain_button_after_a_typed_answer_changes_nothing(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    replies = await _done(chat)
    await chat.say("no pain")
    state = await chat.state()
    (late,) = await chat.press(button(replies, "v1|pn|").rsplit("|", 1)[0] + "|4")
    assert late.toast == "Already noted: pain 0/10. Thanks!"
    assert not late.text
    (logged,) = await chat.completions()
    assert logged.pain == 0
    assert await chat.state() == state  # the way back counted the typed answer once
    assert stage_of(state) == stage_of(await chat.state())


async def test_an_old_effort_button_after_a_typed_answer_changes_nothing(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    replies = await chat.say("done")
    await chat.say("very hard")
    (late,) = await chat.press(button(replies, "v1|ef|").rsplit("|", 1)[0] + "|3")
    assert late.toast == "Already noted: effort 9/10. Thanks!"
    assert not late.text
    (logged,) = await chat.completions()
    assert logged.rpe == 9
    pain = await chat.say("no pain")  # the pain question is still the one open
    assert "Pain 0/10" in texts(pain)


async def test_an_effort_button_still_answers_while_the_effort_is_open(
    chat: Chat, clock: FakeClock
) -> None:
    await _yesterday_logged(chat, clock)
    await chat.say("no pain")
    replies = await chat.command("/today")  # a fresh message: the old buttons still answer
    assert replies
    conversation = await chat.conversation()
    assert conversation is not None
    effort = f"v1|ef|{(clock().date() - timedelta(days=1)):%y%m%d}|"
    (logged,) = await chat.completions()
    (answered,) = await chat.press(f"{effort}{logged.session_id}|6")
    assert answered.toast == "Saved ✅"
    (logged,) = await chat.completions()
    assert (logged.rpe, logged.pain) == (6, 0)
