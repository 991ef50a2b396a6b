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


#: Number buttons that make a keyboard a scale (the 0-10 pain and effort scales).
_SCALE_BUTTONS = 5


@dataclass
class TerminalChat:
    """A read-reply loop; numbered lines stand for the buttons of the last message."""

    coach: Coach
    sender: Sender
    read_line: ReadLine
    write: Write
    buttons: list[str] = field(default_factory=list)
    #: A 0-10 scale's buttons by their value: typing 5 presses the button that says 5.
    scale: dict[str, str] = field(default_factory=dict)
    #: Beside a scale, the other buttons by their label ("not sure", "cancel").
    named: dict[str, str] = field(default_factory=dict)

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
            pairs = [(label, data) for row in reply.keyboard for label, data in row]
            self.buttons = [data for _, data in pairs]
            numbers = {label.strip(): data for label, data in pairs if label.strip().isdecimal()}
            self.scale = numbers if len(numbers) >= _SCALE_BUTTONS else {}
            others = [(label, data) for label, data in pairs if label.strip() not in self.scale]
            self.named = {plain_text(label).strip().lower(): data for label, data in others}
            if self.scale:
                choices = " ".join(sorted(self.scale, key=int))
                also = ", or type: " + ", ".join(label for label, _ in others) if others else ""
                self.write(f"  type a number: {choices}{also}")
                return
            labels = [label for label, _ in pairs]
            self.write("  " + "   ".join(f"[{n}] {label}" for n, label in enumerate(labels, 1)))


async def read_stdin() -> str | None:
    """One line from standard input, or None at its end."""
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None
