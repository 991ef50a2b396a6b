"""The coach: one transaction per update, then the replies to send.

Every update's effects (the handled-update claim included) are committed before the replies
are returned, so a reply never claims what was not saved and a redelivered update is
answered once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.faq import ILLNESS_ANSWER, FaqEntry, ill_said
from bot.core.planner import Planner
from bot.core.raced import mentions_parkrun, raced_days
from bot.core.records import CompletionStatus
from bot.core.understanding import Intent, IntentKind, Unclear
from bot.core.understanding.answers import health_said
from bot.core.understanding.cleared import clinician_cleared, clinician_visit
from bot.core.understanding.corrections import not_todays, undoes_todays_log
from bot.core.understanding.later import effort_not_severity, report_fix
from bot.core.understanding.outcome import done_later
from bot.core.understanding.parts import understand_parts
from bot.core.understanding.questions import (
    asks_other_activity,
    asks_to_run,
    plans_to_run,
    ran_said,
)
from bot.core.understanding.races import race_moved
from bot.core.understanding.replies import area_named, parse_day, says_off
from bot.core.understanding.stay import says_back_home
from bot.core.understanding.suggest import Suggestion, closest_command, suggestions
from bot.core.understanding.text import spoken, tokenise
from bot.core.understanding.week import WeekSaid, asks_for_block, distance_named, running_week
from bot.core.vocabulary import Phase
from bot.presentation import chat, render
from bot.presentation import questions as question_words
from bot.presentation import reports as report_words
from bot.presentation import training as training_words
from bot.presentation.callbacks import Action, Answer, Callback, decode
from bot.presentation.commands import ALIASES, COMMANDS, command_names
from bot.service import (
    account,
    comeback,
    corrections,
    export,
    health,
    onboarding,
    progress,
    questions,
    reports,
    training,
    week,
)
from bot.service.messages import (
    Button,
    Command,
    Inbound,
    Location,
    Media,
    Reply,
    Sender,
    Text,
    keyboard,
    storable,
)
from bot.service.outbox import Outbox, Queued, QueuedCall, outgoing_of
from bot.service.snooze import snooze
from bot.service.turn import Turn
from bot.storage import chats, repository
from bot.storage.chats import Conversation
from bot.storage.history import HistoryCache

__all__ = ["ROUTES", "Coach", "routes", "utc_clock"]

Clock = Callable[[], datetime]
#: What a typed answer to the way back's morning check may be understood as first.
_LOGS = frozenset({IntentKind.DONE, IntentKind.SKIPPED})
_MORNING_KINDS = frozenset(
    {IntentKind.UNKNOWN, IntentKind.FEELS_FINE, IntentKind.NOT_FINE, IntentKind.THANKS}
)
Handler = Callable[[Turn, str], Awaitable[list[Reply]]]
#: Commands that show the plan mid set-up (it starts on defaults); set-up is asked again.
_SHOWS_PLAN = frozenset({"today", "plan"})
#: What a command the bot does not have may ask for, read as words ("/week", "/stats"):
#: questions only, never a log or a setting.
_ASKS = frozenset(
    {
        IntentKind.TODAY,
        IntentKind.PLAN_QUESTION,
        IntentKind.PROGRESS,
        IntentKind.HISTORY,
        IntentKind.HELP,
    }
)


def utc_clock() -> datetime:
    """The current instant, timezone-aware."""
    return datetime.now(UTC)


class Coach:
    """Handles one inbound message at a time for one runner, inside one transaction.

    ``sessions`` must all be on one database: the coach remembers runners' recent history
    between updates (``bot.storage.history``). ``handle_queued`` writes the replies to
    ``outbox`` in the update's transaction, for ``outbox.deliver`` to send.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        planner: Planner,
        clock: Clock = utc_clock,
        outbox: Outbox | None = None,
    ) -> None:
        self.sessions = sessions
        self.planner = planner
        self.clock = clock
        self.history = HistoryCache()
        self.outbox = outbox or Outbox(sessions, clock)

    async def handle(
        self, sender: Sender, inbound: Inbound, update_id: int | None = None
    ) -> list[Reply]:
        """Apply the message and commit; return the replies (none for a duplicate update)."""
        sender, inbound = storable(sender, inbound)
        now = self.clock()
        async with self.sessions() as session, session.begin():
            if update_id is not None and not await chats.claim_update(session, update_id, now):
                return []
            turn = await Turn.open(
                session, self.planner, sender, now, self.history, logs_days=_days_logged(inbound)
            )
            replies = await self._route(turn, inbound)
            replies = replies if turn.deleted else turn.with_notices(replies)
        return await progress.draw_charts(replies)

    async def handle_queued(
        self,
        sender: Sender,
        inbound: Inbound,
        update_id: int | None = None,
        edit_target: int | None = None,
    ) -> Queued | None:
        """Apply the message, write its replies to the outbox and commit (None: duplicate).

        ``edit_target`` is the message a tapped button sat on (what an edit changes).
        """
        sender, inbound = storable(sender, inbound)
        now, chat_id = self.clock(), sender.chat_id
        async with self.sessions() as session, session.begin():
            if update_id is not None and not await chats.claim_update(session, update_id, now):
                return None
            turn = await Turn.open(
                session, self.planner, sender, now, self.history, logs_days=_days_logged(inbound)
            )
            replies = await self._route(turn, inbound)
            runner_id = turn.runner.id
            if turn.deleted:  # nothing of the runner stays, queued replies included
                return Queued(runner_id, chat_id, replies, direct=True)
            replies = turn.with_notices(replies)
            behind = self.outbox.unsent(chat_id, turn.replies_waiting) > 0
            outgoing = outgoing_of(replies, edit_target)
            calls = await self.outbox.write(
                session, runner_id, chat_id, outgoing, now=now, behind=behind
            )
        return Queued(runner_id, chat_id, replies, await _draw_charts(calls), behind)

    async def carry_on_setup(self, sender: Sender) -> list[Reply]:
        """A chat reopened by a runner who had not finished set-up: the question they were
        on (the first one when none is open), in one transaction like ``handle``."""
        sender, _ = storable(sender, Command("start"))
        async with self.sessions() as session, session.begin():
            turn = await Turn.open(session, self.planner, sender, self.clock(), self.history)
            return turn.with_notices(await onboarding.carry_on(turn))

    async def open_follow_ups(self, sender: Sender) -> list[Reply]:
        """A chat reopened: the effort and pain questions still open, or a report's or a
        clearance's question (the warning-sign checklist), asked again."""
        sender, _ = storable(sender, Command("today"))
        async with self.sessions() as session, session.begin():
            turn = await Turn.open(session, self.planner, sender, self.clock(), self.history)
            replies = await training.open_follow_ups(turn) or reports.open_question(turn)
            return turn.with_notices(replies)

    async def mark_blocked(self, telegram_id: int) -> None:
        """The runner blocked the bot: stop messaging them."""
        async with self.sessions() as session, session.begin():
            await repository.mark_inactive(session, telegram_id)

    async def _route(self, turn: Turn, inbound: Inbound) -> list[Reply]:
        replies = await self._routed(turn, inbound)
        if turn.deleted:
            return replies
        await comeback.close_gap(turn)  # the days away logged late: no way back after all
        # a log of several days asks one day's questions at a time: once a day is
        # answered, the next day's come
        return replies + await comeback.next_question(turn)

    async def _routed(self, turn: Turn, inbound: Inbound) -> list[Reply]:
        if not turn.runner.active:
            await repository.update_runner(turn.session, turn.runner, active=True)
        match inbound:
            case Command(name, args):
                return await self._command(turn, name, " ".join(args))
            case Button(data):
                return await self._button(turn, decode(data))
            case Location(latitude, longitude):
                answered = await onboarding.answer_location(turn, latitude, longitude)
                return answered or await account.set_timezone_at(turn, latitude, longitude)
            case Media():
                return [Reply(text=render.media_hint())]
            case Text(text):
                conversation = turn.conversation
                if conversation is not None and conversation.name == onboarding.RESTART_FLOW:
                    restarted = await onboarding.typed_restart(turn, text)  # "keep my plan"
                    if restarted is not None:
                        return restarted
                    turn.conversation = None  # the question is dropped; read as usual
                return await self._text(turn, text)
        return [Reply(text=render.help_message())]

    async def _command(self, turn: Turn, name: str, args: str) -> list[Reply]:
        handler = ROUTES.get(name.lower()) or ROUTES.get(ALIASES.get(name.lower(), ""))
        if handler is None:
            said = " ".join(filter(None, [name.replace("_", " "), args]))
            intent, parts = understand_parts(said, turn.today)
            if len(parts) == 1 and intent.kind in _ASKS and intent.unclear is None:
                return await self._intent(turn, intent, said)  # "/week", "/tomorrow", "/stats"
            names = {command.name: command.name for command in COMMANDS} | ALIASES
            return [Reply(text=render.unknown_command(name, closest_command(name, names)))]
        return await _setup_goes_on(turn, name, await handler(turn, args))

    async def _text(self, turn: Turn, text: str) -> list[Reply]:
        conversation = turn.conversation
        onboarding_step = (
            conversation.step if conversation and conversation.name == onboarding.FLOW else None
        )
        text = spoken(text)  # "...question mark": read as the runner meant it, FAQ included
        intent, intents = understand_parts(text, turn.today)  # one reading of the text
        if (
            intent.kind is IntentKind.DONE
            and intent.unclear is not None
            and intent.effort is None
            and intent.unclear_slot is Unclear.EFFORT
        ):
            intents = (intent,)  # "done, effort 11/10": one log, one effort question
        if onboarding_step is not None and onboarding.may_answer(onboarding_step, intent, text):
            answered = await onboarding.answer_text(turn, onboarding_step, text)
            if answered is not None:
                return answered
        if onboarding_step is not None:  # "done", "what's today?": set-up is not skipped
            held = await onboarding.held_back(turn, onboarding_step, intent)
            if held is not None:
                brief, again = held
                noted: list[Reply] = []
                if intent.report is not None:
                    noted = await reports.record_report(turn, intent.report, text, ask_signs=True)
                elif intent.signs:
                    noted = await reports.warning_signs(turn, intent.signs, text)
                return [brief, *noted, again] if noted else held
        if conversation is not None:
            typed = await _typed_answer(turn, conversation, text, intent)
            if typed is not None:
                return typed
        if (first := await _records_first(turn, intent, text)) is not None:
            return first
        if not intent.signs:  # a warning sign is triaged as a report, never a rating
            pain = await comeback.typed_pain(turn, text)
            if pain is not None:  # "no pain", "maybe 3/10" to "any pain during it?"
                return pain
            if intent.kind in _MORNING_KINDS and intent.report is None:
                morning = await comeback.typed_morning(turn, text)
                if morning is not None:  # "settled", "a bit stiffer" the morning after
                    return morning
            if intent.report is None and intent.kind is IntentKind.UNKNOWN:
                effort = await training.typed_effort(turn, text)
                if effort is not None:  # "very hard", "7" to "how hard did it feel?"
                    return effort
        asked, intents = turn.planner.content.faq.questions(intent, intents, text, turn.today)
        if not intents:
            replies = []  # a question the FAQ answers: that only ("done! can I run later?": both)
        elif len(intents) == 1:
            replies = await self._intent(turn, intents[0], text)
        else:  # several parts: act on each in order, answer in one message where possible
            replies = await self._parts(turn, intents, text)
            replies = _one_reply(replies)
        if not asked and any(p.kind is IntentKind.SKIPPED for p in intents) and ill_said(text):
            asked = (turn.planner.content.faq.by_id(ILLNESS_ANSWER),)  # "skipping, got the flu"
        if asked:
            replies.append(await _faq_reply(turn, *asked))
        if onboarding_step is None and (said := health_said(text, turn.today)) is not None:
            replies += await health.note_said(turn, said)  # "im pregnant actually, 12 weeks"
        apart = any(  # the sign answered by its part: a sign apart, or a report holding it
            part.kind is IntentKind.WARNING_SIGN
            or (part.report is not None and part.report.red_flags >= intent.signs)
            for part in intents
        )
        if intent.signs and intent.kind is not IntentKind.WARNING_SIGN and not apart:
            replies += await reports.warning_signs(turn, intent.signs, text)
        if onboarding_step is not None and intent.kind is IntentKind.UNKNOWN:
            return await _setup_asked_again(turn, onboarding_step, text, replies)
        return replies

    async def _parts(self, turn: Turn, intents: Sequence[Intent], text: str) -> list[Reply]:
        """Each part of a message acted on in order, a warning sign's first ("numb around
        my bum and can't pee, did yesterday's, 5": the urgent care before the log)."""
        intents = sorted(intents, key=_urgency)  # stable: else in order
        replies: list[Reply] = []
        reported = [part.report for part in intents if part.report is not None]
        # a zone said beside a reminder: the reminder's reply gives the time
        reminder_said = any(
            p.kind is IntentKind.SET_REMINDER and p.unclear is None for p in intents
        )
        for part in intents:
            if (
                part.kind is IntentKind.BODY_REPORT
                and part.unclear is not None
                and part.report is None
                and reported
            ):  # "sharp pain in my shin, 12/10": the shin's report, its number asked
                replies += await reports.record_without_number(
                    turn, reported[-1], text, part.unclear, stored=True
                )
                continue
            if part.kind is IntentKind.GREETING:  # "hey coach! done, 6": a short hello first
                if not _greets_itself(intents, turn.today):  # today's session says hi
                    replies.append(Reply(text=chat.hello(turn.runner.first_name)))
                continue
            replies += await self._intent(turn, part, text, reminder_said=reminder_said)
        return _skips_together(replies)

    async def _intent(
        self, turn: Turn, intent: Intent, text: str, *, reminder_said: bool = False
    ) -> list[Reply]:
        """One request answered, and a body report said with it recorded ("back from a
        work trip, calf hot and swollen, hurts to walk"): a warning sign's answer first."""
        if intent.report is None or intent.kind not in _REPORT_BESIDE:
            return await self._request(turn, intent, text, reminder_said=reminder_said)
        idle = intent.kind is IntentKind.RESUME and turn.state.phase is not Phase.PAUSED
        rest = (
            []  # "just back from a work trip" with no break set: nothing to resume
            if idle
            else await self._request(
                turn, replace(intent, report=None), text, reminder_said=reminder_said
            )
        )
        noted = await reports.record_report(turn, intent.report, text, ask_signs=True)
        return [*noted, *rest] if intent.report.red_flags else [*rest, *noted]

    async def _request(
        self, turn: Turn, intent: Intent, text: str, *, reminder_said: bool = False
    ) -> list[Reply]:
        kind = intent.kind
        if (
            kind in _LOGS and intent.unclear is not None and intent.unclear_slot is Unclear.LOG_DAY
        ):  # "did it on the 31st of april": no such day has been, nothing logged
            status = CompletionStatus.DONE if kind is IntentKind.DONE else CompletionStatus.SKIPPED
            return await training.unclear_day(turn, status, intent.effort, intent.unclear)
        if kind is IntentKind.PAUSE and intent.unclear_slot is Unclear.LENGTH:
            return [Reply(text=question_words.break_length(intent.unclear or ""))]
        if intent.unclear is not None and kind in (IntentKind.PAUSE, IntentKind.RACE_DATE):
            race = kind is IntentKind.RACE_DATE  # a date that cannot be right: asked, not stored
            return [
                Reply(text=question_words.unclear_date(intent.unclear, race=race, today=turn.today))
            ]
        if kind is IntentKind.DONE and intent.unclear is not None and intent.effort is None:
            # "done, effort 11/10": logged, and the effort asked once, on its buttons' scale
            replies = await training.typed_log(
                turn, CompletionStatus.DONE, None, intent.note, day=intent.log_day
            )
            if replies and replies[0].keyboard:  # the effort question is the first reply
                off = training_words.effort_off_scale(intent.unclear)
                replies = [replace(replies[0], text=f"{off}\n{replies[0].text}"), *replies[1:]]
            if intent.report:
                replies += await reports.record_report(turn, intent.report, text, ask_signs=True)
            return replies
        if (
            intent.unclear is not None
            and intent.report is not None
            and kind is IntentKind.BODY_REPORT
        ):
            # "hamstring niggle 11/10": kept without the number, which is asked for
            return await reports.record_without_number(turn, intent.report, text, intent.unclear)
        if kind is IntentKind.SET_TIMEZONE and intent.unclear_slot is Unclear.CITY:
            return await account.set_timezone(turn, intent.city_said or "")  # "Springfield"
        if intent.unclear_slot is Unclear.SOME_DAYS and intent.unclear is not None:
            return [Reply(text=question_words.some_days_reminder(intent.unclear))]
        if intent.unclear_slot is Unclear.ONE_DAY and intent.reminder_time is not None:
            at = intent.reminder_time.strftime("%H:%M")
            return [Reply(text=question_words.one_day_reminder(at))]
        if intent.unclear is not None and not (intent.report and intent.report.red_flags):
            time_of_day = kind is IntentKind.SET_REMINDER
            effort = kind is IntentKind.DONE  # "done, effort like 6 or 7": the rest is logged
            asked = question_words.unclear_value(
                intent.unclear, time_of_day=time_of_day, effort=effort
            )
            return [Reply(text=asked)]
        if kind is IntentKind.PLAN_QUESTION:
            if asks_for_block(text):  # "show me the whole block": the block, week by week
                return await training.block_reply(turn)
            return await questions.plan_answer(turn, intent, text)
        if kind is IntentKind.TODAY:
            return await training.today_reply(turn)
        if kind in (IntentKind.DONE, IntentKind.SKIPPED, IntentKind.UNKNOWN) and undoes_todays_log(
            text.lower()
        ):
            return await training.undo_today(turn) or [Reply(text=training_words.NOTHING_TO_UNDO)]
        if kind is IntentKind.DONE:
            replies = await training.typed_log(
                turn, CompletionStatus.DONE, intent.effort, intent.note, day=intent.log_day
            )
            if intent.log_day is not None and not_todays(text.lower()):
                replies += await training.undo_today(turn)  # "did yesterday's not today's"
            return await _with_report(turn, intent, text, replies)
        if kind is IntentKind.SKIPPED:
            replies = await training.typed_log(
                turn, CompletionStatus.SKIPPED, None, intent.reason, day=intent.log_day
            )
            return replies + (
                await reports.record_report(turn, intent.report, text, ask_signs=True)
                if intent.report
                else []
            )
        if kind is IntentKind.BODY_REPORT and intent.report is not None:
            return await reports.record_report(turn, intent.report, text, ask_signs=True)
        if kind is IntentKind.FEELS_FINE:
            if turn.state.held_areas:
                return await reports.fine_under_hold(turn, intent, text)
            return await reports.settle(turn, intent.fine_areas, text)
        if kind is IntentKind.NOT_FINE:
            if intent.report is not None:
                return await reports.record_report(turn, intent.report, text)
            return [Reply(text=report_words.not_fine_yet(turn.state.held_areas))]
        if kind is IntentKind.WARNING_SIGN:
            return await reports.warning_signs(turn, intent.signs, text)
        if kind is IntentKind.SET_REMINDER:
            return await account.set_reminder(turn, intent.reminder_time, off=intent.reminder_off)
        if kind is IntentKind.SET_TIMEZONE:  # "in new york this week": until they're home
            return await account.set_timezone(
                turn, intent.timezone_text or "", message=text, reminder_said=reminder_said
            )
        if kind is IntentKind.RACE_DATE:
            return await _race_said(turn, intent, text)
        if kind is IntentKind.PAUSE:
            return await account.pause(turn, intent.pause_until, intent.pause_from)
        if kind is IntentKind.RESUME:
            if (
                turn.state.phase is not Phase.PAUSED
                and turn.state.held_areas
                and clinician_cleared(tokenise(text.lower()).words)
            ):  # "saw the physio, she cleared me to get back to training": the clearing
                return await reports.start_clearing(turn, (), cleared=True)
            return await _resumed(turn, text)
        if kind is IntentKind.PROGRESS:
            return await progress.progress_reply(turn)
        if kind is IntentKind.HISTORY:
            return await training.history_reply(turn)
        if kind is IntentKind.HELP:
            return [Reply(text=render.help_message())]
        if kind is IntentKind.GREETING:
            return [Reply(text=chat.greeting_reply(turn.runner.first_name))]
        if kind is IntentKind.THANKS:
            return [Reply(text=chat.thanks_reply())]
        if kind is IntentKind.UNKNOWN:
            return await _unknown(turn, text)
        return _not_understood(text)

    async def _button(self, turn: Turn, callback: Callback | None) -> list[Reply]:
        if callback is None:
            return [Reply(toast="That button is out of date. Send /today for a fresh one.")]
        action = callback.action
        if action in (Action.DONE, Action.SKIP, Action.EFFORT):
            return await training.button_log(turn, callback)
        if action is Action.SORE:
            return await reports.start_guided_report(turn)
        if action is Action.PAIN:
            return await comeback.pain_button(turn, callback)
        if action is Action.MORNING:
            return await comeback.morning_button(turn, callback)
        if action in (
            Action.CLEAR_CLINICIAN,
            Action.CLEAR_CHECK,
            Action.CLEAR_PICK,
            Action.CLEAR_SIGN,
        ):
            return await reports.clearing_step(turn, callback)
        if action.name.startswith("REPORT_"):
            return await reports.guided_step(turn, callback)
        if action.name.startswith("ONBOARDING_"):
            return await onboarding.answer_button(turn, callback)
        if action in (Action.HEALTH_END, Action.HEALTH_BIRTH):
            return await health.end_entry(turn, callback)
        if action is Action.CONFIRM_RESTART:
            return await onboarding.confirm_restart(turn, Answer(callback.str_arg(0)))
        if action is Action.CONFIRM_DELETE:
            return await account.confirm_delete(turn, Answer(callback.str_arg(0)))
        if action is Action.CANCEL:
            if not await reports.end_guided_report(turn):
                return [Reply(toast="That was finished or cancelled already.")]
            return [Reply(text="Cancelled. Nothing was saved from that.", edit=True)]
        if action is Action.HISTORY_PAGE:
            return await training.history_reply(turn, page=callback.int_arg(0), edit=True)
        if action is Action.SNOOZE:
            return await snooze(turn, callback)
        if action is Action.TIMEZONE:
            return await account.choose_timezone(turn, callback.str_arg(0))
        if action is Action.SUGGEST:
            return await _suggested(turn, Suggestion(callback.str_arg(0)))
        return [Reply(toast="That button is out of date. Send /today for a fresh one.")]


