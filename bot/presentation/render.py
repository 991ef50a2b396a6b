"""Messages as Telegram HTML, and inline keyboards as plain rows of (text, callback data).

Pure: no Telegram imports. Every string that goes into HTML is escaped here, whether a
runner typed it or it came from the content, so callers pass plain text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from functools import lru_cache

from bot.core.comeback import Stage, awaiting_morning, stage_of
from bot.core.content import Part
from bot.core.phases import REST_PHASE_WEEKS, PhaseState
from bot.core.planner import DailyPlan, PlannedExercise
from bot.core.triage import (
    JOINT_SIGNS,
    NERVE_SIGNS,
    Tier,
    bone_suspected,
    stops_running,
    triage,
)
from bot.core.vocabulary import (
    Area,
    Category,
    Phase,
    RedFlag,
    ReportKind,
    Side,
    listed,
    sign_labels,
)
from bot.presentation.callbacks import Action, encode
from bot.presentation.commands import COMMANDS
from bot.presentation.doses import contacts_by_intensity, dose_text
from bot.presentation.html import escape_text as _e
from bot.presentation.splitting import MESSAGE_LIMIT, split_message, truncate_caption, utf16_len
from bot.presentation.way_back import stage_block, stage_line

__all__ = [
    "MESSAGE_LIMIT",
    "Rows",
    "body_part",
    "change_to_skipped_keyboard",
    "day_label",
    "effort_keyboard",
    "group_reply",
    "help_message",
    "media_hint",
    "phase_message",
    "referral",
    "report_area_keyboard",
    "report_kind_keyboard",
    "report_reply",
    "report_severity_keyboard",
    "report_side_keyboard",
    "session_keyboard",
    "session_message",
    "split_message",
    "truncate_caption",
    "unknown_command",
    "unknown_reply",
    "utf16_len",
    "week_message",
    "your_part",
]


Rows = list[list[tuple[str, str]]]
"""An inline keyboard: rows of (button text, callback data)."""

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PART_HEADINGS = {Part.WARM_UP: "Warm-up", Part.MAIN: "Main", Part.COOL_DOWN: "Cool-down"}
_CATEGORY_NAMES = {
    Category.MOBILITY: "Mobility",
    Category.STATIC: "Strength",
    Category.DYNAMIC: "Dynamic",
}


def _sentence(text: str) -> str:
    """Capitalised, with a full stop unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def day_label(day: date, today: date | None = None) -> str:
    """'Tue 01 Dec' (English whatever the locale); with ``today``, the year when it differs."""
    label = f"{_WEEKDAYS[day.weekday()]} {day.day:02d} {_MONTHS[day.month - 1]}"
    return label if today is None or today.year == day.year else f"{label} {day.year}"


def _long_day(day: date) -> str:
    return f"{day_label(day)} {day.year}"


# ---------------------------------------------------------------- today's session


def session_message(
    plan: DailyPlan, *, first_name: str | None = None, logged: str | None = None
) -> str:
    """Today's session as a coach would send it; ``logged`` is appended once it is logged."""
    where = _phase_line(plan.phase, plan.week)
    hello = f"Hi {_e(first_name.strip())}! " if first_name and first_name.strip() else ""
    if plan.is_rest:
        blocks = [
            f"<b>{day_label(plan.on)} · {_e(plan.title)}</b>\n<i>{where}</i>",
            f"{hello}{_e(plan.why)}",
        ]
        if plan.advice:
            blocks.append(f"⚠️ <b>Important:</b> {_e(plan.advice)}")
        blocks.append("Nothing to tick off today. /plan shows what's coming.")
    else:
        blocks = [
            f"<b>{day_label(plan.on)} · {_e(plan.title)}</b>\n"
            f"<i>{where} · about {plan.minutes} min</i>",
            f"{hello}{_e(plan.why)}",
        ]
        if plan.advice:
            blocks.append(f"⚠️ <b>Important:</b> {_e(plan.advice)}")
        if plan.way_back is not None:
            blocks.append(f"🪜 {stage_line(plan.way_back)}")
        if plan.tips:
            blocks.append("\n".join(f"👟 {_e(tip)}" for tip in plan.tips))
        blocks.extend(_part_block(plan.exercises, part) for part in Part)
        if landings := contacts_by_intensity(plan.exercises):
            blocks.append(f"<i>Today: {_e(landings)}.</i>")
        if plan.adjustments:
            lines = "\n".join(f"• {_e(_sentence(line))}" for line in plan.adjustments)
            blocks.append(f"<b>What I changed today</b>\n{lines}")
        if plan.check_in:
            blocks.append(f"💬 {_e(plan.check_in)}")
        if not logged:
            blocks.append(
                "Tap <b>Done</b> when you've finished, or just tell me how it went. "
                "Something tight or sore? Tap <b>Sore or tight</b> first and I'll adjust."
            )
    if logged:
        blocks.append(_e(logged))
    return "\n\n".join(block for block in blocks if block)


