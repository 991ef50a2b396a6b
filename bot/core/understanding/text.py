"""Normalising and tokenising a message: C-speed splitting, spans only when asked for."""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "EMOJI",
    "MAX_CHARS",
    "SENTENCE_GAP_RE",
    "Tokens",
    "has_digit",
    "normalise",
    "spoken",
    "tokenise",
]

#: The emoji and symbol ranges (flags included) that part a message, for a character class.
EMOJI: Final = "\u2600-\u27bf\U0001f1e6-\U0001f1ff\U0001f300-\U0001faff"

MAX_CHARS: Final = 1000
"""Longer messages are cut to this many characters before anything else happens."""

_TRANSLATE: Final = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "\u00a0": " ", "\t": " "}
)
_ODD_RE: Final = re.compile("[’‘ʼ`´\u00a0\t]")
_DIGIT_RE: Final = re.compile("[0-9]")
SENTENCE_GAP_RE: Final = re.compile(r"(?<=[.!?])\s+")
"""Where one sentence ends and the next begins (split on it)."""


def has_digit(text: str) -> bool:
    """Whether ``text`` holds an ASCII digit: the cheap test before a pattern that needs one."""
    return _DIGIT_RE.search(text) is not None


_WORD_RE: Final = re.compile(r"[^\W_]+")
_SPAN_RE: Final = re.compile(r"[^\W_]+(?:'[^\W_]+)*")  # the same words, apostrophes kept
#: The spans' pattern for a text all ASCII (most are), where a word character is one of
#: these: a plain class is faster than asking Unicode of each character.
_ASCII_SPAN_RE: Final = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
_BREAK_RE: Final = re.compile(
    "[,.;!?()\n\u2013\u2014" + EMOJI + "]|(?<!\\S)--?(?!\\S)"
)  # a dash standing alone between words is a break too ("done 7 - can i run after?")


class Tokens:
    """Lower-case words (apostrophes dropped: "can't" → "cant"), the clause of each (it
    goes up at , . ; ! ? ( ) and new lines), and on demand their spans in the text."""

    __slots__ = ("_spans", "clauses", "low", "words")

    def __init__(self, low: str, words: tuple[str, ...], clauses: tuple[int, ...]) -> None:
        self.low = low
        self.words = words
        self.clauses = clauses
        self._spans: tuple[tuple[int, int], ...] | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each word in the text."""
        if self._spans is None:
            spans = _ASCII_SPAN_RE if self.low.isascii() else _SPAN_RE
            self._spans = tuple(m.span() for m in spans.finditer(self.low))
        return self._spans


#: Punctuation a voice assistant typed out as words ("did today's full stop it was a 6").
_SPOKEN_MARK_RE: Final = re.compile(
    r"\s*\b(?<!\ba\s)(full\s+stop|question\s+mark|exclamation\s+(?:mark|point)|comma"
    r"|new\s+(?:line|paragraph))\b",
    re.IGNORECASE,
)
_SPOKEN_MARKS: Final = {"f": ".", "q": "?", "e": "!", "c": ",", "n": "."}
#: A voice assistant's own words before the message ("hey siri send to hip coach ...").
_ASSISTANT_RE: Final = re.compile(
    r"^\s*(?:hey\s+siri|ok(?:ay)?\s+google|hey\s+google|alexa)\b[,\s]*"
    r"(?:(?:send|text|message|tell)\s+(?:a\s+)?(?:message\s+|text\s+)?(?:to\s+)?)?"
    r"(?:(?:the\s+)?hip\s*coach\b)?[,:\s]*(?:saying\s+)?",
    re.IGNORECASE,
)
#: What every dictated mark or assistant's opening holds (a cheap test first).
_SPOKEN_CUES: Final = ("stop", "mark", "comma", "point", "new ", "siri", "google", "alexa")


def spoken(text: str) -> str:
    """``text`` as typed, where a voice assistant wrote its punctuation out as words ("full
    stop", "comma", "question mark") or put its own words first ("okay google message hip
    coach ..."); other text unchanged."""
    low = text.lower()
    if not any(cue in low for cue in _SPOKEN_CUES):
        return text
    text = _ASSISTANT_RE.sub("", text, count=1)
    return _SPOKEN_MARK_RE.sub(lambda m: _SPOKEN_MARKS[m.group(1)[0].lower()], text)


def normalise(text: str) -> tuple[str, str]:
    """Return (clean, low): the text cut to MAX_CHARS with apostrophes unified, and its
    lower-case form. Both have the same length, so spans in one index the other."""
    clean = text[:MAX_CHARS]
    if _ODD_RE.search(clean):
        clean = clean.translate(_TRANSLATE)
    low = clean.lower()
    if len(low) != len(clean):  # a few characters grow when lowered; give up on case
        clean = low
    if " up " in low:  # "whats up tomorrow?": what's on, no greeting (the same length)
        low = _WHATS_UP_DAY_RE.sub(r"\1on\2", low)
    return clean, low


#: "what's up" before a day asks what is on that day.
_WHATS_UP_DAY_RE: Final = re.compile(
    r"\b((?:what'?s|whats|wats|what\s+is)\s+)up(\s+)(?=(?:for\s+)?(?:tomorrow|tmrw|tmr|today|tonight"
    r"|next|this\s+week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?"
    r"|weds?|thu|thurs|fri|sat|sun)\b)"
)


def tokenise(low: str) -> Tokens:
    """Split lower-case text into words; emoji and punctuation fall away."""
    bare = low.replace("'", "")
    if bare.isascii():  # most are: words and breaks in one pass
        return _ascii_tokens(low, bare)
    if not _BREAK_RE.search(bare):
        words = _WORD_RE.findall(bare)
        return Tokens(low, tuple(words), (0,) * len(words))
    all_words: list[str] = []
    clauses: list[int] = []
    for clause, piece in enumerate(_BREAK_RE.split(bare)):
        found = _WORD_RE.findall(piece)
        all_words += found
        clauses += [clause] * len(found)
    return Tokens(low, tuple(all_words), tuple(clauses))


#: An ASCII text's words and the breaks between its clauses (``_BREAK_RE``'s ASCII ones).
_ASCII_TOKEN_RE: Final = re.compile(r"[A-Za-z0-9]+|[,.;!?()\n]|(?<!\S)--?(?!\S)")
#: A dash standing alone between words, a break as a comma is.
_DASHES: Final = frozenset({"-", "--"})


def _ascii_tokens(low: str, bare: str) -> Tokens:
    """``tokenise`` of an ASCII text: each break starts the next clause, as a split at
    every break does (two breaks in a row pass an empty clause). Split at spaces first
    (C-fast): a piece all letters and digits is a word as it is, and only the others go
    through the pattern (a new line is a break, so a text with one takes the pattern)."""
    words: list[str] = []
    clauses: list[int] = []
    clause = 0
    pieces = bare.split() if "\n" not in bare else [bare]
    for piece in pieces:
        if piece.isalnum():
            words.append(piece)
            clauses.append(clause)
            continue
        if piece in _DASHES:  # "done 7 - can i do it after a long run?": a break
            clause += 1
            continue
        for token in _ASCII_TOKEN_RE.findall(piece):
            if (len(token) == 1 and token in ",.;!?()\n-") or token == "--":
                clause += 1
            else:
                words.append(token)
                clauses.append(clause)
    return Tokens(low, tuple(words), tuple(clauses))
