"""Body reports: the area, side, feeling, rating and red flags in a message.

A report needs an area and at least one of: a feeling word, a rating, a red flag.
The first area named is the report's area. The most serious feeling the runner said wins
(pain > soreness > tightness), even beside a red flag ("limping, prob just tight"); a red
flag with no feeling word is pain; a rating with no feeling word
is logged as soreness, and so is "worse this morning" with no feeling word. The highest
rating given is the severity; "worse next morning" marks the report ``worse``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from bot.core.triage import BONE_STRESS_SITES
from bot.core.understanding.building import builds_in_activity
from bot.core.understanding.cleared import CLINICIANS, kept_off
from bot.core.understanding.features import Features, Hit
from bot.core.understanding.lexicon import KIND_WORDS
from bot.core.understanding.model import ReportSlots
from bot.core.understanding.morning import worse_by_morning
from bot.core.understanding.senses import Cue
from bot.core.understanding.words import NUMBER_WORDS, PEOPLE
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = [
    "AreaGroup",
    "area_groups",
    "area_hits",
    "build_report",
    "clinician_kept_off",
    "denied",
    "feeling_hits",
    "own_side",
    "said_fine",
    "session_titles",
]

_SERIOUSNESS: Final = {ReportKind.TIGHTNESS: 0, ReportKind.SORENESS: 1, ReportKind.PAIN: 2}
_SCOPE_BREAK: Final = frozenset({"but", "though", "although", "however", "except", "just", "only"})
_CONTRASTS: Final = frozenset({"but", "though", "although", "however", "except"})
_NOT_BODY_AFTER_BACK: Final = frozenset(
    {"from", "to", "at", "on", "in", "into", "home", "again", "now", "up", "off", "out",
     "then", "here", "there", "and", "later", "soon", "online", "of",
     # "been back running for 3 months": back to an activity, no body part
     "running", "jogging", "training", "hopping", "jumping", "lifting", "racing", "doing",
     "with", "for", "by", "properly", "fully", "normal", "together", "over",
     # "pause saturday and sunday, back monday": a day of return
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
     "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "tomorrow",
     "tmrw", "tmr", "next", "after", "before", "around", "round", "the", "this"}
)  # fmt: skip
_SIDE_NEIGHBOURS: Final = frozenset({"my", "the", "on", "and", "both", "of"})
_NEGATION_WINDOW: Final = 3
_RELIEF: Final = frozenset({("relief",), ("killers",), ("killer",), ("meds",), ("medication",)})
_NO_WAY: Final = ("no", "way")
_LIST_WORDS: Final = frozenset({"or", "nor", "and"})
_WORK: Final = frozenset({Cue.SESSION, Cue.EXERCISE})


def clinician_kept_off(f: Features) -> bool:
    """Whether a clinician's word keeps impact off ("physio says ... no running for a
    week"): what they say of the runner's body is the runner's report."""
    words = f.words
    if _CLINICIAN_WORDS_SAID.isdisjoint(words) or not _ANOTHERS.isdisjoint(words):
        return False  # "my friend's physio said no running for her knee": hers
    return kept_off(" ".join(words))


#: Words of another person's body near a clinician's word.
_ANOTHERS: Final = PEOPLE | frozenset({"her", "his", "their", "friends", "wifes", "husbands"})


def area_hits(f: Features) -> list[tuple[Hit, Area]]:
    """Hits naming a body area, in order ("hip session" and "came back" name none)."""
    found: list[tuple[Hit, Area]] = []
    foreign = f.foreign
    if foreign and f.opinion and clinician_kept_off(f):
        foreign = foreign - f.opinion  # "physio says it's glute med ..., no hopping": mine
    titled = session_titles(f.words) if not _TITLE_ENDS.isdisjoint(f.words) else frozenset()
    for hit in f.hits:
        if foreign and hit.start in foreign:
            continue  # "my friend's knee", "years ago"
        if titled and hit.start in titled:
            continue  # "did the calves and feet one": the session, named by its areas
        area = hit.sense.area
        if area is None and Cue.BACK in hit.sense.cues and _back_is_body(f, hit.start):
            area = Area.LOWER_BACK
        if area is None:
            continue
        follower = f.hit_at.get(hit.end)
        if (
            follower is not None
            and not _WORK.isdisjoint(follower.sense.cues)
            and f.clauses[follower.start] == f.clauses[hit.start]
        ):
            continue  # "hip session", "calf raises", "hip flexor stretch": the work
        if f.words[hit.end : hit.end + 1] in _THING and not _body_thing(f, hit):
            continue  # "still do the hip thing?": the session
        if (
            hit.start > 1
            and f.words[hit.start - 1] in _DAYS_WORK
            and f.clauses[hit.start - 2] == f.clauses[hit.start]
            and _logged(f, hit.start - 2)
        ):
            continue  # "finished today's hips": the session named by its area
        if area is Area.LEG and found and hit.start and f.words[hit.start - 1] in _BACK_REFERENCE:
            continue  # "my right shin is sore, hopping on that leg hurts": the shin's leg
        found.append((hit, area))
    if len(found) > 1 and any(f.words[h.start] in _REGION_STARTS for h, _ in found):
        named = {area for _, area in found}
        found = [
            (h, a)
            for h, a in found
            if not (
                f.words[h.start] in _REGION_STARTS
                and not _NARROWER.get(a, frozenset()).isdisjoint(named)
            )
        ]  # "front of my hip, started as a tight hip flexor": the hip flexor
    if len(found) > 1 and not _LANDMARK_WORDS.isdisjoint(f.words):
        kept = [(h, a) for h, a in found if not _landmark(f, h)]
        if any(a is not Area.LEG for _, a in kept):
            found = kept  # "just above the ankle on the inside of the shin": the shin
    if len(found) > 1 and any(a is Area.LEG and _stood_on(f, h) for h, a in found):
        kept = [(h, a) for h, a in found if not (a is Area.LEG and _stood_on(f, h))]
        if kept:
            found = kept  # "when I hop on my right leg I get an ache at the front of the hip"
    if len(found) > 1 and any(_moved(f, h) for h, _ in found[1:]):
        found = [found[0], *((h, a) for h, a in found[1:] if not _moved(f, h))]
    return found


#: What ends a session named by its areas ("the calves and feet one", "the hip flexor
#: session"), and what opens it after a log word ("did the ...", "done today's ...").
_TITLE_ENDS: Final = frozenset({"one", "session", "sesh", "routine", "workout", "flow"})
_TITLE_OPENS: Final = frozenset({"the", "todays", "yesterdays", "that", "this", "my"})
_TITLE_LOGGED: Final = frozenset(
    {"did", "done", "do", "doing", "finished", "completed", "tried", "started", "smashed"}
)
_TITLE_MOST: Final = 6


def session_titles(words: tuple[str, ...]) -> frozenset[int]:
    """Positions of the words naming a session by its areas after a log word ("did the
    calves and feet one this afternoon, left hip flexor tight": the calves and feet are the
    session's, the hip flexor the report's)."""
    titled: set[int] = set()
    for end, word in enumerate(words):
        if word not in _TITLE_ENDS:
            continue
        start = end - 1
        while start > 0 and end - start < _TITLE_MOST and words[start] not in _TITLE_OPENS:
            start -= 1
        if start >= 1 and words[start] in _TITLE_OPENS and words[start - 1] in _TITLE_LOGGED:
            titled.update(range(start + 1, end))
    return frozenset(titled)


#: Words that move a body part ("when I lift my knee up"): the movement, not where it hurts.
_MOVES: Final = frozenset(
    {"lift", "lifting", "lifts", "raise", "raising", "bend", "bending", "straighten",
     "straightening", "bring", "bringing", "pull", "pulling", "drive", "driving", "cross",
     "crossing", "point", "pointing", "turn", "turning", "rotate", "rotating"}
)  # fmt: skip


def _moved(f: Features, hit: Hit) -> bool:
    """Whether the area at ``hit`` is the part being moved just before it ("lift my knee",
    "bending the left knee"), said after another area."""
    words = f.words
    for at in range(hit.start - 1, max(hit.start - 4, -1), -1):
        if words[at] in _MOVES:
            return True
        if words[at] not in _MOVED_GAP:
            return False
    return False


_MOVED_GAP: Final = frozenset({"my", "the", "left", "right", "both", "a", "your", "up"})


#: Verbs of standing or landing on a leg: the leg carries the runner, the feeling is named
#: elsewhere ("hop on my right leg", "standing on one leg", "land on the left leg").
_STAND_ON: Final = frozenset(
    {"hop", "hops", "hopping", "hopped", "stand", "standing", "stood", "land", "landing",
     "landed", "balance", "balancing", "jump", "jumping", "bounce", "bouncing"}
)  # fmt: skip
_ON_GAP: Final = frozenset({"my", "the", "one", "right", "left", "a", "single", "that", "each"})


def _stood_on(f: Features, hit: Hit) -> bool:
    """Whether the leg at ``hit`` is the one stood or hopped on ("hop on my right leg")."""
    j = hit.start - 1
    while j >= 0 and f.words[j] in _ON_GAP and f.clauses[j] == f.clauses[hit.start]:
        j -= 1
    return j > 0 and f.words[j] == "on" and f.words[j - 1] in _STAND_ON


#: Words that make the area after them a landmark for where the feeling is ("just above
#: the ankle", "below my knee"), not the area itself.
_LANDMARK_WORDS: Final = frozenset({"above", "below", "under", "beneath", "underneath", "near"})
_LANDMARK_GAP: Final = frozenset({"just", "the", "my", "a", "bit", "little", "right", "slightly"})


def _landmark(f: Features, hit: Hit) -> bool:
    """Whether the area at ``hit`` only says where another is ("above the ankle")."""
    j = hit.start - 1
    while j >= 0 and hit.start - j <= 3 and f.words[j] in _LANDMARK_GAP:
        j -= 1
    return j >= 0 and f.words[j] in _LANDMARK_WORDS


_THING: Final = frozenset({("thing",), ("things",)})
#: Words after "<area> thing" that say it is the body's trouble: it has gone, or it is
#: felt ("the hip thing has gone", "that knee thing is back", "calf thing hurts again").
_THING_LINKS: Final = frozenset({"has", "have", "is", "was", "s", "seems", "finally", "totally",
                          "completely", "now", "all", "just", "kind", "of", "pretty", "much",
                          "fully", "basically", "mostly", "from", "last", "week",
                          # "the hip flexor thing I mentioned last week has settled"
                          "i", "that", "which", "mentioned", "told", "you", "about", "said",
                          "had", "before", "earlier"})  # fmt: skip
_THING_GONE: Final = frozenset(
    {"gone", "went", "cleared", "settled", "sorted", "healed", "resolved", "disappeared",
     "vanished", "faded", "eased", "over", "flared",
     "flaring", "playing", "acting", "niggling", "bothering", "back"}
)  # fmt: skip


def _body_thing(f: Features, hit: Hit) -> bool:
    """Whether "<area> thing" names the body, not the session: a side said with it ("the
    left hip thing"), or a recovery or feeling said of it ("the calf thing cleared up",
    "knee thing hurts")."""
    before = f.hit_at.get(hit.start - 1) if hit.start else None
    if hit.sense.side in (Side.LEFT, Side.RIGHT) or (
        before is not None and before.sense.side in (Side.LEFT, Side.RIGHT)
    ):
        return True
    j = hit.end + 1
    while j < len(f.words) and f.words[j] in _THING_LINKS and j - hit.end < 9:
        j += 1
    if j >= len(f.words) or f.clauses[j] != f.clauses[hit.start]:
        return False
    after = f.hit_at.get(j)
    return f.words[j] in _THING_GONE or (after is not None and after.sense.kind is not None)


#: Words before "leg" that point back to a part already named ("that leg", "the same leg").
_BACK_REFERENCE: Final = frozenset({"that", "this", "same", "affected", "injured", "bad"})


