"""The daily planner: (profile, phase state, history, recent reports, date) → today's session.

Deterministic and pure. History and reports are read only for days before ``today`` (plus
today's reports), so asking twice on one day gives the same session even after it is logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from bot.core import comeback
from bot.core.comeback import LOW_HOP_CONTACTS, Stage, stage_of
from bot.core.content import (
    CONTACT_RANGES,
    Content,
    Dose,
    Exercise,
    Part,
    SessionTemplate,
    rest_for,
)
from bot.core.health import ImpactLimit, impact_limit, low_impact_volume
from bot.core.length import fit_to_minutes
from bot.core.memo import Memo
from bot.core.phases import (
    REST_PHASE_WEEKS,
    DayPassed,
    InvalidTransition,
    PhaseState,
    block_length,
    transition,
    week_of_phase,
)
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import Restrictions, restrictions_for
from bot.core.rhythm import (
    FillMemo,
    choose_category,
    is_rest_day,
    rhythm_before,
    second_day_arrives,
)
from bot.core.steering import EASY, EASY_RUN, STEP_BACK_FACTOR, VERY_HARD, Steer, Step, steer
from bot.core.triage import JOINT_SIGNS, NERVE_SIGNS, TIER_OF_FLAG, Tier, bone_suspected, triage
from bot.core.vocabulary import (
    INTENSITY_RANK,
    Area,
    Category,
    Equipment,
    Family,
    Intensity,
    Level,
    Phase,
    RedFlag,
    listed,
)

__all__ = ["DailyPlan", "PlannedExercise", "Planner", "impact_advice"]

CHECK_IN_WEEKS = range(4, 7)
MAX_HARDER_STEPS = 2
MAX_EXTRA_MOBILITY = 2
#: Plans remembered per planner (oldest forgotten first); one runner's inputs are a key.
PLAN_MEMO_SIZE = 16_384
#: A dynamic session at the way back's stage 3 (its template's jumps cut to low hops).
LOW_HOPS_TITLE = "Low hops, strength and mobility"
#: Light strength after a race: the main part's reps and holds at this share of the usual.
POST_RACE_STRENGTH_SCALE = 0.6
#: In the last days before a race, strength is the familiar basics at the light dose.
TAPER_STRENGTH_DAYS = 14
#: The eve of a race and the first days after it: a short, gentle session.
RACE_QUIET_DAYS = 2
QUIET_MINUTES = 10
#: The note on a session's hip-flexor stretch kept for a desk sitter.
DESK_NOTE = "for the desk hours"
TAPER_NOTE = "Lighter, familiar strength before your race: nothing new to get sore from."
#: A dynamic day while the health screen keeps impact out (its jumps swapped for strength).
NO_IMPACT_TITLE = "Strength and control, no jumps"
#: A date further than this from today is shown with its year.
FAR_OFF_DAYS = 180
#: A beginner's first weeks of jump work: the first weeks of the first dynamic block.
EARLY_IMPACT_WEEKS = 2
#: A step up adds at most this many foot contacts, ``_CONTACT_STEP`` at a time.
STEP_UP_CONTACTS = 10
_CONTACT_STEP = 5


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    """One exercise as prescribed today."""

    exercise_id: str
    name: str
    part: Part
    dose: str
    cue: str
    note: str | None = None
    #: Foot contacts of landings (impact work only; 0 otherwise).
    contacts: int = 0
    impact: bool = False
    #: The dose ``dose`` renders, for views that show its parts (``hipcoach plan --json``).
    amount: Dose | None = None
    #: Every cue, the key one first (``cue``); the presentation shows them all.
    cues: tuple[str, ...] = ()
    #: Impact work's intensity class (None for work that does not land).
    intensity: Intensity | None = None
    #: Seconds of rest between sets.
    rest: int = 0
    family: Family | None = None


@dataclass(frozen=True, slots=True)
class DailyPlan:
    """Today's session, or a rest day when ``category`` is None."""

    on: date
    phase: Phase
    week: int
    category: Category | None
    session_id: str | None
    title: str
    why: str
    exercises: tuple[PlannedExercise, ...] = ()
    minutes: int = 0
    adjustments: tuple[str, ...] = ()
    check_in: str | None = None
    advice: str | None = None
    #: The stage of the graded way back (``bot.core.comeback.Stage``; None: not on it).
    way_back: int | None = None
    #: Coaching tips before the session: the warm-up, and where and in what to land.
    tips: tuple[str, ...] = ()

    def __hash__(self) -> int:
        """From the fields that tell most plans apart (equal plans hash alike): messages
        are memoised on plans, and hashing every exercise's dose showed in the benches."""
        return hash((self.on, self.session_id, self.why, self.minutes, len(self.exercises)))

    @property
    def is_rest(self) -> bool:
        """True on a day without a session."""
        return self.category is None

    @property
    def contacts(self) -> int:
        """Plyometric foot contacts in the session."""
        return sum(item.contacts for item in self.exercises)


_PlanKey = tuple[RunnerProfile, PhaseState, tuple[Completion, ...], tuple[BodyReport, ...], date]


@dataclass(frozen=True, slots=True)
class _Day:
    """Everything one day's decision reads."""

    profile: RunnerProfile
    state: PhaseState
    limits: Restrictions
    today: date
    week: int
    #: A dynamic day's step back or up (``bot.core.steering``), None: as planned.
    steer: Steer | None = None
    #: Harder-variant steps the block started at (``block_start_step``).
    steps: int = 0
    #: The block's first dynamic session: landing advice goes with it.
    first_jumps: bool = False


@dataclass(frozen=True, slots=True)
class _Adjust:
    """A dynamic session's step: the main part's dose scaled, each jump's easier variant
    (``back``), and ``extra`` foot contacts added."""

    scale: float = 1.0
    back: bool = False
    extra: int = 0

    @property
    def steered(self) -> bool:
        """Whether this changes the session at all."""
        return self.scale != 1.0 or self.back or self.extra > 0


@dataclass(slots=True)
class _Draft:
    """A session being assembled."""

    entries: list[tuple[Exercise, Part, Dose, str | None]]
    used: set[str]
    adjustments: list[str]
    #: Exercises a limit took out with nothing to stand in: one line for them all.
    left_out: list[str] = field(default_factory=list)

    def add(self, exercise: Exercise, part: Part, dose: Dose, note: str | None = None) -> None:
        self.entries.append((exercise, part, dose, note))
        self.used.add(exercise.id)

    def items(self) -> list[tuple[PlannedExercise, float]]:
        """The prescribed exercises, impact work in the main part ordered from the lowest
        intensity class to the highest (a ramp, never a drop from bounds to pogos)."""
        order = {Part.WARM_UP: 0, Part.MAIN: 1, Part.COOL_DOWN: 2}

        def key(indexed: tuple[int, tuple[Exercise, Part, Dose, str | None]]) -> tuple[int, ...]:
            index, (exercise, part, _, _) = indexed
            rank = INTENSITY_RANK[exercise.intensity] if exercise.intensity else len(INTENSITY_RANK)
            return (order[part], rank if part is Part.MAIN else 0, index)

        ranked = sorted(enumerate(self.entries), key=key)
        return [_planned(*entry) for _, entry in ranked]

    def contacts(self, only: Intensity | None = None) -> int:
        """Foot contacts of the impact work so far (``only``: of that intensity class)."""
        return sum(
            dose.total_contacts
            for exercise, _, dose, _ in self.entries
            if exercise.impact and (only is None or exercise.intensity is only)
        )


