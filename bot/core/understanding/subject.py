"""Whose body, and when: feelings that are not the runner's own report now.

Read from the clause structure, before any report is built:

- someone else's body ("my friend has sciatica", "my wife's knee hurts"): the person word
  nearest before the feeling in its clause is another person, not "I" or "my";
- the long past ("had sciatica years ago", "used to get shin splints", "had covid back in
  october", "tendinopathy in the summer"): a clause naming a time long gone, unless a
  clause says a feeling is back ("hurt my calf back in october, it's sore again now");
- a topic read or heard about ("been reading about bone stress injuries"): the rest of its
  clause, unless the runner says they may have it ("...and I think I have one");
- a general question ("stress fracture prevention tips?"): a question with no "I", "me" or
  "my" anywhere that asks for advice (tips, prevention, risk, causes).

Those positions are ``foreign``: no feeling, sign or area there counts. A question with no
first person ("does the stretch help with lower back pain?") is ``asked`` about: its feeling
words and areas are the topic, not a report, but a warning sign in it still counts (a
warning sign missed is the worst error).
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.understanding.cleared import CLINICIANS
from bot.core.understanding.lexicon import LEXICON_WORDS
from bot.core.understanding.words import FILLER, PEOPLE, word_set

__all__ = [
    "NO_SUPPOSITION",
    "SUPPOSE_CUES",
    "Owners",
    "Supposed",
    "all_supposed",
    "opinions",
    "owners",
    "question_clauses",
    "supposed",
    "theirs",
]

_PEOPLE: Final = PEOPLE
#: Someone else as the one whose body it is: "he", "she's", "his", "my wife's", "my friend
#: has", "runners get"; a person named only in passing ("ran with a friend and calves
#: sore") is not.
_OTHER_SUBJECTS: Final = word_set(
    "she he hes shes his her someone somebody people runners anyone everyone your"
    " guy bloke fella chap lady woman man lad girl runner person"
)
_POSSESSIVE: Final = frozenset(word + "s" for word in _PEOPLE)
_PERSON_VERBS: Final = word_set(
    """has had have is was gets got get keeps says say said feels felt thinks suffers suffered
    reckons reckon told tells claims swears diagnosed did does missed skipped skips misses
    paused wants want wanted asked
    limped limps limping hurt hurts injured pulled tore twisted rolled sprained broke
    fainted collapsed passed blacked
    falls fell threw throws throwing vomited puked"""
)
_OTHERS: Final = (
    _PEOPLE
    | _OTHER_SUBJECTS
    | _POSSESSIVE
    | word_set("kids children group squad clients athletes friends members club team crew")
)
#: Words between a person and their verb: "my buddy just got...", "a mate of mine has...".
_BETWEEN: Final = word_set("just recently finally also apparently now of mine ours")
_BETWEEN_MAX: Final = 3


def _person_verb(words: tuple[str, ...], i: int) -> bool:
    """Whether a verb of a person follows words[i], past a few words between ("my buddy
    just got diagnosed", "a mate of mine has sciatica") or the person's name ("my running
    buddy sarah got diagnosed")."""
    for j in range(i + 1, min(i + 2 + _BETWEEN_MAX, len(words))):
        if words[j] in _PERSON_VERBS:
            return True
        if words[j] in _RELATIVE:  # "my mate dave who i run with on sundays has just..."
            return any(w in _PERSON_VERBS for w in words[j + 1 : j + 2 + _RELATIVE_MAX])
        if words[j] not in _BETWEEN and not (j == i + 1 and _name(words[j])):
            return False
    return False


_RELATIVE: Final = word_set("who whos that")
#: How far past "who" the person's own verb may come.
_RELATIVE_MAX: Final = 7


def _name(word: str) -> bool:
    """Whether ``word``, just after a person word, may be their name: a word of letters
    that is no common word, no person and no first person ("buddy sarah", not "buddy and")."""
    return (
        word.isalpha()
        and word not in FILLER
        and word not in LEXICON_WORDS
        and word not in _FIRST
        and word not in _OTHERS
    )


_FIRST: Final = word_set("i im ive id ill me my mine myself")
#: Words opening a clause that go on speaking of the others just named ("they've got",
#: "both got": not "both legs").
_THEY: Final = word_set("they theyve theyre theyd")
_BOTH_NEXT: Final = frozenset((w,) for w in word_set("got have had are were caught came been of"))


def _they(words: tuple[str, ...], i: int) -> bool:
    return words[i] in _THEY or (words[i] == "both" and words[i + 1 : i + 2] in _BOTH_NEXT)


_MONTHS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov",
)  # fmt: skip
_LONG_AGO: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(p.split())
    for p in (
        "years ago", "year ago", "ages ago", "long ago", "last year", "used to", "in the past",
        "as a kid", "years back", "a while back", "long gone", "yrs ago", "yr ago", "yrs back",
        "in the summer", "last summer", "last spring",
        "last autumn", "last winter",
        *(f"back in {month}" for month in _MONTHS),
    )
)  # fmt: skip
_ADVICE: Final = word_set(
    """
    tips tip prevent prevention preventing avoid avoiding risk risks cause causes advice
    symptoms symptom signs sign general true
    """
)
_WH: Final = word_set("how what whats when why which where any anything")
_AUX: Final = word_set("should can could would will is are am do does did shall may might")
_PRONOUNS: Final = word_set("i we you u")
_SUBJECTS: Final = word_set("it that this there the my a")
_DO: Final = word_set("do did")  # "did the session", "do it later": statements and commands
_OPENERS: Final = _WH | _AUX
#: Auxiliaries that open a question before any subject ("does foam rolling help?"); a
#: modal needs a pronoun or determiner after it ("will do it later" is a statement).
_INVERTED: Final = word_set("does is are")
_NOT_SUBJECTS: Final = word_set("not nt no so too very really quite still fine ok okay sore")
_PAST_STARTS: Final = frozenset(p[0] for p in _LONG_AGO)
#: "it throbs at night now, which it never used to": what is new, not the long past.
_NEVER_USED: Final = word_set("never not didnt didn")
_PAST_HINTS: Final = frozenset(
    {"ago", "year", "years", "used", "past", "kid", "while", "gone", "summer", "spring",
     "autumn", "winter", "back"}
)  # fmt: skip
_FOREIGN_HINTS: Final = _OTHERS | _PAST_HINTS | frozenset({"little"})
_NONE: Final[frozenset[int]] = frozenset()

