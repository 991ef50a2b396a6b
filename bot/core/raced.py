"""Runs the runner races in an ordinary week: a parkrun run "flat out", "I race parkrun".

``bot.core.understanding.week`` reads a parkrun as an easy run, and it is one unless the
runner says they race it. A run raced is a key session, so it counts as a hard day: no
jumps and no strength the day before (docs/coaching.md, "Programme: placement"; facts:
"Programme design", where strength goes in a runner's week: not the day before a key
session). Said with doubt ("sometimes I race it", "usually easy, now and then a PB go")
it is raced too: the day before is kept clear, the cautious reading.

Only a weekly habit counts: a parkrun, or a race said of a weekday every week ("I race most
Saturdays"). A race on one date ("racing parkrun this Saturday", "a 10k on the 20th") is
a race date, read elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.records import RunnerProfile
from bot.core.understanding.text import normalise
from bot.core.understanding.week import weekdays_in

__all__ = ["PARKRUN_DAY", "mentions_parkrun", "raced_days", "with_raced"]

#: parkrun's day when the runner names none: Saturday morning.
PARKRUN_DAY = 5

_PARKRUN = re.compile(r"\bpark\s?runs?\b")
#: A race effort: "race it", "racing", "flat out", "all out", "PB", "time trial", "hard".
_EFFORT = re.compile(
    r"\b(?:rac(?:e|es|ed|ing)|flat[\s-]?out|all[\s-]?out|full[\s-]?(?:gas|effort|tilt)"
    r"|max(?:imum)?\s+effort|eyeballs\s+out|hard|pbs?|personal\s+bests?|time[\s-]?trials?"
    r"|tempo|threshold)\b"
)
#: Said of a weekday with no parkrun, only a race counts ("hard" is a hard session's word,
#: read by ``bot.core.understanding.week``).
_RACE = re.compile(r"\b(?:rac(?:e|es|ed|ing)|time[\s-]?trials?)\b")
_NOT = re.compile(
    r"\b(?:not|never|no|don'?t|dont|do\s+not|won'?t|wont|without|isn'?t|isnt|aren'?t|rarely)\b"
)
#: Another run or a race named ("a half in April"): a clause after it with no day speaks
#: of that, not of the parkrun.
_OTHER_RUN = re.compile(
    r"\b(?:long\s*runs?|intervals?|tempo|threshold|hills?|track|fartlek|workouts?|sessions?"
    r"|easy\s+runs?|recovery\s+(?:run|jog)s?|reps|half|marathons?|ultras?|10\s?km?"
    r"|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
#: Every week: "every Saturday", "most Saturdays".
_WEEKLY = re.compile(
    r"\b(?:every|each|most|usually|always|weekly|often|sometimes)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b"
)
#: One date, not a habit: "this Saturday", "next Sunday", "tomorrow", "on the 20th".
_ONE_DATE = re.compile(
    r"\b(?:this|next|coming)\s+(?:week(?:end)?|mon|tue|wed|thu|fri|sat|sun)\w*"
    r"|\b(?:tomorrow|tmrw|tonight)\b|\d"
)
_SPLIT = re.compile(r"[;.!?,()]|\s+(?:and|but|then|&|\+)\s+|\s+-+\s+|\s+(?:plus|also)\s+")


def mentions_parkrun(text: str) -> bool:
    """Whether ``text`` speaks of a parkrun."""
    return _PARKRUN.search(normalise(text)[1]) is not None


def raced_days(text: str) -> frozenset[int]:
    """Weekdays of the runs ``text`` says the runner races every week (0 = Monday): a
    parkrun said to be raced, or a race said of a weekday every week; empty when none."""
    low = normalise(text)[1]
    if _ONE_DATE.search(low):
        return frozenset()
    clauses = [clause for clause in _SPLIT.split(low) if clause.strip()]
    parkrun: set[int] = set()
    for clause in clauses:
        if _PARKRUN.search(clause):
            parkrun.update(weekdays_in(clause))
    if not parkrun and _PARKRUN.search(low):
        parkrun.add(PARKRUN_DAY)
    raced: set[int] = set()
    of_parkrun = False  # whether the last run named is the parkrun ("..., I race it")
    for clause in clauses:
        days = set(weekdays_in(clause))
        here = _PARKRUN.search(clause) is not None
        if here or days or _OTHER_RUN.search(clause):
            of_parkrun = here
        if here or (of_parkrun and not days):
            if _said(_EFFORT, clause):
                raced |= (days if here else set()) or parkrun
        elif days and _WEEKLY.search(clause) and _said(_RACE, clause):
            raced |= days
    return frozenset(raced)


def _said(pattern: re.Pattern[str], clause: str) -> bool:
    """Whether ``pattern`` is said in ``clause`` and not denied before it ("I don't race
    it", "never flat out")."""
    found = pattern.search(clause)
    return found is not None and _NOT.search(clause[: found.start()]) is None


def with_raced(profile: RunnerProfile, raced: frozenset[int]) -> RunnerProfile:
    """``profile`` with the raced days among its hard days (never the long run's day, which
    is kept hard already); the hard days it had stay."""
    added = raced - {profile.long_run_day}
    if added <= profile.hard_days:
        return profile
    return replace(profile, hard_days=profile.hard_days | added)
