"""One message, analysed once: text, words, lexicon hits and lazily the numbers and
body report; the rules all read from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.core.understanding.body import area_hits, build_report
from bot.core.understanding.features import Features, Hit
from bot.core.understanding.model import ReportSlots
from bot.core.understanding.numbers import bare_numbers, effort_span, rating_numbers
from bot.core.understanding.senses import Cue
from bot.core.understanding.text import Tokens
from bot.core.vocabulary import Area

__all__ = ["DONE_EMOJI", "MOVED_TO", "Message", "near"]

DONE_EMOJI: Final = frozenset("✅👍💪✔☑🏁🙌👌🎉🏆")


#: The verbs that move a reminder or message to an hour ("make it 8", "move it to 7"),
#: here and in ``rules._MAKE_IT_RE``.
MOVED_TO: Final = r"\b(?:make|move|change|set|put|push|switch)\s+"
#: The reminder or message moved to an hour ("could you make it 8?"): a time, no rating
#: (asked with "could you", or with the reminder named in the message).
_TIME_MOVED_RE: Final = re.compile(
    r"(\b(?:can|could|would)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)?"
    rf"{MOVED_TO}it\s+(?:to\s+|at\s+|for\s+)?([0-9]{{1,2}})\b"
)


@dataclass(init=False, slots=True)
class Message:
    """One message, analysed once; the rules read from it (``__init__`` written out, as
    ``Features``'s is)."""

    clean: str
    low: str
    tokens: Tokens
    f: Features
    today: date | None
    _ratings: list[tuple[int, int]] | None
    _areas: list[tuple[Hit, Area]] | None
    _report: ReportSlots | None

    def __init__(
        self, clean: str, low: str, tokens: Tokens, f: Features, today: date | None
    ) -> None:
        self.clean = clean
        self.low = low
        self.tokens = tokens
        self.f = f
        self.today = today
        self._ratings = None
        self._areas = None
        self._report = None

    @property
    def ratings(self) -> list[tuple[int, int]]:
        """(character position, value) of each 0-10 rating in the text."""
        if self._ratings is None:
            found = rating_numbers(self.low)
            bare = bare_numbers(self.low)
            if bare:  # "sore glutes 3, ...", "finished it. 5."
                rated = dict(found)
                for pos, value in bare:
                    rated.setdefault(pos, value)
                found = sorted(rated.items())
            if " it " in self.low:  # "could you make it 8?": the reminder's hour
                setting = "remind" in self.low or "message" in self.low
                moved = [
                    m.start(2)
                    for m in _TIME_MOVED_RE.finditer(self.low)
                    if setting or m.group(1) is not None
                ]
                found = [r for r in found if r[0] not in moved]
            if "not " in self.low:  # "not a 10 but a solid 6": the 6
                found = [r for r in found if not _DENIED_RATING_RE.search(self.low, 0, r[0])]
            self._ratings = found
        return self._ratings

    @property
    def areas(self) -> list[tuple[Hit, Area]]:
        """The body areas named, in order."""
        if self._areas is None:
            self._areas = area_hits(self.f)
        return self._areas

    def report(self, from_char: int = 0, skip: int = -1) -> ReportSlots | None:
        """The body report, counting only ratings at or after ``from_char`` (and not the one
        at ``skip``: the effort's number)."""
        if not self.areas:
            return None
        whole = from_char == 0 and skip < 0
        if whole and self._report is not None:
            return self._report
        said = _effort_at(self.low) if self.ratings else -1  # "effort 4, calves sore"
        ratings = [
            v
            for pos, v in self.ratings
            if pos >= from_char and pos not in (skip, said) and not _session_rated(self.low, pos)
        ]
        report = build_report(self.f, self.areas, ratings)
        if whole:
            self._report = report
        return report

    def char(self, word_index: int) -> int:
        """Character offset of a word."""
        return self.tokens.spans[word_index][0]


def _effort_at(low: str) -> int:
    """Where the number after "effort" or "rpe" starts (-1: none): never a severity."""
    span = effort_span(low)
    if span is None or not _EFFORT_RE.search(low, max(span[0] - 16, 0), span[1]):
        return -1
    return span[0]


_EFFORT_RE: Final = re.compile(r"\b(?:effort|rpe)\b")
#: Just before a rating, the session it rates ("yesterday's session, which was a 7",
#: "today's session was rough, 8/10"): the session's effort, never a severity.
_SESSION_RATED_RE: Final = re.compile(
    r"\b(?:session|sesh|workout|routine|flow|hops)\s*,?\s+(?:which\s+|that\s+)?(?:was|felt)\s+"
    r"(?:like\s+|about\s+|maybe\s+|probably\s+|prob\s+|around\s+)?"
    r"(?:(?:an?\s+)|(?:[a-z]+\s*,\s*))?$"
)
_SESSION_RATED_REACH: Final = 48
_SESSION_WORDS: Final = ("session", "sesh", "workout", "routine", "flow", "hops")


def _session_rated(low: str, pos: int) -> bool:
    """Whether the rating at ``pos`` rates the session named just before it, or a log said
    just before it ("did the session yesterday 5/10 but got pins and needles": the 5 is the
    session's, never the foot's)."""
    start = max(pos - _SESSION_RATED_REACH, 0)
    if ("did" in low or "done" in low) and _LOGGED_RATED_RE.search(low, start, pos) is not None:
        return True
    if not any(word in low for word in _SESSION_WORDS):
        return False
    return _SESSION_RATED_RE.search(low, start, pos) is not None


#: Just before a rating, a log: "did the session yesterday ", "did todays ", "did monday's
#: session ", "done, effort ", never with a body word between them.
_LOGGED_RATED_RE: Final = re.compile(
    r"\b(?:did|done)\s+(?:(?:the|my|it|todays|today'?s|yesterdays|yesterday'?s|[a-z]+day'?s"
    r"|session|sesh|one|hops|today|yesterday|this|morning|last|night|anyway)\s+){0,4}"
    r"(?:(?:without|with\s+no|no)\s+(?:any\s+)?(?:issues?|problems?|pain|trouble|bother"
    r"|niggles?)\s*)?"
    r"[,:]?\s*(?:effort\s+(?:was\s+|of\s+)?|rpe\s+)?(?:like\s+|about\s+|around\s+)?(?:an?\s+)?$"
)


#: Just before a rating, what says it is not the one ("not a 10 but a solid 6").
_DENIED_RATING_RE: Final = re.compile(r"\bnot\s+(?:an?\s+)?$")


def near(f: Features, cue: Cue, anchors: list[Hit], window: int) -> bool:
    """Whether a ``cue`` hit lies within ``window`` words of an anchor, in its clause."""
    for hit in f.cues.get(cue, ()):
        for anchor in anchors:
            if f.clauses[hit.start] != f.clauses[anchor.start]:
                continue
            if anchor.start - window <= hit.start < anchor.end + window:
                return True
    return False
