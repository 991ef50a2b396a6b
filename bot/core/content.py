"""Programme content: exercises and session templates, loaded from YAML into pydantic models.

The files live in ``content/`` (``exercises/*.yaml`` and ``sessions/*.yaml``). Loading
validates every entry and every cross-reference and raises :class:`ContentError` with a
message that names the file and the entry.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from bot.core.faq import Faq, parse_faq
from bot.core.vocabulary import Area, Category, Equipment, Family, Intensity, Level, Phase

__all__ = [
    "CONTACTS_PER_SET",
    "CONTACT_RANGES",
    "FAQ_FILE",
    "HIP_AREAS",
    "HIP_MOBILITY_LOADS",
    "IMPACT_LOADS",
    "IMPACT_REST",
    "PHASE_CATEGORIES",
    "Content",
    "ContentError",
    "Dose",
    "Exercise",
    "Part",
    "SessionItem",
    "SessionTemplate",
    "contact_sets",
    "default_content_dir",
    "load_content",
    "minimum_loads",
    "rest_for",
]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$")]

_Entry = TypeVar("_Entry", "Exercise", "SessionTemplate")

#: Plyometric foot contacts per session by level (NSCA, see coaching-facts.md).
CONTACT_RANGES: Mapping[Level, tuple[int, int]] = {
    Level.BEGINNER: (80, 100),
    Level.INTERMEDIATE: (100, 120),
    Level.ADVANCED: (120, 140),
}

#: Which session categories each phase allows.
PHASE_CATEGORIES: Mapping[Phase, frozenset[Category]] = {
    Phase.ONBOARDING: frozenset({Category.MOBILITY}),
    Phase.BASE: frozenset({Category.MOBILITY, Category.STATIC}),
    Phase.DYNAMIC_BLOCK: frozenset({Category.MOBILITY, Category.STATIC, Category.DYNAMIC}),
    Phase.REST_PHASE: frozenset({Category.MOBILITY, Category.STATIC}),
    Phase.RACE_SEASON: frozenset({Category.MOBILITY, Category.STATIC}),
    Phase.POST_RACE_RECOVERY: frozenset({Category.MOBILITY}),
    Phase.RECOVERY_HOLD: frozenset({Category.MOBILITY, Category.STATIC}),
    Phase.PAUSED: frozenset(),
}

#: What every landing stresses: the whole lower limb up to the hip joint, and the femoral
#: neck, whose bone stress injury shows as deep groin pain (coaching-facts.md, "Safety").
IMPACT_LOADS: frozenset[Area] = frozenset(
    {
        Area.FOOT,
        Area.ANKLE,
        Area.ACHILLES,
        Area.CALVES,
        Area.SHINS,
        Area.KNEE,
        Area.HIPS,
        Area.GROIN,
    }
)
#: A mobility exercise working one of these areas moves the hip joint to its end range.
HIP_AREAS: frozenset[Area] = frozenset({Area.HIPS, Area.GROIN, Area.HIP_FLEXORS})
#: What hip mobility stresses: a painful hip or groin is never stretched (coaching-facts.md).
HIP_MOBILITY_LOADS: frozenset[Area] = frozenset({Area.HIPS, Area.GROIN})

#: The coach's answers to common questions, beside the exercise and session folders.
FAQ_FILE = "faq.yaml"
MIN_SESSION_MINUTES = 10
#: Warm-up moves every dynamic session starts with (a general warm-up and drills).
MIN_DYNAMIC_WARM_UP = 2
#: Rest between sets of impact work by intensity: work-to-rest about 1:5 to 1:10 (NSCA).
IMPACT_REST: Mapping[Intensity, int] = {
    Intensity.LOW: 45,
    Intensity.MODERATE: 60,
    Intensity.HIGH: 90,
}
#: Foot contacts in one set of impact work by intensity (per leg when dosed per side).
CONTACTS_PER_SET: Mapping[Intensity, int] = {
    Intensity.LOW: 20,
    Intensity.MODERATE: 10,
    Intensity.HIGH: 5,
}
STRENGTH_REST = 60
HOLD_REST = 30
#: Mobility moves go side to side and set to set without a timed rest.
MOBILITY_REST = 0
MAX_SESSION_MINUTES = 30


class ContentError(Exception):
    """Content that cannot be used; the message names the file and the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dose(_Strict):
    """How much of an exercise: sets × reps, sets × seconds, or plyometric foot contacts.

    ``contacts`` counts every foot contact of the exercise (per side when ``per_side``), so
    a contacts dose keeps ``sets`` at 1.
    """

    sets: int = Field(default=1, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=50)
    seconds: int | None = Field(default=None, ge=5, le=300)
    contacts: int | None = Field(default=None, ge=5, le=150)
    per_side: bool = False
    #: Rest between sets in seconds (None: the default for the kind of work, ``rest_for``).
    rest: int | None = Field(default=None, ge=10, le=180)

    @model_validator(mode="after")
    def _one_measure(self) -> Self:
        given = [m for m in (self.reps, self.seconds, self.contacts) if m is not None]
        if len(given) != 1:
            raise ValueError("a dose needs exactly one of reps, seconds or contacts")
        if self.contacts is not None and self.sets != 1:
            raise ValueError("a contacts dose counts every contact; leave sets at 1")
        return self

    @property
    def measure(self) -> str:
        """What the dose counts: "reps", "seconds" or "contacts"."""
        if self.contacts is not None:
            return "contacts"
        return "seconds" if self.seconds is not None else "reps"

    def scaled(self, factor: float) -> Dose:
        """The same dose with its reps, seconds or contacts multiplied and rounded."""
        if factor == 1:
            return self
        return _scaled(self, factor)

    def _scale(self, factor: float) -> Dose:
        def scale(value: int | None, step: int) -> int | None:
            if value is None:
                return None
            return max(step, round(value * factor / step) * step)

        return self.model_copy(
            update={
                "reps": scale(self.reps, 1),
                "seconds": scale(self.seconds, 5),
                "contacts": scale(self.contacts, 5),
            }
        )

    @property
    def total_contacts(self) -> int:
        """Foot contacts this dose adds to a session (0 unless counted in contacts)."""
        return (self.contacts or 0) * (2 if self.per_side else 1)

    @property
    def seconds_of_work(self) -> float:
        """An estimate of the time this dose takes, rests included."""
        sides = 2 if self.per_side else 1
        if self.contacts is not None:
            # about one contact a second, with a short rest every 20 contacts
            return self.contacts * 1.0 * sides + 30 * math.ceil(self.contacts / 20)
        if self.seconds is not None:
            return self.sets * sides * (self.seconds + 10)
        assert self.reps is not None
        return self.sets * (sides * self.reps * 3.5 + 40)

    def render(self) -> str:
        """The dose in plain words: "3 × 8 each side", "2 × 30 s", "60 foot contacts"."""
        each = " each side" if self.per_side else ""
        if self.contacts is not None:
            return f"{self.contacts} foot contacts{each}"
        sets = f"{self.sets} × " if self.sets > 1 else ""
        if self.seconds is not None:
            return f"{sets}{self.seconds} s{each}"
        return f"{sets}{self.reps} reps{each}" if not sets else f"{sets}{self.reps}{each}"