def _adjustments(draft: _Draft) -> tuple[str, ...]:
    """What changed today, once each; the exercises left out in one line."""
    left = list(dict.fromkeys(draft.left_out))
    out = [f"Left out {listed(left)} today."] if left else []
    return tuple(dict.fromkeys([*draft.adjustments, *out]))


@lru_cache(maxsize=8192)
def _planned(
    exercise: Exercise, part: Part, dose: Dose, note: str | None
) -> tuple[PlannedExercise, float]:
    """The prescribed exercise and its seconds; the same few repeat across plans."""
    contacts = dose.total_contacts if exercise.impact else 0
    planned = PlannedExercise(
        exercise.id,
        exercise.name,
        part,
        dose.render(),
        exercise.cues[0],
        note,
        contacts,
        exercise.impact,
        dose,
        exercise.cues,
        exercise.intensity,
        rest_for(exercise, dose),
        exercise.family,
    )
    return planned, dose.seconds_of_work


class Planner:
    """Plans sessions from one set of content."""

    def __init__(self, content: Content, *, memo: bool = True) -> None:
        """``memo=False`` works every plan out afresh (bench/bench_planner.py uses both)."""
        self.content = content
        size = PLAN_MEMO_SIZE if memo else 0
        self._plans: Memo[_PlanKey, DailyPlan] = Memo(size)
        self._builds: Memo[tuple[_Day, Category, str, str], tuple[DailyPlan | None]] = Memo(size)
        self._filled = FillMemo(size)
        #: Whether a runner's kit suits a template, by (template id, kit): a few dozen pairs.
        self._kit: dict[tuple[str, frozenset[Equipment]], bool] = {}
        self._by_category: dict[Category, tuple[Exercise, ...]] = {
            category: tuple(
                sorted(
                    (e for e in content.exercises.values() if e.category is category),
                    key=lambda e: e.id,
                )
            )
            for category in Category
        }

    def plan_for(
        self,
        profile: RunnerProfile,
        state: PhaseState,
        history: Sequence[Completion],
        reports: Sequence[BodyReport],
        today: date,
    ) -> DailyPlan:
        """Today's session for this runner.

        Memoised on the complete inputs (all frozen values): the planner is pure, so equal
        inputs give an equal plan, and runners in the same place share one.
        """
        key = (profile, state, tuple(history), tuple(reports), today)
        return self._plans.remember(key, lambda _: self._plan(*key))

    def _plan(
        self,
        profile: RunnerProfile,
        state: PhaseState,
        history: Sequence[Completion],
        reports: Sequence[BodyReport],
        today: date,
    ) -> DailyPlan:
        """Today's session, worked out."""
        week = week_of_phase(state, today)
        if is_rest_day(profile, state, today):
            return _rest(today, state, week, _rest_reason(state, today))
        limits = _screened(profile, _limits(reports, state, today), today)
        if limits.whole_leg_off:  # a hip or groin bone-stress flag: only what is safe
            return replace(_rest(today, state, week, SAFE_ONLY_WHY), advice=_advice(limits))
        if Area.LEG in limits.no_load:  # "my legs are sore 6/10": a rest day, not an empty one
            return replace(_rest(today, state, week, LEGS_REST_WHY), adjustments=limits.reasons)
        if limits.no_running:  # told to stop running: no long run or hard session to plan by
            profile = replace(profile, long_run_day=None, hard_days=frozenset())
        rhythm = rhythm_before(profile, state, history, reports, today, memo=self._filled)
        category, lead = choose_category(profile, state, limits, rhythm, today)
        if limits.fresh_joint_injury and category is not Category.MOBILITY:
            category, lead = Category.MOBILITY, FRESH_INJURY_LEAD  # a joint just swelled
        dynamic = category is Category.DYNAMIC
        day = _Day(  # built once: the step and the block's steps only where they are read
            profile=profile,
            state=state,
            limits=limits,
            today=today,
            week=week,
            steer=_steer(profile.level, state, limits, week, today, history, reports)
            if dynamic
            else None,
            steps=0 if category is Category.MOBILITY else block_start_step(history, state, today),
            first_jumps=dynamic and _first_jumps(history, state, today),
        )
        plan = self._built(day, category, lead, _turn(history, state, category, today))
        if plan is None:  # a jump or strength day that soreness emptied: move to mobility
            turn = _turn(history, state, Category.MOBILITY, today)
            plan = self._built(day, Category.MOBILITY, _EMPTIED_LEAD[category], turn)
        assert plan is not None
        return plan

    def _built(self, day: _Day, category: Category, lead: str, turn: int) -> DailyPlan | None:
        """``_build`` of the template whose turn it is (``turn``: sessions of ``category``
        done so far in the phase), memoised: the session depends on the day's kind and
        template, not on the history that chose them, so runners whose logs differ (and
        counts that come to the same template) still share it."""
        template = self._template(day, category, turn)
        # In a tuple: None (no session fits) is an answer to remember too.
        return self._builds.remember(
            (day, category, template.id, lead),
            lambda _: (self._build(day, category, template, lead),),
        )[0]

    def _template(self, day: _Day, category: Category, turn: int) -> SessionTemplate:
        """The template whose turn it is, for the runner's level and phase."""
        level = day.profile.level
        if category is Category.STATIC and _tapering(day.state, day.today):
            level = Level.BEGINNER  # the familiar basics before a race: nothing new
        templates = self.content.templates(level, day.state.phase, category)
        if not templates:  # light strength late in post-race recovery: the rest phase's
            templates = self.content.templates(day.profile.level, Phase.REST_PHASE, category)
        return self._pick(templates, day.profile, turn)

    def week_ahead(
        self,
        profile: RunnerProfile,
        state: PhaseState,
        history: Sequence[Completion],
        reports: Sequence[BodyReport],
        start: date,
        *,
        days: int = 7,
    ) -> list[DailyPlan]:
        """The next ``days`` plans (fewer at the calendar's end), assuming each gets done."""
        plans: list[DailyPlan] = []
        assumed = list(history)
        for offset in range(min(days, (date.max - start).days + 1)):
            day = start + timedelta(days=offset)
            if offset:
                with suppress(InvalidTransition):
                    state = transition(state, DayPassed(), day).state
            plan = self.plan_for(profile, state, assumed, reports, day)
            plans.append(plan)
            if plan.category is not None and plan.session_id is not None:
                assumed.append(Completion(day, plan.category, plan.session_id))
        return plans

    def plan_logged(
        self,
        profile: RunnerProfile,
        state: PhaseState,
        reports: Sequence[BodyReport],
        on: date,
        template: SessionTemplate,
    ) -> DailyPlan:
        """``on``'s plan built on ``template``: the session logged that day, which a later
        report or a pause does not change."""
        limits = _screened(profile, _limits(reports, state, on), on)
        day = _Day(
            profile=profile, state=state, limits=limits, today=on, week=week_of_phase(state, on)
        )
        return self._compose(day, template, "The session you logged")[0]

    def _build(
        self, day: _Day, category: Category, template: SessionTemplate, lead: str
    ) -> DailyPlan | None:
        """The day's session of ``template`` (None: a jump or strength one that soreness
        emptied: fewer than half its main moves kept as that kind of work)."""
        low_hops = day.limits.way_back == Stage.LOW_HOPS
        if low_hops:  # the way back sets the dose: no steering on top of it
            plan, kept = self._compose(day, template, lead)
        else:
            plan, kept = self._steered(day, template, lead)
        emptied = kept * 2 < len(template.main)
        if emptied and category in _EMPTIED_LEAD and not low_hops:
            return None
        if category is Category.STATIC and _tapering(day.state, day.today):
            plan = replace(plan, adjustments=(*plan.adjustments, TAPER_NOTE))
        return plan

    def _steered(self, day: _Day, template: SessionTemplate, lead: str) -> tuple[DailyPlan, int]:
        """``_compose`` with the day's step back or up; a step up that cannot add contacts
        within the level's range is no step at all."""
        found = day.steer if template.category is Category.DYNAMIC else None
        if found is None:
            return self._compose(day, template, lead)
        if found.step is Step.BACK:
            return self._compose(day, template, lead, _Adjust(STEP_BACK_FACTOR, back=True))
        plain = self._compose(day, template, lead)
        room = min(STEP_UP_CONTACTS, CONTACT_RANGES[template.level][1] - plain[0].contacts)
        if room < _CONTACT_STEP:
            return plain
        up = self._compose(day, template, lead, _Adjust(extra=room))
        return up if plain[0].contacts < up[0].contacts <= plain[0].contacts + room else plain

    def _compose(
        self,
        day: _Day,
        template: SessionTemplate,
        lead: str,
        adjust: _Adjust | None = None,
    ) -> tuple[DailyPlan, int]:
        """The session of ``template`` fitted to the day, and how many moves it kept as its
        kind of work (``_keeps_kind``).

        ``adjust``: the day's step back or up (``_Adjust``)."""
        adjust = adjust or _Adjust()
        extra = adjust.extra
        avoid = {item.exercise for item in template.main}
        profile, state, limits, week = day.profile, day.state, day.limits, day.week
        category = template.category
        draft = _Draft([], set(), list(limits.reasons))
        stage = Stage(limits.way_back)
        # the way back: no harder variants, few landings
        steps = min(max(day.steps, 0), MAX_HARDER_STEPS) if stage is Stage.FULL else 0
        landings = LOW_HOP_CONTACTS if stage is not Stage.FULL else None
        ceiling = intensity_ceiling(profile.level, state, week)
        kept = 0
        low_end = self._low_end(template, week, profile, state)
        if category is Category.DYNAMIC and low_impact_volume(profile.health):
            draft.adjustments.append(LOW_IMPACT_NOTE.format(CONTACT_RANGES[profile.level][0]))
        ramp = second_day_arrives(profile, state, day.today)
        for part, items in template.parts():
            factor = _part_factor(template, state, week, part, adjust.scale, stage, day.today)
            if part is Part.MAIN and category is Category.DYNAMIC and ramp is not None:
                factor *= RAMP_FACTORS[ramp]  # the week's landings grow, not double
            for item in items:
                exercise = self.content.exercises[item.exercise]
                own = self.content.dose_of(item)
                scale = factor * (low_end if own.contacts is not None else 1)
                dose = own.scaled(scale)
                if part is Part.MAIN and category is not Category.MOBILITY:
                    back = avoid | draft.used if adjust.back else None
                    stepped = self._variant(exercise, steps, profile, ceiling, back, draft.used)
                    if stepped is None:  # above the ceiling: a lower class of landing
                        stepped = self._alternative(
                            exercise, category, profile, limits, avoid | draft.used, ceiling=ceiling
                        )
                    if stepped is None:
                        draft.adjustments.append(
                            f"Left out {exercise.name.lower()} today: harder landings come "
                            "later in the block."
                        )
                        continue
                    if stepped is not exercise:
                        dose = _converted(dose, stepped, scale)
                        exercise = stepped
                    if extra and dose.contacts is not None:
                        dose, extra = _more_contacts(dose, extra)
                chosen, note = self._fit(exercise, profile, limits, draft.used, ceiling=ceiling)
                if chosen is None:
                    draft.left_out.append(exercise.name.lower())
                    continue
                if chosen is not exercise:
                    dose = _converted(dose, chosen, scale)
                if chosen.impact and landings is not None:
                    capped, landings = _within(draft, exercise, dose, landings)
                    if capped is None:
                        continue
                    dose = capped
                draft.add(chosen, part, dose, note)
                kept += _keeps_kind(category, part, chosen, limits)
        plan = self._finished(day, template, lead, draft, steered=adjust.steered)
        return plan, kept

    def _finished(
        self,
        day: _Day,
        template: SessionTemplate,
        lead: str,
        draft: _Draft,
        *,
        steered: bool,
    ) -> DailyPlan:
        """The plan from a composed draft: a warm-up and the contact cap on dynamic days, the
        extra mobility, a title that follows the main part when it changed."""
        profile, state, limits, today, week = (
            day.profile,
            day.state,
            day.limits,
            day.today,
            day.week,
        )
        category = template.category
        stage = Stage(limits.way_back)
        if category is Category.DYNAMIC:
            self._ensure_warm_up(profile, limits, draft)
            cap = contact_cap(profile)
            if state.phase is Phase.DYNAMIC_BLOCK and 2 <= block_length(state) <= week:
                cap = int(cap * DELOAD_FACTOR) // _CONTACT_STEP * _CONTACT_STEP  # lighter week
            _cap_contacts(draft, cap)
            top = top_class_limit(profile.level, state, week)
            if top is not None:
                _cap_contacts(draft, top, only=TOP_INTENSITY[profile.level])
        self._add_extra_mobility(profile, limits, draft)
        draft.entries[:] = fit_to_minutes(draft.entries, _minutes(profile, state, today))
        low_hops = stage is Stage.LOW_HOPS and category is Category.DYNAMIC
        planned_items = draft.items()
        title = _title(template, low_hops=low_hops, no_impact=limits.no_impact)
        if title == template.title:
            main = [exercise for exercise, part, _, _ in draft.entries if part is Part.MAIN]
            if _changed(main, template, self.content):
                title = _title_of(main, title)  # the title follows what is done
        return DailyPlan(
            on=today,
            phase=state.phase,
            week=week,
            category=category,
            session_id=template.id,
            title=title,
            why=_why(lead, state, today, week, day.steer if steered else None),
            exercises=tuple(planned for planned, _ in planned_items),
            minutes=max(1, round(sum(seconds for _, seconds in planned_items) / 60)),
            adjustments=_adjustments(draft),
            check_in=_check_in(state, week),
            advice=_advice(limits) or impact_advice(profile, today),
            way_back=None if stage is Stage.FULL else int(stage),
            tips=_tips(
                category,
                day.first_jumps,
                any(e.impact for e, _, _, _ in draft.entries),
                ramp=stage is Stage.FULL and second_day_arrives(profile, state, today) is not None,
            ),
        )

    def _variant(  # noqa: PLR0917 - the day's steps, each one value
        self,
        exercise: Exercise,
        steps: int,
        profile: RunnerProfile,
        ceiling: Intensity,
        back: set[str] | None,
        used: set[str],
    ) -> Exercise | None:
        """The main-part exercise after the block's steps up, the day's step back (``back``:
        what the easier variant must not repeat) and the intensity ceiling."""
        stepped = self._step_up(exercise, steps, profile, ceiling)
        if back is not None:
            stepped = self._step_back(stepped, profile, back)
        return self._within_ceiling(stepped, ceiling, used)

    def _pick(
        self, templates: Sequence[SessionTemplate], profile: RunnerProfile, turn: int
    ) -> SessionTemplate:
        """The template whose turn it is: they rotate through the phase, so a block sees
        every family of work. Desk-day sessions only for desk sitters, and sessions that
        need kit the runner lacks for most of their main part are passed over (while any
        other is left)."""
        usable = [t for t in templates if profile.desk_job or not t.desk] or list(templates)
        fitting = [t for t in usable if self._kit_fits(t, profile)] or usable
        return fitting[turn % len(fitting)]

    def _kit_fits(self, template: SessionTemplate, profile: RunnerProfile) -> bool:
        """Whether the runner has the kit for at least half the template's main part."""
        key = (template.id, profile.equipment)
        fits = self._kit.get(key)
        if fits is None:
            needs = (self.content.exercises[item.exercise].needs for item in template.main)
            lacking = sum(not profile.has(need) for need in needs)
            fits = self._kit[key] = lacking * 2 <= len(template.main)
        return fits

    def _within_ceiling(
        self, exercise: Exercise, ceiling: Intensity, avoid: set[str]
    ) -> Exercise | None:
        """``exercise``, or its easier variant down the chain, within the intensity
        ceiling (None: no variant is)."""
        seen: set[str] = set()
        current: Exercise | None = exercise
        while current is not None and current.id not in seen:
            seen.add(current.id)
            if not current.impact or (
                INTENSITY_RANK[current.intensity or Intensity.LOW] <= INTENSITY_RANK[ceiling]
                and (current is exercise or current.id not in avoid)
            ):
                return current
            current = self.content.exercises.get(current.easier) if current.easier else None
        return None

    def _ensure_warm_up(self, profile: RunnerProfile, limits: Restrictions, draft: _Draft) -> None:
        """A dynamic session always starts with a warm-up, even when limits emptied it: a few
        minutes of easy jogging or brisk walking, then the drills (facts: "Programme design",
        a general warm-up and dynamic drills before jumps)."""
        general = self.content.exercises.get(GENERAL_WARM_UP)
        if general is not None and _suits(general, profile, limits, draft.used):
            dose = general.dose
            if profile.minutes <= QUIET_MINUTES and dose.seconds:  # a 10-minute session
                dose = dose.model_copy(update={"seconds": SHORT_GENERAL_WARM_UP_SECONDS})
            draft.entries.insert(0, (general, Part.WARM_UP, dose, None))
            draft.used.add(general.id)
        if any(part is Part.WARM_UP and e.id != GENERAL_WARM_UP for e, part, _, _ in draft.entries):
            return
        for exercise_id in FALLBACK_WARM_UP:
            exercise = self.content.exercises.get(exercise_id)
            if exercise is not None and _suits(exercise, profile, limits, draft.used):
                draft.entries.insert(0, (exercise, Part.WARM_UP, exercise.dose, None))
                draft.used.add(exercise.id)
                return

    def _step_back(self, exercise: Exercise, profile: RunnerProfile, avoid: set[str]) -> Exercise:
        """The easier variant of a dynamic exercise, where there is one the kit allows and
        the session does not already hold (``avoid``)."""
        if exercise.category is not Category.DYNAMIC or exercise.easier is None:
            return exercise
        easier = self.content.exercises.get(exercise.easier)
        if easier is None or easier.id in avoid or not profile.has(easier.needs):
            return exercise
        return easier

    def _low_end(
        self, template: SessionTemplate, week: int, profile: RunnerProfile, state: PhaseState
    ) -> float:
        """The factor on foot contacts that keeps a session at the low end of the level's
        range after a past stress fracture (1: no change)."""
        if template.category is not Category.DYNAMIC or not low_impact_volume(profile.health):
            return 1.0
        low = CONTACT_RANGES[profile.level][0]
        factor = block_factor(template, state, week)

        def contacts(scale: float) -> int:
            doses = (self.content.dose_of(item) for item in template.main)
            return sum(
                dose.scaled(factor * scale).total_contacts
                for dose in doses
                if dose.contacts is not None
            )

        total = contacts(1.0)
        if total <= low:
            return 1.0
        scale = low / total
        while contacts(scale) > low and scale > MIN_CONTACT_SCALE:  # rounding to fives
            scale -= CONTACT_SCALE_STEP
        return scale

    def _step_up(
        self, exercise: Exercise, steps: int, profile: RunnerProfile, ceiling: Intensity
    ) -> Exercise:
        """The harder variant ``steps`` times over, as far as kit and the intensity ceiling
        allow."""
        for _ in range(steps):
            harder = self.content.exercises.get(exercise.harder) if exercise.harder else None
            if harder is None or not profile.has(harder.needs):
                break
            if harder.intensity and INTENSITY_RANK[harder.intensity] > INTENSITY_RANK[ceiling]:
                break
            exercise = harder
        return exercise

    def _fit(
        self,
        exercise: Exercise,
        profile: RunnerProfile,
        limits: Restrictions,
        used: set[str],
        *,
        ceiling: Intensity = Intensity.HIGH,
    ) -> tuple[Exercise | None, str | None]:
        """The exercise, or the closest one that suits the runner's kit and body today and
        is never harder than it (nor above the day's intensity ceiling)."""
        if _suits(exercise, profile, limits, used):
            return exercise, None
        reason = _swap_reason(exercise, profile, limits, used)
        seen = {exercise.id}
        easier = exercise
        while easier.easier and easier.easier not in seen:
            easier = self.content.exercises[easier.easier]
            seen.add(easier.id)
            if _suits(easier, profile, limits, used):
                return easier, f"easier than {exercise.name.lower()}: {reason}"
        best = self._alternative(
            exercise, exercise.category, profile, limits, used, ceiling=ceiling
        )
        if best is not None:
            return best, f"instead of {exercise.name.lower()}: {reason}"
        if exercise.category is Category.DYNAMIC and _strength_for_jumps(limits):
            strength = self._alternative(
                exercise, Category.STATIC, profile, limits, used, ceiling=ceiling
            )
            if strength is not None:
                return strength, f"strength instead of {exercise.name.lower()}: {reason}"
        if exercise.category is Category.DYNAMIC:
            mobility = self._alternative(
                exercise, Category.MOBILITY, profile, limits, used, ceiling=ceiling
            )
            if mobility is not None:
                return mobility, f"mobility instead of {exercise.name.lower()}: {reason}"
        return None, None

    def _alternative(
        self,
        exercise: Exercise,
        category: Category,
        profile: RunnerProfile,
        limits: Restrictions,
        used: set[str],
        *,
        ceiling: Intensity = Intensity.HIGH,
    ) -> Exercise | None:
        """The suitable exercise of ``category`` sharing most targets with ``exercise``,
        never a harder one (``harder_than``)."""
        targets = set(exercise.targets)
        best: Exercise | None = None
        best_overlap = 0
        for candidate in self._by_category[category]:
            # the targets in common count most; then the same stance (two feet or one)
            same_stance = candidate.dose.per_side == exercise.dose.per_side
            shared = len(targets.intersection(candidate.targets))
            overlap = 2 * (shared + same_stance)
            if category is Category.STATIC and not shared:
                continue  # strength that works none of the same muscles is no swap for it
            if (
                overlap > best_overlap
                and _suits(candidate, profile, limits, used)
                and not self.harder_than(candidate, exercise)
                and not (
                    candidate.intensity
                    and INTENSITY_RANK[candidate.intensity] > INTENSITY_RANK[ceiling]
                )
            ):
                best, best_overlap = candidate, overlap
        return best

    def harder_than(self, candidate: Exercise, original: Exercise) -> bool:
        """Whether ``candidate`` is harder than ``original``: it lands and the original does
        not, it is of a higher intensity class, or it is up the original's harder chain."""
        if candidate.impact and not original.impact:
            return True
        if (
            candidate.intensity
            and original.intensity
            and INTENSITY_RANK[candidate.intensity] > INTENSITY_RANK[original.intensity]
        ):
            return True
        seen: set[str] = set()
        step = original
        while step.harder and step.harder not in seen:
            seen.add(step.harder)
            if step.harder == candidate.id:
                return True
            step = self.content.exercises[step.harder]
        return False

    def _add_extra_mobility(
        self, profile: RunnerProfile, limits: Restrictions, draft: _Draft
    ) -> None:
        wanted: list[tuple[Area, str]] = [
            (area, f"extra for your tight {area.label}") for area in sorted(limits.tight)
        ][:MAX_EXTRA_MOBILITY]
        if profile.desk_job and not _kept_for_desk(draft):  # not twice the same stretch
            wanted.append((Area.HIP_FLEXORS, "extra hip-flexor work for the desk hours"))
        for area, note in wanted:
            for exercise in self.content.mobility_for.get(area, ()):
                if exercise.id == GENERAL_WARM_UP:
                    continue  # the warm-up jog is no stretch for a tight area, nor a cool-down
                if _suits(exercise, profile, limits, draft.used):
                    draft.add(exercise, Part.COOL_DOWN, exercise.dose, note)
                    break


