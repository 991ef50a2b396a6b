"""The one place plain text becomes Telegram HTML."""

from __future__ import annotations

from html import escape

__all__ = ["bold", "escape_text", "heard", "italic"]


def escape_text(text: str) -> str:
    """Plain text made safe for Telegram HTML (quotes need no escaping there)."""
    return escape(text, quote=False)


def bold(text: str) -> str:
    """Plain text, escaped and in bold."""
    return f"<b>{escape_text(text)}</b>"


def italic(text: str) -> str:
    """Plain text, escaped and in italics."""
    return f"<i>{escape_text(text)}</i>"


def heard(text: str, *, longest: int = 60) -> str:
    """What the runner typed, quoted back and escaped (" “…”", clipped), or " that"."""
    said = " ".join(text.split())
    if len(said) > longest:
        said = said[: longest - 1].rstrip() + "…"
    return f" “{escape_text(said)}”" if said else " that"
