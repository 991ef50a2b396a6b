"""The terminal chat: a 0-10 scale is typed by value, and odd digits never crash it."""

from __future__ import annotations

from typing import Any

from bot.service.messages import Button, Reply, Sender, Text
from bot.terminal import TerminalChat

_SCALE = (
    tuple((str(n), f"v1|sev|{n}") for n in range(6)),
    tuple((str(n), f"v1|sev|{n}") for n in range(6, 11)),
    (("Not sure", "v1|sev|"), ("✖ Cancel", "v1|cx|")),
)


def _chat() -> TerminalChat:
    written: list[str] = []
    coach: Any = None  # inbound() and show() never reach the coach
    return TerminalChat(coach, Sender(1, 1, "Sam"), _no_line, written.append)


async def _no_line() -> str | None:
    return None


def test_typing_a_number_on_a_scale_means_that_value() -> None:
    chat = _chat()
    chat.show(Reply(text="How bad, 0-10?", keyboard=_SCALE))
    assert chat.inbound("5") == Button("v1|sev|5")
    assert chat.inbound("0") == Button("v1|sev|0")
    assert chat.inbound("not sure") == Button("v1|sev|")
    assert chat.inbound("11") == Text("11")


def test_other_keyboards_are_pressed_by_position_and_odd_digits_are_text() -> None:
    chat = _chat()
    chat.show(Reply(text="Which side?", keyboard=((("Left", "v1|sd|l"), ("Right", "v1|sd|r")),)))
    assert chat.inbound("2") == Button("v1|sd|r")
    assert chat.inbound("²") == Text("²")
    assert chat.inbound("٣") == Text("٣")
