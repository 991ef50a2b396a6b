"""The words every use case shares: refusals, phase-change notices, greetings, cancelling."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.understanding.emoji import Mood, emoji_mood
from bot.presentation.html import escape_text, heard

__all__ = [
    "cancelled",
    "cancelled_report",
    "emoji_reply",
    "faq_answers",
    "fine_noted",
    "greeting_reply",
    "hello",
    "phase_notices",
    "refusal",
    "still_setting_up",
    "thanks_reply",
    "unclear_in_setup",
]


def refusal(reason: str) -> str:
    """Why a change was refused (the core's plain sentence, escaped)."""
    return escape_text(reason)


def phase_notices(reasons: Sequence[str]) -> str:
    """The phase changes a message brought about, one paragraph each."""
    return "\n\n".join(f"🔄 {escape_text(reason)}" for reason in reasons)


def greeting_reply(first_name: str | None) -> str:
    """The answer to "hi"."""
    name = escape_text(first_name or "there")
    return f"Hi {name}! 👋 Ask me \"what's today's session?\" or send /today."


def hello(first_name: str | None) -> str:
    """A short hello before the answer to the rest of a message ("hey coach! done, 6")."""
    return f"Hi {escape_text(first_name or 'there')}! 👋"


def faq_answers(asked: Sequence[tuple[str, str, bool]], hold: str | None = None) -> str:
    """The coach's answers to the common questions a message asks (``content/faq.yaml``),
    each under its question: each question, its answer and whether the hold leads it (an
    activity asked about under a hold that keeps running out, "can I run on it?": the answer
    is for once the runner is cleared); ``hold``: the short line of the holds in force
    (plain text), once, under the answers or first when it leads any."""
    blocks = [
        f"💬 <b>{escape_text(q)}</b>\n"
        + ("Once you're cleared: " if hold is not None and first else "")
        + escape_text(a)
        for q, a, first in asked
    ]
    text = "\n\n".join(blocks)
    if hold is None:
        return text
    if any(first for _, _, first in asked):
        return f"⚠️ {escape_text(hold)}\n\n{text}"
    return f"{text}\n\n⚠️ {escape_text(hold)}"


def thanks_reply() -> str:
    """The answer to "thanks"."""
    return "Any time! 💪"


def fine_noted() -> str:
    """The answer to "all good" when nothing is on hold."""
    return "Good to hear! 💪 Your plan carries on as it is: /today."


def easing_noted(left: int) -> str:
    """The answer to "much better, 2/10" when nothing is on hold: what is left is noted."""
    if left > _FEEDBACK_MOST:
        return (
            f"Good to hear it's easing. I've noted it at {left}/10: above 3/10 I keep "
            "following it up and your plan goes easy on it. Tell me when it's lower. /today "
            "has your session."
        )
    return (
        f"Good to hear it's easing. I've noted it at {left}/10: up to 3/10 is normal "
        "training feedback, so your plan carries on. Tell me if it climbs again. /today "
        "has your session."
    )


#: Soreness up to this is normal training feedback (docs/coaching.md, pain-monitoring model).
_FEEDBACK_MOST = 3


def done_later_noted() -> str:
    """The answer to today's session promised for later ("gonna get it done later")."""
    return "Sounds good. Tell me when it's done, and how hard it felt from 1 to 10: /today has it."


def still_setting_up() -> str:
    """After a message that does not answer the set-up question."""
    return "(We're still setting up: answer the question above, or tap Skip.)"


def cancelled_report(*, back_to_setup: bool) -> str:
    """/cancel during the guided report."""
    more = " Back to setting up: answer the question above, or tap Skip." if back_to_setup else ""
    return f"Cancelled; nothing was saved from that report.{more}"


def cancelled(*, had_conversation: bool) -> str:
    """/cancel otherwise."""
    if had_conversation:
        return "Cancelled. What's next?"
    return "Nothing to cancel. Send /today for your session."


def unclear_in_setup(text: str) -> str:
    """Said before the set-up question is asked again, after a message not understood."""
    return f"Sorry, I didn't catch{heard(text)}. Here's the set-up question again (or tap Skip):"


def emoji_reply(text: str, *, setting_up: bool = False) -> str | None:
    """A short, kind answer to a message of emoji alone ("😭", "👍"); None when the text
    is not one (``understanding.emoji``). ``setting_up``: said before the set-up question
    is asked again (only to a low one)."""
    mood = emoji_mood(text)
    if mood is Mood.LOW:
        if setting_up:
            return (
                "Sorry it's a rough one. 💛 If something hurts, tell me where, like <i>left "
                "calf sore 4/10</i>. Here's the set-up question again:"
            )
        return (
            "Sorry it's a rough one. 💛 If something hurts, tell me where, like <i>left calf "
            "sore 4/10</i>; if it's just a hard day, rest is fine: skip today's session and "
            "we go on tomorrow."
        )
    if mood is Mood.GOOD and not setting_up:
        return "💪 Love it! /today has your session."
    return None
