"""Typed answers to the clearing questions: the clinician's go-ahead and the five return
checks, read as their buttons would be (bot/core/understanding/answers.py: yes_no,
check_answer); an unclear answer asks again, a warning sign goes to triage."""

from __future__ import annotations

import pytest

from bot.core.triage import OVERNIGHT_CHECK
from bot.core.vocabulary import Area, Phase, RedFlag
from bot.service.reports import CLEAR_FLOW
from tests.service.conftest import Chat, assert_telegram_html, buttons, texts


async def _hold(chat: Chat, text: str = "knee swollen") -> None:
    await chat.command("/today")
    await chat.say(text)
    chat.next_day()  # the checks wait a day after the sign
    await chat.command("/clear")


async def _step(chat: Chat) -> tuple[str, int | None]:
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.name == CLEAR_FLOW
    return conversation.step, conversation.data.get("check")


@pytest.mark.parametrize(
    "answers",
    [
        ("yes", "yep", "yeah, pain 1/10", "did it, no pain", "same as before", "sure"),
        ("walked fine, no pain", "ok", "2/10", "pain free", "no worse", "yes, hopped fine"),
    ],
)
async def test_typed_yeses_pass_every_check_and_end_the_hold(
    chat: Chat, answers: tuple[str, ...]
) -> None:
    await _hold(chat)
    for index, said in enumerate(answers[:3]):
        (reply,) = await chat.say(said)
        assert f"Check {index + 2} of 5" in reply.text
        assert not reply.edit
        assert await _step(chat) == ("check", index + 1)
    (wait,) = await chat.say(answers[3])
    assert "tomorrow" in wait.text
    assert await _step(chat) == ("overnight", 3)
    (today,) = await chat.command("/today")  # no question is open overnight: read as usual
    assert "no worse" not in today.text
    chat.next_day()
    await chat.command("/clear")
    (hops,) = await chat.say(answers[4])
    assert "Check 5 of 5" in hops.text
    (done,) = await chat.say(answers[5])
    assert "All checks passed" in done.text
    assert (await chat.state()).held_areas == frozenset()
    assert await chat.conversation() is None


async def _after_first_checks(chat: Chat) -> None:
    await _hold(chat)
    for _ in range(4):
        await chat.say("yes, no pain")
    chat.next_day()


@pytest.mark.parametrize("said", ["a bit worse", "stiffer than before", "no", "sore, 4/10"])
async def test_worse_the_morning_after_keeps_the_hold(chat: Chat, said: str) -> None:
    await _after_first_checks(chat)
    await chat.say("knee feels fine now")
    (worse,) = await chat.say(said)
    assert "hold stays" in worse.text
    assert "start the checks again" in worse.text
    assert Area.KNEE in (await chat.state()).held_areas
    assert await _step(chat) == ("resting", 3)  # no question open: the checks wait
    (soon,) = await chat.command("/clear")
    assert "a little longer" in soon.text
    chat.next_day()
    chat.next_day()
    (again,) = await chat.command("/clear")  # back to the first check
    assert "Check 1 of 5" in again.text


async def test_how_it_feels_told_unasked_the_morning_after_answers_the_question(
    chat: Chat,
) -> None:
    await _after_first_checks(chat)
    (worse,) = await chat.say("it's a bit stiffer this morning")
    assert "hold stays" in worse.text
    assert Area.KNEE in (await chat.state()).held_areas
    assert await _step(chat) == ("resting", 3)


async def test_a_failed_check_waits_a_few_days_before_the_next_try(chat: Chat) -> None:
    await _hold(chat)
    await chat.say("yes")
    await chat.say("hurt a bit, like 4")
    (soon,) = await chat.say("knee fine now")
    assert "a little longer" in soon.text
    assert "/clear from" in soon.text
    (today,) = await chat.command("/today")  # read as usual meanwhile
    assert "a little longer" not in today.text
    chat.next_day()
    chat.next_day()
    (again,) = await chat.command("/clear")
    assert "Check 1 of 5" in again.text


