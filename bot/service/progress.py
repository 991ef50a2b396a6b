"""/progress: a chart of the last 12 weeks and the numbers in words."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import date, timedelta

from bot.core.progress import Progress, planned_days, progress, progress_summary
from bot.core.restrictions import REPORT_LOOKBACK_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.timing import local_date_of
from bot.core.vocabulary import Phase
from bot.presentation.charts import render_progress_chart
from bot.presentation.training import progress_caption
from bot.service.messages import Reply
from bot.service.turn import Turn
from bot.storage import records

__all__ = ["draw_charts", "progress_reply"]

log = logging.getLogger(__name__)
WEEKS = 12


async def progress_reply(turn: Turn) -> list[Reply]:
    """The summary, with the chart to draw once the transaction is over (if there is data)."""
    numbers = await _numbers(turn)
    summary = progress_caption(WEEKS, progress_summary(numbers))
    return [Reply(text=summary, chart=numbers if numbers.has_data else None)]


async def draw_charts(replies: list[Reply]) -> list[Reply]:
    """Each reply's chart drawn into its photo, the summary becoming the caption.

    Called after the update committed, so drawing holds no transaction (on SQLite, the
    process's one connection). A chart that fails leaves its reply as text.
    """
    if not any(reply.chart for reply in replies):
        return replies
    drawn: list[Reply] = []
    for reply in replies:
        photo = None
        if reply.chart is not None:
            try:
                photo = await render_progress_chart(reply.chart)
            except Exception:  # a chart is a nice-to-have: the numbers still go out as text
                log.exception("progress chart failed")
        drawn.append(replace(reply, chart=None, photo=photo or reply.photo))
    return drawn


async def _numbers(turn: Turn) -> Progress:
    joined = local_date_of(turn.runner.created_at, turn.runner.timezone)
    start = max(turn.today - timedelta(weeks=WEEKS) + timedelta(days=1), joined)
    history = await records.recent_completions(
        turn.session, turn.runner.id, start - timedelta(days=LOOKBACK_DAYS + 1)
    )
    reports = await records.recent_reports(
        turn.session, turn.runner.id, start - timedelta(days=REPORT_LOOKBACK_DAYS)
    )
    phases = await _phase_starts(turn)
    planned = await asyncio.to_thread(
        planned_days,
        turn.planner,
        turn.profile,
        turn.state,
        history,
        reports,
        start=start,
        end=turn.today,
        phases=phases,
    )
    return progress(planned, history, reports, turn.today, count=WEEKS)


async def _phase_starts(turn: Turn) -> list[tuple[date, Phase]]:
    """(first day, phase) from the phase history, never going back in time."""
    starts: list[tuple[date, Phase]] = []
    for row in await records.phase_history(turn.session, turn.runner.id):
        recorded = local_date_of(row.recorded_at, turn.runner.timezone)
        first = max(row.started_on, recorded)
        if starts and first < starts[-1][0]:
            first = starts[-1][0]
        starts.append((first, row.phase))
    return starts
