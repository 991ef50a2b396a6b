"""One left-to-right scan of the words against the lexicon, longest phrase first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.core.understanding.lexicon import PHRASE_STARTS, PHRASES, WORDS
from bot.core.understanding.senses import Cue, Sense
from bot.core.understanding.subject import (
    NO_SUPPOSITION,
    SUPPOSE_CUES,
    Supposed,
    opinions,
    owners,
    question_clauses,
    supposed,
)
from bot.core.understanding.words import FILLER, NUMBER_WORDS
from bot.core.vocabulary import RedFlag

__all__ = ["Features", "Hit", "scan"]


@dataclass(init=False, unsafe_hash=True, slots=True)
class Hit:
    """A lexicon phrase found at words[start:end]: a value (``Final`` fields), built by a
    written ``__init__`` as ``Intent`` is, several times a message."""

    start: Final[int]
    end: Final[int]
    sense: Final[Sense]

    def __init__(self, start: int, end: int, sense: Sense) -> None:
        self.start = start
        self.end = end
        self.sense = sense


@dataclass(init=False, slots=True)
class Features:
    """Everything the scan found: hits in order, cue positions, unexplained words (its
    ``__init__`` written out: compiled, a generated one runs as Python)."""

    words: tuple[str, ...]
    clauses: tuple[int, ...]
    hits: list[Hit]
    cues: dict[Cue, list[Hit]]
    unexplained: list[int]
    hit_at: dict[int, Hit]
    #: Positions that are no report of the runner's now (``subject``): someone else's body,
    #: the long past, a general question; and the clauses only asked about ("does X help
    #: with Y?").
    foreign: frozenset[int]
    asked: frozenset[int]
    #: Clauses that open as a question ("should I...", "how sore is too sore").
    asking: frozenset[int]
    #: Clauses said as a supposition ("what happens if I get...", "say I'm away...") and
    #: "if" clauses of a day to come (``subject.supposed``); None when there are none.
    supposition: Supposed | None
    #: Positions of what another person thinks or says ("my coach reckons we should all
    #: take two weeks off", ``subject.opinions``): their view, no request of the runner's.
    opinion: frozenset[int]
    #: ``body.feeling_hits``, worked out once (the rules ask for it several times).
    feelings: tuple[Hit, ...] | None

    def __init__(self, words: tuple[str, ...], clauses: tuple[int, ...]) -> None:
        self.words = words
        self.clauses = clauses
        self.hits = []
        self.cues = {}
        self.unexplained = []
        self.hit_at = {}
        self.foreign = self.asked = self.asking = frozenset()
        self.supposition = None
        self.opinion = frozenset()
        self.feelings = None

    def has(self, *cues: Cue) -> bool:
        """Whether any of ``cues`` occurs (a loop of dict lookups: compiled, faster than
        ``isdisjoint`` on the keys' view)."""
        found = self.cues
        return any(cue in found for cue in cues)

    def first(self, cue: Cue) -> Hit | None:
        """The first hit carrying ``cue``, if any."""
        hits = self.cues.get(cue)
        return hits[0] if hits else None

    def starts(self, cue: Cue) -> list[int]:
        """Start positions of the hits carrying ``cue``."""
        return [hit.start for hit in self.cues.get(cue, ())]

    def cue_before(self, cue: Cue, pos: int, window: int) -> bool:
        """Whether a hit with ``cue`` ends within ``window`` words before ``pos``."""
        return any(pos - window <= hit.end - 1 < pos for hit in self.cues.get(cue, ()))

    def word_after(self, pos: int) -> Hit | None:
        """The hit that starts at ``pos``, if any."""
        return self.hit_at.get(pos)


def scan(words: tuple[str, ...], clauses: tuple[int, ...], question: bool = False) -> Features:
    """Find every lexicon phrase in ``words`` (greedy, longest first) and note the rest;
    ``question``: the text has a "?" (for ``subject.owners``)."""
    features = Features(words, clauses)
    features.asking = question_clauses(words, clauses)
    if SUPPOSE_CUES.isdisjoint(words):
        supposition = NO_SUPPOSITION
    else:
        supposition = supposed(words, clauses)
        if supposition[0] or supposition[1]:
            features.supposition = supposition
    features.foreign, features.asked = owners(
        words, clauses, question, features.asking, supposition
    )
    n = len(words)
    i = 0
    spell = False
    while i < n:
        word = words[i]
        hit = _match(words, i)
        if hit is not None:
            _add(features, hit)
            i = hit.end
            continue
        if word == "half" and _named_half(words, i):
            _add(features, Hit(i, i + 1, _RACE_SENSE))  # "signed up for the lisbon half"
            i += 1
            continue
        if word not in FILLER and word not in NUMBER_WORDS and not word[0].isdigit():
            features.unexplained.append(i)
            spell = spell or word in _SPELL_WORDS
        i += 1
    if spell or not _UNTRIED.isdisjoint(words):
        _spells(features)
    opinion = features.opinion = opinions(words, clauses)
    if opinion and _complaint(features.hits, opinion):
        features.foreign = features.foreign | opinion
    return features


_RACE_SENSE: Final = PHRASES[("the", "half")][0][1]
#: Words between "the" and "half" that name a part of something, not a race ("the first
#: half of the session", "the back half").
_HALF_PARTS: Final = frozenset(
    {"first", "second", "last", "other", "top", "bottom", "back", "front", "upper", "lower",
     "next", "better", "worse", "hard", "easy", "harder", "easier", "whole", "remaining"}
)  # fmt: skip
#: Words after "half" that make it an amount ("half of it", "half an hour", "half way").
_HALF_AMOUNTS: Final = frozenset(
    {"of", "an", "a", "way", "hour", "hr", "hrs", "past", "the", "my", "it", "done", "time"}
)  # fmt: skip


def _named_half(words: tuple[str, ...], i: int) -> bool:
    """Whether "half" at ``i`` is a race named by its place or sponsor ("the lisbon half",
    "my cardiff half on sunday"), not a part or an amount ("the first half of it")."""
    return (
        i >= 2
        and words[i - 2] in ("the", "my", "a")
        and words[i - 1].isalpha()
        and words[i - 1] not in _HALF_PARTS
        and (i + 1 == len(words) or words[i + 1] not in _HALF_AMOUNTS)
    )


def _complaint(hits: list[Hit], opinion: frozenset[int]) -> bool:
    """Whether another's view holds a feeling of the runner's body ("my physio says my hips
    are tight") and no warning sign: then it is theirs, no report. A sign they name still
    counts ("doc thinks it's a stress fracture"), and so does their word that an area is
    fine ("physio said my glute is fine"), read as a recovery told."""
    felt = False
    for hit in hits:
        if hit.start in opinion:
            if hit.sense.flag is not None:
                return False
            felt = felt or hit.sense.kind is not None
    return felt


#: Words of pain or pressure that, a few words from "chest", make a heart sign however the
#: runner words it ("my chest went really tight", "chest started hurting", "a squeezing
#: pain in the middle of my chest"); the lexicon's fixed phrases miss the words between.
_CHEST_FEELINGS: Final = frozenset(
    {"tight", "tighter", "tightness", "pain", "pains", "painful", "hurt", "hurts", "hurting",
     "squeezing", "squeeze", "squeezed", "pressure", "heavy", "heaviness", "crushing", "ache",
     "aching", "achy", "aches", "ached", "burning", "sore"}
)  # fmt: skip
_CHEST_WINDOW: Final = 5
#: Words before "faint" that say the runner nearly fainted ("felt like i was gonna faint").
_NEARLY: Final = frozenset(
    {"gonna", "going", "about", "nearly", "almost", "would", "could", "might"}
)
_HEART_SENSE: Final = PHRASES[("chest", "pain")][0][1]
#: The words ``_spells`` starts from: neither is a lexicon word or filler of its own, so a
#: scan meets them among the words it cannot explain.
_SPELL_WORDS: Final = frozenset({"chest", "faint"})
_FAINT_SENSE: Final = PHRASES[("felt", "faint")][0][1]
#: Weight lost without meaning to ("lost about 4 kilos in the last month without trying"):
#: unexplained weight loss, a doctor's matter (the facts' Safety section), however many
#: words stand between the loss and "without trying".
_UNTRIED: Final = frozenset({"trying", "dieting", "meaning", "intending"})
_HEDGED: Final = frozenset({"even", "really", "actually"})
_WITHOUT: Final = frozenset({"without", "not", "no"})
_LOSS: Final = frozenset({"lost", "losing", "dropped", "dropping", "shed", "down"})
_UNITS: Final = frozenset(
    {"kilos", "kilo", "kg", "kgs", "lbs", "lb", "pounds", "pound", "stone", "kilograms"}
)
_WEIGHT_LOSS_SENSE: Final = PHRASES[("unexplained", "weight")][0][1]


def _weight_unit(word: str) -> bool:
    """ "kilos", "kg", and a number with its unit written on ("4kg", "10lbs")."""
    return word in _UNITS or (
        word[0].isdigit() and word.lstrip("0123456789.") in _UNITS and word[-1].isalpha()
    )


def _weight_lost(words: tuple[str, ...], clauses: tuple[int, ...], i: int) -> bool:
    """Whether the weight said at ``i`` was lost without trying: a word of loss before it
    and "without trying" (or dieting) after it, all in its clause."""
    clause = clauses[i]
    j = i - 1
    lost = False
    while j >= 0 and clauses[j] == clause and i - j <= 4:
        lost = lost or words[j] in _LOSS
        j -= 1
    if not lost:
        return False
    return any(
        words[k] in _UNTRIED
        and (words[k - 1] in _WITHOUT or (words[k - 1] in _HEDGED and words[k - 2] in _WITHOUT))
        for k in range(i + 1, len(words))
        if clauses[k] == clause
    )


def _spells(features: Features) -> None:
    """Heart signs and near-faints the fixed phrases did not catch: "chest" with a word of
    pain or pressure within a few words in its clause, "faint" after "gonna", "about to",
    "nearly". Each is a hit of its own on the word not yet explained."""
    words, clauses, taken = features.words, features.clauses, features.hit_at
    covered = {j for hit in features.hits for j in range(hit.start, hit.end)}
    found: list[Hit] = []
    for i, word in enumerate(words):
        if i in covered:
            continue
        if word == "chest":
            if any(h.sense.flag is RedFlag.HEART_SIGNS for h in features.hits):
                continue
            low, high = max(0, i - _CHEST_WINDOW), min(len(words), i + _CHEST_WINDOW + 1)
            if any(
                words[j] in _CHEST_FEELINGS and clauses[j] == clauses[i] for j in range(low, high)
            ):
                found.append(Hit(i, i + 1, _HEART_SENSE))
        elif word == "faint" and not _NEARLY.isdisjoint(words[max(0, i - 3) : i]):
            found.append(Hit(i, i + 1, _FAINT_SENSE))
        elif _weight_unit(word) and _weight_lost(words, clauses, i):
            found.append(Hit(i, i + 1, _WEIGHT_LOSS_SENSE))
    if not found:
        return
    for hit in found:
        if hit.start in features.unexplained:
            features.unexplained.remove(hit.start)
        taken[hit.start] = hit
        for cue in hit.sense.cues:
            features.cues.setdefault(cue, []).append(hit)
    features.hits = sorted([*features.hits, *found], key=lambda hit: hit.start)


def _match(words: tuple[str, ...], i: int) -> Hit | None:
    """The longest lexicon phrase starting at words[i], if any."""
    if words[i] in PHRASE_STARTS and i + 1 < len(words):
        for phrase, sense in PHRASES.get((words[i], words[i + 1]), ()):
            end = i + len(phrase)
            if end == i + 2 or words[i:end] == phrase:
                return Hit(i, end, sense)
    single = WORDS.get(words[i])
    return None if single is None else Hit(i, i + 1, single)


def _add(features: Features, hit: Hit) -> None:
    features.hits.append(hit)
    features.hit_at[hit.start] = hit
    for cue in hit.sense.cues:
        features.cues.setdefault(cue, []).append(hit)
