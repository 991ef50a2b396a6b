"""Typed answers to the guided report's questions."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding.answers import area_answer, kind_answer, scale_answer, side_answer
from bot.core.vocabulary import Area, ReportKind, Side

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("right shin", (Area.SHINS, Side.RIGHT)),
        ("my left calf", (Area.CALVES, Side.LEFT)),
        ("hamstrings", (Area.HAMSTRINGS, Side.NONE)),
        ("shin, hurts when I hop", None),  # a warning sign: triaged as a report instead
        ("what?", None),
    ],
)
def test_area_answers(text: str, expected: tuple[Area, Side] | None) -> None:
    assert area_answer(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("right", Side.RIGHT), ("Left side", Side.LEFT), ("both", Side.BOTH), ("middle", Side.NONE)],
)
def test_side_answers(text: str, expected: Side) -> None:
    assert side_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sore", ReportKind.SORENESS),
        ("bit stiff", ReportKind.TIGHTNESS),
        ("painful", ReportKind.PAIN),
        ("it hurts a lot when running every day", None),
    ],
)
def test_kind_answers(text: str, expected: ReportKind | None) -> None:
    assert kind_answer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5", 5), ("about 5/10", 5), ("0", 0), ("10 out of 10", 10), ("11", None), ("-5", None)],
)
def test_scale_answers(text: str, expected: int | None) -> None:
    assert scale_answer(text) == expected
