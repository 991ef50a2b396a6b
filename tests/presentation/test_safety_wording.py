"""The wording rules of issue 11, over every warning sign, area and side: a message about
swelling says swelling (never "pain in your knee"); a hold message never also offers
"extra mobility for..."; a referral never diagnoses (it says what a sign *can* point to)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.planner import _advice
from bot.core.records import BodyReport
from bot.core.restrictions import restrictions_for
from bot.core.triage import NEIGHBOURS, Tier, hold_areas, triage
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.presentation.render import referral, report_reply
from bot.presentation.reports import TIGHT_DURING_HOLD, hold_change, warning_sign_reply

DAY = date(2026, 12, 1)
#: Words that name a condition as a fact, or a diagnosis outright.
DIAGNOSES = (
    "you have",
    "you've got",
    "you've broken",
    "it is a",
    "it's a",
    "this is a",
    "that is a",
    "sounds like a",
    "diagnos",
    "sciatica",
    "cauda equina",
    "tendinitis",
    "tendinopathy",
    "syndrome",
    "fractured",
    "torn",
)
SIGN_SETS = [frozenset({flag}) for flag in RedFlag] + [
    frozenset(pair) for pair in itertools.combinations(sorted(RedFlag), 2)
]


def _no_diagnosis(text: str) -> None:
    low = text.lower()
    for words in DIAGNOSES:
        assert words not in low, (words, text)


def _hold_message(area: Area, side: Side, kind: ReportKind, signs: frozenset[RedFlag]) -> str:
    tier = triage(signs, side, area)
    change = hold_change(area, tier, NEIGHBOURS[area], Area.LEG in hold_areas(area, tier))
    return report_reply(area, side, kind, None, signs, change)


@pytest.mark.parametrize("signs", SIGN_SETS, ids=lambda s: "+".join(sorted(s)))
def test_referrals_and_hold_messages_never_diagnose(signs: frozenset[RedFlag]) -> None:
    for tier in Tier:
        if tier is not Tier.NONE:
            _no_diagnosis(referral(tier, signs))
    for area, side in itertools.product(Area, (Side.NONE, Side.LEFT, Side.BOTH)):
        _no_diagnosis(_hold_message(area, side, ReportKind.PAIN, signs))
    _no_diagnosis(warning_sign_reply(triage(signs), signs, ask_where=True))
    limits = restrictions_for(
        [BodyReport(DAY, Area.SHINS, ReportKind.PAIN, red_flags=signs)], frozenset(), DAY
    )
    advice = _advice(limits)
    assert advice is not None
    _no_diagnosis(advice)


@pytest.mark.parametrize("area", list(Area))
@pytest.mark.parametrize("kind", list(ReportKind))
def test_swelling_is_called_swelling(area: Area, kind: ReportKind) -> None:
    for side in Side:
        text = _hold_message(area, side, kind, frozenset({RedFlag.SWELLING}))
        assert "swelling" in text
        assert "pain in your" not in text
        assert "pain in the" not in text
        assert "tightness in" not in text
        assert "soreness in" not in text


@pytest.mark.parametrize("signs", SIGN_SETS, ids=lambda s: "+".join(sorted(s)))
def test_a_hold_message_never_offers_extra_mobility(signs: frozenset[RedFlag]) -> None:
    for area, kind in itertools.product(Area, ReportKind):
        text = _hold_message(area, Side.NONE, kind, signs)
        assert "extra mobility" not in text
        assert "extra for your" not in text
    assert "extra" not in TIGHT_DURING_HOLD.replace("nothing added", "")


reports = st.builds(
    BodyReport,
    on=st.dates(date(2026, 11, 28), DAY),
    area=st.sampled_from(Area),
    kind=st.sampled_from(ReportKind),
    severity=st.none() | st.integers(0, 10),
    red_flags=st.frozensets(st.sampled_from(RedFlag), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(reports, max_size=6), st.frozensets(st.sampled_from(Area), max_size=3))
def test_limits_under_a_hold_never_add_extra_mobility(
    felt: list[BodyReport], held: frozenset[Area]
) -> None:
    limits = restrictions_for(felt, held, DAY)
    if limits.blocks_dynamic:
        assert not limits.tight
        assert not any("extra mobility" in reason for reason in limits.reasons)
        advice = _advice(limits)
        assert advice is not None
        _no_diagnosis(advice)
