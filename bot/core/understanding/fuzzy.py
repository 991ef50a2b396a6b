"""Typo-correction of single words against the lexicon, cached so repeats cost a lookup.

A word is corrected only when it is unknown, at least four letters long, alphabetic, and
within one edit (two for words of nine letters or more) of a known word with the same
first letter; transpositions count as one edit (optimal string alignment distance). The
name of a big city is never corrected, nor a common English word ("read" is not "ready",
"class" not "clams"): one pyspellchecker counts at least ``COMMON_COUNT`` times.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from bot.core.places import city_of_size
from bot.core.understanding.lexicon import KNOWN, LEXICON_WORDS
from bot.core.understanding.words import FILLER, PROTECTED

__all__ = ["correct", "correct_words"]

MIN_LENGTH: Final = 4
#: A word that names a city this big is left as it is ("Lima" is not "limp").
CITY_POPULATION: Final = 500_000
MAX_LENGTH: Final = 24
#: How often pyspellchecker's English word counts must have seen a word for it to be a
#: word of its own, never a typo ("cram" 2,908; "foam" 5,406; "hamstrung" 151 is corrected).
COMMON_COUNT: Final = 2_000
_RUNS: Final = re.compile(r"(.)\1{2,}")


def _buckets() -> dict[str, tuple[str, ...]]:
    """First letter → candidate words, lexicon words first so they win ties."""
    ordered = [*sorted(LEXICON_WORDS), *sorted(FILLER - LEXICON_WORDS)]
    ordered += sorted(PROTECTED - LEXICON_WORDS - FILLER)
    buckets: dict[str, list[str]] = {}
    for word in ordered:
        if len(word) >= MIN_LENGTH - 1 and word.isalpha():
            buckets.setdefault(word[0], []).append(word)
    return {letter: tuple(words) for letter, words in buckets.items()}


def _max_edits(length: int) -> int:
    return 1 if length < 9 else 2


def _near_lengths(
    buckets: dict[str, tuple[str, ...]],
) -> dict[tuple[str, int], tuple[str, ...]]:
    """(first letter, length) → the bucket's words near enough in length to be within the
    edits a word of that length may have (in the bucket's order, so ties go the same way)."""
    return {
        (letter, length): tuple(w for w in words if abs(len(w) - length) <= _max_edits(length))
        for letter, words in buckets.items()
        for length in range(MIN_LENGTH, MAX_LENGTH + 1)
    }


_BUCKETS: Final = _near_lengths(_buckets())


def _common_english() -> frozenset[str]:
    """Words of at least ``MIN_LENGTH`` letters English text uses often."""
    counts = SpellChecker(language="en", distance=1).word_frequency
    return frozenset(
        word
        for word, count in counts.items()
        if count >= COMMON_COUNT and len(word) >= MIN_LENGTH and word.isalpha()
    )


COMMON_ENGLISH: Final = _common_english()


def _common(word: str) -> bool:
    """A common English word of its own, not a known word with an "s" ("bums", "whats":
    the apostrophe dropped, corrected as before)."""
    return word in COMMON_ENGLISH and not (word[-1] == "s" and word[:-1] in KNOWN)


def correct_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Correct each word that is not already known (the hot path: set lookups only), and
    read "zero pain", "0 soreness" as the "no pain" they mean."""
    if not KNOWN.issuperset(words):
        words = tuple(w if w in KNOWN else correct(w) for w in words)
    if "em" in words:  # "did em effort 6": them
        words = tuple(
            "them" if w == "em" and i and words[i - 1] in _EM_VERBS else w
            for i, w in enumerate(words)
        )
    if _NONE.isdisjoint(words):
        return words
    return tuple(
        "no" if w in _NONE and words[i + 1 : i + 2] and words[i + 1] in _NONE_OF else w
        for i, w in enumerate(words)
    )


#: Verbs after which "em" is "them" ("did em", "smashed em").
_EM_VERBS: Final = frozenset(
    {"did", "done", "smashed", "finished", "nailed", "completed", "got", "skipped", "missed"}
)
#: A count of none before a feeling or a sign: "zero pain", "0 swelling", "nil soreness".
_NONE: Final = frozenset({"zero", "0", "nil"})
_NONE_OF: Final = frozenset(
    {"pain", "pains", "soreness", "tightness", "stiffness", "discomfort", "ache", "aches",
     "aching", "niggles", "niggle", "issues", "issue", "problems", "problem", "swelling",
     "tenderness", "twinges", "twinge"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def correct(word: str) -> str:
    """The known word ``word`` was probably meant as, or ``word`` itself."""
    if word in KNOWN or not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isalpha():
        return word
    if _common(word) or city_of_size(word, CITY_POPULATION):
        return word
    squeezed = _squeeze(word)
    if squeezed != word:
        return squeezed
    candidates = _BUCKETS.get((word[0], len(word)))
    if not candidates:
        return word
    max_edits = _max_edits(len(word))
    found = process.extract(
        word, candidates, scorer=OSA.distance, score_cutoff=max_edits, limit=None
    )
    if not found:
        return word
    # fewest edits, then the longest shared start ("paus" → "pause", not "pass")
    best = min(found, key=lambda f: (f[1], -_shared_start(word, f[0]), f[2]))
    return str(best[0])


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _squeeze(word: str) -> str:
    """Undo stretched letters ("soooore", "heyyy"): try single, then double letters."""
    if not _RUNS.search(word):
        return word
    for repl in (r"\1", r"\1\1"):
        squeezed = _RUNS.sub(repl, word)
        if squeezed in KNOWN:
            return squeezed
        if len(squeezed) >= MIN_LENGTH:
            fixed = correct(squeezed)
            if fixed != squeezed:
                return fixed
    return word
