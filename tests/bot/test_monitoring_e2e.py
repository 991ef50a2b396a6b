"""End to end, pain monitoring that follows up (docs/coaching.md): the real Application on the
fake Bot API, a SQLite file, and the scheduler as production wires it. Each test checks what
is stored and what is planned, not only what is said."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import Services, reminder_scheduler
from bot.core.phases import PhaseState
from bot.core.planner import DailyPlan
from bot.core.vocabulary import Area, Level, Phase
from bot.storage import records, repository
from bot.storage.models import BodyReportRow, CompletionRow, DeliveryRow, DeliveryStatus, Runner
from bot.storage.schedule import reschedule
from tests.bot.harness import FakeClock, running_bot, settings_for, sqlite_url
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 5151
TUESDAY = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)


async def say(api: FakeBotAPI, text: str, *, expect: int = 1) -> list[str]:
    """Send a message and wait for ``expect`` new bot messages; return their plain texts."""
    handle = api.user(RUNNER, first_name="Ana")
    before = len(api.sent_messages(RUNNER))
    await handle.send_text(text)
    messages = await api.wait_for_messages(RUNNER, before + expect)
    return [m.plain_text for m in messages[before:]]


async def _runner(session: AsyncSession) -> Runner:
    return (await session.scalars(select(Runner).where(Runner.telegram_id == RUNNER))).one()


async def _into_block(services: Services, today: date, *, level: Level) -> None:
    """Put the runner in week 3 of their first dynamic block, begun on a Tuesday two weeks
    ago: with nothing logged its jump days are Tuesdays and Fridays, so today has jumps."""
    async with services.coach.sessions() as session, session.begin():
        runner = await _runner(session)
        await session.execute(update(Runner).where(Runner.id == runner.id).values(level=level))
        state = PhaseState(
            Phase.DYNAMIC_BLOCK, started_on=today - timedelta(days=14), newcomer=False
        )
        await repository.save_phase_state(session, runner.id, state, "test", today, changed=True)


async def _planned(services: Services, day: date) -> DailyPlan:
    """``day``'s plan from what is stored, as the coach would work it out."""
    async with services.coach.sessions() as session:
        runner = await _runner(session)
        profile = repository.load_profile(runner)
        state = await repository.load_phase_state(session, runner.id)
        history = await records.recent_completions(session, runner.id, day - timedelta(days=15))
        reports = await records.recent_reports(session, runner.id, day - timedelta(days=15))
    history = [done for done in history if done.on < day]
    return services.coach.planner.plan_for(profile, state, history, reports, day)


def _loads(services: Services, plan: DailyPlan) -> set[Area]:
    content = services.coach.planner.content
    return {area for e in plan.exercises for area in content.exercises[e.exercise_id].loads}


