"""Plain keyboard rows (see :mod:`bot.presentation.render`) as python-telegram-bot markup."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.presentation.render import Rows

__all__ = ["inline_markup"]


def inline_markup(rows: Rows) -> InlineKeyboardMarkup | None:
    """The inline keyboard for ``rows``, or None when there are no buttons."""
    buttons = [
        [InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows
    ]
    buttons = [row for row in buttons if row]
    return InlineKeyboardMarkup(buttons) if buttons else None
