"""The runner's running week: changed by /settings with words, or by free text ("long run
is Sunday", "I do intervals on Tuesdays", "I race a half marathon").

The words are read by ``bot.core.understanding.week``; the race distance is also kept on
the phase state, where it scales the post-race recovery.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.phases import Transition
from bot.core.understanding.week import WeekSaid, applied, running_week
from bot.presentation import settings as words
from bot.service.messages import Reply
from bot.service.turn import Turn
from bot.storage import repository

__all__ = ["set_week", "settings_text", "store"]


async def set_week(turn: Turn, said: WeekSaid) -> list[Reply]:
    """Store what ``said`` changes in the running week and say what it is now."""
    try:
        await store(turn, said)
    except ValueError as refused:
        return [Reply(text=words.week_refused(str(refused)))]
    return [Reply(text=words.week_changed(turn.profile))]


async def store(turn: Turn, said: WeekSaid) -> None:
    """Store what ``said`` changes (ValueError, nothing stored, when it breaks a rule)."""
    profile = applied(turn.profile, said)
    turn.profile = profile
    await repository.save_profile(turn.session, turn.runner, profile)
    if turn.state.race_distance != profile.race_distance:
        state = replace(turn.state, race_distance=profile.race_distance)
        await turn.save_state(Transition(state, "Race distance", changed=False))


async def settings_text(turn: Turn, args: str) -> list[Reply] | None:
    """``/settings`` with words: a running-week change; None without words."""
    if not args.strip():
        return None
    said = running_week(args)
    if said is None:
        return [Reply(text=words.week_unclear())]
    return await set_week(turn, said)
