"""Triage by urgency: which warning signs mean what, and what a hold protects.

Pure rules from the "Safety" section of coaching-facts.md (docs/coaching.md has them as
tables, and a test keeps those tables and this module in step):

- emergency signs (numbness in the saddle area, new bladder or bowel trouble, nerve signs
  in both legs): urgent care today, no training advice beyond stopping;
- a suspected bone stress injury (pain on walking or hopping, at night, at one spot of a
  bone, limping, not bearing weight, "stress fracture"): stop running and jumping, a doctor
  soon, nothing loads the area or its neighbours; at the hip or groin no lower-limb loading
  at all, so the day becomes what is still safe;
- nerve signs (numbness, tingling, pins and needles, weakness, pain shooting down the leg):
  a clinician, no impact work until cleared;
- feeling unwell, pain after a fall or crash, signs of low energy availability: a doctor
  (or sports dietitian), not a training change;
- leaking, heaviness or dragging down below (a pelvic-floor sign): a pelvic health physio,
  no impact work until they have cleared it;
- swelling, sharp pain, pain that builds during a run: a hold and a physio.

When several tiers match, the most urgent wins.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import IntEnum

from bot.core.vocabulary import Area, RedFlag, Side

__all__ = [
    "ASKED_FLAGS",
    "BONE_STRESS_SITES",
    "CLINICIAN_TIERS",
    "JOINT_SIGNS",
    "LOWER_LIMB",
    "NEIGHBOURS",
    "NERVE_SIGNS",
    "OVERNIGHT_CHECK",
    "OVERNIGHT_MEMORY_DAYS",
    "PASSING_PAIN",
    "RETRY_DAYS",
    "RETURN_CHECKS",
    "SETTLE_DAYS",
    "TIER_OF_FLAG",
    "Tier",
    "after_go_ahead",
    "bone_suspected",
    "hold_areas",
    "protected",
    "stops_running",
    "triage",
    "whole_leg_off",
]


class Tier(IntEnum):
    """How urgent a report is; a higher value is more urgent."""

    NONE = 0
    HOLD = 1  # swelling, sharp pain, pain building during a run: a hold and a physio
    PELVIC_FLOOR = 2  # leaking or heaviness: a pelvic health physio, no impact until cleared
    DOCTOR = 3  # unwell, a fall or crash, low energy signs: a doctor, not a training change
    NERVE = 4  # numbness, tingling, weakness, pain down the leg: a clinician, no impact
    BONE_STRESS = 5  # a suspected bone stress injury: stop running and jumping, a doctor soon
    EMERGENCY = 6  # cauda equina signs: urgent care today


TIER_OF_FLAG: dict[RedFlag, Tier] = {
    RedFlag.SWELLING: Tier.HOLD,
    RedFlag.SHARP_PAIN: Tier.HOLD,
    RedFlag.WORSENING_DURING_RUN: Tier.HOLD,
    RedFlag.UNWELL: Tier.DOCTOR,
    RedFlag.AFTER_FALL: Tier.DOCTOR,
    RedFlag.LOW_ENERGY_SIGNS: Tier.DOCTOR,
    RedFlag.NUMBNESS_TINGLING: Tier.NERVE,
    RedFlag.NERVE_PAIN: Tier.NERVE,
    RedFlag.WEAKNESS: Tier.NERVE,
    RedFlag.PAIN_ON_WALKING: Tier.BONE_STRESS,
    RedFlag.PAIN_ON_HOPPING: Tier.BONE_STRESS,
    RedFlag.NIGHT_PAIN: Tier.BONE_STRESS,
    RedFlag.BONE_SPOT: Tier.BONE_STRESS,
    RedFlag.STRESS_FRACTURE: Tier.BONE_STRESS,
    RedFlag.LIMPING: Tier.BONE_STRESS,
    RedFlag.CANNOT_BEAR_WEIGHT: Tier.BONE_STRESS,
    RedFlag.SADDLE_NUMBNESS: Tier.EMERGENCY,
    RedFlag.BLADDER_BOWEL: Tier.EMERGENCY,
    RedFlag.HEART_SIGNS: Tier.EMERGENCY,
    RedFlag.CLOT_SIGNS: Tier.EMERGENCY,
    RedFlag.GIVING_WAY: Tier.NERVE,  # a clinician's look first, like a nerve sign
    RedFlag.LOCKING: Tier.NERVE,  # a joint that locks: a clinician's look first, too
    RedFlag.PELVIC_FLOOR: Tier.PELVIC_FLOOR,
    RedFlag.CLINICIAN_HOLD: Tier.NERVE,  # held until the clinician who said so clears it
}
"""Every warning sign's tier (a test checks that every RedFlag has one)."""

