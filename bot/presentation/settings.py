"""The words for settings: race date, reminders, time zone, breaks, /settings and /delete.

Pure; callers pass plain values and what the runner typed, which is quoted (cut short and
escaped) here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from bot.core.health import Health, ImpactLimit, Screen, impact_limit, impact_returns_on
from bot.core.records import RunnerProfile
from bot.core.vocabulary import Equipment, Phase
from bot.presentation.callbacks import Action, Answer, encode
from bot.presentation.html import bold, escape_text, italic
from bot.presentation.render import Rows, day_label

__all__ = [
    "WEEKDAY_NAMES",
    "back_home_keyboard",
    "delete_kept",
    "delete_keyboard",
    "delete_question",
    "deleted",
    "health_ended",
    "health_keyboard",
    "health_lines",
    "health_noted_in_chat",
    "home_which_city",
    "kit_words",
    "parkrun_read",
    "pause_date_unreadable",
    "paused",
    "race_cleared",
    "race_date_missing",
    "race_date_unreadable",
    "race_noted",
    "reminder_follows_zone",
    "reminder_set",
    "reminder_time_missing",
    "reminder_time_unreadable",
    "reminders_off",
    "resumed",
    "settings_message",
    "timezone_missing",
    "timezone_not_found_here",
    "timezone_set",
    "timezone_unknown",
    "week_changed",
    "week_lines",
    "week_refused",
    "week_unclear",
    "welcome_home",
    "zone_place",
    "zone_until_home",
]

_SAID_LENGTH = 32
_ZONE_LENGTH = 64


def _said(text: str, limit: int = _SAID_LENGTH) -> str:
    """What the runner typed, trimmed, cut short and in italics."""
    return italic(text.strip()[:limit])


def _long_day(day: date) -> str:
    return f"{day_label(day)} {day.year}"


# ---------------------------------------------------------------- race date


def race_cleared(reason: str) -> str:
    """The race date is gone, and what that changes (the reason says it was removed)."""
    return escape_text(reason)


def race_date_missing(current: date | None = None) -> str:
    """/race without a date ("race date is still the same"): the race on record, if any,
    and how to change it."""
    how = "a date like <i>/race 2027-04-12</i>, or <i>/race off</i>"
    if current is None:
        return "No race date is set. Tell me one like <i>/race 2027-04-12</i>."
    return f"🏁 Your race is on <b>{escape_text(day_label(current))}</b>. To change it, send {how}."


def race_noted(reason: str) -> str:
    """The race date is set, and what that changes (the reason names the day, once)."""
    return f"🏁 {escape_text(reason)}"


def race_date_unreadable(said: str) -> str:
    """/race with something that is not a date."""
    return (
        f"{_said(said)} isn't a date I can read. Give the race "
        "date like <i>/race 2027-04-12</i>, or <i>/race off</i>. Nothing was changed."
    )


# ---------------------------------------------------------------- reminders


def reminders_off(last: time | None = None) -> str:
    """Reminders were turned off; ``last``: the time they were sent at (07:00 when unknown),
    suggested for turning them back on."""
    at = last or time(7, 0)
    return f"Reminders are off. Turn them back on with <i>/remind {at:%H:%M}</i>."


def reminder_time_missing(current: time | None = None, timezone: str = "") -> str:
    """/remind without a time (or "what time is my reminder?"): the time it comes now,
    and how to change it."""
    example = "a time like <i>/remind 06:45</i>"
    if current is None:
        return f"Reminders are off. To turn them on, send {example}."
    how = f"{example}, or <i>/remind off</i>"
    zone = f" ({escape_text(timezone)})" if timezone else ""
    return f"⏰ Your session comes at <b>{current:%H:%M}</b>{zone}. To change it, send {how}."


def reminder_set(at: time, timezone: str) -> str:
    """The reminder time is set."""
    zone = escape_text(timezone)
    return f"⏰ Done: your session comes every {_part_of_day(at)} at <b>{at:%H:%M}</b> ({zone})."


def _part_of_day(at: time) -> str:
    """ "morning" before noon, "afternoon" to 17:00, "evening" to 22:00, else "night"."""
    if 5 <= at.hour < 12:
        return "morning"
    if 12 <= at.hour < 17:
        return "afternoon"
    if 17 <= at.hour < 22:
        return "evening"
    return "night"


def reminder_time_unreadable(said: str) -> str:
    """/remind with something that is not a time of day."""
    return (
        f"{_said(said)} isn't a time of day I can read. "
        "Tell me one in 24-hour time, like <i>/remind 06:45</i>, or "
        "<i>/remind off</i>. Nothing was changed."
    )


# ---------------------------------------------------------------- time zone


def timezone_missing() -> str:
    """/timezone without a zone or city."""
    return (
        "Tell me your time zone or city, like <i>/timezone Europe/Berlin</i> or "
        "<i>/timezone Tokyo</i>, or share your location."
    )


def timezone_unknown(said: str) -> str:
    """A zone or city I could not find."""
    return (
        f"I don't know the time zone {_said(said, _ZONE_LENGTH)}. Try a city "
        "near you or a name like <i>America/New_York</i>."
    )


def timezone_which(said: str) -> str:
    """A city name that several places bear: which one?"""
    return f"There's more than one {_said(said, _ZONE_LENGTH)}. Which one do you mean?"


def place_buttons(places: Sequence[tuple[str, str]], action: Action) -> Rows:
    """One button per (label, zone), each setting that zone through ``action``."""
    return [[(label, encode(action, zone))] for label, zone in places]


def timezone_not_found_here() -> str:
    """A shared location with no time zone."""
    return "I couldn't find a time zone there. Type a city instead, like <i>/timezone Lisbon</i>."


def timezone_set(timezone: str, local: time) -> str:
    """The time zone is set; ``local`` is the time there now."""
    return f"🌍 Time zone set to {bold(timezone)} (it's {local:%H:%M} there now)."


def zone_place(zone: str) -> str:
    """A zone as a place: "America/New_York" → "New York"; "UTC" stays "UTC"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def reminder_follows_zone(at: time | None, zone: str, *, moved: bool) -> str:
    """What a time-zone change does to the morning reminder (``at``: its time, None when
    reminders are off; ``moved``: the zone changed)."""
    if at is None:
        return "Reminders are off, so none moves (/remind 07:00 turns them on)."
    verb = "now comes" if moved else "stays"
    return f"Your {at:%H:%M} reminder {verb} at <b>{at:%H:%M} {_zone_time(zone)}</b>."


