"""Logging set-up: plain or JSON lines, with the bot token never written out."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

__all__ = ["configure_logging"]

#: Libraries that log request URLs (which contain the token) at INFO.
_CHATTY = ("httpx", "httpcore", "telegram.request", "apscheduler.executors.default", "alembic")


class RedactToken(logging.Filter):
    """Replace the token wherever it appears in a record's final message."""

    def __init__(self, secret: str | None) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret:
            message = record.getMessage()
            if self.secret in message:
                record.msg = message.replace(self.secret, "<token>")
                record.args = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message (and the error, if any)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(
    level: str = "INFO", *, as_json: bool = False, secret: str | None = None
) -> None:
    """Log to stderr at ``level``; quieten libraries whose INFO lines carry the token."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RedactToken(secret))
    if as_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
