"""A hold's advice does not soften once its warning sign is older than the week of reports
the planner reads: a bone-stress hold never turns into "if it hasn't settled in a few days"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.records import BodyReport, RunnerProfile
from bot.core.vocabulary import Area, Level, Phase, RedFlag, ReportKind, Side

TOLD = date(2026, 12, 14)
PROFILE = RunnerProfile(Level.BEGINNER, False, frozenset())
HOLD = PhaseState(Phase.RECOVERY_HOLD, started_on=TOLD, held_areas=frozenset({Area.SHINS}))
SIGN = BodyReport(
    TOLD, Area.SHINS, ReportKind.PAIN, Side.NONE, None, frozenset({RedFlag.BONE_SPOT})
)


@pytest.mark.parametrize("later", [4, 9, 30])
def test_a_bone_stress_holds_advice_keeps_running_out(planner: Planner, later: int) -> None:
    plan = planner.plan_for(PROFILE, HOLD, [], [SIGN], TOLD + timedelta(days=later))
    assert plan.advice is not None
    assert "stop running" in plan.advice or "no running" in plan.advice
    assert "within a few days" not in plan.advice


def test_an_old_hold_names_its_area_and_the_way_out(planner: Planner) -> None:
    plan = planner.plan_for(PROFILE, HOLD, [], [SIGN], TOLD + timedelta(days=20))
    assert plan.advice is not None
    assert plan.advice.startswith("Your shins are still on hold")
    assert "/clear" in plan.advice