def _limits(reports: Sequence[BodyReport], state: PhaseState, today: date) -> Restrictions:
    """What the reports and holds allow today, at the runner's stage of the way back."""
    limits = restrictions_for(reports, state.held_areas, today)
    stage = stage_of(state)
    return limits if stage is Stage.FULL else replace(limits, way_back=int(stage))


def _within(
    draft: _Draft, exercise: Exercise, dose: Dose, landings: int
) -> tuple[Dose | None, int]:
    """On the way back: ``dose`` cut to the landings left, and the landings left after it;
    None (noted in ``draft``) when there is no room."""
    capped = _capped(dose, landings)
    if capped is None:
        draft.adjustments.append(
            f"Left out {exercise.name.lower()} today: on the way back, "
            f"hops stop at {LOW_HOP_CONTACTS} foot contacts a session."
        )
        return None, landings
    return capped, landings - capped.total_contacts


def _capped(dose: Dose, landings: int) -> Dose | None:
    """``dose`` cut to at most ``landings`` foot contacts (None: no room left)."""
    if dose.contacts is None or dose.total_contacts <= landings:
        return dose
    per = landings // (2 if dose.per_side else 1)
    per -= per % 5
    if per < 5:  # the smallest contacts dose the content allows
        return None
    return dose.model_copy(update={"contacts": per})