Owners = tuple[frozenset[int], frozenset[int]]


def question_clauses(words: tuple[str, ...], clauses: tuple[int, ...]) -> frozenset[int]:
    """The clauses that open as a question: a question word ("how sore is too sore"), or a
    modal or auxiliary before its subject ("should I...", "is it ok..."), not a command
    ("do it tomorrow" has no subject after "do" as a question would)."""
    if not words or _OPENERS.isdisjoint(words):
        return frozenset()
    starts = (0,) if not clauses[-1] else _clause_starts(clauses)
    found: set[int] = set()
    for i in starts:
        word = words[i]
        if word not in _OPENERS:
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in _WH or (word in _AUX and following in _PRONOUNS):
            found.add(clauses[i])
        elif word in _AUX and word not in _DO and following in _SUBJECTS:
            found.add(clauses[i])  # "is it ok", "should the knee..." (not "do it later")
        elif word in _INVERTED and following and following not in _NOT_SUBJECTS:
            found.add(clauses[i])  # "does foam rolling help...", "are tight calves normal"
    return frozenset(found)


_MINE: Final = word_set("my mine me myself im ive")
_I_HAVE: Final = word_set("have had got get keep feel felt am was hurt")


#: Words of worry: "worried about shin splints" tells of no shin now.
_FEARS: Final = word_set("worried worry worries scared afraid nervous concerned paranoid terrified")


#: Words before a question that tell of no now of the runner's: someone else's, the past,
#: a recovery, something read or heard.
_NOT_TOLD: Final = _FOREIGN_HINTS | word_set(
    "recovered healed ago last read heard reading hearing seen saw told says said"
)


