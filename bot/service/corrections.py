"""A runner putting right, in a message of its own, a number read the wrong way ("the 8
was how hard it felt, not my hip")."""

from __future__ import annotations

from dataclasses import replace

from bot.core.records import CompletionStatus
from bot.presentation import reports as words
from bot.service import training
from bot.service.messages import Reply
from bot.service.reports import FIX_WINDOW
from bot.service.turn import Turn
from bot.storage import records

__all__ = ["severity_was_effort"]


async def severity_was_effort(turn: Turn, effort: int) -> list[Reply] | None:
    """The number taken off the report sent just before (the report stays, unrated) and
    given to that day's session as its effort; None when the report sent within
    ``FIX_WINDOW`` carries no such number (nothing changes)."""
    found = await records.last_report(turn.session, turn.runner.id, turn.now - FIX_WINDOW)
    if found is None or found[1].severity != effort:
        return None
    report_id, old = found
    await records.amend_report(turn.session, turn.runner.id, report_id, replace(old, severity=None))
    said = words.severity_was_effort(effort, old.area)
    if not 1 <= effort <= 10:
        return [Reply(text=f"{said}.")]
    logged = await training.typed_log(
        turn, CompletionStatus.DONE, effort, None, day=old.on, answering=True
    )
    return [Reply(text=f"{said}, and logged the effort with the session."), *logged]
