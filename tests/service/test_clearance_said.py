"""Found by a new-user trial after the pelvic-floor hold landed: a clinician's go-ahead
said in words is the clearing step (not a new sign), the return checks of a pelvic-floor
hold ask about leaking and heaviness, and a hold that says stop running leaves no advice
that assumes running (docs/coaching.md)."""

from __future__ import annotations

from bot.core.vocabulary import Area, Phase
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, buttons, texts

CLEARED = (
    "saw a pelvic health physio today about the leaking, she checked me and said im ok to "
    "start hopping again"
)


async def _in_a_dynamic_block(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    clock.advance(days=16)
    await chat.command("/today")
    assert (await chat.state()).phase is Phase.DYNAMIC_BLOCK


async def test_a_physios_go_ahead_said_in_words_is_the_clearing_step(
    chat: Chat, clock: FakeClock
) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("leaked a bit on the jumps today")
    clock.advance(days=10)
    replies = await chat.say(CLEARED)
    said = texts(replies)
    assert len(await chat.reports()) == 1  # no new report
    assert "book that appointment" not in said
    assert "go-ahead" in said
    assert "Check 1 of 5" in said  # the clinician question's "yes": the checks come next
    assert "no leaking, heaviness or dragging" in said
    assert buttons(replies)[0] == "v1|ck|0|yes"
    assert (await chat.state()).held_areas == {Area.PELVIC_FLOOR}
    await chat.pass_return_checks()
    assert not (await chat.state()).held_areas


async def test_a_leak_said_now_with_the_physios_word_stays_a_sign(
    chat: Chat, clock: FakeClock
) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("leaked a bit on the jumps today")
    clock.advance(days=10)
    said = texts(await chat.say("physio said its fine but i leaked again today"))
    assert "Check 1" not in said
    assert len(await chat.reports()) == 2  # the new leak is stored, the hold stays
    assert (await chat.state()).held_areas == {Area.PELVIC_FLOOR}


async def test_the_go_ahead_typed_to_the_clinician_question_is_its_yes(
    chat: Chat, clock: FakeClock
) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("leaked a bit on the jumps today")
    clock.advance(days=10)
    await chat.command("/clear")
    said = texts(await chat.say(CLEARED))
    assert "Check 1 of 5" in said
    assert len(await chat.reports()) == 1


async def test_a_pelvic_floor_checks_buttons_ask_about_leaking_too(
    chat: Chat, clock: FakeClock
) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("leaked a bit on the jumps today")
    clock.advance(days=10)
    await chat.command("/clear")
    (check,) = await chat.press("v1|cc|yes")
    labels = [label for row in check.keyboard for label, _ in row]
    assert labels[:2] == ["No leaking, pain 2/10 or less", "Some leaking, heaviness or pain"]
    (failed,) = await chat.say("pain 0 but it felt a bit heavy after")
    assert "hold stays" in failed.text
    assert (await chat.state()).held_areas == {Area.PELVIC_FLOOR}


async def test_other_holds_checks_keep_their_pain_buttons(chat: Chat, clock: FakeClock) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("sharp pain in my right calf")
    clock.advance(days=3)
    replies = await chat.command("/clear")
    found = [label for reply in replies for row in reply.keyboard for label, _ in row]
    assert "Yes, pain 2/10 or less" in found


async def test_a_stop_running_hold_leaves_no_advice_that_assumes_running(
    chat: Chat, clock: FakeClock
) -> None:
    await _in_a_dynamic_block(chat, clock)
    await chat.say("long run is Sunday")
    await chat.say("I do intervals on Tuesdays")
    assert (await chat.runner()).long_run_day == 6
    replies = await chat.say("i think i have a stress fracture in my shin")
    assert "stop running" in texts(replies)
    for _ in range(8):
        clock.advance(days=1)
        today = texts(await chat.command("/today"))
        assert "long run" not in today
        assert "hard session" not in today
        assert "long-run day" not in today