def _told_before(
    words: tuple[str, ...], clauses: tuple[int, ...], asking: frozenset[int]
) -> frozenset[int]:
    """The clauses before the first one asked that tell of the runner's now, with no word
    of advice or prevention in them ("shin pain getting worse every run, now walking hurts
    too. how do I avoid a stress fracture?"); none when the question comes first."""
    first = min(asking, default=None)
    if not first:
        return frozenset()
    before = [w for i, w in enumerate(words) if clauses[i] < first]
    if not _NOT_TOLD.isdisjoint(before) or not _READING.isdisjoint(before):
        return frozenset()  # "had shin splints last year", "my clubmate...", "read that..."
    advice = {clauses[i] for i, w in enumerate(words) if w in _ADVICE or w in _WH or w in _FEARS}
    return frozenset(c for c in range(first) if c not in advice)


def _own(words: tuple[str, ...]) -> bool:
    """Whether the runner speaks of their own body ("my", "I've got", "I have"), not only
    asks ("how do I...", "how would I know if I had one")."""
    if any(w in _MINE and not _of_another(words, i) for i, w in enumerate(words)):
        return True
    return any(
        w == "i" and words[i + 1 : i + 2] and words[i + 1] in _I_HAVE and words[i - 1] != "if"
        for i, w in enumerate(words)
    )  # not "how would I know if I had one?"


def _of_another(words: tuple[str, ...], i: int) -> bool:
    """Whether the "my" at ``i`` names another person ("my friend", "my wife's", "a mate of
    mine"): their body, not the runner's."""
    if words[i] == "mine":
        return i > 1 and words[i - 1] == "of" and words[i - 2] in _OTHERS
    following = words[i + 1 : i + 3]
    if words[i] != "my" or not following:
        return False
    return following[0] in _OTHERS or (
        following[0] in _OWNER_HEDGES and len(following) > 1 and following[1] in _OTHERS
    )


#: Words between "my" and a person ("my best friend", "my running buddy").
_OWNER_HEDGES: Final = word_set("best old running training club little big older younger")
_YEAR_BEFORE: Final = frozenset({"in"})


_YEAR_RE: Final = re.compile(r"\b(?:19|20)[0-9][0-9]\b")


def _years(words: tuple[str, ...]) -> list[int]:
    """Positions of years ("2023") after the first word, in a message with "in"."""
    if "in" not in words or not _YEAR_RE.search(" ".join(words)):
        return []
    return [
        i
        for i, w in enumerate(words)
        if i and len(w) == 4 and w[0] in "12" and w.isdigit() and w[:2] in ("19", "20")
    ]


_DEFINING: Final = (("whats", "a"), ("whats", "an"), ("what", "is", "a"), ("what", "is", "an"),
             ("what", "are"))  # fmt: skip


def _defines(words: tuple[str, ...]) -> bool:
    """ "what's a bone stress injury?", "what are shin splints?": asks what a thing is."""
    if not words or words[0] not in ("what", "whats"):
        return False
    said = tuple(word for word in words[:5] if word not in _HEDGES)  # "what's actually a..."
    return any(said[: len(p)] == p for p in _DEFINING)


_HEDGES: Final = word_set("exactly actually even so")
_HOW_ASKED: Final = word_set("do can to would should could")
_NOT_HAVING: Final = word_set("not avoid stop prevent never dodge")


def _avoiding(words: tuple[str, ...]) -> bool:
    """ "how do I not end up with a stress fracture", "how can I stop getting shin
    splints": asks how to keep a thing away, no report of having it."""
    for i, word in enumerate(words[:-2]):
        if word == "how" and words[i + 1] in _HOW_ASKED:
            rest = words[i + 2 : i + 5]
            if not _NOT_HAVING.isdisjoint(rest):
                return True
    return False


def _hypothetical(
    words: tuple[str, ...], clauses: tuple[int, ...], asking: frozenset[int]
) -> set[int]:
    """The asked clauses that suppose ("what if my knee hurts during the hops?")."""
    found: set[int] = set()
    for i in _clause_starts(clauses) if clauses and clauses[-1] else (0,):
        if clauses[i] in asking and words[i : i + 2] == ("what", "if"):
            found.add(clauses[i])
    return found