#: Requests that may carry a body report said with them, which their own answer does not
#: record (a log, a report and "not fine" record theirs).
_REPORT_BESIDE = frozenset(
    {
        IntentKind.PAUSE,
        IntentKind.RESUME,
        IntentKind.SET_REMINDER,
        IntentKind.SET_TIMEZONE,
        IntentKind.RACE_DATE,
        IntentKind.PLAN_QUESTION,
        IntentKind.TODAY,
        IntentKind.PROGRESS,
        IntentKind.HISTORY,
        IntentKind.HELP,
        IntentKind.GREETING,
        IntentKind.THANKS,
    }
)


def _days_logged(inbound: Inbound) -> Callable[[date], list[date]] | None:
    """The days a typed message logs as done, read against the runner's today (None for a
    command or a button)."""
    if not isinstance(inbound, Text):
        return None
    text = inbound.text

    def days(today: date) -> list[date]:
        parts = understand_parts(text, today)[1]
        return [p.log_day for p in parts if p.kind is IntentKind.DONE and p.log_day is not None]

    return days


#: Intents that act on nothing, so a run the runner says they will go on is answered.
_TOLD_ONLY = frozenset({IntentKind.UNKNOWN, IntentKind.NOT_FINE})


async def _records_first(turn: Turn, intent: Intent, text: str) -> list[Reply] | None:
    """What the runner's records answer before any reading of the words: running asked
    about under a hold that keeps it out ("can I go for an easy jog?"), or a number said
    back as the session's effort ("the 8 was how hard it felt, not my hip"), a clinician
    visit told while a hold stands ("booked the gp for tues")."""
    low = text.lower()
    visit = None if intent.cleared else clinician_visit(low)
    if visit is not None and (news := await training.clinician_news(turn, visit, intent, text)):
        return news
    if intent.signs or intent.report is not None or intent.cleared:
        return None  # "she said I'm ok to start running again": the go-ahead, not a question
    told = intent.kind in _TOLD_ONLY and plans_to_run(low)  # "I'll just do an easy jog on it"
    if (asks_to_run(low) or told) and (running := await training.running_under_hold(turn)):
        return running
    if intent.kind in _TOLD_ONLY and ran_said(low) and (ran := await training.ran_under_hold(turn)):
        return ran  # "did parkrun this morning anyway, calf held up mostly"
    if asks_other_activity(low) and (other := await training.other_activity_under_hold(turn)):
        return other
    rated = effort_not_severity(text)
    return None if rated is None else await corrections.severity_was_effort(turn, rated)


