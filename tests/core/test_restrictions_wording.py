"""The reasons restrictions give read as English: "shins ... them", "knee ... it"."""

from __future__ import annotations

from datetime import date

from bot.core.records import BodyReport
from bot.core.restrictions import restrictions_for
from bot.core.vocabulary import Area, ReportKind, Side

TODAY = date(2026, 12, 1)


def _reasons(area: Area) -> str:
    report = BodyReport(TODAY, area, ReportKind.PAIN, Side.LEFT, 6)
    return " ".join(restrictions_for([report], frozenset(), TODAY).reasons)


def test_plural_areas_are_them_and_singular_ones_it() -> None:
    assert "shins pain: nothing today loads them" in _reasons(Area.SHINS)
    assert "knee pain: nothing today loads it" in _reasons(Area.KNEE)
    assert "calves pain: nothing today loads them" in _reasons(Area.CALVES)
