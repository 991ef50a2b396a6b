"""Messages as Telegram HTML, and inline keyboards as plain rows of (text, callback data).

Pure: no Telegram imports. Every string that goes into HTML is escaped here, whether a
runner typed it or it came from the content, so callers pass plain text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from bot.core.content import Part
from bot.core.phases import REST_PHASE_WEEKS, PhaseState
from bot.core.planner import DailyPlan, PlannedExercise
from bot.core.vocabulary import Area, Category, Phase, RedFlag, ReportKind, Side
from bot.telegram.callbacks import Action, encode

__all__ = [
    "COMMANDS",
    "MESSAGE_LIMIT",
    "Rows",
    "body_part",
    "day_label",
    "effort_keyboard",
    "group_reply",
    "help_message",
    "media_hint",
    "phase_message",
    "report_area_keyboard",
    "report_kind_keyboard",
    "report_reply",
    "report_severity_keyboard",
    "report_side_keyboard",
    "session_keyboard",
    "session_message",
    "split_message",
    "truncate_caption",
    "unknown_reply",
    "utf16_len",
    "week_message",
]

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024

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


def _e(text: str) -> str:
    """Plain text made safe for Telegram HTML."""
    return escape(text, quote=False)


def _sentence(text: str) -> str:
    """Capitalised, with a full stop unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def day_label(day: date) -> str:
    """'Tue 01 Dec' (English whatever the locale)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day:02d} {_MONTHS[day.month - 1]}"


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
            "Nothing to tick off today. /plan shows what's coming.",
        ]
    else:
        blocks = [
            f"<b>{day_label(plan.on)} · {_e(plan.title)}</b>\n"
            f"<i>{where} · about {plan.minutes} min</i>",
            f"{hello}{_e(plan.why)}",
        ]
        if plan.advice:
            blocks.append(f"⚠️ <b>Important:</b> {_e(plan.advice)}")
        blocks.extend(_part_block(plan.exercises, part) for part in Part)
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


def _exercise(item: PlannedExercise) -> str:
    text = f"• <b>{_e(item.name)}</b> — {_e(item.dose)}\n{_e(item.cue)}"
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
    """Every body area, three to a row."""
    buttons = [(_cap(area.label), encode(Action.REPORT_AREA, area)) for area in Area]
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


def _and(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def _where(area: Area, side: Side) -> str:
    """'your left calf', 'both knees', 'your lower back'."""
    part = body_part(area, side)
    return part if side is Side.BOTH else f"your {part}"


def body_part(area: Area, side: Side) -> str:
    """'left calf', 'both knees', 'lower back': one side is singular, both sides plural."""
    if side in (Side.LEFT, Side.RIGHT):
        return f"{side.value} {_ONE.get(area, area.label)}"
    if side is Side.BOTH:
        both = {Area.KNEE: "knees", Area.ANKLE: "ankles", Area.FOOT: "feet"}
        return f"both {both.get(area, area.label)}"
    return area.label


def report_reply(  # noqa: PLR0917 - the report in the order the runner gives it
    area: Area,
    side: Side,
    kind: ReportKind,
    severity: int | None,
    red_flags: Collection[RedFlag],
    plan_change: str,
) -> str:
    """Thanks for a body report, what it means for the plan, and advice on red flags."""
    score = f", {severity}/10" if severity is not None else ""
    lines = [f"Thanks for telling me: {_KIND_WORDS[kind]} in {_where(area, side)}{score}."]
    if red_flags:
        signs = _and([flag.label for flag in sorted(red_flags)])
        lines.append(
            f"⚠️ <b>Please get this checked.</b> You mentioned {_e(signs)}. That is more than "
            "everyday training soreness, so have a physiotherapist or doctor look at it "
            "before you load it again. If it is severe or getting worse fast, don't wait."
        )
    elif kind is ReportKind.PAIN or (severity is not None and severity >= 6):
        lines.append("That's worth listening to, so we'll go easy on it for now.")
    elif severity is not None and severity <= 3:
        lines.append("That sounds like normal training feedback. Keep an eye on it.")
    if plan_change.strip():
        lines.append(f"<b>What changes:</b> {_e(plan_change.strip())}")
    lines.append("Tell me how it feels over the next days, and when it's fine again.")
    return "\n\n".join(lines)


# ---------------------------------------------------------------- week and phase


def week_message(plans: Sequence[DailyPlan]) -> str:
    """The days ahead, one line each, noting where a new phase begins."""
    if not plans:
        return "Nothing planned yet. Finish the setup with /start and I'll draw up your week."
    first = plans[0]
    lines = [f"<b>Your next {len(plans)} days</b>\n<i>{_phase_line(first.phase, first.week)}</i>"]
    previous = first.phase
    for plan in plans:
        if plan.phase is not previous:
            lines.append(f"<i>{_cap(plan.phase.label)} starts</i>")
            previous = plan.phase
        lines.append(f"{day_label(plan.on)} — {_day_summary(plan)}")
    lines.append(
        "\nPlans shift as you log sessions and tell me how you feel, so /today has the last word."
    )
    return "\n".join(lines)


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
    Phase.POST_RACE_RECOVERY: "A week of gentle mobility so your legs recover from the race.",
    Phase.PAUSED: "Everything waits while you're away. /resume brings you back early.",
}


def phase_message(
    state: PhaseState,
    next_change: tuple[Phase, date] | None,
    reason: str | None,
    *,
    today: date | None = None,
) -> str:
    """Where the runner is in the cycle, what comes next, when and why."""
    lines = [f"<b>You're in {_phase_name(state)}</b>{_phase_progress(state, today)}."]
    if state.phase is Phase.RECOVERY_HOLD:
        areas = _and([a.label for a in sorted(state.held_areas)]) or "sore spot"
        lines.append(f"Nothing loads your {_e(areas)} until you tell me it feels fine again.")
    else:
        lines.append(_PHASE_ABOUT[state.phase])
    if state.race_date is not None:
        lines.append(f"🏁 Race day: {_long_day(state.race_date)}.")
    blocks = ["\n".join(lines)]
    if next_change is not None:
        phase, on = next_change
        blocks.append(f"<b>Next:</b> {_e(_cap(phase.label))} from {_long_day(on)}.")
    elif state.phase is Phase.ONBOARDING:
        blocks.append("<b>Next:</b> the base phase, as soon as we've finished the setup.")
    elif state.phase is Phase.RECOVERY_HOLD:
        blocks.append("<b>Next:</b> back to normal training once it has settled.")
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

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Set up your coach, or start again"),
    ("today", "Today's session"),
    ("plan", "The next seven days"),
    ("done", "Log today's session as done"),
    ("skip", "Skip today's session"),
    ("sore", "Tell me something is tight, sore or painful"),
    ("phase", "Where you are in the training cycle"),
    ("race", "Set or clear your race date"),
    ("remind", "Set your daily reminder time, or turn it off"),
    ("timezone", "Set your time zone"),
    ("pause", "Take a break, e.g. for a holiday"),
    ("resume", "Come back from a break"),
    ("progress", "How your training is going"),
    ("history", "The sessions you've logged"),
    ("export", "Download everything I know about you"),
    ("delete", "Delete your data"),
    ("settings", "Level, desk job, kit and rest days"),
    ("help", "What I can do"),
    ("cancel", "Stop what we're in the middle of"),
)
"""Every command with a one-line description (also for ``set_my_commands``)."""

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
    commands = "\n".join(f"/{name} — {_e(text)}" for name, text in COMMANDS)
    return (
        "<b>I'm your hip coach.</b> Each day I plan a short session of mobility, strength "
        "or jump work to fit your training phase and how your body feels.\n\n"
        f"<b>Commands</b>\n{commands}\n\n"
        f"<b>Or just write to me</b>, for example:\n{_examples()}"
    )


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


# ---------------------------------------------------------------- long text


def utf16_len(text: str) -> int:
    """Length as Telegram counts it, in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