#: FAQ answers that give the everyday pain rules (up to 2 fine, up to 5 acceptable).
_PAIN_RULE_ANSWERS = frozenset({"exercise-hurts", "while-sore"})


def _skips_together(replies: list[Reply]) -> list[Reply]:
    """Two or more notes of days gone by skipped, said in one message ("missed saturday and
    sunday"), as one note."""
    days = [_skipped_day(reply) for reply in replies]
    said = [day for day in days if day is not None]
    if len(said) < 2:
        return replies
    merged = Reply(text=training_words.skipped_days(said))
    first = days.index(said[0])
    return [
        merged if index == first else reply
        for index, (reply, day) in enumerate(zip(replies, days, strict=True))
        if day is None or index == first
    ]


def _skipped_day(reply: Reply) -> str | None:
    return None if reply.keyboard else training_words.skipped_day(reply.text)


async def _with_report(turn: Turn, intent: Intent, text: str, logged: list[Reply]) -> list[Reply]:
    """A log's replies and the report said with it recorded: a warning sign's answer first
    ("numb around my bum and can't pee, did yesterday's 5": urgent care before the log)."""
    if intent.report is None:
        return logged
    noted = await reports.record_report(turn, intent.report, text, ask_signs=True)
    return [*noted, *logged] if intent.report.red_flags else [*logged, *noted]


