"""The ``hipcoach`` command line: one table of subcommands, each a small function.

To add a command, write ``def _my_command(args: argparse.Namespace) -> int`` (and, if it
takes options, a function that adds them to its parser), then add one row to
:data:`COMMANDS` keyed by its words, e.g. ``("db", "upgrade")``. Command groups such as
``content`` are created from the keys; give them a help line in :data:`GROUPS`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.core.content import ContentError, load_content
from bot.core.phases import InvalidTransition
from bot.core.planner import Planner
from bot.core.programme import MAX_WEEKS, programme
from bot.core.records import MAX_REST_DAYS, RunnerProfile
from bot.core.vocabulary import Category, Equipment, Level, Phase, RaceDistance
from bot.presentation.programme import programme_json, programme_text

__all__ = ["COMMANDS", "GROUPS", "Command", "build_parser", "main", "plan_profile"]

Handler = Callable[[argparse.Namespace], int]


def _no_options(parser: argparse.ArgumentParser) -> None:
    """A command without options."""


@dataclass(frozen=True, slots=True)
class Command:
    """One runnable subcommand: its help line, its handler and the options it takes."""

    help: str
    run: Handler
    options: Callable[[argparse.ArgumentParser], None] = _no_options


# --- content check -------------------------------------------------------------------------

#: The order counts are listed in: the vocabulary's own order, not the alphabet's.
_ORDER = {value: index for index, value in enumerate([*Category, *Level, *Phase])}


def _content_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        metavar="PATH",
        help="content folder to check (default: HIPCOACH_CONTENT_DIR or the shipped content)",
    )


def _content_check(args: argparse.Namespace) -> int:
    """Load every content file, print the counts and say whether the content is usable."""
    try:
        content = load_content(args.dir)
    except ContentError as error:
        print(f"content error: {error}", file=sys.stderr)
        return 1
    counts = content.counts()
    width = max(len(key) for counter in counts.values() for key in counter)
    for heading, counter in counts.items():
        print(f"{heading}:")
        for key in sorted(counter, key=lambda k: (_ORDER.get(k, len(_ORDER)), k)):
            print(f"  {key:<{width}}  {counter[key]:>3}")
    print(
        f"content OK: {len(content.exercises)} exercises, {len(content.sessions)} sessions, "
        f"{len(content.faq.entries)} FAQ questions",
    )
    return 0


# --- run, chat, db upgrade ------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    """Start the bot (long polling), after migrating the database."""
    from bot.runtime import run_bot  # noqa: PLC0415 - keeps `content check` free of Telegram

    return run_bot()


def _chat(args: argparse.Namespace) -> int:
    """Chat with the coach in this terminal as a local runner."""
    from bot.runtime import run_chat  # noqa: PLC0415 - same reason

    return run_chat(user_id=args.user_id, name=args.name, files=args.files)


def _chat_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user-id", type=int, default=1, help="the local runner's id (default 1)")
    parser.add_argument("--name", default=None, help="the name the coach calls you")
    parser.add_argument(
        "--files",
        type=Path,
        default=None,
        help="folder for /progress charts and /export files (default: the current folder)",
    )


def _db_upgrade(args: argparse.Namespace) -> int:
    """Apply the database migrations."""
    from bot.runtime import upgrade_database  # noqa: PLC0415 - same reason

    return upgrade_database()


# --- plan ------------------------------------------------------------------------------------

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(text: str) -> int:
    day = text.strip().lower()[:3]
    if day not in _WEEKDAYS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a weekday (mon, tue, ... sun)")
    return _WEEKDAYS.index(day)


def _weekdays(text: str) -> frozenset[int]:
    return frozenset(_weekday(day) for day in text.split(",") if day.strip())


def _kit(text: str) -> frozenset[Equipment]:
    names = {name.strip().lower() for name in text.split(",") if name.strip()}
    known = {kit.value for kit in Equipment}
    if unknown := names - known:
        raise argparse.ArgumentTypeError(
            f"unknown kit {', '.join(sorted(unknown))} (choose from {', '.join(sorted(known))})"
        )
    return frozenset(Equipment(name) for name in names) - {Equipment.NONE}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-03-14") from None


def _plan_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--level", choices=[level.value for level in Level], default="beginner")
    add(
        "--kit", type=_kit, default=frozenset(), help="none, or any of band,step,small_weights,wall"
    )
    add("--desk", choices=["yes", "no"], default="no", help="a desk job")
    add("--run-days", type=_weekdays, default=frozenset(), metavar="DAYS", help="e.g. mon,wed,fri")
    add("--long-run", type=_weekday, default=None, metavar="DAY")
    add("--hard-days", type=_weekdays, default=frozenset(), metavar="DAYS")
    add("--rest-days", type=_weekdays, default=frozenset(), metavar="DAYS", help="at most three")
    add("--dynamic-days", type=int, choices=[1, 2], default=2)
    add("--minutes", type=int, choices=[10, 20, 30], default=20)
    add("--race", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    add("--race-distance", choices=[distance.value for distance in RaceDistance], default=None)
    add("--start", type=_iso_date, default=None, metavar="YYYY-MM-DD", help="default: today")
    add("--weeks", type=int, default=12, help=f"1-{MAX_WEEKS} (default 12)")
    add("--json", action="store_true", help="print JSON (a list of days) instead of text")


def plan_profile(args: argparse.Namespace) -> RunnerProfile:
    """The runner ``hipcoach plan``'s options describe (ValueError when they cannot be one)."""
    if len(args.rest_days) > MAX_REST_DAYS:  # said in the option's own words
        raise ValueError(f"--rest-days takes at most {MAX_REST_DAYS} days (e.g. sat or mon,fri)")
    if args.long_run is not None and args.long_run in args.hard_days:
        raise ValueError("--long-run and --hard-days name different days")
    return RunnerProfile(
        level=Level(args.level),
        desk_job=args.desk == "yes",
        equipment=args.kit,
        rest_days=args.rest_days,
        dynamic_days=args.dynamic_days,
        run_days=args.run_days,
        long_run_day=args.long_run,
        hard_days=args.hard_days,
        race_distance=None if args.race_distance is None else RaceDistance(args.race_distance),
        minutes=args.minutes,
    )