def _suits(
    exercise: Exercise, profile: RunnerProfile, limits: Restrictions, used: set[str]
) -> bool:
    if exercise.id in used or not profile.has(exercise.needs):
        return False
    if not comeback.allows(Stage(limits.way_back), exercise):
        return False  # the graded way back: impact only from stage 3, and only low hops
    if limits.no_impact and exercise.impact:
        return False  # pregnancy or the first weeks after a birth: no landings at all
    if exercise.jogs and (limits.no_impact or limits.no_running or limits.blocks_dynamic):
        return False  # no jog to warm up while impact or running is out, or on a hold
    if limits.blocks_dynamic and (exercise.impact or exercise.category is Category.DYNAMIC):
        return False  # a warning sign: no landings, nor any jump-day work, in any part
    loads = set(exercise.loads)
    if loads & limits.no_load:
        return False
    if exercise.category is Category.DYNAMIC:
        return not loads & limits.caution  # a sore area (4-5/10): nothing jumps on it
    # nor does strength aimed at it work it (a calf raise for sore calves); mobility may
    return not (
        exercise.category is Category.STATIC and limits.caution.intersection(exercise.targets)
    )


def _keeps_kind(category: Category, part: Part, chosen: Exercise, limits: Restrictions) -> bool:
    """Whether ``chosen`` keeps a session of ``category`` that kind of work: on a jump day
    a dynamic move in any part (or strength standing in for jumps the health screen keeps
    out), on another day a main move of its kind."""
    if category is Category.DYNAMIC:
        return chosen.category is Category.DYNAMIC or (
            part is Part.MAIN and chosen.category is Category.STATIC and _strength_for_jumps(limits)
        )
    return part is Part.MAIN and chosen.category is category


