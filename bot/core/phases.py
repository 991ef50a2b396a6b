"""The per-runner training-phase state machine, as pure functions of (state, event, date).

Diagram: docs/phases.md (keep it in step with this module).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.vocabulary import Area, Phase

__all__ = [
    "Cleared",
    "DayPassed",
    "Event",
    "InvalidTransition",
    "OnboardingFinished",
    "PauseRequested",
    "PhaseChangeRequested",
    "PhaseState",
    "RaceDateCleared",
    "RaceDateSet",
    "ReportReceived",
    "ResumeRequested",
    "Transition",
    "transition",
]


@dataclass(frozen=True, slots=True)
class PhaseState:
    """One runner's place in the training cycle.

    ``block_number`` counts dynamic blocks begun (1 = first block); each new block is one
    step harder. ``resume_phase``/``resume_started_on`` remember what a pause or a recovery
    hold interrupted. ``held_areas`` are the areas a red-flag report took out of loading.
    """

    phase: Phase
    started_on: date
    block_number: int = 0
    block_weeks: int = 7
    race_date: date | None = None
    race_weeks_before: int = 3
    paused_until: date | None = None
    resume_phase: Phase | None = None
    resume_started_on: date | None = None
    held_areas: frozenset[Area] = field(default_factory=frozenset)
    newcomer: bool = True


class InvalidTransition(ValueError):
    """An event that makes no sense in the current state; the message is for the runner."""


@dataclass(frozen=True, slots=True)
class Transition:
    """The result of an event: the new state and a reason the runner can read.

    ``changed`` is False when the event left the phase as it was (the state may still
    have recorded something, such as a race date).
    """

    state: PhaseState
    reason: str
    changed: bool


@dataclass(frozen=True, slots=True)
class DayPassed:
    """A new local day began; time-based transitions happen here."""


@dataclass(frozen=True, slots=True)
class OnboardingFinished:
    """Onboarding is over; ``newcomer`` runners get two base weeks, others one."""

    newcomer: bool = True


@dataclass(frozen=True, slots=True)
class RaceDateSet:
    """The runner set (or moved) a race date."""

    race_date: date
    weeks_before: int = 3


@dataclass(frozen=True, slots=True)
class RaceDateCleared:
    """The runner removed their race date."""


@dataclass(frozen=True, slots=True)
class ReportReceived:
    """A body report arrived; only a red flag changes the phase (to a recovery hold)."""

    area: Area
    red_flag: bool


@dataclass(frozen=True, slots=True)
class Cleared:
    """The runner says an area (or, with ``area=None``, everything) is fine again."""

    area: Area | None = None


@dataclass(frozen=True, slots=True)
class PauseRequested:
    """A break (holiday, illness) until and including ``until``."""

    until: date


@dataclass(frozen=True, slots=True)
class ResumeRequested:
    """The runner is back before the pause ends."""


@dataclass(frozen=True, slots=True)
class PhaseChangeRequested:
    """The runner asks to move to another phase."""

    target: Phase


Event = (
    DayPassed
    | OnboardingFinished
    | RaceDateSet
    | RaceDateCleared
    | ReportReceived
    | Cleared
    | PauseRequested
    | ResumeRequested
    | PhaseChangeRequested
)


def transition(state: PhaseState, event: Event, today: date) -> Transition:
    """Apply ``event`` on ``today`` to ``state``; raise InvalidTransition if it makes no sense."""
    raise NotImplementedError
