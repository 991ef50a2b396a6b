"""Doses in words a runner can follow: sets, reps or contacts, per leg, rest (issue 12)."""

from __future__ import annotations

from bot.core.content import Dose, Part
from bot.core.planner import PlannedExercise
from bot.core.vocabulary import Family, Intensity
from bot.presentation.doses import contacts_by_intensity, dose_text


def item(
    dose: Dose,
    *,
    name: str = "Pogo hops",
    intensity: Intensity | None = None,
    rest: int = 60,
    family: Family = Family.HOPS_IN_PLACE,
    contacts: int = 0,
) -> PlannedExercise:
    return PlannedExercise(
        "x",
        name,
        Part.MAIN,
        dose.render(),
        "Cue.",
        contacts=contacts,
        impact=intensity is not None,
        amount=dose,
        cues=("Cue.", "Safety cue."),
        intensity=intensity,
        rest=rest,
        family=family,
    )


def test_contacts_are_split_into_sets_with_the_rest_between_them() -> None:
    pogo = item(Dose(contacts=35), intensity=Intensity.LOW, rest=45, contacts=35)
    assert dose_text(pogo) == "35 foot contacts in sets of 20 + 15, rest 45 s between sets"


def test_one_legged_contacts_say_how_many_a_leg() -> None:
    hops = item(Dose(contacts=10, per_side=True), intensity=Intensity.HIGH, rest=90, contacts=20)
    assert dose_text(hops) == "20 foot contacts, 10 a leg in 2 sets of 5, rest 90 s between sets"


def test_a_single_set_has_no_rest_line() -> None:
    skips = item(Dose(contacts=15), intensity=Intensity.LOW, rest=45, contacts=15)
    assert dose_text(skips) == "15 foot contacts in one set"


def test_strength_says_sets_reps_per_leg_and_rest() -> None:
    squat = item(Dose(sets=3, reps=8, per_side=True), family=Family.SINGLE_LEG_STRENGTH)
    assert dose_text(squat) == "3 × 8 reps each leg, rest 60 s between sets"


def test_trunk_work_is_each_side_and_holds_in_seconds() -> None:
    bug = item(Dose(sets=2, reps=6, per_side=True), name="Dead bug", family=Family.TRUNK)
    assert dose_text(bug) == "2 × 6 reps each side, rest 60 s between sets"
    hold = item(Dose(sets=3, seconds=45), name="Spanish squat hold", rest=30)
    assert dose_text(hold) == "3 × 45 s, rest 30 s between sets"


def test_contacts_are_counted_by_intensity_class() -> None:
    day = [
        item(Dose(contacts=40), intensity=Intensity.LOW, contacts=40),
        item(Dose(contacts=15), intensity=Intensity.MODERATE, contacts=15),
        item(Dose(sets=2, reps=8), family=Family.GLUTE_MED),
    ]
    assert contacts_by_intensity(day) == "55 foot contacts (40 low, 15 moderate)"
    assert contacts_by_intensity(day[2:]) == ""
