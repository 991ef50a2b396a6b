"""``hipcoach chat``: the coach in a terminal, as a local runner, same engine and database.

A trial of the real bot: a runner who finished set-up gets today's session, not set-up
again; a chart and an export are written to files (their paths printed); a 0-10 scale is
typed by value; a turn that fails is reported and the chat goes on.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.service.coach import Coach
from bot.service.messages import Button, Command, Inbound, Reply, Sender, Text, clean_text
from bot.storage import get_runner_by_telegram_id

__all__ = ["TerminalChat", "plain_text"]

_TAG = re.compile(r"<[^>]+>")
#: A scale button's value: the number its label starts with ("1 easy", "5", "10 max").
_VALUE = re.compile(r"([0-9]{1,2})(?:\s|$)")
_QUIT = {"quit", "exit", "/quit", "/exit", "bye"}

ReadLine = Callable[[], Awaitable[str | None]]
Write = Callable[[str], None]


def plain_text(markup: str) -> str:
    """Telegram HTML as terminal text."""
    return html.unescape(_TAG.sub("", markup))


#: Number buttons that make a keyboard a scale (the 0-10 pain and effort scales).
_SCALE_BUTTONS = 5


@dataclass
class TerminalChat:
    """A read-reply loop; numbered lines stand for the buttons of the last message."""

    coach: Coach
    sender: Sender
    read_line: ReadLine
    write: Write
    #: Where charts and exports are written (created when the first one comes).
    files: Path = field(default_factory=Path.cwd)
    buttons: list[str] = field(default_factory=list)
    #: A 0-10 scale's buttons by their value: typing 5 presses the button that says 5.
    scale: dict[str, str] = field(default_factory=dict)
    #: Beside a scale, the other buttons by their label ("not sure", "cancel").
    named: dict[str, str] = field(default_factory=dict)

    async def run(self) -> None:
        """Chat until the runner types quit or the input ends."""
        self.write("HipCoach terminal chat. Type a message or a /command; 'quit' to leave.")
        if await self.set_up():
            self.write("Welcome back! Here's today:")
            await self.send(Command("today"))
            try:  # a question left open last time ("how hard did it feel?") comes again
                self.show_all(await self.coach.open_follow_ups(self.sender))
            except Exception as error:  # as send: reported, and the chat goes on
                self.write(f"  (That failed: {type(error).__name__}.)")
        else:  # set-up goes on at the question the runner was on (it is stored)
            try:
                replies = await self.coach.carry_on_setup(self.sender)
            except Exception as error:  # as send: reported, and the chat goes on
                self.write(f"  (Starting failed: {type(error).__name__}. Type /start.)")
            else:
                for reply in replies:
                    self.show(reply)
        while (line := await self.read_line()) is not None:
            line = clean_text(line).strip()
            if line.lower() in _QUIT:
                break
            if line:
                await self.send(self.inbound(line))
        self.write("Bye! Your logs are saved.")

    async def set_up(self) -> bool:
        """Whether this runner has finished set-up (then /start would only begin it again)."""
        async with self.coach.sessions() as session:
            runner = await get_runner_by_telegram_id(session, self.sender.telegram_id)
        return runner is not None and runner.onboarded

    def inbound(self, line: str) -> Inbound:
        """A typed line as the coach sees it: a command, a button number or text."""
        line = clean_text(line).strip()
        if self.scale and line.lower() in self.named:
            return Button(self.named[line.lower()])
        if line.isdecimal() and line.isascii():
            number = int(line)
            if self.scale:  # a 0-10 scale: typing 5 means 5, not the fifth button
                if str(number) in self.scale:
                    return Button(self.scale[str(number)])
            elif 1 <= number <= len(self.buttons):
                return Button(self.buttons[number - 1])
        if line.startswith("/"):
            head, *args = line.split()
            return Command(head[1:], tuple(args))
        return Text(line)

    async def send(self, inbound: Inbound) -> None:
        """Hand one message to the coach and print what it answers (a failure is reported)."""
        try:
            replies = await self.coach.handle(self.sender, inbound)
        except Exception as error:  # a trial chat reports the failed turn and goes on
            self.write(f"  (That message failed: {type(error).__name__}. Nothing from it was")
            self.write("   saved. Try again, or type something else.)")
            return
        self.show_all(replies)

    def show_all(self, replies: list[Reply]) -> None:
        """Print one turn's replies; under two scales a typed number is the coach's to read."""
        for reply in replies:
            self.show(reply)
        if sum(1 for reply in replies if _scale_of(reply)) > 1:
            # two scales at once (effort, then pain): a typed number goes to the coach as
            # text, which asks which question it answers, never pressing the last one
            self.buttons, self.scale, self.named = [], {}, {}

    def save(self, name: str, content: bytes) -> Path:
        """Write ``content`` to a new file in ``files`` (never over an earlier one)."""
        self.files.mkdir(parents=True, exist_ok=True)
        stem, dot, suffix = name.rpartition(".")
        stem, suffix = (stem, f".{suffix}") if dot else (name, "")
        path, number = self.files / name, 1
        while path.exists():
            number += 1
            path = self.files / f"{stem}-{number}{suffix}"
        path.write_bytes(content)
        return path.resolve()

    def show(self, reply: Reply) -> None:
        """Print a reply; its buttons become numbered choices."""
        if reply.toast:
            self.write(f"  ({reply.toast})")
        if reply.photo is not None:
            self.write(f"[chart saved to {self.save('hipcoach-progress.png', reply.photo)}]")
        if reply.document is not None:
            saved = self.save(reply.document.filename, reply.document.content)
            self.write(f"[file saved to {saved}]")
            if reply.document.caption:
                self.write(plain_text(reply.document.caption))
        if reply.text:
            self.write("")
            self.write(plain_text(reply.text))
        if reply.keyboard:
            pairs = [(label, data) for row in reply.keyboard for label, data in row]
            self.buttons = [data for _, data in pairs]
            values = [(_value(label), data) for label, data in pairs]
            numbers = {value: data for value, data in values if value is not None}
            self.scale = numbers if len(numbers) >= _SCALE_BUTTONS else {}
            others = [(label, data) for label, data in pairs if data not in self.scale.values()]
            self.named = {plain_text(label).strip().lower(): data for label, data in others}
            if self.scale:
                choices = " ".join(sorted(self.scale, key=int))
                also = ", or type: " + ", ".join(label for label, _ in others) if others else ""
                self.write(f"  type a number: {choices}{also}")
                return
            labels = [label for label, _ in pairs]
            self.write("  " + "   ".join(f"[{n}] {label}" for n, label in enumerate(labels, 1)))


def _scale_of(reply: Reply) -> bool:
    """Whether a reply's buttons are a number scale."""
    labels = [label for row in reply.keyboard for label, _ in row]
    return sum(1 for label in labels if _value(label) is not None) >= _SCALE_BUTTONS


def _value(label: str) -> str | None:
    """The number a scale button stands for ("1 easy" is 1), or None."""
    found = _VALUE.match(plain_text(label).strip())
    return str(int(found.group(1))) if found else None


async def read_stdin() -> str | None:
    """One line from standard input, or None at its end."""
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None