_SUPPOSE: Final = word_set("if case suppose supposing")
#: Verbs of a feeling still to come ("if my shin starts to hurt", "if it gets sore",
#: "in case my knee flares up").
_ONSET: Final = word_set(
    "starts start started starting begins begin began gets get got getting flares flare flared"
    " comes"
)
_ONSET_WINDOW: Final = 5


def _onset_supposed(words: tuple[str, ...], clauses: tuple[int, ...]) -> set[int]:
    """The clauses of a question that suppose a feeling to come ("if my shin starts to
    hurt should I keep going?", "what happens if my hip gets sore?")."""
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in _SUPPOSE or (word == "case" and words[i - 1 : i] != ("in",)):
            continue
        window = range(i + 1, min(i + 1 + _ONSET_WINDOW, len(words)))
        if any(
            words[j] in _ONSET and clauses[j] == clauses[i] and words[j - 1] not in _PRONOUNS
            for j in window
        ):  # not "if I start the session my knee hurts": a feeling each time, now
            found.add(clauses[i])
    return found


#: Words that make all that follows a supposition: "hypothetically, if I got...".
_IN_THEORY: Final = word_set("hypothetically hypothetical theoretically theory")
#: After "if I": a supposed event, not a state now ("if I get a stress fracture", "if I
#: got pins and needles", "if I ever...", "if I were to...").
_IF_I_SUPPOSED: Final = word_set("get got ever were had end")
#: "say I'm away...", "let's say I...": a supposition opens the clause.
_SAY_WHO: Final = word_set("i im id ill ive my we")
_SAY: Final = word_set("say suppose supposing imagine")
#: A day still to come in an "if" clause ("if my calves are still sore tmrw").
_LATER: Final = word_set("tomorrow tmrw tmr tomoz tonight later next week weekend")
#: Words without which nothing is supposed (``supposed`` is not worth calling).
SUPPOSE_CUES: Final = word_set(
    "if say lets suppose supposing imagine hypothetically hypothetical theoretically theory"
)

#: Words that say a supposed thing has happened ("if I get numbness again", "what if it's
#: still numb now"): its warning signs still count.
_HAPPENED: Final = word_set("again still yesterday today now already currently anymore")
#: (supposed, later): the clauses that suppose (no report, no setting: "what happens if I
#: get a stress fracture", "say I'm away a week"), and the "if" clauses of a time to come
#: ("if my calves are still sore tmrw"): no feeling there counts but a warning sign.
Supposed = tuple[frozenset[int], frozenset[int]]
NO_SUPPOSITION: Final[Supposed] = (frozenset(), frozenset())


def supposed(words: tuple[str, ...], clauses: tuple[int, ...]) -> Supposed:
    """The clauses said as a supposition, not as the runner's now (see ``Supposed``): after
    "hypothetically"; "what if", "what happens if", "if I get/got/ever/were"; "say I",
    "let's say"; and an "if" clause naming a day to come."""
    if SUPPOSE_CUES.isdisjoint(words):
        return NO_SUPPOSITION
    found: set[int] = set()
    later: set[int] = set()
    n = len(words)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1 : i + 3]
        if word in _IN_THEORY and (word != "theory" or before == "in"):
            found.update(clauses[i:])  # "hypothetically, if I got pins and needles..."
            break
        if word == "if":
            if before in ("what", "happens", "happen"):
                found.add(clauses[i])  # "what if...", "what happens if..."
            elif after[:1] == ("i",) and after[1:] and after[1] in _IF_I_SUPPOSED:
                found.add(clauses[i])  # "if I got pregnant next year..."
            elif any(words[j] in _LATER and clauses[j] == clauses[i] for j in range(i + 1, n)):
                later.add(clauses[i])  # "if my calves are still sore tmrw, skip?"
        elif word in _SAY and after[:1] and after[0] in _SAY_WHO:
            opens = not i or clauses[i - 1] != clauses[i] or before in ("lets", "so", "but")
            if opens:
                found.add(clauses[i])  # "say I'm away for a week in feb..."
    later |= {clauses[i] + 1 for i in _if_openers(words, clauses) if clauses[i] in later}
    if found and not _HAPPENED.isdisjoint(words):
        happened = {clauses[i] for i, w in enumerate(words) if w in _HAPPENED}
        later |= found & happened  # "if I get numbness again like yesterday": a sign counts
        found -= happened
    return frozenset(found), frozenset(later - found)


