"""Which reported areas the coach asks about in the morning (pain monitoring).

The pain-monitoring model (coaching-facts.md, "Safety": the model in practice) wants pain
after a session to settle by the next morning, so the coach asks then instead of letting a
report fade unasked: an area whose latest report needs following up (pain, soreness above
3/10, a warning sign, or worse than before: ``bot.core.monitoring.needs_follow_up``) is
asked about every morning after it, until a newer report says how it is or
``FOLLOW_UP_DAYS`` have passed. The morning reminder asks; on a rest day, when no reminder
goes out, the scheduler sends the question alone.

The pelvic floor is never asked about this way: leaking or heaviness is no pain out of
10, and its hold lasts until a clinician has checked it (docs/coaching.md, the
``PELVIC_FLOOR`` tier).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bot.core.monitoring import FOLLOW_UP_DAYS, needs_follow_up
from bot.core.records import BodyReport
from bot.core.vocabulary import Area, Side

__all__ = ["areas_to_ask_about"]


def areas_to_ask_about(reports: Iterable[BodyReport], day: date) -> list[tuple[Area, Side]]:
    """(area, side) to ask about on the morning of ``day``, from reports before that day."""
    latest: dict[Area, BodyReport] = {}
    for report in reports:  # oldest first: a later report of an area replaces an earlier
        if report.on < day:
            latest[report.area] = report
    return [
        (area, report.side)
        for area, report in sorted(latest.items())
        if (day - report.on).days < FOLLOW_UP_DAYS
        and needs_follow_up(report)
        and area is not Area.PELVIC_FLOOR
    ]
