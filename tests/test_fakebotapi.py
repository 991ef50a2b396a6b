"""The fake Bot API, driven by the real python-telegram-bot client over real HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import time
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakebotapi import ApiError, FakeBotAPI, parse_html, utf16_len
from tests.fakebotapi import fixtures as fakebotapi_fixtures
from tests.fakebotapi.fixtures import check_violations

fake_api = fakebotapi_fixtures.fake_api
fake_bot = fakebotapi_fixtures.fake_bot

ALICE = 1001


def keyboard(*data: str) -> InlineKeyboardMarkup:
    """One row of callback buttons labelled with their data."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(d or "?", callback_data=d) for d in data]])


# ------------------------------------------------------------------------------------------
# basics
# ------------------------------------------------------------------------------------------


async def test_get_me(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    me = await fake_bot.get_me()
    assert me.is_bot
    assert me.username == "hipcoach_test_bot"
    assert me.id == int(fake_api.token.split(":")[0])
    assert fake_api.base_url == f"http://127.0.0.1:{fake_api.port}/bot"


async def test_send_message_happy_path(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE, "Alice")
    sent = await fake_bot.send_message(
        ALICE, "<b>Day 3</b>: hips", parse_mode="HTML", reply_markup=keyboard("done")
    )
    assert sent.text == "Day 3: hips"
    assert sent.text_html == "<b>Day 3</b>: hips"
    assert sent.chat.id == ALICE
    assert sent.from_user is not None
    assert sent.from_user.is_bot

    [message] = fake_api.sent_messages(ALICE)
    assert message.message_id == sent.message_id
    assert message.text == "<b>Day 3</b>: hips"
    assert message.plain_text == "Day 3: hips"
    assert message.parse_mode == "HTML"
    assert message.callback_data == ["done"]

    [call] = fake_api.calls("sendMessage", chat_id=ALICE)
    assert call.ok
    assert call.params["chat_id"] == ALICE
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "done", "callback_data": "done"}]]
    }
    assert fake_api.violations == []


async def test_form_json_and_query_requests_are_all_understood(fake_api: FakeBotAPI) -> None:
    fake_api.user(ALICE)
    url = f"{fake_api.base_url}{fake_api.token}/sendMessage"
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json={"chat_id": ALICE, "text": "123"}) as response:
            body = await response.json()
        assert body["ok"] is True
        assert body["result"]["text"] == "123"
        async with session.post(url, data={"chat_id": str(ALICE), "text": "[1]"}) as response:
            assert (await response.json())["result"]["text"] == "[1]"
        async with session.get(url, params={"chat_id": str(ALICE), "text": "q"}) as response:
            assert (await response.json())["result"]["text"] == "q"
    assert [m.text for m in fake_api.sent_messages(ALICE)] == ["123", "[1]", "q"]


async def test_tokens_are_checked_like_telegram(fake_api: FakeBotAPI) -> None:
    wrong_token = "654321:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
    with pytest.raises(InvalidToken, match="rejected"):
        async with Bot(wrong_token, base_url=fake_api.base_url):
            pass
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{fake_api.base_url}{wrong_token}/getMe") as response:
            assert response.status == 401
            assert (await response.json())["description"] == "Unauthorized"
        async with session.post(f"{fake_api.base_url}654321:short/getMe") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
    assert fake_api.calls() == []


