"""How the last dynamic sessions steer the next one: session RPE and worse-than-before pain.

Session RPE (Foster 2001, coaching-facts.md "Programme design"): the effort 0-10 a runner
gives after a session is a reason to adjust. The pain-monitoring model ("Safety": the model
in practice): pain worse the next morning, or rising week on week, means reduce load.

- **Step back** (fewer contacts, the easier variant of each jump): the last dynamic session
  done was rated ``VERY_HARD`` (9/10) or more, or ``EARLY_HARD`` (8/10) or more in a
  beginner's first weeks of jump work (the first two weeks of the first dynamic block); or
  an area was reported worse than before and no dynamic session was done since.
- **Step up** (a few more contacts, never past the level's contact range: the planner's
  ``STEP_UP_CONTACTS``): the last
  ``EASY_RUN`` dynamic sessions done were all rated ``EASY`` (4/10) or less, and nothing
  is sore, painful or on hold.
- Otherwise, and always when the sessions carry no rating, nothing changes.

One step, for the next dynamic session only: once it is done, its own rating (or its lack)
decides the one after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.core.monitoring import FOLLOW_UP_DAYS, worse_reports
from bot.core.records import BodyReport, Completion
from bot.core.vocabulary import Category, Level

__all__ = [
    "EARLY_HARD",
    "EASY",
    "EASY_RUN",
    "STEP_BACK_FACTOR",
    "VERY_HARD",
    "Steer",
    "Step",
    "steer",
]

VERY_HARD = 9
#: A beginner's first weeks of impact work step back from 8/10.
EARLY_HARD = 8
EASY = 4
#: Dynamic sessions in a row rated easy before a step up.
EASY_RUN = 3
#: A step back scales the main part's contacts by this (and takes the easier variants).
STEP_BACK_FACTOR = 0.75


class Step(StrEnum):
    """Which way the next dynamic session moves."""

    BACK = "back"
    UP = "up"


@dataclass(frozen=True, slots=True)
class Steer:
    """A step for the next dynamic session, and why, in a sentence for the runner."""

    step: Step
    why: str


def _dynamic_done(history: Sequence[Completion], today: date) -> list[Completion]:
    """Dynamic sessions done before ``today``, oldest first."""
    done = [c for c in history if c.done and c.category is Category.DYNAMIC and c.on < today]
    return sorted(done, key=lambda c: c.on)


def steer(
    level: Level,
    history: Sequence[Completion],
    reports: Sequence[BodyReport],
    today: date,
    *,
    early: bool = False,
    sore: bool = False,
) -> Steer | None:
    """The step for a dynamic session on ``today`` (None: as planned).

    ``early``: the runner's first weeks of jump work; ``sore``: something today is sore,
    painful or on hold (no step up then).
    """
    done = _dynamic_done(history, today)
    since = today - timedelta(days=FOLLOW_UP_DAYS - 1)
    for report in reversed(worse_reports(reports, since, today)):
        if not any(report.on <= c.on for c in done):
            return Steer(
                Step.BACK,
                f"Your {report.area.label} was worse than before, so today's jumps are lighter.",
            )
    last = done[-1] if done else None
    if last is not None and last.rpe is not None:
        hard = EARLY_HARD if early and level is Level.BEGINNER else VERY_HARD
        if last.rpe >= hard:
            return Steer(
                Step.BACK,
                f"Your last jump session felt very hard ({last.rpe}/10), so today is lighter.",
            )
    recent = done[-EASY_RUN:]
    if (
        not sore
        and len(recent) == EASY_RUN
        and all(c.rpe is not None and c.rpe <= EASY for c in recent)
    ):
        return Steer(
            Step.UP,
            f"Your last {EASY_RUN} jump sessions felt easy, so today has a few more contacts.",
        )
    return None
