"""Tightness, soreness and pain: logging reports, the guided /sore flow, warning signs
by urgency, and clearing a hold on purpose (a clinician's go-ahead where the sign needs one,
then the return checks one at a time)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Final

from bot.core.monitoring import active_reports, needs_follow_up
from bot.core.phases import Cleared, InvalidTransition, ReportReceived
from bot.core.planner import DailyPlan
from bot.core.records import BodyReport
from bot.core.triage import (
    BONE_STRESS_SITES,
    CLINICIAN_TIERS,
    NEIGHBOURS,
    OVERNIGHT_CHECK,
    OVERNIGHT_MEMORY_DAYS,
    RETRY_DAYS,
    RETURN_CHECKS,
    Tier,
    after_go_ahead,
    bone_suspected,
    hold_areas,
    protected,
    triage,
)
from bot.core.understanding import Intent, IntentKind, ReportSlots
from bot.core.understanding.answers import (
    about_clearance,
    another_check,
    area_answer,
    check_answer,
    clinician_answer,
    impact_tried,
    kind_answer,
    legs_counted,
    no_check_answer,
    none_answer,
    overnight_answer,
    question_put_off,
    scale_answer,
    side_answer,
    yes_no,
)
from bot.core.understanding.fine import rating_left
from bot.core.understanding.later import ReportFix
from bot.core.understanding.numbers import above_the_scale
from bot.core.understanding.others import someone_elses_clearance
from bot.core.understanding.text import tokenise
from bot.core.vocabulary import Area, Phase, RedFlag, ReportKind, Side
from bot.presentation import chat, render
from bot.presentation import reports as words
from bot.presentation.callbacks import Action, Answer, Callback, decode, encode
from bot.service import health as health_settings
from bot.service.holds import Problem, held_problems, lifted_by
from bot.service.messages import Reply, keyboard
from bot.service.turn import Turn
from bot.storage import chats, records

__all__ = [
    "FLOWS",
    "RESUME",
    "clear_hold",
    "clearing_step",
    "end_guided_report",
    "guided_step",
    "open_question",
    "pick_hold",
    "record_report",
    "record_without_number",
    "settle",
    "start_clearing",
    "start_guided_report",
    "typed_answer",
    "typed_clearing",
    "warning_signs",
]

FLOW = "sore"
CLEAR_FLOW = "clear"
_FLOWS = frozenset({FLOW, CLEAR_FLOW})
FLOWS = _FLOWS
#: How far back a hold's warning signs are looked up when it is cleared.
_HOLD_MEMORY = timedelta(days=365)
_COMPANIONS = frozenset({Area.LEG, Area.LOWER_BACK})
#: In a report's or clearing's data: the conversation it interrupted, back when it ends.
RESUME = "resume"
_RESUME = RESUME
CLEARED_SEVERITY = 1
ACCEPTABLE = 3
WARNING = 5


#: How far back a report's side is looked up for a report of the same area said without one.
_SIDE_MEMORY = timedelta(days=14)


async def _with_known_side(turn: Turn, slots: ReportSlots) -> ReportSlots:
    """``slots`` with the side of the area's latest report when none is said ("achilles a
    bit better, like a 2" after "left achilles sore, 4": the left)."""
    if slots.side is not Side.NONE:
        return slots
    reports = await records.recent_reports(turn.session, turn.runner.id, turn.today - _SIDE_MEMORY)
    sides = [r.side for r in reports if r.area is slots.area]
    if sides and sides[-1] in (Side.LEFT, Side.RIGHT):
        return replace(slots, side=sides[-1])
    return slots


async def record_report(
    turn: Turn, slots: ReportSlots, text: str, *, ask_signs: bool = False, any_kind: bool = False
) -> list[Reply]:
    """Log a report, adapt the plan (a hold on warning signs, by urgency) and say what
    changed. ``ask_signs``: a typed pain report without warning signs also gets the
    warning-sign question, with buttons, instead of a guess; ``any_kind``: soreness and
    tightness too (the health screen's current injury)."""
    await end_guided_report(turn)
    slots = await _with_known_side(turn, slots)
    held = turn.state.held_areas
    if (
        slots.area in held
        and not slots.red_flags
        and slots.severity is not None
        and slots.severity <= CLEARED_SEVERITY
    ):
        return await start_clearing(turn, (slots.area,))
    again = await _held_for_it(turn, slots)
    before = await turn.plan()
    await _store(turn, slots, text)
    tier = triage(slots.red_flags, slots.side, slots.area)
    health = turn.profile.health
    if (
        tier is Tier.BONE_STRESS
        and not health.past_bone_stress
        and bone_suspected(slots.red_flags, {slots.area})
    ):
        # a suspected bone stress injury is history too: low-end impact, bone-pain questions
        await health_settings.store(turn, replace(health, past_bone_stress=True))
    if slots.red_flags:
        for area in sorted(hold_areas(slots.area, tier), key=lambda a: a is not slots.area):
            await turn.apply(ReportReceived(area, red_flag=True))
    if again is not None:  # "knee still a bit puffy": the same hold, no new one announced
        text = words.held_sign_again(slots.area, slots.side, slots.red_flags, slots.severity, again)
        return [Reply(text=text)]
    replies = [Reply(text=await _said_back(turn, before, slots))]
    if slots.area in held and not slots.red_flags:  # "hip still hurts a lot, 7/10"
        advice = await _held_advice(turn, slots.area)
        if advice is not None:
            replies.append(Reply(text=f"{words.STILL_HELD}\n\n{advice}"))
    # a past bone stress injury: any feeling at a bone-stress site gets the signs question,
    # a warning short of bone stress too ("shin gets a bit worse every run": it is asked
    # whether the bone's signs are there, which would stop running)
    bone = health.past_bone_stress and slots.area in BONE_STRESS_SITES
    if (
        ask_signs
        and (slots.kind is ReportKind.PAIN or any_kind or bone)
        and (not slots.red_flags or (bone and tier < Tier.BONE_STRESS))
        and slots.area not in held
    ):
        if bone:
            replies.append(Reply(text=words.BONE_HISTORY_CHECK))
        replies.append(await _ask_signs(turn, slots))
    return replies


async def _waits_for_a_clinician(turn: Turn) -> bool:
    """Whether a held problem waits for a clinician's look not yet had (a go-ahead with
    the checks under way is had: "ready for the hop test" the morning after them)."""
    problems = await held_problems(turn)
    if not any(p.tier in CLINICIAN_TIERS for p in problems):
        return False
    return await cleared_advice(turn, problems) is None


async def fine_under_hold(turn: Turn, intent: Intent, text: str) -> list[Reply]:
    """An area said fine, or a clinician's go-ahead, under a hold: the clearing questions;
    a mild report said beside the go-ahead ("calf still a bit tight") is kept too."""
    held = protected(turn.state.held_areas)
    clearing = await start_clearing(turn, intent.fine_areas, cleared=intent.cleared)
    if not intent.cleared and impact_tried(text) and await _waits_for_a_clinician(turn):
        # "hops were fine this morning, 0 pain" on a possible stress fracture
        clearing = [Reply(text=words.NOT_ON_IT_YET), *clearing]
    if intent.report is None:
        return clearing
    if intent.report.area in held:  # "calf still a bit tight", "probably shin splints"
        await keep_report(turn, intent.report, text)
        return clearing
    return clearing + await record_report(turn, intent.report, text)  # another area


