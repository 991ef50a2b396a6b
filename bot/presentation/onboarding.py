"""The words of /start: the introduction, the nine questions (the last two a short health
screen) and the summary at the end."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, time

from bot.core.health import Screen
from bot.core.records import RunnerProfile
from bot.core.understanding.week import WeekSaid
from bot.core.vocabulary import Equipment, Level
from bot.presentation.callbacks import Action, Answer, OnboardingStep, encode
from bot.presentation.html import escape_text
from bot.presentation.render import Rows
from bot.presentation.settings import WEEKDAY_NAMES, health_lines, kit_words, week_lines

__all__ = [
    "QUESTIONS",
    "heard",
    "injury_intro",
    "intro",
    "mid_setup",
    "question_keyboard",
    "running_not_jumps",
    "setup_underway",
    "summary",
    "welcome_back",
    "why_asked",
]

QUESTIONS = {
    OnboardingStep.LEVEL: "1/9 · How much jumping, hopping or strength work have you done?",
    OnboardingStep.DESK: (
        "2/9 · Do you sit at a desk most of the day? (Long sitting tightens the hip flexors, "
        "so I'd add a little extra for them.)"
    ),
    OnboardingStep.EQUIPMENT: (
        "3/9 · What kit do you have? Tap all that apply, then <b>Done</b>. "
        "Body weight alone is fine too."
    ),
    OnboardingStep.RACE: (
        "4/9 · Got a race coming up? Type its date, and its distance if you like, like "
        "<i>12 April, half marathon</i> or <i>2027-04-12 10k</i>. I'll stop jump work three "
        "weeks out, and scale your recovery after it to the distance."
    ),
    OnboardingStep.WEEK: (
        "5/9 · Your running week, so jumps and strength fit around it: which day is your "
        "<b>long run</b>? Tap it, or type your week, like <i>long run Sunday, intervals "
        "Tuesday</i>. I keep jumps off the day before a long run or a hard session."
    ),
    OnboardingStep.REMINDER: (
        "6/9 · When should I send your morning session? Tap a time or type one, like <i>6:45</i>."
    ),
    OnboardingStep.TIMEZONE: (
        "7/9 · Which time zone are you in? Tap one, type a city (like <i>Berlin</i>), "
        "or share your location."
    ),
    OnboardingStep.HEALTH: (
        "8/9 · So I can keep you safe: any <b>pain or injury</b> right now, or a "
        "<b>stress fracture</b> (bone stress injury) in the past? Tap what applies, then "
        "<b>Done</b>, or type it, like <i>my knee hurts</i> or <i>stress fracture in my "
        "shin in 2023</i>."
    ),
    OnboardingStep.PREGNANCY: (
        "9/9 · Last one, only if you'd like to say (Skip is fine): are you pregnant, or "
        "have you had a baby in the last few months? If so, I'll leave hops and jumps out "
        "until a doctor or physio gives you the go-ahead."
    ),
}
"""Each set-up question, as Telegram HTML."""


def mid_setup(kind: str, left: int, first_name: str | None = None) -> str:
    """A short answer to a message set-up holds back ("what's today?", "done", "hi"),
    said before the current question is asked again. ``kind``: "session", "log", "hello"
    or anything else; ``left``: the questions still to answer, the current one included."""
    more = "one question to go" if left == 1 else f"{left} questions to go"
    if kind == "session":
        return (
            f"Your first session comes as soon as set-up is done: {more}. The last ones "
            "keep your plan safe, so let's finish them first."
        )
    if kind == "log":
        return f"Nothing logged yet: your plan starts once set-up is done ({more})."
    if kind == "hello":
        name = escape_text(first_name or "there")
        return f"Hi {name}! 👋 We're setting up your plan: {more}."
    return f"Let's finish setting up first: {more}."


_WHY = {
    OnboardingStep.LEVEL: "your jump experience sets where the jump work starts: newcomers "
    "begin with fewer, lower landings and build up.",
    OnboardingStep.DESK: "long sitting tightens the hip flexors, so if you sit a lot I add a "
    "little extra mobility for them.",
    OnboardingStep.EQUIPMENT: "your kit decides which exercises I can give you; body weight "
    "alone works fine.",
    OnboardingStep.RACE: "I stop jump work three weeks before a race and plan your recovery "
    "after it by its distance.",
    OnboardingStep.WEEK: "I keep jumps and strength off the day before your long run or a hard "
    "session, so they never blunt your key runs.",
    OnboardingStep.REMINDER: "that's when your session arrives each morning; you can change or "
    "stop it any time.",
    OnboardingStep.TIMEZONE: "so the morning message comes at your local time.",
    OnboardingStep.HEALTH: "pain, an injury or a past stress fracture changes how much impact "
    "is safe for you, and some signs need a physio or doctor first.",
    OnboardingStep.PREGNANCY: "during pregnancy and after a birth, hops and jumps wait for a "
    "clinician's go-ahead.",
}


def why_asked(step: OnboardingStep) -> str:
    """Why a set-up question is asked ("why do you need that?")."""
    return f"Good question: {_WHY[step]}"


def setup_underway(left: int, first_name: str | None = None) -> str:
    """/start again while set-up is under way (the welcome was said): where it stands,
    ``left`` questions to go with the open one, which is asked again after this."""
    name = escape_text(first_name or "there")
    more = "one question to go" if left == 1 else f"{left} questions to go"
    return (
        f"We're already setting up, {name}: {more}, and your answers so far are kept. "
        "Here's where we are:"
    )


def welcome_back(first_name: str | None) -> str:
    """A runner who left set-up half-way comes back: where we were."""
    name = escape_text(first_name or "there")
    return f"Welcome back, {name}! Let's carry on setting up where we left off."


def restart_question(first_name: str | None) -> str:
    """/start from a runner who is set up already: start set-up over, or keep the plan?"""
    name = escape_text(first_name or "there")
    return (
        f"Hi again, {name}! You're set up already and your plan is running. "
        "Go through the set-up questions again? Your logs and reports stay; "
        "the answers you give replace the ones I have."
    )


def restart_keyboard() -> Rows:
    """Start over / Keep my plan."""
    return [
        [
            ("Start over", encode(Action.CONFIRM_RESTART, Answer.YES)),
            ("Keep my plan", encode(Action.CONFIRM_RESTART, Answer.NO)),
        ]
    ]


def restart_kept() -> str:
    """The runner kept their set-up."""
    return "Kept your plan as it is. /today shows today's session, /settings changes one answer."


def intro(first_name: str | None) -> str:
    """Hello, what I do, and that every question can be skipped."""
    name = escape_text(first_name or "there")
    return (
        f"Hi {name}! I'm your hip coach: a short session most days for hip mobility and "
        "springy, dynamic hip strength, planned around your training and races. "
        "Nine quick questions; tap <b>Skip</b> on any of them and I'll use a sensible default."
    )


def summary(
    profile: RunnerProfile,
    race_date: date | None,
    reminder: time | None,
    timezone: str,
    today: date | None = None,
) -> str:
    """What the set-up stored, and where to go next."""
    when = f"at {reminder:%H:%M}" if reminder else "never (turn them on with /remind 07:00)"
    health = "".join(f"• {line}\n" for line in health_lines(profile.health, today))
    return (
        "All set! Here's what I have:\n"
        f"• Level: {profile.level.value}\n"
        f"• Desk job: {'yes' if profile.desk_job else 'no'}\n"
        f"• Kit: {kit_words(profile.equipment)}\n"
        f"• Race: {race_date.isoformat() if race_date else 'none set'}\n"
        + "".join(f"• {line}\n" for line in week_lines(profile))
        + f"• Morning reminder: {when}\n"
        f"• Time zone: {escape_text(timezone)}\n"
        f"{health}\n"
        "Ask me \"what's today's session?\" any time, or send /today."
    )


_LEVEL_HEARD = {
    Level.BEGINNER: "new to jump work",
    Level.INTERMEDIATE: "some experience",
    Level.ADVANCED: "experienced",
}


def _day_list(days: Collection[int]) -> str:
    return ", ".join(WEEKDAY_NAMES[day] for day in sorted(days))


def _week_heard(said: WeekSaid) -> str:
    parts = []
    if said.long_run_day is not None:
        parts.append(f"long run {WEEKDAY_NAMES[said.long_run_day]}")
    if said.hard_days:
        parts.append(f"hard sessions {_day_list(said.hard_days)}")
    if said.run_days:
        parts.append(f"running {_day_list(said.run_days)}")
    if said.rest_days:
        parts.append(f"no session on {_day_list(said.rest_days)}")
    if said.race_distance is not None:
        parts.append(f"racing the {said.race_distance.label}")
    return ", ".join(parts) or "your running week"


def heard(step: OnboardingStep, value: object) -> str | None:
    """A typed set-up answer said back before the next question, so the runner sees how
    it was read ("Got it: experienced."); None for an answer with nothing to say back."""
    said: str | None = None
    if isinstance(value, Level):
        said = _LEVEL_HEARD[value]
    elif step is OnboardingStep.DESK:
        said = "you sit a lot" if value == Answer.YES else "not much sitting"
    elif step is OnboardingStep.EQUIPMENT and isinstance(value, list):
        said = "kit: " + kit_words(frozenset(Equipment(kit) for kit in value))
    elif step is OnboardingStep.RACE:
        said = f"race on {value:%a %-d %b %Y}" if isinstance(value, date) else "no race for now"
    elif isinstance(value, WeekSaid):
        said = _week_heard(value)
    elif step is OnboardingStep.REMINDER:
        said = f"your session at {value:%H:%M}" if isinstance(value, time) else "no reminders"
    elif step is OnboardingStep.TIMEZONE and isinstance(value, str):
        said = f"time zone {value}"
    return None if said is None else f"Got it: {escape_text(said)}."


def running_not_jumps() -> str:
    """A level answer that speaks only of running: the question is about jump work."""
    return (
        "All that running is a great base! This one is about <b>jumping, hopping or "
        "strength work</b>, though: how much of that have you done?"
    )


def injury_intro() -> str:
    """Before the report of the pain or injury the health screen was told about."""
    return (
        "You mentioned pain or an injury. Let's note it properly, so your sessions spare "
        "it and I can tell whether someone should look at it."
    )


def question_keyboard(step: OnboardingStep, chosen_kit: Collection[str] = ()) -> Rows:
    """A question's answer buttons (kit in ``chosen_kit`` ticked), then Skip."""
    return [*_ANSWERS[step](chosen_kit), [("Skip", encode(Action.ONBOARDING_SKIP, step))]]