#: A joint named by where it hurts ("front of my hip", "outside of my knee") is the joint;
#: the muscle or band there (``_PRECISE``) when it is named too, or the feeling is tightness.
_PRECISE: Final = {Area.HIPS: Area.HIP_FLEXORS, Area.KNEE: Area.IT_BAND}
#: The parts a joint named by its region gives way to when they are named too ("front of
#: my hip, deep in the groin": the groin, a high-risk site of its own).
_NARROWER: Final = {
    Area.HIPS: frozenset({Area.HIP_FLEXORS, Area.GROIN}),
    Area.KNEE: frozenset({Area.IT_BAND}),
}
_REGION_WORDS: Final = {Area.HIPS: "front", Area.KNEE: "outside"}
_REGION_STARTS: Final = frozenset(_REGION_WORDS.values())


_DAYS_WORK: Final = frozenset(
    {"todays", "tonights", "yesterdays", "mondays", "tuesdays", "wednesdays", "thursdays",
     "fridays", "saturdays", "sundays"}
)  # fmt: skip
_LOGGED: Final = frozenset({Cue.DONE, Cue.DID, Cue.SKIP})


def _logged(f: Features, pos: int) -> bool:
    """Whether a done or skip word ends at ``pos``."""
    return any(
        h.end - 1 == pos and not _LOGGED.isdisjoint(h.sense.cues)
        for c in _LOGGED
        for h in f.cues.get(c, ())
    )


#: Ways of getting somewhere that "back" may follow ("hobbled back", "jogged back home",
#: "flying back that day").
_MOVED_BACK: Final = frozenset(
    {"hobbled", "hobbling", "hobble", "limped", "limping", "limp", "jogged", "jogging", "jog",
     "walking", "walk", "shuffled", "crawled", "cycled", "biked", "rode", "headed", "it",
     "flying", "fly", "flew", "driving", "drive", "drove", "travelling", "traveling",
     "heading", "sailing", "commuting"}
)  # fmt: skip


#: Words before "and back" that make it a trip there and back, not the lower back.
_THERE_AND: Final = frozenset({"to", "there", "out", "walked", "ran", "cycled", "jogged"})


def _back_is_body(f: Features, pos: int) -> bool:
    if f.cue_before(Cue.BACK_VERB, pos, 1):
        return False
    if pos and f.words[pos - 1] in _MOVED_BACK and f.clauses[pos - 1] == f.clauses[pos]:
        return False  # "hobbled back", "made it back"
    if (
        pos > 1
        and f.words[pos - 1] == "and"
        and not _THERE_AND.isdisjoint(f.words[max(pos - 5, 0) : pos])
    ):
        return False  # "walked to work and back", "there and back", "out and back"
    before = f.hit_at.get(pos - 1) if pos else None
    if (
        before is not None
        and before.sense.kind is not None
        and before.sense.flag is None
        and f.clauses[pos - 1] == f.clauses[pos]
    ):
        return True  # "sore back and tight hammies"
    return pos + 1 >= len(f.words) or f.words[pos + 1] not in _NOT_BODY_AFTER_BACK


def negated(f: Features, pos: int) -> bool:
    """Whether a negation governs the word at ``pos`` ("no swelling", "doesn't hurt")."""
    negations = f.cues.get(Cue.NEG, ())
    if not negations:
        return False
    hit = f.hit_at.get(pos)
    if hit is not None and f.words[hit.end : hit.end + 1] in _RELIEF:
        return False  # "no pain relief yet": the relief is what is missing, not the pain
    neg_ends = {hit.end - 1 for hit in negations}
    if any(  # "no way I'm getting the session done": the whole clause after it
        f.words[hit.start : hit.end] == _NO_WAY
        and hit.end <= pos
        and f.clauses[hit.start] == f.clauses[pos]
        for hit in negations
    ):
        return True
    window = _NEGATION_WINDOW + (2 if _traced(f.words, pos) else 0)
    if pos and f.words[pos - 1] == "or":  # "doesn't hurt to hop or press on it": one "not"
        window += 3
    for j in range(pos - 1, max(pos - 1 - window, -1), -1):
        if f.clauses[j] != f.clauses[pos] or f.words[j] in _SCOPE_BREAK:
            return False
        if j in neg_ends:
            return True
        other = f.hit_at.get(j)
        if other is not None and (other.sense.kind or other.sense.flag):
            # "no numbness or tingling", "no pain at night", "not a twinge of pain": one
            # negation over both
            joined = (
                other.end == pos
                or f.words[pos - 1] in _LIST_WORDS
                or window > _NEGATION_WINDOW
                or (other.end == pos - 1 and f.words[pos - 1] == "to")  # "hurt to press"
            )
            return joined and negated(f, j)
    return False


#: The least of a feeling: "not a hint of pain", "not a single twinge of soreness".
_TRACES: Final = frozenset(
    {"hint", "trace", "bit", "touch", "ounce", "shred", "sign", "twinge", "scrap"}
)


def _traced(words: tuple[str, ...], pos: int) -> bool:
    """Whether the word at ``pos`` follows "<trace> of", so a negation may stand further
    back ("not a hint of pain")."""
    return pos > 1 and words[pos - 1] == "of" and words[pos - 2] in _TRACES


def feeling_hits(f: Features) -> tuple[Hit, ...]:
    """Hits naming a feeling (tight, sore, pain...) of the runner's own, now, that no
    negation governs (``subject``: not someone else's, not long ago, not only asked about;
    a warning sign in a question still counts). Worked out once per message."""
    if f.feelings is None:
        f.feelings = _feeling_hits(f)
    return f.feelings


def _feeling_hits(f: Features) -> tuple[Hit, ...]:
    if not (f.foreign or f.asked):
        found = tuple(h for h in f.hits if h.sense.kind is not None and not negated(f, h.start))
    else:
        found = tuple(
            h
            for h in f.hits
            if h.sense.kind is not None
            and h.start not in f.foreign
            and (h.sense.flag is not None or f.clauses[h.start] not in f.asked)
            and not negated(f, h.start)
        )
    if "sharp" in f.words:  # "sharp new trainers", "feeling sharp today": no pain
        found = tuple(h for h in found if not _sharp_not_felt(f, h))
    if not _IDIOM_WORDS.isdisjoint(f.words):  # "numb with boredom", "gave way to a cyclist"
        found = tuple(h for h in found if not _idiom(f, h))
    if "relief" in f.words:  # "no pain relief from the stretches, still tight": the tightness
        relief = tuple(h for h in found if _relief_missed(f, h))
        if relief and len(relief) < len(found):
            found = tuple(h for h in found if h not in relief)
    if not _ABOVE_THE_HIPS.isdisjoint(f.words):  # "pins and needles in my hand", "brain is numb"
        found = tuple(h for h in found if not _numb_above(f, h))
    if not found or _CLEARED_WORDS.isdisjoint(f.words):
        return found
    return tuple(h for h in found if h.sense.flag is not None or not _cleared(f, h))


#: After "sharp", what makes it no feeling: a thing ("sharp new trainers", "a sharp turn").
_SHARP_THINGS: Final = frozenset(
    {"new", "trainers", "shoes", "spikes", "kit", "turn", "turns", "corner", "corners", "bend",
     "bends", "hill", "climb", "rise", "drop", "increase", "eyes", "mind", "suit", "outfit",
     "knife", "looking", "dresser", "finish", "finishing", "kick", "pace", "start", "5k",
     "sesh",
     "10k", "run", "session", "race", "tempo", "intervals", "workout", "parkrun", "pb", "mile"}
)  # fmt: skip
#: Before "sharp", what makes it a state of mind or look ("feeling sharp", "looking sharp").
_SHARP_STATE: Final = frozenset(
    {"feeling", "feel", "feels", "felt", "looking", "look", "looks", "looked", "stay",
     "staying", "keep", "keeping", "kept"}
)  # fmt: skip


#: Words of the sayings that borrow a warning sign's words ("on pins and needles waiting
#: for the ballot", "numb with boredom", "gave way to a cyclist").
_IDIOM_WORDS: Final = frozenset(
    {"numb", "needles", "way", "gave", "giving", "excitement", "anticipation", "nerves",
     "joy", "pride", "glee", "beat", "shooting", "killing"}
)  # fmt: skip
#: A feeling "with" one of these is a mood ("tingling with excitement", "heart racing with
#: nerves before the start"), no sign of the body.
_MOODS: Final = frozenset(
    (w,) for w in ("excitement", "anticipation", "nerves", "joy", "pride", "glee")
)
#: After "heart skipped a beat", words of a moment, not of exercise ("when i saw my time").
_MOMENT: Final = frozenset((w,) for w in ("when", "at", "seeing", "reading", "because", "cos"))
_WAITING: Final = frozenset((w,) for w in ("waiting", "about", "over", "till", "until"))
_NUMB_WITH: Final = frozenset({"boredom", "cold", "shock", "fear", "grief", "tiredness"})


#: Parts above the hips, where numbness is none of the leg's nerve signs (the facts' are
#: "down the leg" and the saddle): a hand numb from holding a phone, a brain from work.
_ABOVE_THE_HIPS: Final = frozenset(
    {"hand", "hands", "finger", "fingers", "thumb", "thumbs", "arm", "arms", "wrist", "wrists",
     "elbow", "brain", "head", "face", "lips", "lip", "ear", "ears", "nose", "mind"}
)  # fmt: skip


def _relief_missed(f: Features, hit: Hit) -> bool:
    """Whether "pain" only names relief that did not come ("no pain relief from the
    stretches"); with no other feeling said, the pain it relieves is the report's ("no pain
    relief from the ibuprofen, 4/10")."""
    words = f.words
    if words[hit.start : hit.end] != ("pain",) or words[hit.end : hit.end + 1] != ("relief",):
        return False
    before = words[max(hit.start - 2, 0) : hit.start]
    return not _NO_RELIEF.isdisjoint(before)


_NO_RELIEF: Final = frozenset({"no", "any", "little", "zero", "much"})


def _numb_above(f: Features, hit: Hit) -> bool:
    """Whether numbness or tingling is said of a part above the hips in its clause, with no
    part of the leg, back or seat named there ("pins and needles in my hand from holding
    my phone", "my brain is numb from spreadsheets")."""
    if hit.sense.flag is not RedFlag.NUMBNESS_TINGLING:
        return False
    clause = f.clauses[hit.start]
    first = max(hit.start - 4, 0)
    above = [first + k for k, w in enumerate(f.words[first : hit.end + 4]) if w in _ABOVE_THE_HIPS]
    if not above:
        return False
    legs = [h.start for h, _ in area_hits(f) if f.clauses[h.start] == clause]
    # "my brain is numb from work but my legs felt springy": the brain is nearer
    return not legs or min(abs(p - hit.start) for p in above) < min(
        abs(p - hit.start) for p in legs
    )


def _idiom(f: Features, hit: Hit) -> bool:
    """Whether a sign's words are part of a saying, no feeling of the body."""
    words, start, end = f.words, hit.start, hit.end
    said = words[start:end]
    if said == ("numb",) and not _NUMB_WITH.isdisjoint(words[end : end + 3]):
        return words[end : end + 1] in (("with",), ("from",))  # "numb with boredom"
    if said[-1:] == ("needles",) and (
        (start and words[start - 1] == "on") or words[end : end + 1] in _WAITING
    ):
        return True  # "on pins and needles waiting for the results"
    if said in (("gave", "way"), ("giving", "way"), ("gives", "way")):
        return words[end : end + 1] == ("to",)  # "gave way to a cyclist"
    if words[end : end + 1] == ("with",) and words[end + 1 : end + 2] in _MOODS:
        return True  # "tingling with excitement for race day"
    if said[:1] == ("killing",) and not any(
        f.clauses[h.start] == f.clauses[start] for h, _ in area_hits(f)
    ):
        return True  # "the commute is killing me": no body part named with it
    if said == ("shooting",) and words[end : end + 1] in (("for",), ("at",)):
        return True  # "shooting for sub-45 10k": aiming, no nerve pain
    if said[-1:] == ("skipped",) and words[end : end + 2] == ("a", "beat"):
        return words[end + 2 : end + 3] in _MOMENT  # "heart skipped a beat when i saw it"
    return False


