"""Triage by urgency and "fine now", in the core: tiers, neighbours, and how people write."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.records import BodyReport, RunnerProfile
from bot.core.restrictions import restrictions_for
from bot.core.triage import (
    LOWER_LIMB,
    NEIGHBOURS,
    TIER_OF_FLAG,
    Tier,
    hold_areas,
    protected,
    triage,
)
from bot.core.understanding import IntentKind, understand
from bot.core.vocabulary import Area, Phase, RedFlag, ReportKind, Side

TODAY = date(2026, 12, 1)


# ---------------------------------------------------------------- the rules


def test_every_sign_has_a_tier() -> None:
    assert set(TIER_OF_FLAG) == set(RedFlag)


def test_the_most_urgent_tier_wins() -> None:
    assert triage({RedFlag.SWELLING, RedFlag.LIMPING}) is Tier.BONE_STRESS
    assert triage({RedFlag.NUMBNESS_TINGLING, RedFlag.STRESS_FRACTURE}) is Tier.BONE_STRESS
    assert triage({RedFlag.UNWELL, RedFlag.NERVE_PAIN}) is Tier.NERVE
    assert triage({RedFlag.BLADDER_BOWEL, RedFlag.NIGHT_PAIN}) is Tier.EMERGENCY
    assert triage(set()) is Tier.NONE


def test_nerve_signs_in_both_legs_are_an_emergency() -> None:
    assert triage({RedFlag.NERVE_PAIN}, Side.BOTH, Area.LEG) is Tier.EMERGENCY
    assert triage({RedFlag.NUMBNESS_TINGLING}, Side.LEFT, Area.LEG) is Tier.NERVE
    assert triage({RedFlag.SWELLING}, Side.BOTH, Area.KNEE) is Tier.HOLD


@pytest.mark.parametrize("area", [Area.HIPS, Area.HIP_FLEXORS, Area.GROIN])
def test_a_hip_or_groin_bone_stress_sign_holds_the_whole_leg(area: Area) -> None:
    held = hold_areas(area, Tier.BONE_STRESS)
    assert held == {area, Area.LEG}
    assert protected(held) >= LOWER_LIMB
    assert hold_areas(area, Tier.HOLD) == {area}


def test_neighbours_never_include_the_area_itself() -> None:
    assert set(NEIGHBOURS) == set(Area)
    for area, around in NEIGHBOURS.items():
        assert area not in around


def test_a_hold_protects_the_neighbours_in_restrictions() -> None:
    limits = restrictions_for([], frozenset({Area.KNEE}), TODAY)
    assert {Area.KNEE, Area.QUADS, Area.HAMSTRINGS, Area.SHINS} <= limits.no_load
    assert not limits.whole_leg_off


def test_a_hold_offers_no_extra_mobility() -> None:
    tight = BodyReport(TODAY, Area.CALVES, ReportKind.TIGHTNESS)
    limits = restrictions_for([tight], frozenset({Area.KNEE}), TODAY)
    assert not limits.tight
    assert not any("extra mobility" in reason for reason in limits.reasons)


def test_a_groin_bone_stress_report_makes_the_day_safe_only(planner: Planner) -> None:
    state = PhaseState(Phase.DYNAMIC_BLOCK, started_on=TODAY, block_number=1, newcomer=False)
    flagged = BodyReport(TODAY, Area.GROIN, ReportKind.PAIN, red_flags=frozenset({RedFlag.LIMPING}))
    plan = planner.plan_for(RunnerProfile(), state, [], [flagged], TODAY)
    assert plan.is_rest
    assert plan.exercises == ()
    assert plan.advice is not None
    assert "doctor soon" in plan.advice
    assert "fracture" not in plan.advice


# ---------------------------------------------------------------- how people write

WARNING_PHRASINGS = [
    # (text, area or None, the tier it must reach)
    ("numbness down my leg", Area.LEG, Tier.NERVE),
    ("my leg is numb", Area.LEG, Tier.NERVE),
    ("tingling down my left leg", Area.LEG, Tier.NERVE),
    ("sciatica down my right leg", Area.LEG, Tier.NERVE),
    ("pins and needles in my foot", Area.FOOT, Tier.NERVE),
    ("pins n needles in my toes after running", Area.FOOT, Tier.NERVE),
    ("my left leg feels kinda numb and tingly", Area.LEG, Tier.NERVE),
    ("numbnes down my rite leg", Area.LEG, Tier.NERVE),
    ("leg goes dead on long runs", Area.LEG, Tier.NERVE),
    ("shooting pain down my leg when i bend", Area.LEG, Tier.NERVE),
    ("foot drop on my left side", Area.FOOT, Tier.NERVE),
    ("my knee keeps giving way", Area.KNEE, Tier.NERVE),
    ("sciatic pain in my glute going into my leg", Area.GLUTES, Tier.NERVE),
    ("sharp pain in my hip when I walk", Area.HIPS, Tier.BONE_STRESS),
    ("deep groin ache, hurts to walk", Area.GROIN, Tier.BONE_STRESS),
    ("front of my hip hurts when i put weight on it", Area.HIPS, Tier.BONE_STRESS),
    ("shin hurts at night", Area.SHINS, Tier.BONE_STRESS),
    ("my shin hurts when I hop", Area.SHINS, Tier.BONE_STRESS),
    ("pain on the bone of my foot, one spot", Area.FOOT, Tier.BONE_STRESS),
    ("limping bc of my foot", Area.FOOT, Tier.BONE_STRESS),
    ("can't put weight on my ankle", Area.ANKLE, Tier.BONE_STRESS),
    ("i think my shin has a stress fracture", Area.SHINS, Tier.BONE_STRESS),
    ("stress reaction in my metatarsal the doc thinks", Area.FOOT, Tier.BONE_STRESS),
    ("sciatica down both legs", Area.LEG, Tier.EMERGENCY),
    ("numbness in both legs and lower back pain", Area.LEG, Tier.EMERGENCY),
    ("lower back pain and I can't control my bladder", Area.LOWER_BACK, Tier.EMERGENCY),
    ("numb down there and my back aches", Area.LOWER_BACK, Tier.EMERGENCY),
    ("knee hurts since I fell over on the trail", Area.KNEE, Tier.DOCTOR),
    ("crashed my bike and my hip is sore", Area.HIPS, Tier.DOCTOR),
    ("knee swollen", Area.KNEE, Tier.HOLD),
    ("knees all puffy", Area.KNEE, Tier.HOLD),
    ("stabbing pain in my achilles", Area.ACHILLES, Tier.HOLD),
    ("calf pain gets worse during my run", Area.CALVES, Tier.HOLD),
]


@pytest.mark.parametrize(("text", "area", "tier"), WARNING_PHRASINGS)
def test_warning_signs_as_people_write_them(text: str, area: Area, tier: Tier) -> None:
    intent = understand(text, TODAY)
    assert intent.report is not None, intent
    assert intent.report.area is area
    got = triage(intent.report.red_flags, intent.report.side, intent.report.area)
    assert got is tier, intent.report


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I think I have a stress fracture", Tier.BONE_STRESS),
        ("pretty sure it's a stress fracture again", Tier.BONE_STRESS),
        ("got a fever, feel rough", Tier.DOCTOR),
        ("havent had my period in 4 months", Tier.DOCTOR),
        ("new bladder problems since yesterday", Tier.EMERGENCY),
        ("saddle numbness", Tier.EMERGENCY),
    ],
)
def test_signs_without_an_area(text: str, tier: Tier) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.WARNING_SIGN, intent
    assert triage(intent.signs) is tier


@pytest.mark.parametrize(
    "text",
    [
        "no numbness in my foot",
        "calf tight, no tingling",
        "no numbness or tingling, just sore quads",
        "knee isn't swollen, just achy",
        "hip sore but it doesn't hurt to walk",
        "no pain at night, hamstrings a bit tight",
        "not limping, calves sore 3/10",
        "no fever, just tired legs",
    ],
)
def test_negated_signs_do_not_trigger(text: str) -> None:
    intent = understand(text, TODAY)
    flags = intent.report.red_flags if intent.report else frozenset()
    assert not flags, intent
    assert not intent.signs, intent


# ---------------------------------------------------------------- fine now

FINE = [
    ("knee fine now", (Area.KNEE,)),
    ("my hip is fine now", (Area.HIPS,)),
    ("calf feels fine", (Area.CALVES,)),
    ("all good now!", ()),
    ("no pain anymore", ()),
    ("the pain is gone", ()),
    ("achilles healed up 🙌", (Area.ACHILLES,)),
    ("shin is pain free now", (Area.SHINS,)),
    ("groin back to normal", (Area.GROIN,)),
    ("doesn't hurt anymore", ()),
]
NOT_FINE = [
    "not fine yet",
    "knee isn't fine",
    "fine but still stiff",
    "knee fine, calf not",
    "calf still hurts, the painkillers give no pain relief",
    "feeling a bit better",
    "getting better slowly",
    "its not better",
    "hip fine though it aches at night",
    "no pain relief from the ibuprofen",
    "fine apart from my knee",
    "still sore but better",
]


@pytest.mark.parametrize(("text", "areas"), FINE)
def test_fine_now_is_understood(text: str, areas: tuple[Area, ...]) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.FEELS_FINE, intent
    assert intent.fine_areas == areas


@pytest.mark.parametrize("text", NOT_FINE)
def test_fine_taken_back_is_not_fine(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is not IntentKind.FEELS_FINE, intent
