"""Held-out safety phrasings: written by someone who had read only the safety issue and
the facts, never the understanding code; the rules are not tuned against them.

Each case says how urgent a runner's message is (the triage tiers of docs/coaching.md) or,
for a message sent during a hold, whether it may start clearing it. The scores are floors,
recorded when the triage rules landed; a change that lowers them is a regression to look
at, and a change that raises them should raise the floor. ``-s`` prints every miss.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.triage import Tier, triage
from bot.core.understanding import IntentKind, understand
from bot.core.vocabulary import Side

HERE = Path(__file__).parent
_TIER_NAMES = {
    Tier.EMERGENCY: "emergency",
    Tier.BONE_STRESS: "bone_stress",
    Tier.NERVE: "nerve",
    Tier.DOCTOR: "medical",
    Tier.HOLD: "hold",
    Tier.NONE: "ordinary",
}
_RANK = ["ordinary", "hold", "medical", "nerve", "bone_stress", "emergency"]
_REFERRED = {"emergency", "bone_stress", "nerve", "medical", "hold"}


@dataclass(frozen=True)
class Score:
    cases: int
    right: int
    harmful: int
    misses: tuple[tuple[str, str, str], ...]


def _tier_of(text: str, today: Any) -> str:
    """The tier the coach gives a message ('missed' when it sees no report at all)."""
    intent = understand(text, today)
    report = intent.report
    flags = set(intent.signs) | (set(report.red_flags) if report else set())
    if report is None and not flags:
        return "missed"
    side = report.side if report else Side.NONE
    return _TIER_NAMES[triage(flags, side, report.area if report else None)]


def _harmful(want: str, got: str) -> bool:
    """A warning sign missed, or a nerve, bone or emergency sign taken as less urgent."""
    if want not in _REFERRED:
        return False
    if got in ("ordinary", "missed"):
        return True
    urgent = ("nerve", "bone_stress", "emergency")
    return want in urgent and _RANK.index(got) < _RANK.index(want)


def score(path: Path) -> Score:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    right = harmful = 0
    misses: list[tuple[str, str, str]] = []
    for case in data["cases"]:
        want, text = case["tier"], case["text"]
        if want in ("clear", "not_clear"):
            fine = understand(text, data["today"]).kind is IntentKind.FEELS_FINE
            got = "clear" if fine else "not_clear"
            bad = want == "not_clear" and fine
        else:
            got = _tier_of(text, data["today"])
            bad = _harmful(want, got)
        right += got == want
        harmful += bad
        if got != want:
            misses.append((want, got, text))
    return Score(len(data["cases"]), right, harmful, tuple(misses))


@pytest.mark.parametrize(
    ("name", "least_right", "most_harmful"),
    [("safety_batch1.yaml", 0.75, 0.17), ("safety_batch2.yaml", 0.75, 0.18)],
)
def test_fresh_safety_phrasings_keep_their_floor(
    name: str, least_right: float, most_harmful: float
) -> None:
    result = score(HERE / name)
    for want, got, text in result.misses:
        print(f"{want:>11} got {got:<11} {text}")
    by_tier = Counter(want for want, _, _ in result.misses)
    print(
        f"{name}: {result.right}/{result.cases} right, {result.harmful} harmful; misses {by_tier}"
    )
    assert result.right / result.cases >= least_right
    assert result.harmful / result.cases <= most_harmful