async def _go_ahead_given(turn: Turn, area: Area, side: Side, signs: frozenset[RedFlag]) -> None:
    """A clinician has seen the problem: the areas held only until they could rule a clot,
    a fracture or a nerve root out are freed (the gentle sessions come back), and a report
    keeps the signs the return checks still watch; the area stays on hold until they pass."""
    kept, freed = after_go_ahead(area, side, signs)
    if not freed:
        return  # nothing held for what only a clinician could rule out: as it was
    for other in sorted(freed & turn.state.held_areas):
        await turn.apply(Cleared(other))
    report = BodyReport(turn.today, area, ReportKind.PAIN, side, None, kept)
    await records.add_body_report(turn.session, turn.runner.id, report, _GO_AHEAD_NOTE, turn.now)


#: The note kept with the report a clinician's go-ahead leaves.
_GO_AHEAD_NOTE: Final = "(a doctor or physio has checked it and cleared the runner)"


async def keep_report(turn: Turn, slots: ReportSlots, text: str) -> None:
    """Store a mild report said beside a clinician's go-ahead ("calf still a bit tight"):
    kept for the record and the plan, no sign in it, so nothing else changes."""
    await _store(turn, await _with_known_side(turn, slots), text)


async def _store(turn: Turn, slots: ReportSlots, text: str) -> None:
    """Store ``slots`` as today's report, with the runner's words."""
    report = BodyReport(
        turn.today, slots.area, slots.kind, slots.side, slots.severity, slots.red_flags, slots.worse
    )
    await records.add_body_report(turn.session, turn.runner.id, report, text[:1000], turn.now)


async def _held_for_it(turn: Turn, slots: ReportSlots) -> int | None:
    """Days since the hold began, when ``slots`` says again a sign of the hold's own tier
    (a swelling, a sharp pain) of an area already held for it; else None (a new area or a
    more urgent sign is a report of its own)."""
    state = turn.state
    if (
        not slots.red_flags
        or slots.area not in state.held_areas
        or state.phase is not Phase.RECOVERY_HOLD
        or triage(slots.red_flags, slots.side, slots.area) is not Tier.HOLD
    ):
        return None
    problem = next((p for p in await held_problems(turn) if p.area is slots.area), None)
    if problem is None or problem.tier is not Tier.HOLD or not slots.red_flags <= problem.signs:
        return None
    return (turn.today - state.started_on).days


#: How long after a report a correction in a message of its own still puts it right.
FIX_WINDOW = timedelta(hours=3)


async def amend_last(turn: Turn, fix: ReportFix, text: str) -> list[Reply] | None:
    """Put right the report sent just before ("sorry, not my knee, it's my hip", "I meant
    the right one"); None when no report was sent within ``FIX_WINDOW``. A report with a
    warning sign keeps its hold: a new area is reported beside it, never in its place."""
    found = await records.last_report(turn.session, turn.runner.id, turn.now - FIX_WINDOW)
    if found is None:
        return None
    report_id, old = found
    area = fix.area or old.area
    side = fix.side or old.side
    severity = old.severity if fix.severity is None else fix.severity
    if old.red_flags and area is not old.area:  # the hold stays: cautious
        slots = ReportSlots(area, side, old.kind, severity, old.red_flags, old.worse)
        replies = await record_report(turn, slots, text)
        return [Reply(text=words.kept_beside(old.area)), *replies]
    before = await turn.plan()
    new = replace(old, area=area, side=side, severity=severity)
    await records.amend_report(turn.session, turn.runner.id, report_id, new)
    slots = ReportSlots(area, side, new.kind, severity, new.red_flags, new.worse)
    return [Reply(text=f"{words.PUT_RIGHT}\n\n{await _said_back(turn, before, slots)}")]


async def _said_back(turn: Turn, before: DailyPlan, slots: ReportSlots) -> str:
    """A stored report said back with what it changed in today's plan (``before``: the
    plan before it was stored)."""
    held = slots.area in turn.state.held_areas and not slots.red_flags
    change = ""  # held: the hold's own line follows ("It's still on hold..."), no change said
    if not held:
        after = await turn.plan()
        logged = await records.recent_completions(turn.session, turn.runner.id, turn.today)
        done = any(log.done and log.on == turn.today for log in logged)
        on_hold = bool(turn.state.held_areas)
        change = describe_change(before, after, slots, on_hold=on_hold, done_today=done)
    return render.report_reply(
        slots.area, slots.side, slots.kind, slots.severity, slots.red_flags, change, held=held
    )


async def record_without_number(
    turn: Turn, slots: ReportSlots, text: str, value: str, *, stored: bool = False
) -> list[Reply]:
    """A body report with a number that cannot be right: stored without the number, so the
    plan spares the area (a warning sign is kept and triaged), and the number asked for on
    the guided report's severity buttons (the answer stores the report again, rated).
    ``stored``: another part of the message stored the report already; only ask."""
    slots = replace(slots, severity=None)
    replies = [] if stored else await record_report(turn, slots, text)
    data: dict[str, Any] = {
        "area": slots.area.value,
        "side": slots.side.value,
        "kind": slots.kind.value,
        "flags": sorted(slots.red_flags),
        "worse": slots.worse,
    }
    await _open(turn, FLOW, "severity", data)
    worst = slots.kind is ReportKind.PAIN and above_the_scale(value)  # "hip pain 11/10 😭"
    question = Reply(
        text=words.unrated_report(value, worst=worst),
        keyboard=keyboard(render.report_severity_keyboard()),
    )
    return [*replies, question]


async def settle(turn: Turn, areas: Sequence[Area], text: str) -> list[Reply]:
    """ "Calf fine now" with nothing on hold: each area the runner named that has a recent
    report (none named: every one being followed up) gets a 0/10 report, so its follow-up
    and what it restricts end ("the soreness in my quads is gone" after "quads sore 3": the
    quads no longer count as sore); an area never reported is not written down."""
    active = await _active(turn)
    targets = (
        {
            a: r
            for a, r in active.items()
            if a in areas and not (r.severity == 0 and not r.red_flags)
        }
        if areas
        else _followed_in(active)
    )
    left = rating_left(text.lower()) if len(targets) == 1 else None
    for area in sorted(targets):
        earlier = targets[area]
        kind = ReportKind.SORENESS if left is None else earlier.kind  # what is left, as it was
        fine = BodyReport(turn.today, area, kind, earlier.side, severity=left or 0)
        await records.add_body_report(turn.session, turn.runner.id, fine, text[:1000], turn.now)
    if left is not None:
        return [Reply(text=chat.easing_noted(left))]
    return [Reply(text=chat.fine_noted())]