def _if_openers(words: tuple[str, ...], clauses: tuple[int, ...]) -> list[int]:
    """The positions of an "if" that opens its clause: "if it rains tomorrow, I'll skip"
    supposes the clause after it too."""
    return [i for i, w in enumerate(words) if w == "if" and (not i or clauses[i - 1] != clauses[i])]


_ASKING_AUX: Final = word_set("should can could would will do does did is am")
_ASKED_OF: Final = word_set("i that it this")


def all_supposed(
    words: tuple[str, ...],
    clauses: tuple[int, ...],
    question: bool,
    f_sets: tuple[frozenset[int], ...],
) -> bool:
    """Whether a message only supposes and asks ("say I'm away a week, do I lose it all?",
    "if my calves are still sore tmrw should I skip"): each clause supposed or asking
    (``f_sets``: supposed, later, asking), and a question is asked."""
    supposed_, later, asking = f_sets
    if not (supposed_ or later):
        return False
    asks = (
        question
        or bool(asking)
        or any(
            w in _ASKING_AUX and words[i + 1 : i + 2] and words[i + 1] in _ASKED_OF
            for i, w in enumerate(words)
        )
    )
    marked = supposed_ | later | asking
    return asks and all(c in marked for c in set(clauses))


def _clause_starts(clauses: tuple[int, ...]) -> list[int]:
    return [0, *(i for i in range(1, len(clauses)) if clauses[i] != clauses[i - 1])]


#: Words that bring a clause about the past back to now ("stress fracture last year and now
#: it hurts again when I hop").
_NOW: Final = word_set("now currently lately nowadays recently today tonight")


#: A feeling said to be back ("sore again", "still hurts", "flared up"), in a clause of now.
_AGAIN: Final = word_set("again still flared flaring returned recurring")
_HURTS: Final = word_set(
    "sore hurts hurt hurting pain painful aching aches ache achy tight niggle twinge sharp"
    " throbbing throbs swollen flared flaring"
)


#: How often bone stress came back ("two stress reactions", "my second stress fracture").
_REPEATS: Final = word_set(
    "two 2 three 3 four couple second third another several multiple repeated"
)


def _repeated_bone_stress(words: tuple[str, ...], clauses: tuple[int, ...]) -> set[int]:
    """The clauses telling of repeated bone stress injuries ("had two stress reactions last
    year"): their past is the warning sign itself (low energy availability, RED-S; the
    facts' Safety section), so they are not set aside as the past."""
    return {
        clauses[i]
        for i, word in enumerate(words)
        if word == "stress" and not _REPEATS.isdisjoint(words[max(0, i - 3) : i])
    }


def _back_again(words: tuple[str, ...], clauses: tuple[int, ...]) -> bool:
    """Whether a clause says a feeling is back ("hurt my calf back in october, it's sore
    again now", "sore in the summer and it hurts again"): the old injury is hurting now."""
    if _AGAIN.isdisjoint(words):
        return False
    now = {c for i, c in enumerate(clauses) if words[i] in _AGAIN}
    return any(clauses[i] in now and w in _HURTS for i, w in enumerate(words))


def _turned_to_now(
    words: tuple[str, ...], clauses: tuple[int, ...], past: set[int]
) -> frozenset[int]:
    """The positions of a past clause from a word of now on, after a past phrase or year."""
    turned: set[int] = set()
    seen_past: set[int] = set()
    for i, word in enumerate(words):
        clause = clauses[i]
        if clause not in past:
            continue
        if word in _PAST_HINTS or (len(word) == 4 and word.isdigit()):
            seen_past.add(clause)
        elif word in _NOW and clause in seen_past:
            turned.update(j for j in range(i, len(words)) if clauses[j] == clause)
    return frozenset(turned)


