"""Race date, reminders, time zone, pauses, settings, export and delete."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.phases import (
    InvalidTransition,
    PauseRequested,
    RaceDateCleared,
    RaceDateSet,
    ResumeRequested,
)
from bot.core.places import Place
from bot.core.understanding import Intent, IntentKind
from bot.core.understanding.parts import understand_parts
from bot.core.understanding.replies import parse_day, parse_reminder_time, says_off
from bot.core.understanding.stay import stay_is_temporary
from bot.core.vocabulary import Phase
from bot.presentation import chat
from bot.presentation import settings as words
from bot.presentation.callbacks import Action, Answer
from bot.service.messages import Reply, keyboard
from bot.service.timezones import lookup_zone, zone_at
from bot.service.turn import Turn
from bot.storage import chats, privacy, repository

__all__ = [
    "HOME_FLOW",
    "ask_delete",
    "back_home",
    "choose_timezone",
    "confirm_delete",
    "pause",
    "resume",
    "set_race",
    "set_reminder",
    "set_timezone",
    "set_timezone_at",
    "settings",
    "typed_home",
    "which_place",
]

DEFAULT_PAUSE_DAYS = 14


async def set_race(turn: Turn, race_date: date | None, *, off: bool = False) -> list[Reply]:
    """Set or clear the race date."""
    try:
        if off:
            result = await turn.apply(RaceDateCleared())
            return [Reply(text=words.race_cleared(result.reason))]
        if race_date is None:
            return [Reply(text=words.race_date_missing(turn.state.race_date))]
        result = await turn.apply(RaceDateSet(race_date))
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)))]
    return [Reply(text=words.race_noted(result.reason))]


async def set_race_text(turn: Turn, args: str) -> list[Reply]:
    """/race YYYY-MM-DD or /race off."""
    if says_off(args):
        return await set_race(turn, None, off=True)
    if not args.strip():
        return await set_race(turn, None)
    race_date = parse_day(args, turn.today)
    if race_date is None:
        return [Reply(text=words.race_date_unreadable(args))]
    return await set_race(turn, race_date)


async def set_reminder(turn: Turn, at: time | None, *, off: bool = False) -> list[Reply]:
    """Set the morning reminder time, or turn reminders off."""
    if off:  # "turn them back on with /remind 07:30": the runner's own last time
        last = turn.runner.reminder_time
        await turn.set_reminder_time(None)
        return [Reply(text=words.reminders_off(last))]
    if at is None:
        current = turn.runner.reminder_time
        return [Reply(text=words.reminder_time_missing(current, turn.runner.timezone))]
    at = at.replace(second=0, microsecond=0)
    await turn.set_reminder_time(at)
    return [Reply(text=words.reminder_set(at, turn.runner.timezone))]


async def set_reminder_text(turn: Turn, args: str) -> list[Reply]:
    """/remind HH:MM or /remind off; a bare hour ("/remind 7") means on the hour."""
    if says_off(args):
        return await set_reminder(turn, None, off=True)
    if not args.strip():
        return await set_reminder(turn, None)
    at = parse_reminder_time(args)
    if at is None:
        return [Reply(text=words.reminder_time_unreadable(args))]
    return await set_reminder(turn, at)


async def set_timezone(
    turn: Turn, text: str, *, message: str = "", reminder_said: bool = False
) -> list[Reply]:
    """Set the time zone from an IANA name or a city; ``message``: the words it was said
    in, which may say the stay is for a while ("in new york this week for work")."""
    if not text.strip():
        return [Reply(text=words.timezone_missing(), request_location=True)]
    zone, choices = lookup_zone(text)
    if zone is not None:
        return await _store_zone(
            turn, zone, temporary=stay_is_temporary(message), reminder_said=reminder_said
        )
    if choices:
        if turn.conversation is None:  # never over set-up or another question's answer
            data = {"name": text, "message": message}
            await chats.set_conversation(
                turn.session, turn.sender.chat_id, CITY_FLOW, "pick", data, now=turn.now
            )
        return [which_place(text, choices, Action.TIMEZONE)]
    return [Reply(text=words.timezone_unknown(text))]


#: The longest typed pick read as a place ("the one in massachusetts" without its words).
_LONGEST_PICK = 40
#: The conversation of a city name shared across time zones, asked with buttons.
CITY_FLOW = "city"
#: Words around a typed pick ("the one in massachusetts", "i mean oregon").
_PICK_WORDS_RE = re.compile(
    r"^(?:(?:oh|sorry|no|i\s+mean|i\s+meant|it'?s|its|the\s+one\s+in|one\s+in|in)[,\s]+)+"
    r"|\s+(?:one|please|pls|thanks)$",
    re.IGNORECASE,
)


async def typed_place(turn: Turn, data: dict[str, str], text: str) -> list[Reply] | None:
    """A typed answer to "which Springfield?" ("the one in massachusetts", "MA"): the zone
    of the name with what was typed; None (the question dropped) when that names no place,
    so the message is read as usual."""
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    said = _PICK_WORDS_RE.sub("", text.strip().strip(" .!?")).strip()
    if not said or len(said) > _LONGEST_PICK:
        return None
    zone, _ = lookup_zone(f"{data.get('name', '')}, {said}")
    if zone is None:
        return None
    return await _store_zone(turn, zone, temporary=stay_is_temporary(data.get("message", "")))


def which_place(said: str, choices: Sequence[Place], action: Action) -> Reply:
    """Which of the cities that bear the name ``said``? One button each, through ``action``."""
    rows = words.place_buttons([(place.label, place.zone) for place in choices], action)
    return Reply(text=words.timezone_which(said), keyboard=keyboard(rows))


async def choose_timezone(turn: Turn, zone: str) -> list[Reply]:
    """The city the runner picked among namesakes (a stay if the message said so), or the
    🏠 button back to the zone they had before a stay."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    temporary = False
    if conversation is not None and conversation.name == CITY_FLOW:
        await chats.clear_conversation(turn.session, turn.sender.chat_id)
        temporary = stay_is_temporary(str(conversation.data.get("message", "")))
    if zone == turn.runner.home_timezone:
        return await back_home(turn)
    return await _store_zone(turn, zone, temporary=temporary)