def _level_buttons(_: Collection[str]) -> Rows:
    return [
        [("New to jump work", encode(Action.ONBOARDING_LEVEL, Level.BEGINNER))],
        [("Some experience", encode(Action.ONBOARDING_LEVEL, Level.INTERMEDIATE))],
        [("Experienced", encode(Action.ONBOARDING_LEVEL, Level.ADVANCED))],
    ]


def _desk_buttons(_: Collection[str]) -> Rows:
    return [
        [
            ("Yes, I sit a lot", encode(Action.ONBOARDING_DESK, Answer.YES)),
            ("No", encode(Action.ONBOARDING_DESK, Answer.NO)),
        ]
    ]


_KIT_NAMES = {
    Equipment.BAND: "Resistance band",
    Equipment.SMALL_WEIGHTS: "Small weights",
    Equipment.STEP: "A step or low box",
    Equipment.WALL: "A free wall",
}


def _kit_buttons(chosen: Collection[str]) -> Rows:
    rows = [
        [(("✅ " if kit.value in chosen else "") + name, encode(Action.ONBOARDING_EQUIPMENT, kit))]
        for kit, name in _KIT_NAMES.items()
    ]
    return [*rows, [("Done", encode(Action.ONBOARDING_EQUIPMENT_DONE))]]


