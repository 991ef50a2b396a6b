"""A racing heart, fainting or chest pain with exercise is no area's sign: a doctor clears
it, with no joint checks after, and running asked about under it gets the heart's reason
(session fourteen's second trial; docs/coaching.md, EMERGENCY row)."""

from __future__ import annotations

from tests.service.conftest import Chat, texts


async def _heart_held(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("heart was going crazy fast on my run and I had to sit down, fine now")
    assert (await chat.state()).held_areas
    chat.next_day()


async def test_running_under_a_heart_hold_gets_the_hearts_reason(chat: Chat) -> None:
    await _heart_held(chat)
    (said,) = await chat.say("can I run tomorrow?")
    assert "Not yet, not even an easy jog" in said.text
    assert "a doctor's check" in said.text
    assert "bone stress" not in said.text
    assert "physio" not in said.text


async def test_a_doctors_go_ahead_ends_a_heart_hold_without_joint_checks(chat: Chat) -> None:
    await _heart_held(chat)
    (asked,) = await chat.command("/clear")
    assert "has a doctor checked" in asked.text
    assert "physiotherapist" not in asked.text
    assert "load it" not in asked.text
    replies = await chat.press("v1|cc|yes")
    said = texts(replies)
    assert "Check 1 of 5" not in said
    assert "cleared you to exercise" in said
    assert "stop at once and get medical help" in said
    assert not (await chat.state()).held_areas


async def test_not_yet_seen_a_doctor_keeps_a_heart_hold(chat: Chat) -> None:
    await _heart_held(chat)
    await chat.command("/clear")
    (stays,) = await chat.press("v1|cc|no")
    assert "no training until a doctor has checked you" in stays.text
    assert (await chat.state()).held_areas
