"""What the fuzz runners send: real phrases, hostile values, odd commands and button data.

Everything is drawn from one ``random.Random``, so a seed gives the same messages every run.
Runners' private words carry a ``tag`` (lower-case letters and digits, which no escaping
changes) so a leak into another runner's replies or export can be found by a substring search.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from bot.core.comeback import Feel
from bot.core.health import Screen
from bot.core.vocabulary import Area, Equipment, Level, RedFlag, ReportKind, Side
from bot.presentation.callbacks import Action, Answer, OnboardingStep, Snooze, encode
from bot.presentation.commands import command_names

__all__ = [
    "button_forgery",
    "command",
    "first_name",
    "phrase",
]

_CASES = Path(__file__).parent.parent / "core" / "understanding_cases.yaml"


@cache
def _corpus() -> tuple[str, ...]:
    """The labelled messages of the understanding tests: how runners really write."""
    cases = yaml.safe_load(_CASES.read_text(encoding="utf-8"))["cases"]
    return tuple(str(case["text"]) for case in cases)


_EFFORTS = [
    "",
    ", effort 7",
    " - 6/10 effort",
    ", rpe 4",
    ", felt easy",
    ", brutal",
    " 11/10",
    " -5/10",
]
_AREAS = [
    "left calf",
    "right hip",
    "hamstrings",
    "hip flexors",
    "achilles",
    "both shins",
    "lower back",
    "groin",
    "IT band",
    "R knee",
    "glutes",
    "quads",
    "foot arch",
]
_FEELINGS = ["sore", "tight", "painful", "stiff", "achy", "killing me", "a bit off"]
_SEVERITIES = ["", " 3/10", " 6/10", " 8/10", " 10/10", " 11/10", " -5/10", " 0/10", " 999/10"]
_RED_FLAGS = [
    "",
    ", sharp pain",
    ", it's swollen",
    ", wakes me at night",
    ", I'm limping",
    ", can't put weight on it",
    ", getting worse as I run",
    ", hurts when I walk",
    ", numb and tingling",
]
_DATES = [
    "2026-12-24",
    "next friday",
    "tomorrow",
    "in 3 weeks",
    "9999-12-31",
    "9999-12-01",
    "2999-01-01",
    "0001-01-01",
    "2026-02-30",
    "31/12/9999",
    "yesterday",
    "1 jan",
    "2027-05-02",
]
_TIMES = ["7am", "06:45", "half past 6", "25:00", "7", "23:59", "00:00", "off", "noon", "-1", "99"]
_ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "London",
    "Tokyo",
    "UTC",
    "Mars/Olympus",
    "../../etc/passwd",
    "Australia/Lord_Howe",
    "America/St_Johns",
]
_HOSTILE = [
    "\x00",
    "done\x00",
    "my left calf\x00 is sore 6/10",
    "\x01\x02\x1b[31m\x7f",
    "\u202eenod\u202c",
    "\ufeff\u200b\u200d",
    "<b>done</b>",
    "<script>alert(1)</script>",
    "&amp; &lt; & < > \"'",
    "</b></i><a href='x'>",
    "🏃‍♀️🔥💪🏽" * 50,
    "مرحبا، ركبتي تؤلمني 8/10",
    "שלום done",
    "𝕯𝖔𝖓𝖊",
    "é" * 5000,
    "done " * 2000,
    "x" * 10000,
    "\n" * 500,
    " ",
    "\t",
    "/",
    "//today",
    "/today@OtherBot",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]


def _tagged(rng: random.Random, text: str, tag: str) -> str:
    """``text`` with the runner's tag somewhere in it, sometimes."""
    return f"{text} {tag}" if rng.random() < 0.5 else text


def phrase(rng: random.Random, tag: str) -> str:
    """A free-text message: real phrases, built ones, or hostile values."""
    roll = rng.random()
    if roll < 0.3:
        return _tagged(rng, rng.choice(_corpus()), tag)
    if roll < 0.45:
        base = rng.choice(["done", "did it", "finished", "all done ✅", "skipped", "no time today"])
        return _tagged(rng, base + rng.choice(_EFFORTS) + rng.choice(["", ", note: hills"]), tag)
    if roll < 0.6:
        side_area = rng.choice(_AREAS)
        body = f"{side_area} {rng.choice(_FEELINGS)}{rng.choice(_SEVERITIES)}"
        return _tagged(rng, body + rng.choice(_RED_FLAGS), tag)
    if roll < 0.72:
        return rng.choice(
            [
                f"remind me at {rng.choice(_TIMES)}",
                f"my timezone is {rng.choice(_ZONES)}",
                f"race on {rng.choice(_DATES)}",
                f"pause until {rng.choice(_DATES)}",
                "going on holiday for 2 weeks",
                "I'm back, resume",
                "what's today",
                "today?",
                "show my progress",
                "history",
                "my hip feels fine now",
                "all good, no pain",
                "I had a stress fracture in my shin in 2023",
                "I'm 20 weeks pregnant",
                "had a baby 2 months ago",
                "my knee hurts at the moment",
                "yep",
                "not yet",
                "physio said it's fine",
                "hurt a bit, like 4",
                "walked fine, no pain",
                "thanks!",
                "hi coach",
                "help",
            ]
        )
    if roll < 0.9:
        hostile = rng.choice(_HOSTILE)
        return _tagged(rng, hostile, tag) if rng.random() < 0.3 else hostile
    return "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(1, 80)))