def _zone_time(zone: str) -> str:
    """ "New York time"; "UTC" alone."""
    place = zone_place(zone)
    return escape_text(place if place.upper() in ("UTC", "GMT") else f"{place} time")


def zone_until_home(zone: str, home: str) -> str:
    """A stay said to be temporary: the zone holds until the runner says they are home."""
    return (
        f"It stays on {_zone_time(zone)} until you change it back: when you're home, tap "
        f"the button or type <i>/timezone {escape_text(home)}</i>."
    )


def welcome_home(timezone: str, local: time) -> str:
    """Back home from a stay: the zone is the one they had before it (``local``: the time
    there now); what it does to the reminder follows."""
    return f"🏠 Welcome home! Time zone back to {bold(timezone)} (it's {local:%H:%M} there now)."


def home_which_city() -> str:
    """ "Back home" with no stay on record: which city is home?"""
    return (
        "Welcome back! I have no trip on record, so I don't know where home is. Which city "
        "is it? Type it (like <i>Berlin</i>) or share your location, and your reminder "
        "follows."
    )


def back_home_keyboard(home: str) -> Rows:
    """One button that sets the zone the runner had before a trip."""
    return [[(f"🏠 Home: back to {_zone_time(home)}", encode(Action.TIMEZONE, home))]]


# ---------------------------------------------------------------- breaks


def paused(reason: str, *, by_default: bool, cut: int | None = None) -> str:
    """A break starts; ``by_default``: the runner gave no end date, so it lasts two weeks,
    or ``cut`` days: up to the day before the break they had planned."""
    if not by_default:
        return f"⏸ {escape_text(reason)}"
    if cut is None:
        length = "two weeks"
    else:
        days = "one day" if cut == 1 else f"{cut} days"
        length = f"{days}, up to the day before your planned break"
    return f"⏸ {escape_text(reason)} That's {length}; send /resume when you're back sooner."


def pause_date_unreadable(said: str) -> str:
    """/pause with something that is not a date."""
    return (
        f"{_said(said)} isn't a date I can read. Give the "
        "last day of your break like <i>/pause 2026-12-20</i>, or just /pause "
        "for two weeks."
    )


def resumed(reason: str) -> str:
    """A break ends early."""
    return f"▶️ {escape_text(reason)} Send /today for today's session."


# ---------------------------------------------------------------- /settings and /delete


def kit_words(kit: frozenset[Equipment]) -> str:
    """'band, small weights', or 'body weight only' (plain text)."""
    return ", ".join(sorted(k.value.replace("_", " ") for k in kit)) or "body weight only"


