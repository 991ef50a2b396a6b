"""Logging set-up: plain or JSON lines, with the bot token never written out."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

__all__ = ["RedactToken", "configure_logging"]

#: Libraries that log request URLs (which contain the token) at INFO.
_CHATTY = ("httpx", "httpcore", "telegram.request", "apscheduler.executors.default", "alembic")
#: python-telegram-bot's loggers whose DEBUG lines carry request parameters, answers and
#: updates (runners' own words, their health reports): quiet unless LOG_TELEGRAM_REQUESTS.
TELEGRAM_REQUEST_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot", "telegram.ext.Application")
_SHOWN_AS = "<token>"
_TRACEBACKS = logging.Formatter()


class RedactToken(logging.Filter):
    """Replace the token in a record's message, arguments, exception text and stack.

    The exception is formatted here (causes and contexts included) and the record keeps the
    redacted text, which every ``logging.Formatter`` prints instead of formatting it again.
    """

    def __init__(self, secret: str | None) -> None:
        super().__init__()
        self.secret = secret

    def redact(self, text: str) -> str:
        """``text`` with the secret replaced."""
        return text.replace(self.secret, _SHOWN_AS) if self.secret else text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secret:
            return True
        message = record.getMessage()
        if self.secret in message:
            record.msg = self.redact(message)
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
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
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["error"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(
    level: str = "INFO",
    *,
    as_json: bool = False,
    secret: str | None = None,
    telegram_requests: bool = False,
) -> None:
    """Log to stderr at ``level``; quieten libraries whose INFO lines carry the token.

    python-telegram-bot's request logging stays out of DEBUG output unless
    ``telegram_requests`` asks for it.
    """
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
    for name in TELEGRAM_REQUEST_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET if telegram_requests else logging.INFO)
