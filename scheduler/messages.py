"""The scheduled messages composed for a batch of claims at once.

Their words and buttons are ``bot.presentation.scheduled``'s; here the claims are read,
planned and turned into deliveries. Check-ins are read by ``scheduler.checkin``, phase
changes from the history row saved with the claim (``scheduler.phase_pass``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.comeback import after_break, awaiting_morning
from bot.core.followup import areas_to_ask_about
from bot.core.health import asks_about_bone_pain
from bot.core.memo import Memo
from bot.core.phases import DayPassed, PhaseState, transition
from bot.core.planner import DailyPlan, Planner
from bot.core.restrictions import REPORT_LOOKBACK_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.timing import is_paused
from bot.presentation.render import Rows
from bot.presentation.scheduled import (
    BONE_PAIN_QUESTION,
    follow_up,
    greeting,
    phase_notice,
    reminder_body,
    reminder_keyboard,
    rest_day_follow_up,
)
from bot.presentation.way_back import morning_keyboard, morning_question
from bot.storage import planning, schedule
from bot.storage.deliveries import PendingClaim
from bot.storage.models import DeliveryKind
from bot.storage.planning import PlanInputs
from scheduler.checkin import compose_checkins
from scheduler.sender import Delivery

__all__ = ["ReminderComposer"]

#: Rendered reminders and advanced phase states remembered per composer.
_MEMO_SIZE = 16_384


class ReminderComposer:
    """Composes morning reminders (the ``Composer`` for ``send_pending``).

    Runners in the same place share a plan (the planner memoises on its full inputs), so
    the text below the greeting is memoised on the plan, and the buttons on the day's
    session; only the greeting with the runner's name is written for each runner.
    """

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self._states: Memo[tuple[PhaseState, date], PhaseState] = Memo(_MEMO_SIZE)
        self._bodies: Memo[DailyPlan, str] = Memo(_MEMO_SIZE)

    async def __call__(
        self, session: AsyncSession, rows: Sequence[PendingClaim], now: datetime
    ) -> dict[int, Delivery | str]:
        """A Delivery per claim, or why it is no longer worth sending."""
        mornings = [row for row in rows if row.kind is DeliveryKind.MORNING]
        checkins = [row for row in rows if row.kind is DeliveryKind.CHECKIN]
        phases = [row for row in rows if row.kind is DeliveryKind.PHASE]
        out: dict[int, Delivery | str] = {}
        if mornings:
            first = min(row.local_date for row in mornings)
            inputs = await planning.plan_inputs(
                session,
                (row.runner_id for row in mornings),
                first - timedelta(days=LOOKBACK_DAYS + 1),
                first - timedelta(days=REPORT_LOOKBACK_DAYS),
            )
            out |= {row.id: self.compose(row, inputs.get(row.runner_id)) for row in mornings}
        composed = await compose_checkins(session, self.planner, checkins)
        for row in checkins:
            one = composed[row.id]
            out[row.id] = one if isinstance(one, str) else _plain(row, *one)
        if phases:
            out |= await _phase_deliveries(session, phases)
        return out

    def compose(self, row: PendingClaim, inputs: PlanInputs | None) -> Delivery | str:
        """One claim's message, or the reason to skip it."""
        if inputs is None or inputs.state is None:
            return "runner gone"
        runner = inputs.runner
        if row.kind is not DeliveryKind.MORNING:
            return f"{row.kind} messages are not composed here"
        if not runner.active or runner.reminder_time is None:
            return "reminders off"
        day = row.local_date
        if is_paused(runner.paused_until, day):
            return "paused"
        if any(done.on == day for done in inputs.history):
            return "already logged"
        plan = self._plan(inputs, day)
        areas = areas_to_ask_about(inputs.reports, day)
        buttons: Rows = []
        if plan.is_rest:  # no reminder, but a reported area is still asked about
            if not areas:
                return "rest day"
            text = rest_day_follow_up(runner.first_name, areas)
        else:
            text, buttons = self._render(plan, runner.first_name)
            text = f"{text}\n\n{follow_up(areas)}" if areas else text
            if asks_about_bone_pain(runner.profile.health, plan.category, inputs.history, day):
                text = f"{text}\n\n{BONE_PAIN_QUESTION}"
            awaiting = awaiting_morning(self._state(inputs, day), day)
            if awaiting is not None:  # the way back: did yesterday's stage session settle?
                text = f"{text}\n\n🪜 {morning_question(awaiting, day)}"
                buttons = [*buttons, *morning_keyboard(awaiting)]
        return Delivery(
            id=row.id,
            runner_id=runner.id,
            chat_id=runner.telegram_id,
            local_date=day,
            kind=row.kind,
            attempts=row.attempts,
            text=text,
            rows=buttons,
        )

    def _state(self, inputs: PlanInputs, day: date) -> PhaseState:
        """The runner's phase state on ``day``: the calendar's, and the way back begun
        when they have not logged for more than a week."""
        assert inputs.state is not None
        state = self._states.remember((inputs.state, day), _advance)
        return after_break(state, inputs.last_logged, day) or state

    def _plan(self, inputs: PlanInputs, day: date) -> DailyPlan:
        state = self._state(inputs, day)
        history = [done for done in inputs.history if done.on < day]
        reports = [report for report in inputs.reports if report.on <= day]
        return self.planner.plan_for(inputs.runner.profile, state, history, reports, day)

    def _render(self, plan: DailyPlan, first_name: str | None) -> tuple[str, Rows]:
        body = self._bodies.remember(plan, reminder_body)
        return f"{greeting(first_name)}\n{body}", reminder_keyboard(plan)


def _advance(key: tuple[PhaseState, date]) -> PhaseState:
    """The stored phase state brought up to the reminder's day."""
    state, day = key
    return transition(state, DayPassed(), day).state


def _plain(row: PendingClaim, text: str, chat_id: int) -> Delivery:
    """A message without buttons for ``row``."""
    return Delivery(row.id, row.runner_id, chat_id, row.local_date, row.kind, row.attempts, text)


async def _phase_deliveries(
    session: AsyncSession, rows: Sequence[PendingClaim]
) -> dict[int, Delivery | str]:
    """Phase-change messages from the history rows saved with their claims."""
    notes = await schedule.phase_notes(session, rows)
    runners = await planning.plan_inputs(
        session, (row.runner_id for row in rows), date.max, date.max
    )
    out: dict[int, Delivery | str] = {}
    for row in rows:
        found, note = runners.get(row.runner_id), notes.get(row.id)
        if found is None or note is None:
            out[row.id] = "runner gone"
        elif not found.runner.active:
            out[row.id] = "inactive"
        else:
            out[row.id] = _plain(row, phase_notice(*note), found.runner.telegram_id)
    return out