def health_lines(health: Health, today: date | None = None) -> list[str]:
    """What the health screen noted, one line each (HTML); empty when nothing was."""
    lines: list[str] = []
    if health.pregnant:
        lines.append("Pregnant: no hops or jumps until a clinician gives you the go-ahead")
    if health.postpartum:
        lines.append(
            "After a birth: no hops or jumps for about 12 weeks, and until a clinician "
            "gives you the go-ahead"
        )
    elif today is not None and impact_limit(health, today) is ImpactLimit.POSTPARTUM:
        returns = impact_returns_on(health)
        assert returns is not None
        lines.append(f"After a birth: hops and jumps can return from {_long_day(returns)}")
    if health.past_bone_stress:
        lines.append(
            "Bone stress (a past stress fracture, or signs of one you told me about): once "
            "jumps are back, jump work stays at the low end, and I'll ask about bone pain"
        )
    return lines


_HEALTH_END_BUTTONS = {
    Screen.PREGNANT: "I'm no longer pregnant",
    Screen.POSTPARTUM: "Cleared for impact after the birth",
    Screen.BONE_STRESS: "Remove the stress fracture note",
}


def health_keyboard(health: Health) -> Rows:
    """A button to end each health-screen entry that is on (none: no buttons)."""
    rows: Rows = []
    if health.pregnant:
        rows.append([("I've had my baby", encode(Action.HEALTH_BIRTH))])
    on = {
        Screen.PREGNANT: health.pregnant,
        Screen.POSTPARTUM: health.postpartum,
        Screen.BONE_STRESS: health.past_bone_stress,
    }
    rows.extend(
        [(label, encode(Action.HEALTH_END, item))]
        for item, label in _HEALTH_END_BUTTONS.items()
        if on[item]
    )
    return rows


_PELVIC_CHECK = (
    "If hopping brings leaking, heaviness or dragging, or pain, stop the hops and see a "
    "pelvic health physio."
)


def health_noted_in_chat(pregnant: bool) -> str:
    """A pregnancy or a birth told in chat is noted: what it changes, and how it ends."""
    what = "your pregnancy" if pregnant else "your baby's birth"
    return (
        f"I've noted {what} in your health settings, so hops and jumps are out of your "
        "plan from today: /today shows it. Once a doctor or physio (ideally a pelvic health "
        "physio) gives the go-ahead, change it in /settings."
    )


def health_ended(item: Screen, health: Health, today: date) -> str:
    """A health-screen entry ended (or a birth noted), and what that changes."""
    if item is Screen.POSTPARTUM and impact_limit(health, today) is not None:
        returns = impact_returns_on(health)
        when = f" from {bold(_long_day(returns))}" if returns else ""
        if health.postpartum:  # the birth was just noted
            return (
                "Congratulations! I'll keep hops and jumps out for about 12 weeks after the "
                "birth: please get a doctor's or physio's go-ahead (a check of walking, "
                "balance, jogging and hopping without pain, leaking or heaviness) before "
                "they come back. End this in /settings when you've had it."
            )
        return (
            "Noted. Hops and jumps stay out for the first 12 weeks after a birth, so they "
            f"come back{when}, gradually: low hops first. {_PELVIC_CHECK}"
        )
    what = {
        Screen.PREGNANT: "Noted: you're no longer marked as pregnant.",
        Screen.POSTPARTUM: (
            f"Noted: hops and jumps come back gradually, low hops first. {_PELVIC_CHECK}"
        ),
        Screen.BONE_STRESS: "Noted: the stress fracture note is removed.",
    }.get(item, "Noted.")
    return f"{what} Send /today to see today's session."


def settings_message(
    profile: RunnerProfile,
    phase: Phase,
    race_date: date | None,
    reminder: time | None,
    timezone: str,
    *,
    today: date | None = None,
    paused_until: date | None = None,
    planned_break: tuple[date, date | None] | None = None,
) -> str:
    """What the coach knows about the runner, and how to change it; a break on now
    (``phase`` PAUSED, to ``paused_until``) or planned (its first and last day)."""
    race = _long_day(race_date) if race_date else "none"
    at = f"{reminder:%H:%M}" if reminder else "off"
    noted = health_lines(profile.health, today)
    health = "".join(f"• {line}\n" for line in noted)
    ends = "Tap a button below when a health note no longer applies.\n" if noted else ""
    return (
        "<b>Your settings</b>\n"
        f"• Level: {profile.level.value}\n"
        f"• Desk job: {'yes' if profile.desk_job else 'no'}\n"
        f"• Kit: {kit_words(profile.equipment)}\n"
        f"• Phase: {phase.label}\n"
        f"• Race: {race} (/race)\n"
        f"• Morning reminder: {at} (/remind)\n"
        f"• Time zone: {escape_text(timezone)} (/timezone)\n"
        + _break_line(phase, paused_until, planned_break)
        + "".join(f"• {line}\n" for line in week_lines(profile))
        + f"{health}\n{ends}"
        + WEEK_HOW
        + "\nRun /start to answer the set-up questions again (level, desk job, kit)."
    )


