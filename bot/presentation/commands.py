"""The one command table: routing, /help, Telegram's command menu and their test read it.

Each command has its name, the short description Telegram shows in the command menu, the
help line /help shows (the description unless it says more) and whether the menu lists it.
``bot.service.coach`` routes exactly these names and refuses to start when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ALIASES", "COMMANDS", "CommandInfo", "command_names", "menu_commands"]


@dataclass(frozen=True, slots=True)
class CommandInfo:
    """One slash command as runners see it."""

    name: str
    description: str
    help: str = ""
    in_menu: bool = True

    @property
    def help_text(self) -> str:
        """What /help says after ``/name — `` (plain text)."""
        return self.help or self.description


COMMANDS: tuple[CommandInfo, ...] = (
    CommandInfo("start", "Set up your coach, or start again"),
    CommandInfo("today", "Today's session"),
    CommandInfo("plan", "The next seven days (/plan block: the whole block)"),
    CommandInfo("done", "Log today's session as done"),
    CommandInfo("skip", "Skip today's session"),
    CommandInfo("sore", "Tell me something is tight, sore or painful"),
    # Only useful while an area is on a recovery hold, and the hold's messages name it.
    CommandInfo(
        "clear",
        "Tell me a sore area feels fine again",
        "Tell me a held area feels fine again (/clear knee); with several, I ask which",
        in_menu=False,
    ),
    CommandInfo("phase", "Where you are in the training cycle"),
    CommandInfo("race", "Set or clear your race date"),
    CommandInfo("remind", "Set your daily reminder time, or turn it off"),
    CommandInfo("timezone", "Set your time zone"),
    CommandInfo("pause", "Take a break, e.g. for a holiday"),
    CommandInfo("resume", "Come back from a break"),
    CommandInfo("progress", "How your training is going"),
    CommandInfo("history", "The sessions you've logged"),
    CommandInfo("export", "Download everything I know about you"),
    CommandInfo("delete", "Delete your data"),
    CommandInfo("settings", "See settings; change your running week"),
    CommandInfo("help", "What I can do"),
    CommandInfo("cancel", "Stop what we're in the middle of"),
)
"""Every command, in the order /help and the menu list them."""

ALIASES = {
    "week": "plan",
    "schedule": "plan",
    "calendar": "plan",
    "session": "today",
    "workout": "today",
    "stats": "progress",
    "streak": "progress",
    "log": "history",
    "logs": "history",
    "pain": "sore",
    "injury": "sore",
    "tight": "sore",
    "fine": "clear",
    "unpause": "resume",
    "back": "resume",
    "holiday": "pause",
    "reminder": "remind",
    "reminders": "remind",
    "tz": "timezone",
    "zone": "timezone",
    "commands": "help",
    "menu": "help",
}
"""Commands runners type that the bot has under another name (``/week`` is ``/plan``):
not in the menu or /help, only understood."""


def command_names() -> frozenset[str]:
    """Every command's name."""
    return frozenset(command.name for command in COMMANDS)


def menu_commands() -> list[tuple[str, str]]:
    """(name, description) for Telegram's command menu (``setMyCommands``)."""
    return [(command.name, command.description) for command in COMMANDS if command.in_menu]
