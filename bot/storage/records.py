"""Completion logs, body reports and phase history: the runner's training record.

Functions take a session and never commit; completions and reports are mapped to the
core's ``Completion`` and ``BodyReport``; phase history is returned as rows (it is only
shown, never computed on).

Every write of a runner's completions or body reports also raises their
``phase_states.history_version`` in the same transaction, and notes the runner in the
session (``history_written``): the history cache (``bot.storage.history``) is right only
because of that, so a new writer of these tables must call ``_history_changed`` too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Date, Table, bindparam, case, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.records import BodyReport, Completion
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.storage.dialect import insert_for
from bot.storage.models import BodyReportRow, CompletionRow, PhaseHistoryRow, PhaseStateRow

__all__ = [
    "COMPLETION_COLUMNS",
    "COMPLETION_ORDER",
    "REPORT_COLUMNS",
    "REPORT_ORDER",
    "add_body_report",
    "amend_report",
    "body_report",
    "history_written",
    "last_report",
    "log_completion",
    "phase_history",
    "recent_completions",
    "recent_reports",
    "set_pain",
]

_DONE = CompletionRow.__table__.c
_FELT = BodyReportRow.__table__.c
_STATES = cast(Table, PhaseStateRow.__table__)
_STATE = _STATES.c
#: ``session.info`` key: the runners whose history the session's transaction changed.
_WRITTEN = "hipcoach.written_histories"
#: Oldest first (table columns, so they serve ORM and plain Core selects alike).
COMPLETION_ORDER = (_DONE.local_date, _DONE.logged_at, _DONE.id)
REPORT_ORDER = (_FELT.local_date, _FELT.reported_at, _FELT.id)
#: The columns of a ``Completion``, in its fields' order.
COMPLETION_COLUMNS = (
    _DONE.local_date,
    _DONE.category,
    _DONE.session_id,
    _DONE.status,
    _DONE.rpe,
    _DONE.note,
    _DONE.pain,
)
#: The columns ``body_report`` takes, in its parameters' order.
REPORT_COLUMNS = (
    _FELT.local_date,
    _FELT.area,
    _FELT.kind,
    _FELT.side,
    _FELT.severity,
    _FELT.red_flags,
    _FELT.worse,
)

# Plain Core reads (no ORM objects) built once: every update's plan reads both.
_RECENT_COMPLETIONS = (
    select(*COMPLETION_COLUMNS)
    .where(_DONE.runner_id == bindparam("runner_id"), _DONE.local_date >= bindparam("since"))
    .order_by(*COMPLETION_ORDER)
)
_RECENT_REPORTS = (
    select(*REPORT_COLUMNS)
    .where(_FELT.runner_id == bindparam("runner_id"), _FELT.local_date >= bindparam("since"))
    .order_by(*REPORT_ORDER)
)

#: Raise the version, leaving ``updated_at`` (the phase's own change time) as it is.
_RAISE_VERSION = (
    update(_STATES)
    .where(_STATE.runner_id == bindparam("runner"))
    .values(history_version=_STATE.history_version + 1, updated_at=_STATE.updated_at)
)

#: The same, for a log: the runner's latest logged day moves on to ``on`` if it is later.
_RAISE_VERSION_LOGGED = _RAISE_VERSION.values(
    last_logged_on=case(
        (
            or_(
                _STATE.last_logged_on.is_(None),
                _STATE.last_logged_on < bindparam("on", type_=Date()),
            ),
            bindparam("on", type_=Date()),
        ),
        else_=_STATE.last_logged_on,
    )
)


async def _history_changed(session: AsyncSession, runner_id: int) -> None:
    """Raise ``runner_id``'s history version in this transaction and note it in the session."""
    session.info.setdefault(_WRITTEN, set()).add(runner_id)
    await session.execute(_RAISE_VERSION, {"runner": runner_id})


def history_written(session: AsyncSession, runner_id: int) -> bool:
    """Whether this session wrote ``runner_id``'s completions or body reports."""
    return runner_id in session.info.get(_WRITTEN, ())


async def log_completion(
    session: AsyncSession,
    runner_id: int,
    completion: Completion,
    now: datetime,
    title: str | None = None,
) -> None:
    """Log a session done or skipped: the day's one log, replacing any earlier log that day;
    ``title``: the session's name as the runner saw it that day (for /history)."""
    values = {
        "session_id": completion.session_id,
        "category": completion.category.value,
        "status": completion.status.value,
        "rpe": completion.rpe,
        "note": completion.note,
        "title": title[:120] if title else None,
        "logged_at": now,
    }
    keys = {"runner_id": runner_id, "local_date": completion.on}
    insert = insert_for(session, CompletionRow).values(keys | values | {"pain": completion.pain})
    if not completion.done:  # pain during a session belongs to a session done
        values["pain"] = None
    await session.execute(insert.on_conflict_do_update(index_elements=list(keys), set_=values))
    session.info.setdefault(_WRITTEN, set()).add(runner_id)
    await session.execute(_RAISE_VERSION_LOGGED, {"runner": runner_id, "on": completion.on})