_TOKEN = re.compile(
    r"""(?P<tag><(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)"""
    r"""(?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s*(?P<void>/?)>)"""
    r"""|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"""
    r"""|(?P<char>.)""",
    re.DOTALL,
)


_PARAGRAPH, _LINE, _SPACE, _ANY, _NEVER = range(5)


@dataclass(frozen=True, slots=True)
class _Atom:
    """An unsplittable piece of HTML: a tag, an entity or one character.

    ``level`` says how good a place the end of this atom is to break (lower is better).
    """

    raw: str
    units: int
    level: int = _NEVER
    opens: str | None = None  # tag name for a start tag
    closes: str | None = None  # tag name for an end tag


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if match.group("tag"):
            name = match.group("name").lower()
            if match.group("void"):
                atoms.append(_Atom(raw, utf16_len(raw)))
            elif match.group("close"):
                atoms.append(_Atom(f"</{name}>", len(name) + 3, closes=name))
            else:
                atoms.append(_Atom(raw, utf16_len(raw), opens=name))
            continue
        level = _ANY
        if raw == "\n":
            level = _PARAGRAPH if atoms and atoms[-1].raw == "\n" else _LINE
        elif raw.isspace():
            level = _SPACE
        elif raw == "<":  # a stray bracket (not valid Telegram HTML): never end on it
            level = _NEVER
        atoms.append(_Atom(raw, utf16_len(raw), level))
    return atoms