def _urgency(part: Intent) -> int:
    """A part's place in the reply: a warning sign's own part or report first (0), then a
    part that carries signs beside its request (1), then the rest (2)."""
    if part.kind is IntentKind.WARNING_SIGN or (part.report and part.report.red_flags):
        return 0
    return 1 if part.signs else 2


async def _faq_reply(turn: Turn, *questions: FaqEntry) -> Reply:
    """The FAQ answers a message asks for with the holds' line, once; a hold that keeps
    running out leads an answer about an activity ("can I run on it?": not until cleared)."""
    held = await training.hold_line(turn)
    hold, no_running = held if held is not None else (None, False)
    if hold is not None and any(q.id in _PAIN_RULE_ANSWERS for q in questions):
        hold = report_words.pain_rules_beside_a_hold(hold)  # "up to 5 is acceptable": not it
    asked = [(q.question, q.answer, no_running and q.activity) for q in questions]
    return Reply(text=chat.faq_answers(asked, hold))


async def _unknown(turn: Turn, text: str) -> list[Reply]:
    """A message no rule read: what only the runner's own records can make sense of (a
    stay ending, a week's runs, a report put right), else not understood."""
    if _home_again(turn, text):  # "back home now": the zone from before the stay
        return await account.back_home(turn)
    if asks_for_block(text):  # "show me the whole block"
        return await training.block_reply(turn)
    said = running_week(text)
    if said is not None or raced_days(text):  # "long run is Sunday", "I race parkrun"
        return await week.set_week(turn, said or WeekSaid(), text)
    fix = report_fix(text)  # "sorry, not my knee, it's my hip": the last report
    if fix is not None and (fixed := await reports.amend_last(turn, fix, text)):
        return fixed
    if done_later(text):  # "gonna get it done later": nothing to log yet
        return [Reply(text=chat.done_later_noted())]
    return _not_understood(text)


