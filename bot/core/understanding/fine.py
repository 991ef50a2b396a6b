""" "Fine now": a runner saying an area (or everything) has recovered, read whole.

A message is FEELS_FINE only when it says so and nothing in it says otherwise:

- a recovery word ("fine now", "healed", "pain free", "no pain", "doesn't hurt") that no
  negation governs ("not fine yet", "isn't better");
- no partial recovery ("a bit better", "getting better");
- no word of pain still there: an unnegated feeling or warning sign ("calf not, knee
  fine", "still hurts"), "still" before a body word, talk of pain relief or painkillers
  ("the painkillers give no pain relief");
- no contrast after it ("fine but...", "knee fine, calf not").

A message with a recovery word that fails these checks is NOT_FINE: the coach keeps the
hold and says so, never a cheerful "glad you're fine".
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.understanding.body import feeling_hits, negated
from bot.core.understanding.features import Features
from bot.core.understanding.lexicon import KIND_WORDS
from bot.core.understanding.senses import Cue
from bot.core.vocabulary import Area, RedFlag

__all__ = ["RECOVERY_WORDS", "fine_reading", "rating_left", "says_change"]

_RECOVERY: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "fine", "fine now", "fine again", "feels fine", "feel fine", "feeling fine", "is fine",
        "ok now", "okay now", "good now", "good again", "all good", "all better", "better now",
        "feels better", "feel better", "feeling better", "much better", "loads better", "better",
        "went away", "gone away", "disappeared",
        "healed", "healed up", "recovered", "fully recovered", "back to normal", "pain free",
        "painfree", "no pain", "no more pain", "doesnt hurt", "dont hurt", "not sore",
        "no longer sore", "no longer hurts", "no longer hurting", "no longer painful", "cleared",
        "sorted", "settled", "gone", "all clear", "normal again", "feel normal",
        "feels normal", "feeling normal", "back to normal again", "resolved", "fully resolved",
        "cleared up", "no longer tight", "no longer stiff", "not tight", "not stiff",
        "eased off", "settled down", "isnt sore", "isnt tight", "isnt stiff", "arent sore",
        "arent tight", "arent stiff", "grand now", "grand again", "right as rain", "ok again",
        "okay again",
        "not hurting", "isnt hurting", "stopped hurting",
    )
)  # fmt: skip
#: Recovery words that say a change ("recovered", "gone", "fine now", "fine today": unlike
#: the days before), not only a state ("fine", "ok"): next to a report of another area
#: they still clear theirs.
_CHANGE: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "fine now", "fine again", "ok now", "okay now", "ok again", "okay again", "good now",
        "good again", "all better",
        "better now", "went away", "gone away", "disappeared", "healed", "recovered",
        "back to normal", "normal again", "no longer", "cleared", "settled", "gone", "sorted",
        "no more pain", "pain free", "painfree", "resolved", "cleared up", "eased off",
        "no more", "better", "any more", "anymore", "faded", "subsided", "vanished",
        "loosened", "wore off", "worn off", "calmed down", "freed up", "died down",
        "fine today", "ok today", "okay today", "good today", "fine this morning",
        "ok this morning", "okay this morning", "good this morning",
        "grand now", "grand again", "all good now", "great now", "perfect now", "sound now",
    )
)  # fmt: skip


def says_change(words: tuple[str, ...]) -> bool:
    """Whether ``words`` say a recovery happened ("glutes recovered", "the pain is gone",
    "calf fine now"), not only that an area is fine ("glutes fine but...")."""
    return any(
        words[i : i + len(phrase)] == phrase
        for i in range(len(words))
        for phrase in _CHANGE
        if words[i] == phrase[0]
    )


_NEGATORS: Final = frozenset(
    {"not", "isnt", "arent", "wasnt", "never", "hardly", "barely", "nowhere", "far", "nt"}
)
_PARTIAL: Final = frozenset({"bit", "little", "slightly", "somewhat", "getting", "kinda", "kind",
                      "abit", "slowly", "almost", "nearly", "mostly"})  # fmt: skip
_CONTRAST: Final = frozenset({"but", "though", "although", "however", "except", "apart", "still",
                       "yet", "whereas", "while"})  # fmt: skip
_STILL_PAIN: Final = frozenset({"relief", "painkiller", "painkillers", "killers", "ibuprofen",
                         "paracetamol", "meds", "medication", "tablets", "pills"})  # fmt: skip
_WITHOUT: Final = frozenset({"didnt", "dont", "not", "never", "without", "havent", "no", "stopped"})


def _done_without(words: tuple[str, ...], at: int) -> bool:
    """ "didn't even need painkillers", "no tablets since Monday": a recovery, not pain
    kept down ("no pain relief" is pain: relief itself is what is missing)."""
    if words[at] == "relief":
        return False
    return not _WITHOUT.isdisjoint(words[max(at - 4, 0) : at])


_GONE: Final = frozenset(
    {"gone", "settled", "cleared", "went", "disappeared", "resolved", "eased", "faded",
     "subsided", "vanished", "passed", "lifted", "loosened", "wore", "worn", "calmed", "freed"}
)  # fmt: skip
#: Verbs that say a feeling left, only with the area or feeling before them in their
#: clause ("the soreness went after a couple of days", "hip flexors loosened up finally";
#: not "went for a run", "passed the 5k mark").
_FADED: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "went", "faded", "faded away", "subsided", "vanished", "passed", "lifted", "eased",
        "eased up", "eased off", "loosened", "loosened up", "loosened off", "loose again",
        "loose now", "wore off", "worn off", "calmed down", "freed up", "let go",
        "has gone", "have gone", "gone now", "died down", "got over", "gotten over",
    )
)  # fmt: skip
_FADED_FIRST: Final = frozenset(p[0] for p in _FADED)
#: What may follow "went" or "passed" when it is no feeling leaving ("went for a run",
#: "went up", "passed the test").
_NOT_FADING: Final = frozenset(
    {"to", "for", "on", "into", "through", "up", "worse", "from", "out", "over", "in",
     "back", "down", "the", "a", "my", "numb", "dead", "weak", "tight", "stiff", "sore",
     "off", "again"}
)  # fmt: skip
_SUBJECT_WINDOW: Final = 8
_PARTLY: Final = frozenset(
    {"slightly", "somewhat", "bit", "abit", "little", "mostly", "partly", "partially", "kinda",
     "some", "only"}
)  # fmt: skip


def _faded(f: Features, areas: list[tuple[int, Area]]) -> list[tuple[int, int]]:
    """Spans of a verb saying a feeling left, said of an area or feeling named before it
    in its clause ("glute soreness faded", "calves loosened up")."""
    words = f.words
    if _FADED_FIRST.isdisjoint(words):
        return []
    named = {pos for pos, _ in areas} | {h.start for h in f.hits if h.sense.kind is not None}
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word not in _FADED_FIRST:
            continue
        for phrase in sorted((p for p in _FADED if p[0] == word), key=len, reverse=True):
            if words[i : i + len(phrase)] != phrase:
                continue
            end = i + len(phrase)
            if len(phrase) == 1 and words[end : end + 1] and words[end] in _NOT_FADING:
                break
            if not _PARTLY.isdisjoint(words[end : end + 2]):
                break  # "the pain eased a bit": better, not gone
            if phrase == ("went",) and i - 1 in {pos for pos, _ in areas}:
                break  # "my back went": it gave out, nothing left
            if any(
                j in named and f.clauses[j] == f.clauses[i]
                for j in range(max(i - _SUBJECT_WINDOW, 0), i)
            ):
                spans.append((i, end))
            break
    return spans


_LEFT_FROM: Final = frozenset({"from", "of", "after"})
_LEFT_GAP: Final = frozenset({"the", "my", "that", "this", "all", "those", "its", "last"})


def _what_it_left(f: Features, start: int, end: int) -> set[int]:
    """Words after a recovery that name what was recovered from or when ("recovered from
    the doms", "cleared up overnight"): no feeling of now."""
    words, clause = f.words, f.clauses[start]
    out: set[int] = set()
    j = end
    ends_from = words[end - 1] in _LEFT_FROM or words[end - 1] == "over"  # "got over the doms"
    if ends_from or (j < len(words) and words[j] in _LEFT_FROM and f.clauses[j] == clause):
        j += 0 if ends_from else 1
        while j < len(words) and words[j] in _LEFT_GAP and j - end < 3:
            j += 1
        hit = f.hit_at.get(j)
        if hit is not None and hit.sense.kind is not None and f.clauses[j] == clause:
            out.update(range(end, hit.end))
        return out
    hit = f.hit_at.get(j)
    if (
        hit is not None
        and hit.sense.flag is RedFlag.NIGHT_PAIN
        and f.clauses[j] == clause
        and not any(w in KIND_WORDS for w in words[hit.start : hit.end])
    ):
        out.update(range(hit.start, hit.end))  # "cleared up overnight": when, not a sign
    return out


_SINCE_REACH: Final = 3


def _since(f: Features, at: int) -> bool:
    """Whether the feeling at ``at`` is what the recovery dates from ("pain free for two
    weeks since the calf strain"), "since" just before it in its clause."""
    start = max(at - _SINCE_REACH, 0)
    return any(f.words[i] == "since" and f.clauses[i] == f.clauses[at] for i in range(start, at))


#: Words of an injury told as a story ("tore a ligament back in 2015", "broke my leg as a
#: kid"): with no area of today's, the "fine now" after it is the story's end.
_INJURED: Final = frozenset(
    {"tore", "torn", "broke", "broken", "injured", "injury", "fractured", "ruptured",
     "surgery", "operation", "op", "sprained", "dislocated", "ligament", "ligaments"}
)  # fmt: skip
_OK_AFTER_AREA: Final = frozenset({"ok", "okay", "good", "better", "great", "grand", "perfect"})


def fine_reading(
    f: Features, areas: list[tuple[int, Area]]
) -> tuple[bool, tuple[Area, ...]] | None:
    """None when the message says nothing about recovering; else (fine, the areas it names).

    ``areas`` are (word position, area) of the body areas named, in order.
    """
    words = f.words
    found = [
        span
        for span in _recovery_spans(words) + _no_more(f)
        if span[0] not in f.foreign
        and f.clauses[span[0]] not in f.asking
        and not _about_the_work(f, areas, span[0])
        and not _asked_of_a_choice(f, areas, span)
        and not _hoped(words, span[0])
        and not _wondered(f, span[0])
        and not _settled_somewhere(words, span)
        and not _in_a_sign(f, span[0])
    ]  # not "had sciatica years ago but it's long gone", not "the bridges were fine", not
    # "is it fine to do it at night?", not "tomorrow should be better", not "settled in
    # Durban for the month"
    found += [(pos + 1, pos + 2) for pos, _ in areas if pos + 1 < len(words)
              and words[pos + 1] in _OK_AFTER_AREA]  # fmt: skip
    found += [
        span for span in _faded(f, areas) if span[0] not in f.foreign and not _in_a_sign(f, span[0])
    ]
    found.sort()
    if not found:
        return None
    if (
        not areas
        and f.foreign
        and (
            any((h.sense.kind or h.sense.area) and h.start in f.foreign for h in f.hits)
            or any(f.words[i] in _INJURED for i in f.foreign)
        )
    ):
        return None  # "had a stress fracture years ago, fine now": no hold of today's
    named = tuple(dict.fromkeys(area for _, area in areas))
    if any(w in _STILL_PAIN and not _done_without(words, i) for i, w in enumerate(words)):
        return False, named
    for start, end in found:
        if (
            _negated_recovery(words, f.clauses, start)
            or _partial(words, start)
            or _partly_after(words, f.clauses, end)
        ):
            return False, named
        after = words[end:]
        if not _CONTRAST.isdisjoint(after):
            return False, named
    if "still" in words:
        return False, named
    covered = {i for start, end in found for i in range(start, end)}
    for start, end in found:
        covered.update(_what_it_left(f, start, end))
        if not _GONE.isdisjoint(words[start:end]):  # "the pain is gone", "hamstring niggle
            # from last week is gone", "the stiffness I told you about has fully resolved"
            first = start
            while first > 0 and f.clauses[first - 1] == f.clauses[start] and start - first < 16:
                first -= 1
            covered.update(range(first, start))
    for hit in feeling_hits(f):
        if hit.start in covered or negated(f, hit.start):
            continue
        if hit.sense.flag is not None or not _since(f, hit.start):  # a sign always counts
            return False, named
    for hit in f.hits:  # a sign with no feeling word ("can't tell when I need to wee")
        if (
            hit.sense.flag is not None
            and hit.sense.kind is None
            and hit.start not in covered
            and hit.start not in f.foreign
            and not negated(f, hit.start)
        ):
            return False, named
    if _negated_area(f, areas, covered):
        return False, named
    return True, named


def _in_a_sign(f: Features, pos: int) -> bool:
    """Whether the recovery word at ``pos`` is inside a warning sign's phrase ("ankle's gone
    fat": swollen, not gone; "leg has gone weak")."""
    hit = f.hit_at.get(pos)
    if hit is not None:
        return hit.sense.flag is not None
    return any(h.start < pos < h.end and h.sense.flag is not None for h in f.hits)


#: Words just before a recovery word that make it a hope or a guess ahead ("tomorrow
#: should be better", "hopefully fine by sunday").
_HOPED: Final = frozenset(
    {"should", "hopefully", "hope", "will", "ll", "gonna", "might", "may", "could", "would"}
)


_IF: Final = frozenset({"if", "whether"})
_IF_REACH: Final = 6


def _wondered(f: Features, start: int) -> bool:
    """Whether the recovery word at ``start`` is wondered about in its clause ("people keep
    asking if my knee is better", "not sure whether it's settled"), not said."""
    for k in range(start - 1, max(start - _IF_REACH, 0) - 1, -1):
        if f.clauses[k] != f.clauses[start]:
            return False
        if f.words[k] in _IF:
            return True
    return False


def _hoped(words: tuple[str, ...], start: int) -> bool:
    """Whether the recovery word at ``start`` is hoped for, not said ("should be better")."""
    return not _HOPED.isdisjoint(words[max(0, start - 3) : start])


def _settled_somewhere(words: tuple[str, ...], span: tuple[int, int]) -> bool:
    """ "settled in Durban", "settling into the new flat": a place, no recovery; nor "in
    Lisbon for good now" (to stay)."""
    start, end = span
    if words[start] == "good" and start and words[start - 1] == "for":
        return True
    if words[start] == "gone" and end - start == 1 and _gone_elsewhere(words, start):
        return True
    return words[start] in ("settled", "settling") and words[end : end + 1] in (("in",), ("into",))


#: Before "gone", a person ("I've gone quiet", "we've gone to my mum's"); after it, where
#: or how they went ("gone quiet", "gone awol", "gone to Spain"): no feeling left.
_GONE_BY: Final = frozenset({"ive", "weve", "youve", "hes", "shes", "i", "we"})
_GONE_TO: Final = frozenset(
    {"quiet", "silent", "awol", "missing", "mia", "dark", "mad", "crazy", "to", "into",
     "through", "for", "back", "over", "past", "off", "out", "up", "down", "abroad", "home",
     "weird", "funny", "strange", "wrong", "bad", "worse", "numb", "dead", "stiff", "tight",
     "sore", "wonky", "odd"}
)  # fmt: skip


def _gone_elsewhere(words: tuple[str, ...], at: int) -> bool:
    """Whether the "gone" at ``at`` is a person going somewhere or quiet, not a feeling."""
    if at and words[at - 1] in _GONE_BY:
        return True
    if at > 1 and words[at - 1] in ("have", "had") and words[at - 2] in ("i", "we"):
        return True
    return words[at + 1 : at + 2] != () and words[at + 1] in _GONE_TO


_WORK: Final = frozenset({Cue.EXERCISE, Cue.SESSION})
_CHOICE_AFTER: Final = frozenset({"to", "for", "than", "if"})


def _asked_of_a_choice(f: Features, areas: list[tuple[int, Area]], span: tuple[int, int]) -> bool:
    """Whether the recovery word asks about a choice, in a question clause naming no body
    area: "is it fine to do it late?", "which is better for the hips, before or after?"."""
    start, end = span
    clause = f.clauses[start]
    if clause not in f.asking:
        return False
    which = "which" in f.words[max(start - 2, 0) : start]  # "which is better, ..."
    if not which and (end >= len(f.words) or f.words[end] not in _CHOICE_AFTER):
        return False
    return all(f.clauses[pos] != clause for pos, _ in areas)


def _about_the_work(f: Features, areas: list[tuple[int, Area]], start: int) -> bool:
    """Whether the recovery word at ``start`` is said of an exercise or the session, not a
    body area ("the bridges were fine", "session was fine")."""
    named = {pos for pos, _ in areas}
    j = start - 1
    while j >= 0 and f.clauses[j] == f.clauses[start]:
        if j in named:
            return False
        hit = f.hit_at.get(j)
        if hit is not None and not _WORK.isdisjoint(hit.sense.cues):
            return True
        j -= 1
    return False


_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in sorted(_RECOVERY, key=len, reverse=True):
    _BY_FIRST[_phrase[0]] = (*_BY_FIRST.get(_phrase[0], ()), _phrase)

RECOVERY_WORDS: Final[frozenset[str]] = (
    frozenset(_BY_FIRST) | _OK_AFTER_AREA | _FADED_FIRST | {"no"}
)
"""Words one of which a message saying a recovery has (a cheap check before reading it)."""


def _recovery_spans(words: tuple[str, ...]) -> list[tuple[int, int]]:
    if _BY_FIRST.keys().isdisjoint(words):
        return []  # no recovery phrase starts anywhere (most messages)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        best = 0
        for phrase in _BY_FIRST.get(words[i], ()):  # longest first
            if words[i : i + len(phrase)] == phrase:
                best = len(phrase)
                break
        if best:
            spans.append((i, i + best))
            i += best
        else:
            i += 1
    return [(s, e) for s, e in spans if not _is_pain_relief(words, e)]


_NO: Final = frozenset({("no",), ("no", "more"), ("no", "longer")})
_BETWEEN: Final = frozenset({"my", "the", "left", "right", "of", "in"})


def _no_more(f: Features) -> list[tuple[int, int]]:
    """ "no more groin pain", "no hip flexor tightness": a feeling said to be gone, with the
    area inside the phrase."""
    spans: list[tuple[int, int]] = []
    if "no" not in f.words:
        return spans
    for neg in f.cues.get(Cue.NEG, ()):
        if f.words[neg.start : neg.end] not in _NO:
            continue
        j = neg.end
        while j < len(f.words) and j - neg.end < 4:
            hit = f.hit_at.get(j)
            if hit is not None and hit.sense.area is not None:
                j = hit.end
            elif f.words[j] in _BETWEEN:
                j += 1
            else:
                break
        hit = f.hit_at.get(j)
        if hit is not None and hit.sense.kind is not None and hit.sense.flag is None:
            spans.append((neg.start, hit.end))
    return spans


def _is_pain_relief(words: tuple[str, ...], end: int) -> bool:
    """ "no pain relief", "no pain killers": not a recovery."""
    return words[end : end + 1] in (("relief",), ("killers",), ("meds",))


def _negated_recovery(words: tuple[str, ...], clauses: tuple[int, ...], start: int) -> bool:
    if words[start] in {
        "no",
        "doesnt",
        "dont",
        "not",
        "isnt",
        "arent",
    }:  # "no pain", "not sore": the phrase itself
        return start > 0 and words[start - 1] in _NEGATORS
    for j in range(start - 1, max(start - 4, -1), -1):
        if clauses[j] != clauses[start]:
            break
        if words[j] in _NEGATORS or words[j].endswith("nt"):
            return True
    return False


def _partly_after(words: tuple[str, ...], clauses: tuple[int, ...], end: int) -> bool:
    """ "eased off a bit", "better slightly": only partly recovered (not "hip's fine, a bit
    tired")."""
    if end == 0 or end >= len(words) or clauses[end] != clauses[end - 1]:
        return False
    after = words[end : end + 2]
    return bool(after) and (
        after[0] in {"slightly", "somewhat", "partly", "partially", "abit"}
        or after in (("a", "bit"), ("a", "little"), ("a", "touch"))
    )


def _partial(words: tuple[str, ...], start: int) -> bool:
    return any(w in _PARTIAL for w in words[max(start - 2, 0) : start])


def _negated_area(f: Features, areas: list[tuple[int, Area]], covered: set[int]) -> bool:
    """ "calf not", "calf isn't": an area followed by a negation that no recovery word
    answers."""
    neg_starts = {
        hit.start
        for hit in f.cues.get(Cue.NEG, ())
        if not _negates_a_feeling(f, hit.end)  # "hip is fine and no swelling"
    }
    for pos, _ in areas:
        for j in range(pos + 1, min(pos + 3, len(f.words))):
            if f.clauses[j] != f.clauses[pos] or j in covered:
                break
            if j in neg_starts and not any(k in covered for k in range(j, j + 3)):
                return True
    return False


def _negates_a_feeling(f: Features, pos: int) -> bool:
    """Whether a feeling or sign starts at ``pos`` ("no swelling", "no pain")."""
    hit = f.hit_at.get(pos)
    return hit is not None and (hit.sense.kind is not None or hit.sense.flag is not None)


#: A rating out of ten said beside a recovery ("calf's heaps better, 2/10 this morning").
_LEFT_RE: Final = re.compile(
    r"(?<![0-9.:/-])(10|[0-9])\s*(?:/|out\s+of|outta|of)\s*(?:10|ten)\b(?![.:/-]?[0-9])"
)


def rating_left(low: str) -> int | None:
    """The rating out of ten said with "better" when it is above 0 ("achilles is better
    today, 1 of 10"): what is left is kept as it is, not written down as gone."""
    found = _LEFT_RE.findall(low)
    if len(found) != 1 or found[0] == "0":
        return None
    return int(found[0])