def _no_buttons(_: Collection[str]) -> Rows:
    return []


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _long_run_buttons(_: Collection[str]) -> Rows:
    days = [(name, encode(Action.ONBOARDING_LONG_RUN, day)) for day, name in enumerate(_WEEKDAYS)]
    return [days[:4], days[4:]]


def _reminder_buttons(_: Collection[str]) -> Rows:
    times = [time(6, 30), time(7, 0), time(7, 30), time(8, 0)]
    return [[(f"{t:%H:%M}", encode(Action.ONBOARDING_REMINDER, t)) for t in times]]


_HEALTH_NAMES = {
    Screen.INJURY: "Pain or an injury now",
    Screen.BONE_STRESS: "A stress fracture in the past",
}


def _health_buttons(chosen: Collection[str]) -> Rows:
    rows = [
        [(("✅ " if item.value in chosen else "") + name, encode(Action.ONBOARDING_HEALTH, item))]
        for item, name in _HEALTH_NAMES.items()
    ]
    done = "Done" if chosen else "None of these"
    return [*rows, [(done, encode(Action.ONBOARDING_HEALTH_DONE))]]


def _pregnancy_buttons(_: Collection[str]) -> Rows:
    return [
        [("I'm pregnant", encode(Action.ONBOARDING_PREGNANCY, Screen.PREGNANT))],
        [("I've had a baby recently", encode(Action.ONBOARDING_PREGNANCY, Screen.POSTPARTUM))],
        [("No", encode(Action.ONBOARDING_PREGNANCY, Screen.NONE))],
    ]


def _zone_buttons(_: Collection[str]) -> Rows:
    zones = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles"]
    return [
        [(zone.split("/")[1].replace("_", " "), encode(Action.ONBOARDING_TIMEZONE, zone))]
        for zone in zones
    ]


_ANSWERS: dict[OnboardingStep, Callable[[Collection[str]], Rows]] = {
    OnboardingStep.LEVEL: _level_buttons,
    OnboardingStep.DESK: _desk_buttons,
    OnboardingStep.EQUIPMENT: _kit_buttons,
    OnboardingStep.RACE: _no_buttons,
    OnboardingStep.WEEK: _long_run_buttons,
    OnboardingStep.REMINDER: _reminder_buttons,
    OnboardingStep.TIMEZONE: _zone_buttons,
    OnboardingStep.HEALTH: _health_buttons,
    OnboardingStep.PREGNANCY: _pregnancy_buttons,
}
