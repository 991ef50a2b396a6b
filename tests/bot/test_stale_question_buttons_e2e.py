"""End to end through the fake Bot API: a pain or effort question answered by typing leaves
its old message's buttons in the chat; a later tap on one gets a short "already noted"
answer and stores nothing (a new-user trial: the tap stored a second, stale answer)."""

from __future__ import annotations

from telegram.ext import Application

from bot.app import Services
from tests.bot.harness import FakeClock
from tests.bot.test_way_back_e2e import RUNNER, pass_checks, say, tap
from tests.fakebotapi.server import FakeBotAPI


async def _asked_effort_and_pain(api: FakeBotAPI, clock: FakeClock) -> None:
    """On the way back after a hold; today's session logged by a typed "done"."""
    await say(api, "/today")
    clock.advance(days=16)
    await say(api, "my right calf is swollen")
    clock.advance(days=3)
    await say(api, "/clear")
    await pass_checks(api, clock)
    await say(api, "/today")
    asked = await say(api, "done", expect=2)
    assert "How hard did it feel?" in asked[0]
    assert "Any pain during" in asked[1]


async def _press_old(api: FakeBotAPI, needle: str, prefix: str, value: int) -> str:
    """Tap ``value`` on the message saying ``needle``; the tap's answer (the toast)."""
    message = next(m for m in reversed(api.sent_messages(RUNNER)) if needle in m.plain_text)
    data = next(d for d in message.callback_data if d.startswith(prefix))
    data = f"{data.rsplit('|', 1)[0]}|{value}"
    calls = len(api.recorder.calls)
    await api.user(RUNNER, first_name="Ana").press(message.message_id, data)
    answer = await api.wait_for(
        lambda call: (
            api.recorder.calls.index(call) >= calls and call.method == "answerCallbackQuery"
        )
    )
    return str(answer.params.get("text"))


async def test_old_pain_and_effort_buttons_after_typed_answers_store_nothing(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _asked_effort_and_pain(fake_api, clock)
    (pain,) = await say(fake_api, "no pain")
    assert "Pain 0/10" in pain
    (effort,) = await say(fake_api, "3")  # the question left open: the effort
    assert "effort 3/10" in effort
    sent = len(fake_api.sent_messages(RUNNER))
    edits = len(fake_api.calls("editMessageText"))

    toast = await _press_old(fake_api, "Any pain during", "v1|pn|", 6)
    assert toast == "Already noted: pain 0/10. Thanks!"
    toast = await _press_old(fake_api, "How hard did it feel?", "v1|ef|", 8)
    assert toast == "Already noted: effort 3/10. Thanks!"

    assert len(fake_api.sent_messages(RUNNER)) == sent  # no new message, no edit
    assert len(fake_api.calls("editMessageText")) == edits
    (history,) = await say(fake_api, "/history")
    assert "effort 3/10" in history


async def test_a_pain_button_still_answers_while_its_question_is_open(
    bot: tuple[Application, Services], fake_api: FakeBotAPI, clock: FakeClock
) -> None:
    await _asked_effort_and_pain(fake_api, clock)
    (effort,) = await say(fake_api, "very hard")
    assert "effort 9/10" in effort
    answer = await tap(fake_api, "v1|pn|", "Pain 0/10")
    assert "Pain 0/10" in answer
