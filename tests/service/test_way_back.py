"""The Done flow's pain question and the way back, through Coach.handle (docs/coaching.md,
"Following a report up" and "Graded way back")."""

from __future__ import annotations

from datetime import timedelta

from bot.core.comeback import Stage, stage_of
from bot.core.vocabulary import Category, Phase
from bot.service.comeback import EFFORT_FLOW, PAIN_FLOW
from bot.service.messages import Reply
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, buttons, texts


async def _on_the_way_back(chat: Chat, clock: FakeClock) -> None:
    """A swollen calf in the first dynamic block, held 3 days, every return check passed."""
    await chat.command("/today")
    clock.advance(days=16)
    await chat.say("my right calf is swollen")
    clock.advance(days=3)
    await chat.command("/clear")
    await chat.pass_return_checks()
    state = await chat.state()
    assert state.phase is Phase.DYNAMIC_BLOCK
    assert stage_of(state) is Stage.MOBILITY


async def _silent_for_nine_days(chat: Chat, clock: FakeClock) -> None:
    """A session logged, then nine days without a word."""
    await chat.command("/today")
    await _done(chat)
    clock.advance(days=9)


async def _done(chat: Chat) -> list[Reply]:
    today = await chat.command("/today")
    return await chat.press(button(today, "v1|dn|"))


