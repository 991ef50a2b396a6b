"""End to end through the fake Bot API: a pelvic-floor sign in the first dynamic block
(docs/coaching.md, the ``PELVIC_FLOOR`` tier). What is stored, what the runner reads, and
that no jump comes back until a clinician's go-ahead and the checks."""

from __future__ import annotations

from datetime import date

from telegram.ext import Application

from bot.app import Services
from bot.core.comeback import Stage, stage_of
from bot.core.phases import PhaseState
from bot.core.records import BodyReport
from bot.core.vocabulary import Area, Phase, RedFlag
from bot.storage import load_phase_state, make_session_factory, recent_reports
from tests.bot.harness import FakeClock, runner_row
from tests.bot.test_way_back_e2e import RUNNER, jumps_in, pass_checks, say, tap
from tests.fakebotapi.server import FakeBotAPI


async def _stored(services: Services) -> tuple[list[BodyReport], PhaseState]:
    """Every report stored for the runner, and their phase state."""
    runner = await runner_row(services, RUNNER)
    async with make_session_factory(services.engine)() as session:
        reports = await recent_reports(session, runner.id, date(2000, 1, 1))
        state = await load_phase_state(session, runner.id)
    return list(reports), state


async def _a_jump_day(api: FakeBotAPI, clock: FakeClock) -> str:
    """/today on the next days until one holds jumps (its text)."""
    for _ in range(7):
        (today,) = await say(api, "/today")
        if jumps_in(today):
            return today
        clock.advance(days=1)
    raise AssertionError("no jump day in a week of the block")


async def test_a_leak_on_the_jumps_is_stored_held_and_referred(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await say(fake_api, "/today")
    clock.advance(days=16)  # Thu 17 Dec, in the first dynamic block
    await _a_jump_day(fake_api, clock)

    (reply,) = await say(fake_api, "leaked a bit on the jumps today")
    assert "pelvic health physio" in reply
    assert "No hops, jumps, skips or bounds" in reply
    assert "nothing you did wrong" in reply
    reports, state = await _stored(bot[1])
    (report,) = reports
    assert report.area is Area.PELVIC_FLOOR
    assert report.red_flags == {RedFlag.PELVIC_FLOOR}
    assert state.held_areas == {Area.PELVIC_FLOOR}
    assert state.phase is Phase.RECOVERY_HOLD

    for _ in range(10):  # no jump comes back while the hold lasts
        clock.advance(days=1)
        texts = await say(fake_api, "/today")
        assert not jumps_in(texts[0]), texts[0]

    (asked,) = await say(fake_api, "/clear")
    assert "pelvic health physio" in asked
    await tap(fake_api, "v1|cc|yes", "Check 1 of 5")
    cleared = await pass_checks(fake_api, clock)
    assert "All checks passed" in cleared
    _, state = await _stored(bot[1])
    assert not state.held_areas
    assert stage_of(state) is Stage.MOBILITY
    (today,) = await say(fake_api, "/today")
    assert not jumps_in(today)  # the way back starts with mobility


async def test_the_question_in_general_gets_the_faq_and_nothing_is_stored(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await say(fake_api, "/today")
    clock.advance(days=16)
    (answer,) = await say(fake_api, "is it normal to leak a bit when jumping?")
    assert "pelvic health physio" in answer
    reports, state = await _stored(bot[1])
    assert reports == []
    assert not state.held_areas