def _home_again(turn: Turn, text: str) -> bool:
    """Whether the message says the runner is home again ("back home now", "im home");
    during set-up only with a stay on record (its time-zone question asks the rest)."""
    conversation = turn.conversation
    setting_up = conversation is not None and conversation.name == onboarding.FLOW
    if setting_up and turn.runner.home_timezone is None:
        return False
    return says_back_home(text)


async def _resumed(turn: Turn, text: str) -> list[Reply]:
    """A return ("I'm back", "home again"): home from a stay on record (its zone back, and
    the break ended too when paused); without one, a break ends as before, and with no
    break either, which city is home is asked."""
    if not _home_again(turn, text):
        return await account.resume(turn)
    paused = turn.state.phase is Phase.PAUSED
    if paused and turn.runner.home_timezone is None:
        return await account.resume(turn)  # back from a break, no stay on record
    replies = await account.back_home(turn)
    return replies + await account.resume(turn) if paused else replies


async def _draw_charts(calls: list[QueuedCall]) -> list[QueuedCall]:
    """The calls with their charts drawn (after commit: drawing holds no transaction)."""
    charted = [call for call in calls if call.outgoing.chart is not None]
    if not charted:
        return calls
    drawn = await progress.draw_charts(
        [Reply(text=call.outgoing.text, chart=call.outgoing.chart) for call in charted]
    )
    photos = {call.id: reply.photo for call, reply in zip(charted, drawn, strict=True)}
    return [
        QueuedCall(call.id, replace(call.outgoing, chart=None, photo=photos[call.id]))
        if call.id in photos
        else call
        for call in calls
    ]