async def _active(turn: Turn) -> dict[Area, BodyReport]:
    """The latest report of each area reported lately that still counts."""
    _, recent = await turn.recent(turn.today)
    return active_reports(recent, turn.today)


def _followed_in(active: dict[Area, BodyReport]) -> dict[Area, BodyReport]:
    """Those of ``active`` still being followed up."""
    return {a: r for a, r in active.items() if needs_follow_up(r)}


async def _followed(turn: Turn) -> dict[Area, BodyReport]:
    """The areas reported lately that are still being followed up (not on hold)."""
    return _followed_in(await _active(turn))


async def _ask_signs(turn: Turn, slots: ReportSlots) -> Reply:
    """The /sore warning-sign question for a typed report (already stored)."""
    data: dict[str, Any] = {
        "area": slots.area.value,
        "side": slots.side.value,
        "kind": slots.kind.value,
        "severity": slots.severity,
        "flags": [],
        "recorded": True,
        "worse": slots.worse,
    }
    await _open(turn, FLOW, "flags", data)
    question, rows = _report_question("flags", data)
    return Reply(text=question, keyboard=keyboard(rows))


#: Signs of the whole body, not of an area: every session stops until a doctor has looked.
_WHOLE_BODY = frozenset({RedFlag.HEART_SIGNS})


async def warning_signs(turn: Turn, signs: frozenset[RedFlag], text: str) -> list[Reply]:
    """Warning signs said without a body area: refer by urgency; ask where when it matters.
    A pelvic-floor sign needs no asking: it is a report of the pelvic floor, and the other
    signs said with it are triaged after it."""
    if RedFlag.PELVIC_FLOOR in signs:
        floor = frozenset({RedFlag.PELVIC_FLOOR})
        slots = ReportSlots(Area.PELVIC_FLOOR, Side.NONE, ReportKind.PAIN, None, floor)
        replies = await record_report(turn, slots, text)
        rest = signs - floor
        return replies + (await warning_signs(turn, rest, text) if rest else [])
    tier = triage(signs)
    if not _WHOLE_BODY.isdisjoint(signs):  # chest pain, fainting: no area, every session stops
        for area in sorted(hold_areas(Area.LEG, tier)):
            await turn.apply(ReportReceived(area, red_flag=True))
        reply = words.warning_sign_reply(tier, signs, ask_where=False)
        return [Reply(text=f"{reply}\n\n{words.WHOLE_BODY_HOLD}")]
    if tier is Tier.EMERGENCY:
        slots = ReportSlots(Area.LOWER_BACK, Side.NONE, ReportKind.PAIN, None, signs)
        return await record_report(turn, slots, text)
    if tier is Tier.DOCTOR:
        return [Reply(text=words.warning_sign_reply(tier, signs, ask_where=False))]
    await _open(turn, FLOW, "area", {"flags": sorted(signs)})
    held = [
        (problem.area, problem.side)
        for problem in await held_problems(turn)
        if problem.area in turn.state.held_areas
        and problem.area is not Area.PELVIC_FLOOR
        and RedFlag.HEART_SIGNS not in problem.signs
    ]
    return [
        Reply(
            text=words.warning_sign_reply(tier, signs, ask_where=True, held=held),
            keyboard=keyboard(render.report_area_keyboard()),
        )
    ]


def describe_change(
    before: DailyPlan,
    after: DailyPlan,
    slots: ReportSlots,
    *,
    on_hold: bool = False,
    done_today: bool = False,
) -> str:
    """What the report changes in the plan, in one or two plain sentences.

    ``on_hold``: an area is on a recovery hold, which adds no extra mobility (a hold
    message never offers it); ``done_today``: today's session is logged done already, so
    the change is to the sessions after it."""
    area = slots.area.label
    if slots.red_flags:
        tier = triage(slots.red_flags, slots.side, slots.area)
        held = hold_areas(slots.area, tier)
        whole_leg = Area.LEG in held
        return words.hold_change(
            slots.area, tier, NEIGHBOURS[slots.area], whole_leg, slots.red_flags
        )
    rule = _rule_for(slots)
    if on_hold and rule == _extra_mobility(area):
        return words.TIGHT_DURING_HOLD
    if rule is _MILD:
        return rule
    if done_today:
        return f"{rule} Today's session is done already; the next ones spare it."
    return f"{rule} {_today_change(before, after, area)}"


def _rule_for(slots: ReportSlots) -> str:
    area, severity = slots.area.label, slots.severity
    if slots.worse:
        return (
            f"Worse by the morning means too much load for now: nothing in your sessions "
            f"loads your {area} until it settles, and your next jump session is lighter. "
            f"{_ASKING}"
        )
    if slots.kind is ReportKind.PAIN or (severity is not None and severity > WARNING):
        return f"Nothing in your sessions loads your {area} until it settles. {_ASKING}"
    settles = "they settle" if slots.area.it == "them" else "it settles"
    if slots.kind is ReportKind.SORENESS and severity is not None and severity > ACCEPTABLE:
        return (
            f"No jumps or strength work aimed at your {area} until {settles}; gentle mobility "
            f"is fine. {_ASKING}"
        )
    if slots.kind is ReportKind.SORENESS and severity is None:
        return (
            f"For the next three days, no jumps or strength work aimed at your {area}; gentle "
            "mobility is fine."
        )
    if slots.kind is ReportKind.TIGHTNESS:
        return _extra_mobility(area)
    return _MILD


def _extra_mobility(area: str) -> str:
    return f"Your sessions get extra mobility for your {area} for the next three days."


_MILD = "Soreness up to 3/10 is fine to train with, so the plan stays as it is."
_ASKING = "I'll ask how it feels each morning for up to a week."


def _today_change(before: DailyPlan, after: DailyPlan, area: str) -> str:
    if after.is_rest:
        return "Today is a rest day anyway." if before.is_rest else "Today becomes a rest day."
    if before.category != after.category and after.category is not None:
        return f"Today's {before.category} session becomes {after.category} work."
    if [e.exercise_id for e in before.exercises] != [e.exercise_id for e in after.exercises]:
        return "I've adjusted today's session around it: /today shows the new version."
    return "Today's session already spares it."


async def clear_hold(turn: Turn, area: Area | None) -> list[Reply]:
    """Lift the hold on an area (or everything) at once: only after the return checks, or
    to give the core's refusal ("nothing is on hold")."""
    try:
        result = await turn.apply(Cleared(area))
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)))]
    return [Reply(text=words.cleared(result.reason))]