def _phase_line(phase: Phase, week: int) -> str:
    label = _cap(phase.label)
    return label if phase is Phase.PAUSED else f"{label}, week {week}"


def _part_block(exercises: Sequence[PlannedExercise], part: Part) -> str:
    items = [_exercise(e) for e in exercises if e.part is part]
    if not items:
        return ""
    return f"<b>{_PART_HEADINGS[part]}</b>\n" + "\n".join(items)


@lru_cache(maxsize=4096)
def _exercise(item: PlannedExercise) -> str:
    """One exercise's lines; the same few recur across runners and days, so each is
    written once while remembered."""
    cues = "\n".join(_e(cue) for cue in item.cues or (item.cue,))
    text = f"• <b>{_e(item.name)}</b> — {_e(dose_text(item))}\n{cues}"
    if item.note:
        text += f"\n<i>↳ {_e(_sentence(item.note))}</i>"
    return text


def session_keyboard(plan: DailyPlan) -> Rows:
    """Done / Skip / Sore-or-tight buttons; none on a rest day."""
    if plan.is_rest or plan.session_id is None:
        return []
    return [
        [
            ("✅ Done", encode(Action.DONE, plan.on, plan.session_id)),
            ("⏭ Skip", encode(Action.SKIP, plan.on, plan.session_id)),
        ],
        [("🩹 Sore or tight", encode(Action.SORE, plan.on))],
    ]


def log_day_keyboard(days: Sequence[DailyPlan], *, done: bool, effort: int | None) -> Rows:
    """One button a day, to log a session said of several days ("on the weekend") on the
    day the runner taps: done (with the effort said, if any) or skipped."""
    row = []
    for plan in days:
        if plan.session_id is None:
            continue
        label = f"{'✅' if done else '⏭'} {_WEEKDAYS[plan.on.weekday()]} {plan.on.day:02d}"
        if not done:
            data = encode(Action.SKIP, plan.on, plan.session_id)
        elif effort is not None and 1 <= effort <= 10:
            data = encode(Action.EFFORT, plan.on, plan.session_id, effort)
        else:
            data = encode(Action.DONE, plan.on, plan.session_id)
        row.append((label, data))
    return [row] if row else []


def change_to_skipped_keyboard(on: date, session_id: str) -> Rows:
    """One button that changes a day logged done to skipped (the session card's Skip)."""
    return [[("⏭ Change it to skipped", encode(Action.SKIP, on, session_id))]]


def effort_keyboard(on: date, session_id: str) -> Rows:
    """How hard did it feel: 1-5 (easy end) and 6-10 (hard end)."""
    labels = {1: "1 easy", 5: "5", 10: "10 max"}
    return [
        [
            (labels.get(rpe, str(rpe)), encode(Action.EFFORT, on, session_id, rpe))
            for rpe in range(first, first + 5)
        ]
        for first in (1, 6)
    ]


# ---------------------------------------------------------------- the guided report


def report_area_keyboard() -> Rows:
    """Every body area but the pelvic floor, three to a row."""
    buttons = [
        (_cap(area.label), encode(Action.REPORT_AREA, area))
        for area in Area
        if area is not Area.PELVIC_FLOOR  # said in words: leaking or heaviness is no 0-10
    ]
    return [buttons[i : i + 3] for i in range(0, len(buttons), 3)] + [_cancel_row()]


def report_side_keyboard() -> Rows:
    """Left, right, both, or not a sided thing."""
    names = {Side.LEFT: "Left", Side.RIGHT: "Right", Side.BOTH: "Both", Side.NONE: "No side"}
    return [[(names[side], encode(Action.REPORT_SIDE, side)) for side in Side], _cancel_row()]


