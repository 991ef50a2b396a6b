"""Chest pain, a possible clot, an injury that cannot take weight: urgent care, sessions stop."""

from __future__ import annotations

from bot.core.vocabulary import Area, RedFlag
from tests.service.conftest import Chat, buttons, texts


async def test_chest_pain_stops_every_session_and_sends_for_help(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("got chest pain n felt dizzy on my run this morning"))
    assert "emergency number" in said
    assert "every session stops" in said
    assert {Area.LEG, Area.LOWER_BACK} <= (await chat.state()).held_areas
    today = texts(await chat.command("/today"))
    assert "until a doctor has checked you" in today
    assert "lower back" not in today  # no area was said: none is named


async def test_a_hot_swollen_calf_is_checked_the_same_day(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("calf swollen red and hot, hurts"))
    assert "blood clot" in said
    assert "today" in said
    (report,) = await chat.reports()
    assert RedFlag.CLOT_SIGNS in report.red_flags


async def test_a_rolled_ankle_that_takes_no_weight_is_checked_today(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("rolled my ankle, cant put weight on it"))
    assert "X-ray" in said
    assert "bone stress" not in said  # an acute injury, not an overuse one
    assert Area.ANKLE in (await chat.state()).held_areas


async def test_after_a_stress_fracture_a_sore_shin_is_asked_about_bone_signs(chat: Chat) -> None:
    await chat.command("/start")
    for step in ("level", "desk", "equipment", "race", "week", "reminder", "timezone"):
        await chat.press(f"v1|os|{step}")  # skipped up to the health screen
    await chat.say("I had a stress fracture in my shin in 2023")
    await chat.say("no")  # not pregnant: set-up done
    assert (await chat.runner()).past_bone_stress is True
    replies = await chat.say("left shin achy 3/10")
    assert "bone signs" in texts(replies)
    assert any(data.startswith("v1|rf|") for data in buttons(replies))


async def test_without_that_history_a_mild_ache_is_just_noted(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("left shin achy 3/10")
    assert "bone signs" not in texts(replies)
    assert not any(data.startswith("v1|rf|") for data in buttons(replies))


async def test_a_new_report_on_a_held_area_repeats_the_warning(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("fell off my bike, hip really hurts cant walk")
    again = texts(await chat.say("left hip still hurts a lot, maybe 7/10"))
    assert "still on hold from the warning sign" in again
    assert "X-ray" in again  # the fall's referral, said again


async def test_a_report_on_an_area_not_held_adds_no_warning(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("left hip a bit sore, 4/10"))
    assert "still on hold" not in said
