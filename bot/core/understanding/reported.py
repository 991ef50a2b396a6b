"""Words in a message that are not the runner's own say, cut before it is read.

- quoted speech after a verb of saying ("my wife shouted 'no more 6am alarms!' so 7:15
  instead", "someone told me 'never jump on concrete', true?"): what another said;
- a joke taken back ("move my reminder to never 😂 jk keep it", "legs dead lol jk felt
  great, 4/10"): the words before "jk", back to the start of their sentence;
- another person's rating ("said it was a 9/10 for him, I found it ok-ish").

The FAQ still matches the whole text; the caller keeps the whole reading when only it
holds a warning sign (a sign missed is the worst error).
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.understanding.lexicon import WORDS
from bot.core.understanding.words import word_set

__all__ = ["own_words"]

_I: Final = re.IGNORECASE
_QUOTE_RE: Final = re.compile(r"(?<![\w'’])(['\"“‘])(?=\S)(.+?)(?<=\S)['\"”’](?![\w'’])")
_SPEECH_RE: Final = re.compile(
    r"(?<!\bi\s)(?<!\bi'd\s)(?<!\bid\s)(?<!\bi'll\s)(?<!\bill\s)(?<!\bwould\s)"
    r"\b(?:said|says|say|told|tells|tell|shouted|shouts|yelled|yells|screamed|reckons|reckon"
    r"|thinks|asked|asks|texted|wrote|writes|claims|swears|insists|goes|went\s+on)\b[^.!?]*$",
    _I,
)
_SPEECH_BACK: Final = 60
_TOPIC_WORDS: Final = word_set(
    """reminder reminders alarm alarms message messages notification notifications ping pings
    nudge nudges text texts"""
)
_WORD_RE: Final = re.compile(r"[^\W\d_]+")


def _topic(word: str) -> bool:
    """A word naming what the quote is about: the reminder, or a body area ("the doc said
    'not a stress fracture, just a tight calf'")."""
    low = word.lower()
    sense = WORDS.get(low)
    return low in _TOPIC_WORDS or (sense is not None and sense.area is not None)


_JOKE_RE: Final = re.compile(
    r"\b(?:j/?k|just\s+kidding|only\s+kidding|just\s+joking|only\s+joking)\b", _I
)
#: Laughter just before the "jk", left with the words taken back.
_LAUGH_TAIL_RE: Final = re.compile(
    r"(?:[\s,.!]|\blol\b|\blmao\b|\blmfao\b|\bha(?:ha)+\b|\bhehe\b"
    "|[\u2600-\u27bf\U0001f300-\U0001faff])*$",
    _I,
)
_BOUNDARY_RE: Final = re.compile("[.!?;,\n\u2600-\u27bf\U0001f300-\U0001faff]")
_THEIR_RATING_RE: Final = re.compile(
    r"\b(?:an?\s+)?[0-9]{1,2}(?:\.[0-9])?\s*(?:/|out\s+of)\s*10\s+for\s+(?:him|her|them)\b", _I
)


def own_words(text: str) -> str | None:
    """``text`` without the words that are not the runner's own say; None when there are
    none."""
    if not _cued(text):
        return None
    said = _cut_quotes(text)
    said = _cut_jokes(said)
    said = _THEIR_RATING_RE.sub(" ", said)
    return None if said == text else re.sub(r"\s{2,}", " ", said).strip()


def _cued(text: str) -> bool:
    """Whether ``text`` may hold words not the runner's own: cheap string tests, a quote
    mark that opens or closes (not the apostrophe of "what's"), "jk", "for him"."""
    if '"' in text or "“" in text or "”" in text or "‘" in text or "’" in text:
        return True
    if "'" in text and (
        " '" in text
        or "' " in text
        or text[0] == "'"
        or text[-1] == "'"
        or "'," in text
        or "'." in text
        or "'!" in text
        or "'?" in text
    ):
        return True
    low = text.lower()
    return (
        "jk" in low
        or "j/k" in low
        or "kidding" in low
        or "joking" in low
        or (" for " in low and ("for him" in low or "for her" in low or "for them" in low))
    )


def _cut_quotes(text: str) -> str:
    """Quoted words after a verb of saying in the same sentence, cut; what they were about
    (the reminder, a body area) kept, so "so 7:15 instead" still moves it."""

    def cut(match: re.Match[str]) -> str:
        start = match.start()
        if _SPEECH_RE.search(text, max(start - _SPEECH_BACK, 0), start) is None:
            return match.group(0)
        topic = [w for w in _WORD_RE.findall(match.group(2)) if _topic(w)]
        return f" about the {' '.join(topic)} " if topic else " "

    return _QUOTE_RE.sub(cut, text)


def _cut_jokes(text: str) -> str:
    """The words a "jk" takes back (to the start of their sentence), and the "jk", cut."""
    while (joke := _JOKE_RE.search(text)) is not None:
        before = text[: joke.start()]
        laugh = _LAUGH_TAIL_RE.search(before)
        kept = before[: laugh.start()] if laugh is not None else before
        bounds = list(_BOUNDARY_RE.finditer(kept))
        kept = kept[: bounds[-1].end()] if bounds else ""
        text = f"{kept} {text[joke.end() :].lstrip(' ,.!')}"
    return text