#: Words of a runner in form beside "sharp" ("felt sharp and springy").
_IN_FORM: Final = frozenset(
    (word,)
    for word in ("springy", "snappy", "bouncy", "fast", "quick", "strong", "fresh", "light",
                 "powerful", "explosive", "focused", "energetic", "ready", "fit", "good")
)  # fmt: skip
_SHARP_PEOPLE: Final = frozenset({"i", "im", "we", "were", "you", "youre", "ive", "been"})
_SHARP_WHEN: Final = frozenset(
    (word,)
    for word in ("when", "on", "if", "as", "after", "during", "in", "at", "through", "down",
                 "again", "now", "and", "with", "every", "whenever", "going", "to")
)  # fmt: skip


def _sharp_not_felt(f: Features, hit: Hit) -> bool:
    """Whether a bare "sharp" names no pain: a thing after it ("sharp new trainers"), or a
    state before it with no other feeling or area in its clause ("feeling sharp today")."""
    words = f.words
    if words[hit.start : hit.end] != ("sharp",):
        return False
    after = words[hit.end : hit.end + 1]
    if after and after[0] in _SHARP_THINGS:
        return True
    if after == ("and",) and words[hit.end + 1 : hit.end + 2] in _IN_FORM:
        after = ()  # "felt sharp and springy": the runner's form, as "felt sharp" alone
    if not hit.start or words[hit.start - 1] not in _SHARP_STATE or after in _SHARP_WHEN:
        return False  # "it's feeling sharp when I land": a pain
    clause = f.clauses[hit.start]
    state = hit.start - 1
    if state and f.clauses[state - 1] == clause and words[state - 1] not in _SHARP_PEOPLE:
        return False  # "it feels sharp": the pain; "I'm feeling sharp": the runner
    return not any(
        other is not hit
        and f.clauses[other.start] == clause
        and (other.sense.kind is not None or other.sense.area is not None)
        for other in f.hits
    )


#: What follows a feeling that has cleared ("the tightness is gone", "soreness went away").
_CLEARED_WORDS: Final = frozenset({"gone", "went", "cleared", "disappeared", "vanished"})
_CLEARED_BETWEEN: Final = frozenset(
    {"is", "has", "have", "had", "was", "all", "now", "completely", "totally", "finally",
     "pretty", "much", "basically", "fully", "just", "thats", "its", "it"}
)  # fmt: skip
_WENT: Final = frozenset({"away", "off", "after", "overnight", "by", "within", "in"})


def _cleared(f: Features, hit: Hit) -> bool:
    """Whether a plain feeling (no warning sign: a sign said as passed still counts) is
    said to have cleared right after it ("the tightness is gone now", "soreness went away
    after a day", "the ache has cleared"): no report of it ("eased off a bit" is still
    there)."""
    words, n = f.words, len(f.words)
    j = hit.end
    while j < n and words[j] in _CLEARED_BETWEEN and f.clauses[j] == f.clauses[hit.start]:
        j += 1
    if j >= n or f.clauses[j] != f.clauses[hit.start] or words[j] not in _CLEARED_WORDS:
        return False
    if words[j] == "went":
        return j + 1 < n and words[j + 1] in _WENT
    if words[j] == "gone":  # not "the pain has gone up", "gone worse"
        return not (j + 1 < n and words[j + 1] in ("up", "worse", "bad", "really", "from"))
    return True


_RADIATING_STARTS: Final = frozenset({"down", "into"})
_SWOLLEN: Final = frozenset({"swollen", "swelling", "swelled", "swole", "puffy"})
_WARM: Final = frozenset({"hot", "warm", "heat", "burning"})
#: A long sit that a clot follows: a flight, a long drive or train ride ("flute" is what
#: typo correction makes of "flite": the words here are read after it).
_TRAVEL: Final = frozenset(
    {"flight", "flights", "flew", "flying", "plane", "haul", "longhaul", "drive", "drove",
     "flite", "flght", "fligt", "flyte", "flute",
     "journey", "travel", "travelling", "traveling", "train", "bus", "airport", "jetlag"}
)  # fmt: skip
_CLOT_AREAS: Final = frozenset({Area.CALVES, Area.LEG, Area.SHINS, Area.ACHILLES, Area.ANKLE})


def _warm_calf_after_travel(f: Features, areas: list[tuple[Hit, Area]]) -> bool:
    """A calf or lower leg warm, hot, swollen or puffy after a flight or a long drive ("calf
    feels hot and tight since the long haul flight", "lower leg all puffy after 9hr
    flight"): a possible clot, whatever the feeling word."""
    words = f.words
    if _WARM.isdisjoint(words) and _SWOLLEN.isdisjoint(words):
        return False
    return not _TRAVEL.isdisjoint(words) and any(area in _CLOT_AREAS for _, area in areas)


_NERVE_FLAGS: Final = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.WEAKNESS})
#: A clinician named (a cheap test before ``kept_off``).
_CLINICIAN_WORDS_SAID: Final = CLINICIANS
_FRACTURE_WORDS: Final = frozenset({"fracture", "fractures"})
_NUMB_FLAGS: Final = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.SADDLE_NUMBNESS})
_WHEN_WORDS: Final = frozenset({"when", "while", "whilst", "on", "if", "whenever", "everytime"})


#: Words opening a phrase that only says when ("at night", "overnight", "in bed"): night
#: pain only with a feeling in its clause ("ran at night, calves sore" is none).
_WHEN_NIGHT: Final = frozenset({"at", "during", "in", "through", "overnight", "all", "nighttime",
                         "night"})  # fmt: skip


def _red_flags(f: Features, feelings: Sequence[Hit], areas: list[tuple[Hit, Area]]) -> set[RedFlag]:
    flags = {
        h.sense.flag for h in feelings if h.sense.flag is not None and _sign_said(f, h, feelings)
    }
    if RedFlag.LOW_ENERGY_SIGNS in flags and not _FRACTURE_WORDS.isdisjoint(f.words):
        flags.add(RedFlag.STRESS_FRACTURE)  # "another stress fracture": both at once
    if RedFlag.NUMBNESS_TINGLING in flags and (
        Cue.SADDLE in f.cues or any(area is Area.GROIN for _, area in areas)
    ):
        flags.add(RedFlag.SADDLE_NUMBNESS)
    hurts = [
        h for h in feelings if h.sense.kind is ReportKind.PAIN and h.sense.flag not in _NUMB_FLAGS
    ]
    radiating = [h for h, a in areas if a is Area.LEG and f.words[h.start] in _RADIATING_STARTS]
    if hurts and radiating:
        flags.add(RedFlag.NERVE_PAIN)  # "pain down my leg", "shooting into my foot"
    if _warm_calf_after_travel(f, areas):
        flags.add(RedFlag.CLOT_SIGNS)  # "calf hot and tight since the long haul flight"
    if RedFlag.CLOT_SIGNS in flags and not _BREATH.isdisjoint(f.words):
        flags.add(RedFlag.HEART_SIGNS)  # a hot swollen calf and out of breath: call now
    if RedFlag.CLOT_SIGNS in flags and not _SWOLLEN.isdisjoint(f.words):
        flags.add(RedFlag.SWELLING)  # "calf hot and swollen": the swelling checked for too
    if _joint_locks(f, areas):
        flags.add(RedFlag.LOCKING)  # "knee locked up twice", "my knee catches on the stairs"
    if areas and clinician_kept_off(f):
        flags.add(RedFlag.CLINICIAN_HOLD)  # "physio says ... no running and no hopping"
    if _twisted(f, areas):
        flags.add(RedFlag.AFTER_FALL)  # "rolled my ankle": an injury, like a fall
    if _pain_on(f, feelings, Cue.HOP) or _pain_on_impact(f, feelings, areas):
        flags.add(RedFlag.PAIN_ON_HOPPING)
    if _cannot_bear_weight(f):
        flags.add(RedFlag.CANNOT_BEAR_WEIGHT)
    built = _built_up(f)
    if (
        built
        or _worse_during_run(f)
        or _lasting_after_run(f, feelings)
        or _stopped_run(f, feelings)
    ):
        flags.add(RedFlag.WORSENING_DURING_RUN)
    if built and landing_said(f) and any(area in BONE_STRESS_SITES for _, area in areas):
        flags.add(RedFlag.PAIN_ON_HOPPING)  # "shin got worse with every hop": a bone's hop test
    if _pain_on(f, feelings, Cue.WALK) or _pain_on_weight(f, feelings):
        flags.add(RedFlag.PAIN_ON_WALKING)
    if not _WAKE.isdisjoint(f.words) and _woken_in_the_night(f, feelings):
        flags.add(RedFlag.NIGHT_PAIN)  # "woke up at 3am with my groin aching"
    if hurts and any(Cue.TROUBLE not in h.sense.cues for h in hurts):
        # not soreness: "still sore 2 days later" is ordinary after a hard session
        if _said(f, _AT_REST):
            flags.add(RedFlag.NIGHT_PAIN)  # "hurts even at rest": pain that does not settle
        if _lasting(f):
            flags.add(RedFlag.WORSENING_DURING_RUN)  # "still there the next morning"
    return flags


_WAKE: Final = frozenset({"woke", "woken", "waking", "wake", "wakes", "awake"})
#: Hours of the night a runner is woken at ("3am", "3 am", "midnight").
_NIGHT_HOURS: Final = frozenset(
    {"midnight", "12am", "1am", "2am", "3am", "4am", "5am", "0100", "0200", "0300", "0400"}
)
_SMALL_HOURS: Final = frozenset({"12", "1", "2", "3", "4", "5"})


def _woken_in_the_night(f: Features, feelings: Sequence[Hit]) -> bool:
    """Whether the runner says an ache or pain woke them, or was there when they woke, at
    an hour of the night ("woke up at 3am with my groin aching", "awake at 2 am with my
    shin throbbing"): night pain. Tightness alone, or waking in the morning, is none."""
    words, clauses = f.words, f.clauses
    for i, word in enumerate(words):
        if word not in _WAKE:
            continue
        clause = clauses[i]
        hour = any(
            clauses[j] == clause
            and (
                words[j] in _NIGHT_HOURS
                or (words[j] in _SMALL_HOURS and words[j + 1 : j + 2] == ("am",))
            )
            for j in range(i + 1, min(i + 5, len(words)))
        )
        if hour and any(
            clauses[h.start] == clause and h.start > i and h.sense.kind is not ReportKind.TIGHTNESS
            for h in feelings
        ):
            return True
    return False


_BREATH: Final = frozenset({"breath", "breathless", "breathe", "breathing", "breathy", "winded"})

#: Joints a twist injures, and the verbs that say so ("rolled my ankle", "twisted my knee").
_TWISTED_JOINTS: Final = frozenset({Area.ANKLE, Area.KNEE, Area.FOOT})
_TWIST_VERBS: Final = frozenset(
    {"rolled", "rolling", "twisted", "twisting", "turned", "sprained", "spraining", "jarred"}
)


def _twisted(f: Features, areas: list[tuple[Hit, Area]]) -> bool:
    """Whether a joint is said to have been twisted ("rolled my ankle on a kerb", "went
    over on my ankle", "sprained my knee"): an acute injury, read like a fall."""
    for hit, area in areas:
        if area not in _TWISTED_JOINTS:
            continue
        before = f.words[max(hit.start - 4, 0) : hit.start]
        if not _TWIST_VERBS.isdisjoint(before) or ("went", "over") in pairwise(before):
            return True
    return False


def _lasting(f: Features) -> bool:
    """Whether a feeling is said to be still there days on ("still there the next morning",
    "didn't settle overnight", "been like that since the weekend")."""
    still = _said(f, _STILL_THERE) or _still_rated(f.words)
    return still and (_said(f, _NEXT_DAY, negatable=False) or _days_said(f.words))


def _still_rated(words: tuple[str, ...]) -> bool:
    """ "still 5/10": a rating that has not come down."""
    return any(
        w == "still" and words[i + 1 : i + 2] and words[i + 1][0].isdigit()
        for i, w in enumerate(words)
    )


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in text.split(","))