def _plan(args: argparse.Namespace) -> int:
    """Print a new runner's programme, every session done, without Telegram or a database."""
    try:
        profile = plan_profile(args)
        content = load_content()
        start = args.start or datetime.now().astimezone().date()  # the machine's today
        plans = programme(Planner(content), profile, start, args.weeks, args.race)
    except (ValueError, InvalidTransition, ContentError) as error:
        print(f"hipcoach plan: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(programme_json(plans, content.exercises), indent=1))
    else:
        print(programme_text(plans), end="")
    return 0


# --- the table -----------------------------------------------------------------------------

#: Help lines for command groups (the first words of a command's key).
GROUPS: Mapping[str, str] = {
    "content": "work with the programme content (exercises and sessions)",
    "db": "manage the database",
}

#: Every subcommand, keyed by the words that call it.
COMMANDS: Mapping[tuple[str, ...], Command] = {
    ("run",): Command(help="start the Telegram bot (long polling)", run=_run),
    ("chat",): Command(
        help="chat with the coach in this terminal", run=_chat, options=_chat_options
    ),
    ("db", "upgrade"): Command(help="apply database migrations", run=_db_upgrade),
    ("plan",): Command(
        help="print a new runner's programme (no Telegram, no database)",
        run=_plan,
        options=_plan_options,
    ),
    ("content", "check"): Command(
        help="validate the content files and print counts",
        run=_content_check,
        options=_content_check_options,
    ),
}


def build_parser(commands: Mapping[tuple[str, ...], Command] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser for ``commands``, with a nested subparser per group."""
    parser = argparse.ArgumentParser(
        prog="hipcoach",
        description="HipCoach: hip mobility and dynamic hip strength coaching for runners.",
    )
    subparsers: dict[tuple[str, ...], Any] = {  # argparse's subparser action is private
        (): parser.add_subparsers(metavar="command", required=True)
    }
    for words, command in commands.items():
        for depth in range(1, len(words)):
            group = words[:depth]
            if group not in subparsers:
                group_parser = subparsers[words[: depth - 1]].add_parser(
                    group[-1], help=GROUPS.get(" ".join(group), "")
                )
                subparsers[group] = group_parser.add_subparsers(metavar="command", required=True)
        leaf = subparsers[words[:-1]].add_parser(words[-1], help=command.help)
        command.options(leaf)
        leaf.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the process arguments); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already printed
        if stop.code is None:
            return 0
        return stop.code if isinstance(stop.code, int) else 2
    handler: Handler = args.run
    return handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
