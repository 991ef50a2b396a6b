"""A hold named in a reply takes the verb its part needs: "your calves are on hold", "your
left calf is" (session twenty's trial read "your calves is on hold")."""

from __future__ import annotations

import pytest

from bot.presentation.reports import ran_under_hold, running_not_yet


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (["your calves"], "your calves are on hold"),
        (["your left calf"], "your left calf is on hold"),
        (["your right achilles"], "your right achilles is on hold"),
        (["both knees that gave way"], "both knees that gave way are on hold"),
    ],
)
def test_a_hold_takes_the_verb_of_its_part(names: list[str], said: str) -> None:
    assert said in running_not_yet(names)
    assert said in ran_under_hold(names, stops_running=True)