#: Pain at rest, and pain that has not settled by the next day: signs as serious as night
#: pain and pain that builds (the pain-monitoring model: pain must settle by the morning).
_AT_REST: Final = _phrases(
    "at rest, when resting, while resting, when im resting, even resting, even sitting,"
    " even when sitting, even when i sit, sitting still, lying down, doing nothing"
)
_STILL_THERE: Final = _phrases(
    "still there, still hurts, still hurting, still painful, still aching, hasnt settled,"
    " not settled, hasnt gone, not gone, wont go away, hasnt eased, not eased, still going,"
    " didnt settle, not settling, hasnt settled down, didnt go away, hasnt gone away,"
    " didnt ease, not easing, been there, been like that, been like this, had it for,"
    " still there"
)
_NEXT_DAY: Final = _phrases(
    "next morning, next day, morning after, day after, days later, day later, 48 hours,"
    " 24 hours, days on, few days, couple of days, couple days, overnight, since the weekend,"
    " since last week, since yesterday, since monday, since tuesday, since wednesday,"
    " since thursday, since friday, since saturday, since sunday, since the race,"
    " all week, for days, days now"
)
_FIRSTS: Final = {p: frozenset(w[0] for w in p) for p in (_AT_REST, _STILL_THERE, _NEXT_DAY)}
_DAYS: Final = frozenset({"days", "mornings", "nights"})


def _days_said(words: tuple[str, ...]) -> bool:
    """ "2 days", "three mornings": more than a day."""
    if _DAYS.isdisjoint(words):
        return False
    return any(
        w in _DAYS and i and (words[i - 1].isdigit() or words[i - 1] in NUMBER_WORDS)
        for i, w in enumerate(words)
    )


def _said(f: Features, phrases: tuple[tuple[str, ...], ...], *, negatable: bool = True) -> bool:
    """Whether one of ``phrases`` is said (and, when ``negatable``, not negated)."""
    words = f.words
    if _FIRSTS[phrases].isdisjoint(words):
        return False
    for i, word in enumerate(words):
        for phrase in phrases:
            if word == phrase[0] and words[i : i + len(phrase)] == phrase:
                return not (negatable and negated(f, i))
    return False


_ACTIVITY: Final = frozenset(
    {Cue.RUN, Cue.SESSION, Cue.EXERCISE, Cue.DONE, Cue.DID, Cue.HOP, Cue.WALK}
)


#: A hopping phrase that names no feeling ("when I hop"): the sign only with a feeling
#: said before it in its clause.
_BARE_HOP: Final = frozenset({"when", "i", "on", "hop", "hopping", "while", "whilst"})


def _felt_before(f: Features, hit: Hit, feelings: Sequence[Hit]) -> bool:
    """Whether a feeling (not denied, no contrast between) comes before ``hit`` in its
    clause: "sore when I hop", not "no pain when hopping" or "sore but fine when I hop"."""
    clause = f.clauses[hit.start]
    return any(
        h.sense.flag is None
        and h.start < hit.start
        and f.clauses[h.start] == clause
        and not denied(f, h)
        and _CONTRASTS.isdisjoint(f.words[h.end : hit.start])
        and "fine" not in f.words[h.end : hit.start]
        for h in feelings
    )


#: Words of a joint that locks or catches, said of the knee in the same clause ("locked up"
#: said of muscles on a run is not it).
_LOCKS: Final = frozenset({"locked", "locks", "locking", "catches", "catching", "jams", "jammed"})


#: Joints that lock or catch: a loose body or a torn cartilage or labrum (Safety: locking).
_LOCKING_JOINTS: Final = frozenset({Area.KNEE, Area.HIPS, Area.ANKLE})


def _joint_locks(f: Features, areas: list[tuple[Hit, Area]]) -> bool:
    """Whether a joint (knee, hip, ankle) is said to lock or catch, just after it in its
    clause ("knee locked up twice", "left hip keeps catching")."""
    for hit, area in areas:
        if area in _LOCKING_JOINTS:
            locks = _LOCKS if area is not Area.HIPS else _LOCKS - {"locked"}  # hips locked: stiff
            clause = f.clauses[hit.start]
            after = range(hit.end, min(hit.end + 4, len(f.words)))
            if any(f.clauses[j] == clause and f.words[j] in locks for j in after):
                return True
    return False


def _sign_said(f: Features, hit: Hit, feelings: Sequence[Hit]) -> bool:
    """Whether a warning-sign phrase says the sign: a time of night said of a run or the
    session is when it was done ("ran at night, calves sore"), unless a feeling is said in
    its clause ("sore when I run at night")."""
    if hit.sense.flag is RedFlag.PAIN_ON_HOPPING and _BARE_HOP.issuperset(
        f.words[hit.start : hit.end]
    ):
        return _felt_before(f, hit, feelings)  # not "calves a bit sore but fine when i hop"
    if hit.sense.flag is RedFlag.AFTER_FALL and hit.start and f.words[hit.start - 1] == "foam":
        return False  # "foam rolled it": a roller, not a turned ankle
    if hit.sense.flag is not RedFlag.NIGHT_PAIN or f.words[hit.start] not in _WHEN_NIGHT:
        return True
    clause = f.clauses[hit.start]
    if any(h.sense.flag is None and f.clauses[h.start] == clause for h in feelings):
        return True
    return not any(  # "ran at night": when the run was; "worse at night" stays a sign
        f.clauses[h.start] == clause and not _ACTIVITY.isdisjoint(h.sense.cues) for h in f.hits
    )


def _near(f: Features, cues: tuple[Cue, ...], start: int, stop: int, clause: int) -> bool:
    """Whether a hit with one of ``cues`` starts in words[start:stop] within ``clause``
    (-1: any clause)."""
    for j in range(max(start, 0), min(stop, len(f.words))):
        hit = f.hit_at.get(j)
        if hit and clause in (-1, f.clauses[j]) and any(c in hit.sense.cues for c in cues):
            return True
    return False


def _cannot_bear_weight(f: Features) -> bool:
    for hit in f.cues.get(Cue.INABLE, ()):
        clause = f.clauses[hit.start]
        if _near(f, (Cue.WEIGHT,), hit.end, hit.end + 4, clause):
            return True
        if _near(f, (Cue.WALK, Cue.STAND), hit.end, hit.end + 2, clause):
            return True
    return False


_LANDINGS: Final = frozenset(
    {"jump", "jumps", "jumping", "jumped", "landing", "landings", "bound", "bounds", "bounding"}
    | {"skaters", "pogoing"}
)


#: Impact however it is named: hops, pogos, jumps, bounds, landings, plyos.
_IMPACT_WORDS: Final = _LANDINGS | frozenset(
    {"land", "lands", "landed", "pogo", "pogos", "hop", "hops", "hopping", "hopped", "plyo"}
    | {"plyos", "plyometrics"}
)
#: Words before the impact that make the feeling its ("when I do the hops", "during the
#: pogos", "every time I land").
_DURING_WORDS: Final = frozenset(
    {"when", "while", "whilst", "during", "whenever", "everytime", "on", "doing", "through"}
)
#: Said before a drill named as a thing ("on the bounds", "doing the pogos"), not before a
#: landing ("landed on my hip" is a fall's).
_DOING_WORDS: Final = frozenset({"on", "doing", "through"})
_DRILLS: Final = _IMPACT_WORDS - {"land", "lands", "landed", "landing", "landings", "jumped"}
_DURING_REACH: Final = 4
_EVERY_TIME_RE: Final = re.compile(r"\b(?:every|each)\s+time\b")


def _pain_on_impact(
    f: Features, feelings: Sequence[Hit], areas: Sequence[tuple[Hit, Area]]
) -> bool:
    """Pain or an ache at a bone-stress site during impact, however the impact is named
    ("deep ache in my groin when I do the hops", "my hip hurts when I land on it during the
    pogos"): the hop test's sign. Not soreness after it, nor one said in contrast."""
    if _IMPACT_WORDS.isdisjoint(f.words) or not any(a in BONE_STRESS_SITES for _, a in areas):
        return False
    hurts = [h for h in feelings if h.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS)]
    for at, word in enumerate(f.words):
        if word not in _IMPACT_WORDS:
            continue
        before = f.words[max(at - _DURING_REACH, 0) : at]
        during = _DURING_WORDS if word in _DRILLS else _DURING_WORDS - _DOING_WORDS
        if during.isdisjoint(before) and not _EVERY_TIME_RE.search(" ".join(before)):
            continue
        for hurt in hurts:
            if f.clauses[hurt.start] != f.clauses[at]:
                continue
            if hurt.start < at and _CONTRASTS.isdisjoint(f.words[hurt.end : at]):
                return True
            if at < hurt.start <= at + _FEELING_AFTER and _CONTRASTS.isdisjoint(
                f.words[at : hurt.start]
            ):
                return True  # "during the single leg hops there was a pain in my groin"
    return False


#: How far after the impact ("during the hops ...") the feeling it brought may be said.
_FEELING_AFTER: Final = 6


def landing_said(f: Features) -> bool:
    """Whether hops, jumps or landings are said ("worse with every hop")."""
    return Cue.HOP in f.cues or not _LANDINGS.isdisjoint(f.words)


def _built_up(f: Features) -> bool:
    """Pain said to build in the activity ("worse and worse with every hop so I stopped"),
    in the runner's own words (not "my friend's knee got worse and worse")."""
    said = frozenset(
        i for h in f.hits if h.sense.area or h.sense.kind for i in range(h.start, h.end)
    )
    if not f.foreign:
        return builds_in_activity(f.words, said)
    words = tuple("_" if i in f.foreign else w for i, w in enumerate(f.words))
    return builds_in_activity(words, said - f.foreign)


def _worse_during_run(f: Features) -> bool:
    for worse in f.cues.get(Cue.WORSE, ()):
        if negated(f, worse.start):
            continue
        for run in f.cues.get(Cue.RUN, ()):
            low, high = sorted((worse.start, run.start))
            if high - low > 6 or f.clauses[low] != f.clauses[high]:
                continue
            clause = f.clauses[low]
            during = _near(f, (Cue.DURING,), low - 3, high + 1, clause)
            if during and not _near(f, (Cue.AFTER,), low, high + 1, clause):
                return True
    return False


#: A run cut short by the feeling: "had to stop and walk", "too sore to keep running".
_STOPPED_RUN_RE: Final = re.compile(
    r"\b(?:too\s+(?:sore|painful|achy)|hurt(?:s|ing)?\s+too\s+much)\s+to\s+(?:keep\s+|carry\s+on\s+)?"
    r"(?:run|running|jog|jogging|go\s+on|carry\s+on|continue|finish)\b"
    r"|\bhad\s+to\s+(?:stop\s+(?:and\s+walk|running|jogging|the\s+run|my\s+run|mid\s*run)"
    r"|walk\s+(?:home|back|the\s+rest|it\s+in)|pull\s+up|bail|cut\s+(?:it|the\s+run|my\s+run)\s+short)\b"
    r"|\bstop(?:ped)?\s+and\s+walk(?:ed)?\b"
    r"|\b(?:couldnt|cant|cannot)\s+(?:keep\s+(?:running|going)|finish\s+(?:the|my)\s+(?:long\s+)?run)\b"
)
_FELT_IN_IT_RE: Final = re.compile(
    r"\btoo\s+(?:sore|painful|achy)\s+to\b|\bhurt(?:s|ing)?\s+too\s+much\b"
)


def _stopped_run(f: Features, feelings: Sequence[Hit]) -> bool:
    """A run the pain or soreness stopped ("the last runs I had to stop and walk, it got
    too sore to keep running"): pain that builds during the run (APTA)."""
    if not f.has(Cue.RUN):
        return False
    text = " ".join(f.words)
    found = _STOPPED_RUN_RE.search(text)
    if found is None:
        return False
    hurts = any(h.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS) for h in feelings)
    # "calf went on the long run, had to walk home": no feeling word, the area stopped it
    return hurts or not feelings or _FELT_IN_IT_RE.search(text) is not None


_LASTING: Final = frozenset(
    {"lasted", "lasting", "lasts", "lingered", "lingering", "lingers", "stayed", "stays",
     "persisted", "persists"}
)  # fmt: skip


