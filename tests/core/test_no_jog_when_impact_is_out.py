"""A jog to warm up ("Easy jog or brisk walk") is never a stand-in while impact or running
is out: the health screen after a birth, a warning sign's hold, a sign that stops running.
The fresh-eyes trial saw it swapped in for cat-cow for a runner ten weeks after a birth
whose back hurt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.core.planner import Planner
from bot.core.records import RunnerProfile
from bot.core.restrictions import Restrictions
from bot.core.vocabulary import Area, Level, RedFlag

from .conftest import shipped_content

CONTENT = shipped_content()
PLANNER = Planner(CONTENT)
_NO_RUNNING = Restrictions(red_flags=frozenset({RedFlag.STRESS_FRACTURE}))


@given(
    st.sampled_from(sorted(CONTENT.exercises)),
    st.sampled_from(Level),
    st.sampled_from(Area),
    st.sampled_from(["no_impact", "hold", "no_running"]),
)
def test_no_stand_in_jogs_while_impact_or_running_is_out(
    exercise_id: str, level: Level, sore: Area, why: str
) -> None:
    limits = {
        "no_impact": Restrictions(no_impact=True, no_load=frozenset({sore})),
        "hold": Restrictions(no_load=frozenset({sore}), red_flag_areas=frozenset({sore})),
        "no_running": _NO_RUNNING,
    }[why]
    chosen, _ = PLANNER._fit(
        CONTENT.exercises[exercise_id], RunnerProfile(level=level), limits, set()
    )
    assert chosen is None or not chosen.jogs


def test_the_jog_warm_up_is_marked_as_jogging() -> None:
    assert CONTENT.exercises["easy-jog-warm-up"].jogs
