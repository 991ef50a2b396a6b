"""The runner's running week said in words: "long run is Sunday", "I do intervals on
Tuesdays", "I race a half marathon", "I run mon, wed, fri", "rest day saturday",
"sessions of 10 minutes", "one jump day a week".

Small on purpose: the simplest phrasings, one clause at a time (clauses split at commas,
semicolons, full stops and "and" before a new keyword). Anything it does not recognise is
left alone (None), so the message is understood as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Final

from bot.core.records import RunnerProfile
from bot.core.understanding.rules import analyse
from bot.core.understanding.senses import Cue
from bot.core.understanding.text import normalise
from bot.core.understanding.words import WEEKDAY_ABBREVIATIONS
from bot.core.vocabulary import RaceDistance

__all__ = [
    "WeekSaid",
    "applied",
    "asks_for_block",
    "distance_named",
    "running_week",
    "weekdays_in",
]

_DAYS: Final = WEEKDAY_ABBREVIATIONS
_DAY_NAME: Final = (
    r"(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|days|nesday|nesdays|sday|sdays|urday|urdays|rsday|rsdays)?"
)
_DAY: Final = re.compile(rf"\b{_DAY_NAME}\b")
_LONG: Final = re.compile(
    r"\blong(?:er)?\s*runs?\b|\blong(?:er)? one\b"
    r"|(?<!how )\blong\b(?!\s+(?:time|way|ago|while|as|enough|days?|weeks?|hours?|minutes?|mins?"
    r"|sessions?|jumps?|break|holiday|weekend|drive|day)\b)"  # "sunday long, thursday tempo"
)
_HARD: Final = re.compile(
    r"\b(intervals?|tempo|hills?|hill repeats|speed\s*work|speed|track|fartlek|workouts?|"
    r"hard(?: sessions?| runs?| days?| workouts?)?|threshold|reps)\b"
)
_REST: Final = re.compile(
    r"\brest(?: days?)?\b|\bdays? off\b|\b(?:never|don'?t|do not|dont|no|not|won'?t) (?:ever )?"
    r"run(?:s|ning)?\b|\bno runs?\b|\boff (?:on )?(?:mon|tue|wed|thu|fri|sat|sun)"
)
#: Rest days named as such ("no rest days", "days off: none"), not running said not done.
_REST_NAMED: Final = re.compile(r"\brest(?: days?)?\b|\bdays? off\b")
_RUN: Final = re.compile(r"\b(?:i )?run(?:s|ning)?\b")
_RACE: Final = re.compile(r"\b(?:race|racing|running|run|training for|doing|entered)\b")
_DISTANCES: Final = (
    (
        re.compile(r"\bultra(?:marathon)?s?\b|\b(?:50|80|100) ?(?:k|km|miles?)\b"),
        RaceDistance.ULTRA,
    ),
    (re.compile(r"\bhalf(?:[ -]?marathon)?s?\b|\b21(?:\.1)? ?(?:k|km)\b"), RaceDistance.HALF),
    (re.compile(r"\bmarathons?\b|\b42(?:\.2)? ?(?:k|km)\b"), RaceDistance.MARATHON),
    (re.compile(r"\b10 ?(?:k|km)s?\b"), RaceDistance.TEN_K),
    (re.compile(r"\b5 ?(?:k|km)s?\b"), RaceDistance.FIVE_K),
)
_SHORT_CLAUSE: Final = 3


def distance_named(text: str) -> RaceDistance | None:
    """The race distance a message names ("18 April, half marathon", "a 10k"), or None."""
    low = text.lower()
    return next((found for pattern, found in _DISTANCES if pattern.search(low)), None)


_MINUTES: Final = re.compile(
    r"\b(10|20|30) ?(?:min|mins|minutes?)\b|\b(?:minutes|length) (10|20|30)\b"
)
#: A time said of what was done ("did 30 min of band stuff", "ran for 20 mins"): no
#: setting of the sessions' length.
_DONE_FOR: Final = re.compile(
    r"\b(?:did|done|doing|finished|managed|ran|run|jogged|walked|cycled|swam|spent|took|"
    r"lasted|went)\b[^.!?]{0,20}\b(?:10|20|30) ?(?:min|mins|minutes?)\b"
)
#: A time said for one day or supposed ("what if i only have 10 mins today"): no setting.
_ONE_OFF: Final = re.compile(
    r"\b(?:what\s+if|if\s+i|say\s+i|suppose|today|tonight|tomorrow|tmrw|this\s+(?:morning"
    r"|evening|afternoon|week))\b"
)
_DYNAMIC: Final = re.compile(
    r"\b(one|1|two|2) (?:jump|dynamic|plyo(?:metric)?) (?:days?|sessions?)(?: a| per)? ?(?:week)?\b"
    r"|\b(?:dynamic|jumps?|jump days) (1|2)\b"
)
_NONE: Final = re.compile(r"\b(?:none|no|nothing|clear)\b")
#: An easy run (a run day, never a hard one): "thurs easy", "sat parkrun", "recovery jog".
_EASY: Final = re.compile(
    r"\b(?:easy|easies|recovery\s+(?:run|jog)s?|jogs?|jogging|parkrun|park\s+run|steady|"
    r"gentle|shake\s*out)\b"
)
#: Clauses: at punctuation, "and", "but", "then", "&", "+" and a dash between words. A
#: clause naming only days takes its neighbour's kind ("intervals tue, thu"; "thurs and sat
#: are easy runs").
#: A day followed by the next day's kind with no comma: where one clause ends.
_DAY_THEN_KIND: Final = re.compile(
    rf"(?P<day>\b{_DAY_NAME})\s+"
    r"(?=(?:long\s*run|long\s+one|intervals?|tempo|hills?|speed|track|fartlek|threshold|reps"
    r"|rest|easy|recovery|parkrun|hard)\b)"
)


def _comma_between_days(low: str) -> str:
    """``low`` with a comma after a day that ends a kind's clause and starts the next
    kind's ("long run sunday intervals tuesday"), not after a day said before its kind
    ("sunday long run")."""
    out: list[str] = []
    start = 0
    for found in _DAY_THEN_KIND.finditer(low):
        clause = _SPLIT.split(low[: found.start()])[-1]
        if _kind(clause) in (None, "log"):
            continue
        out += [low[start : found.end("day")], ","]
        start = found.end("day")
    return "".join([*out, low[start:]])


_SPLIT: Final = re.compile(r"[;.!?,]|\s+(?:and|but|then|&|\+)\s+|\s+-+\s+|\s+(?:plus|also)\s+")


@dataclass(frozen=True, slots=True)
class WeekSaid:
    """What a message said about the running week (None or empty: not said)."""

    long_run_day: int | None = None
    hard_days: frozenset[int] = field(default_factory=frozenset)
    run_days: frozenset[int] = field(default_factory=frozenset)
    rest_days: frozenset[int] = field(default_factory=frozenset)
    race_distance: RaceDistance | None = None
    minutes: int | None = None
    dynamic_days: int | None = None
    #: Days said to be easy runs (also in ``run_days``): never hard days.
    easy_days: frozenset[int] = field(default_factory=frozenset)
    #: What the runner cleared ("long run none", "no hard sessions"): field names.
    cleared: frozenset[str] = field(default_factory=frozenset)


def weekdays_in(text: str) -> list[int]:
    """Weekday numbers named in ``text``, in order ("Tuesdays", "tue", "thurs")."""
    return [_DAYS[match.group(1)] for match in _DAY.finditer(normalise(text)[1])]


def _of_another(text: str) -> bool:
    """Whether every run or race a message names is someone else's ("my mate tore his calf
    at parkrun on saturday", "my wife is running the brighton half on 11 april"): no week
    or race distance of the runner's."""
    message = analyse(text)[1]
    if message is None:
        return False
    f = message.f
    runs = [h for h in f.hits if not _RUN_CUES.isdisjoint(h.sense.cues)]
    return bool(runs) and all(h.start in f.foreign for h in runs)


