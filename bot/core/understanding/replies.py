"""Short typed answers: command arguments, the set-up questions, and "which area is fine".

Pure: these used to live in ``bot.service`` (``account``, ``onboarding``, ``coach``). Each
reader returns the value the answer gives, or None when the text does not answer the
question (the service then asks again or skips); "no"/"off" words are told apart from
"not an answer" by ``says_off``.
"""

from __future__ import annotations

from datetime import date, time

from bot.core.understanding.clock import parse_time
from bot.core.understanding.dates import last_date
from bot.core.understanding.rules import understand
from bot.core.understanding.words import word_set
from bot.core.vocabulary import Area, Equipment, Level

__all__ = [
    "OFF_WORDS",
    "SKIP_WORDS",
    "area_named",
    "desk_answer",
    "kit_answer",
    "level_answer",
    "parse_day",
    "parse_reminder_time",
    "says_off",
    "says_skip",
    "words_of",
]

#: "/remind off", "/race none": the argument turns the setting off.
OFF_WORDS = word_set("off none no stop clear cancel")
#: A set-up question skipped in words.
SKIP_WORDS = word_set("skip later pass dunno next")
_LEVEL_WORDS = {
    Level.BEGINNER: word_set("beginner new novice never start first"),
    Level.INTERMEDIATE: word_set("intermediate some bit occasional medium middle"),
    Level.ADVANCED: word_set("advanced experienced lots regular expert plenty"),
}
_KIT_WORDS = {
    Equipment.BAND: word_set("band bands resistance loop"),
    Equipment.SMALL_WEIGHTS: word_set("weight weights dumbbell dumbbells kettlebell"),
    Equipment.STEP: word_set("step box stairs bench"),
    Equipment.WALL: word_set("wall"),
}
_NO_KIT = word_set("none nothing no")
_YES = word_set("yes y yeah yep sure desk office sit sitting definitely")
_NO = word_set("no n nope nah not active standing never")
_RACE_OFF = word_set("no none nope off")
_REMINDER_OFF = word_set("no none off never")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a short answer (commas and full stops split words)."""
    return frozenset(text.lower().replace(",", " ").replace(".", " ").split())


def says_off(text: str) -> bool:
    """A command argument that turns the setting off ("off", "none", "cancel")."""
    return text.strip().lower() in OFF_WORDS


def says_skip(text: str) -> bool:
    """A set-up answer that skips the question ("skip", "later", "dunno")."""
    return bool(words_of(text) & SKIP_WORDS)


def parse_day(text: str, today: date) -> date | None:
    """An ISO date or a date as runners write it ("12 April", "next Saturday")."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return last_date(text.lower(), today)


def parse_reminder_time(text: str) -> time | None:
    """A time of day as runners type it ("06:45", "7am", "half 7"); a bare hour is HH:00."""
    low = " ".join(text.lower().split())
    if low.isascii() and low.isdigit() and len(low) <= 2 and int(low) <= 23:
        return time(int(low), 0)
    return parse_time(low)


def level_answer(text: str) -> Level | None:
    """The running level a set-up answer names ("a bit", "beginner")."""
    said = words_of(text)
    found = [level for level, cues in _LEVEL_WORDS.items() if said & cues]
    return found[0] if found else None


def desk_answer(text: str) -> bool | None:
    """Whether a set-up answer says the runner sits at work (None: it says neither)."""
    said = words_of(text)
    if not said & (_YES | _NO):
        return None
    return bool(said & _YES)


def kit_answer(text: str) -> frozenset[Equipment] | None:
    """The kit a set-up answer names; empty for "none"; None when it names nothing."""
    said = words_of(text)
    if said & _NO_KIT:
        return frozenset()
    kit = frozenset(kit for kit, cues in _KIT_WORDS.items() if said & cues)
    return kit or None


def race_answer(text: str, today: date) -> date | bool | None:
    """A race date; False for "no race"; None when the answer is neither."""
    if words_of(text) & _RACE_OFF:
        return False
    return last_date(text.lower(), today)


def reminder_answer(text: str) -> time | bool | None:
    """A reminder time; False for "no reminders"; None when the answer is neither."""
    if words_of(text) & _REMINDER_OFF:
        return False
    return parse_reminder_time(text)


def area_named(text: str) -> Area | None:
    """The body area a short text names ("/clear left knee", "hamstring"), else None."""
    wanted = text.strip().lower().replace(" ", "_")
    for area in Area:
        if wanted in (area.value, area.label.lower().replace(" ", "_")):
            return area
    intent = understand(f"my {text.strip()[:64]} is sore".replace("fine", "sore"))
    return intent.report.area if intent.report else None
