"""/export: everything kept about a runner, as the documented ``hipcoach-export/1`` JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.timing import zone
from bot.core.vocabulary import Side
from bot.service.messages import Document, Reply
from bot.service.turn import Turn
from bot.storage import privacy

__all__ = ["EXPORT_FORMAT", "EXPORT_NAME", "export"]

EXPORT_FORMAT = "hipcoach-export/1"
EXPORT_NAME = "hipcoach-export.json"


async def export(turn: Turn) -> list[Reply]:
    """The runner's data as a JSON document; instants in their own time zone."""
    data = await privacy.export_runner(turn.session, turn.runner)
    runner, state = data.runner, data.phase_state
    local = zone(runner.timezone)
    payload: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "user": {
            "telegram_id": runner.telegram_id,
            "first_name": runner.first_name,
            "timezone": runner.timezone,
            "home_timezone": runner.home_timezone,  # the zone before a stay; None: none
            "reminder_time": f"{runner.reminder_time:%H:%M}" if runner.reminder_time else None,
            "phase": state.phase.value,
            "level": runner.level.value,
            "race_date": _day(state.race_date),
            "paused_until": _day(state.paused_until),
            "planned_break": (  # a break planned ahead: first and last day
                {
                    "from": _day(state.pause_planned_from),
                    "until": _day(state.pause_planned_until),
                }
                if state.pause_planned_from and state.pause_planned_until
                else None
            ),
            "way_back_stage": state.way_back_stage,
            "health": {
                "pregnant": runner.pregnant,
                "postpartum": runner.postpartum,
                "birth_on": _day(runner.birth_on),
                "past_bone_stress": runner.past_bone_stress,
            },
            "running_week": {  # weekday numbers, 0 = Monday
                "run_days": sorted(runner.run_days),
                "long_run_day": runner.long_run_day,
                "hard_days": sorted(runner.hard_days),
                "rest_days": sorted(runner.rest_days),
                "race_distance": runner.race_distance.value if runner.race_distance else None,
                "dynamic_days": runner.dynamic_days,
                "session_minutes": runner.session_minutes,
            },
        },
        "completions": [
            {
                "date": row.local_date.isoformat(),
                "session_id": row.session_id,
                "status": row.status.value,
                "rpe": row.rpe,
                "note": row.note,
                "pain": row.pain,
                "logged_at": _instant(row.logged_at, local),
            }
            for row in data.completions
        ],
        "body_reports": [
            {
                "reported_at": _instant(row.reported_at, local),
                "area": row.area.value,
                "side": None if row.side is Side.NONE else row.side.value,
                "kind": row.kind.value,
                "severity": row.severity,
                "red_flags": list(row.red_flags),
                "text": row.text,
            }
            for row in data.reports
        ],
        "phase_history": [
            {
                "phase": row.phase.value,
                "started_on": row.started_on.isoformat(),
                "reason": row.reason,
            }
            for row in data.phase_history
        ],
    }
    content = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
    caption = "Everything I keep about you, as JSON."
    return [Reply(document=Document(EXPORT_NAME, content, caption=caption))]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _instant(moment: datetime, local: ZoneInfo) -> str:
    return moment.astimezone(local).isoformat(timespec="seconds")
