"""Ratings in text: "6/10", "6 out of 10", "a 7", "pain 4", "effort 7", "six out of ten".

All patterns are anchored on words and have no nested repetition, so they run in linear
time on any input.
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.understanding.text import has_digit
from bot.core.understanding.words import NUMBER_WORDS

__all__ = [
    "bare_numbers",
    "bare_rating_at",
    "effort_number",
    "effort_span",
    "odd_effort",
    "odd_rating",
    "odd_rating_at",
    "rating_numbers",
]

_WORDS: Final = "zero|one|two|three|four|five|six|seven|eight|nine|ten"
_VALUE: Final = rf"([0-9]{{1,2}}(?:\.[0-9])?|{_WORDS})"
_NOT_UNIT: Final = (
    r"(?!\s*(?:[:./-]?[0-9]|am\b|pm\b|a\.m|p\.m|k\b|km|mi\b|mile|min|hour|hr|day|week|month"
    r"|year|rep|set|sec|x\b|time|session|run|%|percent|kg|lb|pound|step|o\s?clock|oclock"
    r"|th\b|st\b|nd\b|rd\b|ish\b"
    r"|spot|place|point|area|side|leg|thing|round|lap|hop|jump|squat|drill|exercise"
    r"|of\s+(?:them|those|the|my)\b))"
)  # a number counting what follows ("like one spot", "two sides") is no rating
_NUMBER_WORD_RE: Final = re.compile(rf"\b(?:{_WORDS})\b")
_FRACTION_RE: Final = re.compile(
    rf"(?<![0-9.:/])\b{_VALUE}\s*(?:/|out\s+of|outta|of|from|on|sur|von|de)\s*(?:10|ten)\b(?![.:/-]?[0-9])"
)
_FIVE_RE: Final = re.compile(r"(?=[0-9])(?<![0-9.:/])\b([0-5])\s*/\s*5\b(?![.:/-]?[0-9])")
_ARTICLE_RE: Final = re.compile(
    r"\b(?:a|an)\s+(?:solid\s+|good\s+|strong\s+|firm\s+|easy\s+)?"
    r"(10|[0-9]|two|three|four|five|six|seven|eight|nine|ten)\b" + _NOT_UNIT
)
_KIND_RE: Final = re.compile(
    r"\b(?:pain|painful|sore|soreness|tight|tightness|stiff|stiffness|ache|aches|achy|hurts?"
    r"|hurting|level|severity|intensity|discomfort|about|around|roughly|maybe|approx|like)"
    rf"\s+(?:(?:is|was|at|of|about|around|like|maybe|a|an|roughly)\s+)?{_VALUE}\b" + _NOT_UNIT
)
#: A rating said as where the feeling is now: "down to a 2", "now a 3", "dropped to 2".
_NOW_RE: Final = re.compile(
    r"\b(?:(?:down|dropped|eased|fallen|fell|come\s+down|gone\s+down)\s+to"
    rf"\s+(?:(?:a|an|about|around|like|maybe)\s+)?{_VALUE}\b"
    + _NOT_UNIT
    + rf"|\bnow\s+(?:(?:a|an)\s+{_VALUE}\b"
    + _NOT_UNIT
    + rf"|{_VALUE}\s*(?=[,.;!?)\n]|$)))"
)
_EFFORT_WORDS: Final = r"(?:effort|rpe|difficulty|exertion|rated(?:\s+it)?|rate\s+it|intensity)"
_EFFORT_LEAD: Final = (
    r"(?:(?:was|is|of|at|level|about|around|maybe|like|a|an|probably|prob|roughly|somewhere"
    r"|between|[:=-])\s*)"
)
_EFFORT_RE: Final = re.compile(
    rf"\b{_EFFORT_WORDS}\s*{_EFFORT_LEAD}{{0,3}}"
    rf"{_VALUE}(?:ish)?\b(?!\s*(?:[:.][0-9]|am\b|pm\b|k\b|km|min|mile"
    rf"|(?:or|to|-|–)\s*(?:[0-9]|(?:{_WORDS})\b)))"
    rf"|(?<![0-9.:/-])\b{_VALUE}\s*(?:(?:/|out\s+of|outta)\s*(?:10|ten)\s*)?(?:effort|rpe)\b"
    r"(?!\s*(?:[:=-]\s*|(?:was|is|of|at)\s+)?(?:[0-9]|(?:" + _WORDS + r")\b))"
)  # "saturday's one rpe 6": the number after the effort word is the effort
_EFFORT_RANGE_RE: Final = re.compile(
    rf"\b{_EFFORT_WORDS}\s*{_EFFORT_LEAD}{{0,3}}"
    rf"((?:10|[0-9]|{_WORDS})\s*(?:-|–|to|or)\s*(?:10|[0-9]|{_WORDS})(?:\s*/\s*10)?)\b"
    rf"|\b((?:10|[0-9])\s*(?:-|–|to|or)\s*(?:10|[0-9])\s*(?:/\s*10\s*)?(?:effort|rpe))\b"
)
_BARE_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9.:/,-])(?<!\bat )(?<!\bby )(?<!\bon )(?<!\bin )(?<!\bto )(?<!\bfor )"
    r"(?<!\bafter )(?<!\bbefore )(?<!\bfrom )(?<!\buntil )(?<!\btill )(?<!\bof )(?<!\bor )"
    r"(?<!\boutta )(?<!\bhalf )(?<!\bpast )"  # "home about half 7": a time
    r"(?<!\bgrade )(?<!\blevel )(?<!\bstage )(?<!\bweek )(?<!\bsize )"  # "grade 2": a name
    r"(?<!\bset )(?<!\brep )(?<!\bround )(?<!\blap )"  # "dying by set 2": which one
    r"\b(10|[0-9])(?:ish)?(?:\s+(?:now|atm|tops|max|ish))?\s*(?=[,;!?)\n]|\.(?![0-9])|$|[-–—]\s)"
)

#: A number straight after a log's opening word, the rest of the message running on
#: ("done 7 should i do more next time", "did it 6 is it ok to run tonight"): its effort.
_AFTER_LOG_RE: Final = re.compile(
    r"(?:(?<=^done )|(?<=^did it )|(?<=^finished )|(?<=^completed )|(?<=^dun )|(?<=^done it ))"
    r"(10|[0-9])\b(?!\s*(?:[/:.]|-\s*[0-9]|out\b|am\b|pm\b|min|hour|hr|k\b|km|mile|rep|set|hop|jump|x\b"
    r"|time|day|week|session|of\b|more|extra|minute|sec|second))"
)


def _value(text: str) -> int:
    """A matched number as an int, halves rounded up ("6.5" → 7)."""
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return int(float(text) + 0.5)


#: The last text ``_any_number`` read and its answer: the rules ask it of the same message
#: text several times in a row (one entry, checked by identity: no cache across messages).
_LAST_READ: Final[list[tuple[str, bool]]] = [("", False)]


def _any_number(low: str) -> bool:
    """Whether ``low`` holds a digit or a number word (the cheap tests first)."""
    last = _LAST_READ[0]
    if last[0] is low:
        return last[1]
    found = _number_in(low)
    _LAST_READ[0] = (low, found)
    return found


def _number_in(low: str) -> bool:
    if has_digit(low):
        return True
    hinted = (  # an "in" chain: faster than any() over the words
        "zero" in low
        or "one" in low
        or "two" in low
        or "three" in low
        or "four" in low
        or "five" in low
        or "six" in low
        or "seven" in low
        or "eight" in low
        or "nine" in low
        or "ten" in low
    )
    return hinted and _NUMBER_WORD_RE.search(low) is not None


_ROUGHLY: Final = frozenset({"about", "around", "roughly", "like", "maybe", "approx"})
#: What makes "around 9" a time: said after a time of day or "at", "till", "by".
_TIME_BEFORE_RE: Final = re.compile(
    r"\b(?:night|nite|morning|evening|tonight|afternoon|lunch|home|back|till|until|bed)\s+$"
)
_TIME_AFTER_RE: Final = re.compile(
    r"\s*(?:last\s+night|this\s+morning|tonight|in\s+the\s+(?:morning|evening)|pm|am"
    r"|o'?clock)\b"
)


def _a_time(low: str, match: re.Match[str]) -> bool:
    """Whether a rough number ("around 9", "like 10") is a time of day by what it follows."""
    first = match.group(0).split()[0]
    return first in _ROUGHLY and _rough_time(low, match.start(), match.end())


_ROUGH_BEFORE_RE: Final = re.compile(r"\b(?:about|around|roughly|like|maybe|approx)\s+$")


def _rough_time(low: str, start: int, end: int) -> bool:
    """Whether the rough number from ``start`` (its rough word) to ``end`` is a time of day:
    a time after it ("at like 10 last night") or a time of day before it ("last night
    around 9")."""
    if _TIME_AFTER_RE.match(low, end):
        return True
    return _TIME_BEFORE_RE.search(low, max(start - 16, 0), start) is not None


def rating_numbers(low: str) -> list[tuple[int, int]]:
    """(position, 0-10 value) of every rating in ``low``; "11/10" counts as 10, a bare
    number above 10 is no rating."""
    if not _any_number(low):
        return []
    found: dict[int, int] = {}
    if "10" in low or "ten" in low:  # what a fraction's "of 10" needs (a cheap test first)
        for match in _FRACTION_RE.finditer(low):
            found[match.start(1)] = min(_value(match.group(1)), 10)
    if "/" in low:
        for match in _FIVE_RE.finditer(low):
            found.setdefault(match.start(1), int(match.group(1)) * 2)
    for regex in (_ARTICLE_RE, _KIND_RE, _NOW_RE):
        for match in regex.finditer(low):
            if regex is _KIND_RE and _a_time(low, match):
                continue  # "did it last night around 9", "at like 10": a time
            group = next(g for g in range(1, (match.lastindex or 1) + 1) if match.group(g))
            value = _value(match.group(group))
            if value <= 10:
                found.setdefault(match.start(group), value)
    return sorted(found.items())


#: A bare number straight after a log's words ("did todays 7 legs felt good"), the
#: session's day or "it" between them; never a count or a time (``_NOT_UNIT``).
_BARE_AFTER_RE: Final = re.compile(
    r"\s*(?:(?:it|todays|today's|yesterdays|yesterday's|the\s+session|session|sesh|mine"
    r"|[a-z]+day'?s)\s+)?(?:,\s*)?(10|[0-9])(?![0-9.:/])\b" + _NOT_UNIT
)


def bare_rating_at(low: str, pos: int) -> tuple[int, int] | None:
    """(position, value) of a bare 0-10 number said at ``pos`` (after a log's words:
    "did todays 7 heart was pumping"), else None."""
    match = _BARE_AFTER_RE.match(low, pos)
    return None if match is None else (match.start(1), int(match.group(1)))


def effort_number(low: str) -> int | None:
    """The number after an effort word ("effort 7", "RPE: 6/10", "effort 0") or before one
    ("like a 6 effort"), 0-10, else None; "12/10" counts as 10, a bare 12 as nothing (both
    are asked about: ``odd_effort``, ``odd_rating``)."""
    span = effort_span(low)
    if span is None:
        return None
    value = _value(span[2])
    if value > 10:
        if not _FRACTION_RE.match(low, span[0]):
            return None
        value = 10
    return value


def _effort_worded(low: str) -> bool:
    """Whether ``low`` holds a word every effort pattern needs (``_EFFORT_WORDS``, "rpe")."""
    return (
        "effort" in low
        or "rpe" in low
        or "rate" in low
        or "difficulty" in low
        or "exertion" in low
        or "intensity" in low
    )


def effort_span(low: str) -> tuple[int, int, str] | None:
    """(start, end, the number as written) of the effort number, if any."""
    if not _any_number(low) or not _effort_worded(low):
        return None
    match = _EFFORT_RE.search(low)
    if match is None:
        return None
    group = 1 if match.group(1) is not None else 2
    return match.start(group), match.end(group), match.group(group)


#: "felt like a 6 or 7", "was about 6-7": a range said of how the session felt.
_FELT_RANGE_RE: Final = re.compile(
    r"\b(?:felt|feels|feel|was)\s+(?:like\s+)?(?:about\s+|around\s+|maybe\s+)?(?:an?\s+)?"
    r"((?:10|[0-9])\s*(?:-|–|\bor\b|\bto\b)\s*(?:10|[0-9]))\b(?!\s*(?:[0-9:./]|am\b|pm\b|k\b|km"
    r"|min|mile|hour|hr|rep|set|sec|x\b|time|day|week|out\s+of|/))"
)


#: "done, like a 6-7", "did it 5-6": a range said of the session just logged.
_DONE_RANGE_RE: Final = re.compile(
    r"\b(?:done|did\s+it|finished|completed|smashed\s+it|dun)\s*[,.!-]?\s*"
    r"(?:(?:like|about|around|maybe|prob|probably)\s+)?(?:an?\s+)?"
    r"((?:10|[0-9])\s*(?:-|–)\s*(?:10|[0-9]))\b(?!\s*(?:[0-9:./]|am\b|pm\b|k\b|km|min|mile"
    r"|hour|hr|rep|set|sec|x\b|time|day|week|hop|jump|of\b|out\s+of|/|th\b|st\b|nd\b|rd\b))"
)

_NEGATIVE_EFFORT_RE: Final = re.compile(
    r"\b(?:effort|rpe)\s*(?:(?:was|is|of|at)\s+|[:=]\s*)?-[0-9]{1,3}\b"
)


def odd_effort(low: str) -> str | None:
    """An effort that is no one number from 0 to 10, as written: a range ("effort like 6
    or 7", "6-7 effort") or too big ("effort 15"); else None. The coach asks."""
    if not _any_number(low):
        return None
    worded = _effort_worded(low)
    if worded and (negative := _NEGATIVE_EFFORT_RE.search(low)) is not None:  # "rpe -5"
        return " ".join(negative.group(0).split())
    if worded and (ranged := _EFFORT_RANGE_RE.search(low)) is not None:
        return " ".join((ranged.group(1) or ranged.group(2)).split())
    if ("fe" in low or "was" in low) and (felt := _FELT_RANGE_RE.search(low)) is not None:
        return " ".join(felt.group(1).split())
    if (done := _DONE_RANGE_RE.search(low)) is not None:
        return " ".join(done.group(1).split())
    span = effort_span(low)
    if span is not None and _value(span[2]) > 10:
        return span[2]
    return None


def bare_numbers(low: str) -> list[tuple[int, int]]:
    """(position, value) of each number 0-10 standing alone at the end of a clause ("sore
    glutes 3, ...", "finished it. 5.", "both sides, 5"), not after "at", "on", "for"... (a
    time, a date, a count)."""
    if not _any_number(low):
        return []
    found = [
        (match.start(1), int(match.group(1)))
        for match in _BARE_RE.finditer(low)
        if not _rough_timed(low, match.start(1), match.end(1))
    ]
    stripped = low.lstrip()
    opening = _AFTER_LOG_RE.search(stripped)
    if opening is not None:
        at = opening.start(1) + len(low) - len(stripped)
        if all(pos != at for pos, _ in found):
            found = sorted([*found, (at, int(opening.group(1)))])
    return found


def _rough_timed(low: str, start: int, end: int) -> bool:
    """A bare number after a rough word that is a time ("last night around 10,")."""
    rough = _ROUGH_BEFORE_RE.search(low, max(start - 10, 0), start)
    return rough is not None and _rough_time(low, rough.start(), end)


_ODD_RATING_RE: Final = re.compile(
    r"(?:(?<![0-9a-z.:/])-[0-9]{1,3}(?:\.[0-9])?|(?<![0-9.:/-])(?:1[1-9]|[2-9][0-9]|[0-9]{3}))"
    r"\s*(?:/|out\s+of|outta)\s*(?:10|ten)\b(?![.:/-]?[0-9])"
)


_RANGE_RATING_RE: Final = re.compile(
    r"(?=[0-9])(?<![0-9.:/-])(?:10|[0-9])\s*(?:-|–|to|or)\s*(?:10|[0-9])\s*(?:/|out\s+of|outta)\s*(?:10|ten)\b"
    r"(?![.:/-]?[0-9])"
)


def odd_rating(low: str) -> str | None:
    """A 0-10 rating as written that is out of range ("-5/10", "11/10") or a range
    ("4-5/10", "3 or 4 out of 10"), else None: the coach asks which number."""
    found = odd_rating_at(low)
    return None if found is None else found[1]


def odd_rating_at(low: str) -> tuple[int, str] | None:
    """``odd_rating`` with the position it starts at."""
    match = _ODD_RATING_RE.search(low) or _RANGE_RATING_RE.search(low)
    return None if match is None else (match.start(), " ".join(match.group(0).split()))


_LEADING_NUMBER_RE: Final = re.compile(r"^\s*([0-9]{1,3})(?![0-9])")


def above_the_scale(value: str) -> bool:
    """Whether a rating that cannot be right goes past the top ("11/10", "12 out of 10"):
    the runner means as bad as it gets."""
    found = _LEADING_NUMBER_RE.match(value)
    return found is not None and int(found[1]) > 10
