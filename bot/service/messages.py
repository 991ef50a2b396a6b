"""What reaches the coach and what it answers, independent of Telegram.

The Telegram handlers and the terminal chat both translate to and from these values, so the
two share one engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.progress import Progress

__all__ = [
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
    "keyboard",
]

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
