"""The graded way back and the Done flow's pain question: asking, and taking the answers.

The rules are ``bot.core.comeback``'s (stages, what unlocks the next, when the Done flow
asks about pain); the words ``bot.presentation.way_back``'s. A pain answer is stored with
the day's completion; on the way back it moves the stage on (after a settled morning) or
keeps it; above 5/10 the guided report follows (where, how, warning signs).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from bot.core import comeback
from bot.core.comeback import REPORT_PAIN, Feel, Stage, stage_of
from bot.core.phases import Transition
from bot.core.records import Completion
from bot.core.understanding.answers import morning_feel, pain_score, scale_answer
from bot.presentation import questions as question_words
from bot.presentation import render
from bot.presentation import training as training_words
from bot.presentation import way_back as words
from bot.presentation.callbacks import Callback
from bot.service.messages import Reply, keyboard
from bot.service.reports import RESUME, start_guided_report
from bot.service.turn import Turn
from bot.storage import chats, records
from bot.storage.chats import Conversation

__all__ = [
    "EFFORT_FLOW",
    "PAIN_FLOW",
    "ask_pain",
    "close_gap",
    "keeps_queue",
    "morning_button",
    "next_question",
    "open_pain_question",
    "pain_button",
    "pain_due",
    "pain_question_again",
    "question_data",
    "said_day",
    "typed_morning",
    "typed_pain",
    "wait_turn",
    "way_back_question",
]

PAIN_FLOW = "pain"
#: The open "how hard did it feel?" of a day's session (data: the day), asked without the
#: pain question or left open once the pain is answered, so a typed number answers it
#: later (``bot.service.training``).
EFFORT_FLOW = "effort"
#: How old a session may be for its pain or morning button to count.
_BUTTON_DAYS = 7


async def close_gap(turn: Turn) -> None:
    """Call off a way back begun today after days without logs when those days have now
    been logged (told late, in a later message than the one that began it). A way back
    after a hold or a long pause is kept."""
    state = turn.state
    if not state.way_back_from_gap or state.way_back_since != turn.today:
        return
    since = turn.today - timedelta(days=comeback.WAY_BACK_AFTER_DAYS)
    logs = await records.recent_completions(turn.session, turn.runner.id, since)
    before = max((log.on for log in logs if log.on < turn.today), default=None)
    closed = comeback.gap_closed(state, before, turn.today)
    if closed is not None:
        await turn.save_state(Transition(closed, "the days away were logged", False))
        turn.notices.append(words.GAP_CLOSED)


async def pain_due(turn: Turn, day: date) -> bool:
    """Whether the rule asks about pain during ``day``'s session, just logged done (on
    the way back, today's session becomes the stage's last one)."""
    logged = await _logged(turn, day)
    if logged is None or not logged.done:
        return False
    if day == turn.today:  # this session is now the stage's last one
        later = comeback.session_logged(turn.state, day)
        await turn.save_state(Transition(later, "way back: a new session", False))
    _, reports = await turn.recent(day)
    return comeback.asks_pain(logged.category, turn.state, reports, day)


async def ask_pain(turn: Turn, day: date, title: str) -> list[Reply]:
    """The pain question after a session logged done on ``day``, when the rule asks it.

    Typed answers are taken while the question is open (a flow already open, such as the
    set-up, keeps its place: then only the buttons answer).
    """
    if not await pain_due(turn, day):
        return []
    await open_pain_question(turn, day)
    return [pain_question_again(day, title)]


async def open_pain_question(turn: Turn, day: date) -> None:
    """Remember the pain question about ``day``'s session, so a typed answer lands on it
    (unless another flow, such as the set-up, is open)."""
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is None or current.name in (PAIN_FLOW, EFFORT_FLOW):
        data = question_data(current, day)
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, PAIN_FLOW, "pain", data, now=turn.now
        )


# ---------------------------------------------------------------- one day's questions at a time
#
# A message that logs several days ("did monday and tuesday") asks about the first day
# only; each later day waits in the open question's data (``_THEN``: its day, whether its
# pain is asked, its title) and is asked once the day before it is answered, so a typed
# answer always lands on the day it was asked about. A report's questions that open in
# between keep the queue in what they resume.

_THEN = "then"
_FOLLOW_UPS = frozenset({PAIN_FLOW, EFFORT_FLOW})


def question_data(current: Conversation | None, day: date) -> dict[str, Any]:
    """The data of ``day``'s effort or pain question, replacing ``current``: the days
    still queued behind it are kept (an unanswered question of another day is dropped;
    its buttons still answer it)."""
    data: dict[str, Any] = {"day": day.isoformat()}
    if current is not None and current.name in _FOLLOW_UPS:
        then = [entry for entry in _queue(current.data) if entry.get("day") != data["day"]]
        if then:
            data[_THEN] = then
    return data


def keeps_queue(current: Conversation) -> bool:
    """Whether an answered question stays open because days wait behind it (the turn's
    end asks the next: ``next_question``)."""
    return bool(_queue(current.data))


async def wait_turn(turn: Turn, day: date, title: str, *, pain: bool) -> bool:
    """Queue ``day``'s questions behind those this turn asked about another day; False
    (ask them now) when it asked none, or their question is not the one open."""
    first = turn.asked_about
    if first is None or first == day:
        return False
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is None:
        return False
    data = dict(current.data)
    holder = data
    if current.name not in _FOLLOW_UPS:  # a report's questions came in between
        resume = data.get(RESUME)
        if not isinstance(resume, dict) or resume.get("name") not in _FOLLOW_UPS:
            return False
        resume = dict(resume)
        holder = resume["data"] = dict(resume.get("data") or {})
        data[RESUME] = resume
    if holder.get("day") != first.isoformat():
        return False
    entry = {"day": day.isoformat(), "pain": pain, "title": title}
    holder[_THEN] = [*_queue(holder), entry]
    await chats.set_conversation(
        turn.session, turn.sender.chat_id, current.name, current.step, data, now=turn.now
    )
    turn.queued_questions = True
    return True


async def next_question(turn: Turn) -> list[Reply]:
    """At the end of a turn: when the open question's day is answered and other days wait
    behind it, the next day's questions (its effort, then its pain), else nothing.

    A day whose pain was answered before its effort is asked its effort again first.
    """
    if not (turn.queued_questions or _holds_queue(turn.conversation)):
        return []  # no queue anywhere: no query
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is None or current.name not in _FOLLOW_UPS:
        return []
    then = _queue(current.data)
    if not then:
        return []
    day = _day(current.data.get("day"))
    logged = None if day is None else await _logged(turn, day)
    if day is not None and logged is not None and logged.done:
        if current.name == PAIN_FLOW and logged.pain is None:
            return []  # its pain is still asked
        if logged.rpe is None:
            if current.name == EFFORT_FLOW:
                return []  # its effort is still asked
            data = {"day": day.isoformat(), _THEN: then}
            await chats.set_conversation(
                turn.session, turn.sender.chat_id, EFFORT_FLOW, "effort", data, now=turn.now
            )
            label = said_day(day, turn.today)
            rows = render.effort_keyboard(day, logged.session_id)
            return [Reply(text=training_words.effort_left(label), keyboard=keyboard(rows))]
    return await _ask_next(turn, then)


async def _ask_next(turn: Turn, then: list[dict[str, Any]]) -> list[Reply]:
    """The first queued day with a question left: asked, the rest queued behind it."""
    while then:
        entry, then = then[0], then[1:]
        day = _day(entry.get("day"))
        if day is None or not 0 <= (turn.today - day).days <= _BUTTON_DAYS:
            continue
        logged = await _logged(turn, day)
        if logged is None or not logged.done:
            continue  # taken back or made a skip since
        effort, pain = logged.rpe is None, bool(entry.get("pain")) and logged.pain is None
        if not (effort or pain):
            continue
        data: dict[str, Any] = {"day": day.isoformat()}
        if then:
            data[_THEN] = then
        flow = PAIN_FLOW if pain else EFFORT_FLOW
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, flow, flow, data, now=turn.now
        )
        title = str(entry.get("title") or "")
        label = said_day(day, turn.today)
        replies = []
        if effort:
            rows = render.effort_keyboard(day, logged.session_id)
            text = training_words.effort_next(label, title)
            replies.append(Reply(text=text, keyboard=keyboard(rows)))
        if pain:
            lead = None if effort else training_words.pain_next(label)
            question = pain_question_again(day, title)
            replies.append(replace(question, text=f"{lead} {question.text}") if lead else question)
        return replies
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    return []


def _queue(data: dict[str, Any]) -> list[dict[str, Any]]:
    then = data.get(_THEN)
    return [entry for entry in then if isinstance(entry, dict)] if isinstance(then, list) else []


def _holds_queue(conversation: Conversation | None) -> bool:
    """Whether the conversation (or the question a report interrupted) has days queued."""
    if conversation is None:
        return False
    resume = conversation.data.get(RESUME)
    inner = resume.get("data") if isinstance(resume, dict) else None
    return bool(_queue(conversation.data) or (isinstance(inner, dict) and _queue(inner)))


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def said_day(day: date, today: date) -> str:
    """A logged day as the questions name it: "today", "yesterday", "Mon 30 Nov"."""
    return "today" if day == today else question_words.past_day(day, today)


def pain_question_again(day: date, title: str) -> Reply:
    """The open pain question about ``day``'s session, asked again with its buttons."""
    return Reply(text=words.pain_question(title), keyboard=keyboard(words.pain_keyboard(day)))


