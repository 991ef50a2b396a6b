"""What the understanding tests count as storing: the kinds that change what the bot keeps."""

from __future__ import annotations

from bot.core.understanding import IntentKind

STORING = frozenset(
    {
        IntentKind.DONE,
        IntentKind.SKIPPED,
        IntentKind.BODY_REPORT,
        IntentKind.SET_REMINDER,
        IntentKind.SET_TIMEZONE,
        IntentKind.RACE_DATE,
        IntentKind.PAUSE,
        IntentKind.RESUME,
    }
)