@lru_cache(maxsize=4096)
def _scaled(dose: Dose, factor: float) -> Dose:
    """Scaled doses repeat across plans; compute each once."""
    return dose._scale(factor)


class Exercise(_Strict):
    """One exercise as the coach prescribes it."""

    id: Slug
    name: str = Field(min_length=3, max_length=60)
    category: Category
    targets: tuple[Area, ...] = Field(min_length=1)
    equipment: tuple[Equipment, ...] = (Equipment.NONE,)
    dose: Dose
    cues: tuple[str, ...] = Field(min_length=1, max_length=2)
    easier: Slug | None = None
    harder: Slug | None = None
    loads: tuple[Area, ...] = ()
    """Areas this exercise must not load when they are sore or painful."""
    impact: bool = False
    """Whether it lands: every hop, jump, skip and bound (its foot contacts are landings)."""
    jogs: bool = False
    """Whether it asks for jogging (a jog to warm up): out whenever impact or running is."""
    intensity: Intensity | None = None
    """Impact work's intensity class (NSCA); None for work that does not land."""
    family: Family
    """The family of work (rotation covers every family; ``hipcoach plan --json`` shows it)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        if Equipment.NONE in self.equipment and len(self.equipment) > 1:
            raise ValueError("equipment 'none' cannot be combined with other kit")
        if self.category is not Category.MOBILITY and not self.loads:
            raise ValueError("a strength exercise must list the areas it loads")
        self._check_impact()
        if self.category is Category.DYNAMIC and self.dose.seconds is not None:
            raise ValueError("a dynamic exercise is dosed in foot contacts or reps")
        if self.category is not Category.DYNAMIC and self.dose.contacts is not None:
            raise ValueError("only dynamic exercises are dosed in foot contacts")
        if any(len(c) > 160 for c in self.cues):
            raise ValueError("keep each cue under 160 characters")
        return self

    def _check_impact(self) -> None:
        """``impact`` is said outright for dynamic work and agrees with how it is dosed."""
        if self.category is not Category.DYNAMIC:
            if self.impact:
                raise ValueError("impact: only dynamic exercises land; this one is not dynamic")
            if self.intensity is not None:
                raise ValueError("intensity: only impact work has an intensity class")
            return
        if "impact" not in self.model_fields_set:
            raise ValueError(
                "impact: a dynamic exercise must say impact: true (it lands: a hop, jump, "
                "skip or bound) or impact: false (no landings, like band work)"
            )
        if self.impact and self.dose.contacts is None:
            raise ValueError("impact: impact work is dosed in foot contacts (every landing)")
        if not self.impact and self.dose.contacts is not None:
            raise ValueError(
                "impact: an exercise dosed in foot contacts lands, so it needs impact: true"
            )
        if self.impact and self.intensity is None:
            raise ValueError("intensity: impact work needs its class: low, moderate or high")
        if not self.impact and self.intensity is not None:
            raise ValueError("intensity: only impact work has an intensity class")

    @cached_property
    def needs(self) -> frozenset[Equipment]:
        """The kit this exercise needs beyond body weight."""
        return frozenset(self.equipment) - {Equipment.NONE}


def rest_for(exercise: Exercise, dose: Dose) -> int:
    """Seconds of rest between sets of ``dose`` of ``exercise``: the dose's own, else the
    default for its kind of work (0: none to time, as between stretches)."""
    if dose.rest is not None:
        return dose.rest
    if exercise.intensity is not None:
        return IMPACT_REST[exercise.intensity]
    if exercise.category is Category.MOBILITY:
        return MOBILITY_REST
    return HOLD_REST if dose.seconds is not None else STRENGTH_REST


def contact_sets(intensity: Intensity | None, dose: Dose) -> tuple[int, ...]:
    """A contacts dose split into sets (per leg when ``per_side``): "40" → (20, 20)."""
    if dose.contacts is None:
        return ()
    size = CONTACTS_PER_SET[intensity or Intensity.LOW]
    full, left = divmod(dose.contacts, size)
    return (size,) * full + ((left,) if left else ())


class Part(StrEnum):
    """Where an exercise sits in a session."""

    WARM_UP = "warm_up"
    MAIN = "main"
    COOL_DOWN = "cool_down"


class SessionItem(_Strict):
    """An exercise in a session, with an optional dose that overrides the exercise's own."""

    exercise: Slug
    dose: Dose | None = None


