"""The database tables, as SQLAlchemy 2 declarative models (SQLite and PostgreSQL).

Enums are stored as their plain string values and lists as JSON, so the schema needs no
database ENUM types. Timestamps are timezone-aware UTC. Rows never leave the storage
package except for export; ``repository`` maps them to the core's dataclasses.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.core.phases import DEFAULT_BLOCK_WEEKS, DEFAULT_RACE_WEEKS_BEFORE
from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, Category, Level, Phase, RaceDistance, ReportKind, Side
from bot.storage.types import EnumString, UTCDateTime, utc_now

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "BodyReportRow",
    "CompletionRow",
    "ConversationRow",
    "DeliveryKind",
    "DeliveryRow",
    "DeliveryStatus",
    "HandledUpdate",
    "OutboxRow",
    "PhaseHistoryRow",
    "PhaseStateRow",
    "Runner",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


def _runner_fk() -> Mapped[int]:
    """A not-null reference to ``runners.id`` whose rows go when the runner goes."""
    return mapped_column(ForeignKey("runners.id", ondelete="CASCADE"), nullable=False)


class Runner(Base):
    """A runner: one Telegram user and the profile that shapes their plan."""

    __tablename__ = "runners"
    __table_args__ = ({"sqlite_autoincrement": True},)  # never reuse a deleted runner's id

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True, nullable=False)
    first_name: Mapped[str | None] = mapped_column(String(128))
    level: Mapped[Level] = mapped_column(EnumString(Level), default=Level.BEGINNER)
    desk_job: Mapped[bool] = mapped_column(default=False)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)
    rest_days: Mapped[list[int]] = mapped_column(JSON, default=list)
    dynamic_days: Mapped[int] = mapped_column(default=2)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    reminder_time: Mapped[time | None] = mapped_column(Time)
    race_date: Mapped[date | None] = mapped_column(Date)
    paused_until: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True)
    onboarded: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    #: When the next morning reminder falls due (UTC); None when reminders are off.
    next_reminder_at: Mapped[datetime | None] = mapped_column(index=True)
    #: When the next weekly check-in falls due (UTC); None when not scheduled.
    next_checkin_at: Mapped[datetime | None] = mapped_column(index=True)
    #: The health screen (``bot.core.health``): each stays until the runner ends it.
    pregnant: Mapped[bool] = mapped_column(default=False, server_default=false())
    postpartum: Mapped[bool] = mapped_column(default=False, server_default=false())
    birth_on: Mapped[date | None] = mapped_column(Date)
    past_bone_stress: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: The running week (``RunnerProfile``): weekday numbers, 0 = Monday.
    run_days: Mapped[list[int]] = mapped_column(JSON, default=list, server_default="[]")
    long_run_day: Mapped[int | None] = mapped_column()
    hard_days: Mapped[list[int]] = mapped_column(JSON, default=list, server_default="[]")
    race_distance: Mapped[RaceDistance | None] = mapped_column(EnumString(RaceDistance))
    session_minutes: Mapped[int] = mapped_column(default=20, server_default="20")
    #: The zone the runner had before a stay said to be temporary ("in new york this week
    #: for work"): where "back home" returns them; None when no stay is on record.
    home_timezone: Mapped[str | None] = mapped_column(String(64))


class PhaseStateRow(Base):
    """The runner's current place in the training cycle (one row per runner)."""

    __tablename__ = "phase_states"

    runner_id: Mapped[int] = mapped_column(
        ForeignKey("runners.id", ondelete="CASCADE"), primary_key=True
    )
    phase: Mapped[Phase] = mapped_column(EnumString(Phase))
    started_on: Mapped[date] = mapped_column(Date)
    block_number: Mapped[int] = mapped_column(default=0)
    block_weeks: Mapped[int] = mapped_column(default=DEFAULT_BLOCK_WEEKS)
    race_date: Mapped[date | None] = mapped_column(Date)
    race_weeks_before: Mapped[int] = mapped_column(default=DEFAULT_RACE_WEEKS_BEFORE)
    paused_until: Mapped[date | None] = mapped_column(Date)
    resume_phase: Mapped[Phase | None] = mapped_column(EnumString(Phase))
    resume_started_on: Mapped[date | None] = mapped_column(Date)
    held_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    newcomer: Mapped[bool] = mapped_column(default=True)
    interrupted_on: Mapped[date | None] = mapped_column(Date)
    base_weeks: Mapped[int | None] = mapped_column()
    #: The graded way back (``bot.core.comeback``): stage 1-3, when it began, and the day
    #: of a session at it that went at pain 2/10 or less (waiting for the morning check).
    way_back_stage: Mapped[int | None] = mapped_column()
    way_back_since: Mapped[date | None] = mapped_column(Date)
    way_back_passed_on: Mapped[date | None] = mapped_column(Date)
    #: The distance of the race set; its post-race recovery scales with it.
    race_distance: Mapped[RaceDistance | None] = mapped_column(EnumString(RaceDistance))
    #: A break that starts later: its first and last day (``PhaseState.pause_planned_*``).
    pause_planned_from: Mapped[date | None] = mapped_column(Date)
    pause_planned_until: Mapped[date | None] = mapped_column(Date)
    #: The way back began after days without logs (``PhaseState.way_back_from_gap``).
    way_back_from_gap: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    #: Raised by every write of the runner's completions or body reports, in the writing
    #: transaction (``bot.storage.records``); ``bot.storage.history`` keys its cache on it.
    history_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: The latest day the runner logged a session (done or skipped), kept by every log
    #: (``bot.storage.records``): a break without logs starts the way back.
    last_logged_on: Mapped[date | None] = mapped_column(Date)


