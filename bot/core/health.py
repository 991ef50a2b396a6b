"""The health screen at onboarding: what each answer changes in the plan.

Pure rules from coaching-facts.md, "Safety" (docs/coaching.md has them as a table):

- a current injury or pain starts as a body report, with the warning-sign questions /sore
  asks (the service runs that; nothing is kept here);
- a past stress fracture (bone stress injury) is one of the strongest predictors of
  another: impact volume stays at the low end of the level's range, and the morning
  reminder asks about bone pain once a week, on a dynamic day;
- pregnancy, or less than about 12 weeks after giving birth: no impact work at all, and a
  clinician's go-ahead first. The coach does not judge either; it keeps impact out.

Each lasts until the runner ends it in /settings; a known birth date keeps impact out for
the first 12 weeks whatever the setting says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.core.vocabulary import Category

if TYPE_CHECKING:  # records holds a Health in every RunnerProfile
    from bot.core.records import Completion

__all__ = [
    "POSTPARTUM_NO_IMPACT",
    "Health",
    "ImpactLimit",
    "Screen",
    "asks_about_bone_pain",
    "impact_limit",
    "impact_returns_on",
    "low_impact_volume",
]

#: No impact work for about 12 weeks after giving birth (Goom, Donnelly & Brockwell 2019).
POSTPARTUM_NO_IMPACT = timedelta(weeks=12)


class Screen(StrEnum):
    """One answer of the health screen (also a /settings entry that can be ended)."""

    INJURY = "injury"  # pain or an injury now: a body report, not a stored setting
    BONE_STRESS = "bone_stress"  # a stress fracture (bone stress injury) in the past
    PREGNANT = "pregnant"
    POSTPARTUM = "postpartum"  # had a baby recently
    NONE = "none"  # none of these


class ImpactLimit(StrEnum):
    """Why impact work is out (or kept low) whatever the day."""

    PREGNANT = "pregnant"
    POSTPARTUM = "postpartum"


@dataclass(frozen=True, slots=True)
class Health:
    """What the runner told the health screen (all off by default).

    ``birth_on`` is the day they gave birth when they said when ("2 months ago"); with
    ``postpartum`` and no date, impact stays out until they end it in /settings.
    """

    pregnant: bool = False
    postpartum: bool = False
    birth_on: date | None = None
    past_bone_stress: bool = False


def impact_returns_on(health: Health) -> date | None:
    """The first day impact may return after a known birth date (12 weeks on)."""
    if health.birth_on is None:
        return None
    try:
        return health.birth_on + POSTPARTUM_NO_IMPACT
    except OverflowError:
        return date.max


def impact_limit(health: Health, day: date) -> ImpactLimit | None:
    """Why ``day`` has no impact work at all (None: nothing in the screen stops it)."""
    if health.pregnant:
        return ImpactLimit.PREGNANT
    if health.postpartum:
        return ImpactLimit.POSTPARTUM
    returns = impact_returns_on(health)
    if returns is not None and day < returns:
        return ImpactLimit.POSTPARTUM
    return None


def low_impact_volume(health: Health) -> bool:
    """Whether impact volume stays at the low end of the level's contact range."""
    return health.past_bone_stress


def asks_about_bone_pain(
    health: Health, category: Category | None, history: Sequence[Completion], day: date
) -> bool:
    """Whether the morning reminder of ``day`` asks about bone pain.

    After a past stress fracture: on a dynamic day, unless a dynamic session was already
    logged earlier in the same week (Monday to Sunday), so about once a week.
    """
    if not health.past_bone_stress or category is not Category.DYNAMIC:
        return False
    monday = day - timedelta(days=day.weekday())
    return not any(
        done.category is Category.DYNAMIC and monday <= done.on < day for done in history
    )