#: Nerve signs in both legs are an emergency sign, not a clinician visit.
NERVE_SIGNS = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.NERVE_PAIN, RedFlag.WEAKNESS})
_NERVE_FLAGS = NERVE_SIGNS

#: Tiers whose hold asks "has a clinician cleared you?" before the return checks.
CLINICIAN_TIERS = frozenset({Tier.PELVIC_FLOOR, Tier.NERVE, Tier.BONE_STRESS, Tier.EMERGENCY})

#: The warning signs /sore (and a free-text pain report short of detail) asks about.
ASKED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag.SHARP_PAIN,
    RedFlag.SWELLING,
    RedFlag.WORSENING_DURING_RUN,
    RedFlag.PAIN_ON_WALKING,
    RedFlag.PAIN_ON_HOPPING,
    RedFlag.NIGHT_PAIN,
    RedFlag.LIMPING,
    RedFlag.CANNOT_BEAR_WEIGHT,
    RedFlag.NUMBNESS_TINGLING,
    RedFlag.NERVE_PAIN,
    RedFlag.AFTER_FALL,
)

LOWER_LIMB: frozenset[Area] = frozenset(
    {
        Area.HIP_FLEXORS, Area.HIPS, Area.GLUTES, Area.GROIN, Area.HAMSTRINGS, Area.QUADS,
        Area.IT_BAND, Area.KNEE, Area.CALVES, Area.ACHILLES, Area.SHINS, Area.ANKLE,
        Area.FOOT, Area.LEG,
    }
)  # fmt: skip
"""Every area of the leg, hip to toes."""

NEIGHBOURS: dict[Area, frozenset[Area]] = {
    Area.HIP_FLEXORS: frozenset({Area.HIPS, Area.GROIN, Area.QUADS}),
    Area.HIPS: frozenset({Area.HIP_FLEXORS, Area.GROIN, Area.GLUTES}),
    Area.GLUTES: frozenset({Area.HIPS, Area.HAMSTRINGS, Area.LOWER_BACK}),
    Area.GROIN: frozenset({Area.HIPS, Area.HIP_FLEXORS}),
    Area.HAMSTRINGS: frozenset({Area.GLUTES, Area.KNEE}),
    Area.QUADS: frozenset({Area.HIP_FLEXORS, Area.KNEE}),
    Area.IT_BAND: frozenset({Area.HIPS, Area.KNEE}),
    Area.KNEE: frozenset({Area.QUADS, Area.HAMSTRINGS, Area.IT_BAND, Area.SHINS}),
    Area.CALVES: frozenset({Area.ACHILLES, Area.SHINS}),
    Area.ACHILLES: frozenset({Area.CALVES, Area.ANKLE}),
    Area.SHINS: frozenset({Area.CALVES, Area.ANKLE, Area.KNEE}),
    Area.ANKLE: frozenset({Area.FOOT, Area.ACHILLES, Area.SHINS}),
    Area.FOOT: frozenset({Area.ANKLE, Area.ACHILLES}),
    Area.LOWER_BACK: frozenset({Area.GLUTES, Area.HAMSTRINGS}),
    Area.LEG: LOWER_LIMB - {Area.LEG},
    Area.PELVIC_FLOOR: frozenset(),  # its hold keeps impact out; no other area is spared
}
"""The areas a hold on an area also protects (docs/coaching.md has the same table)."""

BONE_STRESS_SITES: frozenset[Area] = frozenset(
    {Area.SHINS, Area.FOOT, Area.ANKLE, Area.HIPS, Area.HIP_FLEXORS, Area.GROIN, Area.LEG}
)
"""Where runners' bone stress injuries happen (tibia, foot, femoral neck): after one, any
feeling there is asked about bone signs (Safety: "keep impact low and ask about bone pain")."""

#: Signs that name a bone itself, wherever they are felt.
_BONE_SIGNS = frozenset({RedFlag.BONE_SPOT, RedFlag.STRESS_FRACTURE})


def bone_suspected(flags: Collection[RedFlag], areas: Collection[Area]) -> bool:
    """Whether signs of the bone-stress tier point to a bone: a sign of the bone itself, or
    felt at a site where runners' bone stress injuries happen. A calf or hamstring that
    makes the runner limp is held the same way, but worded as the muscle it is."""
    return not _BONE_SIGNS.isdisjoint(flags) or not BONE_STRESS_SITES.isdisjoint(areas)


