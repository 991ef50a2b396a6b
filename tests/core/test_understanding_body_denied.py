"""Body reports: an area or side the runner takes back ("not my hips, it's the calf"), a
part named before "that leg", and recoveries said with a verb of leaving ("the soreness
faded", "loosened up"), in our own phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, understand, understand_all
from bot.core.vocabulary import Area, ReportKind, Side

TODAY = date(2026, 11, 25)


def _reports(text: str) -> list[tuple[Area, Side, ReportKind, bool]]:
    found: list[tuple[Area, Side, ReportKind, bool]] = []
    for part in understand_all(text, TODAY):
        if part.report is not None:
            r = part.report
            found.append((r.area, r.side, r.kind, bool(r.red_flags or part.signs)))
    return found


def _kinds(text: str) -> list[IntentKind]:
    return [part.kind for part in understand_all(text, TODAY)]


# ------------------------------------------------------------------ an area taken back


@pytest.mark.parametrize(
    ("text", "area", "kind"),
    [
        ("its not my knee this time, its the right hamstring, proper tight", Area.HAMSTRINGS,
         ReportKind.TIGHTNESS),
        ("not the calf today but my achilles, stiff", Area.ACHILLES, ReportKind.TIGHTNESS),
        ("nothing wrong with my hips, its my glutes that ache", Area.GLUTES, ReportKind.SORENESS),
        ("no problem with the knee, the shin feels sore though", Area.SHINS, ReportKind.SORENESS),
        ("hamstring doesnt hurt, its the glute just above, tight", Area.GLUTES,
         ReportKind.TIGHTNESS),
        ("not my knee thats sore, my quad is tight", Area.QUADS, ReportKind.TIGHTNESS),
        ("it isnt the hip that hurts, my groin is sore 4/10", Area.GROIN, ReportKind.SORENESS),
    ],
)  # fmt: skip
def test_an_area_taken_back_is_not_reported(text: str, area: Area, kind: ReportKind) -> None:
    found = _reports(text)
    assert len(found) == 1, found
    assert found[0][0] is area
    assert found[0][2] is kind


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("no knee pain but my calf is tight", Area.CALVES),
        ("knee not sore, calf tight", Area.CALVES),
        ("not sure if my knee is the problem, hamstring is sore", Area.HAMSTRINGS),
    ],
)
def test_a_negated_feeling_still_points_to_the_other_area(text: str, area: Area) -> None:
    assert [r[0] for r in _reports(text)] == [area]


@pytest.mark.parametrize(
    "text",
    [
        "not just my knee, my hip hurts too",  # both
        "its not only the calf, the achilles is sore as well",
    ],
)
def test_not_just_keeps_both_areas(text: str) -> None:
    assert len(_reports(text)) == 2


def test_an_area_taken_back_alone_is_still_the_area() -> None:
    report = understand("not my knee so much, more stiff than sore", TODAY).report
    assert report is not None
    assert report.area is Area.KNEE


# ------------------------------------------------------------------ a side taken back


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("hamstring on the right is tight, not the left", Side.RIGHT),
        ("right calf sore, not the left one. about a 4", Side.RIGHT),
        ("glute sore on the left side, not on the right", Side.LEFT),
    ],
)
def test_a_side_taken_back_is_not_the_reports(text: str, side: Side) -> None:
    found = _reports(text)
    assert len(found) == 1
    assert found[0][1] is side


def test_left_and_right_said_both_is_both() -> None:
    assert _reports("left and right hamstring both tight")[0][1] is Side.BOTH


# ------------------------------------------------------------------ one part, one report


def test_that_leg_is_the_part_named_before_it() -> None:
    found = _reports("left shin is sore in one spot on the bone, and running on that leg hurts")
    assert found == [(Area.SHINS, Side.LEFT, ReportKind.PAIN, True)]


def test_the_leg_is_still_its_own_area_when_named_first() -> None:
    found = _reports("my leg feels weak and gives way")
    assert found
    assert found[0][0] is Area.LEG
    assert found[0][3]


def test_a_part_in_pain_beside_a_weak_leg_stays_the_part() -> None:
    found = _reports("sharp pain in my left calf and the leg feels weak, it gave way on a hop")
    assert found[0][0] is Area.CALVES
    assert found[0][3]


def test_numbness_down_the_leg_beside_a_sore_part_is_the_leg() -> None:
    found = _reports("calf sore and my leg feels numb")
    assert found[0][0] is Area.LEG
    assert found[0][3]


# ------------------------------------------------------------------ leaving verbs


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("the hamstring soreness settled overnight", Area.HAMSTRINGS),
        ("glute tightness faded after a few days", Area.GLUTES),
        ("quads are fine again, the doms went after two days", Area.QUADS),
        ("calves got over the doms", Area.CALVES),
        ("calf has recovered from the soreness", Area.CALVES),
        ("hamstrings loosened up at last", Area.HAMSTRINGS),
        ("the ache in my groin has subsided", Area.GROIN),
        ("achilles stiffness wore off", Area.ACHILLES),
    ],
)
def test_a_feeling_that_left_is_fine(text: str, area: Area) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.FEELS_FINE, intent
    assert area in intent.fine_areas


@pytest.mark.parametrize(
    "text",
    [
        "the calf pain eased off a bit",
        "hip soreness faded slightly but still there",
        "went for a run, calves sore",
        "the knee pain went up during the hops",
        "quads loosened up a little",
    ],
)
def test_a_partial_or_other_going_is_no_recovery(text: str) -> None:
    assert understand(text, TODAY).kind is not IntentKind.FEELS_FINE


def test_overnight_after_a_recovery_is_when_not_night_pain() -> None:
    intent = understand("glute pain cleared overnight", TODAY)
    assert intent.kind is IntentKind.FEELS_FINE
    assert not intent.signs


def test_pain_overnight_is_still_night_pain() -> None:
    report = understand("glute pain overnight, kept me up", TODAY).report
    assert report is not None
    assert report.red_flags


def test_a_test_jog_this_morning_asks_for_no_session() -> None:
    said = understand_all(
        "the hip flexor niggle has gone. did an easy jog this morning, felt nothing", TODAY
    )
    assert [p.kind for p in said] == [IntentKind.FEELS_FINE]


def _first(parts: tuple[Intent, ...]) -> Intent:
    return parts[0]


def test_a_plain_today_question_is_still_today() -> None:
    assert _first(understand_all("todays session?", TODAY)).kind is IntentKind.TODAY
