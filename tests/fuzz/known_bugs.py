"""Known defects, as the fuzz run recognises them (none open now).

The harness is strict: every one of these is a failure. ``UNFIXED`` names the ones being
fixed on another branch right now; while a name is listed, a seed whose every failure is one
of them is reported as xfail (with the seed and step), not as a failure, so the branch stays
green. Remove a name once its fix has merged; ``HIPCOACH_FUZZ_STRICT=1`` ignores the list.
"""

from __future__ import annotations

import os
import traceback

__all__ = [
    "DONE_AFTER_PAUSE",
    "LOGGED_TWICE",
    "LONG_NAME_ON_POSTGRES",
    "NUL_ON_POSTGRES",
    "UNFIXED",
    "YEAR_9999",
    "classify",
    "tolerated",
]

DONE_AFTER_PAUSE = "issue14-2 Done after /pause: AssertionError in show_effort_question"
YEAR_9999 = "issue14-3 a pause or race late in year 9999 overflows"
NUL_ON_POSTGRES = "issue14-4 NUL characters fail on PostgreSQL"
LONG_NAME_ON_POSTGRES = "issue14-4 a first name over 128 characters fails on PostgreSQL"
LOGGED_TWICE = "issue14-5 one day logged twice"

#: Remove each once its fix is on main (then the fuzz run fails on it again).
UNFIXED: frozenset[str] = frozenset()


def classify(error: BaseException, dialect: str) -> str | None:
    """Which known finding ``error`` (escaped from the coach) is, if any."""
    frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
    files = [frame.filename for frame in traceback.extract_tb(error.__traceback__)]
    text = f"{type(error).__name__}: {error}"
    if isinstance(error, AssertionError) and "show_effort_question" in frames:
        return DONE_AFTER_PAUSE
    out_of_range = "date value out of range" in text or ("year" in text and "range" in text)
    in_core = any("/bot/core/" in name for name in files)
    if isinstance(error, OverflowError | ValueError) and out_of_range and in_core:
        return YEAR_9999
    if dialect != "postgresql":
        return None
    if "invalid byte sequence" in text or "CharacterNotInRepertoire" in text:
        return NUL_ON_POSTGRES
    if "StringDataRightTruncation" in text or "value too long" in text:
        return LONG_NAME_ON_POSTGRES
    return None


def tolerated() -> frozenset[str]:
    """The findings a run notes and goes on past: ``UNFIXED``, or none when strict."""
    return frozenset() if os.environ.get("HIPCOACH_FUZZ_STRICT") == "1" else UNFIXED
