"""What a word or phrase can mean: the internal cues the rules reason about."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, auto

from bot.core.understanding.model import EffortLabel
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = ["Cue", "Sense"]


class Cue(IntEnum):
    """A hint a word gives; the rules combine hints into an intent."""

    SESSION = auto()  # session, workout, plan
    TODAY = auto()  # today, tonight
    ASK = auto()  # what, show, give
    OF = auto()  # of, about ("remind me of today's workout")
    DONE = auto()  # done, finished, smashed it
    DONE_VERB = auto()  # a done word that takes an object ("finished the book")
    DID = auto()  # "did": done only with a session-like object
    SKIP = auto()  # skipped, missed, can't do it
    SKIP_WHY = auto()  # no time, too tired: a skip that is its own reason
    SKIP_WEAK = auto()  # sick, busy: a skip only with "today"/"session"
    NEG = auto()  # no, not, didn't
    YET = auto()
    REMIND = auto()  # remind me, ping me
    REMINDER = auto()  # reminder, notifications
    OFF = auto()  # off, stop, cancel
    DAILY = auto()  # every day, each morning
    TIMEZONE = auto()  # timezone, tz
    LOCATION = auto()  # I'm in, moved to
    RACE = auto()  # race, marathon, 10k
    RACE_DATE = auto()  # "race date"
    MOVED = auto()  # moved, rescheduled
    PAST_EVENT = auto()  # was, watched: a race already run
    PAUSE = auto()  # pause, holiday, a break
    AWAY = auto()  # away, travelling: a pause only with a date
    UNTIL = auto()
    RESUME = auto()  # I'm back, resume
    PROGRESS = auto()  # stats, how am I doing
    HISTORY = auto()  # history, what did I do
    LOG = auto()  # log: history only when nothing else is said
    PAST = auto()  # yesterday, last week
    HELP = auto()
    GREETING = auto()
    THANKS = auto()
    FIRST_PERSON = auto()  # I, my
    EFFORT_WORD = auto()  # effort, RPE
    BACK = auto()  # "back": the lower back unless a verb of motion precedes it
    BACK_VERB = auto()  # came, got, went: "came back" is no body part
    SIDE_HINT = auto()  # side, leg, one: "left side" is a side
    RUN = auto()  # run, running, km
    WALK = auto()
    HOP = auto()  # hop, hopping: pain on hopping is a bone-stress sign
    SADDLE = auto()  # saddle area, down there: numbness there is an emergency sign
    STAND = auto()
    WEIGHT = auto()
    INABLE = auto()  # can't, unable, barely
    WORSE = auto()  # worse, builds
    DURING = auto()  # during, as, while
    AFTER = auto()  # after, since
    DETERMINER = auto()  # my, the, a: skipped when finding a verb's object
    NEUTRAL = auto()  # explained, means nothing ("pain free", "a pain in the neck")
    EXERCISE = auto()  # bridges, clamshells, a stretch: the work, never a body area
    TROUBLE = auto()  # niggle, tweaked, playing up: pain only when no feeling word is said

    __hash__ = object.__hash__  # members are singletons; the C hash keeps scans fast


@dataclass(frozen=True, slots=True)
class Sense:
    """The meaning of one lexicon entry; any field may be empty."""

    cues: frozenset[Cue] = frozenset()
    area: Area | None = None
    kind: ReportKind | None = None
    flag: RedFlag | None = None
    side: Side | None = None
    effort: EffortLabel | None = None