def _strength_for_jumps(limits: Restrictions) -> bool:
    """Whether a dynamic day's jumps give way to strength work: impact is out for the
    health screen (pregnancy, after a birth), with no warning sign blocking jump days."""
    return limits.no_impact and not limits.blocks_dynamic


def _part_factor(  # noqa: PLR0917 - the session's place, in the order _compose has it
    template: SessionTemplate,
    state: PhaseState,
    week: int,
    part: Part,
    scale: float,
    stage: Stage,
    today: date,
) -> float:
    """The dose factor of one part of a session: the block's progression and the day's step
    on the main part; never above the usual on the way back; light strength after a race."""
    if part is not Part.MAIN:
        return 1.0
    factor = block_factor(template, state, week) * scale
    if stage is not Stage.FULL:
        factor = min(factor, 1.0)
    if template.category is Category.STATIC and (
        state.phase is Phase.POST_RACE_RECOVERY or _tapering(state, today)
    ):
        factor = min(factor, 1.0) * POST_RACE_STRENGTH_SCALE
    return factor


def _kept_for_desk(draft: _Draft) -> bool:
    """Whether the session already stretches the hip flexors (after the warm-up); if so,
    that stretch is marked for the desk hours, so fitting the session's length keeps it."""
    for index, (exercise, part, dose, note) in enumerate(draft.entries):
        stretch = exercise.category is Category.MOBILITY and part is not Part.WARM_UP
        if stretch and Area.HIP_FLEXORS in exercise.targets:
            draft.entries[index] = (exercise, part, dose, note or DESK_NOTE)
            return True
    return False


def _minutes(profile: RunnerProfile, state: PhaseState, today: date) -> int:
    """The session's length: the runner's choice, but short and gentle on the eve of a race
    and in the first ``RACE_QUIET_DAYS`` days after it."""
    eve = state.race_date is not None and (state.race_date - today).days == 1
    after = state.phase is Phase.POST_RACE_RECOVERY and (
        (today - state.started_on).days < RACE_QUIET_DAYS
    )
    return min(profile.minutes, QUIET_MINUTES) if eve or after else profile.minutes


def _tapering(state: PhaseState, today: date) -> bool:
    """Whether the race is at most ``TAPER_STRENGTH_DAYS`` away: strength holds the base with
    the familiar basics, lighter, so no new soreness reaches race week."""
    return state.race_date is not None and 0 < (state.race_date - today).days <= (
        TAPER_STRENGTH_DAYS
    )


def _title(template: SessionTemplate, *, low_hops: bool, no_impact: bool) -> str:
    """The session's name: the template's, unless its jumps are cut to low hops or out."""
    if low_hops:
        return LOW_HOPS_TITLE
    if no_impact and template.category is Category.DYNAMIC:
        return NO_IMPACT_TITLE
    return template.title


