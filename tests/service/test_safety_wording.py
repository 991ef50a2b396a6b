"""The wording rules through the coach: swelling is called swelling, a hold never offers
extra mobility (a tightness report during a hold included), referrals never diagnose."""

from __future__ import annotations

import pytest

from tests.presentation.test_safety_wording import _no_diagnosis
from tests.service.conftest import Chat, texts


@pytest.mark.parametrize(
    "text", ["hamstrings tight", "my hip flexors are really tight", "tight calves"]
)
async def test_tightness_during_a_hold_gets_no_extra_mobility(chat: Chat, text: str) -> None:
    await chat.command("/today")
    await chat.say("my ankle is swollen")
    said = texts(await chat.say(text))
    assert "extra mobility" not in said
    assert "nothing added" in said
    today = texts(await chat.command("/today"))
    assert "extra mobility" not in today
    assert "extra for your tight" not in today


async def test_tightness_without_a_hold_still_gets_extra_mobility(chat: Chat) -> None:
    await chat.command("/today")
    assert "extra mobility" in texts(await chat.say("hamstrings tight"))


async def test_a_guided_swelling_report_says_swelling(chat: Chat) -> None:
    await chat.command("/sore")
    for press in ("v1|ra|knee", "v1|rs|left", "v1|rk|pain", "v1|rv|6", "v1|rf|swelling"):
        await chat.press(press)
    said = texts(await chat.press("v1|rz"))
    assert "swelling" in said
    assert "pain in your" not in said
    assert "extra mobility" not in said
    _no_diagnosis(said)


@pytest.mark.parametrize(
    "text",
    [
        "sharp pain in my hip when I walk",
        "tingling down my left leg",
        "I think I have a stress fracture in my shin",
        "numb around my groin and bladder trouble",
        "calf swollen and sharp pain",
    ],
)
async def test_referrals_through_the_coach_never_diagnose(chat: Chat, text: str) -> None:
    await chat.command("/today")
    said = texts(await chat.say(text))
    _no_diagnosis(said)
    _no_diagnosis(texts(await chat.command("/today")))