async def test_a_tapped_pain_rating_is_stored_with_the_completion(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    replies = await _done(chat)
    assert "Any pain during" in texts(replies)
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.name == PAIN_FLOW
    pain = button(replies, "v1|pn|").rsplit("|", 1)[0] + "|2"
    (answer,) = await chat.press(pain)
    assert "Pain 2/10: good" in answer.text
    (logged,) = await chat.completions()
    assert logged.pain == 2
    open_now = await chat.conversation()  # the effort question asked with it stays open
    assert open_now is not None
    assert (open_now.name, open_now.data) == (EFFORT_FLOW, {"day": logged.on.isoformat()})
    state = await chat.state()
    assert state.way_back_passed_on == logged.on
    (late,) = await chat.press(pain.rsplit("|", 1)[0] + "|6")  # a stale tap changes nothing
    assert late.toast == "Already noted: pain 2/10. Thanks!"
    assert not late.text
    (logged,) = await chat.completions()
    assert logged.pain == 2
    assert await chat.state() == state


async def test_a_mobility_day_without_reports_or_a_way_back_is_not_asked(chat: Chat) -> None:
    replies = await _done(chat)  # day 1 of base: mobility or strength, nothing reported
    assert "Any pain during" not in texts(replies)
    assert not [data for data in buttons(replies) if data.startswith("v1|pn|")]


async def test_a_warning_sign_in_the_answer_is_triaged_not_rated(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    replies = await chat.say("3, and my shin hurts when I hop")
    assert "bone stress" in texts(replies)
    (logged,) = await chat.completions()
    assert logged.pain is None
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD


async def test_an_unclear_answer_is_understood_as_usual(chat: Chat, clock: FakeClock) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    await chat.say("11")  # off the scale: not taken as a rating
    (logged,) = await chat.completions()
    assert logged.pain is None


async def test_the_morning_check_is_asked_and_out_of_date_buttons_change_nothing(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    await chat.say("no pain")
    clock.advance(days=1)
    today = await chat.command("/today")
    assert "How does it feel this morning" in texts(today)
    settled = button(today, "v1|mf|")
    worse = settled.replace("better", "worse")
    (moved,) = await chat.press(settled.replace(settled.split("|")[2], "261201"))
    assert moved.toast  # a button for another session: out of date
    (kept,) = await chat.press(worse)
    assert "stay at stage 1" in kept.text
    assert stage_of(await chat.state()) is Stage.MOBILITY
    (again,) = await chat.press(settled)
    assert again.toast  # answered already


async def test_a_typed_done_while_the_morning_check_waits_is_a_log(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    await chat.say("0")
    clock.advance(days=1)
    replies = await chat.say("done, felt fine")
    assert len(await chat.completions()) == 2
    assert stage_of(await chat.state()) is Stage.MOBILITY  # "fine" in a log is no answer
    assert "Any pain during" in texts(replies)


async def test_the_whole_way_back_ends_in_the_normal_dose(chat: Chat, clock: FakeClock) -> None:
    await _on_the_way_back(chat, clock)
    seen: list[Category | None] = []
    for _ in range(3):
        plan = await chat.plan(clock)
        seen.append(plan.category)
        await _done(chat)
        await chat.say("no pain")
        clock.advance(days=1)
        await chat.say("settled")
    assert seen == [Category.MOBILITY, Category.STATIC, Category.DYNAMIC]
    state = await chat.state()
    assert stage_of(state) is Stage.FULL
    assert state.way_back_stage is None
    phase = texts(await chat.command("/phase"))
    assert "Way back" not in phase


async def test_a_bare_number_while_effort_and_pain_are_both_asked_is_asked_about(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    (ask,) = await chat.say("3")
    assert "pain during it" in ask.text
    assert "how hard it felt" in ask.text
    (logged,) = await chat.completions()
    assert logged.pain is None
    assert logged.rpe is None
    pain, effort = (data for row in ask.keyboard for _, data in row)
    assert pain.startswith("v1|pn|")
    assert effort.startswith("v1|ef|")
    await chat.press(pain)
    (logged,) = await chat.completions()
    assert logged.pain == 3
    assert logged.rpe is None


async def test_a_typed_0_while_both_are_asked_is_the_pain(chat: Chat, clock: FakeClock) -> None:
    """Effort runs from 1, so a bare 0 can only answer the pain question; the effort
    question stays open for the next number (a trial runner's "5" then "0" had stored
    nothing, and the way back stood still for six days)."""
    await _on_the_way_back(chat, clock)
    await _done(chat)
    (asked,) = await chat.say("5")
    assert "how hard it felt" in asked.text
    replies = await chat.say("0")
    assert "Pain 0/10" in texts(replies)
    await chat.say("5")
    (logged,) = await chat.completions()
    assert (logged.pain, logged.rpe) == (0, 5)


async def test_typed_effort_and_pain_answers_each_land_on_their_question(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await _done(chat)
    await chat.say("very hard")
    (logged,) = await chat.completions()
    assert logged.rpe == 9
    assert logged.pain is None
    replies = await chat.say("no pain")
    assert "Pain 0/10" in texts(replies)
    (logged,) = await chat.completions()
    assert logged.pain == 0
    assert logged.rpe == 9


async def test_a_typed_effort_after_done_is_logged_without_a_pain_question(chat: Chat) -> None:
    await _done(chat)  # day 1 of base: no pain question
    await chat.say("7")
    (logged,) = await chat.completions()
    assert logged.rpe == 7


async def test_a_late_log_of_the_days_away_is_no_break(chat: Chat, clock: FakeClock) -> None:
    """Nine days without a log, then the first message logs two of those days: the runner
    trained, so no way back starts and the days keep the sessions planned for them."""
    await _silent_for_nine_days(chat, clock)
    replies = await chat.say("did yesterday's and the day before, forgot to log, 4 and 7")
    assert "Welcome back" not in texts(replies)
    assert stage_of(await chat.state()) is Stage.FULL
    today = clock.now.date()
    logged = {c.on: c.rpe for c in await chat.completions() if c.on < today}
    assert logged[today - timedelta(days=2)] == 4
    assert logged[today - timedelta(days=1)] == 7


async def test_a_message_after_a_silent_week_that_logs_only_today_starts_the_way_back(
    chat: Chat, clock: FakeClock
) -> None:
    await _silent_for_nine_days(chat, clock)
    replies = await chat.say("hi, did today's")
    assert "Welcome back" in texts(replies)
    assert stage_of(await chat.state()) is Stage.MOBILITY


async def test_a_way_back_begun_by_a_first_message_is_called_off_by_the_late_logs(
    chat: Chat, clock: FakeClock
) -> None:
    await _silent_for_nine_days(chat, clock)
    assert "Welcome back" in texts(await chat.command("/today"))  # no log said yet
    assert stage_of(await chat.state()) is Stage.MOBILITY
    replies = await chat.say("oh wait, did yesterday's and the day before, 4 and 7")
    assert "no real break after all" in texts(replies)
    assert stage_of(await chat.state()) is Stage.FULL


async def test_a_way_back_after_a_hold_is_never_called_off_by_logs(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    await chat.say("did yesterday's, 3")
    assert stage_of(await chat.state()) is Stage.MOBILITY


async def test_jumps_asked_about_on_the_way_back_get_the_stage(
    chat: Chat, clock: FakeClock
) -> None:
    await _on_the_way_back(chat, clock)
    answer = texts(await chat.say("can i get back to the jumpy stuff?"))
    assert "No jumps yet" in answer
    assert "stage 1 of 4" in answer
    assert "after a race" not in answer
