"""A session fitted to the length the runner chose (about 10, 20 or 30 minutes).

The sessions are written for about 20 minutes (docs/coaching.md, "Programme: session
length"). A shorter choice keeps the whole warm-up (never rushed before landings) and
takes work away from the end: a second plain cool-down first, then sets, then landings (the
contact ranges are upper limits, so a short session does fewer contacts), then the last
main exercises, keeping at least two. A longer choice adds a set to the main strength and
mobility work, never more landings.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.content import Dose, Exercise, Part

__all__ = ["Entry", "fit_to_minutes"]

#: One prescribed exercise as the planner drafts it: exercise, part, dose, note.
Entry = tuple[Exercise, Part, Dose, str | None]

#: Minutes a session may run over the chosen length (a rough estimate of rests).
SLACK_MINUTES = 2
#: The length the sessions are written for.
WRITTEN_FOR_MINUTES = 20
#: Main exercises a shortened session keeps at least.
MIN_MAIN = 2
#: Most sets a longer session gives one exercise.
MAX_SETS = 4
_CONTACT_STEP = 5
#: Landings a drill keeps at least when a session is shortened.
MIN_CONTACTS = 10


def _seconds(entries: list[Entry]) -> float:
    return sum(dose.seconds_of_work for _, _, dose, _ in entries)


def fit_to_minutes(entries: list[Entry], minutes: int) -> list[Entry]:
    """``entries`` fitted to about ``minutes`` (see the module's docstring)."""
    fitted = list(entries)
    budget = (minutes + SLACK_MINUTES) * 60
    if minutes > WRITTEN_FOR_MINUTES:
        return _lengthened(fitted, minutes * 60)
    for shorten in (_drop_extra_cool_down, _fewer_sets, _fewer_contacts, _drop_last_main):
        while _seconds(fitted) > budget and shorten(fitted):
            pass
    return fitted


def _lengthened(entries: list[Entry], budget: float) -> list[Entry]:
    """One more set for each main strength or mobility exercise while the time allows."""
    for index, (exercise, part, dose, note) in enumerate(entries):
        if part is not Part.MAIN or dose.contacts is not None or dose.sets >= MAX_SETS:
            continue
        more = dose.model_copy(update={"sets": dose.sets + 1})
        if _seconds(entries) - dose.seconds_of_work + more.seconds_of_work > budget:
            break
        entries[index] = (exercise, part, more, note)
    return entries


def _last(entries: list[Entry], matches: Callable[[Entry], bool]) -> int | None:
    return next((i for i in reversed(range(len(entries))) if matches(entries[i])), None)


def _drop_extra_cool_down(entries: list[Entry]) -> bool:
    """Drop the last plain cool-down exercise while more than one cool-down is left (the
    extra mobility for a tight area or desk hours, which has a note, stays)."""
    cool = [i for i, (_, part, _, _) in enumerate(entries) if part is Part.COOL_DOWN]
    plain = [i for i in cool if entries[i][3] is None]
    if len(cool) <= 1 or not plain:
        return False
    del entries[plain[-1]]
    return True


def _fewer_sets(entries: list[Entry]) -> bool:
    """One set less for the last main exercise with more than one."""
    index = _last(entries, lambda e: e[1] is Part.MAIN and e[2].contacts is None and e[2].sets > 1)
    if index is None:
        return False
    exercise, part, dose, note = entries[index]
    entries[index] = (exercise, part, dose.model_copy(update={"sets": dose.sets - 1}), note)
    return True


def _fewer_contacts(entries: list[Entry]) -> bool:
    """Five landings less for the last impact exercise with more than ``MIN_CONTACTS``
    (fewer is not worth the warm-up: at 10 minutes a session sits at that floor)."""
    index = _last(entries, lambda e: (e[2].contacts or 0) > MIN_CONTACTS)
    if index is None:
        return False
    exercise, part, dose, note = entries[index]
    assert dose.contacts is not None
    less = dose.model_copy(update={"contacts": dose.contacts - _CONTACT_STEP})
    entries[index] = (exercise, part, less, note)
    return True


def _drop_last_main(entries: list[Entry]) -> bool:
    """Drop the last main exercise while more than ``MIN_MAIN`` are left."""
    main = [i for i, (_, part, _, _) in enumerate(entries) if part is Part.MAIN]
    if len(main) <= MIN_MAIN:
        return False
    del entries[main[-1]]
    return True