async def start_clearing(
    turn: Turn, areas: Sequence[Area] = (), *, cleared: bool = False
) -> list[Reply]:
    """The runner says an area (or everything) is fine: ask before the hold ends.

    Each held problem (``bot.service.holds``) is cleared on its own, named: with several
    and none named, the runner picks one by its button. A suspected bone stress injury, a
    nerve sign or an emergency sign first needs a clinician's go-ahead; a joint that gave
    way or a nerve sign is asked about (has it stayed away?); then the return checks run
    one at a time, each at pain 2/10 or less. Only when all pass does that hold end.
    ``cleared``: the runner said a clinician has cleared them ("physio checked me and said
    I'm ok to hop"), the clinician question's "yes": the questions after it come next.
    """
    held = turn.state.held_areas
    named = [area for area in areas if area in held]
    if held and (going_on := await _partway(turn, named)) is not None:
        return going_on
    if not held or (areas and not named):
        followed = await _followed(turn)
        if any(not areas or area in areas for area in followed):
            # "/clear calves" for a soreness being followed up, not held: it is fine now
            return await settle(turn, areas, "/clear " + " ".join(a.value for a in areas))
        return await clear_hold(turn, areas[0] if areas else None)
    problems = await held_problems(turn)
    chosen = problems
    if named:
        chosen = [p for p in problems if p.area in named] or [
            p for p in problems if not p.areas.isdisjoint(named)
        ]
    waiting = await _overnight_area(turn)
    if len(chosen) > 1 and any(p.area is waiting for p in chosen):
        chosen = [p for p in chosen if p.area is waiting]  # the hop check the morning after
    if len(chosen) > 1:
        await _open(turn, CLEAR_FLOW, "pick", {"cleared": True} if cleared else {})
        question, rows = _which(chosen)
        return [Reply(text=question, keyboard=keyboard(rows))]
    problem = (chosen or problems)[0]
    first = problems[0]  # the most urgent
    if first.tier > problem.tier and first.tier in CLINICIAN_TIERS:
        # the checks (jogging, single-leg squats, hops) load the whole leg: the more
        # serious hold is cleared first
        lead = words.serious_first(
            words.hold_name(first.area, first.side, first.signs),
            words.hold_name(problem.area, problem.side, problem.signs),
        )
        asked = await _start_problem(turn, first, problems, cleared=cleared)
        return [replace(reply, text=f"{lead}\n\n{reply.text}") for reply in asked]
    return await _start_problem(turn, problem, problems, cleared=cleared)


#: Clearing steps past the clinician's go-ahead with a question open.
_PAST_CLINICIAN: Final = frozenset({"sign", "check"})


async def _partway(turn: Turn, named: Sequence[Area]) -> list[Reply] | None:
    """The open clearing question again when /clear is sent partway through it (past the
    clinician's go-ahead) for the same hold: the checks go on, not back to the start."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != CLEAR_FLOW:
        return None
    data = dict(conversation.data)
    if conversation.step not in _PAST_CLINICIAN or _problem_of(data) is None:
        return None
    if named and not set(data.get("areas", [])) & {area.value for area in named}:
        return None  # another hold named: its own questions
    question, rows = _clearing_question(conversation.step, data)
    return [Reply(text=f"{words.WHERE_WE_WERE}\n\n{question}", keyboard=keyboard(rows))]


#: The clearing data's key for the day a clinician's go-ahead was given: kept while the
#: checks rest after a failed one, so it is not asked for again.
_SEEN_ON: Final = "seen_on"


async def _seen_before(turn: Turn, problem: Problem) -> date | None:
    """The day a clinician cleared ``problem`` before a return check failed (the checks
    resting since), unless its sign was said again after it: asked for once, not again."""
    data = await _waiting_at(turn, RESTING)
    return None if data is None else _seen_on(data, problem)


def _seen_on(data: dict[str, Any], problem: Problem) -> date | None:
    """``_seen_before`` from the resting conversation's ``data``."""
    failed, seen_on = _problem_of(data), _day_in(data, _SEEN_ON)
    if failed is None or seen_on is None or failed[0] is not problem.area:
        return None
    if problem.reported_on is not None and problem.reported_on > seen_on:
        return None
    return seen_on


async def cleared_advice(turn: Turn, problems: Sequence[Problem] | None = None) -> str | None:
    """The day's advice once a clinician has cleared the runner's one held problem that
    needed them: its return checks are under way, or rest a few days after a failed one.
    Not "get seen the same day" again for what has been seen; None otherwise. ``problems``:
    the held problems, when the caller has them already."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != CLEAR_FLOW:
        return None
    steps = {*_PAST_CLINICIAN, OVERNIGHT, _OVERNIGHT_QUESTION, RESTING}
    if conversation.step not in steps:
        return None
    if problems is None:
        problems = await held_problems(turn)
    if len(problems) != 1 or problems[0].tier not in CLINICIAN_TIERS:
        return None
    if conversation.step != RESTING:
        return words.CHECKS_UNDER_WAY
    data = dict(conversation.data)
    if _seen_on(data, problems[0]) is None:
        return None
    failed_on = _day_in(data, "failed_on") or turn.today
    retry_on = failed_on + timedelta(days=RETRY_DAYS)
    return words.checks_resting(retry_on if retry_on > turn.today else None)


def _which(problems: Sequence[Problem]) -> tuple[str, render.Rows]:
    """Which of several holds to clear, with a button for each."""
    names = [(p.area, words.hold_name(p.area, p.side, p.signs)) for p in problems]
    return words.which_hold_question([n for _, n in names]), words.which_hold_keyboard(names)


async def _start_problem(
    turn: Turn,
    problem: Problem,
    problems: Sequence[Problem],
    *,
    edit: bool = False,
    cleared: bool = False,
) -> list[Reply]:
    """Open the clearing questions for ``problem``: the clinician's go-ahead where its sign
    needs one (unless ``cleared``: said already), else the sign question or the first
    check."""
    data: dict[str, Any] = {
        "areas": sorted(a.value for a in lifted_by(problem, problems)),
        "area": problem.area.value,
        "side": problem.side.value,
        "signs": sorted(problem.signs),
        "check": 0,
    }
    if (overnight := await _overnight(turn, problem)) is not None:
        return [replace(reply, edit=edit) for reply in overnight]
    if (resting := await _still_resting(turn, problem)) is not None:
        return [replace(reply, edit=edit) for reply in resting]
    if problem.tier not in CLINICIAN_TIERS and problem.reported_on == turn.today:
        # the return checks test an area that has settled: not the day the sign was said
        name = words.hold_name(problem.area, problem.side, problem.signs)
        return [Reply(text=words.too_soon_to_clear(name), edit=edit)]
    seen_before = await _seen_before(turn, problem)
    asks_clinician = problem.tier in CLINICIAN_TIERS and not cleared and seen_before is None
    if problem.tier in CLINICIAN_TIERS and not asks_clinician:
        data[_SEEN_ON] = (seen_before or turn.today).isoformat()
        if seen_before is None:
            await _go_ahead_given(turn, problem.area, problem.side, problem.signs)
    step = "clinician" if asks_clinician else _after_clinician(data)
    await _open(turn, CLEAR_FLOW, step, data)
    question, rows = _clearing_question(step, data)
    if cleared and problem.tier in CLINICIAN_TIERS:
        question = f"{words.GO_AHEAD_HEARD}\n\n{question}"
    elif seen_before is not None and problem.tier in CLINICIAN_TIERS:
        question = f"{words.SEEN_BEFORE}\n\n{question}"
    return [Reply(text=question, keyboard=keyboard(rows), edit=edit)]


#: The clearing conversation's step while the hops wait for the morning after the first
#: checks (no question is open: messages are read as usual), then its morning question.
OVERNIGHT = "overnight"
_OVERNIGHT_QUESTION = "overnight_question"


#: The clearing conversation's step after a failed check: no question is open, and the
#: checks wait ``RETRY_DAYS`` before they are tried again.
RESTING = "resting"


async def _waiting_at(turn: Turn, step: str) -> dict[str, Any] | None:
    """The clearing conversation's data when it waits at ``step`` (overnight, resting)."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or (conversation.name, conversation.step) != (CLEAR_FLOW, step):
        return None
    return dict(conversation.data)