async def test_a_swelling_said_the_morning_after_is_a_report(chat: Chat) -> None:
    await _after_first_checks(chat)
    await chat.command("/clear")
    said = texts(await chat.say("knee's swollen again this morning"))
    assert "Check 5 of 5" not in said
    assert Area.KNEE in (await chat.state()).held_areas
    assert len(await chat.reports()) == 2


async def test_the_first_checks_count_for_a_week_only(chat: Chat) -> None:
    await _after_first_checks(chat)
    for _ in range(7):
        chat.next_day()
    (again,) = await chat.command("/clear")
    assert "Check 1 of 5" in again.text


@pytest.mark.parametrize(
    "said", ["no", "nope", "hurt a bit, like 4", "couldn't, it hurt", "pain 5/10", "not yet"]
)
async def test_a_typed_no_or_pain_above_two_fails_the_check(chat: Chat, said: str) -> None:
    await _hold(chat)
    await chat.say("yes")
    (failed,) = await chat.say(said)
    assert "hold stays" in failed.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    assert Area.KNEE in (await chat.state()).held_areas
    assert await _step(chat) == ("resting", 1)  # no question open; the checks wait


@pytest.mark.parametrize("said", ["maybe", "hmm, not sure", "yes but no", "🤔"])
async def test_an_unclear_answer_asks_again_with_the_buttons(chat: Chat, said: str) -> None:
    await _hold(chat)
    (again,) = await chat.say(said)
    assert "ask again" in again.text
    assert "Check 1 of 5" in again.text
    assert "v1|ck|0|yes" in buttons([again])
    assert_telegram_html(again.text)
    assert await _step(chat) == ("check", 0)
    assert (await chat.state()).held_areas


@pytest.mark.parametrize(
    ("said", "cleared"),
    [
        ("yes", True),
        ("physio said it's fine", True),
        ("my GP gave me the go-ahead", True),
        ("not yet", False),
        ("no", False),
        ("haven't seen anyone", False),
        ("still waiting for an appointment", False),
    ],
)
async def test_the_clinician_question_takes_typed_answers(
    chat: Chat, said: str, cleared: bool
) -> None:
    await _hold(chat, "sharp pain in my shin when I walk")
    assert await _step(chat) == ("clinician", 0)
    (reply,) = await chat.say(said)
    if cleared:
        assert "Check 1 of 5" in reply.text
        assert await _step(chat) == ("check", 0)
    else:
        assert "hold stays" in reply.text
        assert await chat.conversation() is None
    assert Area.SHINS in (await chat.state()).held_areas


async def test_an_unclear_clinician_answer_asks_again(chat: Chat) -> None:
    await _hold(chat, "tingling down my left leg")
    (again,) = await chat.say("what do you mean")
    assert "cleared you" in again.text
    assert "v1|cc|yes" in buttons([again])
    assert await _step(chat) == ("clinician", 0)


async def test_a_warning_sign_in_an_answer_goes_to_triage(chat: Chat) -> None:
    await _hold(chat)
    await chat.say("yes")
    replies = await chat.say("no, it's swollen again")
    said = texts(replies)
    assert "swelling" in said
    assert "Check" not in said
    conversation = await chat.conversation()
    assert conversation is None or conversation.name != CLEAR_FLOW
    reports = await chat.reports()
    assert reports[-1].area is Area.KNEE
    assert RedFlag.SWELLING in reports[-1].red_flags
    assert Area.KNEE in (await chat.state()).held_areas


async def test_a_warning_sign_naming_an_area_is_reported_there(chat: Chat) -> None:
    await _hold(chat)
    said = texts(await chat.say("yes but my shin hurts at night"))
    assert "doctor" in said
    assert Area.SHINS in (await chat.state()).held_areas
    assert Area.KNEE in (await chat.state()).held_areas


async def test_a_question_in_the_middle_is_answered_and_the_check_stays_open(
    chat: Chat,
) -> None:
    await _hold(chat)
    replies = await chat.say("what's today's session?")
    assert "min" in texts(replies) or "Rest" in texts(replies)
    assert await _step(chat) == ("check", 0)