_Stack = tuple[tuple[str, str], ...]  # (name, raw start tag), outermost first


def _apply(stack: _Stack, atom: _Atom) -> _Stack:
    if atom.opens is not None:
        return (*stack, (atom.opens, atom.raw))
    if atom.closes is not None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == atom.closes:
                return stack[:depth]
    return stack


def _closing(stack: _Stack) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _reopening(stack: _Stack) -> str:
    return "".join(raw for _, raw in stack)


@dataclass(frozen=True, slots=True)
class _Cut:
    """A place a chunk may end: the atom index after it, the open tags and the size there."""

    at: int
    stack: _Stack
    used: int


def _cut(
    atoms: Sequence[_Atom], start: int, stack: _Stack, limit: int, *, keep_most: bool = False
) -> _Cut:
    """Where the chunk that begins at ``start`` (inside ``stack``) should end.

    Splitting prefers the last paragraph break in the second half, then the last line
    break, space or character; ``keep_most`` (truncating) prefers the last word boundary.
    """
    used = utf16_len(_reopening(stack))
    closing = utf16_len(_closing(stack))
    cuts: dict[int, _Cut] = {}
    at = start
    while at < len(atoms):
        atom = atoms[at]
        after, after_closing = stack, closing
        if atom.opens is not None or atom.closes is not None:
            after = _apply(stack, atom)
            after_closing = utf16_len(_closing(after))
        if used + atom.units + after_closing > limit:
            break
        used, stack, closing, at = used + atom.units, after, after_closing, at + 1
        if atom.level != _NEVER:
            cuts[atom.level] = _Cut(at, stack, used)
    if at == len(atoms):
        return _Cut(at, stack, used)
    paragraph, line, space = cuts.get(_PARAGRAPH), cuts.get(_LINE), cuts.get(_SPACE)
    if keep_most:
        word = max((c for c in (paragraph, line, space) if c), key=lambda c: c.at, default=None)
        anywhere = cuts.get(_ANY)
        choice = word if word and (word.used * 2 >= used or not anywhere) else anywhere
    elif paragraph and paragraph.used * 2 >= used:
        choice = paragraph
    else:
        newline = max((c for c in (paragraph, line) if c), key=lambda c: c.at, default=None)
        choice = newline or space or cuts.get(_ANY)
    if choice is None:
        raise ValueError(f"limit {limit} is too small to split this text")
    return choice


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in chunks of at most ``limit`` UTF-16 units, each well-formed HTML.

    Breaks at paragraphs, then lines, then spaces, never inside a tag or an entity; tags
    open at a break are closed at the end of the chunk and reopened in the next one.
    """
    if utf16_len(text) <= limit:
        return [text] if text else []
    atoms = _atoms(text)
    chunks: list[str] = []
    start, stack = 0, _Stack()
    while start < len(atoms):
        cut = _cut(atoms, start, stack, limit)
        end, after = cut.at, cut.stack
        while end < len(atoms) and after and atoms[end].closes == after[-1][0]:
            after = after[:-1]  # end tags right at the break stay with their text
            end += 1
        body = "".join(atom.raw for atom in atoms[start:end])
        chunks.append(_reopening(stack) + body + _closing(after))
        start, stack = end, after
    return chunks


def truncate_caption(text: str, limit: int = CAPTION_LIMIT) -> str:
    """``text`` cut to ``limit`` UTF-16 units with "…", tags kept balanced."""
    if utf16_len(text) <= limit:
        return text
    atoms = _atoms(text)
    cut = _cut(atoms, 0, (), limit - 1, keep_most=True)
    end, stack = cut.at, cut.stack
    if end == len(atoms):  # it fits once end tags are written plainly
        return "".join(atom.raw for atom in atoms)
    while end > 0 and atoms[end - 1].raw.isspace():
        end -= 1
    body = "".join(atom.raw for atom in atoms[:end])
    return body + "…" + _closing(stack)