async def _suggested(turn: Turn, chosen: Suggestion) -> list[Reply]:
    """A "did you mean" button: what that command shows; a break is asked about, not taken."""
    if chosen is Suggestion.PAUSE:
        return [Reply(text=question_words.pause_hint())]
    return await _setup_goes_on(turn, chosen.value, await ROUTES[chosen.value](turn, ""))


async def _setup_goes_on(turn: Turn, command: str, replies: list[Reply]) -> list[Reply]:
    """After /today or /plan in the middle of a first set-up (training starts on the
    defaults), the open set-up question again: set-up goes on, its health screen too."""
    if command.lower() not in _SHOWS_PLAN or turn.runner.onboarded:
        return replies  # no statement more for every other command
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is not None and conversation.name == onboarding.FLOW:
        replies.append(await onboarding.ask_again(turn, conversation.step))
    return replies


def _not_understood(text: str) -> list[Reply]:
    """A kind word for a lone emoji ("😭"); else "did you mean", with buttons."""
    if (kind_words := chat.emoji_reply(text)) is not None:
        return [Reply(text=kind_words)]
    offered = suggestions(" ".join(text.lower().split())[:200])
    rows = keyboard(question_words.suggestion_rows(offered))
    return [Reply(text=question_words.unknown_with_suggestions(text), keyboard=rows)]