def _day_in(data: dict[str, Any], key: str) -> date | None:
    """A day kept in a conversation's data ("checked_on", "failed_on"), if any."""
    try:
        return date.fromisoformat(str(data.get(key)))
    except ValueError:
        return None


async def _rest_before_retrying(turn: Turn, data: dict[str, Any]) -> None:
    """End the questions after a failed check; the checks of that hold wait a few days
    before they are tried again (kept as the conversation's step, unless it interrupted
    another conversation, which then resumes)."""
    if _RESUME in data:
        await end_guided_report(turn)
        return
    await _open(turn, CLEAR_FLOW, RESTING, {**data, "failed_on": turn.today.isoformat()})


async def _still_resting(turn: Turn, problem: Problem) -> list[Reply] | None:
    """The checks of ``problem`` asked for again too soon after one failed: when to try."""
    data = await _waiting_at(turn, RESTING)
    failed = None if data is None else _problem_of(data)
    failed_on = None if data is None else _day_in(data, "failed_on")
    if failed is None or failed_on is None or failed[0] is not problem.area:
        return None
    retry_on = failed_on + timedelta(days=RETRY_DAYS)
    if turn.today >= retry_on:
        return None
    return [Reply(text=words.retry_later(words.hold_name(*failed), retry_on))]


#: What a message told the morning after the first checks may be read as besides how the
#: area feels: nothing else, or a report of that area ("knee's a bit stiffer this morning").
_MORNING_TOLD = frozenset({IntentKind.UNKNOWN, IntentKind.NOT_FINE, IntentKind.BODY_REPORT})


async def _overnight_told(
    turn: Turn, data: dict[str, Any], text: str, intent: Intent
) -> list[Reply] | None:
    """How the area feels, told unasked the morning after the first checks ("it's a bit
    stiffer this morning"): the answer to the morning question. None (read as usual) the
    same day, with a warning sign, or for anything else."""
    problem, checked_on = _problem_of(data), _day_in(data, "checked_on")
    if problem is None or checked_on is None or checked_on >= turn.today or intent.signs:
        return None
    if intent.kind not in _MORNING_TOLD or (
        intent.report is not None
        and (intent.report.red_flags or intent.report.area is not problem[0])
    ):
        return None
    said = overnight_answer(text, pelvic=RedFlag.PELVIC_FLOOR in problem[2])
    if said is None:
        return None
    await _open(turn, CLEAR_FLOW, _OVERNIGHT_QUESTION, data)
    press = decode(encode(Action.CLEAR_SIGN, Answer.YES if said else Answer.NO))
    assert press is not None
    return [replace(reply, edit=False) for reply in await clearing_step(turn, press)]


async def _overnight_area(turn: Turn) -> Area | None:
    """The area whose hop check waits for the morning after its first checks, if any."""
    data = await _waiting_at(turn, OVERNIGHT)
    checked = None if data is None else _problem_of(data)
    return None if checked is None else checked[0]


async def _overnight(turn: Turn, problem: Problem) -> list[Reply] | None:
    """The hop check of ``problem`` once the checks before it passed on an earlier day: the
    morning question (no worse?) first; the same day, the hops wait. None when no such
    checks stand (none, another problem's, reported again since, or too long ago)."""
    data = await _waiting_at(turn, OVERNIGHT)
    if data is None:
        return None
    checked, checked_on = _problem_of(data), _day_in(data, "checked_on")
    if checked is None or checked_on is None or checked[0] is not problem.area:
        return None
    stale = turn.today - checked_on > timedelta(days=OVERNIGHT_MEMORY_DAYS)
    if stale or (problem.reported_on is not None and problem.reported_on > checked_on):
        return None
    name = words.hold_name(*checked)
    if checked_on >= turn.today:
        return [Reply(text=words.overnight_not_yet(name))]
    await _open(turn, CLEAR_FLOW, _OVERNIGHT_QUESTION, data)
    question, rows = _clearing_question(_OVERNIGHT_QUESTION, data)
    return [Reply(text=question, keyboard=keyboard(rows))]


def _problem_of(data: dict[str, Any]) -> tuple[Area, Side, frozenset[RedFlag]] | None:
    """The held problem a clearing conversation is about (None in an older one)."""
    try:
        area, side = Area(data["area"]), Side(data.get("side", Side.NONE))
        return area, side, frozenset(RedFlag(flag) for flag in data.get("signs", []))
    except (KeyError, ValueError):
        return None


def _after_clinician(data: dict[str, Any]) -> str:
    """The step after the clinician's go-ahead: the sign question where there is one."""
    problem = _problem_of(data)
    return "sign" if problem is not None and words.sign_question(*problem) else "check"


def _clearing_question(step: str, data: dict[str, Any]) -> tuple[str, render.Rows]:
    """The open clearing question at ``step``, with its buttons."""
    problem = _problem_of(data)
    if step == "clinician":
        text = (
            words.CLINICIAN_QUESTION
            if problem is None
            else words.clinician_question(words.hold_name(*problem), problem[2])
        )
        return text, words.clinician_keyboard()
    if step == _OVERNIGHT_QUESTION and problem is not None:
        return words.overnight_question(words.hold_name(*problem), problem[2]), (
            words.overnight_keyboard()
        )
    if step == "sign" and problem is not None and (asked := words.sign_question(*problem)):
        return asked, words.sign_keyboard()
    index = int(data.get("check", 0))
    area, signs = (problem[0], problem[2]) if problem else (None, frozenset[RedFlag]())
    return words.check_question(index, area, signs), words.check_keyboard(index, signs)


async def pick_hold(
    turn: Turn, area: Area, *, edit: bool = True, cleared: bool = False
) -> list[Reply]:
    """The hold picked from several (by its button, or typed): its clearing questions."""
    problems = await held_problems(turn)
    problem = next((p for p in problems if p.area is area), None)
    if problem is None:
        return [Reply(toast="That isn't on hold any more. Send /clear to see what is.")]
    return await _start_problem(turn, problem, problems, edit=edit, cleared=cleared)


async def _held_advice(turn: Turn, area: Area) -> str | None:
    """The referral of the most urgent warning sign that holds ``area`` (None if none is
    found), said again when the runner reports on it."""
    found = await _holding_sign(turn, (area,))
    return None if found is None else render.referral(*found)


