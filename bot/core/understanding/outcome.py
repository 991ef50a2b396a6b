"""Done and skipped: which done or skip phrases count, effort, notes and reasons.

Done and skip in one message is DONE (part of the session was done). A done or skip
verb with an off-topic object ("finished the book", "skipped breakfast") or a run as
object ("finished my run") does not count. A negated done ("didn't finish") is a skip,
unless "yet" says it is still to come. A past day named ("did it yesterday", "Monday's
session") is the log's day (``when.log_day``).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Final

from bot.core.understanding.body import feeling_hits, negated, session_titles
from bot.core.understanding.extract import note_text, reason_text
from bot.core.understanding.features import Features, Hit
from bot.core.understanding.fine import fine_reading
from bot.core.understanding.message import DONE_EMOJI, Message
from bot.core.understanding.model import EffortLabel, Intent, IntentKind, Unclear
from bot.core.understanding.numbers import (
    bare_rating_at,
    effort_number,
    effort_span,
    odd_effort,
    odd_rating,
)
from bot.core.understanding.questions import asks_permission
from bot.core.understanding.senses import Cue
from bot.core.understanding.subject import theirs
from bot.core.understanding.tried import only_tried_out
from bot.core.understanding.when import day_said, log_days, unclear_log_day
from bot.core.understanding.words import word_set

__all__ = ["before_asked", "done_later", "outcome", "rated_session"]

_WORK: Final = frozenset({Cue.SESSION, Cue.EXERCISE, Cue.HOP})
_QUESTION_WORDS: Final = frozenset({"what", "how", "when", "why", "which", "where", "who"})
_DID_OBJECTS: Final = word_set(
    """it that this them all everything todays today rest most half some hip hips yday ydays mondays
    tuesdays wednesdays thursdays fridays saturdays sundays yesterdays yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday mon mons tue tues wed weds
    thu thurs fri fris sat sats sun suns day one ones jumps plyos plyo hops"""
)
"""What a lone "did" takes to mean a session done: the session itself, or a day's ("did
yesterday's", "did fri's one", "did the day before yesterday's")."""


#: Kinds of exercise as a bare plural: "can't do jumps" says what a runner can do in
#: general; "skip the session", "can't do it today" are logs.
_KINDS_OF_WORK: Final = word_set(
    """jumps jumping plyos plyometrics hops hopping squats lunges bridges planks burpees
    deadlifts nordics"""
)


#: Named days a skip or done may take as its object ("missed christmas eve's session"),
#: not the season ("skipped christmas").
_HOLIDAY_FIRST: Final = word_set("christmas xmas boxing")
_HOLIDAY_SECOND: Final = word_set("day eve eves")


def _holiday_at(f: Features, j: int) -> bool:
    if f.words[j] in ("nye", "nyd"):
        return True
    return f.words[j] in _HOLIDAY_FIRST and f.words[j + 1 : j + 2] in (
        ("day",),
        ("eve",),
        ("eves",),
    )


#: What a runner misses that is no session: "miss those days", "miss the old times".
_BYGONE: Final = word_set("days times years era")


_THOSE: Final = word_set("those the them old good olden")


def _longing(words: tuple[str, ...], j: int) -> bool:
    """ "(miss) those days", "(miss) the good old times": a time gone by, no session."""
    while j < len(words) and words[j] in _THOSE:
        j += 1
    return j < len(words) and words[j] in _BYGONE and words[j - 1] in _THOSE


#: Before a present "miss", what makes it longing ("i really miss them", "honestly miss
#: the jumps"), not a session missed.
_FONDLY: Final = word_set("really truly honestly so do kinda actually properly genuinely")


#: After a skip, an amount of sessions with no day ("missed some", "skipped a few").
_SOME: Final = word_set("some few several couple loads lots most many")


#: "should i", "can i", "shall i", "do i": a question of the runner's own.
_ASKING_PAIRS: Final = frozenset(
    (verb, "i") for verb in ("should", "shall", "can", "could", "do", "must", "would")
)


def _asked_whether(f: Features, hit: Hit) -> bool:
    """A skip in the last clause, after "should i" or the like, of a message ending in a
    question ("...so should I do the session after it or skip it?"): asked, not done."""
    clause = f.clauses[hit.start]
    if clause != f.clauses[-1]:
        return False
    start = next(i for i, c in enumerate(f.clauses) if c == clause)
    before = f.words[start : hit.start]
    return any(pair in _ASKING_PAIRS for pair in pairwise(before))


def _missed_dearly(f: Features, hit: Hit) -> bool:
    """A present "miss" said with feeling ("i really miss them"): longing, no skip."""
    if f.words[hit.start : hit.end] != ("miss",) or hit.start == 0:
        return False
    return f.words[hit.start - 1] in _FONDLY and Cue.TODAY not in f.cues


def _run_before(f: Features, hit: Hit) -> bool:
    """Whether a run is named just before a "done" ("got my long run done", "tempo run
    done and dusted") in its clause: what was done is the run."""
    if f.words[hit.start] not in ("done", "finished", "completed", "ticked"):
        return False
    before = next((h for h in f.hits if h.end == hit.start), None)
    if before is None or f.clauses[before.start] != f.clauses[hit.start]:
        return False
    cues = before.sense.cues
    return (Cue.RUN in cues or Cue.RACE in cues) and Cue.SESSION not in cues


#: Impact drills named beside "skipping" ("no hopping or skipping for a month"): then the
#: skipping is the drill, not a session left out.
_DRILLS: Final = word_set("hopping hops jumping jumps bounding bounds running plyos pogos")


def _skipping_drill(words: tuple[str, ...], i: int) -> bool:
    """Whether "skipping" at ``i`` is the drill ("no hopping or skipping", "skipping rope",
    "skipping and bounding"), not a session left out."""
    if words[i] not in ("skipping", "skips"):
        return False
    before, after = words[max(i - 2, 0) : i], words[i + 1 : i + 3]
    return (
        before[-1:] == ("no",)
        or (len(before) == 2 and before[1] in ("or", "and") and before[0] in _DRILLS)
        or after[:1] in (("rope",), ("drills",))
        or (len(after) == 2 and after[0] in ("or", "and") and after[1] in _DRILLS)
    )


_WORN: Final = word_set("are is am im feel feels feeling felt totally completely absolutely proper")


def _done_in(words: tuple[str, ...], hit: Hit) -> bool:
    """Whether the done word is "done in" said of the runner ("my legs are done in")."""
    return (
        words[hit.start] == "done"
        and hit.end - hit.start == 1
        and words[hit.end : hit.end + 1] == ("in",)
        and hit.start > 0
        and words[hit.start - 1] in _WORN
    )


_JOINS: Final = frozenset({"and", "plus", "then"})
_JOINED_SPAN: Final = 8


def _session_joined(f: Features, hit: Hit) -> bool:
    """Whether the done verb's objects, joined in its clause, name the session ("did my
    long run and the hip session", "finished the run then the mobility")."""
    clause, n = f.clauses[hit.start], len(f.words)
    for k in range(hit.end, min(hit.end + _JOINED_SPAN, n)):
        if f.clauses[k] != clause:
            return False
        if f.words[k] in _JOINS:
            for at in range(k + 1, min(k + 4, n)):
                later = f.hit_at.get(at)
                if f.clauses[at] == clause and later and Cue.SESSION in later.sense.cues:
                    return True
    return False


