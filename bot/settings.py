"""Settings from the environment or a ``.env`` file (see ``.env.example``)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "SettingsError", "load_settings"]

_TOKEN = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{30,60}$")
_DATABASE_SCHEMES = ("sqlite+aiosqlite://", "postgresql+asyncpg://")


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


def load_settings() -> Settings:
    """Read the settings; raise SettingsError with a one-line message on a bad value."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"]).upper() or "a setting"
        raise SettingsError(f"{name}: {first['msg']}") from None
