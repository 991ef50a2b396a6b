"""/race with a distance after the date stores both (a trial's "/race 2027-02-14 half" left
the distance on marathon)."""

from __future__ import annotations

from datetime import date

from bot.core.vocabulary import RaceDistance
from tests.service.conftest import Chat


async def test_race_with_a_distance_stores_the_distance(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command("/race 2027-02-14 marathon")
    replies = await chat.command("/race 2027-02-14 half")
    assert replies
    assert (await chat.state()).race_date == date(2027, 2, 14)
    assert (await chat.runner()).race_distance is RaceDistance.HALF
