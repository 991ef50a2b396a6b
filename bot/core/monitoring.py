"""Pain monitoring over days: which report of an area still counts, which ones are worse
than before, and which are followed up until they settle.

The pain-monitoring model in practice (coaching-facts.md, "Safety"; Silbernagel 2007): pain
after loading must settle by the next morning, morning pain or stiffness must not be worse
than before, and there is no week-on-week worsening. So:

- A report that needs following up (pain, soreness above 3/10, a warning sign, or worse
  than before) counts for ``FOLLOW_UP_DAYS`` (its day and the six after), not the
  ``REPORT_MEMORY_DAYS`` of a mild report, until a newer report of the area replaces it
  ("calf 2/10", "calf fine now"). A week is the model's own unit of comparison, and pain
  still there after a week unasked would be the silent expiry this rule removes.
- A report is *worse* when the runner says so ("worse next morning", "stiffer this
  morning", "worse than yesterday") or when its number is above the area's number of about
  a week before (6-8 days) and outside the safe zone (above 2/10).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.core.records import BodyReport
from bot.core.vocabulary import Area, ReportKind

__all__ = [
    "ACCEPTABLE_SORENESS",
    "FOLLOW_UP_DAYS",
    "REPORT_LOOKBACK_DAYS",
    "REPORT_MEMORY_DAYS",
    "SAFE_PAIN",
    "WEEK_BEFORE",
    "WORSE_NO_LOAD_DAYS",
    "active_reports",
    "needs_follow_up",
    "within",
    "worse_reports",
    "worsened",
]

#: A mild report (tightness, soreness up to 3/10) shapes the plan on its day and the two after.
REPORT_MEMORY_DAYS = 3
#: A report that needs following up counts on its day and the six after, unless replaced.
FOLLOW_UP_DAYS = 7
#: "About a week before": the area's report this many days earlier is compared.
WEEK_BEFORE = range(6, 9)
#: Days of reports the rules read (a followed-up report and the week before it).
REPORT_LOOKBACK_DAYS = FOLLOW_UP_DAYS + WEEK_BEFORE[-1]
#: A worse report keeps its area unloaded on its day and the next, whatever comes after.
WORSE_NO_LOAD_DAYS = 2
ACCEPTABLE_SORENESS = 3
#: The model's safe zone (0-2/10): a rise within it is no worsening.
SAFE_PAIN = 2


def needs_follow_up(report: BodyReport) -> bool:
    """Pain, soreness above 3/10, a warning sign, or worse than before: asked about until
    a newer report says how it is."""
    return bool(
        report.red_flags
        or report.worse
        or report.kind is ReportKind.PAIN
        or (report.severity is not None and report.severity > ACCEPTABLE_SORENESS)
    )


def _memory_days(report: BodyReport) -> int:
    return FOLLOW_UP_DAYS if needs_follow_up(report) else REPORT_MEMORY_DAYS


def worsened(report: BodyReport, earlier: Sequence[BodyReport]) -> bool:
    """Whether ``report`` is worse than before: said so, or a rise on about a week before."""
    if report.worse:
        return True
    if report.severity is None or report.severity <= SAFE_PAIN:
        return False
    week_before = [
        r
        for r in earlier
        if r.area is report.area
        and r.severity is not None
        and (report.on - r.on).days in WEEK_BEFORE
    ]
    if not week_before:
        return False
    last = max(week_before, key=lambda r: r.on)  # the latest of that week's reports
    assert last.severity is not None
    return report.severity > last.severity


def active_reports(reports: Iterable[BodyReport], today: date) -> dict[Area, BodyReport]:
    """Each area's latest report up to ``today``, when it still counts today."""
    latest: dict[Area, BodyReport] = {}
    for report in reports:
        if report.on <= today:
            current = latest.get(report.area)
            if current is None or report.on >= current.on:
                latest[report.area] = report
    return {
        area: report
        for area, report in latest.items()
        if (today - report.on).days < _memory_days(report)
    }


def worse_reports(reports: Sequence[BodyReport], since: date, until: date) -> list[BodyReport]:
    """The reports from ``since`` to ``until`` (inclusive) that are worse than before."""
    return [
        report for report in reports if since <= report.on <= until and worsened(report, reports)
    ]


def within(report: BodyReport, today: date, days: int) -> bool:
    """Whether ``today`` is the report's day or one of the ``days - 1`` after it."""
    return report.on <= today < report.on + timedelta(days=days)