async def _setup_asked_again(turn: Turn, step: str, text: str, replies: list[Reply]) -> list[Reply]:
    """A message set-up did not understand: the set-up question again with its own
    buttons, never the general fallback's."""
    fallback = question_words.unknown_with_suggestions(text)
    kept = [reply for reply in replies if reply.text != fallback]
    lead = chat.emoji_reply(text, setting_up=True) or chat.unclear_in_setup(text)
    first = [Reply(text=lead)] if len(kept) < len(replies) else []
    return [*first, *kept, await onboarding.ask_again(turn, step)]


async def _typed_answer(
    turn: Turn, conversation: Conversation, text: str, intent: Intent
) -> list[Reply] | None:
    """A typed answer to the question the conversation is at, or None (read as usual)."""
    if conversation.name == reports.FLOW and intent.kind is not IntentKind.FEELS_FINE:
        # "right shin" to "where do you feel it?", and so on ("quads feel fine now": not that)
        return await reports.typed_answer(turn, conversation.step, text)
    if conversation.name == account.CITY_FLOW:  # "the one in massachusetts"
        return await account.typed_place(turn, conversation.data, text)
    if conversation.name == account.HOME_FLOW:  # "Berlin" to "which city is home?"
        return await account.typed_home(turn, text, intent)
    if conversation.name == reports.CLEAR_FLOW:  # "physio said it's fine", "hurt a bit, 4"
        return await reports.typed_clearing(turn, conversation.step, text, intent)
    return None


async def _race_said(turn: Turn, intent: Intent, text: str) -> list[Reply]:
    """A race date said (with its distance, if named); a run raced every week ("parkrun
    saturday, I race it") is the running week's, not a race date."""
    if raced_days(text):
        return await week.set_week(turn, running_week(text) or WeekSaid(), text)
    goal = turn.state.race_date
    day = intent.race_date or (None if intent.race_off else parse_day(text, turn.today))
    if (
        day is not None
        and goal is not None
        and turn.today <= day < goal
        and not race_moved(text.lower())
    ):  # "racing parkrun tmrw", "racing a 10k tune-up on Saturday": a race on the way, the
        # goal race stays, its date and its distance
        parkrun = mentions_parkrun(text) and distance_named(text) is None
        return [Reply(text=training_words.race_before_the_goal(day, goal, parkrun=parkrun))]
    replies = await account.set_race(turn, intent.race_date, off=intent.race_off)
    if intent.race_off:
        return replies
    return replies + await _race_distance(turn, text)  # "I race a half on 12 April"


async def _race_distance(turn: Turn, text: str) -> list[Reply]:
    """The race distance ``text`` names, stored with the running week; none named, nothing."""
    distance = distance_named(text)
    if distance is None:
        return []
    return await week.set_week(turn, WeekSaid(race_distance=distance))


