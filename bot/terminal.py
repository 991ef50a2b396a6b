"""``hipcoach chat``: the coach in a terminal, as a local runner, same engine and database."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.service.coach import Coach
from bot.service.messages import Button, Command, Inbound, Reply, Sender, Text, clean_text

__all__ = ["TerminalChat", "plain_text"]

_TAG = re.compile(r"<[^>]+>")
_QUIT = {"quit", "exit", "/quit", "/exit", "bye"}

ReadLine = Callable[[], Awaitable[str | None]]
Write = Callable[[str], None]


def plain_text(markup: str) -> str:
    """Telegram HTML as terminal text."""
    return html.unescape(_TAG.sub("", markup))


@dataclass
class TerminalChat:
    """A read-reply loop; numbered lines stand for the buttons of the last message."""

    coach: Coach
    sender: Sender
    read_line: ReadLine
    write: Write
    buttons: list[str] = field(default_factory=list)

    async def run(self) -> None:
        """Chat until the runner types quit or the input ends."""
        self.write("HipCoach terminal chat. Type a message or a /command; 'quit' to leave.")
        await self.send(Command("start"))
        while (line := await self.read_line()) is not None:
            line = line.strip()
            if line.lower() in _QUIT:
                break
            if line:
                await self.send(self.inbound(line))
        self.write("Bye! Your logs are saved.")

    def inbound(self, line: str) -> Inbound:
        """A typed line as the coach sees it: a command, a button number or text."""
        line = clean_text(line)
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            return Button(self.buttons[int(line) - 1])
        if line.startswith("/"):
            head, *args = line.split()
            return Command(head[1:], tuple(args))
        return Text(line)

    async def send(self, inbound: Inbound) -> None:
        """Hand one message to the coach and print what it answers."""
        for reply in await self.coach.handle(self.sender, inbound):
            self.show(reply)

    def show(self, reply: Reply) -> None:
        """Print a reply; its buttons become numbered choices."""
        if reply.toast:
            self.write(f"  ({reply.toast})")
        if reply.photo is not None:
            self.write(f"[chart, {len(reply.photo)} bytes of PNG]")
        if reply.document is not None:
            self.write(f"[file {reply.document.filename}, {len(reply.document.content)} bytes]")
        if reply.text:
            self.write("")
            self.write(plain_text(reply.text))
        if reply.keyboard:
            self.buttons = [data for row in reply.keyboard for _, data in row]
            labels = [label for row in reply.keyboard for label, _ in row]
            self.write("  " + "   ".join(f"[{n}] {label}" for n, label in enumerate(labels, 1)))


async def read_stdin() -> str | None:
    """One line from standard input, or None at its end."""
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None
