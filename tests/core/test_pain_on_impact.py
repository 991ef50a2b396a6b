"""Pain at a bone-stress site during impact is the hop test's sign however the impact is
named; a hopping phrase with no feeling before it, or one said in contrast, is none."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import understand
from bot.core.vocabulary import RedFlag

TODAY = date(2026, 12, 17)


@pytest.mark.parametrize(
    "text",
    [
        "deep ache in my groin when i do the hops",
        "my hip hurts when i land on it during the pogos",
        "front of my hip aches every time i land the jumps",
        "my shin aches whenever i do the plyos",
        "shin pain during the bounds",
        "groin hurts when i hop",
    ],
)
def test_pain_at_a_bone_site_during_impact_is_the_sign(text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.report is not None
    assert RedFlag.PAIN_ON_HOPPING in intent.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "calves a bit sore but fine when i hop",
        "shins sore after the jumps",
        "my knee hurts when i do the jumps",  # no bone-stress site
        "hips tight, when i do the hops tomorrow should i warm up more?",
    ],
)
def test_other_feelings_beside_impact_are_no_sign(text: str) -> None:
    intent = understand(text, TODAY)
    flags = intent.report.red_flags if intent.report is not None else frozenset()
    assert RedFlag.PAIN_ON_HOPPING not in flags | intent.signs
