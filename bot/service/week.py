"""The runner's running week: changed by /settings with words, or by free text ("long run
is Sunday", "I do intervals on Tuesdays", "I race a half marathon", "I race parkrun").

The words are read by ``bot.core.understanding.week``, and a run raced every week (a
parkrun "flat out") by ``bot.core.raced``: a hard day; the race distance is also kept on
the phase state, where it scales the post-race recovery.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.phases import Transition
from bot.core.raced import mentions_parkrun, raced_days, with_raced
from bot.core.understanding.week import WeekSaid, applied, running_week
from bot.presentation import settings as words
from bot.service.messages import Reply
from bot.service.turn import Turn
from bot.storage import repository

__all__ = ["set_week", "settings_text", "store"]


async def set_week(turn: Turn, said: WeekSaid, text: str = "") -> list[Reply]:
    """Store what ``said`` changes in the running week, with the runs ``text`` says are
    raced as hard days, and say what it is now (and how a parkrun was read)."""
    raced = raced_days(text)
    try:
        await store(turn, said, raced)
    except ValueError as refused:
        return [Reply(text=words.week_refused(str(refused)))]
    parkrun = bool(raced) if mentions_parkrun(text) else None
    return [Reply(text=words.week_changed(turn.profile, parkrun_raced=parkrun))]


async def store(turn: Turn, said: WeekSaid, raced: frozenset[int] = frozenset()) -> None:
    """Store what ``said`` changes, and the ``raced`` weekdays as hard days beside those
    kept (ValueError, nothing stored, when it breaks a rule)."""
    profile = with_raced(applied(turn.profile, said), raced)
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
    if said is None and not raced_days(args):
        return [Reply(text=words.week_unclear())]
    return await set_week(turn, said or WeekSaid(), args)