class SessionTemplate(_Strict):
    """A session for one level, one category and the phases it can be used in.

    ``progression`` holds one factor per week of the phase; it scales the main part's
    dose (week 1 is the first factor; later weeks keep the last one).
    """

    id: Slug
    title: str = Field(min_length=3, max_length=60)
    category: Category
    level: Level
    phases: tuple[Phase, ...] = Field(min_length=1)
    warm_up: tuple[SessionItem, ...] = ()
    main: tuple[SessionItem, ...] = Field(min_length=1)
    cool_down: tuple[SessionItem, ...] = ()
    progression: tuple[Annotated[float, Field(gt=0.4, le=1.6)], ...] = (1.0,)
    #: A session written for desk sitters ("... for desk days"): only for runners who sit.
    desk: bool = False

    def factor(self, week: int) -> float:
        """The dose factor for the main part in ``week`` (1-based)."""
        index = min(max(week, 1), len(self.progression)) - 1
        return self.progression[index]

    def parts(self) -> Iterable[tuple[Part, tuple[SessionItem, ...]]]:
        """The three parts in order."""
        return (
            (Part.WARM_UP, self.warm_up),
            (Part.MAIN, self.main),
            (Part.COOL_DOWN, self.cool_down),
        )


@dataclass(frozen=True)
class Content:
    """All exercises and sessions, indexed for the planner, and the coach's FAQ."""

    exercises: Mapping[str, Exercise]
    sessions: Mapping[str, SessionTemplate]
    faq: Faq = field(default_factory=Faq)

    @cached_property
    def sessions_by_key(
        self,
    ) -> Mapping[tuple[Level, Phase, Category], tuple[SessionTemplate, ...]]:
        """Templates grouped by (level, phase, category), in file order."""
        index: dict[tuple[Level, Phase, Category], list[SessionTemplate]] = {}
        for template in self.sessions.values():
            for phase in template.phases:
                index.setdefault((template.level, phase, template.category), []).append(template)
        return {key: tuple(value) for key, value in index.items()}

    def templates(
        self, level: Level, phase: Phase, category: Category
    ) -> tuple[SessionTemplate, ...]:
        """Templates usable for this level, phase and category (maybe none)."""
        return self.sessions_by_key.get((level, phase, category), ())

    @cached_property
    def mobility_for(self) -> Mapping[Area, tuple[Exercise, ...]]:
        """Mobility exercises by the area they target."""
        index: dict[Area, list[Exercise]] = {}
        for exercise in self.exercises.values():
            if exercise.category is Category.MOBILITY:
                for area in exercise.targets:
                    index.setdefault(area, []).append(exercise)
        return {area: tuple(items) for area, items in index.items()}

    def session_minutes(self, template: SessionTemplate, week: int = 1) -> int:
        """Estimated length of a template in whole minutes for ``week``."""
        seconds = 0.0
        for part, items in template.parts():
            factor = template.factor(week) if part is Part.MAIN else 1.0
            for item in items:
                seconds += self.dose_of(item).scaled(factor).seconds_of_work
        return round(seconds / 60)

    def session_contacts(self, template: SessionTemplate, week: int = 1) -> int:
        """Plyometric foot contacts in a template for ``week``."""
        factor = template.factor(week)
        return sum(self.dose_of(item).scaled(factor).total_contacts for item in template.main)

    def dose_of(self, item: SessionItem) -> Dose:
        """The item's dose, or its exercise's own."""
        return item.dose or self.exercises[item.exercise].dose

    def counts(self) -> dict[str, Counter[str]]:
        """Counts per category, level and phase, for ``hipcoach content check``."""
        return {
            "exercises by category": Counter(e.category.value for e in self.exercises.values()),
            "dynamic exercises": Counter(
                "impact" if e.impact else "no_landings"
                for e in self.exercises.values()
                if e.category is Category.DYNAMIC
            ),
            "exercises by family": Counter(e.family.value for e in self.exercises.values()),
            "sessions by category": Counter(s.category.value for s in self.sessions.values()),
            "sessions by level": Counter(s.level.value for s in self.sessions.values()),
            "sessions by phase": Counter(p.value for s in self.sessions.values() for p in s.phases),
        }


