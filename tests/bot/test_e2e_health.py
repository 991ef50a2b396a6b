"""End to end: the health screen at the end of /start, through the fake Bot API, with what
each answer stores and what /today then prescribes on a dynamic day."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from telegram.ext import Application

from bot.app import Services
from bot.core.content import CONTACT_RANGES, load_content
from bot.core.vocabulary import Area, Level
from bot.storage import get_runner_by_telegram_id, make_session_factory, recent_reports
from bot.storage.models import Runner
from tests.bot.harness import FakeClock, runner_row
from tests.fakebotapi.server import FakeBotAPI

RUNNER = 4343
CONTENT = load_content()
IMPACT_NAMES = sorted({e.name for e in CONTENT.exercises.values() if e.impact}, key=len)
_CONTACTS = re.compile(r"— (\d+) foot contacts( each side)?")


def _said(call: object, marker: str) -> bool:
    params = getattr(call, "params", {})
    return marker in str(params.get("text", ""))


async def _press(api: FakeBotAPI, data: str, marker: str) -> None:
    """Press ``data`` under the bot's latest message carrying it; wait for ``marker``."""
    handle = api.user(RUNNER, first_name="Bo")
    message = next(m for m in reversed(api.sent_messages(RUNNER)) if data in m.callback_data)
    await handle.press(message.message_id, data)
    await api.wait_for(lambda call: _said(call, marker))


async def _say(api: FakeBotAPI, text: str, marker: str) -> None:
    await api.user(RUNNER, first_name="Bo").send_text(text)
    await api.wait_for(lambda call: _said(call, marker))


async def _to_health_question(api: FakeBotAPI) -> None:
    await _say(api, "/start", "1/9")
    await _press(api, "v1|ol|intermediate", "2/9")
    for step, marker in [
        ("desk", "3/9"),
        ("equipment", "4/9"),
        ("race", "5/9"),
        ("week", "6/9"),
        ("reminder", "7/9"),
        ("timezone", "8/9"),
    ]:
        await _press(api, f"v1|os|{step}", marker)


async def _runner(services: Services) -> Runner:
    return await runner_row(services, RUNNER)


async def _dynamic_today(api: FakeBotAPI, clock: FakeClock) -> str:
    """/today on each day of the block's third week until a jump day (its text)."""
    clock.advance(days=21)  # an experienced runner's base week, then two block weeks
    texts = []
    for _ in range(7):
        before = len(api.sent_messages(RUNNER))
        await api.user(RUNNER, first_name="Bo").send_text("/today")
        messages = await api.wait_for_messages(RUNNER, before + 1)
        text = messages[-1].plain_text
        texts.append(text)
        if "Jump" in text or "jump" in text.split("\n")[0] or "dynamic" in text:
            return text
        clock.advance(days=1)
    return "\n".join(texts)


def _impact(text: str) -> list[str]:
    return [name for name in IMPACT_NAMES if name in text]


def _contacts(text: str) -> int:
    return sum(
        int(found.group(1)) * (2 if found.group(2) else 1) for found in _CONTACTS.finditer(text)
    )


async def test_nothing_to_report_leaves_the_plan_as_it_was(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _to_health_question(fake_api)
    await _say(fake_api, "all good", "9/9")
    await _press(fake_api, "v1|op|none", "All set")
    runner = await _runner(bot[1])
    assert (runner.pregnant, runner.postpartum, runner.past_bone_stress) == (False,) * 3
    today = await _dynamic_today(fake_api, clock)
    assert _impact(today)
    # the usual dose (a 20-minute session with its general warm-up lands a little under
    # the range's low end in a block's first week), not the stress-fracture one
    assert "stress fracture" not in today
    _, high = CONTACT_RANGES[Level.INTERMEDIATE]
    assert 0 < _contacts(today) <= high


async def test_a_past_stress_fracture_keeps_jumps_at_the_low_end(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _to_health_question(fake_api)
    await _press(fake_api, "v1|oh|bone_stress", "8/9")
    await _press(fake_api, "v1|oy", "9/9")
    await _press(fake_api, "v1|op|none", "All set")
    assert fake_api.sent_messages(RUNNER)[-1].plain_text.count("stress fracture") == 1
    runner = await _runner(bot[1])
    assert runner.past_bone_stress is True
    today = await _dynamic_today(fake_api, clock)
    assert _impact(today)
    low, _ = CONTACT_RANGES[Level.INTERMEDIATE]
    assert 0 < _contacts(today) <= low
    assert "stress fracture" in today


@pytest.mark.parametrize("answer", ["v1|op|pregnant", "I'm 20 weeks pregnant"])
async def test_pregnancy_means_no_impact_work_and_a_clinicians_go_ahead(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock, answer: str
) -> None:
    await _to_health_question(fake_api)
    await _press(fake_api, "v1|oy", "9/9")
    if answer.startswith("v1|"):
        await _press(fake_api, answer, "All set")
    else:
        await _say(fake_api, answer, "All set")
    runner = await _runner(bot[1])
    assert runner.pregnant is True
    today = await _dynamic_today(fake_api, clock)
    assert not _impact(today)
    assert _contacts(today) == 0
    assert "go-ahead" in today
    assert "for variety" not in today  # the swap says why: the health note
    week = await _last_reply(fake_api, "/plan")
    assert not [name for name in ("Bounds", "bounds", "hops", "Hops") if name in week]
    phase = await _last_reply(fake_api, "/phase")
    assert "No hops, jumps or skips while you're pregnant" in phase


async def _last_reply(api: FakeBotAPI, text: str) -> str:
    before = len(api.sent_messages(RUNNER))
    await api.user(RUNNER, first_name="Bo").send_text(text)
    return (await api.wait_for_messages(RUNNER, before + 1))[-1].plain_text


async def test_a_recent_birth_means_no_impact_for_twelve_weeks(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _to_health_question(fake_api)
    await _say(fake_api, "none", "9/9")
    await _say(fake_api, "had a baby 2 months ago", "All set")
    runner = await _runner(bot[1])
    assert runner.postpartum is True
    assert runner.birth_on is not None
    assert clock().date() - runner.birth_on < timedelta(weeks=10)
    today = await _dynamic_today(fake_api, clock)
    assert not _impact(today)
    assert "12 weeks" in today


async def test_a_current_injury_starts_a_report_with_the_warning_sign_questions(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _to_health_question(fake_api)
    await _say(fake_api, "my knee hurts at the moment", "9/9")
    await _press(fake_api, "v1|op|none", "Any of these?")
    question = fake_api.sent_messages(RUNNER)[-1]
    assert any(data.startswith("v1|rf|") for data in question.callback_data)
    async with make_session_factory(bot[1].engine)() as session:
        runner = await get_runner_by_telegram_id(session, RUNNER)
        assert runner is not None
        (report,) = await recent_reports(session, runner.id, clock().date())
    assert report.area is Area.KNEE
    await _press(fake_api, "v1|rf|swelling", "Any of these?")
    await _press(fake_api, "v1|rz", "swelling")
    await _say(fake_api, "/today", "min")
    today = fake_api.sent_messages(RUNNER)[-1].plain_text
    assert not _impact(today)
