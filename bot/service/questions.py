"""Questions about the plan answered from it: a day ahead, the week, the block, the phase,
when the jumps start, and why a session looks the way it does.

Days ahead come from the planner's ``week_ahead`` (which assumes each session gets done,
as the /plan view does); the phase and its next change from the phase machine. The whole
block's own view belongs to the programme work: "the whole block" answers with the week
and the phase, what exists now.
"""

from __future__ import annotations

from datetime import date

from bot.core.phases import DayPassed, transition
from bot.core.planner import DailyPlan, impact_advice
from bot.core.understanding import Intent, PlanTopic
from bot.core.understanding.questions import asks_of_the_week
from bot.presentation import questions as words
from bot.service import training
from bot.service.messages import Reply
from bot.service.turn import Turn

__all__ = ["JUMPS_HORIZON_DAYS", "plan_answer"]

#: How far ahead "when do the jumps start?" looks.
JUMPS_HORIZON_DAYS = 42


async def plan_answer(turn: Turn, intent: Intent, text: str = "") -> list[Reply]:
    """The answer to a question about the plan."""
    topic = intent.topic
    if topic is PlanTopic.DAY and intent.ask_day is not None:
        if intent.ask_day == turn.today:
            return await training.today_reply(turn)
        plan = await _plan_on(turn, intent.ask_day)
        skipped = await training.skipped_ahead(turn, intent.ask_day)
        return [Reply(text=words.day_ahead(plan, turn.today, skipped=skipped))]
    if topic is PlanTopic.PHASE:
        return await training.phase_reply(turn)
    if topic is PlanTopic.BLOCK:
        week = await training.week_reply(turn)
        return [*week, *await training.phase_reply(turn)]
    if topic is PlanTopic.JUMPS:
        await training.ensure_started(turn)
        ahead = await _ahead(turn, JUMPS_HORIZON_DAYS)
        first = next((plan for plan in ahead if plan.contacts > 0), None)
        held = impact_advice(turn.profile, turn.today)
        stage = turn.state.way_back_stage
        text = words.jumps_answer(
            first, turn.today, JUMPS_HORIZON_DAYS, turn.state.phase, held, way_back=stage
        )
        return [Reply(text=text)]
    if topic is PlanTopic.WHY:
        await training.ensure_started(turn)
        ahead = await _ahead(turn, 7)
        sessions = [p for p in ahead if not p.is_rest] or ahead
        if not sessions:
            return await training.phase_reply(turn)
        if asks_of_the_week(text):  # "why so much mobility this week?": the week, not today
            return [Reply(text=words.week_why(ahead, turn.today, turn.state))]
        return [Reply(text=words.why_answer(sessions[0], turn.today, turn.state))]
    return await training.week_reply(turn, intent.ask_day)  # a day: next week asked


async def _ahead(turn: Turn, days: int) -> list[DailyPlan]:
    history, reports = await turn.recent(turn.today)
    return turn.planner.week_ahead(
        turn.profile, turn.state, history, reports, turn.today, days=days
    )


async def _plan_on(turn: Turn, day: date) -> DailyPlan:
    """``day``'s plan as the week ahead sees it (each earlier session assumed done)."""
    await training.ensure_started(turn)
    span = (day - turn.today).days + 1
    if span <= JUMPS_HORIZON_DAYS:
        ahead = await _ahead(turn, span)
        for plan in ahead:
            if plan.on == day:
                return plan
    if day <= turn.today:
        return await turn.plan(day)
    # further ahead: the phase the calendar will have reached by then ("week 3 of base" on
    # a day the base has ended would contradict /phase)
    state = transition(turn.state, DayPassed(), day).state
    history, reports = await turn.recent(turn.today)
    return turn.planner.plan_for(turn.profile, state, history, reports, day)
