"""What no database stores is cleaned from what runners send."""

from __future__ import annotations

from typing import Any

from bot.service.messages import MAX_NAME, Sender, Text, clean_name, clean_text
from bot.terminal import TerminalChat


def test_clean_text_keeps_lines_and_emoji_but_drops_what_no_database_stores() -> None:
    assert clean_text("a\x00b\tc\nd\x7f\x9fe\ud800 🏃\u200d♀️") == "ab\tc\nde 🏃\u200d♀️"
    assert clean_name(" \x00\n ") is None
    assert clean_name("Ana\nMaria") == "Ana Maria"
    assert len(clean_name("x" * 500) or "") == MAX_NAME


async def _no_line() -> str | None:
    return None


def test_the_terminal_chat_cleans_what_is_typed() -> None:
    coach: Any = None  # inbound() never reaches the coach
    chat = TerminalChat(coach, Sender(1, 1, "Sam"), _no_line, print)
    assert chat.inbound("sore\x00 knee") == Text("sore knee")