def default_content_dir() -> Path:
    """``HIPCOACH_CONTENT_DIR``, else the repo's ``content/``, else the copy in the wheel."""
    if configured := os.environ.get("HIPCOACH_CONTENT_DIR"):
        return Path(configured)
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "content", package / "_content"):
        if candidate.is_dir():
            return candidate
    return package.parent / "content"


def load_content(directory: Path | None = None) -> Content:
    """Load and validate every content file; raise ContentError naming the file and entry."""
    root = directory or default_content_dir()
    if not root.is_dir():
        raise ContentError(f"{root}: content folder not found")
    exercises, exercise_files = _load_entries(root / "exercises", Exercise, "exercises")
    sessions, session_files = _load_entries(root / "sessions", SessionTemplate, "sessions")
    content = Content(exercises=exercises, sessions=sessions, faq=_load_faq(root / FAQ_FILE))
    problems = list(_cross_reference_problems(content, exercise_files, session_files))
    if problems:
        raise ContentError("\n".join(problems))
    return content


def _load_entries(
    folder: Path, model: type[_Entry], key: str
) -> tuple[dict[str, _Entry], dict[str, Path]]:
    """The entries of every file in ``folder`` by id, and the file each one came from."""
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise ContentError(f"{folder}: no .yaml files found")
    entries: dict[str, _Entry] = {}
    seen_in: dict[str, Path] = {}
    for path in files:
        for index, raw in enumerate(_read_list(path, key)):
            label = (
                raw.get("id", f"entry #{index + 1}")
                if isinstance(raw, dict)
                else f"entry #{index + 1}"
            )
            try:
                entry = model.model_validate(raw)
            except ValidationError as error:
                raise ContentError(f"{path.name}: {key} '{label}': {_explain(error)}") from None
            if entry.id in entries:
                first = seen_in[entry.id].name
                raise ContentError(f"{path.name}: {key} '{entry.id}' is already defined in {first}")
            entries[entry.id] = entry
            seen_in[entry.id] = path
    return entries, seen_in