async def _hold_tier(turn: Turn, targets: Collection[Area]) -> Tier:
    """The most urgent warning sign behind the hold on ``targets`` (a hold at least)."""
    found = await _holding_sign(turn, targets)
    return Tier.HOLD if found is None else max(Tier.HOLD, found[0])


async def _holding_sign(
    turn: Turn, targets: Collection[Area]
) -> tuple[Tier, frozenset[RedFlag]] | None:
    """The tier and signs of the most urgent report whose hold covers any of ``targets``
    (the latest of equals); None when no warning sign holds them."""
    since = turn.today - _HOLD_MEMORY
    wanted = set(targets)
    found: tuple[Tier, frozenset[RedFlag]] | None = None
    for report in await records.recent_reports(turn.session, turn.runner.id, since):
        if not report.red_flags:
            continue
        tier = triage(report.red_flags, report.side, report.area)
        if hold_areas(report.area, tier) & wanted and (found is None or tier >= found[0]):
            found = (tier, report.red_flags)
    return found


async def clearing_step(turn: Turn, callback: Callback) -> list[Reply]:
    """One answer in the clearing conversation (which hold, the clinician's go-ahead, the
    sign question, then each check)."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != CLEAR_FLOW:
        return [Reply(toast="That was finished or cancelled already. Send /clear to start again.")]
    data: dict[str, Any] = dict(conversation.data)
    action, step = callback.action, conversation.step
    if action is Action.CLEAR_PICK and step == "pick":
        return await pick_hold(turn, Area(callback.str_arg(0)), cleared=bool(data.get("cleared")))
    problem = _problem_of(data)
    if action is Action.CLEAR_CLINICIAN and step == "clinician":
        if Answer(callback.str_arg(0)) is Answer.NO:
            await end_guided_report(turn)
            signs = problem[2] if problem is not None else frozenset[RedFlag]()
            return [Reply(text=words.not_cleared_yet(signs), edit=True)]
        if problem is not None and RedFlag.HEART_SIGNS in problem[2]:
            # a sign of the whole body: a doctor's go-ahead is the way back, no joint checks
            await end_guided_report(turn)
            return await _lift(turn, data, after_doctor=True)
        data[_SEEN_ON] = turn.today.isoformat()
        if problem is not None:
            await _go_ahead_given(turn, *problem)
        return await _move(turn, _after_clinician(data), data)
    if action is Action.CLEAR_SIGN and step == "overnight_question":
        if Answer(callback.str_arg(0)) is Answer.NO:
            await _rest_before_retrying(turn, data)
            return [Reply(text=words.overnight_worse(problem[0] if problem else None), edit=True)]
        data["check"] = OVERNIGHT_CHECK
        return await _move(turn, "check", data)
    if action is Action.CLEAR_SIGN and step == "sign" and problem is not None:
        if Answer(callback.str_arg(0)) is Answer.NO:
            await end_guided_report(turn)
            return [Reply(text=words.sign_failed(*problem), edit=True)]
        return await _move(turn, "check", data)
    index = callback.int_arg(0) if action is Action.CLEAR_CHECK else -1
    if step != "check" or index != data.get("check"):
        return [Reply(toast="That button is out of date.")]
    if Answer(callback.str_arg(1)) is not Answer.YES:
        await _rest_before_retrying(turn, data)
        area, signs = (problem[0], problem[2]) if problem else (None, frozenset[RedFlag]())
        return [Reply(text=words.check_failed(index, area, signs), edit=True)]
    if index + 1 == OVERNIGHT_CHECK:  # the hops wait for the morning after
        data["checked_on"] = turn.today.isoformat()
        await _open(turn, CLEAR_FLOW, OVERNIGHT, data)
        name = words.hold_name(*problem) if problem else "the area"
        signs = problem[2] if problem else frozenset[RedFlag]()
        return [Reply(text=words.wait_overnight(name, signs), edit=True)]
    if index + 1 < len(RETURN_CHECKS):
        data["check"] = index + 1
        return await _move(turn, "check", data)
    await end_guided_report(turn)
    return await _lift(turn, data)


async def _move(turn: Turn, step: str, data: dict[str, Any]) -> list[Reply]:
    """Move the clearing conversation to ``step`` and ask its question (an edit)."""
    await _open(turn, CLEAR_FLOW, step, data)
    question, rows = _clearing_question(step, data)
    return [Reply(text=question, keyboard=keyboard(rows), edit=True)]


#: Typed intents that are no answer to a clearing question: they are answered as usual and
#: the question stays open.
_NOT_CLEARING_ANSWERS = frozenset(
    {
        IntentKind.TODAY,
        IntentKind.PROGRESS,
        IntentKind.HISTORY,
        IntentKind.HELP,
        IntentKind.SET_REMINDER,
        IntentKind.SET_TIMEZONE,
        IntentKind.RACE_DATE,
        IntentKind.PAUSE,
        IntentKind.RESUME,
    }
)


async def typed_clearing(turn: Turn, step: str, text: str, intent: Intent) -> list[Reply] | None:
    """A typed answer to the clearing question that is open, taken as its button would be
    ("yep", "physio said it's fine", "not yet", "walked fine, no pain", "hurt a bit, like
    4": a pain above 2/10 fails a check). A warning sign in it ends the questions and is
    triaged as a report (the hold stays); an unclear answer asks again, with the buttons;
    None when the text is about something else ("what's today's session?")."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != CLEAR_FLOW:
        return None
    if step == OVERNIGHT:
        return await _overnight_told(turn, dict(conversation.data), text, intent)
    if step == RESTING:
        return None  # no question is open: read as usual
    data: dict[str, Any] = dict(conversation.data)
    signs = intent.signs | (intent.report.red_flags if intent.report else frozenset())
    if signs:
        await end_guided_report(turn)
        return await _triage_during_clearing(turn, intent, signs, data, text)
    off_topic = (
        None
        if intent.kind in _NOT_CLEARING_ANSWERS
        else _not_about_clearing(turn, step, text, intent, data)
    )
    if off_topic is not None:
        return off_topic
    if step != "pick" and someone_elses_clearance(" ".join(tokenise(text.lower()).words)):
        return _ask_again(step, data)  # "my wife's doctor cleared her": no answer of theirs
    if step == "pick":
        found = area_answer(text, turn.today)
        if found is None or all(p.area is not found[0] for p in await held_problems(turn)):
            return None  # "plantar fasciitis flaring up" with the knee on hold: a report
        return await pick_hold(turn, found[0], edit=False, cleared=bool(data.get("cleared")))
    if step == _OVERNIGHT_QUESTION:
        problem = _problem_of(data)
        said = overnight_answer(
            text, pelvic=problem is not None and RedFlag.PELVIC_FLOOR in problem[2]
        )
        if said is None:
            return None if intent.kind in _NOT_CLEARING_ANSWERS else _ask_again(step, data)
        press = encode(Action.CLEAR_SIGN, Answer.YES if said else Answer.NO)
    elif step in ("clinician", "sign"):
        said = clinician_answer(text) if step == "clinician" else yes_no(text)
        if said is None:
            return None if intent.kind in _NOT_CLEARING_ANSWERS else _ask_again(step, data)
        action = Action.CLEAR_CLINICIAN if step == "clinician" else Action.CLEAR_SIGN
        press = encode(action, Answer.YES if said else Answer.NO)
    else:
        if no_check_answer(text, logged=intent.kind is IntentKind.DONE):
            return None  # "is this ok for over 50s?", "done, effort 3 no pain": read as usual
        index = int(data.get("check", 0))
        problem = _problem_of(data)
        passed = check_answer(
            text,
            pelvic=problem is not None and RedFlag.PELVIC_FLOOR in problem[2],
            check=RETURN_CHECKS[index],
        )
        if passed is None and another_check(text, RETURN_CHECKS[index]):
            question, rows = _clearing_question(step, data)
            return [Reply(text=words.answer_about_other_check(question), keyboard=keyboard(rows))]
        if passed is None:
            return None if intent.kind in _NOT_CLEARING_ANSWERS else _ask_again(step, data)
        press = encode(Action.CLEAR_CHECK, index, Answer.YES if passed else Answer.NO)
    callback = decode(press)
    assert callback is not None
    # a new message rather than an edit: there is no tapped message to change
    return [replace(reply, edit=False) for reply in await clearing_step(turn, callback)]


def _not_about_clearing(
    turn: Turn, step: str, text: str, intent: Intent, data: dict[str, Any]
) -> list[Reply] | None:
    """The re-ask when a typed message is no answer about the clearance itself: it names an
    area that is not being cleared ("glute is fine again" to the shin's questions), or, to
    the clinician question, says only how an area feels ("shin is fine now"). Nothing is
    stored for the clearance. None when the message may be an answer."""
    clearing = {Area(value) for value in data.get("areas", [])}
    if (problem := _problem_of(data)) is not None:
        clearing.add(problem[0])
    named = set(intent.fine_areas)
    if intent.report is not None:
        named.add(intent.report.area)
    if (where := area_answer(text, turn.today)) is not None:
        named.add(where[0])
    if legs_counted(text):  # "10 each leg, 1/10": how the check was done
        named.discard(Area.LEG)
    others = named - clearing
    if step == "pick":
        return None
    question, rows = _clearing_question(step, data)
    if step == "clinician":
        only_feels = (bool(named) or intent.kind is IntentKind.FEELS_FINE) and not about_clearance(
            text
        )
        if not others and not only_feels:
            return None
    elif not others:
        return None
    shown = [area for area in clearing if area not in _COMPANIONS] or clearing
    return [
        Reply(
            text=words.answer_about_other_area(others, shown, question),
            keyboard=keyboard(rows),
        )
    ]


async def _triage_during_clearing(
    turn: Turn, intent: Intent, signs: frozenset[RedFlag], data: dict[str, Any], text: str
) -> list[Reply]:
    """A warning sign said while a hold is being cleared: a report on the area it names, or
    on the one area being cleared; else the usual questions about where it is."""
    if intent.report is not None:
        return await record_report(turn, intent.report, text)
    areas = [Area(value) for value in data.get("areas", [])]
    named = [area for area in areas if area not in _COMPANIONS] or areas
    if (problem := _problem_of(data)) is not None:
        named = [problem[0]]
    if len(named) == 1:
        slots = ReportSlots(named[0], Side.NONE, ReportKind.PAIN, None, signs)
        return await record_report(turn, slots, text)
    return await warning_signs(turn, signs, text)


def _ask_again(step: str, data: dict[str, Any]) -> list[Reply]:
    """An answer that is neither yes nor no: the same question again, with its buttons."""
    question, rows = _clearing_question(step, data)
    return [Reply(text=words.unclear_answer(question), keyboard=keyboard(rows))]


async def _lift(turn: Turn, data: dict[str, Any], *, after_doctor: bool = False) -> list[Reply]:
    """Every check passed (or, for a sign of the whole body, a doctor's go-ahead): end the
    hold on the problem's areas, and name what stays."""
    areas = [Area(value) for value in data.get("areas", [])]
    problem = _problem_of(data)
    held = turn.state.held_areas
    reason = ""
    try:
        if areas and set(areas) >= held:
            reason = (await turn.apply(Cleared(None))).reason
        else:
            for area in areas:
                if area in turn.state.held_areas:
                    reason = (await turn.apply(Cleared(area))).reason
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)), edit=True)]
    fine_areas = sorted({*areas, *([problem[0]] if problem else [])})
    for area in fine_areas:  # the latest report of each area now says it is fine (0/10)
        fine = BodyReport(turn.today, area, ReportKind.SORENESS, severity=0)
        said = "a doctor cleared the runner" if after_doctor else "every return check passed"
        await records.add_body_report(turn.session, turn.runner.id, fine, said, turn.now)
    name = None if problem is None else words.hold_name(*problem)
    left = await held_problems(turn) if turn.state.held_areas else []
    still = [words.hold_name(p.area, p.side, p.signs) for p in left]
    if after_doctor:
        return [Reply(text=words.cleared_by_a_doctor(reason, still), edit=True)]
    return [Reply(text=words.cleared_after_checks(reason, name, still), edit=True)]