#: The conversation of "which city is home?", asked when a runner says they are home
#: with no stay on record (data: none).
HOME_FLOW = "home"


async def back_home(turn: Turn) -> list[Reply]:
    """The runner is home again ("back home now", the 🏠 button): the zone they had before
    the stay on record, with what it does to the reminder. With none on record, which city
    is home? (kept as the ``home`` conversation, so a typed city answers it)."""
    home = turn.runner.home_timezone
    if home is None:
        if turn.conversation is None:  # never over set-up or another question's answer
            await chats.set_conversation(
                turn.session, turn.sender.chat_id, HOME_FLOW, "city", {}, now=turn.now
            )
        return [Reply(text=words.home_which_city(), request_location=True)]
    return await _store_zone(turn, home, home_again=True)


async def typed_home(turn: Turn, text: str, intent: Intent) -> list[Reply] | None:
    """A typed answer to "which city is home?" ("Berlin", "it's london"): that city's zone;
    None (the question dropped) when the message names no place, so it is read as usual."""
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    turn.conversation = None
    if intent.kind is not IntentKind.UNKNOWN:
        return None  # "I'm in London", "done": read as usual (a zone said is set there)
    said = _PICK_WORDS_RE.sub("", text.strip().strip(" .!?")).strip()
    if not said or len(said) > _LONGEST_PICK:
        return None
    zone, choices = lookup_zone(said)
    if zone is not None:
        return await _store_zone(turn, zone)
    if choices:
        data = {"name": said, "message": ""}
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, CITY_FLOW, "pick", data, now=turn.now
        )
        return [which_place(said, choices, Action.TIMEZONE)]
    return None


async def set_timezone_at(turn: Turn, latitude: float, longitude: float) -> list[Reply]:
    """Set the time zone from a shared location."""
    zone = zone_at(latitude, longitude)
    if zone is None:
        return [Reply(text=words.timezone_not_found_here())]
    return await _store_zone(turn, zone)


