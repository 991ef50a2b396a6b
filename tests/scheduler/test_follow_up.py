"""The morning reminder asks how a recently reported area feels (pain monitoring)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.followup import areas_to_ask_about
from bot.core.planner import Planner
from bot.core.records import BodyReport
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.storage.models import DeliveryStatus
from bot.storage.records import add_body_report
from scheduler.fanout import plan_due
from tests.fakebotapi.limits import parse_html
from tests.scheduler.helpers import FakeSender, add_runner, deliveries_of, send
from tests.storage.conftest import Database

START = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
DUE = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # 07:00 in Berlin, Monday 2 March
DAY = date(2026, 3, 2)


def _report(
    days_ago: int,
    kind: ReportKind,
    severity: int | None,
    red_flags: frozenset[RedFlag] = frozenset(),
    *,
    worse: bool = False,
) -> BodyReport:
    on = DAY - timedelta(days=days_ago)
    return BodyReport(on, Area.CALVES, kind, Side.LEFT, severity, red_flags, worse)


@pytest.mark.parametrize(
    ("reports", "asked"),
    [
        ([_report(1, ReportKind.PAIN, 4)], True),
        ([_report(2, ReportKind.SORENESS, 6)], True),
        ([_report(1, ReportKind.SORENESS, 3)], False),  # normal training feedback
        ([_report(1, ReportKind.TIGHTNESS, None)], False),
        ([_report(4, ReportKind.PAIN, 7)], True),  # unsettled: still asked (was False)
        ([_report(6, ReportKind.SORENESS, 5)], True),
        ([_report(7, ReportKind.PAIN, 7)], False),  # a week of questions: FOLLOW_UP_DAYS
        ([_report(2, ReportKind.TIGHTNESS, None, worse=True)], True),  # stiffer this morning
        ([_report(8, ReportKind.PAIN, 6), _report(1, ReportKind.SORENESS, 2)], False),
        ([_report(0, ReportKind.PAIN, 7)], False),  # said this morning already
        ([_report(2, ReportKind.PAIN, 6), _report(1, ReportKind.SORENESS, 0)], False),
        ([_report(1, ReportKind.PAIN, None, red_flags=frozenset({RedFlag.SWELLING}))], True),
    ],
)
def test_which_reports_are_followed_up(reports: list[BodyReport], asked: bool) -> None:
    assert bool(areas_to_ask_about(reports, DAY)) is asked


async def test_the_reminder_after_a_pain_report_asks_how_it_feels(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        sore = await add_runner(session, 7001, now=START)
        await add_runner(session, 7002, now=START)
        report = BodyReport(DAY - timedelta(days=1), Area.CALVES, ReportKind.PAIN, Side.LEFT, 5)
        await add_body_report(session, sore.id, report, "left calf <hurts> 5/10", START)
    assert await plan_due(database.sessions, DUE + timedelta(seconds=5)) == 2
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=5))
    texts = {delivery.chat_id: delivery.text for delivery in sender.sent}
    assert "How does your left calf feel this morning?" in texts[7001]
    assert "How does" not in texts[7002]
    parse_html(texts[7001])  # raises on anything Telegram would refuse


async def test_a_rest_day_sends_only_the_question_and_only_when_there_is_one(
    database: Database, planner: Planner
) -> None:
    async with database.sessions() as session, session.begin():
        sore = await add_runner(session, 7101, now=START)
        quiet = await add_runner(session, 7102, now=START)
        for runner in (sore, quiet):
            runner.rest_days = [DAY.weekday()]  # Monday is their rest day
        report = BodyReport(DAY - timedelta(days=5), Area.ACHILLES, ReportKind.PAIN, Side.NONE, 4)
        await add_body_report(session, sore.id, report, "achilles pain 4/10", START)
    assert await plan_due(database.sessions, DUE + timedelta(seconds=5)) == 2
    sender = FakeSender()
    await send(database.sessions, sender, planner, DUE + timedelta(seconds=5))
    (asked,) = sender.sent
    assert asked.chat_id == 7101
    assert "A rest day today" in asked.text
    assert "How does your achilles feel this morning?" in asked.text
    assert not asked.rows
    parse_html(asked.text)
    rows = {row.runner_id: row for row in await deliveries_of(database.sessions)}
    assert rows[quiet.id].status is DeliveryStatus.SKIPPED
    assert rows[quiet.id].last_error == "rest day"
