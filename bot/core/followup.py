"""Which reported areas the next morning's reminder asks about (pain monitoring).

The pain-monitoring model (coaching-facts.md, "Safety": the model in practice) wants pain
after a session to settle by the next morning, so the coach asks then instead of letting a
report fade unasked: an area whose latest report of the last days is pain, soreness above
3/10 or a warning sign is asked about, until a newer report says how it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from bot.core.records import BodyReport
from bot.core.restrictions import ACCEPTABLE_SORENESS, REPORT_MEMORY_DAYS
from bot.core.vocabulary import Area, ReportKind, Side

__all__ = ["areas_to_ask_about"]


def areas_to_ask_about(reports: Iterable[BodyReport], day: date) -> list[tuple[Area, Side]]:
    """(area, side) to ask about on the morning of ``day``, from reports before that day."""
    since = day - timedelta(days=REPORT_MEMORY_DAYS)
    latest: dict[Area, BodyReport] = {}
    for report in reports:  # oldest first: a later report of an area replaces an earlier
        if since <= report.on < day:
            latest[report.area] = report
    return [
        (area, report.side)
        for area, report in sorted(latest.items())
        if report.red_flags
        or report.kind is ReportKind.PAIN
        or (report.severity is not None and report.severity > ACCEPTABLE_SORENESS)
    ]
