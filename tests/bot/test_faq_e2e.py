"""End to end: the coach's answers to common questions through the fake Bot API.

A question gets its answer and stores nothing; a warning sign in the same message is
triaged instead (and stored); a request for the session still gets the session.
"""

from __future__ import annotations

from datetime import timedelta

from telegram.ext import Application

from bot.app import Services
from bot.core.content import load_content
from bot.core.records import BodyReport, Completion
from bot.storage import get_runner_by_telegram_id, make_session_factory, recent_reports
from bot.storage.records import recent_completions
from tests.bot.harness import FakeClock
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 5151
FAQ = load_content().faq


async def _say(api: FakeBotAPI, text: str) -> str:
    """Send ``text``; the bot's answer (every message it sent for it, as plain text)."""
    before = len(api.sent_messages(RUNNER))
    await api.user(RUNNER, first_name="Kit").send_text(text)
    messages = await api.wait_for_messages(RUNNER, before + 1)
    return "\n".join(m.plain_text for m in messages[before:])


async def _stored(
    services: Services, clock: FakeClock
) -> tuple[list[Completion], list[BodyReport]]:
    since = clock().date() - timedelta(days=7)
    async with make_session_factory(services.engine)() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        return (
            await recent_completions(session, runner.id, since),
            await recent_reports(session, runner.id, since),
        )


async def test_a_question_gets_the_coachs_answer_and_stores_nothing(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    reply = await _say(fake_api, "can I do the stretches after my long run?")
    entry = FAQ.by_id("after-long-run")
    assert entry.question in reply
    assert entry.answer in " ".join(reply.split())
    reply = await _say(fake_api, "is it alright to swap todays session for a yoga class?")
    assert FAQ.by_id("swap-yoga").question in reply
    assert await _stored(bot[1], clock) == ([], [])


async def test_a_statement_near_a_question_is_answered_too(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    reply = await _say(fake_api, "the kids keep interrupting me")
    assert FAQ.by_id("interruptions").question in reply


async def test_a_warning_sign_with_a_question_is_triaged_not_answered(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    reply = await _say(
        fake_api, "is running on a treadmill ok? I think I've got a stress fracture in my shin"
    )
    assert FAQ.by_id("treadmill").question not in reply
    assert FAQ.by_id("treadmill").answer not in " ".join(reply.split())
    assert "doctor" in reply.lower()
    completions, reports = await _stored(bot[1], clock)
    assert completions == []
    assert [report.area.value for report in reports] == ["shins"]
    assert reports[0].red_flags


async def test_asking_for_the_session_still_gets_the_session(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    reply = await _say(fake_api, "what's today's session?")
    assert "min" in reply
    assert "💬" not in reply


async def test_a_done_with_a_question_is_logged_and_answered(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    before = len(fake_api.sent_messages(RUNNER))
    await fake_api.user(RUNNER, first_name="Kit").send_text("done! can I run later today?")
    messages = await fake_api.wait_for_messages(RUNNER, before + 2)
    said = "\n".join(m.plain_text for m in messages[before:])
    assert "Logged" in said
    assert FAQ.by_id("same-day-run").question in said
    completions, _ = await _stored(bot[1], clock)
    assert [c.status.value for c in completions] == ["done"]


async def test_a_report_with_a_question_of_its_own_is_stored_and_answered(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    before = len(fake_api.sent_messages(RUNNER))
    await fake_api.user(RUNNER, first_name="Kit").send_text(
        "glutes a bit sore 2. can I go for a run on the same day as the session?"
    )
    messages = await fake_api.wait_for_messages(RUNNER, before + 2)
    said = "\n".join(m.plain_text for m in messages[before:])
    assert FAQ.by_id("same-day-run").question in said
    _, reports = await _stored(bot[1], clock)
    assert [report.area.value for report in reports] == ["glutes"]


async def test_a_soreness_only_supposed_is_answered_and_stores_nothing(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    reply = await _say(fake_api, "is it fine to train if my hamstrings are sore?")
    assert FAQ.by_id("while-sore").question in reply
    assert await _stored(bot[1], clock) == ([], [])


async def test_every_answer_carries_one_short_hold_line(
    bot: tuple[Application, Services], fake_api: FakeBotAPI
) -> None:
    plain = await _say(fake_api, "can I swap today for a yoga class?")
    assert "⚠️" not in plain  # nothing on hold: the answer alone
    await _say(fake_api, "my left knee is swollen and it hurts when I walk")
    yoga = await _say(fake_api, "can I swap today for a yoga class?")
    assert FAQ.by_id("swap-yoga").question in yoga
    assert yoga.count("⚠️") == 1  # one short line, not the whole warning again
    assert "Still on hold: your left knee with" in yoga
    assert "leave out running, jumping" in yoga  # a bone stress sign: no running either
    food = await _say(fake_api, "what should I eat before a session?")
    assert FAQ.by_id("eat-before").question in food
    assert food.count("Still on hold: your left knee") == 1  # every answer, the same line


async def test_swapping_two_days_gets_its_own_answer(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    reply = await _say(fake_api, "can i swap today with tomorrow?")
    assert FAQ.by_id("swap-days").question in reply
    assert FAQ.by_id("swap-yoga").question not in reply
    assert await _stored(bot[1], clock) == ([], [])
