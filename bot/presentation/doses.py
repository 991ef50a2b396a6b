"""How much of an exercise, in words a runner can follow: sets, reps, holds or foot contacts,
per leg where it is, and the rest between sets.

"3 × 8 reps each leg, rest 60 s between sets"; "35 foot contacts in sets of 20 + 15, rest 45 s
between sets"; "20 foot contacts, 10 a leg in 2 sets of 5, rest 90 s between sets".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.core.content import contact_sets
from bot.core.planner import PlannedExercise
from bot.core.vocabulary import Family, Intensity

__all__ = ["contacts_by_intensity", "dose_text"]

#: Families whose one-sided work is "each side" (arms and trunk), not "each leg".
_SIDE_FAMILIES = frozenset({Family.TRUNK, Family.SPINE_MOBILITY})


def _side(item: PlannedExercise) -> str:
    if item.family in _SIDE_FAMILIES or "plank" in item.name.lower():
        return "each side"
    return "each leg"


def _sets(counts: Sequence[int]) -> str:
    if len(counts) == 1:
        return "in one set"
    if len(set(counts)) == 1:
        return f"in {len(counts)} sets of {counts[0]}"
    return "in sets of " + " + ".join(str(count) for count in counts)


def dose_text(item: PlannedExercise) -> str:
    """The item's dose in full, rest included; the core's short form without its parts."""
    dose = item.amount
    if dose is None:
        return item.dose
    rest = f", rest {item.rest} s between sets" if item.rest else ""
    if dose.contacts is not None:
        counts = contact_sets(item.intensity, dose)
        total = dose.total_contacts
        if dose.per_side:
            text = f"{total} foot contacts, {dose.contacts} a leg {_sets(counts)}"
        else:
            text = f"{total} foot contacts {_sets(counts)}"
        return text + (rest if len(counts) > 1 else "")
    side = f" {_side(item)}" if dose.per_side else ""
    what = f"{dose.seconds} s{side}" if dose.seconds is not None else f"{dose.reps} reps{side}"
    if dose.sets == 1:
        return what
    return f"{dose.sets} × {what}{rest}"


def contacts_by_intensity(items: Sequence[PlannedExercise]) -> str:
    """The day's foot contacts by intensity class: "80 foot contacts (60 low, 20 moderate)";
    empty without impact work."""
    counted: Counter[Intensity] = Counter()
    for item in items:
        if item.contacts and item.intensity is not None:
            counted[item.intensity] += item.contacts
    if not counted:
        return ""
    parts = ", ".join(f"{counted[i]} {i.value}" for i in Intensity if counted[i])
    return f"{sum(counted.values())} foot contacts ({parts})"