def report_kind_keyboard() -> Rows:
    """Tight, sore or painful."""
    names = {
        ReportKind.TIGHTNESS: "Tight",
        ReportKind.SORENESS: "Sore",
        ReportKind.PAIN: "Painful",
    }
    return [
        [(names[kind], encode(Action.REPORT_KIND, kind)) for kind in ReportKind],
        _cancel_row(),
    ]


def report_severity_keyboard() -> Rows:
    """0-10 in two rows, plus "Not sure"."""
    return [
        [(str(n), encode(Action.REPORT_SEVERITY, n)) for n in range(0, 6)],
        [(str(n), encode(Action.REPORT_SEVERITY, n)) for n in range(6, 11)],
        [("Not sure", encode(Action.REPORT_SEVERITY, None)), _cancel_row()[0]],
    ]


def _cancel_row() -> list[tuple[str, str]]:
    return [("Cancel", encode(Action.CANCEL))]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


_ONE = {
    Area.HIP_FLEXORS: "hip flexor",
    Area.HIPS: "hip",
    Area.GLUTES: "glute",
    Area.HAMSTRINGS: "hamstring",
    Area.QUADS: "quad",
    Area.CALVES: "calf",
    Area.SHINS: "shin",
}
_KIND_WORDS = {
    ReportKind.TIGHTNESS: "tightness",
    ReportKind.SORENESS: "soreness",
    ReportKind.PAIN: "pain",
}


def your_part(area: Area, side: Side) -> str:
    """'your left calf', 'both knees', 'your lower back'."""
    part = body_part(area, side)
    return part if side is Side.BOTH and area is not Area.LOWER_BACK else f"your {part}"


def body_part(area: Area, side: Side) -> str:
    """'left calf', 'both knees', 'lower back': one side is singular, both sides plural."""
    if side in (Side.LEFT, Side.RIGHT):
        return f"{side.value} {_ONE.get(area, area.label)}"
    if side is Side.BOTH and area is Area.LOWER_BACK:
        return area.label
    if side is Side.BOTH:
        both = {Area.KNEE: "knees", Area.ANKLE: "ankles", Area.FOOT: "feet", Area.LEG: "legs"}
        return f"both {both.get(area, area.label)}"
    return area.label


def report_reply(  # noqa: PLR0917 - the report in the order the runner gives it
    area: Area,
    side: Side,
    kind: ReportKind,
    severity: int | None,
    red_flags: Collection[RedFlag],
    plan_change: str,
    *,
    held: bool = False,
) -> str:
    """Thanks for a body report, what it means for the plan, and advice on warning signs;
    ``held``: the area is on hold already, so a low number is no "normal feedback".

    With warning signs the opening names them ("swelling in your knee"), not a kind of
    pain, and the advice follows the most urgent tier; it never names a diagnosis.
    """
    score = f", {severity}/10" if severity is not None else ""
    tier = triage(red_flags, side, area)
    if RedFlag.CLINICIAN_HOLD in red_flags:  # seen already: their word, no referral
        return _clinicians_hold(area, side, stops_running(red_flags, tier), plan_change)
    if frozenset(red_flags) == PELVIC_FLOOR_SIGNS:  # said kindly, never as a fault
        lines = [PELVIC_FLOOR_THANKS, referral(tier, red_flags)]
    elif red_flags:
        signs = listed(sign_labels(red_flags))
        lines = [f"Thanks for telling me about {your_part(area, side)}: {_e(signs)}{score}."]
        lines.append(referral(tier, red_flags, area))
    else:
        lines = [f"Thanks for telling me: {_KIND_WORDS[kind]} in {your_part(area, side)}{score}."]
        if kind is ReportKind.PAIN or (severity is not None and severity >= 6):
            lines.append("That's worth listening to, so we'll go easy on it for now.")
        elif severity is not None and severity <= 3 and not held:
            lines.append("That sounds like normal training feedback. Keep an eye on it.")
    if plan_change.strip():
        lines.append(f"<b>What changes:</b> {_e(plan_change.strip())}")
    if tier is not Tier.EMERGENCY:
        lines.append(_next_step(tier, bool(red_flags)))
    return "\n\n".join(lines)


