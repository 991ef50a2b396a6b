"""Column types that read back what the core wrote: StrEnum members and aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator

__all__ = ["ENUM_LENGTH", "EnumString", "UTCDateTime", "utc_now"]

ENUM_LENGTH = 32

_E = TypeVar("_E", bound=StrEnum)


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class EnumString(TypeDecorator[_E]):
    """A StrEnum stored as its plain value in a VARCHAR(32), not a database ENUM."""

    impl = String(ENUM_LENGTH)
    cache_ok = True

    def __init__(self, enum: type[_E], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum = enum
        #: Values to members, looked up directly: a scheduler pass reads hundreds of
        #: thousands of them, and ``enum(value)`` costs several times a dict lookup.
        self._members: dict[str, _E] = {member.value: member for member in enum}

    def process_bind_param(self, value: _E | str | None, dialect: Dialect) -> str | None:
        """Write the member's value; a plain string must name a member."""
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> _E | None:
        """Read the value back as the member (an unknown value raises ValueError)."""
        if value is None:
            return None
        member = self._members.get(value)
        return member if member is not None else self.enum(value)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime, stored in UTC and read back aware on every backend.

    SQLite keeps no offset, so values are normalised to UTC on the way in and tagged UTC
    on the way out; naive datetimes are refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert to UTC; raise ValueError for a naive datetime."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; use an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
