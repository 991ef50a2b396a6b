"""What reaches the coach and what it answers, independent of Telegram.

The Telegram handlers and the terminal chat both translate to and from these values, so the
two share one engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.progress import Progress

__all__ = [
    "MAX_NAME",
    "Button",
    "Command",
    "Document",
    "Inbound",
    "Keyboard",
    "Location",
    "Media",
    "Reply",
    "Sender",
    "Text",
    "clean_name",
    "clean_text",
    "keyboard",
]

#: Telegram's limit on a first name.
MAX_NAME = 64
#: Control characters but line breaks and tabs, and lone surrogates: no database stores
#: NUL or a lone surrogate in text (PostgreSQL refuses the whole statement).
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` as it may be stored: without NUL, other control characters or lone surrogates."""
    return _UNSTORABLE.sub("", text)


def clean_name(name: str | None) -> str | None:
    """A first name on one line, at most Telegram's 64 characters (None when nothing is left)."""
    if name is None:
        return None
    return " ".join(clean_text(name).split())[:MAX_NAME].strip() or None


Keyboard = tuple[tuple[tuple[str, str], ...], ...]
"""Inline keyboard rows of (label, callback data) pairs."""


def keyboard(rows: Iterable[Iterable[tuple[str, str]]]) -> Keyboard:
    """Freeze keyboard rows for a Reply."""
    return tuple(tuple(row) for row in rows)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who wrote: a runner in a private chat."""

    telegram_id: int
    chat_id: int
    first_name: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """A free-text message."""

    text: str


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command with the words after it."""

    name: str
    args: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Button:
    """A tap on an inline button of one of the coach's messages."""

    data: str


@dataclass(frozen=True, slots=True)
class Location:
    """A shared location (sets the time zone)."""

    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Media:
    """A sticker, photo, voice note or other non-text message."""

    kind: str


Inbound = Text | Command | Button | Location | Media


def storable(sender: Sender, inbound: Inbound) -> tuple[Sender, Inbound]:
    """The sender and message as they may be stored (``clean_text``, ``clean_name``).

    The edges clean what they read; the coach cleans again, so no way in can store a NUL
    or an overlong name.
    """
    sender = Sender(sender.telegram_id, sender.chat_id, clean_name(sender.first_name))
    match inbound:
        case Text(text):
            return sender, Text(clean_text(text))
        case Command(name, args):
            return sender, Command(clean_text(name), tuple(clean_text(arg) for arg in args))
        case Button(data):
            return sender, Button(clean_text(data))
    return sender, inbound


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send."""

    filename: str
    content: bytes
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """One message the coach sends, or an edit of the message a button sat on.

    ``keyboard`` rows hold (label, callback data) pairs. ``edit`` replaces the text of the
    message the button was on instead of sending a new one. ``toast`` answers the button
    tap with a short notice. ``chart`` is drawn into ``photo`` after the update's
    transaction has committed (``bot.service.progress.draw_charts``).
    """

    text: str = ""
    keyboard: Keyboard = ()
    edit: bool = False
    toast: str | None = None
    document: Document | None = None
    photo: bytes | None = None
    request_location: bool = False
    chart: Progress | None = None