def _clinicians_hold(area: Area, side: Side, no_running: bool, plan_change: str) -> str:
    """A clinician's word told ("physio says ... no running for a week and no hopping"):
    it comes first, the area is held until they clear the runner (HTML)."""
    out = "hops, jumps or running" if no_running else "hops or jumps"
    lines = [
        f"Thanks for telling me what they said about {your_part(area, side)}. Their word "
        f"comes first: I've put it on hold, so nothing I send loads it with {out}. Follow "
        "their plan for running and for any exercises they gave you."
    ]
    if plan_change.strip():
        lines.append(f"<b>What changes:</b> {_e(plan_change.strip())}")
    if "/clear" not in plan_change:
        lines.append(
            "Next step: when they've cleared you, send /clear and I'll take you through a few "
            "checks before impact work comes back."
        )
    return "\n\n".join(lines)


#: A report's signs when it is only the pelvic floor's.
PELVIC_FLOOR_SIGNS = frozenset({RedFlag.PELVIC_FLOOR})
PELVIC_FLOOR_THANKS = (
    "Thanks for telling me, that's really useful to know. Leaking, or a heavy or dragging "
    "feeling down below, with hops, jumps or running is common and nothing you did wrong. "
    "Still, don't push through it: your pelvic floor isn't ready for that much impact yet."
)


def _next_step(tier: Tier, signs: bool) -> str:
    """The report's last line: the next step for the area (the plan change says how a
    hold ends)."""
    if tier is Tier.PELVIC_FLOOR:
        return "Next step: book that appointment. Tell me any time if anything changes."
    if tier in (Tier.NERVE, Tier.BONE_STRESS):  # a clinician's look comes first
        return "Next step: get it checked. Until then, tell me at once if it gets worse."
    if signs:
        return "Tell me how it feels over the next days."
    return "Tell me how it feels over the next days, and when it's fine again."


#: Signs that, after a fall or a twist, say the leg cannot take weight: a possible fracture.
_WEIGHT_SIGNS = frozenset({RedFlag.CANNOT_BEAR_WEIGHT, RedFlag.LIMPING, RedFlag.PAIN_ON_WALKING})


