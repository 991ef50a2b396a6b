"""Reading a correction of the report sent before (``understanding.later``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.understanding.later import ReportFix, report_fix
from bot.core.vocabulary import Area, Side


@pytest.mark.parametrize(
    ("said", "fix"),
    [
        ("sorry not my knee, its my hip", ReportFix(Area.HIPS, None, None)),
        ("i meant the right one", ReportFix(None, Side.RIGHT, None)),
        ("no wait, the left one", ReportFix(None, Side.LEFT, None)),
        ("not my left, my right", ReportFix(None, Side.RIGHT, None)),
        ("oops I meant hamstring", ReportFix(Area.HAMSTRINGS, None, None)),
        ("sorry, its a 4 not a 6", ReportFix(None, None, 4)),
        ("my bad, left calf not right", ReportFix(Area.CALVES, Side.LEFT, None)),
    ],
)
def test_what_a_correction_says_instead(said: str, fix: ReportFix) -> None:
    assert report_fix(said) == fix


@pytest.mark.parametrize(
    "said",
    [
        "thanks",
        "sorry I meant yesterday",  # a day: no report's slot
        "actually my knee is really sore",  # a report of its own
        "left knee",  # no correction word
        "sorry, running late today",
    ],
)
def test_no_correction_of_a_report(said: str) -> None:
    assert report_fix(said) is None


@given(st.text(alphabet="abcdefghijklmnop 0123456789,.", max_size=40))
def test_no_correction_word_no_fix(said: str) -> None:
    if not any(word in said for word in ("sorry", "oops", "meant", "mean", "not", "actually")):
        assert report_fix(said) is None
