"""Settings from the environment or a ``.env`` file (see ``.env.example``)."""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["RESERVED_PATHS", "Settings", "SettingsError", "load_settings"]

_TOKEN = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{30,60}$")
_DATABASE_SCHEMES = ("sqlite+aiosqlite://", "postgresql+asyncpg://")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
#: Paths the webhook server serves itself; the webhook path must differ.
RESERVED_PATHS = ("/healthz", "/metrics")


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the user."""


class Settings(BaseSettings):
    """Everything HipCoach reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    database_url: str = "sqlite+aiosqlite:///./hipcoach.db"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = False
    scheduler_enabled: bool = True
    scheduler_interval_seconds: float = Field(default=20.0, ge=1, le=3600)
    reminder_grace_hours: float = Field(default=3.0, ge=0, le=24)
    #: Handled update ids and finished reminder claims are kept this long, then pruned: at
    #: least 48 h, so an update Telegram still holds (24 h) is always known as handled.
    retention_hours: float = Field(default=168.0, ge=48, le=87_600)
    instance_name: str | None = Field(default=None, max_length=128)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=0, le=65535)

    @field_validator("webhook_url", "webhook_secret", "instance_name", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith("https://"):
            raise ValueError("must be the public https:// URL Telegram posts updates to")
        if (urlsplit(value).path or "/") in RESERVED_PATHS:
            raise ValueError(f"its path must not be one of {', '.join(RESERVED_PATHS)}")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.match(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_database(cls, value: str) -> str:
        if not value.startswith(_DATABASE_SCHEMES):
            raise ValueError(
                "must be an async SQLAlchemy URL: sqlite+aiosqlite:///path.db "
                "or postgresql+asyncpg://user@host/db"
            )
        return value

    def token(self) -> str:
        """The bot token, checked for shape; raises SettingsError when missing or malformed."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env"
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not _TOKEN.match(token):
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then "
                "about 35 letters, digits, - or _)"
            )
        return token

    @property
    def webhook_path(self) -> str:
        """The path the webhook server answers Telegram on (the path of WEBHOOK_URL)."""
        return (urlsplit(self.webhook_url).path or "/") if self.webhook_url else "/"

    def webhook_secret_token(self) -> str:
        """The webhook secret; raises SettingsError when webhook mode has none."""
        if self.webhook_secret is None:
            raise SettingsError(
                "WEBHOOK_SECRET is not set: webhook mode (WEBHOOK_URL) needs a secret of "
                "1-256 characters A-Z, a-z, 0-9, _ and -"
            )
        return self.webhook_secret.get_secret_value()


def load_settings() -> Settings:
    """Read the settings; raise SettingsError with a one-line message on a bad value."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"]).upper() or "a setting"
        raise SettingsError(f"{name}: {first['msg']}") from None