def _swap_reason(
    exercise: Exercise, profile: RunnerProfile, limits: Restrictions, used: set[str]
) -> str:
    if not comeback.allows(Stage(limits.way_back), exercise):
        return "on the way back, only low hops for now"
    if limits.no_impact and exercise.impact:
        return "no hops or jumps for now (your health note)"
    missing = exercise.needs - profile.equipment
    if missing:
        kit = ", ".join(sorted(k.value.replace("_", " ") for k in missing))
        return f"it needs {kit}"
    spared = sorted(set(exercise.loads) & (limits.no_load | limits.caution))
    if spared:
        return "spares your " + listed(area.label for area in spared)
    if exercise.id in used:  # another swap already put it in today's session
        return "it is already in today's session"
    return "for variety"


def _more_contacts(dose: Dose, extra: int) -> tuple[Dose, int]:
    """``dose`` with ``_CONTACT_STEP`` more contacts if ``extra`` still allows them (per
    side counts twice), and what is left of ``extra``."""
    assert dose.contacts is not None
    added = _CONTACT_STEP * (2 if dose.per_side else 1)
    if added > extra:
        return dose, extra
    return dose.model_copy(update={"contacts": dose.contacts + _CONTACT_STEP}), extra - added


def _same_measure(a: Dose, b: Dose) -> bool:
    return (a.contacts is None) == (b.contacts is None) and (a.seconds is None) == (
        b.seconds is None
    )


#: Warm-up moves for a dynamic session whose own warm-up the day's limits emptied.
#: The general part of a jump day's warm-up, before the drills.
GENERAL_WARM_UP = "easy-jog-warm-up"
#: Its length in a 10-minute session (the drills that follow stay whole).
SHORT_GENERAL_WARM_UP_SECONDS = 120
FALLBACK_WARM_UP = ("leg-swings-front-back", "high-knee-march", "walking-knee-hugs", "cat-cow")
#: The last week of a block is lighter: this share of the week before's dose at most.
DELOAD_FACTOR = 0.8
#: The first two weeks with two jump days dose each at these shares: the week's landings
#: grow by about a third at a time rather than doubling.
RAMP_FACTORS = (0.65, 0.8)
#: Landings of the level's top intensity class the week it opens, and more each week after.
TOP_CLASS_FIRST = 15
TOP_CLASS_STEP = 10
#: The highest intensity class each level reaches (NSCA: beginners stay low to moderate).
TOP_INTENSITY: dict[Level, Intensity] = {
    Level.BEGINNER: Intensity.MODERATE,
    Level.INTERMEDIATE: Intensity.HIGH,
    Level.ADVANCED: Intensity.HIGH,
}
#: Dynamic sessions further apart than this belong to different blocks.
BLOCK_GAP_DAYS = 15
#: A gap this long (race season, a long break): the next block never starts higher.
LONG_BREAK_DAYS = 35
#: Pain during a session above this (0-10) is too much (pain-monitoring model).
TOO_MUCH_PAIN = 5
WARM_UP_TIP = "Warm up first with the moves listed, then the jumps: save long stretches for after."
READY_TIP = (
    "First jumps in a while: check you're ready after the warm-up. Ten single-leg squats "
    "each leg, a minute of jogging on the spot and 10-15 hops in place should each hurt no "
    "more than 2/10. If one does, skip the jumps today, do the rest, and tell me."
)
RAMP_TIP = (
    "Two jump days a week now, so for two weeks each one has fewer landings: the week's "
    "total grows a step at a time instead of doubling."
)
PAIN_TIP = (
    "Pain up to 2/10 while you jump is fine; above 3/10, stop the jumps for today. If it is "
    "worse the next morning, or one spot on a bone or deep in the groin hurts when you hop, "
    "stop the jumps and tell me."
)
LANDING_TIP = (
    "Land on grass, a track or a sprung floor rather than concrete, in supportive running "
    "shoes. Quiet, springy landings; stop a set when they get loud or the rhythm goes flat."
)


def block_factor(template: SessionTemplate, state: PhaseState, week: int) -> float:
    """The main part's dose factor in ``week``: the template's progression, and in the last
    week of a dynamic block at most ``DELOAD_FACTOR`` of the week before's (a lighter week)."""
    factor = template.factor(week)
    last = block_length(state)
    if state.phase is Phase.DYNAMIC_BLOCK and last >= 2 and week >= last:
        return min(factor, template.factor(last - 1) * DELOAD_FACTOR)
    return factor