def _break_line(
    phase: Phase, paused_until: date | None, planned: tuple[date, date | None] | None
) -> str:
    """The break the runner is on, or has planned, with the command that changes it."""
    if phase is Phase.PAUSED:
        until = f"until {_long_day(paused_until)}" if paused_until else "until you're back"
        return f"• Break: on now, {until} (/resume to come back early)\n"
    if planned is not None:
        first, last = planned
        ends = f" to {_long_day(last)}" if last else ", open-ended"
        return f"• Break planned: from {_long_day(first)}{ends} (/resume to call it off)\n"
    return ""


def delete_question() -> str:
    """Asked before erasing anything."""
    return (
        "This erases everything I know about you: settings, logs, reports and phase "
        "history. It can't be undone. Delete it all?"
    )


def delete_keyboard() -> Rows:
    """Yes, delete / No, keep it."""
    return [
        [
            ("Yes, delete everything", encode(Action.CONFIRM_DELETE, Answer.YES)),
            ("No, keep it", encode(Action.CONFIRM_DELETE, Answer.NO)),
        ]
    ]


def delete_kept() -> str:
    """The runner said No."""
    return "Kept. Nothing was deleted."


def deleted() -> str:
    """Everything is erased."""
    return (
        "Done: everything about you is deleted. Send /start if you ever want to train "
        "together again. Good luck out there! 👋"
    )


#: Weekday names, Monday first (weekday numbers index them).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: How to change the running week (/settings and free text).
WEEK_HOW = (
    "Change your running week with /settings, like <i>/settings long run sun</i>, "
    "<i>/settings hard tue, thu</i>, <i>/settings run mon, wed, fri, sun</i>, "
    "<i>/settings rest sat</i>, <i>/settings distance half</i>, <i>/settings minutes 30</i>, "
    "<i>/settings dynamic 1</i> (<i>none</i> clears one, like <i>/settings hard none</i>), "
    "or just tell me: <i>long run is Sunday</i>, <i>I do intervals on Tuesdays</i>.\n"
)


def _days(days: frozenset[int]) -> str:
    return ", ".join(WEEKDAY_NAMES[day][:3] for day in sorted(days)) or "none"


def week_lines(profile: RunnerProfile) -> list[str]:
    """The running week, one line each (plain text)."""
    long_run = "not set" if profile.long_run_day is None else WEEKDAY_NAMES[profile.long_run_day]
    distance = profile.race_distance.label if profile.race_distance else "not set"
    return [
        f"Run days: {_days(profile.run_days) if profile.run_days else 'not set'}",
        f"Long run: {long_run}",
        f"Hard sessions: {_days(profile.hard_days)}",
        f"Rest days: {_days(profile.rest_days)}",
        f"Race distance: {distance}",
        f"Jump days: up to {profile.dynamic_days} a week",
        f"Session length: about {profile.minutes} minutes",
    ]


def week_changed(profile: RunnerProfile, *, parkrun_raced: bool | None = None) -> str:
    """The running week after a change, and what the coach does with it; ``parkrun_raced``:
    how a parkrun said was read (None: none said)."""
    lines = "".join(f"• {line}\n" for line in week_lines(profile))
    parkrun = "" if parkrun_raced is None else f"\n\n{parkrun_read(raced=parkrun_raced)}"
    return (
        f"Got it. Your running week:\n{lines}\n"
        "I keep jumps off your long-run day and off the day before the long run or a hard "
        f"session, and strength off the day before them too. See the week with /plan.{parkrun}"
    )


def parkrun_read(*, raced: bool) -> str:
    """How a parkrun in the runner's week was read: raced, a hard day; else an easy run."""
    if raced:
        return (
            "Your parkrun counts as a hard run, since you race it: no jumps or strength "
            "the day before."
        )
    return (
        "I've taken your parkrun as an easy run, so jumps may go the day before. If you "
        "race it, tell me (like <i>I race parkrun</i>) and I'll keep that day clear."
    )


def week_refused(reason: str) -> str:
    """A running-week change that breaks a rule (more than three rest days)."""
    return f"I can't set that: {escape_text(reason)}. Nothing changed."


def week_unclear() -> str:
    """/settings with words that name nothing it can change."""
    return "Sorry, I couldn't tell what to change.\n" + WEEK_HOW