def owners(
    words: tuple[str, ...],
    clauses: tuple[int, ...],
    question: bool,
    asking: frozenset[int],
    supposition: Supposed = NO_SUPPOSITION,
) -> Owners:
    """(foreign, asked): the word positions that are no report of the runner's now, and the
    clauses only asked about (see the module doc). ``question``: the message has a "?";
    ``asking``: ``question_clauses``."""
    n = len(words)
    if (
        (question or asking)
        and (not _ADVICE.isdisjoint(words) or _defines(words) or _avoiding(words))
        and not _own(words)
    ):
        told = _told_before(words, clauses, asking)  # "shin pain getting worse every run.
        # how do I avoid a stress fracture?": the report before the question is the runner's
        return frozenset(i for i in range(n) if clauses[i] not in told), frozenset()
    hypothetical = _hypothetical(words, clauses, asking) if asking and "if" in words else set()
    if question and not _SUPPOSE.isdisjoint(words):
        hypothetical |= _onset_supposed(words, clauses)
    hypothetical |= supposition[0]
    asked = asking if asking and _FIRST.isdisjoint(words) else _NONE
    if hypothetical and not _HAPPENED.isdisjoint(words):  # "what if it's still numb?"
        happened = {clauses[i] for i, w in enumerate(words) if w in _HAPPENED}
        asked = asked | (hypothetical & happened)
        hypothetical -= happened
    if supposition[1]:
        asked = asked | supposition[1]
    years = _years(words)
    read = _read_about(words, clauses) if not _READING.isdisjoint(words) else _NONE
    if _FOREIGN_HINTS.isdisjoint(words) and not hypothetical and not years:
        return read, asked
    long_ago = not _PAST_HINTS.isdisjoint(words)
    past = (
        {
            clauses[i]
            for i in range(n)
            if words[i] in _PAST_STARTS
            for p in _LONG_AGO
            if words[i : i + len(p)] == p and not (i and words[i - 1] in _NEVER_USED)
        }
        if long_ago
        else set()
    )
    past |= {clauses[i] for i in years if words[i - 1] in _YEAR_BEFORE}  # "back in 2023"
    if past and _back_again(words, clauses):
        past = set()  # "hurt my calf back in october, it's sore again now": it is back
    if past and "stress" in words:
        past -= _repeated_bone_stress(words, clauses)
    turned = _turned_to_now(words, clauses, past) if past else _NONE
    foreign: set[int] = set()
    named_others: set[int] = set()
    owner_other = False
    echoed = _echoed(words)  # "my friend's knee hurts and so does mine": the runner's too
    for i in range(n):
        if i and clauses[i - 1] != clauses[i]:
            # "the kids had me up, both got a fever": they, the others just named; "she
            # rolled her ankle, it's all swollen": it, the part of theirs just named
            owner_other = clauses[i - 1] in named_others and (
                _they(words, i) or (owner_other and _theirs_again(words, clauses, i))
            )
        if words[i] in _OTHERS:
            named_others.add(clauses[i])
        word = words[i]
        following = words[i + 1] if i + 1 < n else ""
        if word in _THIRD_PERSON and _clinician_speaks(words, i):
            owner_other = False  # "saw the physio, she says stress reaction": her view
        elif word in _OTHER_SUBJECTS or word in _POSSESSIVE:
            owner_other = True
        elif word in _OTHERS and _person_verb(words, i):
            owner_other = True  # "my friend has sciatica", "kids have..."
        elif word == "little" and following in _LITTLE_ONE and _person_verb(words, i + 1):
            owner_other = True  # "my little one has a fever": a child's
        elif word == "mine" and words[i - 1] == "of":
            pass  # "a mate of mine has...": still the mate
        elif word in _FIRST and following not in _OTHERS and not (i and words[i - 1] in _RELATIVE):
            owner_other = False  # not "my mate who I run with has...": still the mate
        if (
            (owner_other and not echoed)
            or (clauses[i] in past and i not in turned)
            or clauses[i] in hypothetical
        ):
            foreign.add(i)
    return frozenset(foreign) | read, asked


_THIRD_PERSON: Final = word_set("she he they")
_LITTLE_ONE: Final = word_set("one ones")
#: How far back a pronoun looks for the clinician it stands for.
_PRONOUN_REACH: Final = 8