def _object_ok(m: Message, hit: Hit) -> bool:
    """A done/skip verb must not take an off-topic object ("finished the book",
    "skipped breakfast") or a run ("finished my run": that is no hip session)."""
    f, j = m.f, hit.end
    if Cue.SKIP not in hit.sense.cues and _session_joined(f, hit):
        return True  # "did my long run and the hip session, 6/10": the session too
    if _run_before(f, hit):
        return False  # "got my long run done sunday": the run, no hip session
    if f.words[hit.start : hit.end] in _DONE_WITH and f.words[j : j + 1] == ("with",):
        return _session_after(f, j + 1, f.clauses[hit.start])  # not "done with work"
    skipped = False
    while j < len(f.words) and j in f.hit_at and Cue.DETERMINER in f.hit_at[j].sense.cues:
        j, skipped = f.hit_at[j].end, True
    if (
        skipped
        and j + 1 < len(f.words)
        and j not in f.hit_at
        and j not in f.unexplained
        and j + 1 in f.unexplained
        and f.clauses[j + 1] == f.clauses[hit.start]
        and (Cue.DONE_VERB in hit.sense.cues or Cue.SKIP in hit.sense.cues)
    ):
        return False  # "finished a great book": a known word, then an object off the topic
    if Cue.SKIP in hit.sense.cues and not _SOME.isdisjoint(f.words[hit.end : j + 1]):
        return False  # "feel like I missed some": no one day's log
    if j >= len(f.words) or f.clauses[j] != f.clauses[hit.start] or _holiday_at(f, j):
        return True  # "skipped boxing day": a day, no object
    if (
        Cue.SKIP in hit.sense.cues
        and not skipped
        and f.words[j] in _KINDS_OF_WORK
        and Cue.TODAY not in f.cues
    ):
        return False  # "I can't do jumps in my flat": what they can do, not today's log
    if Cue.SKIP in hit.sense.cues and (_longing(f.words, hit.end) or _missed_dearly(f, hit)):
        return False  # "miss those days", "i really miss them": longing, no log
    if _reminder_object(f, j, f.clauses[hit.start]):
        return False  # "missed the 7 oclock reminder": the message, not the session
    if (
        skipped
        and j + 1 < len(f.words)
        and j not in f.hit_at
        and j not in f.unexplained
        and (after := f.hit_at.get(j + 1)) is not None
        and after.sense.cues & {Cue.RUN, Cue.RACE}
        and Cue.SESSION not in after.sense.cues
    ):
        return False  # "finished my first marathon": a run or race, no hip session
    follower = f.hit_at.get(j)
    if skipped and follower is not None and follower.sense.effort is not None:
        k = follower.end  # "finished a lovely book": past the word of how it went
        if k < len(f.words) and f.clauses[k] == f.clauses[hit.start] and k in f.unexplained:
            return Cue.DONE_VERB not in hit.sense.cues and Cue.SKIP not in hit.sense.cues
    if follower is not None:
        cues = follower.sense.cues
        return not ((Cue.RUN in cues or Cue.RACE in cues) and Cue.SESSION not in cues)
    if j in f.unexplained:
        if skipped and "one" in f.words and j in session_titles(f.words):
            return True  # "did the rotation one this morning": a session by its name
        verb = Cue.DONE_VERB in hit.sense.cues or Cue.SKIP in hit.sense.cues
        return not (skipped or verb)
    return True


_REMINDER_OBJECT_SPAN: Final = 4
_DONE_WITH: Final = frozenset({("done",), ("finished",)})
_IT: Final = frozenset({"it", "that", "this", "them", "those", "today", "todays", "everything"})


def _session_after(f: Features, j: int, clause: int) -> bool:
    """Whether a session, today or an exercise is named from ``j`` ("done with today's
    session", not "done with work")."""
    if j >= len(f.words) or f.words[j] in _IT:
        return True  # "done with it", "finished with that one"
    for k in range(j, min(j + _REMINDER_OBJECT_SPAN, len(f.words))):
        if f.clauses[k] != clause:
            return False
        at = f.hit_at.get(k)
        if at is not None and at.sense.cues & {Cue.SESSION, Cue.TODAY, Cue.EXERCISE, Cue.HOP}:
            return True
    return False


def _reminder_object(f: Features, j: int, clause: int) -> bool:
    """Whether the object starting at ``j`` is the coach's reminder ("the 7 oclock
    reminder", "your 8am nudge"), a session or day named before it."""
    for k in range(j, min(j + _REMINDER_OBJECT_SPAN, len(f.words))):
        if f.clauses[k] != clause:
            return False
        at = f.hit_at.get(k)
        if at is None:
            continue
        if Cue.REMINDER in at.sense.cues:
            return True
        if at.sense.cues & {Cue.SESSION, Cue.TODAY, Cue.EXERCISE}:
            return False
    return False


_HABIT: Final = word_set("always usually normally often generally sometimes ever")
_HABIT_BACK: Final = 3
_NOTHING: Final = frozenset({("nothing",), ("none",), ("zilch",), ("zero",)})


def _habit(f: Features, hit: Hit, *, never: bool = False) -> bool:
    """A log word of a habit ("I've always just done calf raises", "usually do it at
    lunch", a skip "never": "I never miss a session"): what the runner does, no log."""
    k = hit.start - 1
    while k >= max(hit.start - _HABIT_BACK, 0) and f.clauses[k] == f.clauses[hit.start]:
        if f.words[k] in _HABIT or (never and f.words[k] == "never"):
            return True
        k -= 1
    return False


_NOT_SESSIONS: Final = word_set(
    "work school shift meeting meetings class lecture film movie game match day term job rehab"
    " move packing unpacking relocation exams exam paperwork"
)
#: Words between a thing and "done" ("the move finally done", "exams all done").
_BY_THE_WAY: Final = word_set("finally all now officially completely just totally")


#: A span a not-done is said over ("for about 10 days", "in ages", "since last thursday").
_A_WHILE_RE: Final = re.compile(
    r"^(?:\w+\s+){0,4}?(?:for\s+(?:about\s+|around\s+|over\s+|nearly\s+|almost\s+)?(?:a|an|"
    r"[0-9]+|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few|few|several"
    r")\s+(?:days|weeks|months|week|month|while)|in\s+(?:ages|a\s+while|weeks|months|days"
    r"|forever)|since\s+(?:last|the|my|[0-9]))\b"
)


def _for_a_while(f: Features, hit: Hit) -> bool:
    """Whether a not-done is said over a span, not of today ("havent done it for 10 days",
    "not done a session in ages"): the gap is the FAQ's, no skip logged."""
    after = " ".join(f.words[hit.end : hit.end + 9])
    if _A_WHILE_RE.match(after) is None:
        return False
    clause = f.clauses[hit.start]
    return not any(w == "today" and c == clause for w, c in zip(f.words, f.clauses, strict=True))