def _lasting_after_run(f: Features, feelings: Sequence[Hit]) -> bool:
    """ "shin pain during the run and it lasted all evening": pain in the run that stays
    after it."""
    if _LASTING.isdisjoint(f.words) or not f.has(Cue.DURING) or not f.has(Cue.RUN):
        return False
    hurts = [h for h in feelings if h.sense.kind is ReportKind.PAIN]
    during = [h.start for h in f.cues[Cue.DURING] if f.words[h.start] in {"during", "mid"}]
    runs = [h.start for h in f.cues[Cue.RUN]]
    return bool(hurts) and any(0 < r - d <= 3 for d in during for r in runs)


_FINE_MOVING: Final = frozenset({"ok", "okay", "fine", "good", "alright", "grand", "sound"})


def _fine_before(f: Features, pos: int) -> bool:
    """Whether the movement at ``pos`` is said to be fine just before it ("knee is ok
    walking", "fine to walk", "ok when hopping")."""
    before = f.words[max(pos - 2, 0) : pos]
    return bool(before) and (
        before[-1] in _FINE_MOVING
        or (len(before) == 2 and before[0] in _FINE_MOVING and before[1] in _WHEN_WORDS | {"to"})
    )


def _pain_on(f: Features, feelings: Sequence[Hit], cue: Cue) -> bool:
    """Pain or soreness when walking (or hopping), not soreness after it, nor one denied
    ("no pain in my shin when hopping")."""
    hurts = [
        h
        for h in feelings
        if h.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS) and not denied(f, h)
    ]
    for walk in f.cues.get(cue, ()):
        if (
            f.cue_before(Cue.INABLE, walk.start, 2)
            or _fine_after(f, walk.end)
            or _fine_before(f, walk.start)
        ):
            continue  # "can't walk" is its own sign; "walking totally fine" is none
        for hurt in hurts:
            if f.clauses[walk.start] != f.clauses[hurt.start]:
                continue
            low, high = sorted((hurt.end, walk.start))
            if not _CONTRASTS.isdisjoint(f.words[low:high]):
                continue  # "bit sore but walking is ok"
            gap = walk.start - hurt.end - _small_words(f, hurt.end, walk.start)
            if hurt.sense.kind is ReportKind.SORENESS and "from" in f.words[hurt.end : walk.start]:
                continue  # "doms from the hops": soreness the hops left, not pain on them
            if 0 <= gap <= 2 and not _near(f, (Cue.AFTER,), hurt.end, walk.start, -1):
                return True  # "hurts to walk", "pain when walking" (not "sore after walking")
            if 0 <= hurt.start - walk.end - _limb_words(f, walk.end, hurt.start) <= 1:
                return True  # "walking hurts", "hopping on my right leg hurts"
            if hurt.start < walk.start and _when_before(f, walk.start):
                return True  # "pain in my hip when I walk"
            if _makes_hurt(f, walk.end, hurt.start):
                return True  # "hopping makes my left foot hurt"
    return False


#: Verbs by which an activity causes a feeling ("hopping makes my foot hurt").
_CAUSES: Final = frozenset({"make", "makes", "made", "making", "gives", "give", "gave", "sets"})
_CAUSE_GAP: Final = 6


def _makes_hurt(f: Features, end: int, hurt: int) -> bool:
    """Whether the activity ending at ``end`` is said to cause the feeling at ``hurt``
    ("hopping makes my left foot hurt", "walking really made it sore")."""
    if not 0 < hurt - end <= _CAUSE_GAP:
        return False
    between = f.words[end:hurt]
    causes = [i for i, w in enumerate(between) if w in _CAUSES]
    return bool(causes) and causes[0] <= 2 and _CONTRASTS.isdisjoint(between)


_SMALL: Final = frozenset({"now", "even", "just", "only", "a", "bit", "little", "really", "so",
                           "too", "still", "also", "when", "while", "i", "im"})  # fmt: skip


#: The limb an activity is done on ("hopping on my right leg", "on the left one").
_LIMB_WORDS: Final = frozenset(
    {"on", "my", "the", "left", "right", "leg", "legs", "foot", "one", "single", "each", "both"}
)


def _limb_words(f: Features, start: int, stop: int) -> int:
    """How many words in words[start:stop] name the limb the activity is done on, when
    they all do ("hopping on my right leg hurts"), else 0."""
    between = f.words[start:stop]
    return len(between) if between[:1] == ("on",) and _LIMB_WORDS.issuperset(between) else 0


def _without_the_limb(f: Features, areas: list[tuple[Hit, Area]]) -> list[tuple[Hit, Area]]:
    """``areas`` without the leg a hop or walk is done on when another area is named
    ("hopping on my right leg hurts deep in the front of the hip": the hip)."""
    kept = [
        (hit, area)
        for hit, area in areas
        if not (
            area is Area.LEG
            and "on" in f.words[max(hit.start - 3, 0) : hit.start]
            and (f.cue_before(Cue.HOP, hit.start, 4) or f.cue_before(Cue.WALK, hit.start, 4))
        )
    ]
    return kept or areas


def _small_words(f: Features, start: int, stop: int) -> int:
    """How many words in words[start:stop] only soften or time the phrase ("hurts now even
    just walking")."""
    return sum(1 for w in f.words[start:stop] if w in _SMALL)


def _fine_after(f: Features, pos: int) -> bool:
    """Whether a fine word follows within three words ("walking totally fine")."""
    return not _FINE_WORDS.isdisjoint(f.words[pos : pos + 3])


def _pain_on_weight(f: Features, feelings: Sequence[Hit]) -> bool:
    """ "hurts when I put weight on it": pain on weight bearing."""
    hurts = [h for h in feelings if h.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS)]
    return any(
        hurt.start < weight.start and f.clauses[hurt.start] == f.clauses[weight.start]
        for weight in f.cues.get(Cue.WEIGHT, ())
        for hurt in hurts
        if not f.cue_before(Cue.INABLE, weight.start, 4)
    )


def _when_before(f: Features, pos: int) -> bool:
    """Whether "when", "while", "on" (maybe with "i") comes right before ``pos``."""
    before = f.words[max(pos - 2, 0) : pos]
    return bool(before) and (
        before[-1] in _WHEN_WORDS
        or (before[-1] == "i" and len(before) == 2 and before[0] in _WHEN_WORDS)
    )


#: Words that may stand between a negation and the area or side it takes back ("not my
#: hips", "nothing wrong w my knees", "not on the right").
_DENY_GAP: Final = frozenset({"my", "the", "on", "in", "with", "w", "of", "me", "a", "about"})
#: Words that, after "nothing" or "no", say an area is not the trouble ("nothing wrong with
#: my knee", "no problem with the hip").
_NOTHING_WRONG: Final = frozenset({"wrong", "problem", "problems", "issue", "issues", "up", "bad"})
_NOTHING: Final = frozenset({"nothing", "no", "not", "nothin", "nuthin"})
_DENIERS: Final = frozenset({"not", "nothing", "never", "isnt", "arent", "wasnt", "werent", "aint"})
#: Words between an area and the negation that follows it ("knee isn't sore", "the calf is
#: not the problem").
_LINKING: Final = frozenset(
    {"is", "are", "was", "were", "itself", "that", "thats", "really", "even"}
)
_TROUBLE_WORDS: Final = frozenset({"problem", "issue", "trouble", "bother", "culprit", "one"})


def denied(f: Features, hit: Hit) -> bool:
    """Whether the area (or side) at ``hit`` is said not to be the one ("not my hips this
    time, it's my calf", "nothing wrong w my knees", "knee isn't sore, it's the quad",
    "not the right one"): a negation right before it, or a negated feeling right after an
    area. The caller keeps it when nothing else is named."""
    j = hit.start - 1
    while j >= 0 and f.clauses[j] == f.clauses[hit.start] and hit.start - j <= 4:
        word = f.words[j]
        side = f.hit_at.get(j)
        if word in _DENIERS:
            return not (j and f.words[j - 1] == "if")  # not "not sure if my knee..."
        if word in _NOTHING_WRONG and j and f.words[j - 1] in _NOTHING:
            return True
        if word not in _DENY_GAP and not (side is not None and side.sense.side is not None):
            break
        j -= 1
    if hit.sense.area is None:
        return False
    j = hit.end
    while j < len(f.words) and f.words[j] in _LINKING and j - hit.end < 2:
        j += 1
    neg = f.hit_at.get(j)
    if neg is None or Cue.NEG not in neg.sense.cues or f.clauses[j] != f.clauses[hit.start]:
        return False
    after = f.words[neg.end : neg.end + 3]
    return any(
        (h := f.hit_at.get(k)) is not None and h.sense.kind is not None and h.sense.flag is None
        for k in range(neg.end, neg.end + 2)
    ) or not _TROUBLE_WORDS.isdisjoint(after)


def _not_of_denied(
    f: Features, areas: list[tuple[Hit, Area]], feelings: Sequence[Hit]
) -> Sequence[Hit]:
    """The feelings not said in the clause of an area taken back ("not my knee that's sore,
    my hamstring is tight": tight), unless no other is said."""
    gone = {f.clauses[h.start] for h, _ in areas if denied(f, h)}
    if not gone:
        return feelings
    gone -= {f.clauses[h.start] for h, _ in areas if not denied(f, h)}
    rest = [h for h in feelings if f.clauses[h.start] not in gone]
    return rest or feelings


#: Words that take back what was just said ("left calf. sorry I mean the right").
_CORRECTIONS: Final = (("i", "mean"), ("i", "meant"), ("sorry", "meant"), ("no", "wait"))


def _corrected_from(f: Features) -> int:
    """Where a correction starts ("sorry I mean(t)", "no wait"), or 0 when there is none."""
    words = f.words
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1 : i + 1] in _CORRECTIONS:
            return i + 1
    return 0


def _side(f: Features) -> Side:
    sides: set[Side] = set()
    corrected = _corrected_from(f)
    hits = f.hits
    if corrected and any(h.sense.side is not None for h in hits if h.start >= corrected):
        hits = [h for h in hits if h.start >= corrected]  # the side said last, as corrected
    for hit in hits:
        side = hit.sense.side
        if side is not None and _side_counts(f, hit) and not denied(f, hit):
            sides.add(side)
    if Side.BOTH in sides or {Side.LEFT, Side.RIGHT} <= sides:
        return Side.BOTH
    return sides.pop() if sides else Side.NONE


#: "right" before these only stresses what follows ("pain right down my leg", "right at
#: the back of my knee"), unless a side is meant ("on the right into my calf").
_RIGHT_STRESSES: Final = frozenset(
    {"down", "into", "up", "through", "across", "along", "behind", "under", "at", "in", "now",
     "after", "before", "away", "there", "here", "around", "over"}
)  # fmt: skip
_OWNERS: Final = frozenset({"the", "my", "on", "her", "his", "to"})


def _side_counts(f: Features, hit: Hit) -> bool:
    """Multi-word sides always count; a lone left/right/l/r needs a body word near it; a
    side compared with ("bigger than the left") is not the report's."""
    word, pos = f.words[hit.start], hit.start
    if "than" in f.words[max(pos - 2, 0) : pos] or "compared" in f.words[max(pos - 4, 0) : pos]:
        return False  # "bigger than the left", "compared to the right": the other side
    if _side_fine(f, hit):
        return False  # "left hip tight, right side fine": the fine side is not the report's
    if word == "both" and f.words[pos + 1 : pos + 3] in _OF_THEM and _pair_said(f, pos):
        return True  # "my feet get sore on long runs, both of them"
    if word == "both" and hit.end - hit.start == 1 and not _near_body(f, hit):
        return False  # "did monday and tuesday both effort 5": both days, no side
    if hit.end - hit.start > 1 or hit.sense.side is Side.BOTH:
        return True
    if (
        word == "right"
        and f.words[pos + 1 : pos + 2]
        and f.words[pos + 1] in _RIGHT_STRESSES
        and not (pos and f.words[pos - 1] in _OWNERS)
    ):
        return False
    after = [f.hit_at.get(j) for j in range(pos + 1, pos + (2 if len(word) == 1 else 4))]
    if any(
        h and (h.sense.area or Cue.SIDE_HINT in h.sense.cues or Cue.BACK in h.sense.cues)
        for h in after
    ):
        return True
    if _side_alone(f, pos) or f.words[max(pos - 2, 0) : pos] == ("on", "the"):
        return True  # "..., L, sciatic-type", "left 3", "tight on the R"
    if len(word) == 1:
        return False
    before = f.hit_at.get(pos - 1) if pos else None
    return (pos > 0 and f.words[pos - 1] in _SIDE_NEIGHBOURS) or bool(before and before.sense.area)