def _load_faq(path: Path) -> Faq:
    """The FAQ in ``path`` (none when the file is absent: a content folder may have none)."""
    if not path.is_file():
        return Faq()
    try:
        return parse_faq(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as error:
        raise ContentError(f"{path.name}: not valid YAML: {error}") from None
    except ValueError as error:
        raise ContentError(f"{path.name}: {error}") from None


def _read_list(path: Path, key: str) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ContentError(f"{path.name}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentError(f"{path.name}: expected a top-level '{key}:' list")
    entries: list[Any] = data[key]
    return entries


def _explain(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "entry"
        message = item["msg"].removeprefix("Value error, ")
        field, _, rest = message.partition(": ")
        if where == "entry" and field.isidentifier() and rest:  # a rule about one field
            where, message = field, rest
        parts.append(f"{where}: {message}")
    return "; ".join(parts)


def _cross_reference_problems(
    content: Content, exercise_files: Mapping[str, Path], session_files: Mapping[str, Path]
) -> Iterable[str]:
    exercises = content.exercises
    for exercise in exercises.values():
        where = f"{exercise_files[exercise.id].name}: exercises '{exercise.id}'"
        for relation in ("easier", "harder"):
            target = getattr(exercise, relation)
            if target is not None and target not in exercises:
                yield f"{where}: {relation} variant '{target}' does not exist"
            elif target is not None and exercises[target].category is not exercise.category:
                yield f"{where}: {relation} variant '{target}' is not {exercise.category}"
        yield from _load_problems(exercise, where)
    for template in content.sessions.values():
        yield from _template_problems(content, template, session_files[template.id].name)
    for level in Level:
        for phase, categories in PHASE_CATEGORIES.items():
            for category in categories:
                if not content.templates(level, phase, category):
                    yield f"sessions: no {category} session for {level} runners in {phase}"


def minimum_loads(exercise: Exercise) -> frozenset[Area]:
    """The areas ``exercise`` must list in ``loads`` at the least (content/README.md).

    Impact work loads :data:`IMPACT_LOADS`; hip mobility (a mobility exercise working the
    hips, groin or hip flexors) loads :data:`HIP_MOBILITY_LOADS`; strength work (dynamic
    and static) loads every area it targets.
    """
    return frozenset().union(*(areas for areas, _ in _minimums(exercise)))


def _minimums(exercise: Exercise) -> list[tuple[frozenset[Area], str]]:
    """Each minimum that applies to ``exercise``, with the reason the checker gives."""
    rules: list[tuple[frozenset[Area], str]] = []
    if exercise.impact:
        rules.append((IMPACT_LOADS, "impact work: every landing loads the leg up to the hip"))
    if exercise.category is Category.MOBILITY and HIP_AREAS.intersection(exercise.targets):
        rules.append((HIP_MOBILITY_LOADS, "hip mobility loads the hip joint and the groin"))
    if exercise.category is not Category.MOBILITY:
        rules.append((frozenset(exercise.targets), "strength work loads every area it works"))
    return rules


def _load_problems(exercise: Exercise, where: str) -> Iterable[str]:
    for areas, why in _minimums(exercise):
        missing = areas - set(exercise.loads)
        if missing:
            listed = ", ".join(sorted(missing))
            yield f"{where}: loads must also list {listed} ({why}; see content/README.md)"


def _template_problems(
    content: Content, template: SessionTemplate, file_name: str
) -> Iterable[str]:
    where = f"{file_name}: sessions '{template.id}'"
    items = [item for _, part_items in template.parts() for item in part_items]
    unknown = [item.exercise for item in items if item.exercise not in content.exercises]
    if unknown:
        yield f"{where}: uses unknown exercise(s) {', '.join(sorted(set(unknown)))}"
        return
    for item in items:
        own = content.exercises[item.exercise].dose
        if item.dose is not None and (
            item.dose.measure != own.measure or item.dose.per_side != own.per_side
        ):
            yield (
                f"{where}: the dose for '{item.exercise}' must count {own.measure}"
                f"{' per side' if own.per_side else ''} like the exercise's own dose"
            )
    categories = {content.exercises[item.exercise].category for item in items}
    if template.category is not Category.DYNAMIC and Category.DYNAMIC in categories:
        yield f"{where}: a {template.category} session may not contain dynamic exercises"
    if template.category is Category.MOBILITY and Category.STATIC in categories:
        yield f"{where}: a mobility session may not contain static strength exercises"
    if template.category is Category.DYNAMIC and len(template.warm_up) < MIN_DYNAMIC_WARM_UP:
        yield (
            f"{where}: a dynamic session needs a warm-up of at least {MIN_DYNAMIC_WARM_UP} "
            "moves before the first landing"
        )
    for phase in template.phases:
        if template.category not in PHASE_CATEGORIES[phase]:
            yield f"{where}: {template.category} sessions are not allowed in {phase}"
    for week in range(1, len(template.progression) + 1):
        minutes = content.session_minutes(template, week)
        if not MIN_SESSION_MINUTES <= minutes <= MAX_SESSION_MINUTES:
            yield f"{where}: week {week} lasts about {minutes} min (allowed 10-30)"
        if template.category is Category.DYNAMIC:
            low, high = CONTACT_RANGES[template.level]
            contacts = content.session_contacts(template, week)
            if not low <= contacts <= high:
                yield (
                    f"{where}: week {week} has {contacts} foot contacts; "
                    f"{template.level} sessions need {low}-{high}"
                )