async def pain_button(turn: Turn, callback: Callback) -> list[Reply]:
    """A tap on a pain number."""
    day, pain = callback.date_arg(0), callback.int_arg(1)
    if not 0 <= (turn.today - day).days <= _BUTTON_DAYS:
        return [Reply(toast="That question is too old to answer here.")]
    logged = await _logged(turn, day)
    if logged is not None and logged.done and logged.pain is not None:
        # answered already (typed, or on another message): an old button changes nothing
        return [Reply(toast=words.pain_noted_already(logged.pain))]
    replies = await _pain(turn, day, pain)
    return replies or [Reply(toast="That session isn't logged as done.")]


async def typed_pain(turn: Turn, text: str) -> list[Reply] | None:
    """A typed answer to the open pain question ("no pain", "2"); None when it is none."""
    conversation = turn.conversation
    if conversation is None or conversation.name != PAIN_FLOW:
        return None
    pain = pain_score(text)
    if pain is None:
        return None
    try:
        day = date.fromisoformat(str(conversation.data.get("day")))
    except ValueError:
        return None
    logged = await _logged(turn, day)
    bare = scale_answer(text)
    if logged is not None and logged.done and logged.rpe is None and bare not in (None, 0):
        # a bare number while the effort question is open too: asked, not guessed (0 can
        # only be the pain: effort runs from 1)
        rows = words.pain_or_effort_keyboard(day, logged.session_id, pain)
        return [Reply(text=words.pain_or_effort(pain), keyboard=keyboard(rows))]
    return await _pain(turn, day, pain) or None


