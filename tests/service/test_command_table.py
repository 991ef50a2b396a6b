"""One command table drives routing, /help and the command menu."""

from __future__ import annotations

import re

import pytest

from bot.presentation.commands import COMMANDS, command_names, menu_commands
from bot.presentation.render import help_message
from bot.service.coach import ROUTES, routes


def test_every_routed_command_is_in_the_table_and_back() -> None:
    assert list(ROUTES) == [command.name for command in COMMANDS]
    assert set(ROUTES) == command_names()


def test_routing_refuses_a_handler_missing_from_the_table_or_a_command_without_one() -> None:
    with pytest.raises(ValueError, match="handlers not in the command table: \\['coffee'\\]"):
        routes({**ROUTES, "coffee": ROUTES["help"]})
    fewer = {name: handler for name, handler in ROUTES.items() if name != "clear"}
    with pytest.raises(ValueError, match="commands without a handler: \\['clear'\\]"):
        routes(fewer)


def test_help_lists_every_command_and_the_menu_the_everyday_ones() -> None:
    text = help_message()
    for command in COMMANDS:
        assert f"\n/{command.name} — " in text
    menu = [name for name, _ in menu_commands()]
    assert menu == [command.name for command in COMMANDS if command.in_menu]
    assert "clear" not in menu  # only useful during a recovery hold, which names it
    assert len(menu) == len(COMMANDS) - 1
    for name, description in menu_commands():
        assert 3 <= len(description) <= 256  # Telegram's limits for a menu entry
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)
