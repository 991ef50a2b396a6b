"""The separate problems behind a recovery hold: each warning-sign report that still holds
its area, so /clear can name one ("your right knee that gave way") and lift it alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.core.records import BodyReport
from bot.core.triage import Tier, hold_areas, stops_running, triage
from bot.core.vocabulary import Area, RedFlag, Side
from bot.service.turn import Turn
from bot.storage import records

__all__ = ["Problem", "held_problems", "problems_from"]

#: How far back a hold's warning signs are looked up.
HOLD_MEMORY = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Problem:
    """One held problem: where it was reported, its signs, and the held areas it holds."""

    area: Area
    side: Side
    signs: frozenset[RedFlag]
    tier: Tier
    areas: frozenset[Area]
    #: The day its latest warning sign was reported (None: no report, a whole-body sign).
    reported_on: date | None = None

    @property
    def no_running(self) -> bool:
        """Whether it keeps running out too (a bone-stress sign, a joint that gave way)."""
        return stops_running(self.signs, self.tier)


async def held_problems(turn: Turn) -> list[Problem]:
    """The runner's held problems, the most urgent first."""
    since = turn.today - HOLD_MEMORY
    reports = await records.recent_reports(turn.session, turn.runner.id, since)
    return problems_from(reports, turn.state.held_areas)


def problems_from(reports: Sequence[BodyReport], held: frozenset[Area]) -> list[Problem]:
    """Each held area's problem from ``reports`` (oldest first).

    A report's signs gather on its area until a report of no sign at 0/10 (every return
    check passed, or "fine now") starts it afresh. Held areas no warning sign explains are
    one problem together; with the whole leg among them it is a sign of the whole body
    (chest pain or fainting stores no report), which needs a doctor's go-ahead.
    """
    signs: dict[Area, frozenset[RedFlag]] = {}
    sides: dict[Area, Side] = {}
    days: dict[Area, date] = {}
    for report in reports:
        if not report.red_flags:
            if report.severity == 0:
                signs.pop(report.area, None)
            continue
        signs[report.area] = signs.get(report.area, frozenset()) | report.red_flags
        days[report.area] = report.on  # oldest first: the latest sign's day stays
        if report.side is not Side.NONE or report.area not in sides:
            sides[report.area] = report.side
    found: list[Problem] = []
    for area, flags in signs.items():
        if area not in held:
            continue
        tier = triage(flags, sides[area], area)
        areas = hold_areas(area, tier) & held
        found.append(Problem(area, sides[area], flags, tier, areas, days[area]))
    covered = frozenset().union(*(problem.areas for problem in found))
    if rest := held - covered:
        if Area.LEG in rest:  # the whole leg held with no report: a sign of the whole body
            whole = frozenset({RedFlag.HEART_SIGNS})
            found.append(Problem(Area.LEG, Side.NONE, whole, Tier.EMERGENCY, rest))
        else:
            first = min(rest, key=lambda a: (a is Area.LOWER_BACK, a.value))
            found.append(Problem(first, Side.NONE, frozenset(), Tier.HOLD, rest))
    return sorted(found, key=lambda p: (-p.tier, p.area.value))


def lifted_by(problem: Problem, problems: Sequence[Problem]) -> frozenset[Area]:
    """The areas clearing ``problem`` lifts: its own, less any another problem still holds."""
    others = frozenset().union(*(p.areas for p in problems if p != problem))
    return problem.areas - others
