"""Free-text slots cut from the original message: time-zone words, skip reasons, notes."""

from __future__ import annotations

import re
from typing import Final

from bot.core.understanding.features import Features, Hit
from bot.core.understanding.lexicon import KNOWN, LEXICON_WORDS
from bot.core.understanding.senses import Cue
from bot.core.understanding.text import Tokens
from bot.core.understanding.words import FILLER, word_set

__all__ = ["note_text", "reason_text", "zone_text"]

MAX_SLOT_CHARS: Final = 300
_ZONE_LEAD: Final = word_set(
    "is to now set as in should be please pls change my it currently at the will"
)
_ZONE_STOP: Final = word_set(
    """
    now for until till til this next today tomorrow tonight and but so at on with because
    since right currently please pls thanks thank again from time zone timezone anymore lol
    haha i im ill week weeks month by coach mate then though too as last yesterday recently
    earlier lately permanently temporarily btw fyi atm rn tho tbh ngl x xx lmao hehe not
    these nowadays presently if in case which where when
    """
)
_ZONE_JOINERS: Final = frozenset(" /_+-:")
_PLACE_STOP: Final = word_set(
    """
    a an the bed pain agony trouble hospital school class office gym meeting shower car bus
    train queue line love shape form recovery rehab physio charge favour favor tears bits
    pieces two minds doubt front luck control denial danger lockdown quarantine isolation
    taper peak season shock heaven hell no not such way top between wrong incorrect off
    broken weird messed middle ward wards surgery clinic theatre work uni lecture lectures labour
    labor
    """
)
_PLACE_STARTS: Final = word_set("new san los las el la le st saint hong rio sao buenos cape")
_REASON_EMPTY: Final = word_set(
    """
    today todays tonight session workout it the my this that morning evening sorry coach
    because cause cos coz bc as since due to of im i was am so just and but a is really mate
    again pls please unfortunately sadly have had gonna going will ill lol haha ok okay
    yesterday tomorrow then tmrw tmr tmrow 2moro 2morrow tonite 2nite make do training or
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thurs
    fri sat sun mondays tuesdays wednesdays thursdays fridays saturdays sundays
    """
)
_STRIP_CHARS: Final = " \t\n,.;:!?-–—()\"'"
_SYMBOLS_RE: Final = re.compile(r"[^\w\s.,;:!?'\"()/&%+\-]")


def _tidy(text: str) -> str | None:
    """Emoji and symbols out, spaces collapsed, outer punctuation trimmed; None if empty."""
    text = " ".join(_SYMBOLS_RE.sub(" ", text).split()).strip(_STRIP_CHARS)
    return text[:MAX_SLOT_CHARS] or None


def note_text(clean: str) -> str | None:
    """The message as a note for the log."""
    return _tidy(clean)


def zone_text(clean: str, tokens: Tokens, f: Features, cue: Hit, check: bool) -> str | None:
    """The zone or place words after ``cue`` ("Europe/Berlin", "new york"), as written.

    With ``check`` (a place cue like "I'm in") the first word must look like a place.
    """
    words, spans = tokens.words, tokens.spans
    j = cue.end
    while j < len(words) and words[j] in _ZONE_LEAD:
        j += 1
    first = j
    while j < len(words) and j - first < 4 and words[j] not in _ZONE_STOP:
        if j > first and not set(clean[spans[j - 1][1] : spans[j][0]]) <= _ZONE_JOINERS:
            break
        j += 1
    if j == first or (check and not _looks_like_place(clean, tokens, first)):
        return None
    if words[first][:1].isdigit() and "/" not in words[first]:
        return None  # "set it to my local time, 6am is good": a time, no place
    return clean[spans[first][0] : spans[j - 1][1]] or None


def _looks_like_place(clean: str, tokens: Tokens, i: int) -> bool:
    word = tokens.words[i]
    if word in _PLACE_STARTS:
        return True
    if word in LEXICON_WORDS or word in FILLER or word in _PLACE_STOP:
        return False
    start = tokens.spans[i][0]
    written = clean[start : tokens.spans[i][1]]
    return written[:1].isupper() or word not in KNOWN or "/" in clean[start : start + 40]


def _has_content(words: tuple[str, ...]) -> bool:
    return any(w not in _REASON_EMPTY for w in words)


def reason_text(clean: str, tokens: Tokens, f: Features) -> str | None:
    """Why a session was skipped: the words after (else before) the skip phrase.

    A skip phrase that is its own reason ("no time", "too tired") keeps the whole text.
    """
    verbs = [h for h in f.cues.get(Cue.SKIP, ()) if Cue.SKIP_WHY not in h.sense.cues]
    words, spans = tokens.words, tokens.spans
    if not verbs:
        return _tidy(clean) if _has_content(words) else None
    verb = verbs[0]
    j = verb.end
    while j < len(words) and words[j] in _REASON_EMPTY:
        j += 1
    if j < len(words) and _has_content(words[j:]):
        return _tidy(clean[spans[j][0] :])
    if _has_content(words[: verb.start]):
        return _tidy(clean[: spans[verb.start][0]])
    return None
