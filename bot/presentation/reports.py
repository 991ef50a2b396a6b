"""The words of the guided /sore report, /clear and clearing a recovery hold."""

from __future__ import annotations

from collections.abc import Collection

from bot.core.vocabulary import RedFlag
from bot.presentation.callbacks import Action, encode
from bot.presentation.html import escape_text, italic
from bot.presentation.render import Rows

__all__ = [
    "AREA_QUESTION",
    "FLAGS_QUESTION",
    "KIND_QUESTION",
    "SEVERITY_QUESTION",
    "SIDE_QUESTION",
    "back_to_setup",
    "cleared",
    "flags_keyboard",
    "muddled",
    "noted",
    "unknown_area",
]

AREA_QUESTION = (
    "Where do you feel it? Tap the area (or just type it, like <i>left calf sore 6/10</i>)."
)
SIDE_QUESTION = "Which side?"
KIND_QUESTION = "How does it feel?"
SEVERITY_QUESTION = "How strong, from 0 (nothing) to 10 (worst)?"
FLAGS_QUESTION = (
    "Any of these? Tap all that apply, then <b>Done</b>. (They help me tell normal training "
    "soreness from something a physio should see.)"
)


def flags_keyboard(chosen: Collection[str]) -> Rows:
    """Every warning sign, ticked when chosen, then Done (or "None of these")."""
    rows = [
        [
            (
                ("✅ " if flag.value in chosen else "") + flag.label.capitalize(),
                encode(Action.REPORT_FLAG, flag),
            )
        ]
        for flag in RedFlag
    ]
    done = "Done" if chosen else "None of these"
    return [*rows, [(done, encode(Action.REPORT_FINISH))]]


def noted() -> str:
    """The guided report's last question, edited once it is answered."""
    return "Thanks, noted."


def muddled() -> str:
    """A guided report whose answers no longer make sense."""
    return "That report got muddled, sorry. Send /sore to start again."


def back_to_setup() -> str:
    """After a report that interrupted the set-up questions."""
    return "Now, back to setting up: answer the question above, or Skip."


def cleared(reason: str) -> str:
    """A recovery hold lifted, and what that changes."""
    return f"Great news! {escape_text(reason)}"


def unknown_area(said: str) -> str:
    """/clear with a body part I don't know."""
    return (
        f"I don't know the body part {italic(said.strip()[:32])}."
        " Try <i>/clear hips</i>, or just /clear for everything on hold."
    )
