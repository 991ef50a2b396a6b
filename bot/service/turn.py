"""One update's unit of work: the runner, their local day and their phase, in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import comeback
from bot.core.phases import DayPassed, Event, PhaseState, Transition, as_of, transition
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import REPORT_LOOKBACK_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.timing import local_date_of
from bot.presentation import way_back as way_back_words
from bot.presentation.chat import phase_notices
from bot.service.messages import Reply, Sender
from bot.storage import repository, turns
from bot.storage.chats import Conversation
from bot.storage.history import UNCACHED, HistoryCache
from bot.storage.runners import RunnerRecord
from bot.storage.schedule import reschedule

__all__ = ["Turn"]


@dataclass(slots=True)
class Turn:
    """Everything a use case needs while handling one message."""

    session: AsyncSession
    planner: Planner
    runner: RunnerRecord
    sender: Sender
    now: datetime
    today: date
    profile: RunnerProfile
    state: PhaseState
    #: The chat's conversation as the update found it (use cases that change it re-read it).
    conversation: Conversation | None = None
    notices: list[str] = field(default_factory=list)
    deleted: bool = False
    #: The runner's history version as this turn read it, and where to remember reads.
    history_version: int = 0
    history: HistoryCache = UNCACHED
    #: The chat's rows in the outbox when the turn began (sent ones not yet deleted too).
    replies_waiting: int = 0
    #: The runner's latest logged day when the turn began (None: never logged).
    last_logged: date | None = None
    #: The day whose effort or pain question this turn asked (a log of another day in the
    #: same message waits its turn: ``bot.service.comeback.wait_turn``).
    asked_about: date | None = None
    #: Whether this turn put a day's questions in the queue behind another day's.
    queued_questions: bool = False

    @classmethod
    async def open(
        cls,
        session: AsyncSession,
        planner: Planner,
        sender: Sender,
        now: datetime,
        history: HistoryCache = UNCACHED,
        *,
        logs_days: Callable[[date], Collection[date]] | None = None,
    ) -> Turn:
        """Load (or create) the runner and bring their phase up to today.

        ``history`` remembers the recent history between turns (see
        ``bot.storage.history``); by default every read goes to the database.
        ``logs_days``: the days the message logs as done, read against the runner's today
        (a late log of the days away is no break: ``catch_up``).
        """
        record = await turns.load_turn(session, sender.telegram_id, sender.chat_id)
        if record is None:
            await repository.get_or_create_runner(
                session, sender.telegram_id, sender.first_name, now.date()
            )
            record = await turns.load_turn(session, sender.telegram_id, sender.chat_id)
            assert record is not None
        runner = record.runner
        if sender.first_name and runner.first_name != sender.first_name:
            await repository.update_runner(session, runner, first_name=sender.first_name)
        turn = cls(
            session=session,
            planner=planner,
            runner=runner,
            sender=sender,
            now=now,
            today=local_date_of(now, runner.timezone),
            profile=repository.load_profile(runner),
            state=record.state,
            conversation=record.conversation,
            history_version=record.history_version,
            history=history,
            replies_waiting=record.replies_waiting,
            last_logged=record.last_logged,
        )
        await turn.catch_up(logs_days)
        return turn

    async def catch_up(self, logging: Callable[[date], Collection[date]] | None = None) -> None:
        """Apply the days that passed since the phase was last looked at. ``logging``: the
        days the message being handled logs as done, read only when a break would start
        the way back; those before today count as logged ("did tues and weds, forgot to
        log" after a week of silence is no break)."""
        result = transition(self.state, DayPassed(), self.today)
        if result.changed:  # "began on Mon 21 Dec" when the runner was away that day
            self.notices.append(as_of(result.reason, result.state.started_on, self.today))
        last = self.last_logged
        back = comeback.after_break(result.state, last, self.today)
        if back is not None and last is not None and logging is not None:
            last = max([last, *(day for day in logging(self.today) if day < self.today)])
            back = comeback.after_break(result.state, last, self.today)
        if back is not None:  # more than a week without a log: the graded way back
            away = (self.today - last).days if last else 0
            reason = way_back_words.after_break(away, phase_began=result.changed)
            self.notices.append(reason)
            lead = result.reason if result.changed else reason
            result = Transition(back, lead, changed=result.changed)
        await self.save_state(result)

    async def apply(self, event: Event) -> Transition:
        """Apply ``event`` today and store the outcome (InvalidTransition propagates)."""
        result = transition(self.state, event, self.today)
        await self.save_state(result)
        return result

    async def save_state(self, result: Transition) -> None:
        """Store a transition's state when it differs from the one loaded."""
        if result.state != self.state or result.changed:
            await repository.save_phase_state(
                self.session,
                self.runner.id,
                result.state,
                result.reason,
                self.today,
                changed=result.changed,
            )
            self.state = result.state
            # save_phase_state keeps these runner columns equal to the state's
            self.runner.race_date = result.state.race_date
            self.runner.paused_until = result.state.paused_until

    async def set_reminder_time(self, at: time | None) -> None:
        """Store the reminder time (None: off) and reschedule the next reminder."""
        await repository.update_runner(self.session, self.runner, reminder_time=at)
        await reschedule(self.session, self.runner, self.now)

    async def set_timezone(self, zone: str) -> None:
        """Store the time zone, move today to it and reschedule the next reminder."""
        await repository.update_runner(self.session, self.runner, timezone=zone)
        self.today = local_date_of(self.now, zone)
        await reschedule(self.session, self.runner, self.now)

    async def plan(self, on: date | None = None) -> DailyPlan:
        """The session for ``on`` (default today), from stored history and reports."""
        day = on or self.today
        history, reports = await self.recent(day)
        return self.planner.plan_for(self.profile, self.state, history, reports, day)

    async def week(self, days: int = 7) -> list[DailyPlan]:
        """The next ``days`` days from today (seven by default)."""
        history, reports = await self.recent(self.today)
        return self.planner.week_ahead(
            self.profile, self.state, history, reports, self.today, days=days
        )

    async def recent(self, day: date) -> tuple[list[Completion], list[BodyReport]]:
        """Completions and reports the planner reads for ``day``."""
        session, runner_id, version = self.session, self.runner.id, self.history_version
        history = await self.history.completions(
            session, runner_id, version, day - timedelta(days=LOOKBACK_DAYS + 1)
        )
        reports = await self.history.reports(
            session, runner_id, version, day - timedelta(days=REPORT_LOOKBACK_DAYS)
        )
        return history, reports

    def with_notices(self, replies: list[Reply]) -> list[Reply]:
        """Put phase-change notices from this turn in front of the first reply."""
        if not self.notices:
            return replies
        notice = phase_notices(self.notices)
        first = replies[0] if replies else None
        if (
            first is not None
            and first.text
            and not (first.edit or first.photo or first.chart or first.document)
        ):
            return [replace(first, text=f"{notice}\n\n{first.text}"), *replies[1:]]
        return [Reply(text=notice), *replies]
