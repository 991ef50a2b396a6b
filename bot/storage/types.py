"""Column types that read back what the core wrote: StrEnum members and aware UTC datetimes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator

__all__ = ["ENUM_LENGTH", "EnumString", "UTCDateTime", "utc_now"]

ENUM_LENGTH = 32

_E = TypeVar("_E", bound=StrEnum)


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class _Members(dict[str | None, Any]):
    """An enum's members by value (and None for NULL): a lookup that is one C call for
    every stored value, and ``enum(value)`` (its own ValueError) for any other."""

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__({member.value: member for member in enum})
        self[None] = None
        self.enum = enum

    def __missing__(self, value: str) -> StrEnum:
        return self.enum(value)


class EnumString(TypeDecorator[_E]):
    """A StrEnum stored as its plain value in a VARCHAR(32), not a database ENUM."""

    impl = String(ENUM_LENGTH)
    cache_ok = True

    def __init__(self, enum: type[_E], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum = enum
        #: Values to members, looked up directly: a scheduler pass reads hundreds of
        #: thousands of them, and ``enum(value)`` costs several times a dict lookup.
        self._members = _Members(enum)

    def process_bind_param(self, value: _E | str | None, dialect: Dialect) -> str | None:
        """Write the member's value; a plain string must name a member."""
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> _E | None:
        """Read the value back as the member (an unknown value raises ValueError)."""
        return cast("_E | None", self._members[value])

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], _E | None] | None:
        """``process_result_value`` as the members' own lookup (no Python call per value)
        when the driver hands the stored string over as it is."""
        if self.impl_instance.result_processor(dialect, coltype) is not None:
            return super().result_processor(dialect, coltype)
        return self._members.__getitem__


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