def _of_something_else(m: Message, hit: Hit) -> bool:
    """A done verb said of something else ("work finishes at 5", "my shift's done at 6")
    or in the present of another ("the film finishes at 9")."""
    said = m.tokens.words[hit.start] if hit.start < len(m.tokens.words) else ""
    if said.endswith("es") and said.startswith(("finish", "complet")):
        return True  # "finishes", "completes": never the runner's own log
    if hit.start > 0 and m.f.words[hit.start - 1] in _NOT_SESSIONS:
        return True
    if said in _DONE_STATES and _distance_run(m.f, hit.start):
        return True  # "35k done, legs trashed": a run, not the session
    if hit.start > 1 and m.f.words[hit.start - 1] in _BY_THE_WAY:  # "move finally done"
        return m.f.words[hit.start - 2] in _NOT_SESSIONS
    return said in _DONE_STATES and (
        _a_things_state(m.f, hit.start) or _others_state(m.f.words, hit.start)
    )


#: A distance run said before the done word ("35k done", "20 km done", "half marathon done").
_RUN_DISTANCE_RE: Final = re.compile(
    r"(?:^|.*\s)(?:[0-9]+(?:\.[0-9]+)?\s?(?:k|km|kms|mi|mile|miles|miler)|[0-9]+\s(?:k|km|kms"
    r"|mile|miles|miler))$"
)


def _distance_run(f: Features, at: int) -> bool:
    """Whether a distance run is said just before the done word at ``at``, in its clause
    ("35k done", "20 km done")."""
    start = at - 2 if at > 1 and f.clauses[at - 2] == f.clauses[at] else at - 1
    return at > 0 and _RUN_DISTANCE_RE.match(" ".join(f.words[start:at])) is not None


#: A thing of another's day said before "is done" ("the school run is done by 8").
_OTHER_THINGS: Final = word_set("run runs day stuff thing things bit")


def _others_state(words: tuple[str, ...], at: int) -> bool:
    """Whether "done" at ``at`` follows "<work|school...> <run|day> is": not a session."""
    k = at - 1
    while k >= 0 and words[k] in _COPULAS:
        k -= 1
    if k == at - 1 or k < 1:
        return False
    return words[k] in _NOT_SESSIONS or (
        words[k] in _OTHER_THINGS and words[k - 1] in _NOT_SESSIONS
    )


_DONE_STATES: Final = word_set("done finished complete completed over sorted")
_COPULAS: Final = word_set("is are was were s all now finally")
_THE: Final = word_set("the my our this that")


def _a_things_state(f: Features, at: int) -> bool:
    """Whether "done" at ``at`` is said of a thing the lexicon does not know, opening its
    clause ("lambing's done finally", "exams are done", "the kitchen is done"): not a
    session."""
    k = at - 1
    while k >= 0 and f.words[k] in _COPULAS:
        k -= 1
    if k < 0 or (k == at - 1 and not f.words[k].endswith("s")) or k not in f.unexplained:
        return False
    return k == 0 or f.words[k - 1] in _THE or f.clauses[k - 1] != f.clauses[k]


_ANYONE: Final = word_set("anyone anybody someone somebody everyone everybody yall people")


#: Someone else's advice: "my friend says I should be lifting heavy not doing hops".
_ADVISED: Final = word_set(
    """says say said reckons reckon thinks think tells tell told suggests suggest suggested
    insists insist insisted claims claim reckoned"""
)
_ADVISED_BACK: Final = 10
_SELF: Final = word_set("i id ill im we")


def _advised(f: Features, hit: Hit) -> bool:
    """A log word inside advice another gave ("my friend says I should be lifting heavy not
    doing little hops", "coach told me I shouldn't skip"): what they said, no log. Not the
    runner's own words ("I said I'd do it but didn't")."""
    k = hit.start - 1
    while k >= max(hit.start - _ADVISED_BACK, 0) and f.clauses[k] == f.clauses[hit.start]:
        if f.words[k] in _ADVISED and (k == 0 or f.words[k - 1] not in _SELF):
            return "should" in f.words[k : hit.start] or "shouldnt" in f.words[k : hit.start]
        k -= 1
    return False


def _anyones(f: Features, hit: Hit) -> bool:
    """A log word of anyone's, asked or told ("has anyone here done it?", "everyone did
    it in the end"): no log of the runner's."""
    k = hit.start - 1
    while k >= 0 and f.clauses[k] == f.clauses[hit.start]:
        if f.words[k] in _ANYONE:
            return True
        k -= 1
    return False


def _relative_did(f: Features, i: int) -> bool:
    """ "the session, which I did this morning": "did" of a session named just before."""
    if i < 3 or f.words[i - 2 : i] not in (("which", "i"), ("that", "i")):
        return False
    before = f.hit_at.get(i - 3)
    return before is not None and not _WORK.isdisjoint(before.sense.cues)


#: A distance run ("8k", "10km", "5mi"): what "did" takes when it tells of a run.
_DISTANCE_RE: Final = re.compile(r"[0-9]+(?:k|km|kms|mi|miles?|m)$")


_DAY_I: Final = frozenset({("today", "i"), ("yesterday", "i")})


def _did_counts(m: Message, hit: Hit) -> bool:
    """A lone "did" means done only with a session-like object ("did the hip routine")."""
    f, i = m.f, hit.start
    if i > 0 and f.words[i - 1] in _QUESTION_WORDS:
        return False
    if _relative_did(f, i):
        return True
    after = f.words[i + 1 : i + 4]
    if f.words[max(i - 2, 0) : i] in _DAY_I and (not after or f.clauses[i + 1] != f.clauses[i]):
        return True  # "today I did, effort is 5": the day's session, said plainly
    if not after or after[0] in {"i", "you", "u", "not", "we"}:
        return False
    if _session_joined(f, hit):
        return True  # "did my long run and the hip session": the session too
    if _DISTANCE_RE.match(after[0]) or ((run := f.hit_at.get(i + 1)) and Cue.RUN in run.sense.cues):
        return False  # "did 8k yesterday", "did a run": a run, no session
    made = f.words[i] == "made" or f.words[i : i + 2] == ("have", "made")
    if not made and i + 2 in session_titles(f.words):
        return True  # "did the calves and feet one": a session named by its areas
    for j in range(i + 1, min(i + 4, len(f.words))):
        follower = f.hit_at.get(j)
        if follower and not _WORK.isdisjoint(follower.sense.cues):
            return True
        if f.words[j] in _DID_OBJECTS and not made:  # "made it home" is no session
            return True
    return False


#: "can" just before a done word: what the runner is able to do in general.
_CAN_RE: Final = re.compile(r"\bcan\s+(?:\w+\s+)?$")
_UNABLE: Final = word_set("unable cant cannot couldnt failed")


def _unable(f: Features, pos: int) -> bool:
    """ "unable to complete", "couldn't finish", "failed to finish": a done that did not
    happen (not "barely finished", "struggled to finish": those were done)."""
    for j in range(pos - 1, max(pos - 4, -1), -1):
        if f.clauses[j] != f.clauses[pos]:
            return False
        if f.words[j] in _UNABLE:
            return True
    return False