def _one_reply(replies: list[Reply]) -> list[Reply]:
    """Several parts' answers as one message: the plain texts joined, with the one keyboard
    among them if only one has buttons; anything else (files, charts, edits) stays apart."""
    plain = [r for r in replies if _mergeable(r)]
    if len(plain) < 2:
        return replies
    boards = [r.keyboard for r in plain if r.keyboard]
    if len(boards) > 1:
        return replies
    paragraphs = [p for r in plain for p in r.text.split("\n\n")]
    # a paragraph two answers share ("tell me how it feels...") is said once, at its last place
    kept = [p for i, p in enumerate(paragraphs) if p not in paragraphs[i + 1 :]]
    merged = Reply(text="\n\n".join(kept), keyboard=boards[0] if boards else ())
    rest = [r for r in replies if not _mergeable(r)]
    return [merged, *rest]


def _mergeable(reply: Reply) -> bool:
    return bool(reply.text) and reply == Reply(text=reply.text, keyboard=reply.keyboard)


async def _cancel(turn: Turn, _: str) -> list[Reply]:
    """End the conversation in progress; a report started during set-up goes back to it."""
    if await reports.end_guided_report(turn):
        back = await chats.get_conversation(turn.session, turn.sender.chat_id)
        to_setup = back is not None and back.name == onboarding.FLOW
        return [Reply(text=chat.cancelled_report(back_to_setup=to_setup))]
    had = await chats.get_conversation(turn.session, turn.sender.chat_id)
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    return [Reply(text=chat.cancelled(had_conversation=had is not None))]


async def _clear(turn: Turn, args: str) -> list[Reply]:
    """/clear [area]: an area (or, without one, everything on hold) is fine again; the
    clinician question and the return checks come before the hold ends."""
    area = area_named(args) if args.strip() else None
    if args.strip() and area is None:
        return [Reply(text=report_words.unknown_area(args))]
    return await reports.start_clearing(turn, () if area is None else (area,))


def _simple(
    make: Callable[[Turn], Awaitable[list[Reply]]],
) -> Callable[[Turn, str], Awaitable[list[Reply]]]:
    async def run(turn: Turn, _: str) -> list[Reply]:
        return await make(turn)

    return run


async def _help(turn: Turn, _: str) -> list[Reply]:
    return [Reply(text=render.help_message())]


async def _settings(turn: Turn, args: str) -> list[Reply]:
    changed = await week.settings_text(turn, args)
    return changed if changed is not None else account.settings(turn)


async def _plan(turn: Turn, args: str) -> list[Reply]:
    if args.strip().lower() == "block":
        return await training.block_reply(turn)
    return await training.week_reply(turn)


async def _delete(turn: Turn, _: str) -> list[Reply]:
    return account.ask_delete()


async def _done(turn: Turn, args: str) -> list[Reply]:
    return await training.typed_log(turn, CompletionStatus.DONE, None, args or None)


async def _skip(turn: Turn, args: str) -> list[Reply]:
    return await training.typed_log(turn, CompletionStatus.SKIPPED, None, args or None)


async def _race(turn: Turn, args: str) -> list[Reply]:
    """/race DATE [distance]: the date, and the distance when one is named ("/race
    2027-02-14 half" left the distance on marathon)."""
    replies = await account.set_race_text(turn, args)
    if says_off(args) or parse_day(args, turn.today) is None:
        return replies
    return replies + await _race_distance(turn, args)


def routes(handlers: Mapping[str, Handler]) -> dict[str, Handler]:
    """The command table's handlers, in its order; ValueError when they name other commands."""
    missing, unlisted = command_names() - handlers.keys(), handlers.keys() - command_names()
    if missing or unlisted:
        raise ValueError(
            f"commands without a handler: {sorted(missing)}; "
            f"handlers not in the command table: {sorted(unlisted)}"
        )
    return {command.name: handlers[command.name] for command in COMMANDS}


ROUTES = routes(
    {
        "start": _simple(onboarding.start),
        "today": _simple(training.today_reply),
        "plan": _plan,
        "done": _done,
        "skip": _skip,
        "sore": _simple(reports.start_guided_report),
        "phase": _simple(training.phase_reply),
        "race": _race,
        "remind": account.set_reminder_text,
        "timezone": account.set_timezone,
        "pause": account.pause_text,
        "resume": _simple(account.resume),
        "progress": _simple(progress.progress_reply),
        "history": _simple(training.history_reply),
        "export": _simple(export.export),
        "delete": _delete,
        "settings": _settings,
        "help": _help,
        "cancel": _cancel,
        "clear": _clear,
    }
)


def _greets_itself(intents: Sequence[Intent], today: date) -> bool:
    """Whether a part's answer opens with its own hello (today's session does)."""
    return any(
        part.kind is IntentKind.TODAY
        or (part.kind is IntentKind.PLAN_QUESTION and part.ask_day == today)
        for part in intents
    )
