"""Body reports: the area, side, feeling, rating and red flags in a message.

A report needs an area and at least one of: a feeling word, a rating, a red flag.
The first area named is the report's area. The most serious feeling the runner said wins
(pain > soreness > tightness), even beside a red flag ("limping, prob just tight"); a red
flag with no feeling word is pain; a rating with no feeling word
is logged as soreness, and so is "worse this morning" with no feeling word. The highest
rating given is the severity; "worse next morning" marks the report ``worse``.
"""

from __future__ import annotations

from bot.core.understanding.features import Features, Hit
from bot.core.understanding.lexicon import KIND_WORDS
from bot.core.understanding.model import ReportSlots
from bot.core.understanding.morning import worse_by_morning
from bot.core.understanding.senses import Cue
from bot.core.understanding.words import word_set
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

__all__ = ["area_hits", "build_report", "feeling_hits"]

_SERIOUSNESS = {ReportKind.TIGHTNESS: 0, ReportKind.SORENESS: 1, ReportKind.PAIN: 2}
_SCOPE_BREAK = frozenset({"but", "though", "although", "however", "except", "just", "only"})
_NOT_BODY_AFTER_BACK = frozenset(
    {"from", "to", "at", "on", "in", "into", "home", "again", "now", "up", "off", "out",
     "then", "here", "there", "and", "later", "soon", "online", "of"}
)  # fmt: skip
_SIDE_NEIGHBOURS = frozenset({"my", "the", "on", "and", "both", "of"})
_NEGATION_WINDOW = 3
_NO_WAY = ("no", "way")
_LIST_WORDS = frozenset({"or", "nor", "and"})
_WORK = frozenset({Cue.SESSION, Cue.EXERCISE})


#: A day's own ("today's hips"): what follows is that day's session, no body area.
_DAYS_OWN = word_set(
    "todays tonights mondays tuesdays wednesdays thursdays fridays saturdays sundays"
)


def area_hits(f: Features) -> list[tuple[Hit, Area]]:
    """Hits naming a body area, in order ("hip session" and "came back" name none)."""
    found: list[tuple[Hit, Area]] = []
    foreign = f.foreign
    for hit in f.hits:
        if foreign and hit.start in foreign:
            continue  # "my friend's knee", "years ago"
        area = hit.sense.area
        if area is None and Cue.BACK in hit.sense.cues and _back_is_body(f, hit.start):
            area = Area.LOWER_BACK
        if area is None:
            continue
        follower = f.hit_at.get(hit.end)
        if follower is not None and not _WORK.isdisjoint(follower.sense.cues):
            continue  # "hip session", "calf raises", "hip flexor stretch": the work
        before = hit.start - 1
        if (
            before >= 0
            and f.words[before] in _DAYS_OWN
            and f.clauses[before] == f.clauses[hit.start]
        ):
            continue  # "finished today's hips", "did monday's glutes": the day's session
        found.append((hit, area))
    return found


def _back_is_body(f: Features, pos: int) -> bool:
    if f.cue_before(Cue.BACK_VERB, pos, 1):
        return False
    return pos + 1 >= len(f.words) or f.words[pos + 1] not in _NOT_BODY_AFTER_BACK


def negated(f: Features, pos: int) -> bool:
    """Whether a negation governs the word at ``pos`` ("no swelling", "doesn't hurt")."""
    negations = f.cues.get(Cue.NEG, ())
    if not negations:
        return False
    neg_ends = {hit.end - 1 for hit in negations}
    if any(  # "no way I'm getting the session done": the whole clause after it
        f.words[hit.start : hit.end] == _NO_WAY
        and hit.end <= pos
        and f.clauses[hit.start] == f.clauses[pos]
        for hit in negations
    ):
        return True
    for j in range(pos - 1, max(pos - 1 - _NEGATION_WINDOW, -1), -1):
        if f.clauses[j] != f.clauses[pos] or f.words[j] in _SCOPE_BREAK:
            return False
        if j in neg_ends:
            return True
        other = f.hit_at.get(j)
        if other is not None and (other.sense.kind or other.sense.flag):
            # "no numbness or tingling", "no pain at night": one negation over both
            joined = other.end == pos or f.words[pos - 1] in _LIST_WORDS
            return joined and negated(f, j)
    return False