def referral(tier: Tier, red_flags: Collection[RedFlag], area: Area | None = None) -> str:
    """Who to see and how soon, for the most urgent tier the warning signs reach.

    Each says what the signs *can* point to and who should look; none names a diagnosis.
    """
    if RedFlag.HEART_SIGNS in red_flags and RedFlag.CLOT_SIGNS in red_flags:
        return (
            "🚨 <b>Please call your emergency number now.</b> A swollen, hot, painful calf "
            "with breathlessness or chest pain can mean a blood clot has reached the lungs, "
            "which needs help straight away. Don't exercise."
        )
    if RedFlag.HEART_SIGNS in red_flags:
        return (
            "🚨 <b>Please stop exercising and get medical help.</b> If it is happening now, "
            "call your emergency number; otherwise get urgent care today. Chest pain, "
            "fainting or a racing or irregular heartbeat with exercise always needs a "
            "doctor's check before you train again."
        )
    if RedFlag.CLOT_SIGNS in red_flags:
        return (
            "🚨 <b>Please get this checked today</b> (your doctor, an urgent care centre or "
            "A&amp;E). A leg that is swollen, red or hot and painful (most often in the calf) "
            "can be a sign of a blood clot, and a hot, red, swollen joint needs a doctor's look "
            "too, the same day. Don't massage it or train on it; if you get short of breath or "
            "chest pain, call your emergency number."
        )
    if RedFlag.AFTER_FALL in red_flags and not _WEIGHT_SIGNS.isdisjoint(red_flags):
        return (
            "🚨 <b>Please get it checked today</b> (an urgent care centre or A&amp;E). Pain you "
            "can't walk or put weight on after a fall, a twist or a crash can be a fracture "
            "and may need an X-ray. Rest it: no running or jumping on it."
        )
    if tier is Tier.NERVE and NERVE_SIGNS.isdisjoint(red_flags):  # a joint's own sign
        what = (
            "locks, catches or won't straighten"
            if RedFlag.GIVING_WAY not in red_flags
            else "gives way"
        )
        return (
            "⚠️ <b>Please have a physiotherapist or doctor look at it.</b> A joint that "
            f"{what} needs checking first: no running, hops or jumps on it until you've "
            "been cleared."
        )
    if tier is Tier.EMERGENCY:
        return (
            "🚨 <b>Please get urgent medical care today</b> (an urgent care centre, A&amp;E or "
            "your emergency number). Numbness around the seat, new bladder or bowel trouble, "
            "or nerve symptoms in both legs can be a sign of pressure on the nerves at the "
            "base of the spine, and that needs checking the same day, not waiting for a "
            "physio. Stop training for now."
        )
    if tier is Tier.BONE_STRESS and area is not None and not bone_suspected(red_flags, {area}):
        return (  # a calf that makes the runner limp: held as firmly, worded as a muscle
            "⚠️ <b>Please stop running and jumping on it, and see a doctor or physiotherapist "
            "soon</b> (today if you can't put weight on it). It needs checking before the area "
            "is loaded again. Don't stretch it or push through it."
        )
    if tier is Tier.BONE_STRESS:
        return (
            "⚠️ <b>Please stop running and jumping, and see a doctor soon.</b> This can be a "
            "sign of a bone stress injury, which needs checking before the area is loaded "
            "again. Don't stretch it or push through it."
        )
    if tier is Tier.NERVE:
        return (
            "⚠️ <b>Please have a clinician assess this</b> (a physiotherapist or your doctor). "
            "Numbness, tingling, weakness or pain running down the leg can come from an "
            "irritated nerve. No hops, jumps or running drills until you've been cleared. If "
            "it spreads to both legs, or you notice numbness around the seat or new bladder "
            "or bowel trouble, get urgent care the same day."
        ) + (
            " A joint that gives way or locks needs that check too: no running on it until then."
            if not JOINT_SIGNS.isdisjoint(red_flags)
            else ""
        )
    if tier is Tier.PELVIC_FLOOR:
        return (
            "⚠️ <b>Please see a pelvic health physio</b> (also called a women's health "
            "physio). Your GP can refer you, and in many places you can book one yourself. "
            "They can check your pelvic floor and guide you back to impact work, including how "
            "much running suits you for now. If you ever lose control of your bladder or "
            "bowel, or feel numb around the seat, get urgent care the same day."
        )
    if tier is Tier.DOCTOR:
        who = (
            "a doctor or a sports dietitian"
            if RedFlag.LOW_ENERGY_SIGNS in red_flags
            else "a doctor"
        )
        rest = (
            " Rest while you're unwell, with no sessions during a temperature: "
            "/pause stops the sessions and reminders, /resume brings them back."
            if RedFlag.UNWELL in red_flags
            else ""
        )
        return (
            f"⚠️ <b>Please see {who} about this.</b> It needs a medical look rather than a "
            f"change to your training.{rest}"
        )
    return (
        "⚠️ <b>Please take this seriously.</b> That is more than everyday training soreness: "
        "have a physiotherapist or doctor look at it if it hasn't settled within a few days, "
        "and at once if it is severe or getting worse fast. Before impact work comes back, "
        "I'll take you through a few checks."
    )


# ---------------------------------------------------------------- week and phase


def week_message(
    plans: Sequence[DailyPlan],
    *,
    done_today: bool = False,
    logged: Mapping[date, bool] | None = None,
    next_week: bool = False,
) -> str:
    """The days ahead, one line each, noting where a new phase begins; the first day
    (today) marked done when ``done_today``; a day in ``logged`` marked done (True) or
    skipped (False), such as a skip said ahead; titled "Next week" when ``next_week``."""
    logged = dict(logged or {})
    if done_today and plans:
        logged[plans[0].on] = True
    if not plans:
        return "Nothing planned yet. Finish the setup with /start and I'll draw up your week."
    first = plans[0]
    title = "Next week" if next_week else f"Your next {len(plans)} days"
    lines = [f"<b>{title}</b>\n<i>{_phase_line(first.phase, first.week)}</i>"]
    previous = first.phase
    for plan in plans:
        if plan.phase is not previous:
            lines.append(f"<i>{_cap(plan.phase.label)} starts</i>")
            previous = plan.phase
        done = logged.get(plan.on)
        mark = "" if done is None else (" ✅ done" if done else " ⏭ skipped")
        lines.append(f"{day_label(plan.on)} — {_day_summary(plan)}{mark}")
    lines.append(
        "\nPlans shift as you log sessions and tell me how you feel, so /today has the last word. "
        "The whole block: /plan block."
    )
    return "\n".join(lines)


_DAY_WORDS = {None: "rest", Category.MOBILITY: "mobility", Category.STATIC: "strength"}