async def test_worse_next_morning_is_stored_and_unloads_the_area_the_next_days(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    clock = FakeClock(TUESDAY)
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (_, services):
        await say(fake_api, "hi")
        today = TUESDAY.date()
        await _into_block(services, today, level=Level.INTERMEDIATE)
        assert Area.ACHILLES in _loads(services, await _planned(services, today))

        replies = await say(fake_api, "achilles pain 4/10, worse next morning", expect=2)
        assert "Worse by the morning" in replies[0]
        assert "next jump session is lighter" in replies[0]
        async with services.coach.sessions() as session:
            (row,) = await session.scalars(select(BodyReportRow))
        assert (row.area, row.severity, row.worse) == (Area.ACHILLES, 4, True)

        for offset in range(3):  # the day, the next, and on until it settles
            plan = await _planned(services, today + timedelta(days=offset))
            assert Area.ACHILLES not in _loads(services, plan), offset

        clock.advance(days=1)  # "fine now" the next morning: still unloaded that day
        await say(fake_api, "achilles fine now")
        async with services.coach.sessions() as session:
            rows = list(await session.scalars(select(BodyReportRow).order_by(BodyReportRow.id)))
        assert [(r.severity, r.worse) for r in rows] == [(4, True), (0, False)]
        tomorrow = await _planned(services, today + timedelta(days=1))
        assert Area.ACHILLES not in _loads(services, tomorrow)
        later = today + timedelta(days=2)
        assert not (await _planned(services, later)).adjustments


async def test_a_very_hard_effort_steps_the_next_jump_session_back(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    clock = FakeClock(TUESDAY)
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (_, services):
        await say(fake_api, "hi")
        today = TUESDAY.date()
        await _into_block(services, today, level=Level.INTERMEDIATE)
        usual = await _planned(services, today)
        assert "Jumps today" in usual.why

        shown = (await say(fake_api, "/today"))[-1]
        assert "lighter" not in shown
        handle = fake_api.user(RUNNER, first_name="Ana")
        message = fake_api.sent_messages(RUNNER)[-1]
        done = next(data for data in message.callback_data if data.startswith("v1|dn|"))
        await handle.press(message.message_id, done)
        await fake_api.wait_for(lambda call: call.method == "editMessageText")
        edited = fake_api.sent_messages(RUNNER)[-1]
        nine = next(d for d in edited.callback_data if d.startswith("v1|ef|") and d.endswith("|9"))
        await handle.press(edited.message_id, nine)
        await fake_api.wait_for(
            lambda call: call.method == "editMessageText" and "effort" in str(call.params["text"])
        )
        async with services.coach.sessions() as session:
            (logged,) = await session.scalars(select(CompletionRow))
        assert (logged.local_date, logged.rpe) == (today, 9)

        for offset in range(1, 7):  # up to the next dynamic day
            clock.advance(days=1)
            plan = await _planned(services, today + timedelta(days=offset))
            if plan.category is not None and "Jumps today" in plan.why:
                break
        else:
            raise AssertionError("no dynamic day in the week after")
        assert plan.why.startswith("Your last jump session felt very hard (9/10)")
        assert plan.contacts < usual.contacts
        shown = (await say(fake_api, "/today"))[-1]
        assert "felt very hard (9/10), so today is lighter" in shown


async def test_a_rest_day_morning_asks_about_a_reported_area_and_fine_settles_it(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 12, 1, 18, 0, tzinfo=UTC))  # Tuesday evening
    async with running_bot(fake_api, sqlite_url(tmp_path), clock) as (application, services):
        await say(fake_api, "/remind 07:00")
        wednesday = date(2026, 12, 2)
        async with services.coach.sessions() as session, session.begin():
            runner = await _runner(session)
            await session.execute(
                update(Runner).where(Runner.id == runner.id).values(rest_days=[2])
            )
            await reschedule(session, runner, clock.now)
        await say(fake_api, "left calf pain 5/10", expect=2)  # the reply, then the sign question
        assert (await _planned(services, wednesday)).is_rest

        scheduler = reminder_scheduler(
            settings_for(fake_api, sqlite_url(tmp_path)), services, application.bot
        )
        before = len(fake_api.sent_messages(RUNNER))
        clock.now = datetime(2026, 12, 2, 7, 0, 5, tzinfo=UTC)
        await scheduler.run_once()
        clock.advance(seconds=30)
        await scheduler.run_once()
        (asked,) = fake_api.sent_messages(RUNNER)[before:]
        assert "rest day" in asked.plain_text.lower()
        assert "How does your left calf feel this morning?" in asked.plain_text
        assert not asked.callback_data  # no session, so no Done or Skip
        async with services.coach.sessions() as session:
            (delivery,) = await session.scalars(select(DeliveryRow))
        assert (delivery.local_date, delivery.status) == (wednesday, DeliveryStatus.SENT)

        answer = await say(fake_api, "left calf fine now")
        assert "Good to hear" in answer[0]
        async with services.coach.sessions() as session:
            rows = list(await session.scalars(select(BodyReportRow).order_by(BodyReportRow.id)))
        assert [(r.area, r.severity) for r in rows] == [(Area.CALVES, 5), (Area.CALVES, 0)]
        thursday = await _planned(services, wednesday + timedelta(days=1))
        assert not any("calves" in reason for reason in thursday.adjustments)

        before = len(fake_api.sent_messages(RUNNER))
        clock.now = datetime(2026, 12, 3, 7, 0, 5, tzinfo=UTC)
        await scheduler.run_once()
        clock.advance(seconds=30)
        await scheduler.run_once()
        (reminder,) = fake_api.sent_messages(RUNNER)[before:]
        assert "Good morning" in reminder.plain_text
        assert "How does" not in reminder.plain_text  # settled: no more questions
