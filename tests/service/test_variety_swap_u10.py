"""A swap note never calls it "for variety" when the exercise it replaces is already in the
same session (trial round 10: "Clamshell (instead of split squat)" beside "Side plank
(instead of clamshell: for variety)"); it says the exercise is already there."""

from __future__ import annotations

import re

from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts

_NOTE_RE = re.compile(r"Instead of ([^:<]+): for variety", re.IGNORECASE)
_TITLE_RE = re.compile(r"• <b>([^<]+)</b>")


async def test_no_variety_note_for_an_exercise_in_the_session(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("knee hurt like a 6 during the pogos")
    for _ in range(10):
        clock.advance(days=1)
        said = texts(await chat.command("/today"))
        titles = {title.lower() for title in _TITLE_RE.findall(said)}
        for replaced in _NOTE_RE.findall(said):
            assert replaced.strip().lower() not in titles, said