def _clinician_speaks(words: tuple[str, ...], i: int) -> bool:
    """Whether the "she" or "he" at ``i`` is a clinician the runner saw, giving a view on
    the runner's body ("saw the physio, she says stress reaction", "had my gp appt, he
    thinks it's a stress fracture"): the nearest person named before it is the clinician,
    no one else was named before them, and a verb of opinion follows. Their view is read
    as ``opinions`` reads it (a warning sign named there counts)."""
    if words[i + 1 : i + 2] and words[i + 1] not in _OPINION_VERBS:
        return False
    for k in range(i - 1, max(-1, i - 1 - _PRONOUN_REACH), -1):
        if words[k] in CLINICIANS or words[k] in ("appt", "appointment"):
            return _OTHERS.isdisjoint(words[:k])  # "my wife saw the physio, she...": hers
        if words[k] in _OTHERS:
            return False
    return False


#: Words opening a clause that go on speaking of a thing just named ("it's all swollen").
_IT: Final = word_set("its it thats which")


def _theirs_again(words: tuple[str, ...], clauses: tuple[int, ...], i: int) -> bool:
    """Whether the clause opening at ``i`` goes on about a part of another's body named in
    the clause before ("she rolled her ankle, it's all swollen"): it opens with "it" and
    that clause said "his", "her" or "their"."""
    if words[i] not in _IT:
        return False
    k = i - 1
    while k >= 0 and clauses[k] == clauses[i - 1]:
        if words[k] in _THEIR:
            return True
        k -= 1
    return False


#: Someone whose word on the runner's body is theirs, not a feeling the runner reports:
#: another person, or a clinician or coach ("my physio says my hips are tight").
_ADVISERS: Final = word_set(
    """physio physios physiotherapist doctor doc dr gp therapist masseuse masseur osteo
    osteopath chiro chiropractor podiatrist coach coaches trainer surgeon consultant nurse
    he she they everyone everybody people"""
)
#: Verbs of an opinion or advice: what follows is what the other person thinks.
_OPINION_VERBS: Final = word_set(
    """says said say thinks thought think reckons reckoned reckon believes believed
    suggests suggested reckoning told tells reckons"""
)
_OPINION_GAP: Final = word_set("just also apparently always keeps kept has had even")
#: Where the runner's own words start again after an opinion ("...but I don't feel it",
#: "...so pause me").
_OPINION_ENDS: Final = word_set("but though although however whereas so")
_OWN_AGAIN: Final = word_set("i im ive")


def opinions(words: tuple[str, ...], clauses: tuple[int, ...]) -> frozenset[int]:
    """The positions of what another person thinks or says of the runner's body, from the
    verb to the end of its clause or a "but" ("my physio says my hips are tight", "she
    thinks my hip flexors are tight but I don't feel anything"): their view, no report
    of the runner's (``features.scan`` keeps any warning sign said there)."""
    if _OPINION_VERBS.isdisjoint(words):
        return _NONE
    found: set[int] = set()
    n = len(words)
    for i, word in enumerate(words):
        if word not in _OPINION_VERBS or not i or words[i + 1 : i + 2] == ("about",):
            continue  # "physio said about the hamstring": a quote cut (``reported``)
        k = i - 1
        while k > 0 and words[k] in _OPINION_GAP and clauses[k] == clauses[i]:
            k -= 1
        holder = words[k]
        if clauses[k] != clauses[i] or not (holder in _ADVISERS or holder in _OTHERS):
            continue
        j = i + 1
        while j < n and clauses[j] == clauses[i] and words[j] not in _OPINION_ENDS:
            if words[j] in _OWN_AGAIN and words[j - 1] in ("and", "so"):
                break  # "...and I think so too": the runner's own again
            found.add(j)
            j += 1
    return frozenset(found)


#: Reading or hearing about a thing: "been reading about bone stress injuries", "saw a
#: video on shin splints", "heard about runner's knee".
_READING: Final = word_set(
    "reading read heard hearing article articles video videos podcast blog blogs"
)
_READ_OF: Final = word_set("about on saying says said claiming")
_READ_BETWEEN: Final = word_set("up a an this that some lots lot loads of all")
#: The runner wondering whether they have it too: then the thing read about counts.
_SUSPECT: Final = word_set("think might may could reckon worried worry afraid scared suspect")
_HAVE_ONE: Final = word_set("have got had")


