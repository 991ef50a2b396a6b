""" "Worse the next morning": a report modifier of the pain-monitoring model.

Pain after loading must settle by the next morning, and morning pain or stiffness must not
be worse than before (coaching-facts.md, "Safety": the model in practice). A message says
so when a worsening word ("worse", "stiffer", "sorer", "tighter", "more painful", "hurts
more") stands near a morning word ("next morning", "this morning", "in the morning",
"overnight", "woke up") in the same clause, or is compared with before ("worse than
yesterday"). A negation just before the worsening word ("not worse", "no stiffer",
"didn't get any worse") cancels it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bot.core.understanding.words import word_set

__all__ = ["worse_by_morning"]

_WORSE: Final = word_set(
    "worse worsened worsening stiffer sorer tighter achier achey achy painfuller"
)
#: "more" before a feeling ("more sore", "more painful") or after a hurt ("hurts more").
_MORE_WITH: Final = word_set("sore painful stiff tight achy tender pain")
_HURT: Final = word_set("hurts hurt hurting aches aching")
_MORNING: Final = word_set("morning overnight woke wake waking awoke")
_THAN_BEFORE: Final = word_set("yesterday before earlier last previously")
_NEGATION: Final = word_set("not no isnt wasnt arent didnt doesnt hasnt havent never nt neither")
_NEGATION_WINDOW: Final = 3
_MORNING_WINDOW: Final = 6


def _worse_at(words: Sequence[str]) -> list[int]:
    """Positions of worsening words (and phrases: "more sore", "hurts more")."""
    found: list[int] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if (
            word in _WORSE
            or (word == "more" and following in _MORE_WITH)
            or (word == "more" and before in _HURT)
        ):
            found.append(i)
    return found


def _negated(words: Sequence[str], clauses: Sequence[int], at: int) -> bool:
    for j in range(at - 1, max(at - 1 - _NEGATION_WINDOW, -1), -1):
        if clauses[j] != clauses[at]:
            return False
        if words[j] in _NEGATION:
            return True
    return False


def worse_by_morning(words: Sequence[str], clauses: Sequence[int]) -> bool:
    """Whether the words say an area is worse by the morning (or than before)."""
    for at in _worse_at(words):
        if _negated(words, clauses, at):
            continue
        if at + 2 < len(words) and words[at + 1] == "than" and words[at + 2] in _THAN_BEFORE:
            return True
        low, high = max(at - _MORNING_WINDOW, 0), min(at + _MORNING_WINDOW + 1, len(words))
        for j in range(low, high):
            if words[j] in _MORNING and clauses[j] == clauses[at]:
                return True
    return False