def _side_fine(f: Features, hit: Hit) -> bool:
    """Whether the side at ``hit`` is said to be fine ("right side fine", "the left one is
    ok"), in its clause."""
    j = hit.end
    if j < len(f.words) and f.words[j] in ("one", "side", "leg"):
        j += 1
    while j < len(f.words) and f.words[j] in _LINKS and f.clauses[j] == f.clauses[hit.start]:
        j += 1
    return (
        j < len(f.words)
        and f.clauses[j] == f.clauses[hit.start]
        and f.words[j] in _FINE_WORDS
        and not negated(f, j)
    )


_OF_THEM: Final = frozenset({("of", "them"), ("of", "em"), ("of", "those")})
#: Areas said in the plural, a pair "both of them" can name.
_PAIRS: Final = frozenset(
    {"feet", "calves", "knees", "shins", "ankles", "hips", "quads", "hamstrings", "hammies",
     "glutes", "achilles", "legs", "flexors"}
)  # fmt: skip


def _pair_said(f: Features, pos: int) -> bool:
    """Whether a pair of areas ("feet", "calves") is said before ``pos``, in its sentence."""
    return any(word in _PAIRS for word in f.words[max(pos - 10, 0) : pos])


def _near_body(f: Features, hit: Hit) -> bool:
    """Whether a body area, a feeling or a side word is within two words of ``hit``."""
    for j in range(max(hit.start - 2, 0), min(hit.end + 3, len(f.words))):
        other = f.hit_at.get(j)
        if other is None or other is hit:
            continue
        if other.sense.area or other.sense.kind or Cue.SIDE_HINT in other.sense.cues:
            return True
    return False


_LEG_PARTS: Final = frozenset(
    {Area.QUADS, Area.HAMSTRINGS, Area.CALVES, Area.SHINS, Area.KNEE, Area.IT_BAND, Area.GROIN,
     Area.ACHILLES, Area.ANKLE, Area.FOOT}
)  # fmt: skip
_FINE_WORDS: Final = frozenset(
    {"ok", "okay", "fine", "good", "great", "grand", "better", "perfect", "recovered", "healed",
     "settled", "sorted", "resolved", "gone", "cleared", "normal", "alright", "unaffected",
     "springy", "bouncy", "free", "freer", "looser", "strong", "stronger", "fresh", "light",
     "amazing", "awesome", "brilliant", "mobile", "smooth"}
)  # fmt: skip
_LINKS: Final = frozenset(
    {"is", "are", "was", "were", "feel", "feels", "felt", "feeling", "all", "now", "has", "have",
     "fully", "full", "totally", "completely", "perfectly", "absolutely", "totes", "100",
     "more", "so", "really", "much", "very"}
)  # fmt: skip


def said_fine(f: Features, end: int) -> bool:
    """Whether the area ending at ``end`` is said to be fine ("glutes ok", "calf is fine")."""
    j = end
    while j < len(f.words) and f.words[j] in _LINKS and j - end < 2:
        j += 1
    return j < len(f.words) and f.words[j] in _FINE_WORDS


def _side_alone(f: Features, pos: int) -> bool:
    """Whether the side word at ``pos`` is a clause of its own, maybe with a rating ("...,
    left, ...", "..., right 4"), in a message that names a body area."""
    clause = f.clauses[pos]
    if pos > 0 and f.clauses[pos - 1] == clause:
        return False
    rest = [f.words[j] for j in range(pos + 1, len(f.words)) if f.clauses[j] == clause]
    if len(rest) > 1 or (rest and not rest[0].isdigit()):
        return False
    return any(hit.sense.area is not None for hit in f.hits)


#: Signs of the nerves: whatever muscle feeling is said beside them ("calf went tight, now
#: pins and needles down my foot"), the report is of pain.
_NERVE_SIGNS: Final = frozenset(
    {RedFlag.NUMBNESS_TINGLING, RedFlag.WEAKNESS, RedFlag.NERVE_PAIN, RedFlag.SADDLE_NUMBNESS}
)
_NIGHT: Final = frozenset({RedFlag.NIGHT_PAIN})
#: Signs read from a feeling under load ("sore when I walk"): the feeling itself is pain;
#: not a feeling that came during the work ("got sore during the hops"), nor the soreness
#: that makes walking hard ("sore 8/10, can barely walk"): the runner's word stays.
_LOADED_PAIN: Final = frozenset({RedFlag.PAIN_ON_WALKING, RedFlag.PAIN_ON_HOPPING})


def _said_kinds(f: Features, hit: Hit) -> list[ReportKind]:
    """The feeling words the runner used in ``hit``: the hit's own kind for a feeling word,
    the feeling words inside a warning-sign phrase ("sore to touch": soreness), none for a
    sign alone ("limping", "fell over")."""
    if hit.sense.flag is None:
        return [hit.sense.kind] if hit.sense.kind else []
    return [KIND_WORDS[w] for w in f.words[hit.start : hit.end] if w in KIND_WORDS]


_BURN: Final = frozenset({"burn", "burns", "burning", "burned", "burnt"})
_ON_FIRE: Final = ("on", "fire")
_GOOD: Final = frozenset({"good", "nice", "lovely", "great", "proper", "decent", "the"})
#: A rating above the pain-monitoring model's acceptable 5: lasting days, a sign whatever
#: the feeling word.
_HIGH: Final = 6


def _good_way(words: Sequence[str]) -> bool:
    """Whether a message says its burn was welcome: "in a good way", "the good kind"."""
    for i in range(len(words) - 1):
        if words[i] == "good" and (
            words[i + 1] in ("way", "kind") or (i and words[i - 1] == "a" and words[i + 1] == "way")
        ):
            return True
    return False


def _working_burn(f: Features, hit: Hit) -> bool:
    """ "glutes burning during the bridges", "on fire in the bridges, good burn": the
    muscle working in an exercise, no report."""
    said = f.words[hit.start : hit.end]
    if said == _ON_FIRE and _BURN.isdisjoint(f.words) and not _good_way(f.words):
        return False
    if said[-1] not in _BURN and said != _ON_FIRE and said[-1] != "screaming":
        return False
    if hit.start and f.words[hit.start - 1] in _GOOD:
        return True  # "good burn", "nice burn"
    if _good_way(f.words):
        return True  # "legs on fire during the bounds in a good way", "the good kind of burn"
    clause = f.clauses[hit.start]
    work = _WORK | {Cue.HOP} if _muscles_only(f) else _WORK
    for j in range(hit.end, min(hit.end + 5, len(f.words))):
        other = f.hit_at.get(j)
        if f.clauses[j] != clause:
            return False
        if other is not None and not work.isdisjoint(other.sense.cues):
            return f.words[hit.end] in {"during", "in", "on", "with", "through", "from"}
    return False


#: Muscles that burn as they work on the hops ("calves burning during the hops"); a bone or
#: joint burning on hops is still pain on hopping.
_WORKING_MUSCLES: Final = frozenset(
    {Area.CALVES, Area.GLUTES, Area.QUADS, Area.HAMSTRINGS, Area.HIP_FLEXORS, Area.LEG}
)


def _muscles_only(f: Features) -> bool:
    """Whether every area the message names is a working muscle."""
    named = {area for _, area in area_hits(f)}
    return bool(named) and named <= _WORKING_MUSCLES


_PAINKILLERS: Final = frozenset(
    {"ibuprofen", "painkiller", "painkillers", "paracetamol", "nurofen", "advil", "naproxen",
     "codeine", "tylenol", "aspirin"}
)  # fmt: skip
#: A feeling kept down by painkillers: "only feels ok when I take ibuprofen", "need
#: painkillers to run on it".
_MASKED_RE: Final = re.compile(
    r"\b(?:only|just)\s+(?:feels?\s+|is\s+|gets\s+)?(?:ok|okay|fine|good|alright|bearable"
    r"|manageable)\s+(?:when|with|if|after|once|on)\b"
    r"|\b(?:need|needs|needing|have\s+to\s+take|living\s+on|taking|popping)\s+(?:\w+\s+)?"
    r"(?:ibuprofen|painkillers?|paracetamol|nurofen|advil|naproxen|codeine|tylenol|aspirin)\s+"
    r"(?:to|just|for|every|each|before)\b"
)


def _masked(f: Features) -> bool:
    """Whether an area is said to be fine only on painkillers: pain kept down."""
    return not _PAINKILLERS.isdisjoint(f.words) and _MASKED_RE.search(" ".join(f.words)) is not None


_JOKING: Final = frozenset({"jk", "jks", "kidding", "joking", "jokes"})


def _taken_back(f: Features, feelings: Sequence[Hit]) -> bool:
    """Whether every feeling is said before a "jk" or "just kidding" that takes it back."""
    if _JOKING.isdisjoint(f.words):
        return False
    joke = next(i for i, w in enumerate(f.words) if w in _JOKING)
    return all(h.end <= joke for h in feelings)


#: Words that say legs are tired, not hurt ("legs are dead", "heavy legs").
_TIRED: Final = frozenset({"heavy", "dead", "fatigued", "jelly", "toast", "cooked", "fried", "shot",
                    "flat", "tired"})  # fmt: skip


def _past_tired_legs(
    f: Features, feelings: tuple[Hit, ...], areas: list[tuple[Hit, Area]]
) -> tuple[tuple[Hit, ...], list[tuple[Hit, Area]]]:
    """Legs only said tired beside another part's feeling ("legs r cooked, hips bit tight
    both sides"): the other part's report; the tired legs are no complaint."""
    tired = [h for h in feelings if f.words[h.end - 1] in _TIRED]
    felt = tuple(h for h in feelings if h not in tired)
    legs = {f.clauses[h.start] for h, a in areas if a is Area.LEG}
    others: list[tuple[Hit, Area]] = [(h, a) for h, a in areas if a is not Area.LEG]
    if not tired or not felt or not others or not legs:
        return feelings, areas
    if any(f.clauses[h.start] not in legs for h in tired) or any(
        f.clauses[h.start] in legs for h in felt
    ):
        return feelings, areas
    return felt, others


def _only_tired_legs(
    f: Features, feelings: Sequence[Hit], areas: list[tuple[Hit, Area]], flags: set[RedFlag]
) -> bool:
    """Whether the legs as a whole are only said to be tired: no part named, no sign, no
    rating, no word of pain or soreness."""
    return (
        bool(feelings)
        and not flags
        and all(a is Area.LEG for _, a in areas)
        and all(f.words[h.end - 1] in _TIRED for h in feelings)
    )


#: A rating said to have fallen to where it is now ("was a 4, down to a 2 today").
_DOWN_TO_RE: Final = re.compile(
    r"\b(?:down|dropped|eased|settled|gone)\s+(?:down\s+)?to\s+(?:about\s+|around\s+"
    r"|like\s+|maybe\s+|only\s+|just\s+)?(?:a\s+)?(10|[0-9])\b"
)


def fallen_to(low: str) -> int | None:
    """The rating a feeling is said to have fallen to ("it's down to a 2 today"), or None."""
    found = _DOWN_TO_RE.search(low) if "to" in low else None
    return None if found is None else int(found.group(1))


def _now_rated(f: Features, ratings: list[int]) -> int:
    """The report's severity: the rating it has fallen to when one is said ("was a 4,
    foam rolled it and it's down to a 2 today"), else the highest said."""
    now = fallen_to(" ".join(f.words)) if "to" in f.words else None
    return now if now is not None and now in ratings else max(ratings)


