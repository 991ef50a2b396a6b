"""A weekly run is no race: "I do parkrun every saturday", "sat parkrun and long run sunday".

Only a race the runner says they are entering or running sets the race date (a named race,
"race on ...", "my 10k is on ..."); a run done every week, or a parkrun said with nothing
that enters or sets it, is none (``rules`` and the set-up's race answer both ask this).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["long_run_days", "no_race_had", "race_moved", "weekly_run", "without_long_run_days"]

#: A run done every week, not one race ("every saturday", "on sundays", "weekly").
_HABIT_RE: Final = re.compile(
    r"\b(?:every|each|most|usually|always|normally|weekly|regular|regularly)\b"
    r"|\bon\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)\b"
    r"|\b(?:a|per)\s+week\b(?!\s+(?:on|from|tomorrow|today|sat|sun|mon|tue|wed|thu|fri))"
)  # not "a week on saturday", "a week tomorrow": one day
#: What makes a parkrun or a weekly run a race to store: entered, "race", put in, moved.
_RACE_SAID_RE: Final = re.compile(
    r"\b(?:race|races|racing|raceday|signed|entered|booked|registered|goal|target|put|pop"
    r"|add|set|moved|move|changed|change|update)\b"
)
_PARKRUN_RE: Final = re.compile(r"\bpark\s*runs?\b")
#: Race words other than a parkrun ("marathon", "10k", "half").
_OTHER_RACE_RE: Final = re.compile(
    r"\b(?:marathons?|half|halfmarathon|ultra\w*|[0-9]+\s*(?:k|km|miler)|triathlon|ten\s+miler)\b"
)


def weekly_run(low: str) -> bool:
    """Whether the runs said are a weekly habit ("I run a 10k every sunday") or only a
    parkrun ("sat parkrun and long run sunday"), with nothing that enters or sets a race."""
    if _RACE_SAID_RE.search(low):
        return False
    if _HABIT_RE.search(low):
        return True
    return _PARKRUN_RE.search(low) is not None and _OTHER_RACE_RE.search(low) is None


_DAY_WORD: Final = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
#: The long run's day ("long runs on sunday", "saturday long run"): no race's date.
_LONG_RUN_DAY_RE: Final = re.compile(
    rf"\blong\s+(?:runs?|ones?)\s+(?:is\s+|are\s+|on\s+)*{_DAY_WORD}"
    rf"|\b{_DAY_WORD}\s+long\s+runs?\b"
)


def long_run_days(low: str) -> list[tuple[int, int]]:
    """Where ``low`` names the long run's day ("long runs on sunday", "saturday long run")."""
    return [match.span() for match in _LONG_RUN_DAY_RE.finditer(low)] if "long" in low else []


def without_long_run_days(low: str) -> str:
    """``low`` with the long run's days blanked (the same length), so no date is read there."""
    for start, end in long_run_days(low):
        low = low[:start] + " " * (end - start) + low[end:]
    return low


#: No race had: "i don't have a race sunday", "haven't got any races".
_NO_RACE_HAD_RE: Final = re.compile(
    r"\b(?:don'?t|do\s+not|haven'?t|have\s+not)\s+(?:got\s+|have\s+)?(?:a|any)\s+races?\b"
)


def no_race_had(low: str) -> bool:
    """Whether ``low`` says the runner has no race ("oops i dont have a race sunday")."""
    return _NO_RACE_HAD_RE.search(low) is not None


#: The goal race's date said to have changed ("race got moved to 10 may", "my half is now
#: on the 1st", "wrong date, it's the 12th").
_MOVED_RE: Final = re.compile(
    r"\b(?:moved|move|moving|changed|change|postponed|rescheduled|brought\s+forward|pushed"
    r"|new\s+date|now\s+on|now\s+in|now\s+the|instead|actually|wrong\s+date|correct\s+date"
    r"|date\s+is|goal|target|main\s+race|a\s+race|b\s+race|update)\b"
)


def race_moved(low: str) -> bool:
    """Whether ``low`` says the goal race's date changed, not another race on the way."""
    return _MOVED_RE.search(low) is not None
