""" "Walked 30 min and did some hops, no pain at all": an area tried out, not the session.

Beside a recovery of an area ("the groin thing has settled"), a done word whose object is
a few of the return checks (hops, a jog, single-leg squats, a walk; coaching-facts, Safety:
the physios' readiness checks) says the runner tested the area; it logs no session. The
object must be counted ("some hops", "a few squats", "10 hops"): "did the hops" or "did
today's hops" is the session's work, and a session word ("did some hops from the session")
keeps it a log. Word-level only, so ``outcome`` and ``parts`` can call it.
"""

from __future__ import annotations

from typing import Final

from bot.core.understanding.features import Features, Hit
from bot.core.understanding.senses import Cue
from bot.core.understanding.words import NUMBER_WORDS, word_set

__all__ = ["only_tried_out", "tried_out"]

#: The return checks as a runner says them.
_CHECKS: Final = word_set(
    """hops hop hopping jog jogging jogs squats squat walk walks walking pogos pogo
    balance stand stands bounds"""
)
#: Words that count the check or say what kind ("some", "a few", "a couple of", "10",
#: "single leg").
_COUNTING: Final = word_set(
    """some a few couple of bit little bunch handful quick short gentle light easy single
    leg legged one sided test tests testing few several"""
)
_DONE_CUES: Final = (Cue.DONE, Cue.DID)


def tried_out(f: Features, hit: Hit) -> bool:
    """Whether the done word at ``hit`` takes a counted check as its object ("did some
    hops", "did a few single leg squats", "did 10 hops"), in a clause naming no session."""
    clause = f.clauses[hit.start]
    j = hit.end
    counted = False
    while j < len(f.words) and f.clauses[j] == clause:
        word = f.words[j]
        if word in _COUNTING or word in NUMBER_WORDS or word.isdigit():
            counted = counted or word not in ("single", "leg", "legged", "one", "sided")
            j += 1
            continue
        break
    if not counted or j >= len(f.words) or f.clauses[j] != clause or f.words[j] not in _CHECKS:
        return False
    return not any(Cue.SESSION in h.sense.cues and f.clauses[h.start] == clause for h in f.hits)


def only_tried_out(f: Features) -> bool:
    """Whether ``f`` has done words and every one takes a counted check ("walked 30 min
    and did some hops today")."""
    hits = [h for cue in _DONE_CUES for h in f.cues.get(cue, ())]
    return bool(hits) and all(tried_out(f, h) for h in hits)