def feeling_hits(f: Features) -> list[Hit]:
    """Hits naming a feeling (tight, sore, pain...) of the runner's own, now, that no
    negation governs (``subject``: not someone else's, not long ago, not only asked about;
    a warning sign in a question still counts)."""
    if not (f.foreign or f.asked):
        return [h for h in f.hits if h.sense.kind is not None and not negated(f, h.start)]
    return [
        h
        for h in f.hits
        if h.sense.kind is not None
        and h.start not in f.foreign
        and (h.sense.flag is not None or f.clauses[h.start] not in f.asked)
        and not negated(f, h.start)
    ]


_RADIATING_STARTS = frozenset({"down", "into"})
_NERVE_FLAGS = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.WEAKNESS})
_FRACTURE_WORDS = frozenset({"fracture", "fractures"})
_NUMB_FLAGS = frozenset({RedFlag.NUMBNESS_TINGLING, RedFlag.SADDLE_NUMBNESS})
_WHEN_WORDS = frozenset({"when", "while", "whilst", "on", "if"})


def _red_flags(f: Features, feelings: list[Hit], areas: list[tuple[Hit, Area]]) -> set[RedFlag]:
    flags = {h.sense.flag for h in feelings if h.sense.flag is not None}
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
    if _pain_on(f, feelings, Cue.HOP):
        flags.add(RedFlag.PAIN_ON_HOPPING)
    if _cannot_bear_weight(f):
        flags.add(RedFlag.CANNOT_BEAR_WEIGHT)
    if _worse_during_run(f) or _lasting_after_run(f, feelings):
        flags.add(RedFlag.WORSENING_DURING_RUN)
    if _pain_on(f, feelings, Cue.WALK) or _pain_on_weight(f, feelings):
        flags.add(RedFlag.PAIN_ON_WALKING)
    return flags


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


_LASTING = frozenset(
    {"lasted", "lasting", "lasts", "lingered", "lingering", "lingers", "stayed", "stays",
     "persisted", "persists"}
)  # fmt: skip


def _lasting_after_run(f: Features, feelings: list[Hit]) -> bool:
    """ "shin pain during the run and it lasted all evening": pain in the run that stays
    after it."""
    if _LASTING.isdisjoint(f.words) or not f.has(Cue.DURING) or not f.has(Cue.RUN):
        return False
    hurts = [h for h in feelings if h.sense.kind is ReportKind.PAIN]
    during = [h.start for h in f.cues[Cue.DURING] if f.words[h.start] in {"during", "mid"}]
    runs = [h.start for h in f.cues[Cue.RUN]]
    return bool(hurts) and any(0 < r - d <= 3 for d in during for r in runs)


def _pain_on(f: Features, feelings: list[Hit], cue: Cue) -> bool:
    """Pain or soreness when walking (or hopping), not soreness after it."""
    hurts = [h for h in feelings if h.sense.kind in (ReportKind.PAIN, ReportKind.SORENESS)]
    for walk in f.cues.get(cue, ()):
        if f.cue_before(Cue.INABLE, walk.start, 2):
            continue
        for hurt in hurts:
            if f.clauses[walk.start] != f.clauses[hurt.start]:
                continue
            gap = walk.start - hurt.end
            if 0 <= gap <= 2 and not _near(f, (Cue.AFTER,), hurt.end, walk.start, -1):
                return True  # "hurts to walk", "pain when walking" (not "sore after walking")
            if 0 <= hurt.start - walk.end <= 1:
                return True  # "walking hurts", "walking is painful"
            if hurt.start < walk.start and _when_before(f, walk.start):
                return True  # "pain in my hip when I walk"
    return False


def _pain_on_weight(f: Features, feelings: list[Hit]) -> bool:
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


def _side(f: Features) -> Side:
    sides: set[Side] = set()
    for hit in f.hits:
        side = hit.sense.side
        if side is not None and _side_counts(f, hit):
            sides.add(side)
    if Side.BOTH in sides or {Side.LEFT, Side.RIGHT} <= sides:
        return Side.BOTH
    return sides.pop() if sides else Side.NONE