def block_message(plans: Sequence[DailyPlan]) -> str:
    """The block week by week: one line a week of the phase, each day's kind in a word."""
    if not plans:
        return "Nothing planned yet. Finish the setup with /start and I'll draw up your block."
    groups: list[list[DailyPlan]] = []
    for plan in plans:  # a new row where the phase or its week changes
        if groups and (groups[-1][0].phase, groups[-1][0].week) == (plan.phase, plan.week):
            groups[-1].append(plan)
        else:
            groups.append([plan])
    lines = [f"<b>Your block, week by week</b> (from {day_label(plans[0].on)})"]
    for days in groups:
        first = days[0]
        jumps = sum(_lands(plan) for plan in days)
        kinds = " · ".join(f"{_WEEKDAYS[plan.on.weekday()]} {_day_word(plan)}" for plan in days)
        lead = f"{_cap(first.phase.label)}, week {first.week}"
        count = f" ({jumps} jump day{'s' if jumps != 1 else ''})" if jumps else ""
        lines.append(f"<b>{lead}</b>{count}: {kinds}")
    lines.append("\nThe days ahead in detail: /plan. Plans shift as you log and report.")
    return "\n".join(lines)


def _lands(plan: DailyPlan) -> bool:
    """A jump day: a dynamic session that still has landings (not one the health screen or
    a warning sign turned into strength and control work)."""
    return plan.category is Category.DYNAMIC and any(e.impact for e in plan.exercises)


def _day_word(plan: DailyPlan) -> str:
    if plan.category is Category.DYNAMIC:
        return "jumps" if _lands(plan) else "control"
    return _DAY_WORDS[plan.category]


def _day_summary(plan: DailyPlan) -> str:
    if plan.category is None:
        return "Rest day"
    kind = _CATEGORY_NAMES[plan.category]
    return f"{kind}: {_e(plan.title)}, {plan.minutes} min"


_PHASE_ABOUT = {
    Phase.ONBOARDING: "We're getting to know each other: gentle mobility while you settle in.",
    Phase.BASE: "Mobility and strength to build a base before any jump work.",
    Phase.DYNAMIC_BLOCK: (
        "Hops, skips and bounds once or twice a week, with strength and mobility in between."
    ),
    Phase.REST_PHASE: (
        "A break from jump work so your tendons can catch up; strength and mobility go on."
    ),
    Phase.RACE_SEASON: "No jump work before your race: mobility and light strength keep you fresh.",
    Phase.POST_RACE_RECOVERY: (
        "Gentle mobility so your legs recover from the race (longer after a longer race; "
        "light strength after the first week), and no jumps until it is over."
    ),
    Phase.PAUSED: "Everything waits while you're away. /resume brings you back early.",
}


def phase_about(phase: Phase) -> str:
    """What a phase is for, in a sentence (a recovery hold has no fixed sentence)."""
    return _PHASE_ABOUT.get(phase, "")


def phase_message(
    state: PhaseState,
    next_change: tuple[Phase, date] | None,
    reason: str | None,
    *,
    today: date | None = None,
    impact_note: str | None = None,
    holds: Sequence[str] = (),
    no_running: bool = False,
    urgent: bool = False,
    seen: bool = False,
) -> str:
    """Where the runner is in the cycle, what comes next, when and why; ``impact_note`` says
    why jump work is out whatever the phase (the health screen); ``holds``: each hold as a
    physio names it ("the chest pain, fainting or racing heart you told me about");
    ``no_running``: a hold keeps running out too (a bone-stress sign, a joint that gave way);
    ``urgent``: a hold's sign needs a doctor the same day; ``seen``: a clinician has cleared
    the runner already and the return checks come next."""
    lines = [f"<b>You're in {_phase_name(state)}</b>{_phase_progress(state, today)}."]
    if state.phase is Phase.RECOVERY_HOLD:
        areas = listed([a.label for a in sorted(state.held_areas)]) or "sore spot"
        held = f"your {_e(areas)}" if not holds else _e(listed(list(holds)))
        when = (
            "/clear takes you through the return checks."
            if seen
            else "Once a doctor or physio has checked it and given you the go-ahead, /clear "
            "takes you through the return checks."
            if urgent or no_running
            else "When it feels fine, /clear takes you through the return checks (after a "
            "warning sign, a doctor's or physio's go-ahead comes first)."
        )
        lines.append(f"On hold for now: {held}. {when}")
        if no_running:
            see = (
                "You've been checked and cleared, so the return checks come next."
                if seen
                else "If you haven't been seen yet, please get checked today (your doctor, "
                "an urgent care centre or A&amp;E)."
                if urgent
                else "If a doctor or physio hasn't checked it yet, please see one."
            )
            lines.append(f"No running or jumping until then, not even an easy jog. {see}")
    else:
        lines.append(_PHASE_ABOUT[state.phase])
    if state.race_date is not None:
        lines.append(f"🏁 Race day: {_long_day(state.race_date)}.")
    blocks = ["\n".join(lines)]
    if impact_note:
        blocks.append(f"⚠️ {_e(impact_note)} Jump days are strength and control instead.")
    stage = stage_of(state)
    if stage is not Stage.FULL and today is not None:
        blocks.append(stage_block(stage, awaiting_morning(state, today), today))
    if next_change is not None:
        phase, on = next_change
        blocks.append(f"<b>Next:</b> {_e(_cap(phase.label))} from {_long_day(on)}.")
    elif state.phase is Phase.ONBOARDING:
        blocks.append("<b>Next:</b> the base phase, as soon as we've finished the setup.")
    elif state.phase is Phase.RECOVERY_HOLD:
        blocks.append(
            "<b>Next:</b> back to normal training once it has settled and passed the return "
            "checks (/clear)."
        )
    if reason and reason.strip():
        blocks.append(_e(reason.strip()))
    return "\n\n".join(blocks)