async def remove_completion(session: AsyncSession, runner_id: int, on: date) -> bool:
    """Take the log of ``on`` off (a log the runner says was for another day); whether
    there was one."""
    result = await session.execute(
        delete(CompletionRow).where(
            CompletionRow.runner_id == runner_id, CompletionRow.local_date == on
        )
    )
    if not cast(CursorResult[Any], result).rowcount:
        return False
    await _history_changed(session, runner_id)
    return True


async def set_pain(session: AsyncSession, runner_id: int, on: date, pain: int) -> bool:
    """Store the pain during the session logged on ``on`` (False: no such log)."""
    query = (
        update(CompletionRow)
        .where(CompletionRow.runner_id == runner_id, CompletionRow.local_date == on)
        .values(pain=pain)
    )
    result = await session.execute(query.returning(CompletionRow.id))
    if result.first() is None:
        return False
    await _history_changed(session, runner_id)
    return True


async def completion_titles(session: AsyncSession, runner_id: int, since: date) -> dict[date, str]:
    """The title each log on ``since`` or later was made under, by day (logs made before
    titles were kept have none)."""
    query = select(CompletionRow.local_date, CompletionRow.title).where(
        CompletionRow.runner_id == runner_id,
        CompletionRow.local_date >= since,
        CompletionRow.title.is_not(None),
    )
    return {day: title for day, title in await session.execute(query) if title}


async def recent_completions(
    session: AsyncSession, runner_id: int, since: date
) -> list[Completion]:
    """Completions on ``since`` or later, oldest first."""
    rows = await session.execute(_RECENT_COMPLETIONS, {"runner_id": runner_id, "since": since})
    return [Completion(*row) for row in rows]


async def add_body_report(
    session: AsyncSession, runner_id: int, report: BodyReport, text: str, now: datetime
) -> None:
    """Record a body report with the runner's own words."""
    session.add(
        BodyReportRow(
            runner_id=runner_id,
            reported_at=now,
            local_date=report.on,
            area=report.area,
            side=report.side,
            kind=report.kind,
            severity=report.severity,
            red_flags=sorted(flag.value for flag in report.red_flags),
            worse=report.worse,
            text=text,
        )
    )
    await session.flush()
    await _history_changed(session, runner_id)


async def last_report(
    session: AsyncSession, runner_id: int, since: datetime
) -> tuple[int, BodyReport] | None:
    """The runner's latest body report recorded at ``since`` or later, with its row id."""
    row = (
        await session.execute(
            select(_FELT.id, *REPORT_COLUMNS)
            .where(_FELT.runner_id == runner_id, _FELT.reported_at >= since)
            .order_by(_FELT.reported_at.desc(), _FELT.id.desc())
            .limit(1)
        )
    ).first()
    return None if row is None else (row[0], body_report(*row[1:]))


async def amend_report(
    session: AsyncSession, runner_id: int, report_id: int, report: BodyReport
) -> None:
    """Put ``report``'s area, side and severity on the stored report ``report_id`` (the
    runner corrected what they said)."""
    await session.execute(
        update(BodyReportRow)
        .where(BodyReportRow.id == report_id, BodyReportRow.runner_id == runner_id)
        .values(area=report.area, side=report.side, severity=report.severity)
    )
    await _history_changed(session, runner_id)


async def recent_reports(session: AsyncSession, runner_id: int, since: date) -> list[BodyReport]:
    """Body reports on ``since`` or later, oldest first."""
    rows = await session.execute(_RECENT_REPORTS, {"runner_id": runner_id, "since": since})
    return [body_report(*row) for row in rows]


def body_report(  # noqa: PLR0917 - the columns of REPORT_COLUMNS, in order
    on: date,
    area: Area,
    kind: ReportKind,
    side: Side,
    severity: int | None,
    flags: list[str],
    worse: bool = False,
) -> BodyReport:
    """A stored body report (``REPORT_COLUMNS``) as the core's BodyReport."""
    red_flags = frozenset(RedFlag(flag) for flag in flags)
    return BodyReport(on, area, kind, side, severity, red_flags, bool(worse))


async def phase_history(session: AsyncSession, runner_id: int) -> list[PhaseHistoryRow]:
    """The runner's phase changes with their reasons, oldest first."""
    rows = await session.scalars(
        select(PhaseHistoryRow)
        .where(PhaseHistoryRow.runner_id == runner_id)
        .order_by(PhaseHistoryRow.id)
    )
    return list(rows)
