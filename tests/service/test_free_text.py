"""Free text is never met with silence, and what runners typed is escaped in every reply."""

from __future__ import annotations

import pytest

from bot.service.messages import Command, Media, Reply, Sender
from tests.service.conftest import Chat, texts

MESSAGES = [
    "what's on today?",
    "done",
    "finished it, felt easy",
    "skipped, no time",
    "left calf sore 6/10",
    "hammies tight",
    "sharp pain in my right hip",
    "my hip is fine now",
    "remind me at 7:30",
    "I'm in Berlin",
    "race on 2027-04-12",
    "pause until 2026-12-20",
    "I'm back",
    "how am I doing?",
    "show my history",
    "help",
    "hello",
    "thanks",
    "I like pizza",
    "<script>alert(1)</script>",
    "a & b < c > d",
    "",
    "   ",
    "🤷",
    "x" * 5000,
]


async def test_every_text_message_gets_an_answer(chat: Chat) -> None:
    for message in MESSAGES:
        await chat.say(message)  # asserts a non-empty text reply, in safe HTML


async def test_every_text_message_gets_an_answer_mid_onboarding(chat: Chat) -> None:
    await chat.command("/start")
    for message in MESSAGES:
        await chat.say(message)


async def test_unknown_text_gets_a_short_answer_with_the_closest_buttons(chat: Chat) -> None:
    """Not understood: said briefly, with two or three buttons that fit the message (issue 13:
    not the same five examples every time)."""
    (answer,) = await chat.say("I like pizza")
    assert "pizza" in answer.text
    labels = [label for row in answer.keyboard for label, _ in row]
    assert 2 <= len(labels) <= 3
    (other,) = await chat.say("that settings thing")
    others = [label for row in other.keyboard for label, _ in row]
    assert 2 <= len(others) <= 3
    assert others[0] == "My settings"
    assert others != labels
    assert await chat.completions() == []
    assert await chat.reports() == []


async def test_typed_markup_is_escaped(chat: Chat) -> None:
    (answer,) = await chat.say("<b>bold</b> & co")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in answer.text
    (unknown,) = await chat.send(Command("<i>x</i>"))
    assert "&lt;i&gt;" in unknown.text


async def test_media_gets_a_hint(chat: Chat) -> None:
    (hint,) = await chat.send(Media("sticker"))
    assert "text" in hint.text


BOB = "<b>Bob</b> & co"
BOB_ESCAPED = "&lt;b&gt;Bob&lt;/b&gt; &amp; co"


@pytest.fixture
def bob(chat: Chat) -> Chat:
    return Chat(chat.coach, chat.sessions, Sender(99, 99, BOB), 9000)


def _check_name(replies: list[Reply]) -> int:
    """Every reply that shows the name shows it escaped; returns how many showed it."""
    shown = 0
    for reply in replies:
        assert BOB not in reply.text
        if "Bob" in reply.text:
            assert BOB_ESCAPED in reply.text
            shown += 1
    return shown


async def test_a_first_name_with_markup_is_escaped_everywhere(bob: Chat) -> None:
    shown = _check_name(await bob.say("hello"))
    shown += _check_name(await bob.command("/start"))
    shown += _check_name(await bob.command("/today"))
    for step in ["level", "desk", "equipment", "race", "week", "reminder", "timezone"]:
        shown += _check_name(await bob.press(f"v1|os|{step}"))
    shown += _check_name(await bob.command("/today"))
    done = next(d for row in (await bob.command("/today"))[0].keyboard for _, d in row)
    shown += _check_name(await bob.press(done))
    for line in ("/settings", "/phase", "/plan", "/history", "/progress", "/help"):
        shown += _check_name(await bob.command(line))
    assert shown >= 4  # (Done edits the message to one line now: no greeting in it)
    assert (await bob.runner()).first_name == BOB  # stored as the runner wrote it


async def test_the_export_keeps_the_name_as_written(bob: Chat) -> None:
    (reply,) = await bob.command("/export")
    assert reply.document is not None
    assert BOB.encode() in reply.document.content
    assert "Bob" not in texts([reply])


async def test_a_greeting_beside_a_log_is_a_short_hello_then_the_log(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("hey coach! did it, 6/10"))
    assert said.startswith("Hi ")
    assert "Ask me" not in said  # the hint for a bare "hi" is not repeated here
    (completion,) = await chat.completions()
    assert completion.rpe == 6


async def test_a_greeting_beside_todays_session_says_hi_once(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("hey coach! whats on today?"))
    assert said.count("Hi ") == 1
