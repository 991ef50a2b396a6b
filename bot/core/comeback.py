"""The graded way back: after a hold, a long pause or a long break, impact returns in stages.

Facts (coaching-facts.md, "Safety"): a way back is graded, and each step is taken only when
the last one went at pain 2/10 or less (the return checks' bar) and settled by the next
morning (the pain-monitoring model in practice). The stages, in order:

1. mobility only;
2. static strength, no impact;
3. low-intensity hops (two-footed ankle and pogo hops) with a small contact count;
4. the block's normal dose (the way back is over).

A runner at a stage stays there until they say how a session at it went: pain 2/10 or less
during it, then settled the next morning. Saying nothing keeps the stage (the coach asks).
The stage lives in the phase state (``way_back_stage``, ``way_back_since`` and
``way_back_passed_on``), so it survives restarts and the planner reads it like the phase.

Pure: the day is always an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from bot.core.content import Exercise
from bot.core.phases import PhaseState
from bot.core.phases.timeline import WAY_BACK_AFTER_DAYS
from bot.core.records import BodyReport
from bot.core.restrictions import REPORT_MEMORY_DAYS
from bot.core.triage import PASSING_PAIN
from bot.core.vocabulary import Category, Phase

__all__ = [
    "LOW_HOPS",
    "LOW_HOP_CONTACTS",
    "MAX_PAIN",
    "PASSING_PAIN",
    "REPORT_PAIN",
    "SESSION_OF",
    "WAY_BACK_AFTER_DAYS",
    "Feel",
    "Stage",
    "after_break",
    "after_morning",
    "after_session",
    "allows",
    "asks_pain",
    "awaiting_morning",
    "begin",
    "gap_closed",
    "session_logged",
    "stage_of",
]

#: At stage 3 all impact work together stays at or under this many foot contacts.
LOW_HOP_CONTACTS = 30
#: The only impact work at stage 3: two-footed hops on the spot (NSCA: low intensity).
LOW_HOPS = frozenset({"ankle-hops", "pogo-hops"})
#: Pain during a session above this goes to the report and triage path.
REPORT_PAIN = 5
#: The top of the 0-10 scale.
MAX_PAIN = 10
#: Phases the way back applies in (a break from them starts it; the planner obeys it).
_TRAINING = frozenset(
    {
        Phase.BASE,
        Phase.DYNAMIC_BLOCK,
        Phase.REST_PHASE,
        Phase.RACE_SEASON,
        Phase.POST_RACE_RECOVERY,
    }
)


class Stage(IntEnum):
    """A stage of the way back; ``FULL`` is the block's normal dose (no way back)."""

    MOBILITY = 1
    STATIC = 2
    LOW_HOPS = 3
    FULL = 4


class Feel(StrEnum):
    """How it feels the morning after, compared with before."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


#: The kind of session each stage prescribes (when the phase allows it).
SESSION_OF: dict[Stage, Category] = {
    Stage.MOBILITY: Category.MOBILITY,
    Stage.STATIC: Category.STATIC,
    Stage.LOW_HOPS: Category.DYNAMIC,
}


def stage_of(state: PhaseState) -> Stage:
    """The runner's stage (``FULL`` when not on the way back, or away on a pause or hold)."""
    if state.way_back_stage is None or state.phase not in _TRAINING:
        return Stage.FULL
    return Stage(min(max(state.way_back_stage, Stage.MOBILITY), Stage.FULL))


def allows(stage: Stage, exercise: Exercise) -> bool:
    """Whether ``exercise`` may be prescribed at ``stage`` (in any part of a session).

    Stages 1 and 2: no impact and no other dynamic work; stage 3: impact only as low hops.
    """
    if stage is Stage.FULL:
        return True
    if stage < Stage.LOW_HOPS:
        return not exercise.impact and exercise.category is not Category.DYNAMIC
    return not exercise.impact or exercise.id in LOW_HOPS


def asks_pain(
    category: Category, state: PhaseState, reports: Iterable[BodyReport], day: date
) -> bool:
    """Whether the Done flow asks about pain during the session of ``day``: a dynamic
    session, any session on the way back, or one with a report in the last three days."""
    since = day - timedelta(days=REPORT_MEMORY_DAYS - 1)
    return (
        category is Category.DYNAMIC
        or stage_of(state) is not Stage.FULL
        or any(since <= report.on <= day for report in reports)
    )