def _side_counts(f: Features, hit: Hit) -> bool:
    """Multi-word sides always count; a lone left/right/l/r needs a body word near it."""
    if hit.end - hit.start > 1 or hit.sense.side is Side.BOTH:
        return True
    word, pos = f.words[hit.start], hit.start
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


_FINE_WORDS = frozenset(
    {"ok", "okay", "fine", "good", "great", "grand", "better", "perfect", "recovered", "healed",
     "settled", "sorted", "resolved", "gone", "cleared"}
)  # fmt: skip
_LINKS = frozenset(
    {"is", "are", "was", "were", "feel", "feels", "felt", "feeling", "all", "now", "has", "have",
     "fully", "full"}
)  # fmt: skip


def _said_fine(f: Features, end: int) -> bool:
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


#: Signs read from a feeling under load: the feeling itself is pain.
_LOADED_PAIN = frozenset(
    {RedFlag.PAIN_ON_WALKING, RedFlag.PAIN_ON_HOPPING, RedFlag.WORSENING_DURING_RUN,
     RedFlag.CANNOT_BEAR_WEIGHT}
)  # fmt: skip


def _said_kinds(f: Features, hit: Hit) -> list[ReportKind]:
    """The feeling words the runner used in ``hit``: the hit's own kind for a feeling word,
    the feeling words inside a warning-sign phrase ("sore to touch": soreness), none for a
    sign alone ("limping", "fell over")."""
    if hit.sense.flag is None:
        return [hit.sense.kind] if hit.sense.kind else []
    return [KIND_WORDS[w] for w in f.words[hit.start : hit.end] if w in KIND_WORDS]


_BURN = frozenset({"burn", "burns", "burning", "burned", "burnt"})


def _working_burn(f: Features, hit: Hit) -> bool:
    """ "glutes burning during the bridges": the muscle working in an exercise, no report."""
    if f.words[hit.start] not in _BURN:
        return False
    clause = f.clauses[hit.start]
    for j in range(hit.end, min(hit.end + 5, len(f.words))):
        other = f.hit_at.get(j)
        if f.clauses[j] != clause:
            return False
        if other is not None and not _WORK.isdisjoint(other.sense.cues):
            return f.words[hit.end] in {"during", "in", "on", "with", "through", "from"}
    return False


def build_report(
    f: Features, areas: list[tuple[Hit, Area]], ratings: list[int]
) -> ReportSlots | None:
    """The body report in the message (``areas`` from area_hits), or None when it names
    no area or no feeling."""
    if not areas:
        return None
    feelings = feeling_hits(f)
    if not _BURN.isdisjoint(f.words):
        feelings = [h for h in feelings if not _working_burn(f, h)]
    flags = _red_flags(f, feelings, areas)
    severity = max(ratings) if ratings else None
    worse = worse_by_morning(f.words, f.clauses)
    if not feelings and not flags and severity is None and not worse:
        return None
    if (
        not feelings
        and not flags
        and (
            any(h.sense.kind is not None and negated(f, h.start) for h in f.hits)
            or all(_said_fine(f, h.end) for h, _ in areas)
        )
    ):
        return None  # "not sore anymore in the calves, did it, 3", "glutes ok, did it, 6"
    said = [kind for h in feelings for kind in _said_kinds(f, h)]
    if said:  # the runner's own word, even beside a warning sign ("limping, just tight")
        kind = max(said, key=_SERIOUSNESS.__getitem__)
        if not _LOADED_PAIN.isdisjoint(flags):
            kind = ReportKind.PAIN  # "sore when I walk": pain under load is pain
    elif flags or feelings:
        kind = ReportKind.PAIN
    else:
        kind = ReportKind.SORENESS
    felt = {f.clauses[h.start] for h in feelings}
    chosen = next((a for h, a in areas if f.clauses[h.start] in felt), areas[0][1])
    if not _NERVE_FLAGS.isdisjoint(flags) and any(a is Area.LEG for _, a in areas):
        chosen = Area.LEG  # "tingling in my foot and leg": the whole leg
    return ReportSlots(chosen, _side(f), kind, severity, frozenset(flags), worse)
