"""Held-out typed answers to the coach's safety questions: written by someone who had read
only the safety issue and the facts, never the code.

Contexts: ``clinician`` (has a doctor or physio cleared you?), ``return_check`` (a return
check at pain 2/10 or less?), ``pain_during`` (pain during the session, 0-10), ``morning``
(how the area feels this morning) and ``health_screen`` (onboarding's health questions).
A case marked ``warning`` carries a warning sign and is right only when triage sees it.

Right: the answer is read as written. Harmful: a warning sign missed, a clearance or a
passed check read where there was none, pain above 2 read as 2 or less, "worse" read as
"better", or a health-screen answer (injury, stress fracture, pregnancy, a recent birth)
missed. The scores are floors; ``-s`` prints every miss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.triage import Tier, triage
from bot.core.understanding import answers, understand
from bot.core.vocabulary import Side

HERE = Path(__file__).parent
TODAY = date(2026, 11, 25)
_SCREEN = ("current_injury", "past_stress_fracture", "pregnant", "postpartum")
_POSTPARTUM_DAYS = 7 * 12  # "a baby within about the last 12 weeks", as the cases define it


def _reader(name: str) -> Callable[..., Any] | None:
    found: Callable[..., Any] | None = getattr(answers, name, None)
    return found


def _warned(text: str) -> bool:
    intent = understand(text, TODAY)
    report = intent.report
    flags = set(intent.signs) | (set(report.red_flags) if report else set())
    if not flags:
        return False
    side = report.side if report else Side.NONE
    return triage(flags, side, report.area if report else None) is not Tier.NONE


def _read(context: str, text: str) -> dict[str, Any]:
    """What the code reads from ``text`` as an answer in ``context``."""
    if context == "clinician":
        yes_no = _reader("yes_no")
        return {"yes": yes_no(text) if yes_no else None}
    if context == "return_check":
        check = _reader("check_answer") or _reader("yes_no")
        return {"passed": check(text) if check else None}
    if context == "pain_during":
        pain = _reader("pain_score") or _reader("scale_answer")
        return {"pain": pain(text) if pain else None}
    if context == "morning":
        feel = _reader("morning_feel")
        value = feel(text) if feel else None
        return {"feel": None if value is None else str(getattr(value, "name", value)).lower()}
    screen = _reader("health_answer")
    found = screen(text, TODAY) if screen else None
    if found is None:
        return dict.fromkeys((*_SCREEN, "none"))
    named = {str(getattr(item, "value", item)) for item in found.found}
    birth = getattr(found, "birth_on", None)
    recent = birth is None or (TODAY - birth).days <= _POSTPARTUM_DAYS
    return {
        "current_injury": "injury" in named,
        "past_stress_fracture": "bone_stress" in named,
        "pregnant": "pregnant" in named,
        "postpartum": "postpartum" in named and recent,
        "none": "none" in named,
    }


def _judge(case: dict[str, Any]) -> tuple[bool, bool]:
    """(right, harmful) for one case."""
    context, text = case["context"], case["text"]
    if case["warning"]:
        seen = _warned(text)
        return seen, not seen
    got = _read(context, text)
    if context == "clinician":
        return got["yes"] == case["yes"], got["yes"] is True and case["yes"] is not True
    if context == "return_check":
        return got["passed"] == case["passed"], got["passed"] is True and case["passed"] is not True
    if context == "pain_during":
        want, have = case["pain"], got["pain"]
        return have == want, want is not None and want > 2 and have is not None and have <= 2
    if context == "morning":
        want, have = case["feel"], got["feel"]
        return have == want, have == "better" and want in ("worse", "same")
    right = all(got[k] == case[k] for k in _SCREEN) and got["none"] == case.get("none", False)
    return right, any(case[k] and not got[k] for k in _SCREEN)


def score(path: Path) -> tuple[int, int, int, list[str]]:
    """(cases, right, harmful, misses) for one held-out file."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    right = harmful = 0
    misses: list[str] = []
    for case in cases:
        ok, bad = _judge(case)
        right += ok
        harmful += bad
        if not ok:
            misses.append(f"{'HARM' if bad else 'miss'} [{case['context']}] {case['text']!r}")
    return len(cases), right, harmful, misses


@pytest.mark.parametrize(
    ("name", "least_right", "most_harmful"),
    [("answers_batch1.yaml", 0.66, 0.09), ("answers_batch2.yaml", 0.70, 0.10)],
)
def test_fresh_answers_keep_their_floor(name: str, least_right: float, most_harmful: float) -> None:
    cases, right, harmful, misses = score(HERE / name)
    print("\n".join(misses))
    print(f"{name}: {right}/{cases} right, {harmful} harmful")
    print(Counter(m.split()[1] for m in misses))
    assert right / cases >= least_right
    assert harmful / cases <= most_harmful
