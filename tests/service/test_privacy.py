"""/export sends the documented JSON; /delete asks first, then erases every row."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from bot.service.export import EXPORT_FORMAT, EXPORT_NAME
from tests.service.conftest import Chat, texts

USER_KEYS = {
    "telegram_id": int,
    "first_name": str,
    "timezone": str,
    "home_timezone": type(None),  # the zone before a stay away ("in new york this week")
    "reminder_time": str,
    "phase": str,
    "level": str,
    "race_date": str,
    "paused_until": type(None),
    "planned_break": type(None),  # a break planned ahead: {"from", "until"}
    "way_back_stage": type(None),  # the graded way back (issue 11): None when not on it
    "health": dict,
    "running_week": dict,  # issue 12: the running week asked at set-up
}
COMPLETION_KEYS = {"date", "session_id", "status", "rpe", "note", "pain", "logged_at"}
REPORT_KEYS = {"reported_at", "area", "side", "kind", "severity", "red_flags", "text"}
HISTORY_KEYS = {"phase", "started_on", "reason"}
OFFSET = re.compile(r"[+-]\d\d:\d\d$")


async def _busy(chat: Chat) -> None:
    await chat.command("/timezone Europe/Berlin")
    await chat.command("/remind 06:45")
    await chat.command("/race 2027-04-12")
    await chat.command("/today")
    await chat.say("done, felt easy, 3/10")
    await chat.say("hammies tight")
    await chat.say("left calf sore 6/10")
    await chat.command("/sore")  # leaves a conversation open


async def _export(chat: Chat) -> dict[str, Any]:
    (reply,) = await chat.command("/export")
    assert reply.document is not None
    assert reply.document.filename == EXPORT_NAME
    data: dict[str, Any] = json.loads(reply.document.content)
    return data


def _instant(text: str) -> datetime:
    assert OFFSET.search(text), f"{text} has no UTC offset"
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() is not None
    return moment


async def test_export_matches_the_documented_shape(chat: Chat) -> None:
    await _busy(chat)
    data = await _export(chat)
    assert set(data) == {"format", "user", "completions", "body_reports", "phase_history"}
    assert data["format"] == EXPORT_FORMAT

    user = data["user"]
    assert set(user) == set(USER_KEYS)
    for key, kind in USER_KEYS.items():
        assert isinstance(user[key], kind), key
    assert user["telegram_id"] == chat.sender.telegram_id
    assert user["timezone"] == "Europe/Berlin"
    assert user["reminder_time"] == "06:45"
    assert (user["phase"], user["level"]) == ("base", "beginner")
    assert date.fromisoformat(user["race_date"]) == date(2027, 4, 12)
    assert user["health"] == {
        "pregnant": False,
        "postpartum": False,
        "birth_on": None,
        "past_bone_stress": False,
    }
    assert user["running_week"] == {
        "run_days": [],
        "long_run_day": None,
        "hard_days": [],
        "rest_days": [],
        "race_distance": None,
        "dynamic_days": 2,
        "session_minutes": 20,
    }

    (completion,) = data["completions"]
    assert set(completion) == COMPLETION_KEYS
    assert date.fromisoformat(completion["date"]) == date(2026, 12, 1)
    assert (completion["status"], completion["rpe"]) == ("done", 3)
    assert isinstance(completion["session_id"], str)
    assert _instant(completion["logged_at"]).utcoffset().total_seconds() == 3600  # type: ignore[union-attr]

    tight, sore = data["body_reports"]
    for report in (tight, sore):
        assert set(report) == REPORT_KEYS
        _instant(report["reported_at"])
        assert isinstance(report["red_flags"], list)
    assert (tight["area"], tight["side"], tight["kind"]) == ("hamstrings", None, "tightness")
    assert tight["severity"] is None
    assert tight["text"] == "hammies tight"
    assert (sore["area"], sore["side"], sore["kind"], sore["severity"]) == (
        "calves",
        "left",
        "soreness",
        6,
    )

    history = data["phase_history"]
    assert [entry["phase"] for entry in history] == ["onboarding", "base"]
    for entry in history:
        assert set(entry) == HISTORY_KEYS
        date.fromisoformat(entry["started_on"])
        assert isinstance(entry["reason"], str)


async def test_export_of_a_new_runner(chat: Chat) -> None:
    data = await _export(chat)
    assert data["completions"] == []
    assert data["body_reports"] == []
    assert data["user"]["reminder_time"] is None
    assert data["user"]["race_date"] is None


async def test_delete_asks_first_and_no_keeps_everything(chat: Chat) -> None:
    await _busy(chat)
    runner_id = (await chat.runner()).id
    before = await chat.rows_about(runner_id)
    (question,) = await chat.command("/delete")
    assert [data for row in question.keyboard for _, data in row] == ["v1|cd|yes", "v1|cd|no"]
    assert await chat.rows_about(runner_id) == before
    (kept,) = await chat.press("v1|cd|no")
    assert kept.edit
    assert "Nothing was deleted" in kept.text
    assert await chat.rows_about(runner_id) == before


async def test_delete_yes_erases_every_row_of_that_runner(chat: Chat) -> None:
    other = Chat(chat.coach, chat.sessions, type(chat.sender)(777, 777, "Other"), 5000)
    await _busy(other)
    await _busy(chat)
    runner_id = (await chat.runner()).id
    before = await chat.rows_about(runner_id)
    known = ("runners", "phase_states", "phase_history", "completions", "body_reports")
    assert all(before[table] for table in (*known, "conversations")), before
    other_before = await other.rows_about((await other.runner()).id)

    await chat.command("/delete")
    (gone,) = await chat.press("v1|cd|yes")
    assert gone.edit
    assert "deleted" in gone.text
    assert not await chat.exists()
    assert set((await chat.rows_about(runner_id)).values()) == {0}
    assert await other.rows_about((await other.runner()).id) == other_before


async def test_delete_after_a_name_change_in_the_same_update(chat: Chat) -> None:
    await _busy(chat)
    renamed = Chat(chat.coach, chat.sessions, type(chat.sender)(4242, 4242, "Anna"), 6000)
    await renamed.command("/delete")
    await renamed.press("v1|cd|yes")
    assert not await chat.exists()


async def test_after_delete_the_runner_starts_afresh(chat: Chat) -> None:
    await _busy(chat)
    await chat.command("/delete")
    await chat.press("v1|cd|yes")
    settings = texts(await chat.command("/settings"))
    assert "UTC" in settings
    assert await chat.completions() == []
