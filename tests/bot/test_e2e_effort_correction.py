"""End to end through the fake Bot API: a number read as a body rating that the runner
says was the session's effort ("the 8 was how hard it felt") moves to the session's log;
the report stays, unrated. The harness clock's day is Tuesday 1 December 2026."""

from __future__ import annotations

from datetime import date

from telegram.ext import Application

from bot.app import Services
from bot.core.records import BodyReport, Completion
from bot.core.vocabulary import Area
from bot.storage import make_session_factory, recent_completions, recent_reports
from tests.bot.harness import runner_row, say_until
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 5353
Bot = tuple[Application, Services]  # type: ignore[type-arg]
SINCE = date(2026, 11, 1)


async def _stored(services: Services) -> tuple[list[Completion], list[BodyReport]]:
    runner = await runner_row(services, RUNNER)
    async with make_session_factory(services.engine)() as session:
        logs = await recent_completions(session, runner.id, SINCE)
        felt = await recent_reports(session, runner.id, SINCE)
    return logs, felt


async def _say(api: FakeBotAPI, text: str, marker: str) -> str:
    return "\n".join(await say_until(api, RUNNER, text, marker, first_name="Ash"))


async def test_the_number_said_to_be_the_effort_moves_to_the_log(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "done. quads sore 8", "8/10")
    logs, felt = await _stored(bot[1])
    assert [(r.area, r.severity) for r in felt] == [(Area.QUADS, 8)]

    said = await _say(fake_api, "the 8 was how hard it felt, not my quads", "how hard")
    assert "8/10 was how hard the session felt" in said
    logs, felt = await _stored(bot[1])
    assert [(r.area, r.severity) for r in felt] == [(Area.QUADS, None)]
    assert [(log.done, log.rpe) for log in logs] == [(True, 8)]


async def test_a_number_the_last_report_does_not_carry_changes_nothing(
    bot: Bot, fake_api: FakeBotAPI
) -> None:
    await _say(fake_api, "done. quads sore 8", "8/10")
    said = await _say(fake_api, "the 6 was the effort", "")
    assert "how hard the session felt" not in said
    _, felt = await _stored(bot[1])
    assert [(r.area, r.severity) for r in felt] == [(Area.QUADS, 8)]
