"""Clearing holds one at a time, each named by its area and sign (docs/coaching.md,
"Clearing a hold"): several holds ask which, by buttons; a joint that gave way or a nerve
sign is asked about (has it stayed away?) before and during the return checks."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.records import BodyReport
from bot.core.triage import Tier
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side
from bot.service.holds import problems_from
from bot.service.reports import CLEAR_FLOW
from tests.service.conftest import Chat, buttons, texts

KNEE = "my right knee gave way on my run"
NERVE = "left leg shooting pain with pins and needles"


async def _two_holds(chat: Chat, first: str = KNEE, second: str = NERVE) -> None:
    await chat.command("/today")
    await chat.say(first)
    await chat.say(second)
    assert (await chat.state()).held_areas == frozenset({Area.KNEE, Area.LEG})


async def _pass_checks(chat: Chat) -> str:
    return texts(await chat.pass_return_checks())


@pytest.mark.parametrize("start", ["/clear", "all good now", "fine now"])
async def test_several_holds_ask_which_one_by_buttons(chat: Chat, start: str) -> None:
    await _two_holds(chat)
    replies = await (chat.command(start) if start.startswith("/") else chat.say(start))
    said = texts(replies)
    assert "your right knee that gave way" in said
    assert "your left leg with pins and needles" in said
    assert {"v1|cp|knee", "v1|cp|leg"} <= set(buttons(replies))
    assert (await chat.state()).held_areas == frozenset({Area.KNEE, Area.LEG})


async def test_the_knee_is_cleared_alone_and_named_at_each_step(chat: Chat) -> None:
    await _two_holds(chat)
    await chat.command("/clear")
    (clinician,) = await chat.press("v1|cp|knee")
    assert "checked your right knee that gave way" in clinician.text
    (sign,) = await chat.press("v1|cc|yes")
    assert "stayed steady, with no giving way" in sign.text
    assert "v1|cs|yes" in buttons([sign])
    (check,) = await chat.press("v1|cs|yes")
    assert "Check 1 of 5" in check.text
    assert "without it giving way" in check.text
    done = await _pass_checks(chat)
    assert "your right knee that gave way is off hold" in done
    assert "Still on hold" in done
    assert "your left leg with pins and needles" in done
    assert (await chat.state()).held_areas == frozenset({Area.LEG})
    fine = [r for r in await chat.reports() if r.area is Area.KNEE and not r.red_flags]
    assert [r.severity for r in fine] == [0]
    assert await chat.conversation() is None


@pytest.mark.parametrize("said", ["knee is fine now", "/clear knee"])
async def test_naming_the_area_clears_that_hold_only(chat: Chat, said: str) -> None:
    await _two_holds(chat)
    replies = await (chat.command(said) if said.startswith("/") else chat.say(said))
    (question,) = replies
    assert "checked your right knee that gave way" in question.text
    assert "leg" not in question.text


@pytest.mark.parametrize("answer", ["v1|cs|no", "no", "not fully, still a bit"])
async def test_a_sign_still_there_keeps_the_hold(chat: Chat, answer: str) -> None:
    await _two_holds(chat)
    await chat.command("/clear leg")
    (sign,) = await chat.press("v1|cc|yes")
    assert "have the pins and needles and numbness" in sign.text
    replies = await (chat.press(answer) if answer.startswith("v1") else chat.say(answer))
    said = texts(replies)
    assert "stays on hold" in said or "Sorry, I couldn't tell" in said
    assert (await chat.state()).held_areas == frozenset({Area.KNEE, Area.LEG})


async def test_giving_way_again_is_triaged_and_the_hold_stays(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(KNEE)
    await chat.command("/clear")
    await chat.press("v1|cc|yes")
    said = texts(await chat.say("no, it gave way again yesterday"))
    assert "stays on hold" in said or "physiotherapist or doctor" in said
    assert "urgent care" not in said  # a knee giving way is no nerve sign
    assert Area.KNEE in (await chat.state()).held_areas
    conversation = await chat.conversation()
    assert conversation is None or conversation.name != CLEAR_FLOW


async def test_a_swelling_hold_still_asks_only_about_pain(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    chat.next_day()
    (check,) = await chat.command("/clear")
    assert "Check 1 of 5" in check.text
    assert "giving way" not in check.text


def test_problems_split_by_report_and_restart_after_a_clearance() -> None:
    day = date(2026, 12, 1)
    reports = [
        BodyReport(
            day, Area.KNEE, ReportKind.PAIN, Side.RIGHT, None, frozenset({RedFlag.SWELLING})
        ),
        BodyReport(day, Area.KNEE, ReportKind.SORENESS, Side.NONE, 0),  # cleared
        BodyReport(
            day, Area.KNEE, ReportKind.PAIN, Side.RIGHT, None, frozenset({RedFlag.GIVING_WAY})
        ),
        BodyReport(
            day, Area.LEG, ReportKind.PAIN, Side.LEFT, None, frozenset({RedFlag.NUMBNESS_TINGLING})
        ),
    ]
    knee, leg = sorted(
        problems_from(reports, frozenset({Area.KNEE, Area.LEG})), key=lambda p: p.area.value
    )
    assert (knee.signs, knee.tier, knee.areas) == (
        frozenset({RedFlag.GIVING_WAY}),
        Tier.NERVE,
        frozenset({Area.KNEE}),
    )
    assert (leg.side, leg.areas) == (Side.LEFT, frozenset({Area.LEG}))


@pytest.mark.parametrize(
    "said", ["I had chest pain on my run and felt faint", "I fainted after the run"]
)
async def test_a_whole_body_sign_needs_a_doctor_before_any_check(chat: Chat, said: str) -> None:
    await chat.command("/today")
    await chat.say(said)
    assert Area.LEG in (await chat.state()).held_areas
    (question,) = await chat.command("/clear")
    assert "checked the chest pain, fainting or racing heart" in question.text
    assert "Check 1" not in question.text
    (no,) = await chat.press("v1|cc|no")
    assert "hold stays" in no.text
    assert Area.LEG in (await chat.state()).held_areas