def _read_about(words: tuple[str, ...], clauses: tuple[int, ...]) -> frozenset[int]:
    """The positions of what the runner read or heard about ("been reading about bone stress
    injuries since a club mate got one"), to the end of its clause: a topic, no report of
    theirs; none when they say they may have it ("...and I think I have one")."""
    for i, word in enumerate(words):
        if word in ("i", "im", "ive") and not _SUSPECT.isdisjoint(words[i + 1 : i + 3]):
            return _NONE  # "I think I might have one"
        if (
            word in ("i", "ive")
            and words[i + 1 : i + 2]
            and words[i + 1] in _HAVE_ONE
            and words[i + 2 : i + 3] in (("one",), ("it",), ("that",))
        ):
            return _NONE  # "I've got one", "I have it"
    found: set[int] = set()
    for i, word in enumerate(words):
        if word not in _READING:
            continue
        j = i + 1
        while j < len(words) and words[j] in _READ_BETWEEN and clauses[j] == clauses[i]:
            j += 1
        if j < len(words) and words[j] in _READ_OF and clauses[j] == clauses[i]:
            found.update(k for k in range(j, len(words)) if clauses[k] == clauses[i])
    return frozenset(found)


_ECHOES: Final = (("me", "too"), ("so", "does", "mine"), ("so", "do", "i"), ("same", "here"),
           ("me", "aswell"), ("mine", "too"), ("mine", "is"), ("mine", "does"),
           ("mine", "hurts"), ("mine", "feels"), ("mine", "has"), ("i", "do", "too"),
           ("so", "is", "mine"), ("mine", "as", "well"), ("me", "as", "well"))  # fmt: skip
_ECHO_STARTS: Final = frozenset(e[0] for e in _ECHOES)


def _echoed(words: tuple[str, ...]) -> bool:
    """Whether the runner says another's feeling is theirs too ("so does mine", "mine is
    sore too", "me too"): then no feeling there is only the other's (the cautious reading)."""
    if _ECHO_STARTS.isdisjoint(words):
        return False
    for i, word in enumerate(words):
        if word not in _ECHO_STARTS or (word == "mine" and i and words[i - 1] == "of"):
            continue  # not "a mate of mine has..."
        if any(words[i : i + len(e)] == e for e in _ECHOES if e[0] == word):
            return True
    return False


_THEIR: Final = word_set("his her their hers theirs")
_DOERS: Final = _PEOPLE | word_set("she he they kids children")


def _doer_before(words: tuple[str, ...], clauses: tuple[int, ...], at: int) -> bool:
    """Whether another person is the subject before words[at] in its clause ("my mate
    missed...", "my wife is away..."), with no "I" between."""
    if at and clauses[at - 1] == clauses[at] and words[at - 1] in _POSSESSIVE:
        return True  # "my mate's off skiing", "wife's away": the person is the subject
    k = at - 1
    while k >= 0 and clauses[k] == clauses[at]:
        if words[k] in _FIRST:
            return False
        if words[k] in _DOERS and _person_verb(words, k):
            return True
        k -= 1
    return False


_SHARED: Final = word_set("we us both together")
_FOR_ME: Final = word_set("me mine myself us")


def theirs(
    words: tuple[str, ...], clauses: tuple[int, ...], foreign: frozenset[int], at: int, end: int
) -> bool:
    """Whether the log or break word at words[at:end] is another person's ("my mate missed
    his session", "my wife is away next week", "told my friend to pause her training"),
    not one shared with the runner ("hubby did it with me", "we both did it")."""
    if words[end : end + 1] and words[end] in _THEIR:
        return True  # "missed his session", "pause her training"
    if at not in foreign or not _FOR_ME.isdisjoint(words[end : end + 3]):
        return False  # "my son sprained his ankle so no session for me"
    if not _doer_before(words, clauses, at):
        return False  # "friend's wedding on the 20th so no session that day": the runner's
    clause = [w for j, w in enumerate(words) if clauses[j] == clauses[at]]
    shared = any(
        w == "with" and k + 1 < len(clause) and clause[k + 1] in ("me", "us")
        for k, w in enumerate(clause)
    )
    return not shared and _SHARED.isdisjoint(clause)
