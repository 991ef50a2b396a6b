"""Turn body reports into what the plan may load today.

The rules follow the pain-monitoring model in coaching-facts.md: soreness 0-3/10 is fine,
4-5/10 is a warning (``caution``: no jump work that loads the area and no strength work
aimed at it; mobility stays), above 5/10 or any pain means nothing that loads the area,
and a red flag stops dynamic work and points to a physio. Which report still counts, and
which is worse than before, is ``bot.core.monitoring``'s: a report worse the next morning
(or rising week on week) unloads its area.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.core.monitoring import (
    ACCEPTABLE_SORENESS,
    REPORT_LOOKBACK_DAYS,
    REPORT_MEMORY_DAYS,
    WORSE_NO_LOAD_DAYS,
    active_reports,
    within,
    worsened,
)
from bot.core.records import BodyReport
from bot.core.triage import (
    NEIGHBOURS,
    hold_areas,
    protected,
    stops_running,
    triage,
    whole_leg_off,
)
from bot.core.vocabulary import Area, RedFlag, ReportKind, listed

__all__ = [
    "ACCEPTABLE_SORENESS",
    "FRESH_INJURY_DAYS",
    "JOINT_INJURY_SIGNS",
    "NO_RESTRICTIONS",
    "PELVIC_FLOOR_REASON",
    "REPORT_LOOKBACK_DAYS",
    "REPORT_MEMORY_DAYS",
    "WARNING_SORENESS",
    "Restrictions",
    "restrictions_for",
]

WARNING_SORENESS = 5

#: Why a held pelvic floor changes the plan: its sign keeps impact out until a clinician
#: has checked it (coaching-facts.md, "Safety": hops and bounds without pain, leaking or
#: heaviness).
PELVIC_FLOOR_REASON = (
    "pelvic floor: leaking or heaviness, so no hops, jumps, skips or bounds until a "
    "pelvic health physio has checked it"
)


@dataclass(frozen=True, slots=True)
class Restrictions:
    """Areas to stretch, to spare in jump and strength work (``caution``), and not to
    load at all."""

    tight: frozenset[Area] = field(default_factory=frozenset)
    caution: frozenset[Area] = field(default_factory=frozenset)
    no_load: frozenset[Area] = field(default_factory=frozenset)
    red_flags: frozenset[RedFlag] = field(default_factory=frozenset)
    red_flag_areas: frozenset[Area] = field(default_factory=frozenset)
    reasons: tuple[str, ...] = ()
    #: A hold takes every lower-limb load out: the day is only what is still safe.
    whole_leg_off: bool = False
    #: The stage of the graded way back (``bot.core.comeback.Stage``; 4: the normal dose).
    way_back: int = 4
    #: The health screen keeps impact work out (pregnancy, the first weeks after a birth).
    no_impact: bool = False
    #: A joint swelled, gave way, locked or was hurt in a fall today or yesterday: the day
    #: is gentle mobility, no strength work (``FRESH_INJURY_DAYS``).
    fresh_joint_injury: bool = False

    @property
    def blocks_dynamic(self) -> bool:
        """Red flags (or an area on hold) rule out all dynamic work."""
        return bool(self.red_flags or self.red_flag_areas)

    @property
    def no_running(self) -> bool:
        """A warning sign whose advice is to stop running for now (a suspected bone stress
        injury, an emergency sign, a joint that gave way): no line assumes the runner's
        running week."""
        return stops_running(self.red_flags, triage(self.red_flags))

    @property
    def any(self) -> bool:
        """Whether anything limits or adds to today's plan."""
        return bool(
            self.tight or self.caution or self.no_load or self.blocks_dynamic or self.no_impact
        )


#: No limits at all: nothing reported lately and nothing on hold (one shared value).
NO_RESTRICTIONS = Restrictions()


#: Signs of a joint just hurt: for ``FRESH_INJURY_DAYS`` (the day and the next) the plan is
#: gentle mobility only, no standing strength work on a joint that may give way again.
JOINT_INJURY_SIGNS: frozenset[RedFlag] = frozenset(
    {RedFlag.SWELLING, RedFlag.GIVING_WAY, RedFlag.LOCKING, RedFlag.AFTER_FALL}
)
FRESH_INJURY_DAYS = 2
#: The joints ``JOINT_INJURY_SIGNS`` are read at (a swollen calf is no joint just hurt).
JOINT_AREAS: frozenset[Area] = frozenset({Area.KNEE, Area.ANKLE, Area.HIPS, Area.FOOT})