@pytest.mark.parametrize(
    "said",
    [
        "glute is fine again",
        "physio said my glute is fine",
        "my shin is fine now",
        "shin feels good",
        "left calf is ok",
    ],
)
async def test_a_message_about_another_area_or_feeling_is_no_clinician_answer(
    chat: Chat, said: str
) -> None:
    """Trial finding: after a shin warning sign, "glute is fine again" to "has a doctor or
    physiotherapist cleared you?" was taken as "yes, cleared" and the checks began."""
    await chat.command("/today")
    await chat.say("sharp pain in my shin when I walk")
    (asked,) = await chat.say("my shin is fine now")
    assert "cleared you" in asked.text
    before = await chat.reports()
    (again,) = await chat.say(said)
    assert "haven't counted it" in again.text
    assert "cleared you" in again.text
    assert "Check 1 of 5" not in again.text
    assert "v1|cc|yes" in buttons([again])
    assert_telegram_html(again.text)
    assert await _step(chat) == ("clinician", 0)
    assert await chat.reports() == before  # nothing stored for the clearance
    assert Area.SHINS in (await chat.state()).held_areas
    (reply,) = await chat.say("yes, the physio cleared me")
    assert "Check 1 of 5" in reply.text


async def test_a_message_about_another_area_passes_no_return_check(chat: Chat) -> None:
    await _hold(chat)
    before = await chat.reports()
    (again,) = await chat.say("glute is fine again")
    assert "glutes" in again.text
    assert "Check 1 of 5" in again.text
    assert "v1|ck|0|yes" in buttons([again])
    assert await _step(chat) == ("check", 0)
    assert await chat.reports() == before
    assert Area.KNEE in (await chat.state()).held_areas


@pytest.mark.parametrize(
    ("said", "check"),
    [
        ("walked to work 40 min, felt fine", 1),  # the single-leg stand
        ("jogged round the block no bother", 4),  # the hops
        ("stood on it 10 sec, fine", 2),  # the single-leg squats
    ],
)
async def test_an_answer_about_another_movement_passes_no_check(
    chat: Chat, said: str, check: int
) -> None:
    await _hold(chat)
    for _ in range(check):
        await chat.say("yes")
    if check == OVERNIGHT_CHECK:  # the hops: the morning after
        chat.next_day()
        await chat.command("/clear")
        await chat.say("no worse")
    assert await _step(chat) == ("check", check)
    (again,) = await chat.say(said)
    assert "different movement" in again.text
    assert f"Check {check + 1} of 5" in again.text
    assert f"v1|ck|{check}|yes" in buttons([again])
    assert_telegram_html(again.text)
    assert await _step(chat) == ("check", check)
    assert Area.KNEE in (await chat.state()).held_areas


async def test_every_check_of_a_swelling_asks_that_it_stays_down(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    chat.next_day()
    asked = [texts(await chat.command("/clear"))]
    for _ in range(3):
        asked.append(texts(await chat.say("yes")))
    await chat.say("yes")
    chat.next_day()
    await chat.command("/clear")
    asked.append(texts(await chat.say("no worse")))
    for index, question in enumerate(asked):
        assert f"Check {index + 1} of 5" in question
        assert "no swelling by the next morning" in question
    again = texts(await chat.say("a bit puffy again after the hops"))  # the sign came back
    assert Area.KNEE in (await chat.state()).held_areas
    assert "swelling" in again.lower()


@pytest.mark.parametrize(
    ("said", "check"),
    [
        ("walked to work and back yesterday, 40 min each way, zero pain", 0),
        ("bit of a pinch at the bottom on the last couple, maybe a 2", 2),  # the squats
    ],
)
async def test_an_answer_naming_no_body_part_passes_its_check(
    chat: Chat, said: str, check: int
) -> None:
    await _hold(chat)
    for _ in range(check):
        await chat.say("yes")
    (reply,) = await chat.say(said)
    assert f"Check {check + 2} of 5" in reply.text
    assert await _step(chat) == ("check", check + 1)
