"""The shared words of the coaching domain: areas, levels, equipment and report kinds.

Every layer (understanding, planner, storage, export) uses these values as they are
spelled here, so a value written to the database reads back as the same member.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

__all__ = [
    "INTENSITY_RANK",
    "Area",
    "Category",
    "Equipment",
    "Family",
    "Level",
    "Phase",
    "RaceDistance",
    "RedFlag",
    "ReportKind",
    "Side",
    "listed",
    "said_once",
    "sign_labels",
]


def sign_labels(flags: Iterable[RedFlag]) -> list[str]:
    """The signs' labels in order, without one another's label already says ("swelling"
    beside "swelling that is red or hot")."""
    return said_once([flag.label for flag in sorted(flags)])


def said_once(names: list[str]) -> list[str]:
    """``names`` without those another of them already holds ("swelling" beside "swelling
    that is red or hot")."""
    return [a for a in names if not any(a != b and a in b for b in names)]


def listed(names: Iterable[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c": names in a sentence ("" for none); ``last``: the word
    before the last name ("a, b or c")."""
    items = list(names)
    return f" {last} ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


class Area(StrEnum):
    """A body area a runner can report on and an exercise can load."""

    HIP_FLEXORS = "hip_flexors"
    HIPS = "hips"
    GLUTES = "glutes"
    GROIN = "groin"
    HAMSTRINGS = "hamstrings"
    QUADS = "quads"
    IT_BAND = "it_band"
    KNEE = "knee"
    CALVES = "calves"
    ACHILLES = "achilles"
    SHINS = "shins"
    ANKLE = "ankle"
    FOOT = "foot"
    LOWER_BACK = "lower_back"
    LEG = "leg"  # the whole leg: where nerve signs ("numb down my leg") are felt
    PELVIC_FLOOR = "pelvic_floor"  # where leaking or heaviness with impact is felt

    @property
    def label(self) -> str:
        """The area as a runner would say it ("hip flexors", "IT band")."""
        return _AREA_LABELS.get(self, self.value.replace("_", " "))

    @property
    def it(self) -> str:
        """The pronoun for the area as labelled: "it" (knee, lower back), "them" (shins)."""
        return "them" if self in _PLURAL_AREAS else "it"


_AREA_LABELS = {
    Area.IT_BAND: "IT band",
    Area.LOWER_BACK: "lower back",
    Area.PELVIC_FLOOR: "pelvic floor",
}
_PLURAL_AREAS = frozenset(
    {Area.HIP_FLEXORS, Area.HIPS, Area.GLUTES, Area.HAMSTRINGS, Area.QUADS, Area.CALVES, Area.SHINS}
)


class Side(StrEnum):
    """Which side a report is about."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    NONE = "none"


class ReportKind(StrEnum):
    """What the runner feels, from mildest to most serious."""

    TIGHTNESS = "tightness"
    SORENESS = "soreness"
    PAIN = "pain"


class RedFlag(StrEnum):
    """Signs that mean: stop loading, see a physiotherapist or doctor."""

    SHARP_PAIN = "sharp_pain"
    SWELLING = "swelling"
    NIGHT_PAIN = "night_pain"
    LIMPING = "limping"
    CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
    WORSENING_DURING_RUN = "worsening_during_run"
    PAIN_ON_WALKING = "pain_on_walking"
    NUMBNESS_TINGLING = "numbness_tingling"
    NERVE_PAIN = "nerve_pain"
    WEAKNESS = "weakness"
    SADDLE_NUMBNESS = "saddle_numbness"
    BLADDER_BOWEL = "bladder_bowel"
    PAIN_ON_HOPPING = "pain_on_hopping"
    BONE_SPOT = "bone_spot"
    STRESS_FRACTURE = "stress_fracture"
    UNWELL = "unwell"
    AFTER_FALL = "after_fall"
    LOW_ENERGY_SIGNS = "low_energy_signs"
    HEART_SIGNS = "heart_signs"
    CLOT_SIGNS = "clot_signs"
    GIVING_WAY = "giving_way"
    LOCKING = "locking"  # a joint that locks, catches or won't straighten
    PELVIC_FLOOR = "pelvic_floor"  # leaking, heaviness or dragging (with impact)
    CLINICIAN_HOLD = "clinician_hold"  # a clinician said to keep impact off it for now

    @property
    def label(self) -> str:
        """The flag in plain words."""
        return _RED_FLAG_LABELS[self]


_RED_FLAG_LABELS = {
    RedFlag.SHARP_PAIN: "sharp pain",
    RedFlag.SWELLING: "swelling",
    RedFlag.NIGHT_PAIN: "pain at night",
    RedFlag.LIMPING: "limping",
    RedFlag.CANNOT_BEAR_WEIGHT: "trouble bearing weight",
    RedFlag.WORSENING_DURING_RUN: "pain that builds, or is too strong, as you run or train",
    RedFlag.PAIN_ON_WALKING: "pain when walking or standing on it",
    RedFlag.NUMBNESS_TINGLING: "numbness or tingling",
    RedFlag.NERVE_PAIN: "pain shooting down the leg",
    RedFlag.WEAKNESS: "weakness in the leg or foot",
    RedFlag.SADDLE_NUMBNESS: "numbness around the seat or groin",
    RedFlag.BLADDER_BOWEL: "new bladder or bowel trouble",
    RedFlag.PAIN_ON_HOPPING: "pain when hopping",
    RedFlag.BONE_SPOT: "pain at one spot of a bone",
    RedFlag.STRESS_FRACTURE: "a possible stress fracture",
    RedFlag.UNWELL: "feeling unwell or feverish",
    RedFlag.AFTER_FALL: "pain after a fall, a twist or a crash",
    RedFlag.LOW_ENERGY_SIGNS: "repeated stress fractures or missed periods",
    RedFlag.HEART_SIGNS: "chest pain, fainting or a racing heart",
    RedFlag.CLOT_SIGNS: "swelling that is red or hot",
    RedFlag.GIVING_WAY: "the joint giving way",
    RedFlag.LOCKING: "the joint locking or not straightening",
    RedFlag.PELVIC_FLOOR: "leaking, heaviness or dragging",
    RedFlag.CLINICIAN_HOLD: "impact kept off it on a clinician's advice",
}


class Level(StrEnum):
    """How experienced the runner is with strength and jump work."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Category(StrEnum):
    """The kind of work an exercise or session is."""

    MOBILITY = "mobility"
    DYNAMIC = "dynamic"
    STATIC = "static"


class Intensity(StrEnum):
    """A plyometric exercise's intensity class (NSCA): how hard each landing is."""

    LOW = "low"  # hops and skips in place
    MODERATE = "moderate"  # standing and repeated jumps, single-leg hops in place
    HIGH = "high"  # bounds, single-leg hops for distance, depth jumps


#: Rank of each intensity class, lowest first (a substitute is never of a higher rank).
INTENSITY_RANK = {Intensity.LOW: 0, Intensity.MODERATE: 1, Intensity.HIGH: 2}


class Family(StrEnum):
    """The family of work an exercise belongs to: what rotation covers and reviewers see."""

    # mobility
    HIP_FLEXOR_MOBILITY = "hip_flexor_mobility"
    HIP_ROTATION_MOBILITY = "hip_rotation_mobility"
    ADDUCTOR_MOBILITY = "adductor_mobility"
    POSTERIOR_MOBILITY = "posterior_mobility"
    LOWER_LEG_MOBILITY = "lower_leg_mobility"
    SPINE_MOBILITY = "spine_mobility"
    DYNAMIC_WARM_UP = "dynamic_warm_up"
    # static strength and activation
    HIP_EXTENSION = "hip_extension"
    HAMSTRINGS = "hamstrings"
    SINGLE_LEG_STRENGTH = "single_leg_strength"
    GLUTE_MED = "glute_med"
    ADDUCTORS = "adductors"
    HIP_FLEXOR_STRENGTH = "hip_flexor_strength"
    CALF_AND_SHIN = "calf_and_shin"
    TENDON_ISOMETRIC = "tendon_isometric"
    TRUNK = "trunk"
    BALANCE = "balance"
    # impact work
    HOPS_IN_PLACE = "hops_in_place"
    SKIPS_AND_BOUNDS = "skips_and_bounds"
    LATERAL_HOPS = "lateral_hops"
    JUMPS = "jumps"
    SINGLE_LEG_LANDINGS = "single_leg_landings"


class Equipment(StrEnum):
    """Kit an exercise needs; NONE means body weight only."""

    NONE = "none"
    BAND = "band"
    SMALL_WEIGHTS = "small_weights"
    STEP = "step"
    WALL = "wall"


class Phase(StrEnum):
    """Where a runner is in the training cycle (see docs/phases.md)."""

    ONBOARDING = "onboarding"
    BASE = "base"
    DYNAMIC_BLOCK = "dynamic_block"
    REST_PHASE = "rest_phase"
    RACE_SEASON = "race_season"
    POST_RACE_RECOVERY = "post_race_recovery"
    RECOVERY_HOLD = "recovery_hold"
    PAUSED = "paused"

    @property
    def label(self) -> str:
        """The phase as the coach names it to a runner."""
        return _PHASE_LABELS[self]


_PHASE_LABELS = {
    Phase.ONBOARDING: "getting started",
    Phase.BASE: "base phase",
    Phase.DYNAMIC_BLOCK: "dynamic block",
    Phase.REST_PHASE: "rest phase",
    Phase.RACE_SEASON: "race season",
    Phase.POST_RACE_RECOVERY: "post-race recovery",
    Phase.RECOVERY_HOLD: "recovery hold",
    Phase.PAUSED: "paused",
}


class RaceDistance(StrEnum):
    """The distance of the runner's race; post-race recovery scales with it."""

    FIVE_K = "5k"
    TEN_K = "10k"
    HALF = "half"
    MARATHON = "marathon"
    ULTRA = "ultra"

    @property
    def label(self) -> str:
        """The distance as the coach names it to a runner."""
        return _DISTANCE_LABELS[self]


_DISTANCE_LABELS = {
    RaceDistance.FIVE_K: "5k",
    RaceDistance.TEN_K: "10k",
    RaceDistance.HALF: "half marathon",
    RaceDistance.MARATHON: "marathon",
    RaceDistance.ULTRA: "ultra",
}