def _leg_whole(areas: set[Area]) -> set[Area]:
    """ "My leg is sore 6/10": the leg is every part of it."""
    return areas | NEIGHBOURS[Area.LEG] if Area.LEG in areas else areas


def restrictions_for(
    reports: Iterable[BodyReport], held_areas: frozenset[Area], today: date
) -> Restrictions:
    """Summarise recent reports (the latest per area that still counts wins: see
    ``bot.core.monitoring``) plus areas on a recovery hold."""
    reports = [r for r in reports if r.on > today - timedelta(days=REPORT_LOOKBACK_DAYS)]
    if not reports and not held_areas:
        return NO_RESTRICTIONS
    latest = active_reports(reports, today)
    tight: set[Area] = set()
    caution: set[Area] = set()
    no_load: set[Area] = set(held_areas)
    flags: set[RedFlag] = set()
    flag_areas: set[Area] = set(held_areas)
    reasons: list[str] = []
    for area, report in latest.items():
        severity = report.severity
        if report.red_flags:
            flags |= report.red_flags
            flag_areas |= hold_areas(area, triage(report.red_flags, report.side, area))
            no_load.add(area)
            reasons.append(
                f"{area.label}: impact kept off on a clinician's advice"
                if report.red_flags == {RedFlag.CLINICIAN_HOLD}
                else PELVIC_FLOOR_REASON
                if area is Area.PELVIC_FLOOR
                else f"{area.label}: a warning sign, so nothing loads {area.it}"
            )
        elif worsened(report, reports):
            no_load.add(area)
            settles = "they settle" if area.it == "them" else "it settles"
            reasons.append(
                f"{area.label} worse than before: nothing loads {area.it} until {settles}"
            )
        elif report.kind is ReportKind.PAIN:
            no_load.add(area)
            reasons.append(f"{area.label} pain: nothing today loads {area.it}")
        elif severity is not None and severity > WARNING_SORENESS:
            no_load.add(area)
            reasons.append(f"{area.label} at {severity}/10: nothing today loads {area.it}")
        elif report.kind is ReportKind.SORENESS and (
            severity is None or severity > ACCEPTABLE_SORENESS
        ):
            caution.add(area)
            level = f" at {severity}/10" if severity is not None else ""
            reasons.append(
                f"{area.label} sore{level}: no jumps or strength work aimed at {area.it}"
            )
        elif report.kind is ReportKind.TIGHTNESS:
            tight.add(area)
    for report in reports:  # worse than before: unloaded the next day too, whatever follows
        fresh = within(report, today, WORSE_NO_LOAD_DAYS)
        if report.area not in no_load and fresh and worsened(report, reports):
            no_load.add(report.area)
            reasons.append(
                f"{report.area.label} was worse than before: nothing loads {report.area.it} today"
            )
    for area in sorted(held_areas - latest.keys()):
        reasons.append(
            PELVIC_FLOOR_REASON
            if area is Area.PELVIC_FLOOR
            else f"{area.label}: on hold until it passes the return checks (/clear)"
        )
    guarded = protected(flag_areas)
    no_load |= guarded
    no_load, caution = _leg_whole(no_load), _leg_whole(caution)
    leg_off = whole_leg_off(flag_areas)
    if leg_off:
        reasons.append("the hold spares your whole leg, hip to toes")
    elif guarded - flag_areas:
        neighbours = listed(a.label for a in sorted(guarded - flag_areas))
        reasons.append(f"the hold also spares your {neighbours}")
    if flag_areas:  # a hold's message never also offers extra mobility
        tight.clear()
    reasons.extend(f"{a.label} tight: extra mobility for it" for a in sorted(tight - no_load))
    fresh = any(
        report.on > today - timedelta(days=FRESH_INJURY_DAYS)
        and report.area in JOINT_AREAS
        and not report.red_flags.isdisjoint(JOINT_INJURY_SIGNS)
        for report in latest.values()
    )
    return Restrictions(
        fresh_joint_injury=fresh,
        whole_leg_off=leg_off,
        tight=frozenset(tight - no_load),
        caution=frozenset(caution - no_load),
        no_load=frozenset(no_load),
        red_flags=frozenset(flags),
        red_flag_areas=frozenset(flag_areas),
        reasons=tuple(reasons),
    )
