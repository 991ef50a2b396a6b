"""Patterns that open with a look-ahead of their first characters ("(?=[0-9])"), added
only for speed, find exactly what they find without it."""

from __future__ import annotations

import re
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.understanding import clock, dates, numbers, outcome, questions, rules

_LEAD = "(?=[0-9])"
_PATTERNS: list[tuple[ModuleType, str]] = [
    (clock, "_CLOCK_RE"),
    (clock, "_HOUR_AMPM_RE"),
    (clock, "_HOUR_H_RE"),
    (clock, "_IMPOSSIBLE_RE"),
    (dates, "_ISO_RE"),
    (dates, "_DMY_RE"),
    (dates, "_DM_RE"),
    (dates, "_DOTTED_RE"),
    (numbers, "_FIVE_RE"),
    (numbers, "_RANGE_RATING_RE"),
    (questions, "_NUMERIC_ASKED_RE"),
    (rules, "_EITHER_WAY_RE"),
]
_TEXT = st.text(alphabet="0123456789:./-,!; apmhtonsdrk@bucliwe", max_size=40)


_LEADS = {(outcome, "_THEN_ASKED_RE"): "(?=[,.!;ab])"}


@pytest.mark.parametrize(("module", "name"), [*_PATTERNS, *_LEADS])
@settings(max_examples=200)
@given(text=_TEXT)
def test_the_look_ahead_changes_no_match(module: ModuleType, name: str, text: str) -> None:
    pattern: re.Pattern[str] = getattr(module, name)
    lead = _LEADS.get((module, name), _LEAD)
    assert pattern.pattern.startswith(lead)
    plain = re.compile(pattern.pattern[len(lead) :], pattern.flags)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