def begin(
    state: PhaseState, today: date, stage: Stage = Stage.MOBILITY, *, from_gap: bool = False
) -> PhaseState:
    """Start the way back on ``today`` at ``stage`` (stage 1 unless said); ``from_gap``:
    after days without logs."""
    return replace(
        state,
        way_back_stage=int(stage),
        way_back_since=today,
        way_back_passed_on=None,
        way_back_from_gap=from_gap,
    )


def after_impact_break(state: PhaseState, today: date) -> PhaseState:
    """Impact returns after a pregnancy or a birth: the way back from low hops (mobility
    and strength went on meanwhile), unless the runner is already at an earlier stage."""
    current = stage_of(state)
    if current is not Stage.FULL and current <= Stage.LOW_HOPS:
        return state
    return begin(state, today, Stage.LOW_HOPS)


def after_break(state: PhaseState, last_logged: date | None, today: date) -> PhaseState | None:
    """The way back begun after a break of more than 7 days without logs, or None.

    Only a runner who has logged before, is training (not on a pause or hold, which start
    it their own way) and is not on the way back already.
    """
    if (
        last_logged is None
        or state.phase not in _TRAINING
        or state.way_back_stage is not None
        or (today - last_logged).days <= WAY_BACK_AFTER_DAYS
    ):
        return None
    return begin(state, today, from_gap=True)


def _ended(state: PhaseState) -> PhaseState:
    """``state`` with no way back."""
    return replace(
        state,
        way_back_stage=None,
        way_back_since=None,
        way_back_passed_on=None,
        way_back_from_gap=False,
    )


def gap_closed(state: PhaseState, logged_before: date | None, today: date) -> PhaseState | None:
    """The way back begun today after days without logs, called off once the days away are
    logged after all (told late): ``logged_before`` is the latest logged day before today.
    None when it stands (begun another day, a stage passed, or still more than 7 days)."""
    if (
        not state.way_back_from_gap
        or state.way_back_stage != int(Stage.MOBILITY)
        or state.way_back_since != today
        or state.way_back_passed_on is not None
        or logged_before is None
        or (today - logged_before).days > WAY_BACK_AFTER_DAYS
    ):
        return None
    return _ended(state)


def after_session(state: PhaseState, day: date, pain: int) -> PhaseState:
    """The runner said how a session done on ``day`` went: pain ``pain``/10 during it.

    A session at the current stage at 2/10 or less waits for the next morning's check;
    more keeps the stage, and a later session at it is the next try.
    """
    stage = stage_of(state)
    if stage is Stage.FULL or state.way_back_since is None or day < state.way_back_since:
        return state
    passed = day if pain <= PASSING_PAIN else None
    return replace(state, way_back_passed_on=passed)


def session_logged(state: PhaseState, day: date) -> PhaseState:
    """A new session done on ``day`` at the stage becomes "the last one": an earlier
    session's pass no longer counts until this one is rated too."""
    passed = state.way_back_passed_on
    if stage_of(state) is Stage.FULL or passed is None or passed >= day:
        return state
    return replace(state, way_back_passed_on=None)


def awaiting_morning(state: PhaseState, today: date) -> date | None:
    """The day of the stage session whose next morning is to be asked about, or None."""
    passed = state.way_back_passed_on
    if stage_of(state) is Stage.FULL or passed is None or passed >= today:
        return None
    return passed


def after_morning(state: PhaseState, feel: Feel, today: date) -> PhaseState:
    """The morning after a stage session went at 2/10 or less: settled unlocks the next
    stage (from ``today``); the same or worse keeps the stage, to be tried again."""
    if awaiting_morning(state, today) is None:
        return state
    if feel is not Feel.BETTER:
        return replace(state, way_back_passed_on=None)
    following = Stage(stage_of(state) + 1)
    if following is Stage.FULL:
        return _ended(state)
    return replace(
        state, way_back_stage=int(following), way_back_since=today, way_back_passed_on=None
    )
