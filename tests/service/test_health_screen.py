"""The health screen at the end of /start, by buttons and typed answers, and /settings
ending each entry (bot/service/onboarding.py, bot/service/health.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.core.comeback import Stage, stage_of
from bot.core.vocabulary import Area, RedFlag
from bot.service.reports import FLOW as SORE
from tests.service.conftest import TODAY, Chat, assert_telegram_html, button, buttons, texts

BEFORE_HEALTH = ["level", "desk", "equipment", "race", "week", "reminder", "timezone"]


async def _to_health(chat: Chat) -> None:
    await chat.command("/start")
    for step in BEFORE_HEALTH:
        await chat.press(f"v1|os|{step}")


async def test_the_health_question_has_toggles_done_and_skip(chat: Chat) -> None:
    await chat.command("/start")
    for step in BEFORE_HEALTH[:-1]:
        await chat.press(f"v1|os|{step}")
    (question,) = await chat.press("v1|os|timezone")
    assert "8/9" in question.text
    assert buttons([question]) == ["v1|oh|injury", "v1|oh|bone_stress", "v1|oy", "v1|os|health"]
    (toggled,) = await chat.press("v1|oh|bone_stress")
    labels = [label for row in toggled.keyboard for label, _ in row]
    assert "✅ A stress fracture in the past" in labels
    assert "Done" in labels
    (pregnancy,) = await chat.press("v1|oy")
    assert "9/9" in pregnancy.text
    assert "Skip is fine" in pregnancy.text
    assert buttons([pregnancy]) == [
        "v1|op|pregnant",
        "v1|op|postpartum",
        "v1|op|none",
        "v1|os|pregnancy",
    ]
    runner = await chat.runner()
    assert runner.past_bone_stress is True
    assert runner.pregnant is False


async def test_nothing_to_report_stores_nothing(chat: Chat) -> None:
    await _to_health(chat)
    await chat.say("no")
    (done,) = await chat.say("none")
    assert "All set" in done.text
    runner = await chat.runner()
    assert (runner.pregnant, runner.postpartum, runner.past_bone_stress) == (False,) * 3
    assert runner.birth_on is None
    assert await chat.reports() == []


async def test_a_typed_past_stress_fracture_keeps_jump_work_low(chat: Chat) -> None:
    await _to_health(chat)
    (pregnancy,) = await chat.say("I had a stress fracture in my shin in 2023")
    assert "9/9" in pregnancy.text
    (done,) = await chat.say("no")
    assert "stress fracture" in done.text
    assert (await chat.runner()).past_bone_stress is True
    assert await chat.reports() == []  # a past injury is no report, and no hold
    assert not (await chat.state()).held_areas


@pytest.mark.parametrize(
    ("said", "birth_on"),
    [
        ("I'm 20 weeks pregnant", None),
        ("had a baby 2 months ago", date(2026, 10, 1)),
    ],
)
async def test_typed_pregnancy_or_a_birth_is_stored(
    chat: Chat, said: str, birth_on: date | None
) -> None:
    await _to_health(chat)
    await chat.press("v1|oy")
    (done,) = await chat.say(said)
    assert "All set" in done.text
    assert "go-ahead" in done.text
    runner = await chat.runner()
    assert runner.pregnant is ("pregnant" in said)
    assert runner.postpartum is ("baby" in said)
    assert runner.birth_on == birth_on


async def test_a_current_injury_by_button_starts_the_guided_report(chat: Chat) -> None:
    await _to_health(chat)
    await chat.press("v1|oh|injury")
    await chat.press("v1|oy")
    replies = await chat.press("v1|op|none")
    assert "All set" in replies[0].text
    assert "You mentioned pain or an injury" in texts(replies)
    assert button(replies, "v1|ra|")  # where do you feel it?
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (SORE, "area")
    assert (await chat.runner()).onboarded is True


async def test_a_typed_current_injury_is_reported_with_the_warning_sign_question(
    chat: Chat,
) -> None:
    await _to_health(chat)
    await chat.say("my knee hurts at the moment")
    replies = await chat.say("no")
    assert "All set" in replies[0].text
    (report,) = await chat.reports()
    assert report.area is Area.KNEE
    assert button(replies, "v1|rf|")  # the /sore warning-sign question, with buttons
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (SORE, "flags")
    await chat.press("v1|rf|swelling")
    (_, *held) = await chat.press("v1|rz")
    assert Area.KNEE in (await chat.state()).held_areas
    assert "swelling" in texts(held)


async def test_a_typed_injury_with_a_warning_sign_is_triaged_at_once(chat: Chat) -> None:
    await _to_health(chat)
    await chat.say("my shin hurts when I hop")
    replies = await chat.press("v1|op|none")
    (report,) = await chat.reports()
    assert RedFlag.PAIN_ON_HOPPING in report.red_flags
    assert "doctor" in texts(replies)
    assert Area.SHINS in (await chat.state()).held_areas


async def test_health_questions_can_be_skipped(chat: Chat) -> None:
    await _to_health(chat)
    await chat.press("v1|os|health")
    (done,) = await chat.press("v1|os|pregnancy")
    assert "All set" in done.text
    runner = await chat.runner()
    assert (runner.pregnant, runner.postpartum, runner.past_bone_stress) == (False,) * 3


# ---------------------------------------------------------------- /settings


async def test_settings_shows_each_entry_with_a_button_to_end_it(chat: Chat) -> None:
    await _to_health(chat)
    await chat.press("v1|oh|bone_stress")
    await chat.press("v1|oy")
    await chat.press("v1|op|pregnant")
    (settings,) = await chat.command("/settings")
    assert_telegram_html(settings.text)
    assert "Pregnant" in settings.text
    assert "Bone stress (a past stress fracture" in settings.text
    assert buttons([settings]) == ["v1|hb", "v1|he|pregnant", "v1|he|bone_stress"]

    (ended,) = await chat.press("v1|he|bone_stress")
    assert "removed" in ended.text
    assert (await chat.runner()).past_bone_stress is False
    (stale,) = await chat.press("v1|he|bone_stress")
    assert stale.toast

    (born,) = await chat.press("v1|hb")
    assert "12 weeks" in born.text
    runner = await chat.runner()
    assert (runner.pregnant, runner.postpartum, runner.birth_on) == (False, True, TODAY)
    (settings,) = await chat.command("/settings")
    assert buttons([settings]) == ["v1|he|postpartum"]


async def test_ending_the_birth_entry_early_keeps_impact_out_for_twelve_weeks(
    chat: Chat,
) -> None:
    await _to_health(chat)
    await chat.press("v1|oy")
    await chat.say("gave birth 4 weeks ago")
    (ended,) = await chat.press("v1|he|postpartum")
    returns = TODAY - timedelta(weeks=4) + timedelta(weeks=12)
    assert "12 weeks" in ended.text
    assert str(returns.year) in ended.text
    runner = await chat.runner()
    assert runner.postpartum is False
    assert runner.birth_on == TODAY - timedelta(weeks=4)
    (settings,) = await chat.command("/settings")
    assert "can return from" in settings.text
    assert buttons([settings]) == []


async def test_settings_without_health_entries_has_no_buttons(chat: Chat) -> None:
    (settings,) = await chat.command("/settings")
    assert buttons([settings]) == []
    assert "stress fracture" not in settings.text


async def test_impact_after_a_birth_comes_back_by_the_way_back_from_low_hops(
    chat: Chat,
) -> None:
    await _to_health(chat)
    await chat.press("v1|oy")
    await chat.say("had a baby 14 weeks ago")
    (ended,) = await chat.press("v1|he|postpartum")
    assert "low hops first" in ended.text
    assert "pelvic health physio" in ended.text
    state = await chat.state()
    assert stage_of(state) is Stage.LOW_HOPS
    assert state.way_back_since == TODAY


async def test_a_suspected_bone_stress_injury_is_kept_as_history(chat: Chat) -> None:
    await chat.say("sharp pain in my shin when I walk, worse at night")
    runner = await chat.runner()
    assert runner.past_bone_stress is True  # low-end impact and bone-pain questions later
    (settings,) = await chat.command("/settings")
    assert "v1|he|bone_stress" in buttons([settings])  # the runner can end it


async def test_a_past_fracture_and_a_current_pain_in_one_answer_keep_both(chat: Chat) -> None:
    await _to_health(chat)
    await chat.say("stress fracture in my shin in 2023, and my knee hurts a bit when I run")
    await chat.say("no")  # the pregnancy question: set-up ends
    runner = await chat.runner()
    assert runner.past_bone_stress is True
    (report,) = await chat.reports()
    assert report.area is Area.KNEE
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "flags"  # the warning-sign question follows


async def test_worsening_at_a_bone_site_after_a_past_fracture_asks_the_bone_signs(
    chat: Chat,
) -> None:
    """Trial: pain that got worse every run for two weeks at the shin, after a past stress
    fracture, got only "see a physio if it hasn't settled in a few days"."""
    await _to_health(chat)
    await chat.say("I had a stress fracture in my foot in 2022")
    await chat.say("no")
    replies = await chat.say(
        "my left shin has been sore for like 2 weeks and it gets a bit worse every run"
    )
    said = texts(replies)
    assert "Since bone stress has come up before" in said
    (report,) = await chat.reports()
    assert RedFlag.WORSENING_DURING_RUN in report.red_flags


@pytest.mark.parametrize(
    "said",
    [
        "stress reaction in the neck of my femur",
        "got diagnosed with a stress reaction in my femoral neck last week",
    ],
)
async def test_a_stress_fracture_said_with_no_past_is_triaged_as_now(chat: Chat, said: str) -> None:
    """Trial: a femoral neck stress reaction typed at the health question was kept as a
    past fracture, with single-leg strength and Nordics in the week's plan."""
    await _to_health(chat)
    await chat.say(said)
    replies = await chat.say("no")  # the pregnancy question: set-up ends
    (report,) = await chat.reports()
    assert report.area is Area.HIPS
    assert RedFlag.STRESS_FRACTURE in report.red_flags
    assert "doctor" in texts(replies)
    held = (await chat.state()).held_areas
    assert Area.HIPS in held
    assert Area.LEG in held  # a femoral neck: every lower-limb load out
    assert (await chat.runner()).past_bone_stress is True


@pytest.mark.parametrize(
    "answer", ["nope nothing hurts", "nothing hurts lol", "none, nothing hurts"]
)
async def test_nothing_hurts_is_no_injury(chat: Chat, answer: str) -> None:
    await _to_health(chat)
    await chat.say("no")
    (done,) = await chat.say(answer)
    assert "All set" in done.text
    assert "You mentioned pain" not in done.text
    assert await chat.reports() == []
    assert await chat.conversation() is None


async def test_no_pain_or_an_old_operation_fine_now_stores_nothing(chat: Chat) -> None:
    await _to_health(chat)
    await chat.say("no")
    (done,) = await chat.say("I have no pain")
    assert "All set" in done.text
    assert await chat.reports() == []


async def test_an_old_operation_fine_now_is_understood(chat: Chat) -> None:
    await _to_health(chat)
    await chat.say("no")
    (done,) = await chat.say("I had a knee arthroscopy 5 years ago but it's fine now")
    assert "All set" in done.text
    assert await chat.reports() == []
