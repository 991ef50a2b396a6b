"""The ``hipcoach`` command line: one table of subcommands, each a small function.

To add a command, write ``def _my_command(args: argparse.Namespace) -> int`` (and, if it
takes options, a function that adds them to its parser), then add one row to
:data:`COMMANDS` keyed by its words, e.g. ``("db", "upgrade")``. Command groups such as
``content`` are created from the keys; give them a help line in :data:`GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core.content import ContentError, load_content
from bot.core.vocabulary import Category, Level, Phase

__all__ = ["COMMANDS", "GROUPS", "Command", "build_parser", "main"]

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
        f"content OK: {len(content.exercises)} exercises, {len(content.sessions)} sessions",
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

    return run_chat(user_id=args.user_id, name=args.name)


def _chat_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user-id", type=int, default=1, help="the local runner's id (default 1)")
    parser.add_argument("--name", default=None, help="the name the coach calls you")


def _db_upgrade(args: argparse.Namespace) -> int:
    """Apply the database migrations."""
    from bot.runtime import upgrade_database  # noqa: PLC0415 - same reason

    return upgrade_database()


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
    subparsers: dict[tuple[str, ...], argparse._SubParsersAction[argparse.ArgumentParser]] = {
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