_RUN_CUES: Final = frozenset({Cue.RUN, Cue.RACE})


def running_week(text: str) -> WeekSaid | None:
    """The running week said in ``text``; None when it says nothing about it, or speaks
    only of someone else's runs."""
    low = normalise(text)[1]
    long_run: int | None = None
    hard: set[int] = set()
    runs: set[int] = set()
    rest: set[int] = set()
    easy: set[int] = set()
    distance: RaceDistance | None = None
    cleared: set[str] = set()
    low = _comma_between_days(low)  # "long run sunday intervals tuesday"
    clauses = [clause for clause in _SPLIT.split(low) if clause.strip()]
    kinds = [_kind(clause) for clause in clauses]
    for i, clause in enumerate(clauses):
        days = [_DAYS[match.group(1)] for match in _DAY.finditer(clause)]
        none = not days and _NONE.search(clause) is not None
        kind = (kinds[i] or _neighbours_kind(kinds, i)) if days else kinds[i]
        if kind == "long":
            said = _LONG.search(clause)
            if days and said is not None:  # "long run sunday", "sunday is my long run"
                after = [m for m in _DAY.finditer(clause) if m.start() >= said.end()]
                long_run = _DAYS[after[0].group(1)] if after else days[-1]
            elif none:
                cleared.add("long_run_day")
        elif kind == "rest":
            rest.update(days)
            if none and _REST_NAMED.search(clause):  # "no rest days", not "6 weeks no running"
                cleared.add("rest_days")
        elif kind == "hard":
            hard.update(days)
            if none:
                cleared.add("hard_days")
        elif kind in ("run", "easy"):
            runs.update(days)
            if kind == "easy":
                easy.update(days)
        short = len(clause.split()) <= _SHORT_CLAUSE  # "half marathon" alone
        if distance is None and not _LONG.search(clause) and (_RACE.search(clause) or short):
            distance = next(
                (found for pattern, found in _DISTANCES if pattern.search(clause)), None
            )
    found = None if _ONE_OFF.search(low) or _DONE_FOR.search(low) else _MINUTES.search(low)
    minutes = int(found.group(1) or found.group(2)) if found else None
    dynamic = None
    if (said := _DYNAMIC.search(low)) is not None:
        dynamic = 1 if (said.group(1) or said.group(2)) in {"one", "1"} else 2
    week = WeekSaid(
        long_run,
        frozenset(hard - ({long_run} if long_run is not None else set())),
        frozenset(runs),
        frozenset(rest),
        distance,
        minutes,
        dynamic,
        frozenset(easy),
        frozenset(cleared),
    )
    return None if week == WeekSaid() or _of_another(text) else week


