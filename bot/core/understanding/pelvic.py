"""Pelvic-floor signs: leaking, or heaviness or dragging down below, said of the runner now.

A careful physio reads "leaked a bit on the jumps today" or "heavy dragging feeling down
below after the pogos" as a warning sign: after giving birth (and for any runner) hops
and bounds should come without pain, leaking or heaviness (coaching-facts.md, "Safety":
Goom, Donnelly & Brockwell 2019). The coach keeps impact out and refers to a pelvic
health physio; it does not judge.

What counts (on the words as typed, before typo correction, which would read "bulging"
as "bugging"):

- a leak: a leak word ("leaked", "dribble", "wet myself", "a bit came out") with a word
  of the bladder ("wee", "pee", "urine", "bladder", "pelvic floor") or of the impact or
  effort that brought it on ("on the jumps", "when I land", "coughing", "running");
  "my shoes leak", "the bottle leaked", "my hydration bladder leaks" are things leaking;
- heaviness: a word of heaviness, dragging, bulging or pressure with a place that says
  where ("down there", "down below", "vaginal", "pelvic", "in my pelvis"), or a prolapse;
- the pelvic floor said to struggle ("pelvic floor not coping with the jumps").

What does not (nothing is stored, the FAQ may answer): a negated sign ("no leaking",
"didn't leak at all"); someone else's or the long past (``subject``: "my wife leaks when
she jumps", "used to leak years ago"); a supposition ("what if I leak?", "if I leak
should I stop?"); a general question, whose sign has no "I" as its subject ("is it normal
to leak a bit when jumping?"; but "why do I leak when I jump?" and "is it normal to leak
a bit when I do the jumps?" are the runner's own); a
sign said to be over for good ("had some leaking after my first, physio sorted it").

New bladder trouble stays an emergency sign (``RedFlag.BLADDER_BOWEL``: cauda equina)
unless a leak is said with the impact or effort that brings it on, and with no numbness
around the seat or in the legs, no back or nerve pain, and no "can't pee" or bowel trouble:
a leak on the jumps is a pelvic-floor sign, not an emergency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from bot.core.understanding.body import negated
from bot.core.understanding.cleared import CLINICIANS, VISIT_REASON, clinician_cleared
from bot.core.understanding.features import Features
from bot.core.understanding.words import PEOPLE, word_set

__all__ = ["PelvicSign", "pelvic_sign"]


@dataclass(frozen=True, slots=True)
class PelvicSign:
    """A pelvic-floor sign said of the runner now; ``triggered``: said with the impact or
    effort that brings it on (a leak on the jumps: no emergency bladder sign)."""

    triggered: bool


_LEAKS: Final = word_set(
    """leak leaks leaked leaking leakage leaky leakies dribble dribbles dribbled dribbling
    incontinence incontinent trickle trickled"""
)
#: Two or three words that say a leak ("wet myself", "a bit came out").
_LEAK_PHRASES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(p.split())
    for p in (
        "wet myself", "wetting myself", "wee myself", "weed myself", "pee myself", "peed myself",
        "peeing myself", "weeing myself", "wet my pants", "wet my knickers", "wet my shorts",
        "wet my leggings", "wet my undies", "bit came out", "little came out", "some came out",
        "drop came out", "few drops", "wee came out", "pee came out", "wee comes out",
        "pee comes out", "bit comes out", "little comes out", "some comes out",
        "wee escaped", "pee escaped", "bit escaped", "little escaped", "lose a bit of wee",
        "lost a bit of wee", "lose some wee", "lost some wee", "lose a bit of pee",
        "lost a bit of pee", "lost control of my bladder", "bladder gave way",
        "bladder gave out", "bladder gives way", "bladder gives out", "bladder let me down",
        "bladder lets me down", "bladder not coping", "bladder isnt coping", "bladder wasnt coping",
        "weak bladder", "bladder weakness", "bladder not great", "bladder wasnt great",
        "bladder isnt great", "stress incontinence", "wee a little", "wee a bit", "pee a little",
        "pee a bit", "weed a little", "weed a bit", "peed a little", "peed a bit", "wee a tiny",
        "pee a tiny", "bit of wee", "bit of pee", "drop of wee", "drops of wee", "drop of pee",
        "drops of pee", "bit of urine", "little wee", "little pee", "tiny bit of wee",
    )
)  # fmt: skip
_BLADDER: Final = word_set(
    """wee pee urine bladder wees pees weeing peeing pad pads knickers undies pants wet damp
    incontinence incontinent"""
)
#: The impact or effort that brings a leak or heaviness on.
_TRIGGERS: Final = word_set(
    """hop hops hopping hopped jump jumps jumping jumped pogo pogos skip skips skipping
    skipped bound bounds bounding land landed landing landings plyo plyos plyometrics
    drills strides sprint sprints sprinting run runs running ran jog jogging jogged cough
    coughs coughing coughed sneeze sneezes sneezing sneezed laugh laughing laughed lift
    lifting squat squats lunges impact trampoline star session workout exercises"""
)
#: Things that leak: "my shoes leaked", "the bottle leaks", "my hydration bladder leaked", and
#: other leaks of the body that are no pelvic-floor sign ("leaky nose", "leaking milk").
_THINGS: Final = word_set(
    """shoe shoes trainers bottle bottles flask flasks hydration camelbak reservoir vest pack
    roof tent jacket coat tap pipe pen battery gel gels pocket data info news watch phone
    boat window tyre tire hose tube bag gloves boots socks spikes water rain nose noses eye
    eyes ear ears gut sweat blister blisters wound cut milk breast breasts boob boobs nipple
    nipples period periods tampon menstrual air"""
)
_HEAVY: Final = word_set(
    """heavy heaviness dragging drag draggy bulge bulging bulgy pressure sagging saggy
    falling dropping weighed dragged"""
)
_HEAVY_PHRASES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(p.split())
    for p in (
        "prolapse", "prolapsed", "prolapsing", "bearing down", "something coming down",
        "something falling out", "falling out", "coming out down there", "a lump down there",
    )
)  # fmt: skip
#: Where heaviness is felt: the pelvic floor, not tired legs.
_PLACE_PHRASES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(p.split())
    for p in (
        "down there", "down below", "downstairs", "vaginal", "vaginally", "vagina", "vag",
        "pelvic", "pelvis", "pelvic floor", "between my legs", "lady bits", "my bits",
        "fanny", "perineum", "perineal", "undercarriage", "front bottom", "my floor",
    )
)  # fmt: skip
#: "pelvic floor" said to struggle.
_STRUGGLE: Final = word_set(
    """weak weaker weakness coping cope struggling struggled struggles gave give gives giving
    failing failed fails letting issue issues problem problems trouble playing"""
)
_FIRST_PERSON: Final = word_set("i im ive id my me")
_SUPPOSE: Final = word_set("if case whenever")
#: A sign said to be over for good ("physio sorted it", "doesn't happen any more").
_OVER: Final = word_set("sorted resolved fixed cured stopped healed")
_OVER_BY: Final = word_set("physio physiotherapist doctor gp treatment exercises ago")
#: Just before "stopped", the sign as its subject ("it stopped", "the leaking has stopped"),
#: not the runner stopping the work ("leaked a bit, stopped after that").
_STOPPED_BY: Final = word_set("it its leak leaks leaking leakage has have had all that")
#: Words that may stand between a first person and a sign it is the subject of ("I do
#: leak", "I still leak", "I've been leaking", "I get heaviness").
_SUBJECT_GAP: Final = word_set(
    """do did still always sometimes often also just really been have has get got keep kept
    tend feel felt a bit little bad badly definitely constantly """
)
_NEAR: Final = 8


def _phrase_at(words: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> list[int]:
    """Where each of ``phrases`` starts in ``words`` (only where a phrase's first word is)."""
    firsts = _FIRSTS[phrases]
    found: list[int] = []
    for i, word in enumerate(words):
        if word in firsts and any(tuple(words[i : i + len(p)]) == p for p in phrases):
            found.append(i)
    return found


#: The first words of each phrase list (``_phrase_at`` looks only where one stands).
_FIRSTS: Final = {
    phrases: frozenset(p[0] for p in phrases)
    for phrases in (_LEAK_PHRASES, _HEAVY_PHRASES, _PLACE_PHRASES, (("pelvic", "floor"),))
}


def _same_clause_near(f: Features, i: int, j: int) -> bool:
    return f.clauses[i] == f.clauses[j] and abs(i - j) <= _NEAR


def _leaks(f: Features, words: Sequence[str]) -> list[int]:
    """Positions of leak words said of a body, with a bladder or trigger word."""
    found = [i for i, w in enumerate(words) if w in _LEAKS]
    found += _phrase_at(words, _LEAK_PHRASES)
    kept: list[int] = []
    for i in sorted(set(found)):
        clause = [j for j in range(len(words)) if f.clauses[j] == f.clauses[i]]
        if any(words[j] in _THINGS for j in clause):
            continue  # "my shoes leaked on the run"
        said = words[i] in _BLADDER or any(
            words[j] in _BLADDER or words[j] in _TRIGGERS for j in range(len(words)) if j != i
        )
        if not said and not CLINICIANS.isdisjoint(words):
            # "physio said it's fine but I leaked again today": the runner's own, of the body
            said = _subject_is_me(words, i)
        if said or words[i : i + 2] in (("wet", "myself"), ("peed", "myself")):
            kept.append(i)
    return kept


def _heaviness(f: Features, words: Sequence[str]) -> list[int]:
    """Positions of heaviness said of the pelvic floor ("dragging feeling down below")."""
    places = _phrase_at(words, _PLACE_PHRASES)
    found = [
        i
        for i, w in enumerate(words)
        if w in _HEAVY and any(_same_clause_near(f, i, p) for p in places)
    ]
    found += _phrase_at(words, _HEAVY_PHRASES)
    floors = _phrase_at(words, (("pelvic", "floor"),))
    for i, w in enumerate(words):
        near = [p for p in floors if _same_clause_near(f, i, p)]
        if w not in _STRUGGLE or not near:
            continue
        if w in _COPING:  # "not coping": the negation is the sign, said of the floor
            if not _NOT_COPING.isdisjoint(words[max(i - 2, 0) : i]):
                found.append(near[0])
        elif not _negated_near(words, i):  # "no pelvic floor issues" is none
            found.append(near[0])
    return sorted(set(found))


_COPING: Final = word_set("coping cope")
_NOT_COPING: Final = word_set("not isnt wasnt cant cannot couldnt struggling never")


def _subject_is_me(words: Sequence[str], i: int) -> bool:
    """Whether a first person is the subject of the sign at ``i`` ("I leak", "why do I
    leak", "I've been leaking", "my pelvic floor feels heavy"), not an infinitive or a
    noun asked about ("is it normal to leak")."""
    j = i - 1
    while j >= 0 and i - j <= 4 and words[j] in _SUBJECT_GAP:
        j -= 1
    if j >= 0 and words[j] in _FIRST_PERSON:
        return True
    after = words[i + 1 : i + 6]  # "is it normal to leak a bit when I do the jumps?": hers
    if any(
        w in _WHEN_WORDS and after[k + 1 : k + 2] and after[k + 1] in _FIRST_PERSON
        for k, w in enumerate(after)
    ):
        return True
    return any(w in {"my", "me", "myself"} for w in words[max(i - 4, 0) : i + 4])


_WHEN_WORDS: Final = word_set("when whenever while whilst everytime")


def _supposed(words: Sequence[str], f: Features, i: int) -> bool:
    """ "if I leak", "in case I leak", "what if it leaks": the sign only supposed."""
    for j in range(i - 1, max(i - 5, -1), -1):
        if f.clauses[j] != f.clauses[i]:
            return False
        if words[j] in _SUPPOSE:
            return True
    return False


def _over(words: Sequence[str]) -> bool:
    """Whether the sign is said to be over for good ("physio sorted it", "stopped months
    ago"): a resolution word with who or what resolved it, or when."""
    over = [
        i
        for i, word in enumerate(words)
        if word in _OVER and (word != "stopped" or (i > 0 and words[i - 1] in _STOPPED_BY))
    ]
    return bool(over) and not _OVER_BY.isdisjoint(words)


#: Another person whose body it is ("my wife leaks when she jumps", "she gets heaviness").
_OTHERS: Final = PEOPLE | word_set(
    """she he hes shes her his they theyre someone somebody people runners women woman
    ladies lady mums moms mothers friends"""
)


def _someone_elses(f: Features, words: Sequence[str], i: int) -> bool:
    """Whether another person is named before the sign in its clause with no "I" after
    them ("my wife leaks", "loads of women leak"); ``subject`` finds most such, but only
    with a verb it knows after the person. The baby of a birth is no other ("had my baby
    last year and leaked on the jumps")."""
    for j in range(i - 1, max(i - 6, -1), -1):
        if f.clauses[j] != f.clauses[i] or words[j] in _FIRST_PERSON - {"my"}:
            return False
        if words[j] in _OTHERS and not _born(words, j):
            return True
    return False


#: Who a runner says they had ("had my baby", "had a little boy"): a birth, the runner's own.
_BIRTH_VERBS: Final = word_set("had having gave birth delivered")
_BIRTH_LINKS: Final = word_set("my a our the little baby to")


def _born(words: Sequence[str], j: int) -> bool:
    """Whether the person at ``j`` is a baby the runner says they had ("had my baby")."""
    k = j - 1
    while k >= 0 and j - k <= 3 and words[k] in _BIRTH_LINKS:
        k -= 1
    return k >= 0 and k < j - 1 and words[k] in _BIRTH_VERBS


def _counts(f: Features, words: Sequence[str], i: int) -> bool:
    """Whether the sign at ``i`` is the runner's own, now, and said (not denied, asked in
    general or supposed)."""
    if (i in f.foreign and not _said_as_now(f, words, i)) or negated(f, i):
        return False
    if _negated_near(words, i):
        return False
    if _someone_elses(f, words, i):
        return False
    if _supposed(words, f, i):
        return False
    clause = f.clauses[i]
    if clause in f.asked or clause in f.asking:
        return _subject_is_me(words, i)
    return True


#: Words that put a sign in the present ("leaked on the jumps today", "again", "still").
_NOW_WORDS: Final = word_set("today tonight now again still currently lately recently yesterday")


def _said_as_now(f: Features, words: Sequence[str], i: int) -> bool:
    """Whether a sign read as another's or the long past by ``subject`` is said as now in
    its own clause with no other person before it ("had my baby last year and leaked a bit
    on the jumps today": the birth is past, the leak is today's)."""
    clause = [j for j in range(len(words)) if f.clauses[j] == f.clauses[i]]
    if _NOW_WORDS.isdisjoint(words[j] for j in clause):
        return False
    return all(words[j] not in _OTHERS or _born(words, j) for j in clause if j < i)


_DENIALS: Final = word_set(
    "no not never without didnt dont doesnt havent hasnt wasnt isnt nothing zero"
)


def _negated_near(words: Sequence[str], i: int) -> bool:
    """ "no leaking", "didn't leak at all", "without any leaking", "not a drop": the words
    right before the sign deny it."""
    before = words[max(i - 3, 0) : i]
    return not _DENIALS.isdisjoint(before) and not ({"but", "though"} & set(before))


def _visit_reason(f: Features, words: Sequence[str], i: int) -> bool:
    """ "about the leaking", "for my leaks": the sign named as why the runner saw a
    clinician, in a message saying the clinician cleared them."""
    for j in range(i - 1, max(i - 4, -1), -1):
        if f.clauses[j] != f.clauses[i]:
            return False
        if words[j] in VISIT_REASON:
            return True
    return False


def _triggered(words: Sequence[str]) -> bool:
    return not _TRIGGERS.isdisjoint(words)


def pelvic_sign(f: Features, words: Sequence[str]) -> PelvicSign | None:
    """The pelvic-floor sign ``words`` (as typed, lower case, one a word of ``f``) say of
    the runner now, or None."""
    if _KEY_WORDS.isdisjoint(words):
        return None  # the cheap test: most messages hold none of these
    signs = [i for i in (*_leaks(f, words), *_heaviness(f, words)) if _counts(f, words, i)]
    if signs and clinician_cleared(words, asked=bool(f.asked or f.asking)):
        # "saw the physio about the leaking, she said I'm ok to hop": why the runner went
        signs = [i for i in signs if not _visit_reason(f, words, i)]
    if not signs or _over(words):
        return None
    return PelvicSign(triggered=_triggered(words))


#: Words too common to tell a message apart: no sign is found by them alone.
_COMMON: Final = word_set(
    """a bit little some my of the few tiny lose lost control gave gives way out
    let lets me down not isnt wasnt great coping something there weak weakness stress in
    between legs front"""
)
#: Words one of which every sign holds (the cheap test first).
_KEY_WORDS: Final = (
    _LEAKS
    | _HEAVY
    | frozenset(
        word
        for phrase in (*_LEAK_PHRASES, *_HEAVY_PHRASES, (("pelvic", "floor")))
        for word in phrase
        if word not in _COMMON
    )
)
