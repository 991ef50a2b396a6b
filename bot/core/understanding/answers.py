"""Typed answers to the guided report's questions ("right shin", "left", "sore", "5").

A runner in the middle of /sore may type instead of tapping; each question's answer is
read here, and anything that is not one (a whole report with a warning sign, a question,
a number off the 0-10 scale) gives None, so the message is understood as usual.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.understanding import understand
from bot.core.understanding.text import normalise
from bot.core.vocabulary import Area, ReportKind, Side

__all__ = ["area_answer", "kind_answer", "scale_answer", "side_answer"]

_SIDES = {
    "left": Side.LEFT,
    "l": Side.LEFT,
    "right": Side.RIGHT,
    "r": Side.RIGHT,
    "both": Side.BOTH,
    "both sides": Side.BOTH,
    "either": Side.BOTH,
    "neither": Side.NONE,
    "none": Side.NONE,
    "middle": Side.NONE,
    "center": Side.NONE,
    "centre": Side.NONE,
    "n/a": Side.NONE,
}
_KINDS = {
    ReportKind.TIGHTNESS: ("tight", "stiff", "tightness", "stiffness"),
    ReportKind.SORENESS: ("sore", "achy", "aching", "ache", "soreness", "doms"),
    ReportKind.PAIN: ("pain", "painful", "hurts", "hurting", "sharp"),
}
_SCALE = re.compile(r"(?:about |around |like |maybe )?(\d{1,2})(?: ?(?:/|out of) ?10)?")


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w/ ]", " ", normalise(text)[1]).split())


def side_answer(text: str) -> Side | None:
    """The side a typed answer names ("right", "both sides", "middle"), or None."""
    words = _words(text).removesuffix(" side").removesuffix(" one")
    return _SIDES.get(words)


def kind_answer(text: str) -> ReportKind | None:
    """Tight, sore or painful, from a typed answer of a word or two, or None."""
    words = set(_words(text).split())
    if not words or len(words) > 3:
        return None
    found = [kind for kind, names in _KINDS.items() if words & set(names)]
    return found[-1] if found else None  # pain > soreness > tightness, as in reports


def scale_answer(text: str) -> int | None:
    """A 0-10 rating typed alone ("5", "about 5/10"); None off the scale ("11", "-5")."""
    match = _SCALE.fullmatch(_words(text))
    if match is None or text.strip().startswith("-"):
        return None
    value = int(match.group(1))
    return value if 0 <= value <= 10 else None


def area_answer(text: str, today: date) -> tuple[Area, Side] | None:
    """The area (and side) a typed answer to "where do you feel it?" names, or None.

    Read as a report would be ("right shin" as "right shin sore"); a message with a
    warning sign is not a bare answer and gives None, so it is triaged as a report.
    """
    if len(_words(text).split()) > 4:
        return None
    intent = understand(f"{text} sore", today)
    report = intent.report
    if report is None or report.red_flags or intent.signs:
        return None
    return report.area, report.side