def command(rng: random.Random, tag: str) -> tuple[str, tuple[str, ...]]:
    """A slash command as the shell splits it, with ordinary or odd arguments."""
    names = sorted(command_names())
    name = rng.choice([*names, *names, "TODAY", "Done", "unknown", "x" * 300, "tödây", "start"])
    roll = rng.random()
    if roll < 0.4:
        args: tuple[str, ...] = ()
    elif roll < 0.75:
        pool = {
            "race": [*_DATES, "off"],
            "pause": _DATES,
            "remind": _TIMES,
            "timezone": _ZONES,
            "clear": ["hips", "left calf", "everything", "achilles", "💥"],
            "done": ["felt easy", f"note {tag}", "9/10"],
            "skip": ["sick", f"travel {tag}"],
        }.get(name, ["now", "please", "1", "-1"])
        args = tuple(rng.choice(pool).split())
    else:
        args = tuple(rng.choice(_HOSTILE).split() or ["\x00"])
    return name, args


def first_name(rng: random.Random, tag: str) -> str | None:
    """A Telegram first name (at most 64 characters) holding ``tag``, or odd ones."""
    roll = rng.random()
    if roll < 0.05:
        return None
    if roll < 0.5:
        return f"{rng.choice(['Ana', 'Bo', 'Chidi', 'Dana', 'Émile', 'Zoë'])} {tag}"
    if roll < 0.9:
        odd = rng.choice(
            [
                "<b>{}</b>",
                "A & B {}",
                "{} \u202eRTL\u202c",
                "🏃‍♀️ {} 🔥",
                "{}\x00",
                "{}\x07\x1b",
                "سارة {}",
                "&lt;{}&gt;",
            ]
        )
        return odd.format(tag)[:64]
    return (tag + " " + "W" * 200)[: rng.choice([64, 64, 129, 256])]


def button_forgery(rng: random.Random, today: date, session_ids: list[str]) -> str:
    """Callback data no reply ever held: random bytes, wrong versions, wrong arguments."""
    roll = rng.random()
    if roll < 0.15:
        return "".join(chr(rng.randrange(0, 0x800)) for _ in range(rng.randrange(0, 100)))
    if roll < 0.25:
        return rng.choice(["", "v1", "v1|", "v2|dn|261201|x", "v1|zz", "v1|dn", "|||", "v1|cx|1"])
    day = today + timedelta(days=rng.randrange(-40, 40))
    session = rng.choice(session_ids)
    makers = [
        lambda: encode(Action.DONE, day, session),
        lambda: encode(Action.SKIP, day, session),
        lambda: encode(Action.EFFORT, day, session, rng.randrange(1, 11)),
        lambda: encode(Action.SORE, day),
        lambda: encode(Action.REPORT_AREA, rng.choice(list(Area))),
        lambda: encode(Action.REPORT_SIDE, rng.choice(list(Side))),
        lambda: encode(Action.REPORT_KIND, rng.choice(list(ReportKind))),
        lambda: encode(Action.REPORT_SEVERITY, rng.choice([None, *range(11)])),
        lambda: encode(Action.REPORT_FLAG, rng.choice(list(RedFlag))),
        lambda: encode(Action.REPORT_FINISH),
        lambda: encode(Action.ONBOARDING_LEVEL, rng.choice(list(Level))),
        lambda: encode(Action.ONBOARDING_DESK, rng.choice(list(Answer))),
        lambda: encode(Action.ONBOARDING_EQUIPMENT, rng.choice(list(Equipment))),
        lambda: encode(Action.ONBOARDING_EQUIPMENT_DONE),
        lambda: encode(
            Action.ONBOARDING_REMINDER, f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        ),
        lambda: encode(Action.ONBOARDING_TIMEZONE, rng.choice(["Europe/Berlin", "Asia/Tokyo"])),
        lambda: encode(Action.TIMEZONE, rng.choice(["Europe/London", "America/Chicago"])),
        lambda: encode(Action.ONBOARDING_SKIP, rng.choice(list(OnboardingStep))),
        lambda: encode(Action.CONFIRM_DELETE, rng.choice(list(Answer))),
        lambda: encode(Action.HISTORY_PAGE, rng.randrange(1, 10000)),
        lambda: encode(Action.SNOOZE, day, rng.choice(list(Snooze))),
        lambda: encode(Action.CANCEL),
        lambda: encode(Action.PAIN, day, rng.randrange(0, 11)),
        lambda: encode(Action.MORNING, day, rng.choice(list(Feel))),
        lambda: encode(Action.ONBOARDING_HEALTH, rng.choice(list(Screen))),
        lambda: encode(Action.ONBOARDING_HEALTH_DONE),
        lambda: encode(Action.ONBOARDING_PREGNANCY, rng.choice(list(Screen))),
        lambda: encode(Action.ONBOARDING_LONG_RUN, rng.randrange(7)),
        lambda: encode(Action.HEALTH_END, rng.choice(list(Screen))),
        lambda: encode(Action.HEALTH_BIRTH),
        lambda: encode(Action.CLEAR_CLINICIAN, rng.choice(list(Answer))),
        lambda: encode(Action.CLEAR_CHECK, rng.randrange(0, 10), rng.choice(list(Answer))),
        lambda: encode(Action.CLEAR_PICK, rng.choice([Area.KNEE, Area.LEG, Area.CALVES])),
        lambda: encode(Action.CLEAR_SIGN, rng.choice(list(Answer))),
    ]
    if roll < 0.8:
        return rng.choice(makers)()
    # valid-looking codes with wrong arguments
    code = rng.choice(list(Action)).value
    junk = rng.choice(["991231", "000000", "261332", "x", "-", "11", "0", "99999", "ＡＢ", "a|b"])
    return "|".join(["v1", code, *[junk] * rng.randrange(0, 4)])