async def _pain(turn: Turn, day: date, pain: int) -> list[Reply]:
    """Store the pain during ``day``'s session and say what it changes."""
    logged = await _logged(turn, day)
    if logged is None or not logged.done:
        return []
    await records.set_pain(turn.session, turn.runner.id, day, pain)
    await _pain_closed(turn, day, effort_open=logged.rpe is None)
    stage = stage_of(turn.state)
    since = turn.state.way_back_since
    counted = stage is not Stage.FULL and since is not None and day >= since
    if counted:
        state = comeback.after_session(turn.state, day, pain)
        await turn.save_state(Transition(state, "way back: pain during a session", False))
    on_way_back = None if stage is Stage.FULL else int(stage)
    replies = [Reply(text=words.pain_reply(pain, on_way_back, counted=counted))]
    if pain > REPORT_PAIN:
        replies += await start_guided_report(turn)
    return replies


async def _pain_closed(turn: Turn, day: date, *, effort_open: bool) -> None:
    """``day``'s pain question is answered: it is no longer open. The effort question
    asked with it stays open (the ``effort`` conversation), so a typed number later
    answers it, whatever the day ("did yesterday's": "no pain", then "3")."""
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is None or current.name != PAIN_FLOW or keeps_queue(current):
        return  # days queued behind it: the turn's end asks the next (``next_question``)
    if current.data.get("day") != day.isoformat():
        return  # another day's question stays open (this was its old message's button)
    if effort_open:
        await chats.set_conversation(
            turn.session,
            turn.sender.chat_id,
            EFFORT_FLOW,
            "effort",
            {"day": day.isoformat()},
            now=turn.now,
        )
    else:
        await chats.clear_conversation(turn.session, turn.sender.chat_id)


async def morning_button(turn: Turn, callback: Callback) -> list[Reply]:
    """A tap on Settled / The same / Worse."""
    day = callback.date_arg(0)
    if comeback.awaiting_morning(turn.state, turn.today) != day:
        return [Reply(toast="That question is out of date. /phase shows where you are.")]
    return await _morning(turn, Feel(callback.str_arg(1)))


async def typed_morning(turn: Turn, text: str) -> list[Reply] | None:
    """A typed answer to the morning check ("settled", "a bit worse"); None when no
    check is waiting or the text is no such answer."""
    if comeback.awaiting_morning(turn.state, turn.today) is None:
        return None
    feel = morning_feel(text)
    return None if feel is None else await _morning(turn, feel)


async def _morning(turn: Turn, feel: Feel) -> list[Reply]:
    before = stage_of(turn.state)
    state = comeback.after_morning(turn.state, feel, turn.today)
    await turn.save_state(Transition(state, "way back: the morning after", False))
    after = stage_of(state)
    return [
        Reply(
            text=words.morning_reply(feel, int(before), None if after is Stage.FULL else int(after))
        )
    ]


def way_back_question(turn: Turn) -> Reply | None:
    """The morning check as a message with buttons, when one is waiting."""
    awaiting = comeback.awaiting_morning(turn.state, turn.today)
    if awaiting is None:
        return None
    return Reply(
        text=words.morning_question(awaiting, turn.today),
        keyboard=keyboard(words.morning_keyboard(awaiting)),
    )


async def _logged(turn: Turn, day: date) -> Completion | None:
    history, _ = await turn.recent(day)
    return next((done for done in history if done.on == day), None)