async def _store_zone(
    turn: Turn,
    zone: str,
    *,
    temporary: bool = False,
    home_again: bool = False,
    reminder_said: bool = False,
) -> list[Reply]:
    """Store the zone and say what it does to the reminder; a stay said to be temporary
    ("in new york this week for work") keeps the zone until the runner says they are home,
    with a button back to the zone they had (``home_again``: this is that zone;
    ``reminder_said``: the same message sets the reminder, whose reply says its time)."""
    before = turn.runner.timezone
    await turn.set_timezone(zone)
    local = turn.now.astimezone(ZoneInfo(zone))
    moved = zone != before
    # the stay on record (kept across a restart): the zone before the first of the stays
    # in a row ("new york this week", then "boston till friday": home is still the first);
    # a zone set for good, or the home zone itself, ends it
    home = turn.runner.home_timezone
    if temporary and moved:
        home = home or before
    elif moved:
        home = None
    home = None if home == zone else home
    await repository.update_runner(turn.session, turn.runner, home_timezone=home)
    if turn.conversation is not None and turn.conversation.name == HOME_FLOW:
        await chats.clear_conversation(turn.session, turn.sender.chat_id)  # "which city?"
        turn.conversation = None
    said = words.welcome_home if home_again else words.timezone_set
    text = said(zone, local.time())
    if not reminder_said:
        reminder = words.reminder_follows_zone(turn.runner.reminder_time, zone, moved=moved)
        text = f"{text} {reminder}"
    if not (temporary and moved and home is not None):
        return [Reply(text=text)]
    text = f"{text}\n\n{words.zone_until_home(zone, home)}"
    return [Reply(text=text, keyboard=keyboard(words.back_home_keyboard(home)))]


async def pause(turn: Turn, until: date | None, start: date | None = None) -> list[Reply]:
    """Pause the plan until a date (two weeks by default); from ``start`` when the break
    starts later (the phase machine starts it on that day)."""
    first = start or turn.today
    end = until or first + timedelta(days=DEFAULT_PAUSE_DAYS)
    later = start if start is not None and start > turn.today else None
    planned = turn.state.pause_planned_from
    cut = None  # the default length cut short before a planned break: its days
    if (
        until is None
        and later is None
        and turn.state.phase is not Phase.PAUSED
        and planned is not None
        and turn.today < planned <= end + timedelta(days=1)
    ):  # two weeks would run into the planned break: stop the day before it begins
        end = planned - timedelta(days=1)
        cut = (end - turn.today).days + 1
    try:
        result = await turn.apply(PauseRequested(end, start=later, join=cut is None))
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)))]
    return [Reply(text=words.paused(result.reason, by_default=until is None, cut=cut))]


async def pause_text(turn: Turn, args: str) -> list[Reply]:
    """/pause [YYYY-MM-DD], or a break ahead ("/pause 20 dec - 27 dec"): read as the
    words "pause ..." would be, so a first day is never dropped (the break is planned)."""
    if args.strip():
        said, _ = understand_parts(f"pause {args}", turn.today)
        if said.kind is IntentKind.PAUSE and said.unclear is None and said.pause_from:
            return await pause(turn, said.pause_until, said.pause_from)
        until = parse_day(args, turn.today)
        if until is None:
            return [Reply(text=words.pause_date_unreadable(args))]
        return await pause(turn, until)
    return await pause(turn, None)


async def resume(turn: Turn) -> list[Reply]:
    """End a pause early."""
    try:
        result = await turn.apply(ResumeRequested())
    except InvalidTransition as refused:
        return [Reply(text=chat.refusal(str(refused)))]
    return [Reply(text=words.resumed(result.reason))]


def settings(turn: Turn) -> list[Reply]:
    """What the coach knows about the runner, and how to change it."""
    runner, state = turn.runner, turn.state
    text = words.settings_message(
        turn.profile,
        state.phase,
        state.race_date,
        runner.reminder_time,
        runner.timezone,
        today=turn.today,
        paused_until=state.paused_until,
        planned_break=(
            (state.pause_planned_from, state.pause_planned_until)
            if state.pause_planned_from is not None
            else None
        ),
    )
    rows = words.health_keyboard(turn.profile.health)
    return [Reply(text=text, keyboard=keyboard(rows))]


def ask_delete() -> list[Reply]:
    """Ask before erasing anything."""
    return [Reply(text=words.delete_question(), keyboard=keyboard(words.delete_keyboard()))]


async def confirm_delete(turn: Turn, answer: Answer) -> list[Reply]:
    """Erase the runner's rows after a Yes."""
    if answer is Answer.NO:
        return [Reply(text=words.delete_kept(), edit=True)]
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    await privacy.delete_runner(turn.session, turn.runner.id)
    turn.deleted = True
    return [Reply(text=words.deleted(), edit=True)]
