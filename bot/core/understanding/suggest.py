"""The closest things the coach can do for a message it did not understand.

Each thing it can do has a few phrases runners use for it; rapidfuzz's ``token_set_ratio``
scores the message against every phrase (a lexical match: shared words count, order does
not) and the two or three best-scoring things are offered as buttons. A message that
shares nothing with any phrase gets today's session and the help list.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from rapidfuzz import fuzz, process

__all__ = ["Suggestion", "closest_command", "suggestions"]


class Suggestion(StrEnum):
    """Something the coach can show or start from a button (the value is its command)."""

    TODAY = "today"
    PLAN = "plan"
    PHASE = "phase"
    SORE = "sore"
    PROGRESS = "progress"
    HISTORY = "history"
    SETTINGS = "settings"
    PAUSE = "pause"
    HELP = "help"


_PHRASES: Final[dict[Suggestion, tuple[str, ...]]] = {
    Suggestion.TODAY: ("todays session workout", "what do i do now exercises routine"),
    Suggestion.PLAN: ("plan for the week ahead", "next days schedule coming up tomorrow"),
    Suggestion.PHASE: ("which phase block stage am i in", "jumps plyos when do they start"),
    Suggestion.SORE: ("sore tight pain hurts ache injury", "my leg hip knee calf feels"),
    Suggestion.PROGRESS: ("progress chart graph streak stats how am i doing",),
    Suggestion.HISTORY: ("log history what have i done past sessions",),
    Suggestion.SETTINGS: ("settings reminder time zone race date change my",),
    Suggestion.PAUSE: ("pause break holiday going away travelling busy stop for a while",),
    Suggestion.HELP: ("help what can you do commands how does this work",),
}
_CHOICES: Final = [(item, phrase) for item, phrases in _PHRASES.items() for phrase in phrases]
_PHRASE_LIST: Final = [phrase for _, phrase in _CHOICES]
_FLOOR: Final = 50.0
_DEFAULT: Final = (Suggestion.TODAY, Suggestion.HELP)


def suggestions(low: str, *, most: int = 3) -> tuple[Suggestion, ...]:
    """Up to ``most`` things closest to ``low`` (lower-case text), best first."""
    ranked = process.extract(low, _PHRASE_LIST, scorer=fuzz.token_set_ratio, limit=None)
    chosen: list[Suggestion] = []
    for _, score, index in ranked:
        item = _CHOICES[index][0]
        if score >= _FLOOR and item not in chosen:
            chosen.append(item)
        if len(chosen) == most:
            break
    for item in _DEFAULT:
        if len(chosen) >= 2:
            break
        if item not in chosen:
            chosen.append(item)
    return tuple(chosen)


#: How alike a mistyped command's name must be to a real one (rapidfuzz's ``ratio``, 0-100).
COMMAND_LIKENESS: Final = 75


def closest_command(name: str, names: dict[str, str]) -> str | None:
    """The command a mistyped ``name`` most likely meant ("plna" → "plan", "remidn" →
    "remind"): ``names`` maps every name the bot answers to (aliases included) to its
    command; None when none is alike enough."""
    found = process.extractOne(
        name.lower()[:32], list(names), scorer=fuzz.ratio, score_cutoff=COMMAND_LIKENESS
    )
    return None if found is None else names[found[0]]
