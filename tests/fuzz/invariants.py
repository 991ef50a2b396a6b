"""What must hold after every fuzz step; each check returns what it found wrong, as lines.

The Telegram limits are the fake Bot API's checkers (``tests.fakebotapi.limits``), applied
to what the shell would send: texts after the bot's own splitting, captions after its cut.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.presentation.callbacks import decode
from bot.presentation.splitting import split_message, truncate_caption
from bot.service.coach import Coach
from bot.service.export import EXPORT_NAME
from bot.service.messages import Button, Command, Inbound, Keyboard, Location, Media, Reply, Text
from bot.storage import records
from bot.storage.models import CompletionRow, PhaseStateRow
from tests.fakebotapi.limits import (
    MAX_PHOTO_BYTES,
    ApiError,
    check_caption,
    check_reply_markup,
    check_text,
    parse_html,
)

__all__ = [
    "MAX_BUTTONS_PER_ROW",
    "answered",
    "cache_mismatches",
    "days_logged_twice",
    "export_problems",
    "keyboard_problems",
    "leaks",
    "reply_problems",
    "words_of",
]

#: Telegram shows at most 8 buttons in a row of an inline keyboard.
MAX_BUTTONS_PER_ROW = 8


def _html_problem(source: str, *, caption: bool = False) -> str | None:
    try:
        parsed = parse_html(source)
        (check_caption if caption else check_text)(parsed)
    except ApiError as error:
        return f"{error.kind}: {error.description} in {source[:200]!r}"
    return None


def keyboard_problems(rows: Keyboard | Iterable[Iterable[tuple[str, str]]]) -> list[str]:
    """Inline keyboard shape, labels and callback data as Telegram and the codec take them."""
    frozen = [list(row) for row in rows]
    problems: list[str] = []
    markup = {
        "inline_keyboard": [
            [{"text": label, "callback_data": data} for label, data in row] for row in frozen
        ]
    }
    try:
        check_reply_markup(markup)
    except ApiError as error:
        problems.append(f"keyboard {error.kind}: {frozen!r}")
    for row in frozen:
        if len(row) > MAX_BUTTONS_PER_ROW:
            problems.append(f"{len(row)} buttons in a row: {row!r}")
        for label, data in row:
            if decode(data) is None:
                problems.append(f"button {label!r} holds data the coach cannot read: {data!r}")
    return problems


def reply_problems(reply: Reply) -> list[str]:
    """Everything in ``reply`` Telegram would refuse, as the shell would send it."""
    problems: list[str] = []
    if reply.photo is not None:
        if len(reply.photo) > MAX_PHOTO_BYTES:
            problems.append(f"photo of {len(reply.photo)} bytes")
        if problem := _html_problem(truncate_caption(reply.text), caption=True):
            problems.append(f"photo caption {problem}")
    elif reply.text:
        for chunk in split_message(reply.text):
            if problem := _html_problem(chunk):
                problems.append(f"text {problem}")
    if reply.document is not None and reply.document.caption:
        caption = truncate_caption(reply.document.caption)
        if problem := _html_problem(caption, caption=True):
            problems.append(f"document caption {problem}")
    if reply.toast is not None and not reply.toast.strip():
        problems.append("an empty toast")
    problems += keyboard_problems(reply.keyboard)
    return problems


def answered(inbound: Inbound, replies: list[Reply]) -> bool:
    """Whether ``replies`` answer ``inbound`` the way the runner would notice."""
    match inbound:
        case Text():
            return any(reply.text.strip() for reply in replies)
        case Command():
            return any(reply.text.strip() or reply.document for reply in replies)
        case Button():
            return any(reply.text.strip() or reply.toast for reply in replies)
        case Location() | Media():
            return any(reply.text.strip() for reply in replies)
    return bool(replies)


def words_of(replies: Iterable[Reply]) -> str:
    """All a runner can read in ``replies``: texts, toasts, labels, captions, documents."""
    parts: list[str] = []
    for reply in replies:
        parts += [reply.text, reply.toast or ""]
        parts += [label for row in reply.keyboard for label, _ in row]
        if reply.document is not None:
            parts += [
                reply.document.caption or "",
                reply.document.content.decode("utf-8", "replace"),
            ]
    return "\n".join(parts)


def leaks(seen_by: int, words: str, tags: Mapping[int, str]) -> list[str]:
    """Other runners' tags in what runner ``seen_by`` was shown."""
    return [
        f"runner {other}'s data ({tag}) shown to runner {seen_by}"
        for other, tag in tags.items()
        if other != seen_by and tag in words
    ]


def export_problems(telegram_id: int, replies: Iterable[Reply]) -> list[str]:
    """An /export document is JSON about the runner who asked."""
    problems: list[str] = []
    for reply in replies:
        document = reply.document
        if document is None or document.filename != EXPORT_NAME:
            continue
        try:
            payload: Any = json.loads(document.content)
        except ValueError as error:
            problems.append(f"export is not JSON: {error}")
            continue
        if payload.get("user", {}).get("telegram_id") != telegram_id:
            problems.append(f"export for {telegram_id} names {payload.get('user')!r}")
    return problems


async def days_logged_twice(session: AsyncSession) -> set[tuple[int, str]]:
    """(runner id, local date) holding more than one completion."""
    count = func.count()
    rows = await session.execute(
        select(CompletionRow.runner_id, CompletionRow.local_date)
        .group_by(CompletionRow.runner_id, CompletionRow.local_date)
        .having(count > 1)
    )
    return {(runner, str(day)) for runner, day in rows}


async def cache_mismatches(session: AsyncSession, coach: Coach) -> tuple[list[str], int]:
    """History cache entries for a runner's current version that differ from the database,
    and how many entries were compared."""
    rows = await session.execute(select(PhaseStateRow.runner_id, PhaseStateRow.history_version))
    versions = dict(rows.all())
    problems: list[str] = []
    compared = 0
    kinds = (
        ("completions", coach.history._completions, records.recent_completions),
        ("reports", coach.history._reports, records.recent_reports),
    )
    for kind, memo, read in kinds:
        for runner_id, ((version, since), cached) in dict(memo._values).items():
            if versions.get(runner_id) != version:
                continue  # an older version's read: never served again
            stored = await read(session, runner_id, since)  # type: ignore[operator]
            compared += 1
            if list(cached) != stored:
                problems.append(
                    f"cached {kind} of runner {runner_id} (version {version}, since {since}) "
                    f"{list(cached)!r} but the database holds {stored!r}"
                )
    return problems, compared