async def end_guided_report(turn: Turn) -> bool:
    """Close the guided report or the clearing questions (False when neither is open),
    back to what it interrupted.

    Cancelling stores nothing; a report typed while it is open replaces it, so its
    buttons go stale. Onboarding that the report interrupted carries on where it was.
    """
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name not in _FLOWS:
        return False
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    interrupted = conversation.data.get(_RESUME)
    if isinstance(interrupted, dict):
        await chats.set_conversation(
            turn.session,
            turn.sender.chat_id,
            str(interrupted["name"]),
            str(interrupted["step"]),
            dict(interrupted["data"]),
            now=turn.now,
        )
    return True


#: The set-up's conversation name (``bot.service.onboarding.FLOW``, which imports this).
_SETUP_FLOW = "onboarding"


async def _open(turn: Turn, flow: str, step: str, data: dict[str, Any]) -> None:
    """Open (or move) ``flow`` at ``step``; a flow it interrupts (onboarding) resumes after."""
    previous = await chats.get_conversation(turn.session, turn.sender.chat_id)
    data = dict(data)
    if previous is not None and previous.name not in _FLOWS:
        data[_RESUME] = {"name": previous.name, "step": previous.step, "data": previous.data}
    elif previous is not None and _RESUME in previous.data:
        data[_RESUME] = previous.data[_RESUME]
    await chats.set_conversation(turn.session, turn.sender.chat_id, flow, step, data, now=turn.now)


async def start_guided_report(turn: Turn) -> list[Reply]:
    """Ask where it is, by buttons; a flow it interrupts (onboarding) resumes afterwards."""
    await _open(turn, FLOW, "area", {})
    question, rows = _report_question("area", {})
    return [Reply(text=question, keyboard=keyboard(rows))]