#: Present-tense "can't" and plural objects: what the runner cannot do in general ("I
#: can't finish them", "I can never get through the sessions"), not a log of one day.
_CANNOT_NOW: Final = word_set("cant cannot never")
_PLURAL_WORK: Final = word_set("them these those sessions workouts ones any")
_A_DAY: Final = frozenset({Cue.TODAY, Cue.PAST, Cue.SKIP, Cue.SKIP_WHY})


def _cannot_in_general(f: Features, hit: Hit) -> bool:
    """ "I can't finish them", "can never finish the sessions": a general "can't" with a
    plural object, in a message naming no day or skip."""
    start, clause = hit.start, f.clauses[hit.start]
    before = [f.words[j] for j in range(max(start - 3, 0), start) if f.clauses[j] == clause]
    if _CANNOT_NOW.isdisjoint(before) or f.has(*_A_DAY) or names_days_in(f.words):
        return False
    after = tuple(w for j, w in enumerate(f.words[hit.end :], hit.end) if f.clauses[j] == clause)
    return bool(after) and (after[0] in _PLURAL_WORK or after[:2] == ("the", "sessions"))


_PLURAL_SESSIONS: Final = word_set("sessions workouts ones")
_COUNTED: Final = word_set("all every each both my the 2 3 4 5 6 7 two three four five six seven")


def _week_summary(f: Features, hit: Hit) -> bool:
    """ "did all 3 sessions", "did all my sessions this week": a count of sessions done,
    in a clause naming no day (not "did both sessions today")."""
    clause = f.clauses[hit.start]
    after = tuple(
        w for j, w in enumerate(f.words[hit.end : hit.end + 5], hit.end) if f.clauses[j] == clause
    )
    if _PLURAL_SESSIONS.isdisjoint(after) or not after or after[0] not in _COUNTED:
        return False
    if after[0] in ("my", "the") and "all" not in after:
        return False  # "did the sessions"
    in_clause = [w for j, w in enumerate(f.words) if f.clauses[j] == clause]
    return _DAY_WORDS.isdisjoint(in_clause) and "today" not in in_clause


def names_days_in(words: tuple[str, ...]) -> bool:
    """Whether a weekday or a relative day is named."""
    return not _DAY_WORDS.isdisjoint(words)