async def test_unknown_method_is_404_and_a_violation(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.expect_violations("unknown_method")
    with pytest.raises(EndPointNotFound):
        await fake_bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": ALICE})
    [violation] = fake_api.violations
    assert violation.method == "sendTelepathy"
    assert violation.description == "Not Found: sendTelepathy is not a Bot API method"
    # A real method the fake lacks: PTB maps Telegram's 404 to InvalidToken.
    fake_api.user(ALICE)
    with pytest.raises(InvalidToken, match="Not Found"):
        await fake_bot.send_poll(ALICE, "Sore hips?", ["yes", "no"])
    assert "FakeBotAPI does not implement" in fake_api.violations[1].description


# ------------------------------------------------------------------------------------------
# text limits
# ------------------------------------------------------------------------------------------


async def test_empty_and_too_long_text(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("text_empty", "text_too_long")
    with pytest.raises(BadRequest, match=r"^Message text is empty$"):
        await fake_bot.send_message(ALICE, "  \n ")
    with pytest.raises(BadRequest, match=r"^Message is too long$"):
        await fake_bot.send_message(ALICE, "a" * 4097)
    await fake_bot.send_message(ALICE, "a" * 4096)
    # Tags do not count; entities count as the character they stand for.
    await fake_bot.send_message(ALICE, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    await fake_bot.send_message(ALICE, "&amp;" * 4096, parse_mode="HTML")
    assert [v.kind for v in fake_api.violations] == ["text_empty", "text_too_long"]


async def test_length_is_counted_in_utf16_code_units(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("text_too_long")
    assert utf16_len("😀") == 2
    await fake_bot.send_message(ALICE, "😀" * 2048)  # 2048 characters, 4096 UTF-16 units
    with pytest.raises(BadRequest, match=r"^Message is too long$"):
        await fake_bot.send_message(ALICE, "😀" * 2049)  # only 2049 characters, but 4098 units
    sent = await fake_bot.send_message(ALICE, "ü <b>😀 go</b>", parse_mode="HTML")
    [bold] = sent.entities
    assert (bold.offset, bold.length) == (2, 5)


async def test_caption_limit(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("caption_too_long")
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await fake_bot.send_document(ALICE, b"x", filename="a.txt", caption="c" * 1025)
    await fake_bot.send_document(ALICE, b"x", filename="a.txt", caption="c" * 1024)


# ------------------------------------------------------------------------------------------
# HTML parse mode
# ------------------------------------------------------------------------------------------


async def test_escaped_user_text_is_accepted(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    name = "<b>Bob</b> & co"
    sent = await fake_bot.send_message(ALICE, f"Hi <b>{html.escape(name)}</b>!", parse_mode="HTML")
    assert sent.text == "Hi <b>Bob</b> & co!"
    assert fake_api.sent_messages(ALICE)[0].entities == [
        {"type": "bold", "offset": 3, "length": 15}
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Hi <b>Bob</b> & co", 'character "&" at byte offset 14 must be escaped'),
        ("<script>alert(1)</script>", 'unsupported start tag "script" at byte offset 0'),
        ("<b>unclosed", 'can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "unexpected end tag at byte offset 1"),
        ("1 < 2", 'unsupported start tag "" at byte offset 2'),
        ("&nbsp;", "unsupported html entity"),
        ('<span class="red">x</span>', 'tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_invalid_html_is_rejected(
    fake_api: FakeBotAPI, fake_bot: Bot, text: str, error: str
) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("entity_parse")
    with pytest.raises(BadRequest) as raised:
        await fake_bot.send_message(ALICE, text, parse_mode="HTML")
    # PTB drops "Bad Request: " and capitalize()s the rest, lower-casing everything after.
    assert raised.value.message.startswith("Can't parse entities: ")
    assert error in raised.value.message
    assert fake_api.sent_messages(ALICE) == []


async def test_lenient_html_keeps_a_bare_ampersand_like_telegram(
    fake_api: FakeBotAPI, fake_bot: Bot
) -> None:
    fake_api.user(ALICE)
    fake_api.strict_html = False
    sent = await fake_bot.send_message(ALICE, "<b>Bob</b> & co", parse_mode="HTML")
    assert sent.text == "Bob & co"


@pytest.mark.parametrize(
    ("source", "text", "entities"),
    [
        ("plain", "plain", []),
        ("a &lt;b&gt; &amp; &quot;c&quot; &#128512; &#x41;", 'a <b> & "c" 😀 A', []),
        (
            "<b>bold <i>both</i></b>",
            "bold both",
            [
                {"type": "bold", "offset": 0, "length": 9},
                {"type": "italic", "offset": 5, "length": 4},
            ],
        ),
        (
            '<a href="https://example.org/?a=1&amp;b=2">link</a>',
            "link",
            [
                {
                    "type": "text_link",
                    "url": "https://example.org/?a=1&b=2",
                    "offset": 0,
                    "length": 4,
                }
            ],
        ),
        (
            '<pre><code class="language-python">x = 1</code></pre>',
            "x = 1",
            [{"type": "pre", "offset": 0, "length": 5, "language": "python"}],
        ),
        (
            '<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>',
            "ab",
            [
                {"type": "spoiler", "offset": 0, "length": 1},
                {"type": "spoiler", "offset": 1, "length": 1},
            ],
        ),
        (
            "<blockquote expandable>q</blockquote><s>s</s><u>u</u><code>c</code>",
            "qsuc",
            [
                {"type": "expandable_blockquote", "offset": 0, "length": 1},
                {"type": "strikethrough", "offset": 1, "length": 1},
                {"type": "underline", "offset": 2, "length": 1},
                {"type": "code", "offset": 3, "length": 1},
            ],
        ),
        ("a > b\n<B>x</B>", "a > b\nx", [{"type": "bold", "offset": 6, "length": 1}]),
    ],
)
def test_html_parser_accepts_telegram_markup(
    source: str, text: str, entities: list[dict[str, Any]]
) -> None:
    parsed = parse_html(source)
    assert parsed.text == text
    assert parsed.entities == entities


def test_html_parser_reports_utf8_byte_offsets() -> None:
    with pytest.raises(ApiError) as raised:
        parse_html("ü😀 <x>")
    assert raised.value.description == (
        'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 7'
    )


# ------------------------------------------------------------------------------------------
# reply markup, chats
# ------------------------------------------------------------------------------------------


async def test_callback_data_over_64_bytes_is_rejected(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("button_data")
    with pytest.raises(BadRequest, match=r"^Button_data_invalid$"):
        await fake_bot.send_message(ALICE, "pick", reply_markup=keyboard("x" * 65))
    with pytest.raises(BadRequest, match=r"^Button_data_invalid$"):
        await fake_bot.send_message(ALICE, "pick", reply_markup=keyboard("é" * 33))  # 66 bytes
    await fake_bot.send_message(ALICE, "pick", reply_markup=keyboard("x" * 64))
    await fake_bot.send_message(ALICE, "pick", reply_markup=keyboard("é" * 32))
    assert len(fake_api.violations) == 2


async def test_keyboard_shape_limits(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("too_many_buttons", "bad_button")
    many = InlineKeyboardMarkup(
        [[InlineKeyboardButton(str(i), callback_data=str(i)) for i in range(10)]] * 10
        + [[InlineKeyboardButton("101", callback_data="101")]]
    )
    with pytest.raises(BadRequest, match=r"^Reply markup is too long$"):
        await fake_bot.send_message(ALICE, "pick", reply_markup=many)
    with pytest.raises(BadRequest, match=r"^Button_text_invalid$"):
        await fake_bot.send_message(
            ALICE, "pick", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(" ", "x")]])
        )


async def test_unknown_chat(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.expect_violations("chat_not_found")
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await fake_bot.send_message(4242, "hello?")
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await fake_bot.send_message("@nobody", "hello?")
    # A chat becomes known once a message from it was pushed.
    await fake_api.push_update(
        {
            "message": {
                "message_id": 7,
                "date": 0,
                "chat": {"id": 4242, "type": "private", "first_name": "Raw"},
                "from": {"id": 4242, "is_bot": False, "first_name": "Raw"},
                "text": "hi",
            }
        }
    )
    sent = await fake_bot.send_message(4242, "hello!", reply_to_message_id=7)
    assert sent.message_id == 8
    assert sent.reply_to_message is not None
    assert sent.reply_to_message.text == "hi"


# ------------------------------------------------------------------------------------------
# edits and deletes
# ------------------------------------------------------------------------------------------


async def test_edit_message_text(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("not_modified", "edit_not_found")
    sent = await fake_bot.send_message(
        ALICE, "<b>v1</b>", parse_mode="HTML", reply_markup=keyboard("a")
    )

    with pytest.raises(BadRequest) as raised:
        # Same rendered text and entities (<strong> is <b>), same keyboard: not modified.
        await fake_bot.edit_message_text(
            "<strong>v1</strong>",
            ALICE,
            sent.message_id,
            parse_mode="HTML",
            reply_markup=keyboard("a"),
        )
    assert raised.value.message == (
        "Message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message"
    )
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await fake_bot.edit_message_text("v2", ALICE, sent.message_id + 100)

    edited = await fake_bot.edit_message_text(
        "v2", ALICE, sent.message_id, reply_markup=keyboard("b")
    )
    assert isinstance(edited, type(sent))
    assert edited.text == "v2"
    assert edited.edit_date is not None
    # Leaving reply_markup out removes the keyboard, so this is a change too.
    await fake_bot.edit_message_text("v2", ALICE, sent.message_id)

    [message] = fake_api.sent_messages(ALICE)
    assert message.text == "v2"
    assert message.reply_markup is None
    assert message.history == [
        ("<b>v1</b>", {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}),
        ("v2", {"inline_keyboard": [[{"text": "b", "callback_data": "b"}]]}),
    ]
    assert [v.kind for v in fake_api.violations] == ["not_modified", "edit_not_found"]


async def test_edit_reply_markup_and_delete(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("not_modified", "delete_not_found")
    sent = await fake_bot.send_message(ALICE, "q", reply_markup=keyboard("a"))
    await fake_bot.edit_message_reply_markup(ALICE, sent.message_id, reply_markup=keyboard("b"))
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await fake_bot.edit_message_reply_markup(ALICE, sent.message_id, reply_markup=keyboard("b"))
    assert await fake_bot.delete_message(ALICE, sent.message_id)
    with pytest.raises(BadRequest, match=r"^Message to delete not found$"):
        await fake_bot.delete_message(ALICE, sent.message_id)
    assert fake_api.sent_messages(ALICE) == []
    assert fake_api.sent_messages(ALICE, include_deleted=True)[0].deleted


# ------------------------------------------------------------------------------------------
# callback queries
# ------------------------------------------------------------------------------------------

QUERY_TOO_OLD = "Query is too old and response timeout expired or query id is invalid"


async def test_callback_answers(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE)
    fake_api.expect_violations("callback_query")
    sent = await fake_bot.send_message(ALICE, "Done?", reply_markup=keyboard("yes", "no"))
    update = await alice.press(sent, "yes")
    query_id = update["callback_query"]["id"]

    assert await fake_bot.answer_callback_query(query_id, text="Logged")
    assert fake_api.callback_answer(query_id) == {"text": "Logged"}
    with pytest.raises(BadRequest, match=f"^{QUERY_TOO_OLD}$"):
        await fake_bot.answer_callback_query(query_id)  # the same query twice
    with pytest.raises(BadRequest, match=f"^{QUERY_TOO_OLD}$"):
        await fake_bot.answer_callback_query("1234")  # never sent

    fake_api.callback_answer_deadline = 0.05
    late = await alice.press(sent, "no")
    await asyncio.sleep(0.1)
    with pytest.raises(BadRequest, match=f"^{QUERY_TOO_OLD}$"):
        await fake_bot.answer_callback_query(late["callback_query"]["id"])
    assert len(fake_api.violations) == 3


async def test_press_checks_the_button_exists(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE)
    sent = await fake_bot.send_message(ALICE, "Done?", reply_markup=keyboard("yes"))
    with pytest.raises(ValueError, match="no button"):
        await alice.press(sent.message_id, "maybe")
    update = await alice.press(sent.message_id, "maybe", strict=False)
    assert update["callback_query"]["data"] == "maybe"


# ------------------------------------------------------------------------------------------
# fault injection
# ------------------------------------------------------------------------------------------


async def test_injected_429_raises_retry_after(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.fail_next("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as raised:
        await fake_bot.send_message(ALICE, "hi")
    assert raised.value.retry_after == dtm.timedelta(seconds=7)  # fixture sets PTB_TIMEDELTA
    call = fake_api.calls("sendMessage")[0]
    assert call.status == 429
    assert call.response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    await fake_bot.send_message(ALICE, "hi")  # only the next call fails
    assert fake_api.violations == []  # injected faults are not the bot's fault


async def test_blocked_chat_is_forbidden(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    group = fake_api.group(-1001234567890, "Runners")
    fake_api.block(ALICE, notify=True)
    fake_api.block(group.chat_id)
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was blocked by the user$"):
        await fake_bot.send_message(ALICE, "still there?")
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was blocked by the user$"):
        await fake_bot.send_chat_action(ALICE, "typing")
    with pytest.raises(Forbidden, match=r"^Forbidden: bot was kicked from the supergroup chat$"):
        await fake_bot.send_message(group.chat_id, "hello?")
    [update] = await fake_bot.get_updates()
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    fake_api.unblock(ALICE)
    await fake_bot.send_message(ALICE, "welcome back")
    assert fake_api.violations == []


async def test_502_from_the_proxy_is_a_plain_network_error(
    fake_api: FakeBotAPI, fake_bot: Bot
) -> None:
    fake_api.user(ALICE)
    fake_api.fail_next("sendMessage", status=502)
    with pytest.raises(NetworkError) as raised:
        await fake_bot.send_message(ALICE, "hi")
    # Not the BadRequest subclass: PTB reports the status and the unparsable HTML body.
    assert type(raised.value) is NetworkError
    assert raised.value.message.startswith("Bad Gateway (502). Parsing the server response")
    assert "502 Bad Gateway" in raised.value.message
    assert fake_api.calls("sendMessage")[0].response is None


async def test_other_injected_faults(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    group = fake_api.group(-4001, "Old group")
    fake_api.fail_next("sendMessage", status=400, migrate_to_chat_id=-1004001)
    with pytest.raises(ChatMigrated) as migrated:
        await fake_bot.send_message(group.chat_id, "hi")
    assert migrated.value.new_chat_id == -1004001

    fake_api.fail_next("*", status=500)
    with pytest.raises(NetworkError, match=r"^Internal Server Error$"):
        await fake_bot.get_me()

    fake_api.delay_next("getMe", 0.5)
    with pytest.raises(TimedOut):
        await fake_bot.get_me(read_timeout=0.1)
    fake_api.delay_next("getMe", 0.2)
    assert (await fake_bot.get_me()).is_bot  # slow but fine


async def test_rate_limits(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.user(ALICE + 1)
    fake_api.expect_violations("rate_limit")
    fake_api.enforce_rate_limits = True
    for _ in range(3):  # a short burst is fine
        await fake_bot.send_message(ALICE, "hi")
    with pytest.raises(RetryAfter) as raised:
        await fake_bot.send_message(ALICE, "hi")
    assert raised.value.retry_after == dtm.timedelta(seconds=1)
    await fake_bot.send_message(ALICE + 1, "other chats are not affected")
    [violation] = fake_api.violations
    assert violation.kind == "rate_limit"
    assert violation.description == "Too Many Requests: retry after 1"


# ------------------------------------------------------------------------------------------
# files
# ------------------------------------------------------------------------------------------


async def test_document_upload_is_recorded(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    content = bytes(range(256)) * 10
    sent = await fake_bot.send_document(
        ALICE, content, filename="plan.pdf", caption="Your <i>week</i>", parse_mode="HTML"
    )
    assert sent.document is not None
    assert sent.document.file_name == "plan.pdf"
    assert sent.document.file_size == len(content)
    assert sent.caption == "Your week"

    [message] = fake_api.sent_messages(ALICE)
    assert message.kind == "document"
    assert message.caption == "Your <i>week</i>"
    assert message.file is not None
    assert message.file.filename == "plan.pdf"
    assert message.file.content == content

    [call] = fake_api.calls("sendDocument")
    assert call.files["document"].content == content
    assert call.params["caption"] == "Your <i>week</i>"

    downloaded = await (await sent.document.get_file()).download_as_bytearray()
    assert bytes(downloaded) == content
    # Sending it again by file_id needs no upload.
    again = await fake_bot.send_document(ALICE, sent.document.file_id)
    assert again.document is not None
    assert again.document.file_unique_id == sent.document.file_unique_id


async def test_photo_upload_and_file_errors(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("file_empty", "bad_file_id", "file_too_big")
    sent = await fake_bot.send_photo(ALICE, b"\xff\xd8jpeg\xff\xd9", caption="form check")
    assert sent.photo
    [photo] = fake_api.sent_messages(ALICE)
    assert photo.kind == "photo"
    assert photo.file is not None
    assert photo.file.content == b"\xff\xd8jpeg\xff\xd9"
    with pytest.raises(BadRequest, match=r"^File must be non-empty$"):
        await fake_bot.send_document(ALICE, b"", filename="empty.txt")
    with pytest.raises(BadRequest, match=r"^Wrong file identifier/http url specified$"):
        await fake_bot.send_document(ALICE, "no-such-file-id")
    with pytest.raises(BadRequest, match=r"^Photo_save_file_invalid$"):
        await fake_bot.send_photo(ALICE, b"x" * (10 * 1024 * 1024 + 1))


# ------------------------------------------------------------------------------------------
# updates
# ------------------------------------------------------------------------------------------


async def test_long_polling(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE)
    started = time.monotonic()
    assert await fake_bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9

    poll = asyncio.create_task(fake_bot.get_updates(timeout=10))
    await asyncio.sleep(0.1)
    started = time.monotonic()
    await alice.send_text("hi")
    [update] = await poll
    assert time.monotonic() - started < 1
    assert update.message is not None
    assert update.message.text == "hi"

    # Unconfirmed updates come again; an offset past them confirms and drops them.
    again = await fake_bot.get_updates()
    assert [u.update_id for u in again] == [update.update_id]
    assert await fake_bot.get_updates(offset=update.update_id + 1) == ()
    assert fake_api.pending_updates == []


async def test_limit_offset_and_allowed_updates(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE)
    sent = await fake_bot.send_message(ALICE, "?", reply_markup=keyboard("ok"))
    for text in ("one", "two", "three"):
        await alice.send_text(text)
    await alice.press(sent, "ok")

    first = await fake_bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["one", "two"]
    rest = await fake_bot.get_updates(
        offset=first[-1].update_id + 1, allowed_updates=["callback_query"]
    )
    assert [u.callback_query.data for u in rest if u.callback_query] == ["ok"]
    assert all(u.update_id > first[-1].update_id for u in rest)


async def test_duplicate_update_delivery(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE)
    pushed = await alice.send_text("log 5k")
    [update] = await fake_bot.get_updates()
    assert await fake_bot.get_updates(offset=update.update_id + 1) == ()

    await fake_api.push_duplicate(pushed["update_id"])
    [duplicate] = await fake_bot.get_updates(offset=update.update_id + 1)
    assert duplicate.update_id == update.update_id
    assert duplicate.message is not None
    assert duplicate.message.text == "log 5k"
    assert await fake_bot.get_updates(offset=update.update_id + 1) == ()
    assert [u["update_id"] for u in fake_api.delivered_updates] == [update.update_id] * 2


async def test_user_actions_are_well_formed_updates(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    alice = fake_api.user(ALICE, "Alice", username="alice_runs")
    group = fake_api.group(-1009876, "Hip club")
    first = await alice.send_command("/start", "ref42")
    await alice.send_sticker("🔥")
    await alice.send_photo(caption="my squat")
    await alice.send_voice(duration=4, content=b"OggS-voice")
    await alice.send_location(52.52, 13.405)
    await alice.edit_text(first["message"]["message_id"], "/start ref43")
    await alice.in_group(group).send_command("/plan", mention=True)
    await group.member(2002, "Bob").send_text("hello all")

    updates = await fake_bot.get_updates()
    assert len(updates) == 8
    ids = [u.update_id for u in updates]
    assert ids == sorted(ids)
    assert len(set(ids)) == 8
    start, sticker, photo, voice, location, edit, plan, hello = updates
    assert start.message is not None
    assert start.message.text == "/start ref42"
    assert start.message.entities[0].type == "bot_command"
    assert filters.COMMAND.check_update(start)
    assert sticker.message is not None
    assert sticker.message.sticker is not None
    assert sticker.message.sticker.emoji == "🔥"
    assert photo.message is not None
    assert photo.message.photo
    assert photo.message.caption == "my squat"
    assert voice.message is not None
    assert voice.message.voice is not None
    assert voice.message.voice.duration == dtm.timedelta(seconds=4)
    voice_file = await voice.message.voice.get_file()
    assert bytes(await voice_file.download_as_bytearray()) == b"OggS-voice"
    assert location.message is not None
    assert location.message.location is not None
    assert location.message.location.latitude == pytest.approx(52.52)
    assert edit.edited_message is not None
    assert edit.edited_message.text == "/start ref43"
    assert edit.edited_message.message_id == start.message.message_id
    message_ids = [u.effective_message.message_id for u in updates[:5] if u.effective_message]
    assert message_ids == sorted(message_ids)
    assert plan.message is not None
    assert plan.message.chat.type == "supergroup"
    assert plan.message.text == "/plan@hipcoach_test_bot"
    assert plan.message.from_user is not None
    assert plan.message.from_user.username == "alice_runs"
    assert hello.message is not None
    assert hello.message.from_user is not None
    assert hello.message.from_user.id == 2002
    await fake_bot.send_message(group.chat_id, "Welcome, Bob")


async def test_conflicts(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    assert await fake_bot.set_webhook("https://example.org/hook")
    info = await fake_bot.get_webhook_info()
    assert info.url == "https://example.org/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await fake_bot.get_updates()
    assert await fake_bot.delete_webhook()

    # A second poller (another bot instance) terminates the first one's long poll.
    other = Bot(fake_api.token, base_url=fake_api.base_url)
    async with other:
        first = asyncio.create_task(fake_bot.get_updates(timeout=5))
        await asyncio.sleep(0.1)
        assert await other.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first


async def test_commands(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.expect_violations("bad_command")
    await fake_bot.set_my_commands([("today", "Today's session"), ("log", "Log a run")])
    assert [c.command for c in await fake_bot.get_my_commands()] == ["today", "log"]
    assert fake_api.commands()[0] == {"command": "today", "description": "Today's session"}
    assert await fake_bot.get_my_commands(language_code="de") == ()
    with pytest.raises(BadRequest, match=r"^Bot_command_invalid$"):
        await fake_bot.set_my_commands([("Today", "capitalised")])
    assert await fake_bot.delete_my_commands()
    assert await fake_bot.get_my_commands() == ()


async def test_chat_action(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)
    fake_api.expect_violations("bad_action")
    assert await fake_bot.send_chat_action(ALICE, "typing")
    with pytest.raises(BadRequest, match=r"^Wrong parameter action in request$"):
        await fake_bot.send_chat_action(ALICE, "dancing")


# ------------------------------------------------------------------------------------------
# waiting and the fixture
# ------------------------------------------------------------------------------------------


async def test_wait_for(fake_api: FakeBotAPI, fake_bot: Bot) -> None:
    fake_api.user(ALICE)

    async def later() -> None:
        await asyncio.sleep(0.1)
        await fake_bot.send_message(ALICE, "one")
        await fake_bot.send_message(ALICE, "two")

    task = asyncio.create_task(later())
    call = await fake_api.wait_for(lambda c: c.params.get("text") == "two", timeout=2)
    assert call.method == "sendMessage"
    messages = await fake_api.wait_for_messages(ALICE, 2, timeout=2)
    assert [m.text for m in messages] == ["one", "two"]
    await task
    with pytest.raises(TimeoutError, match="waiting for 3 message"):
        await fake_api.wait_for_messages(ALICE, 3, timeout=0.1)


async def test_violations_fail_the_fixture_unless_expected() -> None:
    async with FakeBotAPI() as api:
        bot = Bot(api.token, base_url=api.base_url)
        async with bot:
            with pytest.raises(BadRequest):
                await bot.send_message(ALICE, "nobody here")
        with pytest.raises(pytest.fail.Exception, match="chat not found"):
            check_violations(api)
        api.expect_violations("chat_not_found")
        check_violations(api)


# ------------------------------------------------------------------------------------------
# a real Application, polling
# ------------------------------------------------------------------------------------------


async def test_application_polls_and_replies_in_order(fake_api: FakeBotAPI) -> None:
    app = (
        ApplicationBuilder()
        .token(fake_api.token)
        .base_url(fake_api.base_url)
        .base_file_url(fake_api.base_file_url)
        .build()
    )

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Ready?", reply_markup=keyboard("go", "later"))

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        assert update.message.text is not None
        await update.message.reply_text(
            f"echo: <i>{html.escape(update.message.text)}</i>", parse_mode="HTML"
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Let's go")
        await query.edit_message_text(f"You chose {query.data}")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(pressed))

    alice = fake_api.user(ALICE, "Alice")
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        await alice.send_command("/start")
        [ready] = await fake_api.wait_for_messages(ALICE, 1)
        await alice.send_text("5 km easy")
        await alice.send_text("<3 & hips")
        await alice.press(ready, "go")
        await fake_api.wait_for(method="editMessageText")
        messages = await fake_api.wait_for_messages(ALICE, 3)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    assert [m.plain_text for m in messages] == [
        "You chose go",
        "echo: 5 km easy",
        "echo: <3 & hips",
    ]
    assert messages[0].reply_markup is None  # the edit dropped the keyboard
    [answer] = fake_api.calls("answerCallbackQuery")
    assert answer.ok
    assert fake_api.calls("deleteWebhook")  # polling bootstrap
    assert fake_api.pending_updates == []  # PTB confirmed everything when stopping
    assert all(call.status == 200 for call in fake_api.calls("getUpdates"))
    assert fake_api.violations == []