def _phase_name(state: PhaseState) -> str:
    if state.phase is Phase.DYNAMIC_BLOCK and state.block_number > 1:
        return f"dynamic block {state.block_number}"
    if state.phase in (Phase.BASE, Phase.DYNAMIC_BLOCK, Phase.REST_PHASE):
        return f"your {state.phase.label}"
    if state.phase is Phase.PAUSED:
        return "a break"
    if state.phase is Phase.ONBOARDING:
        return "the set-up"
    return state.phase.label


def _phase_progress(state: PhaseState, today: date | None) -> str:
    if state.phase is Phase.PAUSED:
        return f" until {_long_day(state.paused_until)}" if state.paused_until else ""
    if today is None:
        return f" since {_long_day(state.started_on)}"
    week = max(0, (today - state.started_on).days) // 7 + 1
    total = {Phase.DYNAMIC_BLOCK: state.block_weeks, Phase.REST_PHASE: REST_PHASE_WEEKS}
    of = f" of {total[state.phase]}" if state.phase in total else ""
    return f", week {week}{of}"


# ---------------------------------------------------------------- help and small talk

_EXAMPLES = (
    "what's today's session?",
    "done, felt easy",
    "left calf sore 6/10",
    "remind me at 7:30",
    "race on 2027-04-12",
)


def _examples() -> str:
    return "\n".join(f"• <i>{_e(example)}</i>" for example in _EXAMPLES)


def help_message() -> str:
    """Every command in a line, and what free text I understand."""
    commands = "\n".join(f"/{c.name} — {_e(c.help_text)}" for c in COMMANDS)
    return (
        "<b>I'm your hip coach.</b> Each day I plan a short session of mobility, strength "
        "or jump work to fit your training phase and how your body feels.\n\n"
        f"<b>Commands</b>\n{commands}\n\n"
        f"<b>Or just write to me</b>, for example:\n{_examples()}"
    )


def unknown_command(name: str, meant: str | None = None) -> str:
    """A command I don't know (the runner's word quoted safely): the one it looks like
    (``meant``), else the help."""
    if meant is not None:
        return f"I don't have /{_e(name[:32])}. Did you mean /{_e(meant)}? Send it to run it."
    return f"I don't know /{_e(name[:32])}. {help_message()}"


def unknown_reply(text: str) -> str:
    """A friendly 'I didn't get that', with things to try."""
    said = " ".join(text.split())
    if len(said) > 60:
        said = said[:59].rstrip() + "…"
    heard = f" “{_e(said)}”" if said else " that"
    return (
        f"Sorry, I didn't quite get{heard}. I understand short messages like these:\n"
        f"{_examples()}\n\n/help lists everything I can do."
    )


def media_hint() -> str:
    """The answer to stickers, photos, voice notes and files."""
    return (
        "Nice! I can only read text, though. Tell me in words, like "
        "<i>done, felt easy</i> or <i>left calf sore 6/10</i>, or tap /today."
    )


def group_reply() -> str:
    """The answer in a group chat."""
    return (
        "I coach one runner at a time, in a private chat. Tap my name and press "
        "<b>Start</b> to get your own plan."
    )