#: A clause about sessions done ("ended up doing mondays one, felt easy", "saturday was
#: hard"): a log, never the running week.
_LOGGED: Final = re.compile(
    r"\b(?:did|done|doing|felt|feel|feels|finished|smashed|nailed|was|were|todays|today's"
    r"|yesterday|yesterdays|yesterday's|logged|skipped|missed)\b"
)


def _kind(clause: str) -> str | None:
    """What a clause says its days are: "long", "rest", "easy", "hard", "run", "log" (a
    session done: no days of the week) or None."""
    if _LOGGED.search(clause):
        return "log"
    if _LONG.search(clause):
        return "long"
    if _REST.search(clause):
        return "rest"
    if _EASY.search(clause):
        return "easy"
    if _HARD.search(clause):
        return "hard"
    return "run" if _RUN.search(clause) else None


def _neighbours_kind(kinds: list[str | None], i: int) -> str | None:
    """The kind a days-only clause takes: the one before it, else the one after it (never
    the long run's, which is one day)."""
    before = next((kind for kind in reversed(kinds[:i]) if kind is not None), None)
    after = next((kind for kind in kinds[i + 1 :] if kind is not None), None)
    for kind in (before, after):
        if kind is not None and kind not in ("long", "log"):
            return kind
    return None


_BLOCK: Final = re.compile(
    r"\b(?:whole|full|entire|complete|overall) (?:block|programme|program|plan)\b|\bplan block\b"
)


def asks_for_block(text: str) -> bool:
    """Whether ``text`` asks to see the whole block ("show me the whole block")."""
    return _BLOCK.search(normalise(text)[1]) is not None


def applied(profile: RunnerProfile, said: WeekSaid) -> RunnerProfile:
    """``profile`` with what ``said`` changes: days named replace the old ones of their
    kind (the long run's day leaves the hard days); ValueError when the result breaks a
    profile rule (more than three rest days)."""
    changes: dict[str, object] = {}
    for name in said.cleared:
        changes[name] = None if name == "long_run_day" else frozenset()
    if said.long_run_day is not None:
        changes["long_run_day"] = said.long_run_day
    for name in ("hard_days", "run_days", "rest_days"):
        if days := getattr(said, name):
            changes[name] = days
    if said.easy_days and not said.hard_days:  # "thu and sat are easy runs": not hard ones
        changes["hard_days"] = profile.hard_days - said.easy_days
    for name in ("race_distance", "minutes", "dynamic_days"):
        if (value := getattr(said, name)) is not None:
            changes[name] = value
    long_run = changes.get("long_run_day", profile.long_run_day)
    hard = changes.get("hard_days", profile.hard_days)
    assert isinstance(hard, frozenset)
    if long_run is not None and long_run in hard:
        changes["hard_days"] = hard - {long_run}
    return replace(profile, **changes)  # type: ignore[arg-type]