class PhaseHistoryRow(Base):
    """One phase the runner entered, and why."""

    __tablename__ = "phase_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    runner_id: Mapped[int] = _runner_fk()
    phase: Mapped[Phase] = mapped_column(EnumString(Phase))
    started_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (Index(None, "runner_id"),)


class CompletionRow(Base):
    """A session logged done or skipped; one row per runner and local date."""

    __tablename__ = "completions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    runner_id: Mapped[int] = _runner_fk()
    local_date: Mapped[date] = mapped_column(Date)
    session_id: Mapped[str] = mapped_column(String(64))
    category: Mapped[Category] = mapped_column(EnumString(Category))
    status: Mapped[CompletionStatus] = mapped_column(EnumString(CompletionStatus))
    rpe: Mapped[int | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    #: Pain during the session, 0-10, as the runner answered the Done flow's question.
    pain: Mapped[int | None] = mapped_column()
    #: The session's title as the runner saw it the day it was logged (/history keeps it
    #: when a later hold or phase would plan that day under another name).
    title: Mapped[str | None] = mapped_column(String(120))
    logged_at: Mapped[datetime] = mapped_column(default=utc_now)

    __table_args__ = (
        UniqueConstraint("runner_id", "local_date"),
        CheckConstraint("status IN ('done', 'skipped')", name="status"),
    )


class BodyReportRow(Base):
    """Tightness, soreness or pain the runner reported, with their own words."""

    __tablename__ = "body_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    runner_id: Mapped[int] = _runner_fk()
    reported_at: Mapped[datetime] = mapped_column(default=utc_now)
    local_date: Mapped[date] = mapped_column(Date)
    area: Mapped[Area] = mapped_column(EnumString(Area))
    side: Mapped[Side] = mapped_column(EnumString(Side))
    kind: Mapped[ReportKind] = mapped_column(EnumString(ReportKind))
    severity: Mapped[int | None] = mapped_column()
    red_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Said worse the next morning, or than before (the pain-monitoring model).
    worse: Mapped[bool] = mapped_column(default=False, server_default=false())
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "runner_id", "local_date"),)


class HandledUpdate(Base):
    """A Telegram update already handled, so a redelivery is ignored."""

    __tablename__ = "handled_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[datetime] = mapped_column(index=True)


class ConversationRow(Base):
    """Where a chat is in a multi-step conversation, so a restart picks it up."""

    __tablename__ = "conversations"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class DeliveryKind(StrEnum):
    """What a scheduled message is."""

    MORNING = "morning"
    CHECKIN = "checkin"
    PHASE = "phase"


class DeliveryStatus(StrEnum):
    """Where a scheduled message is: claimed (pending), then one of the final states."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    MISSED = "missed"


class DeliveryRow(Base):
    """One scheduled message, claimed once per runner, local date and kind before sending."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    runner_id: Mapped[int] = _runner_fk()
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[DeliveryKind] = mapped_column(EnumString(DeliveryKind))
    status: Mapped[DeliveryStatus] = mapped_column(EnumString(DeliveryStatus))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column()
    due_at: Mapped[datetime] = mapped_column()
    claimed_by: Mapped[str] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        UniqueConstraint("runner_id", "local_date", "kind"),
        Index(None, "status", "next_attempt_at"),
        Index(None, "due_at"),  # retention: the oldest claims first
        CheckConstraint("kind IN ('morning', 'checkin', 'phase')", name="kind"),
        CheckConstraint(
            "status IN ('pending', 'sent', 'failed', 'skipped', 'missed')", name="status"
        ),
    )


class OutboxRow(Base):
    """One Telegram call of a reply, written with the update's effects, deleted once sent.

    Only replies not yet accepted by Telegram are here (``bot.service.outbox``); ids give
    the order within a chat. ``text`` is the message (the caption of a document);
    ``edit_message_id`` makes it an edit of that message. Chart pictures are not kept.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index(None, "chat_id", "id"),
        Index(None, "next_attempt_at"),
        {"sqlite_autoincrement": True},  # ids only grow: the order of a chat's replies
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    runner_id: Mapped[int] = _runner_fk()
    chat_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text, default="")
    keyboard: Mapped[list[Any]] = mapped_column(JSON, default=list)
    request_location: Mapped[bool] = mapped_column(default=False)
    edit_message_id: Mapped[int | None] = mapped_column(BigInteger)
    filename: Mapped[str | None] = mapped_column(String(128))
    document: Mapped[bytes | None] = mapped_column(LargeBinary)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column()
    #: Held by ``claimed_by`` until then while it sends (None: free to take).
    leased_until: Mapped[datetime | None] = mapped_column()
    claimed_by: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column()
