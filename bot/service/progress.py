"""/progress: a chart of the last 12 weeks and the numbers in words."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, timedelta
from html import escape

from bot.core.progress import Progress, planned_days, progress, progress_summary
from bot.core.restrictions import REPORT_MEMORY_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.timing import local_date_of
from bot.core.vocabulary import Phase
from bot.presentation.charts import render_progress_chart
from bot.service.messages import Reply
from bot.service.turn import Turn
from bot.storage import records

__all__ = ["progress_reply"]

log = logging.getLogger(__name__)
WEEKS = 12


async def progress_reply(turn: Turn) -> list[Reply]:
    """The chart with the summary as its caption; the summary alone when there is no data."""
    numbers = await _numbers(turn)
    summary = f"<b>Your last {WEEKS} weeks</b>\n{escape(progress_summary(numbers), quote=False)}"
    if not numbers.has_data:
        return [Reply(text=summary)]
    try:
        photo = await render_progress_chart(numbers)
    except Exception:  # a chart is a nice-to-have: the numbers still go out as text
        log.exception("progress chart failed")
        photo = None
    return [Reply(text=summary, photo=photo)]


async def _numbers(turn: Turn) -> Progress:
    joined = local_date_of(turn.runner.created_at, turn.runner.timezone)
    start = max(turn.today - timedelta(weeks=WEEKS) + timedelta(days=1), joined)
    history = await records.recent_completions(
        turn.session, turn.runner.id, start - timedelta(days=LOOKBACK_DAYS + 1)
    )
    reports = await records.recent_reports(
        turn.session, turn.runner.id, start - timedelta(days=REPORT_MEMORY_DAYS)
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