def build_report(
    f: Features, areas: list[tuple[Hit, Area]], ratings: list[int]
) -> ReportSlots | None:
    """The body report in the message (``areas`` from area_hits), or None when it names
    no area or no feeling."""
    if not areas:
        return None
    areas = _without_the_limb(f, areas)
    feelings = feeling_hits(f)
    if len(areas) > 1 and not _TIRED.isdisjoint(f.words):
        feelings, areas = _past_tired_legs(f, feelings, areas)
    burnt = False
    if not _BURN.isdisjoint(f.words) or (
        ("fire" in f.words or "screaming" in f.words) and _good_way(f.words)
    ):
        kept = tuple(h for h in feelings if not _working_burn(f, h))
        burnt, feelings = bool(feelings) and not kept, kept
    flags = _red_flags(f, feelings, areas)
    if burnt and not flags:
        return None  # "glutes on fire in the bridges, good burn. done, 6/10": the effort
    if not flags and feelings and _taken_back(f, feelings):
        return None  # "legs are dead lol jk felt great, 4/10": a joke, no report
    severity = _now_rated(f, ratings) if ratings else None
    if severity is not None and severity >= _HIGH and feelings and _lasting(f):
        flags.add(RedFlag.WORSENING_DURING_RUN)  # "sore, 7/10, been like that since Sunday"
    if severity is not None and severity > _RUN_PAIN and _pain_in_run(f, feelings, areas):
        flags.add(RedFlag.WORSENING_DURING_RUN)  # "hip pain 7/10 during the run": APTA
    elif severity is not None and severity > _RUN_PAIN and _rated_hurt(f, feelings, areas):
        limit = _work_limit(f)  # "hip pain 6/10 during the hops", "a 7 on the bridges"
        if limit is not None and severity > limit:
            flags.add(RedFlag.WORSENING_DURING_RUN)
    worse = worse_by_morning(f.words, f.clauses)
    masked = not feelings and _masked(f)  # "hip only feels ok when I take ibuprofen": pain
    if not feelings and not flags and severity is None and not worse and not masked:
        return None
    if (severity is None or f.has(Cue.DONE, Cue.DID)) and _only_tired_legs(
        f, feelings, areas, flags
    ):
        return None  # "legs dead from the long run", "done, legs cooked, 7/10": tired
    if (
        not feelings
        and not flags
        and not masked
        and (
            any(h.sense.kind is not None and negated(f, h.start) for h in f.hits)
            or all(said_fine(f, h.end) for h, _ in areas)
        )
    ):
        return None  # "not sore anymore in the calves, did it, 3", "glutes ok, did it, 6"
    locks = RedFlag.LOCKING in flags
    said = [
        kind
        for h in _not_of_denied(f, areas, feelings)
        if Cue.TROUBLE not in h.sense.cues and not (locks and f.words[h.start] in _LOCKS)
        for kind in _said_kinds(f, h)
    ]  # "niggle in my calf, more tight than anything": the feeling said, not the problem;
    # "knee locked up": the sign, no tightness
    if said:  # the runner's own word, even beside a warning sign ("limping, just tight")
        kind = max(said, key=_SERIOUSNESS.__getitem__)
        if not _NERVE_SIGNS.isdisjoint(flags) or (
            kind is ReportKind.SORENESS
            and (
                not _NIGHT.isdisjoint(flags)
                or (not _LOADED_PAIN.isdisjoint(flags) and "during" not in f.words)
            )
        ):
            kind = ReportKind.PAIN  # "aches at night", "sore when I walk": pain
    elif flags or feelings or masked:
        kind = ReportKind.PAIN
    else:
        kind = ReportKind.SORENESS
    complained = _not_of_denied(f, areas, feelings)
    named = [(h, a) for h, a in areas if not denied(f, h)] or areas  # "not my hips, the calf"
    chosen = _felt_area(f, named, complained)
    if not _NERVE_FLAGS.isdisjoint(flags) and any(a is Area.LEG for _, a in areas):
        # "tingling in my foot and leg": the whole leg; but a part with a pain of its own
        # stays ("pain in my right calf and the leg feels weak, keeps giving way")
        chosen = _part_in_pain(f, areas, flags) or Area.LEG
    elif not _NERVE_SIGNS.isdisjoint(flags) and _spread(f, areas):
        chosen = Area.LEG  # "zaps from my glute down to my calf": the leg between
    elif not _NERVE_SIGNS.isdisjoint(flags) and _leg_named(f, areas, chosen):
        chosen = Area.LEG  # "pain shooting down the back of my leg, like sciatica"
    elif kind is ReportKind.TIGHTNESS and chosen in _PRECISE and _region(f, areas, chosen):
        chosen = _PRECISE[chosen]  # "front of my hip is tight": the muscle there
    elif chosen is Area.LEG:  # "legs dead, quads mostly": the part the runner narrows to
        chosen = next((a for _, a in areas if a in _LEG_PARTS), chosen)
    return ReportSlots(chosen, _side(f), kind, severity, frozenset(flags), worse)


_ONLY_WEAK: Final = frozenset({RedFlag.WEAKNESS})
#: Words just before a feeling that make it an easing, no complaint ("way less tight").
_EASED: Final = frozenset({"less", "lesser", "barely", "hardly"})


def _felt_area(f: Features, named: list[tuple[Hit, Area]], feelings: Sequence[Hit]) -> Area:
    """The area the feeling is of: the first one said in a clause with a feeling that is no
    easing ("hamstrings way less tight. only thing is my foot, it hurts when I hop": the
    foot); with none, the area said last before the first feeling and not said fine
    ("hips feel great. only thing is the lower back, stiffness about 2": the lower back;
    "calves ok, shins not so much, bit sore": the shins); else the first named that is
    not said fine ("glutes ok but quads smashed": the quads)."""
    felt = {f.clauses[h.start] for h in feelings if not _eased(f, h)}
    found = next(
        (a for h, a in named if f.clauses[h.start] in felt and not _said_well(f, h)),
        next((a for h, a in named if f.clauses[h.start] in felt), None),
    )  # "quads feel fine but there's a tight spot in my hip flexor": the hip flexor
    if found is not None:
        return found
    unfine = [(h, a) for h, a in named if not _said_well(f, h)]
    complaints = [h.start for h in feelings if not _eased(f, h)]
    if complaints:
        before = [a for h, a in unfine if h.start < min(complaints)]
        if before:
            return before[-1]
    eased = {f.clauses[h.start] for h in feelings}
    found = next((a for h, a in named if f.clauses[h.start] in eased), None)
    return found or (unfine or named)[0][1]


def _eased(f: Features, hit: Hit) -> bool:
    """Whether the feeling at ``hit`` is said to ease ("way less tight", "barely sore")."""
    return not _EASED.isdisjoint(f.words[max(0, hit.start - 2) : hit.start])


#: Words after an area that say it is well ("hips feel great", "calves ok").
_WELL: Final = frozenset({"great", "amazing", "brilliant", "better", "awesome", "perfect"})


def _said_well(f: Features, hit: Hit) -> bool:
    """Whether the area at ``hit`` is said fine or well just after it."""
    if said_fine(f, hit.end):
        return True
    after = f.words[hit.end : hit.end + 3]
    return not _WELL.isdisjoint(after)


#: Pain rated above this while running is worrying running pain (APTA: above 3/10 while
#: running), a sign like pain that builds during a run.
_RUN_PAIN: Final = 3
_IN_RUN: Final = frozenset({"during", "mid", "while", "whilst", "through", "throughout", "midway"})
_RUN_GAP: Final = 3


#: The time of a run said without "during": "on my run today", "the whole way round",
#: "the entire run", "all through my jog".
_ON_THE_RUN_RE: Final = re.compile(
    r"(?<!going\s)(?<!go\s)(?<!before\s)(?<!heading\s)\b(?:on|in)\s+(?:my|the|todays"
    r"|this\s+mornings|tonights|last\s+nights)\s+(?:\w+\s+)?(?:run|jog|race)\b"
    r"(?!\s+(?:later|tonight|tomorrow|tmrw|this\s+evening))"
    r"|\b(?:(?:the|my)\s+(?:whole|entire|full)|whole|entire)\s+(?:[0-9.]+\s*)?(?:\w+\s+)?"
    r"(?:way|run|jog|race|loop|route|distance|parkrun|k|km|kms|miles?|marathon|laps?|[0-9.]+k)\b"
    r"|\ball\s+(?:the\s+)?way\s+(?:round|around)\b|\ball\s+run(?:\s+long)?\b"
    r"|\b(?:all\s+)?(?:through|thru|throughout)\s+(?:the|my|todays|this\s+mornings|tonights"
    r"|last\s+nights)\s+(?:\w+\s+)?(?:run|jog|race)\b"
    r"|\b(?:every\s+(?:step|mile|km|kilometre|kilometer)|(?:most|much|all|half|the\s+rest)"
    r")\s+of\s+(?:the|my|todays)\s+(?:\w+\s+)?(?:run|jog|race)\b"
)
#: Runs said as when it comes on ("every run this week", "on each run", "every time I run").
_EVERY_RUN_RE: Final = re.compile(
    r"\b(?:every|each|all\s+my|most)\s+(?:\w+\s+)?(?:run|runs|jog|jogs)\b"
    r"|\bevery\s+time\s+i\s+(?:run|jog|go\s+for\s+a\s+run)\b"
)
#: Pain coming on or building as the run goes ("starts hurting after 20 minutes", "by the
#: end", "gets worse as I go").
_BUILDS_RE: Final = re.compile(
    r"\b(?:starts?|started|starting|begins?|began)\s+(?:to\s+)?(?:hurt|hurting|ache|aching)\b"
    r"|\bby\s+the\s+end\b|\b(?:gets?|getting|got)\s+worse\s+(?:as|the\s+longer|during)\b"
    r"|\bafter\s+(?:about\s+|around\s+)?[0-9]+\s*(?:min|mins|minutes|k|km|miles?)\b"
)
#: "the whole time", "most of the way", said in a message about a run ("knee at a 6 the
#: whole time I was running", "ran today, knee was at a 6 most of the way").
_WHOLE_TIME_RE: Final = re.compile(
    r"\b(?:the|my)\s+(?:whole|entire)\s+time\b|\b(?:most|much|all|half)\s+of\s+the\s+way\b"
)


#: Training said as the time of the pain ("during the hops", "on the pogos", "doing the
#: bridges"): impact work is rated like running (APTA: above 3/10), loading work by the
#: pain-monitoring model (Silbernagel: above 5/10 is too much).
_IMPACT_WORK: Final = (
    r"hops?|hopping|jumps?|jumping|jump\s+squats?|pogos?|pogo\s+hops|bounds?|bounding|skips?"
    r"|skipping|landings?|plyos?|plyometrics|strides|sprints|drills"
)
_LOAD_WORK: Final = (
    r"bridges?|clamshells?|clams|squats?|split\s+squats?|lunges?|step\s+ups?|(?:calf|heel)\s+raises"
    r"|raises|planks?|copenhagens?|thrusts|deadlifts?|kickbacks|leg\s+swings|swings|monster\s+walks"
    r"|band\s+walks|band\s+work|exercises|session|workout|reps|sets"
)
_IN_WORK: Final = (
    r"\b(?:during|while\s+doing|whilst\s+doing|doing|on|in|through|mid|thru)\s+(?:the|my|todays"
    r"|today'?s|those|these|them|all\s+the|all\s+my|a\s+few)?\s*(?:\w+\s+){0,2}"
)
_IMPACT_WORK_RE: Final = re.compile(rf"{_IN_WORK}(?:{_IMPACT_WORK})\b")
_LOAD_WORK_RE: Final = re.compile(rf"{_IN_WORK}(?:{_LOAD_WORK})\b")
_LOAD_PAIN: Final = 5


def _work_limit(f: Features) -> int | None:
    """The highest rating that is no warning for the training said as the time of the pain
    (impact: 3, loading: 5), or None when no training is said so."""
    if f.has(Cue.AFTER):
        return None  # "sore 6/10 after the hops": after, followed up by the morning rule
    text = " ".join(f.words)
    if _IMPACT_WORK_RE.search(text):
        return _RUN_PAIN
    if _LOAD_WORK_RE.search(text):
        return _LOAD_PAIN
    return None


