"""A programme as reviewers read it: plain text by week, or JSON in fixed field names.

The JSON is a list of days, each ``{"date", "phase", "kind", "session_id", "title", "why",
"minutes", "foot_contacts", "exercises"}``; an exercise is ``{"id", "name", "part",
"category", "sets", "reps", "seconds", "contacts", "per_side", "intensity", "loads",
"family", "rest_seconds", "cues"}`` (the last three are extra fields: the family of work,
for coverage; the rest between sets; every coaching cue, safety ones included). A contact
drill's ``sets`` is how many sets its landings come in.
``contacts`` is the exercise's landings for the session, both legs together, and
``foot_contacts`` the day's total of them; missing values are null. Reviewers' scripts rely
on these names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from bot.core.content import Exercise, contact_sets
from bot.core.planner import DailyPlan, PlannedExercise
from bot.core.steering import EASY, EASY_RUN
from bot.core.vocabulary import Phase
from bot.presentation.doses import contacts_by_intensity, dose_text

__all__ = ["programme_json", "programme_text"]

_PARTS = {"warm_up": "warm-up", "main": "main", "cool_down": "cool-down"}
#: Before a later block's first day: the plan assumes no ratings, so the block does not step
#: up (docs/coaching.md, "next block").
_NEXT_BLOCK = (
    "-- Dynamic block {number}: a step harder only if your last "
    f"{EASY_RUN} rated jump sessions felt easy ({EASY}/10 or less). "
    "This plan has no ratings, so it starts where the last block did."
)


def _exercise(planned: PlannedExercise, exercise: Exercise) -> dict[str, Any]:
    dose = planned.amount
    impact = exercise.impact
    return {
        "id": planned.exercise_id,
        "name": planned.name,
        "part": _PARTS[planned.part.value],
        "category": exercise.category.value,
        "sets": _set_count(planned, exercise),
        "reps": dose.reps if dose else None,
        "seconds": dose.seconds if dose else None,
        "contacts": planned.contacts if impact else None,
        "per_side": dose.per_side if dose else None,
        "intensity": exercise.intensity.value if impact and exercise.intensity else None,
        "loads": sorted(area.value for area in exercise.loads),
        "family": exercise.family.value,
        "rest_seconds": planned.rest
        if dose is not None and _set_count(planned, exercise)
        else None,
        "cues": list(planned.cues),
    }


def _set_count(planned: PlannedExercise, exercise: Exercise) -> int | None:
    """Sets of the dose: for contacts, how many sets the landings are split into."""
    dose = planned.amount
    if dose is None:
        return None
    if dose.contacts is None:
        return dose.sets
    return len(contact_sets(exercise.intensity, dose))


def _day(plan: DailyPlan, exercises: Mapping[str, Exercise]) -> dict[str, Any]:
    return {
        "date": plan.on.isoformat(),
        "phase": plan.phase.value,
        "kind": plan.category.value if plan.category else "rest",
        "session_id": plan.session_id,
        "title": plan.title,
        "why": plan.why,
        "minutes": plan.minutes if plan.category else 0,
        "foot_contacts": sum(p.contacts for p in plan.exercises),
        "exercises": [_exercise(p, exercises[p.exercise_id]) for p in plan.exercises],
    }


def programme_json(
    plans: Sequence[DailyPlan], exercises: Mapping[str, Exercise]
) -> list[dict[str, Any]]:
    """The days as JSON-ready dicts, in the fixed field names above."""
    return [_day(plan, exercises) for plan in plans]


def programme_text(plans: Sequence[DailyPlan]) -> str:
    """The days as plain text, a heading per week, one line per exercise. Weeks count from
    the first day, as the bot's do ("week 1 of your base phase" starts the day set-up ends)."""
    lines: list[str] = []
    first = plans[0].on if plans else None
    blocks, before = 0, None
    for plan in plans:
        assert first is not None
        number, offset = divmod((plan.on - first).days, 7)
        if offset == 0:
            last = plan.on + timedelta(days=6)
            heading = f"== Week {number + 1}: {plan.on:%a %d %b} to {last:%a %d %b %Y}"
            lines += ["", heading] if lines else [heading]
        if plan.phase is Phase.DYNAMIC_BLOCK and before is not Phase.DYNAMIC_BLOCK:
            blocks += 1
            if blocks > 1:
                lines.append(_NEXT_BLOCK.format(number=blocks))
        before = plan.phase
        kind = plan.category.value if plan.category else "rest"
        contacts = sum(p.contacts for p in plan.exercises)
        extent = f", {plan.minutes} min" if plan.category else ""
        landings = f", {contacts} foot contacts" if contacts else ""
        head = f"{plan.on:%a %d %b}  [{plan.phase.value}] {kind}: {plan.title}"
        lines.append(head + extent + landings)
        lines.append(f"    why: {plan.why}")
        lines += [f"    tip: {tip}" for tip in plan.tips]
        for planned in plan.exercises:
            part = _PARTS[planned.part.value]
            lines.append(f"    - {part:9} {planned.name}: {dose_text(planned)}")
            lines += [f"                · {cue}" for cue in planned.cues]
        if landings := contacts_by_intensity(plan.exercises):
            lines.append(f"    contacts: {landings}")
        lines += [f"    note: {note}" for note in plan.adjustments]
    return "\n".join(lines).strip() + "\n"