_DAY_WORDS: Final = word_set(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu
    thurs fri sat sun yesterday yday tonight tomorrow tmrw morning"""
)


#: Words that put a done word in the future ("I'll try get it done", "gonna get it done").
_FUTURE: Final = word_set("will ill gonna try trying hope hoping plan planning aim aiming tryna")
_FUTURE_BACK: Final = 5


def _planned(f: Features, hit: Hit) -> bool:
    """Whether a future word comes shortly before ``hit`` in its clause, with no "but"."""
    clause = f.clauses[hit.start]
    for j in range(hit.start - 1, max(hit.start - _FUTURE_BACK, 0) - 1, -1):
        if f.clauses[j] != clause or f.words[j] == "but":
            return False
        if f.words[j] in _FUTURE:
            return True
    return False


#: Today's session promised for later ("gonna get it done later", "I'll try get today's done
#: after work"): no log yet.
_DONE_LATER_RE: Final = re.compile(
    r"^\W*(?:(?:ok|okay|right|yeah|yep|ah|so)\W+)?(?:i'?ll|ill|i\s+will|will|gonna|going\s+to"
    r"|i'?m\s+gonna|im\s+gonna|i'?m\s+going\s+to|im\s+going\s+to)\s+(?:try\s+(?:to\s+|and\s+)?)?"
    r"(?:get|do)\s+(?:it|that|this|today'?s(?:\s+(?:one|session|sesh))?|the\s+session)\s+"
    r"(?:done\s+)?(?:later|tonight|after\s+(?:work|lunch|dinner|school|my\s+run)|this\s+evening"
    r"|at\s+lunch|in\s+a\s+bit|soon)\b[^?]*$"
)


def done_later(text: str) -> bool:
    """Whether ``text`` only promises today's session for later ("gonna get it done
    later"): nothing to log yet."""
    return _DONE_LATER_RE.search(text.lower()) is not None


def _never_finish(f: Features, hit: Hit) -> bool:
    """ "I never finish", "never get it done": what always happens, with no day named."""
    before = f.words[max(hit.start - 3, 0) : hit.start]
    return "never" in before and not f.has(*_A_DAY) and not names_days_in(f.words)


def _done_hits(m: Message) -> tuple[list[Hit], bool]:
    """The done phrases that count, and whether a negated one says "not done"."""
    f = m.f
    counted: list[Hit] = []
    not_done = False
    for hit in [*f.cues.get(Cue.DONE, ()), *f.cues.get(Cue.DID, ())]:
        asked = f.clauses[hit.start] in f.asking and not _relative_did(f, hit.start)
        if asked or _supposed(f, hit) or _theirs(f, hit) or _anyones(f, hit) or _advised(f, hit):
            continue  # "did I do it right?", "how do I log it when done?", "not sure if I did"
        if _habit(f, hit) or f.words[hit.end : hit.end + 1] in _NOTHING:
            continue  # "I've always done calf raises", "done nothing all week": no log
        if _done_in(f.words, hit):
            continue  # "my legs are done in": worn out, no log
        if _never_finish(f, hit):
            continue  # "the kids interrupt me and i never finish": a habit, no skip today
        if _of_something_else(m, hit):
            continue  # "work finishes at half 5": what ends is the working day
        lone_did = Cue.DID in hit.sense.cues and Cue.DONE not in hit.sense.cues
        if lone_did and not _did_counts(m, hit):
            continue
        if "can" in m.low and _CAN_RE.search(
            m.low, max(m.char(hit.start) - 16, 0), m.char(hit.start)
        ):
            continue  # "I can barely finish the hops": how it goes, not a log
        if _week_summary(f, hit):
            continue  # "great week, did all 3 sessions": how the week went, no log today
        if _cannot_in_general(f, hit):
            continue  # "these sessions are too hard, I can't finish them": the FAQ's
        if negated(f, hit.start) or _unable(f, hit.start):
            if _for_a_while(f, hit):
                continue  # "haven't done a single session for about 10 days": a gap, no skip
            not_done = not_done or Cue.YET not in f.cues
        elif _planned(f, hit):
            continue  # "gonna get it done later", "will try get today's done": not yet
        elif _object_ok(m, hit):
            counted.append(hit)
    return sorted(counted, key=lambda h: h.start), not_done


#: What a message that only rates the session may say besides ("rpe 7 today", "effort 6").
_RATING_CUES: Final = frozenset(
    {
        Cue.EFFORT_WORD,
        Cue.TODAY,
        Cue.PAST,
        Cue.FIRST_PERSON,
        Cue.DETERMINER,
        Cue.NEUTRAL,
        Cue.SESSION,
    }
)
_RATED_WORD_RE: Final = re.compile(r"\b(?:rpe|effort)\b")


def _rated_alone(m: Message) -> bool:
    """ "rpe 7 today", "effort 6/10": the session rated, so done (not a question, no body
    area, no other day or request)."""
    f = m.f
    if Cue.EFFORT_WORD not in f.cues or m.areas or f.unexplained:
        return False
    if "?" in m.low or f.asking:
        return _rated_then_asked(m)
    if not _RATING_CUES.issuperset(f.cues) or not _RATED_WORD_RE.search(m.low):
        return False
    if odd_effort(m.low) is not None or odd_rating(m.low) is not None:
        return False  # "rpe 14/10 today": asked, nothing logged
    if "week" in m.low or "month" in m.low:
        return False  # "last week effort 5": no one day's log
    return effort_number(m.low) is not None


def _rated_then_asked(m: Message) -> bool:
    """ "effort 8, whats tomorrow": the rating in clauses of its own, then a question in
    later clauses; the rating's clauses hold only rating words."""
    f = m.f
    if not f.asking:
        return False
    first_asked = min(f.asking)
    told = {
        cue for cue, hits in f.cues.items() for hit in hits if f.clauses[hit.start] < first_asked
    }
    if Cue.EFFORT_WORD not in told or not _RATING_CUES.issuperset(told):
        return False
    said = " ".join(w for w, c in zip(f.words, f.clauses, strict=True) if c < first_asked)
    if not _RATED_WORD_RE.search(said) or odd_effort(said) is not None:
        return False
    return "week" not in said and effort_number(said) is not None


#: A past day's session given its effort, maybe correcting it ("yesterday was a 4", "wait
#: no yesterday was more like a 4 not a 6", "sorry wednesdays was a 4 not 6").
_DAY_WAS_RATED_RE: Final = re.compile(
    r"^(?:(?:wait|no|sorry|oops|soz|actually|ah|oh)[,!.]?\s+)*(?:(?:effort|rpe)\s+(?:for\s+)?)?"
    r"(yesterday|yday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:'?s)?"
    r"(?:\s+(?:one|session|sesh))?\s+was\s+(?:(?:fine|good|ok|okay|great|easy|hard|tough|grand"
    r"|alright)(?:\s+though)?\s*,?\s+)?(?:more\s+like\s+|like\s+|about\s+|actually\s+"
    r"|really\s+)?(?:an?\s+)?(10|[0-9])(?:\s*/\s*10)?"
    r"(?:\s*,?\s*not\s+(?:an?\s+)?(?:10|[0-9])(?:\s*/\s*10)?)?(?:\s+(?:btw|fyi|tbh|lol))?\s*[.!]*$"
)


def _day_was_rated(m: Message) -> Intent | None:
    """ "yesterday was a 4 not a 6": that day's session done at that effort (a second log of
    a day updates the first)."""
    said = _DAY_WAS_RATED_RE.match(m.low.strip())
    if said is None or m.today is None:
        return None
    days = log_days(said.group(1), m.today)
    if len(days) != 1:
        return None
    day = days[0]
    return Intent(
        IntentKind.DONE, effort=int(said.group(2)), log_day=None if day == m.today else day
    )


def _ticked(m: Message) -> bool:
    """A done emoji on a bare session mention, not a question ("today's session ✅")."""
    f = m.f
    if f.unexplained or "?" in m.low or Cue.ASK in f.cues or not f.has(Cue.SESSION, Cue.TODAY):
        return False
    return not DONE_EMOJI.isdisjoint(m.clean)


def outcome(m: Message) -> Intent | None:
    """DONE or SKIPPED with their slots, or None when the message says neither."""
    f = m.f
    done, not_done = _done_hits(m)
    if done and ("no" in f.words or "zero" in f.words):
        done = [h for h in done if not _did_none(f, h)]
        # "did absolutely no exercise on holiday": nothing done, no session
    if done and only_tried_out(f) and (_recovered(m) or _sign_felt(f)):
        done = []  # "groin has settled, did some hops, no pain at all": a check, no session;
        # "did some pogos after intervals and my knee gets a sharp pain": what hurt, no log
    if not done and (_ticked(m) or _rated_alone(m)):
        return _done(m)
    if not done and " was " in m.low and (rated := _day_was_rated(m)) is not None:
        return rated
    said = _said if f.asking else _any
    skips = [
        h
        for h in said(f, Cue.SKIP)
        if _object_ok(m, h)
        and not (_supposed(f, h) or _theirs(f, h) or _habit(f, h, never=True) or _advised(f, h))
        and not _skipping_drill(f.words, h.start)
    ]
    if skips and "?" in m.low and all(f.words[h.start : h.end] in _REST_DAY for h in skips):
        skips = []  # "yesterday was a rest day right?": asked of the plan, no skip
    if skips and m.low.rstrip().endswith("?"):
        skips = [h for h in skips if not _asked_whether(f, h)]
    why = [
        h for h in said(f, Cue.SKIP_WHY) if not (_supposed(f, h) or _theirs(f, h) or _advised(f, h))
    ]
    skipped = bool(skips) or bool(why) or not_done
    weak = [
        h
        for h in said(f, Cue.SKIP_WEAK)
        if not (_supposed(f, h) or _theirs(f, h) or _advised(f, h))
    ]
    if not skipped and weak and (_said(f, Cue.TODAY) or _said(f, Cue.SESSION)):
        skipped = True  # not "legs tired, should I still do the sessions?": a question
    if skipped and not skips and not not_done and not done and asks_permission(m.low):
        return None  # "got a cold, is it ok to still do the session?": asked, no skip
    if (
        (done or skipped)
        and m.today is not None
        and (odd := unclear_log_day(m.low, m.today, ahead=not done))
    ):
        if done:  # "did it on the weekend, about a 7": the effort kept for the day asked
            read = _done(m)
            return Intent(
                IntentKind.DONE,
                unclear=odd,
                unclear_slot=Unclear.LOG_DAY,
                report=read.report,
                effort=read.effort,
            )
        return Intent(  # "skipped it on the 31st of april"
            IntentKind.SKIPPED, unclear=odd, unclear_slot=Unclear.LOG_DAY, report=m.report()
        )
    if done:
        return _done(m)
    if skipped:
        day = _skip_clause_day(m, skips) or _day(m, ahead=True)
        later = day is not None and m.today is not None and day > m.today
        if later and _day_elsewhere(m, _skip_words(m, skips, why)):
            day = None  # "haven't done a thing since, ..., I'll start again next monday"
        if _NOTHING_SINCE_RE.search(m.low) and not skips:
            return None  # "haven't done a thing since the move": days gone, no one day's log
        if not skips and _NOTHING_DIFFERENT_RE.search(m.low):
            return None  # "I haven't done anything different in training": no session said
        if day is None and (_SPAN_RE.search(m.low) or _GAP_RE.search(m.low)):
            return None  # "missed last week", "missed 10 days over xmas": no one day's log
        if day is None and _NOT_TODAYS_RE.search(m.low) and not _said(f, Cue.TODAY):
            return None  # "can't do any sessions next week", "cannot do it in the morning"
        reason = reason_text(m.clean, m.tokens, f)
        return Intent(IntentKind.SKIPPED, reason=reason, report=m.report(), log_day=day)
    return None


def _skip_words(m: Message, skips: list[Hit], why: list[Hit]) -> list[Hit]:
    """The words that say the skip: a skip or its reason, else a done word negated."""
    said = [*skips, *why]
    return said or [*m.f.cues.get(Cue.DONE, ()), *m.f.cues.get(Cue.DID, ())]


def _day_elsewhere(m: Message, skips: list[Hit]) -> bool:
    """Whether no skip word shares its clause with a day to come: a day later on said in
    another clause ("haven't done a thing since, I'll start again next monday") is not the
    skipped day ("can't do it tmrw" is)."""
    if m.today is None or not skips or len(set(m.f.clauses)) < 2:
        return False
    today = m.today
    for hit in skips:
        clause = m.f.clauses[hit.start]
        at = [i for i, c in enumerate(m.f.clauses) if c == clause]
        start, end = m.tokens.spans[at[0]][0], m.tokens.spans[at[-1]][1]
        if any(day > today for day in log_days(m.low[start:end], today, ahead=True)):
            return False
    return True


def _skip_clause_day(m: Message, skips: list[Hit]) -> date | None:
    """The day named in the clause of the one skip word, when other clauses name other
    days ("sunday was a killer, monday i skipped, yesterday was ok": monday)."""
    if m.today is None or len(skips) != 1 or len(set(m.f.clauses)) < 2:
        return None
    clause = m.f.clauses[skips[0].start]
    at = [i for i, c in enumerate(m.f.clauses) if c == clause]
    start, end = m.tokens.spans[at[0]][0], m.tokens.spans[at[-1]][1]
    days = log_days(m.low[start:end], m.today, ahead=True)
    if not days or log_days(m.low, m.today, ahead=True) == days:
        return None
    return None if days[0] == m.today else days[0]


def _sign_felt(f: Features) -> bool:
    """Whether a warning sign is felt in the message ("a sharp pain every time i land")."""
    return any(h.sense.flag is not None for h in feeling_hits(f))


def _recovered(m: Message) -> bool:
    """Whether the message says a named area has recovered ("the groin thing has settled")."""
    if not m.areas:
        return False
    reading = fine_reading(m.f, [(hit.end - 1, area) for hit, area in m.areas])
    return reading is not None and reading[0] and bool(reading[1])


#: A not-done said of days to come or of a time of day, not of today's session: "can't do
#: any sessions next week", "I cannot do the session in the morning" (this week, nights).
_NOT_TODAYS_RE: Final = re.compile(
    r"\b(?:cant|can't|cannot|can\s+not|wont|won't|unable\s+to)\s+(?:do\s+|make\s+)?(?:any|the"
    r"|my|it|them|a)?\s*(?:sessions?\s+|one\s+)?(?:next\s+week|in\s+the\s+mornings?|mornings"
    r"|before\s+work|this\s+week|for\s+a\s+while)\b"
)
_SPAN_RE: Final = re.compile(
    r"\b(?:last|past|previous|the\s+last|the\s+past)\s+(?:week|fortnight|month|few\s+days"
    r"|couple\s+of\s+(?:days|weeks)|[0-9]+\s+(?:days|weeks)|two\s+weeks|three\s+days)\b"
    r"|\b(?:a|the)\s+(?:whole|full|entire)\s+(?:week|fortnight|month)\b|\ball\s+(?:week|month)\b"
)


_REST_DAY: Final = frozenset({("rest", "day"), ("day", "off")})

#: A skip of several days or sessions at once ("missed 10 days", "been off a week").
_GAP_RE: Final = re.compile(
    r"\b(?:missed|skipped|off|lost|dropped|been\s+off)\s+(?:about\s+|like\s+|around\s+"
    r"|nearly\s+|almost\s+|over\s+)?(?:a|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+couple\s+of|a\s+few|several|[0-9]+)\s+(?:days|weeks?|sessions|fortnight)\b"
)
#: Nothing done for days: "haven't done a thing since", "not done anything since the move".
_NOTHING_SINCE_RE: Final = re.compile(
    r"\b(?:haven'?t|have\s+not|not|hardly)\s+(?:done|did|trained|managed)\s+(?:a\s+thing"
    r"|anything|any|much|a\s+session|any\s+sessions)\s+since\b"
)


#: Nothing changed, told as a context: "I haven't done anything different in training".
_NOTHING_DIFFERENT_RE: Final = re.compile(
    r"\b(?:haven'?t|have\s+not|not|didn'?t|did\s+not)\s+(?:done|changed|do)\s+anything\s+"
    r"(?:different|differently|new|else|unusual|special)\b"
)
#: Words after a done word that say nothing was done ("did absolutely no exercise", "did
#: zero stretching").
_HEDGED_NONE: Final = word_set("absolutely literally basically pretty much")
_NONE_DONE: Final = word_set("no zero")


def _did_none(f: Features, hit: Hit) -> bool:
    """Whether the done word ``hit`` is followed in its clause by "no" or "zero", hedged or
    not (not "did it, no pain")."""
    words, j = f.words, hit.end
    if j - hit.start > 1 or words[hit.start] != "did":
        return False  # "did it no pain", "done no pain": the session, then how it went
    while j < len(words) and words[j] in _HEDGED_NONE:
        j += 1
    return j < len(words) and words[j] in _NONE_DONE and f.clauses[j] == f.clauses[hit.start]


_SUPPOSING: Final = word_set("if whenever suppose supposing say case whether")
_SUPPOSE_BACK: Final = 4


def _supposed(f: Features, hit: Hit) -> bool:
    """A skip said as a supposition ("if I miss a day should I double up?", "say I skip
    one, then what?", "in case I miss a session"): a question, no log."""
    clause = f.clauses[hit.start]
    if f.supposition is not None and (clause in f.supposition[0] or clause in f.supposition[1]):
        return True  # "if it rains tomorrow I'll skip", "say I miss friday..."
    for j in range(hit.start - 1, max(hit.start - _SUPPOSE_BACK, -1) - 1, -1):
        if j < 0 or f.clauses[j] != clause:
            return False
        if f.words[j] in _SUPPOSING and f.words[j - 1 : j] != ("to",):
            return True  # not "forgot to say I did tuesday"
    return False


def _theirs(f: Features, hit: Hit) -> bool:
    """A log word of another person's ("my mate missed his session")."""
    return theirs(f.words, f.clauses, f.foreign, hit.start, hit.end)


def _said(f: Features, cue: Cue) -> list[Hit]:
    """The hits with ``cue`` outside a clause that asks ("should I skip if I'm tired?",
    "how sore is too sore?", "any reason I can't do it?": questions, not logs)."""
    return [h for h in f.cues.get(cue, ()) if f.clauses[h.start] not in f.asking]


def _any(f: Features, cue: Cue) -> list[Hit]:
    """The hits with ``cue`` (no clause asks)."""
    return f.cues.get(cue, [])


def _day(m: Message, *, ahead: bool = False) -> date | None:
    """The day the log is for ("did it yesterday", a skip "tmrw"); None for today or no day
    said. Several days said: the first (``parts`` makes one log for each)."""
    if m.today is None:
        return None
    low = m.low
    owned = (
        []
        if ahead
        else [
            found.group(1)
            for found in _DID_DAYS_RE.finditer(low)
            if not _DONE_ON_RE.match(low, found.end())  # "did friday's session on saturday"
        ]
    )
    day = day_said(owned[0], m.today) if len(set(owned)) == 1 else None
    if day is not None and (day != m.today or owned[0] == "today"):
        # "did yesterday's session anyway" beside "came off my bike on monday": the day
        # the session is said to be of ("did thursday's" on a Thursday: as below)
        return None if day == m.today else day
    if not ahead and (today := _DID_TODAY_RE.search(low)) is not None:
        sentence = _sentence_of(low, today.start())
        if not log_days(sentence, m.today):
            return None  # "a guy fainted on saturday. anyway did today's session": today
        if (
            not log_days(_clause_of(low, today.start()), m.today)
            and _CORRECTED_RE.search(sentence) is None
        ):
            # "did the session this morning, felt fine, quick q can i do it after my long
            # run on sunday": Sunday is the question's, the session this morning's
            return None
    asked = _then_asked(low)
    if asked is not None and (not ahead or log_days(low[: asked.start()], m.today, ahead=True)):
        low = low[: asked.start()]  # "did it 6, could i swap tomorrow's with friday's": today
    thanked = _THEN_THANKS_RE.search(low) if "th" in low or "cheers" in low else None
    if thanked is not None and _LOGGED_BEFORE_RE.search(low, 0, thanked.start()):
        low = low[: thanked.start()]  # "did it, 5. thanks for the tips yesterday": today
    raced = _THEN_RACE_RE.search(low) if "rac" in low or "thon" in low else None
    if raced is not None and _LOGGED_BEFORE_RE.search(low, 0, raced.start()):
        low = low[: raced.start()]  # "did the session 6, also thinking of racing on the 28th"
    days = log_days(low, m.today, ahead=ahead)
    return None if not days or days[0] == m.today else days[0]


#: A day's session named by its day as what was done: "did yesterday's session", "got
#: today's done", "finished monday's".
_DID_DAYS_RE: Final = re.compile(
    r"\b(?:did|done|finished|completed|smashed|nailed|got|managed)\s+(?:the\s+|my\s+)?"
    r"(today|yesterday|yday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'?s\b"
)
#: Another day said as when a day's session was done: "(friday's) session on saturday".
_DONE_ON_RE: Final = re.compile(r"\s+(?:(?:session|sesh|one|workout)\s+)?(?:on|in\s+the\s+end)\b")
#: Today's session named as what was done: "did today's session", "done todays".
_DID_TODAY_RE: Final = re.compile(  # not "haven't done today", "not done today yet"
    r"(?<!haven't\s)(?<!havent\s)(?<!hasn't\s)(?<!not\s)(?<!never\s)"
    r"\b(?:did|done|finished|completed|smashed|nailed)\s+(?:it\s+|the\s+session\s+|mine\s+)?"
    r"(?:today'?s?|this\s+morning|tonight|earlier\s+today)\b"
)
#: A question after the log ("did it 6, could i swap tomorrow's with friday's?"): its days
#: are asked about, not the log's.
_THEN_ASKED_RE: Final = re.compile(  # the look-ahead: its first characters, for speed
    r"(?=[,.!;ab])(?:,|\band\b|\bbut\b|[.!;])\s+(?:(?:can|could|should|shall|would|will|is|do"
    r"|does|am)\s+(?:i|we|it|you|u|that|this)\b|(?:what'?s|whats|wats|what\s+(?:is|about|have|do|am))\s+"
    r"(?:on\s+|up\s+|for\s+|i\s+got\s+|planned\s+)?(?:for\s+)?(?:this\s+|next\s+)?"
    r"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw))"
)


#: Thanks for something after the log ("did it, 5. thanks for the tips yesterday"): its
#: day is the thing thanked for, not the log's.
_THEN_THANKS_RE: Final = re.compile(
    r"(?:,|\band\b|[.!;])\s+(?:thanks|thank\s+you|thx|ty|cheers|ta)\s+(?:(?:so|very)\s+much\s+)?"
    r"for\b"
)
#: A race told after the log ("did it 6, also thinking of racing on the 28th"): its day is
#: the race's, not the log's.
_THEN_RACE_RE: Final = re.compile(
    r"(?:,|\band\b|\balso\b|\bplus\b|[.!;])\s+(?:[\w']+\s+){0,4}?"
    r"(?:race|racing|raced|marathon|half\s+marathon)\b"
)
_LOGGED_BEFORE_RE: Final = re.compile(r"\b(?:did|done|finished|completed|smashed|nailed)\b")

#: The asking words ``_THEN_ASKED_RE`` needs, each between spaces: a cheap test first.
_THEN_ASKED_WORDS: Final = frozenset(
    {"can", "could", "should", "shall", "would", "will", "is", "do", "does", "am", "what's",
     "whats", "wats", "what"}
)  # fmt: skip


def _then_asked(low: str) -> re.Match[str] | None:
    """``_THEN_ASKED_RE`` in ``low``, looked for only when one of its asking words is."""
    if _THEN_ASKED_WORDS.isdisjoint(low.split()):
        return None
    return _THEN_ASKED_RE.search(low)


def before_asked(low: str) -> str:
    """``low`` up to a question asked after the log ("did it, can i do it after a long run
    on saturday?": "did it"); all of it with none."""
    asked = _then_asked(low)
    return low if asked is None else low[: asked.start()]


#: A day put right in the same sentence ("did it this morning, well yesterday actually").
_CORRECTED_RE: Final = re.compile(r"\b(?:actually|i\s+mean|sorry|wait|no\s+wait|well|oops)\b")


def _clause_of(low: str, at: int) -> str:
    """The clause of ``low`` (between commas or sentence ends) holding ``at``."""
    return _stretch_of(low, at, ",.!?;")


def _sentence_of(low: str, at: int) -> str:
    """The sentence of ``low`` holding the character at ``at``."""
    return _stretch_of(low, at, ".!?;")


def _stretch_of(low: str, at: int, stops: str) -> str:
    """The stretch of ``low`` holding ``at`` between two of the ``stops`` characters."""
    start = max(low.rfind(c, 0, at) for c in stops) + 1
    ends = [i for i in (low.find(c, at) for c in stops) if i >= 0]
    return low[start : min(ends) if ends else len(low)]


_ELSE: Final = frozenset({"else", "everything", "otherwise", "rest"})
#: Words just before an effort word that ask whether something is ok ("is that ok").
_ASKED_OF: Final = frozenset(
    (verb, it) for verb in ("is", "was", "am", "are") for it in ("that", "it", "this", "i", "they")
)


def _effort_counts(m: Message, hit: Hit) -> bool:
    """An effort word counts unless negated, an "ok" opening the message ("ok done"), or
    said of the body: in a clause naming an area ("calves wrecked", "legs felt fine") or of
    everything else ("everything else fine", "the rest felt fine")."""
    f = m.f
    if hit.sense.effort is None or negated(f, hit.start):
        return False
    clause = f.clauses[hit.start]
    if any(f.clauses[area.start] == clause for area, _ in m.areas):
        return False
    if not _ELSE.isdisjoint(f.words[max(hit.start - 2, 0) : hit.start]):
        return False
    if f.words[hit.end : hit.end + 1] in (("now",), ("again",)):
        return False  # "chest was tight last night, it's fine now though": a recovery
    if clause in f.asking or f.words[max(hit.start - 2, 0) : hit.start] in _ASKED_OF:
        return False  # "I'm 62, is that ok at my age?": asked, no rating of the session
    opener = hit.start == 0 and hit.end == 1 and len(f.words) > 1
    return not (opener and hit.sense.effort is EffortLabel.MODERATE)


def _body_start(m: Message) -> int:
    """Character offset of the first body or feeling word (len(text) if none)."""
    starts = [h.start for h, _ in m.areas] + [h.start for h in feeling_hits(m.f)]
    return m.char(min(starts)) if starts else len(m.low)


def rated_session(m: Message) -> Intent | None:
    """DONE for a session rated with an effort word and told of with no pain ("no pain
    at all during today's hops, effort 5"); None without the effort word's number or
    with a question."""
    if "?" in m.low or m.f.asking or not (_RATED_WORD_RE.search(m.low) or "/10" in m.low):
        return None
    if not m.f.has(*_WORK, Cue.TODAY) or (effort_number(m.low) is None and not m.ratings):
        return None
    if odd_effort(m.low) is not None:
        return None
    return _done(m)


def _done(m: Message) -> Intent:
    """DONE: the effort number wins over an effort word's number; report and note too."""
    f = m.f
    labels = [h.sense.effort for h in f.hits if _effort_counts(m, h)]
    label: EffortLabel | None = labels[-1] if labels else None
    body_from = _body_start(m)
    span = effort_span(m.low)
    effort = None if span is None else effort_number(m.low)
    at = -1 if span is None or effort is None else span[0]
    if effort is None:
        before = [(pos, v) for pos, v in m.ratings if pos < body_from]
        if len(before) > 1:  # "ran a tempo at 8/10, did the hip session after, a 3": the 3
            before = [r for r in before if not _rates_something_else(m.low, r[0])] or before
        at, effort = before[0] if before else _rated_after_done(m)
    skip = span[0] if span else at if effort is not None and at >= body_from else -1
    report = m.report(from_char=body_from, skip=skip)
    if effort is None and report is None and m.ratings:  # "calves fine, did it, 3"
        at, effort = m.ratings[0]
    day = _day(m)
    if effort is not None and _rates_another_day(m, at, day):
        effort = None  # "did the hops on the 12th, then nothing till today which was a 6"
    if effort is None and label is not None:  # "done, felt easy": a coach reads it as easy
        effort = label.effort
    note = note_text(m.clean) if _worth_a_note(f) else None
    return Intent(
        IntentKind.DONE,
        effort=effort,
        effort_label=label,
        note=note,
        report=report,
        log_day=day,
    )


#: The clause before a rating, back to the last stop, comma or joining word.
_CLAUSE_START_RE: Final = re.compile(r".*(?:[.!?;,]|\b(?:then|and|but|while)\b)", re.DOTALL)
#: A clause that rates something other than the hip session: a run, a ride, a class, or
#: another person's rating ("she gave it a 9").
_SOMETHING_ELSE_RE: Final = re.compile(
    r"\b(?:ran|run|running|tempo|intervals|reps|swim|swam|bike|biked|ride|rode|brick|cycle"
    r"|cycled|spin|parkrun|race|raced|gym|class|yoga|pilates|crossfit)\b"
    r"|\b(?:she|he|they|wife|husband|partner|mate|friend|coach)\s+(?:gave|rated|said|reckons"
    r"|thought|called)\b|\b(?:she|he|they)\s+did\s+(?:his|hers|her|theirs|their)\b"
)
_SESSION_SAID_RE: Final = re.compile(r"\b(?:session|sesh|hip|hips|routine|mobility|it)\b")


def _rates_something_else(low: str, pos: int) -> bool:
    """Whether the rating at ``pos`` is said in a clause about something other than the
    session (a run, a ride, someone else's rating), which names no session."""
    head = low[:pos]
    start = m.end() if (m := _CLAUSE_START_RE.match(head)) else 0
    clause = head[start:]
    if _SOMETHING_ELSE_RE.search(clause) is None:
        return False
    return _SESSION_SAID_RE.search(clause.replace(" it a ", " ")) is None


#: How far after a done word its effort may be said ("still did this morning's, 5/10").
_RATED_AFTER_DONE: Final = 24


def _rated_after_done(m: Message) -> tuple[int, int | None]:
    """A rating said straight after the done, after the body talk ("hip hurts when I walk
    ... still did this morning's, 5/10"): the session's effort, not the hip's."""
    body = [m.tokens.spans[h.start][0] for h in m.f.hits if h.sense.area or h.sense.kind]
    for hit in _done_hits(m)[0]:
        end = m.tokens.spans[hit.end - 1][1]
        for pos, value in m.ratings:
            if (
                end <= pos <= end + _RATED_AFTER_DONE
                and not _SENTENCE_STOP_RE.search(m.low, end, pos)
                and not any(end <= at < pos for at in body)  # "did it, tight hamstrings 4"
            ):
                return pos, value
        if (bare := bare_rating_at(m.low, end)) is not None:
            return bare  # "did todays 7 heart was pumping on the hops"
    return -1, None


_SENTENCE_STOP_RE: Final = re.compile(r"[.!?;]")


#: A day named just before a rating ("today which was a 6", "yesterday's was a 4").
_DAY_BEFORE_RATING_RE: Final = re.compile(
    r"\b(today|tdy|tonight|yesterday|yday|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)(?:'?s)?\s+(?:one\s+|session\s+|sesh\s+)?(?:which\s+|that\s+)?(?:was|felt)\s+"
    r"(?:like\s+|about\s+|maybe\s+|around\s+)?(?:an?\s+)?$"
)
_RATED_DAY_REACH: Final = 40


def _rates_another_day(m: Message, at: int, day: date | None) -> bool:
    """Whether the rating at ``at`` is said of a day other than the log's ("did the hops on
    the 12th, then nothing till today which was a 6": today's, not the 12th's)."""
    if at < 0 or m.today is None:
        return False
    said = _DAY_BEFORE_RATING_RE.search(m.low, max(at - _RATED_DAY_REACH, 0), at)
    if said is None:
        return False
    rated = m.today if said.group(1) == "tonight" else day_said(said.group(1), m.today)
    return rated is not None and rated != (day or m.today)


_PLAIN_DONE_CUES: Final = frozenset(
    {Cue.DONE, Cue.DONE_VERB, Cue.DID, Cue.TODAY, Cue.SESSION, Cue.THANKS, Cue.GREETING,
     Cue.EFFORT_WORD, Cue.FIRST_PERSON, Cue.DETERMINER, Cue.NEUTRAL, Cue.PAST_EVENT,
     Cue.BACK_VERB, Cue.SIDE_HINT, Cue.OF, Cue.DURING, Cue.AFTER}
)  # fmt: skip


def _worth_a_note(f: Features) -> bool:
    """Whether a done message says more than done, effort and pleasantries."""
    if f.unexplained:
        return True
    for hit in f.hits:
        sense = hit.sense
        if sense.area or sense.kind or sense.flag or sense.side:
            return True
        if sense.cues - _PLAIN_DONE_CUES:
            return True
    return False