def _rated_hurt(f: Features, feelings: Sequence[Hit], areas: list[tuple[Hit, Area]]) -> bool:
    """Whether a rating may be of pain or soreness (not tightness, not only tired legs)."""
    hurts = (ReportKind.PAIN, ReportKind.SORENESS)
    return any(h.sense.kind in hurts and h.sense.flag is None for h in feelings) or (
        not feelings and not all(a is Area.LEG or said_fine(f, h.end) for h, a in areas)
    )


def _pain_in_run(f: Features, feelings: Sequence[Hit], areas: list[tuple[Hit, Area]]) -> bool:
    """Whether pain or soreness (not tightness) is said of the time during a run ("pain was
    like 7/10 during the run", "hurt 6/10 while running", "hip sore on my run, a 4 the
    whole way"): a rating while running is the APTA scale, whatever the word. A rating
    with no feeling word counts too ("hip was a 7 the whole way round"), unless every
    area is said to be fine or only the legs are rated ("legs a 7 the whole run": maybe
    how hard it was)."""
    hurts = (ReportKind.PAIN, ReportKind.SORENESS)
    if not any(h.sense.kind in hurts and h.sense.flag is None for h in feelings) and (
        feelings or all(a is Area.LEG or said_fine(f, h.end) for h, a in areas)
    ):
        return False
    text = " ".join(f.words)
    if not f.has(Cue.AFTER) and (
        _ON_THE_RUN_RE.search(text) or (f.has(Cue.RUN) and _WHOLE_TIME_RE.search(text))
    ):
        return True
    if _EVERY_RUN_RE.search(text) and _BUILDS_RE.search(text):
        return True  # "every run my knee starts hurting after 20 minutes, a 5 by the end"
    for during in f.cues.get(Cue.DURING, ()):
        if f.words[during.start] not in _IN_RUN or negated(f, during.start):
            continue
        clause = f.clauses[during.start]
        if _near(f, (Cue.RUN,), during.end, during.end + _RUN_GAP, clause) and not _near(
            f, (Cue.AFTER,), during.start - 2, during.end + _RUN_GAP, clause
        ):
            return True
    return False


def _leg_named(f: Features, areas: list[tuple[Hit, Area]], chosen: Area) -> bool:
    """Whether the part chosen was said as a side of the leg ("the back of my leg"): with a
    nerve sign, the leg is where it is felt."""
    return any(
        a is chosen and not {"leg", "legs"}.isdisjoint(f.words[h.start : h.end]) for h, a in areas
    )


def _part_in_pain(f: Features, areas: list[tuple[Hit, Area]], flags: set[RedFlag]) -> Area | None:
    """The leg part named first with a pain or soreness word of its own next to it, when the
    leg is only said to be weak (no numbness or pain down it)."""
    if not (flags & _NERVE_SIGNS) <= _ONLY_WEAK:
        return None
    first = areas[0]
    if first[1] not in _LEG_PARTS:
        return None
    hit = first[0]
    clause = f.clauses[hit.start]
    for other in f.hits:
        if (
            hit.start - 5 <= other.start < hit.end + 3
            and f.clauses[other.start] == clause
            and other.sense.flag not in _NERVE_SIGNS
            and other.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS)
            and not negated(f, other.start)
        ):
            return first[1]
    return None


_FROM: Final = frozenset({"from"})
_TOWARDS: Final = frozenset({"to", "into", "down", "through"})
_SPREAD_AREAS: Final = _LEG_PARTS | {Area.GLUTES, Area.HIPS, Area.LEG}


def _spread(f: Features, areas: list[tuple[Hit, Area]]) -> bool:
    """Whether a feeling runs from one area of the leg to another ("from my glute down to
    my calf", "from the hip into the knee")."""
    if _FROM.isdisjoint(f.words) or len(areas) < 2:
        return False
    came = False
    for hit, area in areas:
        before = f.words[max(hit.start - 3, 0) : hit.start]
        if area not in _SPREAD_AREAS:
            continue
        if not came and not _FROM.isdisjoint(before):
            came = True
        elif came and not _TOWARDS.isdisjoint(before):
            return True
    return False


def _region(f: Features, areas: list[tuple[Hit, Area]], area: Area) -> bool:
    """Whether ``area`` is named by where it is, at its part ``_PRECISE`` names ("front of
    my hip", "outside of my knee"; not "inside of my knee")."""
    return any(a is area and f.words[h.start] == _REGION_WORDS[a] for h, a in areas)


#: Words that may stand between two areas said together ("quads and glutes", "right glute
#: and right hamstring", "my knee and my hip"): one feeling for both.
_COORDINATION: Final = frozenset({"and", "or", "n", "plus", "my", "the", "both", "left", "right",
                                  "l",
                           "r", "me", "also"})  # fmt: skip
_JOINERS: Final = frozenset({"and", "or", "n", "plus"})
#: Where a new report may start: "tight hips and a sore lower back", "knee tight but my hip
#: is sore".
_SPLITS: Final = frozenset({"and", "but", "also", "plus", "then", "though", "tho", "although",
                     "however", "while", "whilst", "whereas", "n"})  # fmt: skip
#: Words that may come before an area at the start of its own report.
_LEADS: Final = frozenset({"my", "the", "a", "an", "me", "also", "too", "bit", "little", "very",
                    "really", "so", "slightly", "quite", "pretty", "kinda", "now", "both",
                    "then", "still", "in", "on", "at", "of", "around", "some", "abit",
                    "wee", "tiny", "small", "dull", "deep", "mild", "slight", "constant",
                    "weird", "strange", "odd", "new", "theres", "there", "is"})  # fmt: skip

AreaGroup = tuple[int, int, list[tuple[Hit, Area]]]


def area_groups(f: Features, areas: list[tuple[Hit, Area]]) -> list[AreaGroup]:
    """The message cut into one stretch of words per report: (start, end, the areas it
    reports). Areas said together ("hamstrings and glutes both sore") share one stretch and
    its feeling; an area after "and", "but" or a comma with only a side, a determiner or a
    feeling before it starts its own ("left knee feels tight and my right hip is sore"); an
    area named in passing ("started like a tight hip flexor") is context of the one before.
    Each stretch ends with the clause of its last area once a feeling or number is said."""
    groups: list[list[tuple[Hit, Area]]] = []
    starts: list[int] = []
    for hit, area in areas:
        if groups:
            last = groups[-1][-1][0]
            if any(area is a for _, a in groups[-1]):
                continue  # "outside of my left thigh (IT band I think)": the same area again
            if _coordinated(f, last, hit):
                groups[-1].append((hit, area))
                continue
            cut = _cut(f, last.end, hit.start)
            if cut is None:
                continue
            starts.append(cut)
        else:
            starts.append(_first_start(f, hit.start))
        groups.append([(hit, area)])
    found: list[AreaGroup] = []
    n = len(f.words)
    for k, group in enumerate(groups):
        limit = starts[k + 1] if k + 1 < len(groups) else n
        found.append((starts[k], _stretch_end(f, starts[k], group[-1][0].end, limit), group))
    return found


def _first_start(f: Features, pos: int) -> int:
    """Where the first report starts: the clause of its area, with the clauses before it
    that say a feeling ("after the long run I'm sore, quads mostly"), not "done, 5/10"."""
    start = pos
    while start > 0 and f.clauses[start - 1] == f.clauses[pos]:
        start -= 1
    while start > 0:
        before = start - 1
        first = before
        while first > 0 and f.clauses[first - 1] == f.clauses[before]:
            first -= 1
        if not any(_felt(f, j) and not f.words[j][0].isdigit() for j in range(first, start)):
            break
        start = first
    return start


def _coordinated(f: Features, last: Hit, hit: Hit) -> bool:
    between = f.words[last.end : hit.start]
    if any(w not in _COORDINATION for w in between):
        return False
    return not _JOINERS.isdisjoint(between) or f.clauses[last.start] != f.clauses[hit.start]


def _cut(f: Features, low: int, high: int) -> int | None:
    """Where the report of the area at ``high`` starts, if it has one of its own."""
    for c in range(high, low - 1, -1):
        if c < high and not _leads(f, c):
            return None
        if f.clauses[c] != f.clauses[c - 1] or f.words[c - 1][0].isdigit():
            return c  # "..., hip tight", "quads 4/10 tight hammies 3/10"
        if f.words[c - 1] in _SPLITS and not _inside_phrase(f, c - 1):
            return c - 1  # not the "and" of "pins and needles"
    return None


#: The runner's own "I've got", "I have", "I'm getting" before a new report ("hamstring's
#: tight but also I've got this tingling in my right foot").
_OWN_LEADS: Final = frozenset({"i", "ive", "im", "got", "have", "having", "get", "getting", "this",
                        "these", "noticed", "noticing", "feel", "feeling"})  # fmt: skip


def _inside_phrase(f: Features, pos: int) -> bool:
    return any(h.start < pos < h.end for h in f.hits)


def _leads(f: Features, pos: int) -> bool:
    if f.words[pos] in _LEADS or f.words[pos] in _OWN_LEADS:
        return True
    hit = f.hit_at.get(pos)
    if hit is None:  # inside a phrase: "pins and needles", "sharp pain"
        return any(h.start < pos < h.end and (h.sense.kind or h.sense.side) for h in f.hits)
    return bool(hit.sense.kind or hit.sense.side or Cue.DETERMINER in hit.sense.cues)


def _stretch_end(f: Features, start: int, area_end: int, limit: int) -> int:
    """The end of the clause of the area at ``area_end`` (later clauses too, while none
    before has said a feeling or number), never past ``limit``."""
    end = area_end
    while end < limit:
        if (
            f.clauses[end] != f.clauses[end - 1]
            and any(_felt(f, j) for j in range(start, end))
            and not _rating_or_side(f, end, limit)
        ):
            return end
        end += 1
    return limit


_RATING_WORDS: Final = frozenset({"maybe", "about", "around", "a", "an", "out", "of", "like",
                                  "each",
                           "probably", "prob", "roughly", "ish", "one", "side", "sided",
                           "on", "the", "at", "only", "just", "and", "max", "maximum", "tops",
                           "top", "most", "worst", "or", "so", "now", "either", "any", "its",
                           "it", "but", "is"})  # fmt: skip
_NOT: Final = frozenset({"not", "no", "nor", "never", "without", "isnt", "arent"})


def _rating_or_side(f: Features, pos: int, limit: int) -> bool:
    """Whether the clause starting at ``pos`` only rates or sides what came before ("...,
    2/10", "..., left one")."""
    clause = f.clauses[pos]
    j = pos
    while j < limit and f.clauses[j] == clause:
        word = f.words[j]
        hit = f.hit_at.get(j)
        if hit is not None and hit.sense.side is not None:
            j = hit.end
            continue
        if hit is not None and (hit.sense.kind or hit.sense.flag) and negated(f, j):
            j = hit.end  # "..., (not sore), 2/10", "no swelling on either"
            continue
        if not (word[0].isdigit() or word in _RATING_WORDS or word in NUMBER_WORDS or word in _NOT):
            return False
        j += 1
    return True


def _felt(f: Features, pos: int) -> bool:
    hit = f.hit_at.get(pos)
    if hit is not None and Cue.TROUBLE in hit.sense.cues:
        return False  # "rolled my ankle, ..., bit sore": the feeling may come later
    return bool(hit and (hit.sense.kind or hit.sense.flag)) or f.words[pos][0].isdigit()


def own_side(f: Features, hit: Hit) -> Side:
    """The side said right before one area of several ("right glute and right hamstring")."""
    if hit.sense.side is not None:
        return hit.sense.side
    for j in range(hit.start - 1, max(hit.start - 3, -1), -1):
        other = f.hit_at.get(j)
        if other is not None and other.sense.side in (Side.LEFT, Side.RIGHT):
            return other.sense.side
        if f.words[j] not in {"my", "the", "me"}:
            break
    return Side.NONE