async def guided_step(turn: Turn, callback: Callback) -> list[Reply]:
    """Advance the guided report by one button press."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != FLOW:
        return [
            Reply(toast="That report was already finished or cancelled. Send /sore to start again.")
        ]
    data: dict[str, Any] = dict(conversation.data)
    action = callback.action
    if action is Action.REPORT_AREA:
        data["area"] = callback.str_arg(0)
        if data["area"] == Area.PELVIC_FLOOR.value:  # no side to it: on to the next step
            data["side"] = Side.NONE.value
            return await _sided(turn, data)
        return await _ask(turn, data, "side")
    if action is Action.REPORT_SIDE:
        data["side"] = callback.str_arg(0)
        return await _sided(turn, data)
    if action is Action.REPORT_KIND:
        data["kind"] = callback.str_arg(0)
        return await _ask(turn, data, "severity")
    if action is Action.REPORT_SEVERITY:
        data["severity"] = callback.args[0]
        data.setdefault("flags", [])
        return await _ask(turn, data, "flags")
    if action is Action.REPORT_FLAG:
        flags = set(data.get("flags", []))
        flags ^= {callback.str_arg(0)}
        data["flags"] = sorted(flags)
        return await _ask(turn, data, "flags")
    return await _finish(turn, data)


async def _sided(turn: Turn, data: dict[str, Any]) -> list[Reply]:
    """The guided report once its side is known: a clinician's hold is finished (where is
    all it needs, no feeling asked), any other report asks how it feels."""
    if data.get("flags") == [RedFlag.CLINICIAN_HOLD.value]:
        data["kind"] = ReportKind.PAIN.value
        return await _finish(turn, data)
    return await _ask(turn, data, "kind")


async def typed_answer(turn: Turn, step: str, text: str) -> list[Reply] | None:
    """A typed answer to the guided report's open question, taken as its button would be
    ("right shin", "left", "sore", "5"); None when the text is no such answer."""
    presses: list[str] = []
    if step == "area" and (found := area_answer(text, turn.today)) is not None:
        area, side = found
        presses.append(encode(Action.REPORT_AREA, area.value))
        if side is not Side.NONE:
            presses.append(encode(Action.REPORT_SIDE, side.value))
    elif step == "side" and (named := side_answer(text)) is not None:
        presses.append(encode(Action.REPORT_SIDE, named.value))
    elif step == "kind" and (kind := kind_answer(text)) is not None:
        presses.append(encode(Action.REPORT_KIND, kind.value))
    elif step == "severity" and (rating := scale_answer(text)) is not None:
        presses.append(encode(Action.REPORT_SEVERITY, rating))
    elif step == "flags" and none_answer(text):  # "none of these": the checklist's last button
        presses.append(encode(Action.REPORT_FINISH))
    elif step == "flags" and question_put_off(text):  # "skip": asked again, nothing logged
        conversation = turn.conversation
        chosen = conversation.data.get("flags", []) if conversation is not None else []
        return [Reply(text=words.FLAGS_PUT_OFF, keyboard=keyboard(words.flags_keyboard(chosen)))]
    replies: list[Reply] = []
    for data in presses:
        callback = decode(data)
        assert callback is not None
        replies = await guided_step(turn, callback)
    # a new message rather than an edit: there is no tapped message to change (and no
    # "Thanks, noted." standing in for it before the answer's own thanks)
    kept = [reply for reply in replies if reply.text != words.noted()] or replies
    return [replace(reply, edit=False) for reply in kept] if presses else None


def open_question(turn: Turn) -> list[Reply]:
    """The report or clearing question still open (a chat reopened shows it again, with
    its buttons; the warning-sign checklist with the signs already ticked); none when no
    such question is open."""
    conversation = turn.conversation
    if conversation is None or conversation.name not in _FLOWS:
        return []
    data, step = conversation.data, conversation.step
    if conversation.name == CLEAR_FLOW:
        if step in ("pick", OVERNIGHT, RESTING):
            return []  # the picking buttons are kept in the message that asked; none open
        question, rows = _clearing_question(step, dict(data))
        return [Reply(text=question, keyboard=keyboard(rows))]
    if step not in _REPORT_STEPS:
        return []
    question, rows = _report_question(step, data)
    return [Reply(text=question, keyboard=keyboard(rows))]


_REPORT_STEPS = frozenset({"area", "side", "kind", "severity", "flags"})


def _report_question(step: str, data: dict[str, Any]) -> tuple[str, render.Rows]:
    """The guided report's question at ``step``, with its buttons (the signs ticked)."""
    if step == "area":
        return words.AREA_QUESTION, render.report_area_keyboard()
    if step == "side":
        return words.SIDE_QUESTION, render.report_side_keyboard()
    if step == "kind":
        return words.KIND_QUESTION, render.report_kind_keyboard()
    if step == "severity":
        return words.SEVERITY_QUESTION, render.report_severity_keyboard()
    return words.FLAGS_QUESTION, words.flags_keyboard(data.get("flags", []))


async def _ask(turn: Turn, data: dict[str, Any], step: str) -> list[Reply]:
    await chats.set_conversation(turn.session, turn.sender.chat_id, FLOW, step, data, now=turn.now)
    question, rows = _report_question(step, data)
    return [Reply(text=question, keyboard=keyboard(rows), edit=True)]


async def _finish(turn: Turn, data: dict[str, Any]) -> list[Reply]:
    try:
        slots = ReportSlots(
            area=Area(data["area"]),
            side=Side(data["side"]),
            kind=ReportKind(data["kind"]),
            severity=data.get("severity"),
            red_flags=frozenset(RedFlag(flag) for flag in data.get("flags", [])),
            worse=bool(data.get("worse", False)),
        )
    except (KeyError, ValueError):
        await end_guided_report(turn)
        return [Reply(text=words.muddled())]
    if data.get("recorded") and not slots.red_flags:  # a typed report, already stored
        await end_guided_report(turn)
        back = [Reply(text=words.back_to_setup())] if _resumes_setup(data) else []
        return [Reply(text=words.noted(), edit=True), *back]
    replies = await record_report(turn, slots, _summary(slots))
    if _resumes_setup(data):
        replies.append(Reply(text=words.back_to_setup()))
    return [Reply(text=words.noted(), edit=True), *replies]


def _resumes_setup(data: dict[str, Any]) -> bool:
    """Whether the report interrupted set-up (not an effort or pain question)."""
    resume = data.get(_RESUME)
    return isinstance(resume, dict) and resume.get("name") == _SETUP_FLOW


def _summary(slots: ReportSlots) -> str:
    """The guided report in words, as if the runner had typed it ("left calves soreness 6/10")."""
    side = "" if slots.side is Side.NONE else f"{slots.side.value} "
    severity = "" if slots.severity is None else f" {slots.severity}/10"
    flags = "".join(f", {flag.label}" for flag in sorted(slots.red_flags))
    return f"{side}{slots.area.label} {slots.kind.value}{severity}{flags}"
