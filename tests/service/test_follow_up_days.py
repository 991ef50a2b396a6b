"""A log of several days asks one day's questions at a time: every typed answer is stored
on the log it was asked about, and nothing the runner says is dropped (a fresh-eyes trial:
"did monday and tuesday" asked two pain questions at once and kept one typed answer)."""

from __future__ import annotations

from datetime import date

from bot.core.records import Completion
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, buttons, texts

MONDAY, TUESDAY = date(2026, 11, 30), date(2026, 12, 1)  # the clock's day is Tuesday


async def _begun_a_week_ago(chat: Chat, clock: FakeClock, said_monday: str | None = None) -> None:
    clock.advance(days=-7)
    await chat.say("what's today's session?")
    clock.advance(days=6)
    if said_monday is not None:
        await chat.say(said_monday)
    clock.advance(days=1)


async def _logs(chat: Chat) -> dict[date, Completion]:
    return {log.on: log for log in await chat.completions()}


def _asked_about(replies: list, action: str) -> set[str]:  # type: ignore[type-arg]
    """The days (yymmdd) the replies' ``action`` buttons (pn: pain, ef: effort) are for."""
    return {data.split("|")[2] for data in buttons(replies) if data.startswith(f"v1|{action}|")}


async def test_two_days_that_both_ask_about_pain_are_asked_one_after_the_other(
    chat: Chat, clock: FakeClock
) -> None:
    await _begun_a_week_ago(chat, clock, said_monday="hip flexors sore 3/10")
    logged = await chat.say("did monday and tuesday")
    assert _asked_about(logged, "pn") == {"261130"}  # monday's pain only, not two at once
    assert _asked_about(logged, "ef") == {"261130"}
    assert "once yesterday's questions are answered" in texts(logged)
    assert set(await _logs(chat)) == {MONDAY, TUESDAY}  # both logged all the same

    no_pain = await chat.say("no pain")
    logs = await _logs(chat)
    assert (logs[MONDAY].pain, logs[TUESDAY].pain) == (0, None)  # on monday's log
    assert _asked_about(no_pain, "ef") == {"261130"}  # monday's effort is what is left
    assert not _asked_about(no_pain, "pn")

    effort = await chat.say("3")
    logs = await _logs(chat)
    assert (logs[MONDAY].rpe, logs[TUESDAY].rpe) == (3, None)
    assert "Next, today's" in texts(effort)  # now tuesday's questions
    assert _asked_about(effort, "pn") == {"261201"}
    assert _asked_about(effort, "ef") == {"261201"}

    await chat.say("no pain")
    await chat.say("5")
    logs = await _logs(chat)
    assert (logs[MONDAY].rpe, logs[MONDAY].pain) == (3, 0)
    assert (logs[TUESDAY].rpe, logs[TUESDAY].pain) == (5, 0)
    assert await chat.conversation() is None


async def test_a_report_in_the_same_message_keeps_the_queue_until_its_questions_end(
    chat: Chat, clock: FakeClock
) -> None:
    await _begun_a_week_ago(chat, clock)
    logged = await chat.say("did monday and tuesday, hip flexor pain after both")
    assert any(data.startswith("v1|rf|") for data in buttons(logged))  # the warning signs
    assert not _asked_about(logged, "pn")
    assert _asked_about(logged, "ef") == {"261130"}
    await chat.say("none of these")
    asked = await chat.say("2")  # monday's effort
    assert (await _logs(chat))[MONDAY].rpe == 2
    assert _asked_about(asked, "pn") == {"261201"}
    await chat.say("no pain")
    await chat.say("4")
    logs = await _logs(chat)
    assert (logs[MONDAY].rpe, logs[MONDAY].pain) == (2, None)  # monday's pain was not asked
    assert (logs[TUESDAY].rpe, logs[TUESDAY].pain) == (4, 0)


async def test_buttons_answer_each_day_and_bring_the_next_days_questions(
    chat: Chat, clock: FakeClock
) -> None:
    await _begun_a_week_ago(chat, clock, said_monday="calves sore 2/10")
    logged = await chat.say("did monday and tuesday")
    await chat.press(button(logged, "v1|pn|261130|1"))
    asked = await chat.press(button(logged, "v1|ef|261130|"))
    assert _asked_about(asked, "pn") == {"261201"}
    await chat.press(button(asked, "v1|pn|261201|0"))
    logs = await _logs(chat)
    assert (logs[MONDAY].pain, logs[TUESDAY].pain) == (1, 0)
    assert logs[MONDAY].rpe is not None


async def test_high_pain_on_the_first_day_reports_it_first_then_goes_on(
    chat: Chat, clock: FakeClock
) -> None:
    await _begun_a_week_ago(chat, clock, said_monday="hip flexors sore 3/10")
    logged = await chat.say("did monday and tuesday")
    high = await chat.press(button(logged, "v1|pn|261130|7"))
    assert "where" in texts(high).lower()  # the guided report comes first
    assert not _asked_about(high, "pn")
    back = await chat.command("/cancel")
    assert _asked_about(back, "ef") == {"261130"}  # then monday's effort
    asked = await chat.say("6")
    assert _asked_about(asked, "pn") == {"261201"}
    await chat.say("2")  # pain 2 or effort 2? asked: tuesday's effort is open too
    logs = await _logs(chat)
    assert (logs[MONDAY].pain, logs[MONDAY].rpe) == (7, 6)
    assert logs[TUESDAY].pain is None
