"""Ratings in text: "6/10", "6 out of 10", "a 7", "pain 4", "effort 7", "six out of ten".

All patterns are anchored on words and have no nested repetition, so they run in linear
time on any input.
"""

from __future__ import annotations

import re

from bot.core.understanding.words import NUMBER_WORDS

__all__ = ["effort_number", "odd_rating", "rating_numbers"]

_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine|ten"
_VALUE = rf"([0-9]{{1,2}}(?:\.[0-9])?|{_WORDS})"
_NOT_UNIT = (
    r"(?!\s*(?:[:./-]?[0-9]|am\b|pm\b|a\.m|p\.m|k\b|km|mi\b|mile|min|hour|hr|day|week|month"
    r"|year|rep|set|sec|x\b|time|session|run|%|percent|kg|lb|pound|step|o\s?clock|oclock"
    r"|th\b|st\b|nd\b|rd\b|ish\b))"
)
_ANY_NUMBER_RE = re.compile(rf"[0-9]|\b(?:{_WORDS})\b")
_FRACTION_RE = re.compile(
    rf"(?<![0-9.:/])\b{_VALUE}\s*(?:/|out\s+of|outta|of)\s*(?:10|ten)\b(?![.:/-]?[0-9])"
)
_FIVE_RE = re.compile(r"(?<![0-9.:/])\b([0-5])\s*/\s*5\b(?![.:/-]?[0-9])")
_ARTICLE_RE = re.compile(
    r"\b(?:a|an)\s+(10|[0-9]|two|three|four|five|six|seven|eight|nine|ten)\b" + _NOT_UNIT
)
_KIND_RE = re.compile(
    r"\b(?:pain|painful|sore|soreness|tight|tightness|stiff|stiffness|ache|aches|achy|hurts?"
    r"|hurting|level|severity|intensity|discomfort|about|around|roughly|maybe|approx|like)"
    rf"\s+(?:(?:is|was|at|of|about|around|like|maybe|a|an|roughly)\s+)?{_VALUE}\b" + _NOT_UNIT
)
_EFFORT_RE = re.compile(
    r"\b(?:effort|rpe|difficulty|exertion|rated(?:\s+it)?|rate\s+it|intensity)\s*"
    r"(?:(?:was|is|of|at|level|about|around|maybe|like|a|an|probably|roughly|[:=-])\s*){0,3}"
    rf"{_VALUE}\b(?!\s*(?:[:.][0-9]|am\b|pm\b|k\b|km|min|mile))"
)


def _value(text: str) -> int:
    """A matched number as an int, halves rounded up ("6.5" → 7)."""
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return int(float(text) + 0.5)


def rating_numbers(low: str) -> list[tuple[int, int]]:
    """(position, 0-10 value) of every rating in ``low``; "11/10" counts as 10, a bare
    number above 10 is no rating."""
    if not _ANY_NUMBER_RE.search(low):
        return []
    found: dict[int, int] = {}
    for match in _FRACTION_RE.finditer(low):
        found[match.start(1)] = min(_value(match.group(1)), 10)
    for match in _FIVE_RE.finditer(low):
        found.setdefault(match.start(1), int(match.group(1)) * 2)
    for regex in (_ARTICLE_RE, _KIND_RE):
        for match in regex.finditer(low):
            value = _value(match.group(1))
            if value <= 10:
                found.setdefault(match.start(1), value)
    return sorted(found.items())


def effort_number(low: str) -> int | None:
    """The number after an effort word ("effort 7", "RPE: 6/10"), 1-10, else None;
    "12/10" counts as 10, a bare 12 as nothing."""
    match = _EFFORT_RE.search(low)
    if match is None:
        return None
    value = _value(match.group(1))
    if value > 10:
        if not _FRACTION_RE.match(low, match.start(1)):
            return None
        value = 10
    return value if value >= 1 else None


_ODD_RATING_RE = re.compile(
    r"(?:(?<![0-9a-z.:/])-\s*[0-9]{1,3}(?:\.[0-9])?|(?<![0-9.:/-])(?:1[1-9]|[2-9][0-9]|[0-9]{3}))"
    r"\s*(?:/|out\s+of|outta)\s*(?:10|ten)\b(?![.:/-]?[0-9])"
)


_RANGE_RATING_RE = re.compile(
    r"(?<![0-9.:/-])(?:10|[0-9])\s*(?:-|–|to|or)\s*(?:10|[0-9])\s*(?:/|out\s+of|outta)\s*(?:10|ten)\b"
    r"(?![.:/-]?[0-9])"
)


def odd_rating(low: str) -> str | None:
    """A 0-10 rating as written that is out of range ("-5/10", "11/10") or a range
    ("4-5/10", "3 or 4 out of 10"), else None: the coach asks which number."""
    match = _ODD_RATING_RE.search(low) or _RANGE_RATING_RE.search(low)
    return None if match is None else " ".join(match.group(0).split())