#: At the hip or groin a suspected bone stress injury means no lower-limb loading at all.
_WHOLE_LEG_SITES = frozenset({Area.HIPS, Area.HIP_FLEXORS, Area.GROIN, Area.LEG})

#: Pain during a return check above this (out of 10) fails it.
PASSING_PAIN = 2

#: Days into a hold after which its sign, said again, "hasn't settled within a few days":
#: a physio or doctor now rather than later (Hip red flags; Safety).
SETTLE_DAYS = 3

RETURN_CHECKS: tuple[str, ...] = ("walk", "stand", "squat", "jog", "hop")
"""The readiness checks before impact work returns, in the facts' order (walk 30 min,
single-leg stand, single-leg squat, jog on the spot, hops); presentation words them."""

OVERNIGHT_CHECK: int = RETURN_CHECKS.index("hop")
"""The check that waits for the next morning: the checks before it are passed one day, and
the area is asked about the morning after (no worse, no swelling) before it (pain after
loading must settle by the next morning: Silbernagel 2007; readiness checks)."""

#: Days the checks passed before the overnight wait still count; later they start again.
OVERNIGHT_MEMORY_DAYS = 7

#: Days after a failed return check (or a worse morning after) before the checks are tried
#: again: the area settles first ("give it a few more days").
RETRY_DAYS = 2


def triage(flags: Collection[RedFlag], side: Side = Side.NONE, area: Area | None = None) -> Tier:
    """The most urgent tier the warning signs reach (nerve signs in both legs: emergency)."""
    tier = max((TIER_OF_FLAG[flag] for flag in flags), default=Tier.NONE)
    both_legs = side is Side.BOTH and (area is None or area in LOWER_LIMB)
    if both_legs and not _NERVE_FLAGS.isdisjoint(flags):
        return Tier.EMERGENCY
    return tier


#: Signs of a joint itself (giving way, locking): no running on it until it is checked.
JOINT_SIGNS: frozenset[RedFlag] = frozenset({RedFlag.GIVING_WAY, RedFlag.LOCKING})


def stops_running(flags: Collection[RedFlag], tier: Tier) -> bool:
    """Whether warning signs of ``tier`` keep running out too, not only impact work: a
    suspected bone stress injury or worse, or a joint that gave way."""
    return not JOINT_SIGNS.isdisjoint(flags) or tier >= Tier.BONE_STRESS


def hold_areas(area: Area, tier: Tier) -> frozenset[Area]:
    """The areas a report at ``area`` puts on hold: the area, plus the whole leg (and the
    lower back for an emergency) where the rules take every lower-limb load out."""
    if tier is Tier.EMERGENCY:
        return frozenset({area, Area.LEG, Area.LOWER_BACK})
    if tier is Tier.BONE_STRESS and area in _WHOLE_LEG_SITES:
        return frozenset({area, Area.LEG})
    if tier >= Tier.HOLD:
        return frozenset({area})
    return frozenset()


def after_go_ahead(
    area: Area, side: Side, signs: Collection[RedFlag]
) -> tuple[frozenset[RedFlag], frozenset[Area]]:
    """What a clinician's go-ahead leaves of a problem that needed one: the signs the
    return checks still watch (a swelling, a sharp pain), and the held areas it frees (the
    whole leg and lower back held only while a clot, a fracture or a nerve root was not
    ruled out). The area itself stays on hold until the checks pass."""
    tier = triage(signs, side, area)
    if tier not in CLINICIAN_TIERS or tier is Tier.PELVIC_FLOOR:
        return frozenset(signs), frozenset()
    kept = frozenset(flag for flag in signs if TIER_OF_FLAG[flag] not in CLINICIAN_TIERS)
    narrow = hold_areas(area, triage(kept, side, area)) | {area}
    return kept, hold_areas(area, tier) - narrow


def protected(held: Iterable[Area]) -> frozenset[Area]:
    """The held areas and every neighbour they protect."""
    found: set[Area] = set()
    for area in held:
        found.add(area)
        found |= NEIGHBOURS[area]
    return frozenset(found)


def whole_leg_off(held: Collection[Area]) -> bool:
    """Whether a hold takes every lower-limb load out (the day is what is still safe)."""
    return Area.LEG in held
