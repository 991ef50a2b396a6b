"""The graded way back and the Done flow's pain question: asking, and taking the answers.

The rules are ``bot.core.comeback``'s (stages, what unlocks the next, when the Done flow
asks about pain); the words ``bot.presentation.way_back``'s. A pain answer is stored with
the day's completion; on the way back it moves the stage on (after a settled morning) or
keeps it; above 5/10 the guided report follows (where, how, warning signs).
"""

from __future__ import annotations

from datetime import date

from bot.core import comeback
from bot.core.comeback import REPORT_PAIN, Feel, Stage, stage_of
from bot.core.phases import Transition
from bot.core.records import Completion
from bot.core.understanding.answers import morning_feel, pain_score, scale_answer
from bot.presentation import way_back as words
from bot.presentation.callbacks import Callback
from bot.service.messages import Reply, keyboard
from bot.service.reports import start_guided_report
from bot.service.turn import Turn
from bot.storage import chats, records

__all__ = [
    "EFFORT_FLOW",
    "PAIN_FLOW",
    "ask_pain",
    "morning_button",
    "pain_button",
    "pain_question_again",
    "typed_morning",
    "typed_pain",
    "way_back_question",
]

PAIN_FLOW = "pain"
#: The open "how hard did it feel?" of a day's session (data: the day), asked without the
#: pain question, so a typed number answers it later (``bot.service.training``).
EFFORT_FLOW = "effort"
#: How old a session may be for its pain or morning button to count.
_BUTTON_DAYS = 7


async def ask_pain(turn: Turn, day: date, title: str) -> list[Reply]:
    """The pain question after a session logged done on ``day``, when the rule asks it.

    Typed answers are taken while the question is open (a flow already open, such as the
    set-up, keeps its place: then only the buttons answer).
    """
    logged = await _logged(turn, day)
    if logged is None or not logged.done:
        return []
    if day == turn.today:  # this session is now the stage's last one
        later = comeback.session_logged(turn.state, day)
        await turn.save_state(Transition(later, "way back: a new session", False))
    _, reports = await turn.recent(day)
    if not comeback.asks_pain(logged.category, turn.state, reports, day):
        return []
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is None or current.name in (PAIN_FLOW, EFFORT_FLOW):
        data = {"day": day.isoformat()}
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, PAIN_FLOW, "pain", data, now=turn.now
        )
    return [Reply(text=words.pain_question(title), keyboard=keyboard(words.pain_keyboard(day)))]


def pain_question_again(day: date, title: str) -> Reply:
    """The open pain question about ``day``'s session, asked again with its buttons."""
    return Reply(text=words.pain_question(title), keyboard=keyboard(words.pain_keyboard(day)))


async def pain_button(turn: Turn, callback: Callback) -> list[Reply]:
    """A tap on a pain number."""
    day, pain = callback.date_arg(0), callback.int_arg(1)
    if not 0 <= (turn.today - day).days <= _BUTTON_DAYS:
        return [Reply(toast="That question is too old to answer here.")]
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
    if logged is not None and logged.done and logged.rpe is None and scale_answer(text) is not None:
        # a bare number while the effort question is open too: asked, not guessed
        rows = words.pain_or_effort_keyboard(day, logged.session_id, pain)
        return [Reply(text=words.pain_or_effort(pain), keyboard=keyboard(rows))]
    return await _pain(turn, day, pain) or None


async def _pain(turn: Turn, day: date, pain: int) -> list[Reply]:
    """Store the pain during ``day``'s session and say what it changes."""
    logged = await _logged(turn, day)
    if logged is None or not logged.done:
        return []
    await records.set_pain(turn.session, turn.runner.id, day, pain)
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if current is not None and current.name == PAIN_FLOW:
        await chats.clear_conversation(turn.session, turn.sender.chat_id)
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