def intensity_ceiling(level: Level, state: PhaseState, week: int) -> Intensity:
    """The highest intensity class of landings in ``week``: one class below the level's top
    in the first third of a block and in its lighter last week, the top in between; never
    high for beginners."""
    top = TOP_INTENSITY[level]
    if state.phase is not Phase.DYNAMIC_BLOCK:
        return top
    weeks = block_length(state)
    if week <= max(1, weeks // 3) or (weeks >= 2 and week >= weeks):
        return Intensity.LOW if top is Intensity.MODERATE else Intensity.MODERATE
    return top


def top_class_limit(level: Level, state: PhaseState, week: int) -> int | None:
    """The most landings of the level's top intensity class in ``week`` of a block: a few
    the week that class opens (``TOP_CLASS_FIRST``), ``TOP_CLASS_STEP`` more each week
    after; None outside a block (no limit beyond the session's)."""
    if state.phase is not Phase.DYNAMIC_BLOCK:
        return None
    opens = max(1, block_length(state) // 3) + 1
    return TOP_CLASS_FIRST + TOP_CLASS_STEP * max(0, week - opens)


def contact_cap(profile: RunnerProfile) -> int:
    """The most foot contacts a session may hold: the top of the level's range (NSCA), the
    low end after a past stress fracture."""
    low, high = CONTACT_RANGES[profile.level]
    return low if low_impact_volume(profile.health) else high


def block_start_step(history: Sequence[Completion], state: PhaseState, today: date) -> int:
    """How many harder-variant steps the current (or next) block starts at, from what the
    runner showed, not from the block count.

    Dynamic sessions done before the current block are grouped into blocks (a gap over
    ``BLOCK_GAP_DAYS`` starts a new one). The first block starts at 0; each next one starts
    a step up when the last ``EASY_RUN`` rated sessions of the one before were all easy
    (``EASY`` or less), a step back when one was very hard (``VERY_HARD``) or too painful,
    and where it was otherwise (no ratings: neither up nor back). After race season or a
    long break (``LONG_BREAK_DAYS``) a block starts at the previous block's start or lower.
    """
    begun = state.started_on if state.phase is Phase.DYNAMIC_BLOCK else today
    done = sorted(
        (c for c in history if c.done and c.category is Category.DYNAMIC and c.on < begun),
        key=lambda c: c.on,
    )
    blocks: list[list[Completion]] = []
    for completion in done:
        if blocks and (completion.on - blocks[-1][-1].on).days <= BLOCK_GAP_DAYS:
            blocks[-1].append(completion)
        else:
            blocks.append([completion])
    step = 0
    for index, block in enumerate(blocks):
        after = blocks[index + 1][0].on if index + 1 < len(blocks) else begun
        moved = min(max(step + _block_move(block), 0), MAX_HARDER_STEPS)
        step = min(moved, step) if (after - block[-1].on).days > LONG_BREAK_DAYS else moved
    return step


def _block_move(block: Sequence[Completion]) -> int:
    """+1, 0 or -1: where a block's last rated sessions put the next one."""
    rated = [c for c in block if c.rpe is not None or c.pain is not None]
    last = rated[-EASY_RUN:]
    if any((c.rpe or 0) >= VERY_HARD or (c.pain or 0) > TOO_MUCH_PAIN for c in last):
        return -1
    if len(last) == EASY_RUN and all(c.rpe is not None and c.rpe <= EASY for c in last):
        return 1
    return 0


def _turn(history: Sequence[Completion], state: PhaseState, category: Category, today: date) -> int:
    """Sessions of ``category`` done in the current phase before ``today``."""
    return sum(1 for c in history if c.category is category and state.started_on <= c.on < today)


def _first_jumps(history: Sequence[Completion], state: PhaseState, today: date) -> bool:
    """Whether no dynamic session was done yet in the current phase."""
    return not any(
        c.done and c.category is Category.DYNAMIC and state.started_on <= c.on < today
        for c in history
    )


def _tips(
    category: Category, first_jumps: bool, lands: bool, *, ramp: bool = False
) -> tuple[str, ...]:
    """Before a session with landings: the warm-up, on the block's first where to land, and
    how much pain is fine and when to stop; while the second jump day ramps in, why the
    session is lighter (``ramp``)."""
    if category is not Category.DYNAMIC or not lands:
        return ()
    ramping = (RAMP_TIP,) if ramp else ()
    if first_jumps:
        return (WARM_UP_TIP, READY_TIP, LANDING_TIP, PAIN_TIP, *ramping)
    return (WARM_UP_TIP, PAIN_TIP, *ramping)


def _converted(dose: Dose, target: Exercise, scale: float) -> Dose:
    """``dose`` carried over to ``target`` (a harder or easier variant, or a stand-in): a
    contacts dose keeps its landings (split per leg when the target is one-legged, never
    more), any other change of measure takes the target's own dose scaled alike."""
    own = target.dose
    if dose.contacts is not None and own.contacts is not None:
        if dose.per_side == own.per_side:
            return dose
        total = dose.total_contacts
        per = total if not own.per_side else (total // 2) // _CONTACT_STEP * _CONTACT_STEP
        return own.model_copy(update={"contacts": max(_CONTACT_STEP, per), "rest": dose.rest})
    if _same_measure(dose, own) and dose.per_side == own.per_side:
        return dose
    return own.scaled(scale)


def _cap_contacts(draft: _Draft, cap: int, *, only: Intensity | None = None) -> None:
    """Cut the last impact work until the session holds at most ``cap`` foot contacts
    (``only``: of that intensity class)."""
    for index in reversed(range(len(draft.entries))):
        over = draft.contacts(only) - cap
        if over <= 0:
            return
        exercise, part, dose, note = draft.entries[index]
        if not exercise.impact or dose.contacts is None:
            continue
        if only is not None and exercise.intensity is not only:
            continue
        per_side_cut = -(-over // (2 if dose.per_side else 1))
        cut = -(-per_side_cut // _CONTACT_STEP) * _CONTACT_STEP
        left = dose.contacts - cut
        if left < _CONTACT_STEP:
            del draft.entries[index]
        else:
            less = dose.model_copy(update={"contacts": left})
            draft.entries[index] = (exercise, part, less, note)


def _changed(main: Sequence[Exercise], template: SessionTemplate, content: Content) -> bool:
    """Whether the work a title names changed: a dynamic session's landings, or any main
    exercise of a strength session (mobility titles name areas, which swaps keep)."""
    if template.category is Category.MOBILITY:
        return False
    planned = [content.exercises[item.exercise] for item in template.main]
    if template.category is Category.DYNAMIC:
        return [e.id for e in main if e.impact] != [e.id for e in planned if e.impact]
    return [e.id for e in main] != [e.id for e in planned]


def _title_of(main: Sequence[Exercise], fallback: str) -> str:
    """A title naming what the main part holds, when it differs from the template's."""
    names = [_lower(e.name) for e in main]
    for count in (3, 2, 1):
        picked = names[:count]
        if not picked:
            break
        text = picked[0] if len(picked) == 1 else ", ".join(picked[:-1]) + " and " + picked[-1]
        text = text[0].upper() + text[1:]
        if len(text) <= MAX_TITLE:
            return text
    return fallback


def _lower(name: str) -> str:
    """A name as it reads mid-sentence: "Pogo hops" → "pogo hops", "A-skips" stays."""
    if len(name) > 1 and (name[1] == "-" or name[1].isupper()):
        return name
    return name[0].lower() + name[1:]


MAX_TITLE = 60


def _phase_context(state: PhaseState, today: date, week: int) -> str:
    match state.phase:
        case Phase.DYNAMIC_BLOCK:
            return f"week {week} of {block_length(state)} in your dynamic block"
        case Phase.REST_PHASE if week > REST_PHASE_WEEKS and state.race_date is not None:
            return "static work on to race season: too close for a new dynamic block"
        case Phase.REST_PHASE:
            return f"week {week} of your rest phase, so tendons recover"
        case Phase.RACE_SEASON if state.race_date is not None:
            days = (state.race_date - today).days
            return f"race season, {days} day{'s' if days != 1 else ''} to go: no jump work now"
        case Phase.POST_RACE_RECOVERY:
            return f"day {(today - state.started_on).days + 1} of your post-race recovery"
        case Phase.RECOVERY_HOLD:
            held = state.held_areas - {Area.PELVIC_FLOOR}  # the floor's hold is impact's
            areas = listed(a.label for a in sorted(held)) or "sore spot"
            if not held and state.held_areas:
                return "recovery hold: no impact work until your pelvic floor is checked"
            return f"recovery hold: nothing loads your {areas}"
        case Phase.ONBOARDING:
            return "easing in while we get to know each other"
        case _:
            return f"week {week} of your {state.phase.label}"


def _why(lead: str, state: PhaseState, today: date, week: int, steered: Steer | None) -> str:
    """The plan's one-line why; a step back or up says why first."""
    why = f"{lead}, {_phase_context(state, today, week)}."
    return f"{steered.why} {why}" if steered is not None else why


def _steer(  # noqa: PLR0917 - the day's values, each one value
    level: Level,
    state: PhaseState,
    limits: Restrictions,
    week: int,
    today: date,
    history: Sequence[Completion],
    reports: Sequence[BodyReport],
) -> Steer | None:
    """The step a dynamic day takes (``bot.core.steering``)."""
    early = (
        state.phase is Phase.DYNAMIC_BLOCK
        and state.block_number <= 1
        and week <= EARLY_IMPACT_WEEKS
        and level is Level.BEGINNER
    )
    sore = bool(limits.no_load or limits.caution or limits.blocks_dynamic)
    return steer(level, history, reports, today, early=early, sore=sore)


def _check_in(state: PhaseState, week: int) -> str | None:
    """The weeks-4-to-6 question on spring, never while jump work is still coming back
    (the graded way back: no jumps yet to feel)."""
    if state.phase is Phase.DYNAMIC_BLOCK and week in CHECK_IN_WEEKS and not state.way_back_stage:
        return (
            f"Week {week} of jump work: are your runs feeling springier yet, "
            "with quicker steps or more push-off? Tell me what you notice."
        )
    return None


def _screened(profile: RunnerProfile, limits: Restrictions, today: date) -> Restrictions:
    """The day's limits with the health screen's: no impact in pregnancy or soon after a
    birth."""
    if impact_limit(profile.health, today) is None:
        return limits
    return replace(limits, no_impact=True)


def impact_advice(profile: RunnerProfile, today: date) -> str | None:
    """Why impact work is out today, from the health screen (None: it is not); the plan's
    advice and /phase say it."""
    why = impact_limit(profile.health, today)
    return None if why is None else NO_IMPACT_REASONS[why]


#: Why impact work is out, as a plan adjustment (the health screen; /settings ends it).
NO_IMPACT_REASONS = {
    ImpactLimit.PREGNANT: (
        "No hops, jumps or skips while you're pregnant: new impact work needs a "
        "clinician's go-ahead first (change it in /settings)."
    ),
    ImpactLimit.POSTPARTUM: (
        "No hops, jumps or skips in the first months after giving birth: about 12 weeks "
        "and a clinician's go-ahead first (change it in /settings)."
    ),
}
LOW_IMPACT_NOTE = (
    "After a stress fracture, or signs of one, jump work stays at the low end: about {} foot "
    "contacts at most. Tell me at once about pain at one spot of a bone."
)
MIN_CONTACT_SCALE = 0.2
CONTACT_SCALE_STEP = 0.02


def _advice(limits: Restrictions) -> str | None:
    if not limits.blocks_dynamic:
        return None
    areas = listed(a.label for a in sorted(limits.red_flag_areas - {Area.LEG})) or "leg"
    tier = triage(limits.red_flags)
    # name only the signs behind the most urgent tier: a swollen knee is no bone stress sign
    top = max((TIER_OF_FLAG[flag] for flag in limits.red_flags), default=Tier.NONE)
    signs = ", ".join(f.label for f in sorted(limits.red_flags) if TIER_OF_FLAG[f] is top)
    what = f" ({signs})" if signs else ""
    if not limits.red_flags and Area.LEG in limits.red_flag_areas:  # chest pain, fainting
        return (
            "Your sessions stay stopped until a doctor has checked you. When they have, "
            "send /clear and we'll build back up gently."
        )
    if tier <= Tier.PELVIC_FLOOR and Area.PELVIC_FLOOR in limits.red_flag_areas:
        return PELVIC_FLOOR_ADVICE
    if not limits.red_flags:  # held since a sign told more than the reports' week ago
        held = sorted(limits.red_flag_areas - {Area.LEG}) or [Area.LEG]
        it = held[0].it if len(held) == 1 else "them"
        return (
            f"Your {areas} {'is' if it == 'it' else 'are'} still on hold from the warning sign "
            "you told me about. If a doctor or physio hasn't checked it yet, please see one; "
            f"until then no running or jumping, and nothing here loads {it}. Once you're "
            "cleared, send /clear."
        )
    if tier is Tier.EMERGENCY:
        return (
            f"What you describe{what} needs urgent medical care today: please stop training "
            "and get seen the same day."
        )
    if tier is Tier.BONE_STRESS and not bone_suspected(limits.red_flags, limits.red_flag_areas):
        return (
            f"What you describe{what} needs a doctor's or physiotherapist's look soon. Please "
            "stop running and jumping on it; nothing here loads that area until you're cleared."
        )
    if tier is Tier.BONE_STRESS:
        return (
            f"What you describe{what} can be a sign of a bone stress injury. Please stop running "
            "and jumping and see a doctor soon; nothing here loads that area until you're cleared."
        )
    if tier is Tier.NERVE and not limits.red_flags & (NERVE_SIGNS | JOINT_SIGNS):
        return CLINICIAN_HOLD_ADVICE  # a clinician's word told: theirs first, no referral
    if tier is Tier.NERVE:
        return _nerve_advice(limits.red_flags)
    return (
        f"What you describe{what} is more than normal training soreness. If it hasn't settled "
        f"within a few days, have a physiotherapist or doctor look at your {areas}. No jump "
        "work until it has settled and passed the checks; I'll keep the sessions gentle."
    )


#: The day's advice while a pelvic-floor sign holds: kind and plain, who to see, what the
#: plan does (coaching-facts.md, "Safety": hops and bounds without pain, leaking or
#: heaviness; the coach does not judge, it keeps impact out and refers).
PELVIC_FLOOR_ADVICE = (
    "Leaking, heaviness or dragging with impact is common, and a sign your pelvic floor "
    "wants more support before hops and jumps. Please see a pelvic health physio (your GP "
    "can refer you). Until they've checked you, no hops, jumps, skips or bounds; mobility "
    "and strength carry on. When they say you're ready, send /clear."
)


#: The day's advice while a clinician's word holds an area ("physio says no hopping for two
#: weeks"): they have seen it, so no referral; the hold lasts until they clear the runner.
CLINICIAN_HOLD_ADVICE = (
    "Your physio's or doctor's word comes first: nothing here loads that area with hops or "
    "jumps until they clear you, and follow their plan for running. When they do, send /clear."
)


#: What a joint does, by its signs said ("gives way", "locks").
_JOINT_DOES = {
    frozenset({RedFlag.GIVING_WAY}): "gives way",
    frozenset({RedFlag.LOCKING}): "locks",
    frozenset({RedFlag.GIVING_WAY, RedFlag.LOCKING}): "gives way and locks",
}


def _nerve_advice(flags: frozenset[RedFlag]) -> str:
    """Each sign by its own: a joint giving way is no nerve sign, and means no running on
    it until it is checked."""
    joint = flags & JOINT_SIGNS
    nerve = listed(flag.label for flag in sorted(flags & NERVE_SIGNS))
    if not nerve:
        said = listed(flag.label for flag in sorted(joint)) or RedFlag.GIVING_WAY.label
        return (
            f"What you describe ({said}) needs a physiotherapist's or doctor's look; no "
            "running, hops or jumps until you're cleared."
        )
    if not joint:
        return (
            f"What you describe ({nerve}) can come from an irritated nerve. Please have a "
            "clinician assess it; no hops or jumps until you're cleared."
        )
    return (
        f"What you describe ({nerve}) can come from an irritated nerve, and a joint that "
        f"{_JOINT_DOES[frozenset(joint)]} needs a look too. Please have a clinician assess "
        "both; no running, hops or jumps until you're cleared."
    )


FRESH_INJURY_LEAD = (
    "Gentle mobility instead of strength today: a joint that has just swelled or given way "
    "gets a couple of calm days first"
)
#: The why of a jump or strength day that soreness emptied, moved to mobility.
_EMPTIED_LEAD = {
    Category.DYNAMIC: "Mobility instead of jumps today",
    Category.STATIC: "Mobility instead of strength today",
}
LEGS_REST_WHY = (
    "Your legs need a rest today, so no session: an easy walk, slow breathing or gentle "
    "upper-body mobility is plenty. Tell me how they feel tomorrow."
)

SAFE_ONLY_WHY = (
    "No leg or hip loading at all while this is checked: rest, or only what is still safe "
    "(slow breathing, and gentle neck, shoulder and upper-back mobility, seated or lying)."
)


def _rest(today: date, state: PhaseState, week: int, why: str) -> DailyPlan:
    return DailyPlan(
        on=today,
        phase=state.phase,
        week=week,
        category=None,
        session_id=None,
        title="Rest day",
        why=why,
    )


def _rest_reason(state: PhaseState, today: date) -> str:
    if state.phase is Phase.PAUSED:
        until = f" until {_day(state.paused_until, today)}" if state.paused_until else ""
        return f"You're on a break{until}. Enjoy it."
    if state.race_date == today:
        return "Race day! No session: warm up as usual and enjoy it."
    return "Your rest day: let the body soak up the work."


def _day(value: date, today: date) -> str:
    """'Tue 05 Jan', with the year when it is not ``today``'s or the day is far off."""
    label = value.strftime("%a %d %b")
    near = value.year == today.year and abs((value - today).days) <= FAR_OFF_DAYS
    return label if near else f"{label} {value.year}"
