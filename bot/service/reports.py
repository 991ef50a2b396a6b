"""Tightness, soreness and pain: logging reports, the guided /sore flow, clearing a hold."""

from __future__ import annotations

from typing import Any

from bot.core.phases import Cleared, InvalidTransition, ReportReceived
from bot.core.planner import DailyPlan
from bot.core.records import BodyReport
from bot.core.understanding import ReportSlots
from bot.core.vocabulary import Area, Phase, RedFlag, ReportKind, Side
from bot.presentation import chat, render
from bot.presentation import reports as words
from bot.presentation.callbacks import Action, Callback
from bot.service.messages import Reply, keyboard
from bot.service.turn import Turn
from bot.storage import chats, records

__all__ = [
    "clear_hold",
    "end_guided_report",
    "guided_step",
    "record_report",
    "start_guided_report",
]

FLOW = "sore"
_RESUME = "resume"
CLEARED_SEVERITY = 1
ACCEPTABLE = 3
WARNING = 5


async def record_report(turn: Turn, slots: ReportSlots, text: str) -> list[Reply]:
    """Log a report, adapt the plan (a hold on red flags) and say what changed."""
    await end_guided_report(turn)
    if (
        turn.state.phase is Phase.RECOVERY_HOLD
        and slots.area in turn.state.held_areas
        and not slots.red_flags
        and slots.severity is not None
        and slots.severity <= CLEARED_SEVERITY
    ):
        return await clear_hold(turn, slots.area)
    before = await turn.plan()
    report = BodyReport(
        turn.today, slots.area, slots.kind, slots.side, slots.severity, slots.red_flags
    )
    await records.add_body_report(turn.session, turn.runner.id, report, text[:1000], turn.now)
    if slots.red_flags:
        await turn.apply(ReportReceived(slots.area, red_flag=True))
    after = await turn.plan()
    change = describe_change(before, after, slots)
    reply = render.report_reply(
        slots.area, slots.side, slots.kind, slots.severity, slots.red_flags, change
    )
    return [Reply(text=reply)]


def describe_change(before: DailyPlan, after: DailyPlan, slots: ReportSlots) -> str:
    """What the report changes in the plan, in one or two plain sentences."""
    area = slots.area.label
    if slots.red_flags:
        return (
            f"I've taken all jump work out and put your {area} on a recovery hold: nothing "
            f'loads it until you tell me it\'s fine (send /clear, or write "{area} fine now").'
        )
    rule = _rule_for(slots)
    if rule is _MILD:
        return rule
    return f"{rule} {_today_change(before, after, area)}"


def _rule_for(slots: ReportSlots) -> str:
    area, severity = slots.area.label, slots.severity
    if slots.kind is ReportKind.PAIN or (severity is not None and severity > WARNING):
        return f"For the next three days nothing in your sessions loads your {area}."
    if slots.kind is ReportKind.SORENESS and (severity is None or severity > ACCEPTABLE):
        return f"For the next three days jump work spares your {area}."
    if slots.kind is ReportKind.TIGHTNESS:
        return f"Your sessions get extra mobility for your {area} for the next three days."
    return _MILD


_MILD = "Soreness up to 3/10 is fine to train with, so the plan stays as it is."


def _today_change(before: DailyPlan, after: DailyPlan, area: str) -> str:
    if after.is_rest:
        return "Today is a rest day anyway."
    if before.category != after.category and after.category is not None:
        return f"Today's {before.category} session becomes {after.category} work."
    if [e.exercise_id for e in before.exercises] != [e.exercise_id for e in after.exercises]:
        return "I've adjusted today's session around it: /today shows the new version."
    return "Today's session already spares it."


async def clear_hold(turn: Turn, area: Area | None) -> list[Reply]:
    """The runner says an area (or everything) is fine again."""
    try:
        result = await turn.apply(Cleared(area))
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)))]
    return [Reply(text=words.cleared(result.reason))]


async def end_guided_report(turn: Turn) -> bool:
    """Close the guided report (False when none is open), back to what it interrupted.

    Cancelling stores nothing; a report typed while it is open replaces it, so its
    buttons go stale. Onboarding that the report interrupted carries on where it was.
    """
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or conversation.name != FLOW:
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


async def start_guided_report(turn: Turn) -> list[Reply]:
    """Ask where it is, by buttons; a flow it interrupts (onboarding) resumes afterwards."""
    previous = await chats.get_conversation(turn.session, turn.sender.chat_id)
    data: dict[str, Any] = {}
    if previous is not None and previous.name != FLOW:
        data[_RESUME] = {"name": previous.name, "step": previous.step, "data": previous.data}
    elif previous is not None and _RESUME in previous.data:
        data[_RESUME] = previous.data[_RESUME]
    await chats.set_conversation(
        turn.session, turn.sender.chat_id, FLOW, "area", data, now=turn.now
    )
    return [Reply(text=words.AREA_QUESTION, keyboard=keyboard(render.report_area_keyboard()))]


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
        return await _ask(turn, data, "side", words.SIDE_QUESTION, render.report_side_keyboard())
    if action is Action.REPORT_SIDE:
        data["side"] = callback.str_arg(0)
        return await _ask(turn, data, "kind", words.KIND_QUESTION, render.report_kind_keyboard())
    if action is Action.REPORT_KIND:
        data["kind"] = callback.str_arg(0)
        question = words.SEVERITY_QUESTION
        return await _ask(turn, data, "severity", question, render.report_severity_keyboard())
    if action is Action.REPORT_SEVERITY:
        data["severity"] = callback.args[0]
        data["flags"] = []
        return await _ask(turn, data, "flags", words.FLAGS_QUESTION, words.flags_keyboard(()))
    if action is Action.REPORT_FLAG:
        flags = set(data.get("flags", []))
        flags ^= {callback.str_arg(0)}
        data["flags"] = sorted(flags)
        return await _ask(turn, data, "flags", words.FLAGS_QUESTION, words.flags_keyboard(flags))
    return await _finish(turn, data)


async def _ask(
    turn: Turn, data: dict[str, Any], step: str, question: str, rows: render.Rows
) -> list[Reply]:
    await chats.set_conversation(turn.session, turn.sender.chat_id, FLOW, step, data, now=turn.now)
    return [Reply(text=question, keyboard=keyboard(rows), edit=True)]


async def _finish(turn: Turn, data: dict[str, Any]) -> list[Reply]:
    try:
        slots = ReportSlots(
            area=Area(data["area"]),
            side=Side(data["side"]),
            kind=ReportKind(data["kind"]),
            severity=data.get("severity"),
            red_flags=frozenset(RedFlag(flag) for flag in data.get("flags", [])),
        )
    except (KeyError, ValueError):
        await end_guided_report(turn)
        return [Reply(text=words.muddled())]
    replies = await record_report(turn, slots, _summary(slots))
    if _RESUME in data:
        replies.append(Reply(text=words.back_to_setup()))
    return [Reply(text=words.noted(), edit=True), *replies]


def _summary(slots: ReportSlots) -> str:
    """The guided report in words, as if the runner had typed it ("left calves soreness 6/10")."""
    side = "" if slots.side is Side.NONE else f"{slots.side.value} "
    severity = "" if slots.severity is None else f" {slots.severity}/10"
    flags = "".join(f", {flag.label}" for flag in sorted(slots.red_flags))
    return f"{side}{slots.area.label} {slots.kind.value}{severity}{flags}"
