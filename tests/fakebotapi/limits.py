"""Pure checks against Telegram's documented limits, with Telegram's own error descriptions.

Every check raises :class:`ApiError` carrying the HTTP status and the description the real Bot
API returns, plus a short ``kind`` the fake files the breach under in ``api.violations``.
"""

from __future__ import annotations

import json
import math
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

MAX_TEXT = 4096  # sendMessage / editMessageText, UTF-16 code units after entity parsing
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes, UTF-8
MAX_INLINE_BUTTONS = 100
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_COMMANDS = 100

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


class ApiError(Exception):
    """A Bot API error response: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(
        self,
        status: int,
        description: str,
        kind: str,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.kind = kind
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str, kind: str) -> ApiError:
    """A 400 with ``Bad Request: `` prefixed to ``description``."""
    return ApiError(400, f"Bad Request: {description}", kind)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts text and entity offsets in."""
    return len(text.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------------------------
# HTML parse mode
# --------------------------------------------------------------------------------------------

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
ALLOWED_TAGS = frozenset({*_SIMPLE_TAGS, "a", "span", "blockquote", "tg-emoji"})
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NEWLINE = re.compile("\n")
_DATA_PROBLEM = re.compile("[<&]")  # the first one decides the error, as TDLib reports it
_LESS_THAN = re.compile("<")


@dataclass
class ParsedText:
    """Text after entity parsing, with the entities Telegram would return (UTF-16 offsets)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Open:
    tag: str
    offset: int
    entity: dict[str, Any] | None


class _TelegramHTML(HTMLParser):
    """Telegram's HTML subset on top of :class:`html.parser.HTMLParser`.

    Errors mirror TDLib's wording ("Unsupported start tag", "Unmatched end tag", "Can't find end
    tag corresponding to start tag") with UTF-8 byte offsets. With ``strict`` a bare ``&`` or an
    entity without ``;`` is an error too (Telegram itself keeps such an ``&`` literally).
    """

    def __init__(self, source: str, *, strict: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.strict = strict
        self.out: list[str] = []
        self.length = 0  # UTF-16 length of the output so far
        self.stack: list[_Open] = []
        self.entities: list[dict[str, Any]] = []
        self._line_starts = [0, *(found.end() for found in _NEWLINE.finditer(source))]

    # -- positions ---------------------------------------------------------------------------

    def _index(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def _fail(self, message: str) -> ApiError:
        return bad_request(f"can't parse entities: {message}", "entity_parse")

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.length += utf16_len(text)

    # -- handlers ----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            offset = self._byte_offset(self._index())
            raise self._fail(f'Unsupported start tag "{tag}" at byte offset {offset}')
        values = {name: value or "" for name, value in attrs}
        entity: dict[str, Any] | None
        if tag in _SIMPLE_TAGS:
            entity = {"type": _SIMPLE_TAGS[tag]}
            language = values.get("class", "")
            if tag == "code" and language.startswith("language-"):
                entity["language"] = language.removeprefix("language-")
        elif tag == "span":
            if values.get("class") != "tg-spoiler":
                offset = self._byte_offset(self._index())
                raise self._fail(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
            entity = {"type": "spoiler"}
        elif tag == "a":
            href = values.get("href", "")
            entity = {"type": "text_link", "url": href} if href else None
        elif tag == "blockquote":
            kind = "expandable_blockquote" if "expandable" in values else "blockquote"
            entity = {"type": kind}
        else:  # tg-emoji
            emoji_id = values.get("emoji-id", "")
            entity = {"type": "custom_emoji", "custom_emoji_id": emoji_id} if emoji_id else None
        self.stack.append(_Open(tag, self.length, entity))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        offset = self._byte_offset(self._index())
        raise self._fail(f'Unsupported start tag "{tag}/" at byte offset {offset}')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            offset = self._byte_offset(self._index())
            raise self._fail(f"Unexpected end tag at byte offset {offset}")
        top = self.stack[-1]
        if tag != top.tag:
            offset = self._byte_offset(self._index())
            raise self._fail(
                f'Unmatched end tag at byte offset {offset}, expected "</{top.tag}>", '
                f'found "</{tag}>"'
            )
        self.stack.pop()
        if top.entity is not None and self.length > top.offset:
            self.entities.append(
                {**top.entity, "offset": top.offset, "length": self.length - top.offset}
            )

    def handle_data(self, data: str) -> None:
        found = _DATA_PROBLEM.search(data) if self.strict else _LESS_THAN.search(data)
        if found is not None:
            index = self._index() + found.start()
            offset = self._byte_offset(index)
            if found.group() == "&":
                raise self._fail(
                    f'Character "&" at byte offset {offset} must be escaped as "&amp;"'
                )
            following = self.source[index + 1 : index + 2]
            if following.isalpha() or following == "/":
                raise self._fail(f"Unclosed start tag at byte offset {offset}")
            raise self._fail(f'Unsupported start tag "" at byte offset {offset}')
        self._emit(data)

    def _entity(self, raw_name: str, value: str | None) -> None:
        index = self._index()
        terminated = self.source.startswith(f"&{raw_name};", index)
        if value is not None and (terminated or not self.strict):
            self._emit(value)
            return
        if self.strict:
            offset = self._byte_offset(index)
            problem = "unsupported" if value is None else "unterminated"
            raise self._fail(
                f'Character "&" at byte offset {offset} starts an {problem} HTML entity; '
                "only &lt; &gt; &amp; &quot; and numeric entities are supported"
            )
        # Telegram keeps an unknown entity literally.
        self._emit(f"&{raw_name};" if terminated else f"&{raw_name}")

    def handle_entityref(self, name: str) -> None:
        self._entity(name, _NAMED_ENTITIES.get(name))

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
            value: str | None = (
                chr(code) if 0 < code < 0xD800 or 0xE000 <= code <= 0x10FFFF else None
            )
        except ValueError:
            value = None
        self._entity(f"#{name}", value)

    def _unsupported(self, what: str) -> None:
        offset = self._byte_offset(self._index())
        raise self._fail(f'Unsupported start tag "{what}" at byte offset {offset}')

    def handle_comment(self, data: str) -> None:
        self._unsupported("!--")

    def handle_decl(self, decl: str) -> None:
        self._unsupported("!")

    def unknown_decl(self, data: str) -> None:
        self._unsupported("![")

    def handle_pi(self, data: str) -> None:
        self._unsupported("?")

    def finish(self) -> ParsedText:
        self.close()
        if self.stack:
            raise self._fail(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"'
            )
        return ParsedText("".join(self.out), _merge_pre_code(self.entities))


def _merge_pre_code(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``<pre><code class="language-x">`` is one ``pre`` entity with a language, as in TDLib."""
    pres = {(e["offset"], e["length"]): e for e in entities if e["type"] == "pre"}
    merged: list[dict[str, Any]] = []
    for entity in entities:
        if entity["type"] == "code":
            pre = next(
                (
                    p
                    for (start, length), p in pres.items()
                    if start <= entity["offset"]
                    and entity["offset"] + entity["length"] <= start + length
                ),
                None,
            )
            if pre is not None:
                if "language" in entity and pre["offset"] == entity["offset"]:
                    pre["language"] = entity["language"]
                continue
        merged.append(entity)
    merged.sort(key=lambda e: (e["offset"], -e["length"]))
    return merged


def parse_html(source: str, *, strict: bool = True) -> ParsedText:
    """Parse Telegram-flavoured HTML; raise :class:`ApiError` "can't parse entities: ..."."""
    parser = _TelegramHTML(source, strict=strict)
    parser.feed(source)
    return parser.finish()


def parse_text(text: str, parse_mode: str | None, *, strict_html: bool = True) -> ParsedText:
    """Apply ``parse_mode``; Markdown modes are accepted unchecked (text counted as sent)."""
    if parse_mode is None or parse_mode == "":
        return ParsedText(text)
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text, strict=strict_html)
    if mode in ("markdown", "markdownv2"):
        return ParsedText(text)
    raise bad_request("unsupported parse_mode", "bad_parse_mode")


def check_text(parsed: ParsedText) -> None:
    """Message text must be 1-4096 UTF-16 units after parsing (whitespace-only is empty)."""
    if not parsed.text.strip():
        raise bad_request("message text is empty", "text_empty")
    if utf16_len(parsed.text) > MAX_TEXT:
        raise bad_request("message is too long", "text_too_long")


def check_caption(parsed: ParsedText) -> None:
    """Captions may be empty but at most 1024 UTF-16 units after parsing."""
    if utf16_len(parsed.text) > MAX_CAPTION:
        raise bad_request("message caption is too long", "caption_too_long")


# --------------------------------------------------------------------------------------------
# Reply markup
# --------------------------------------------------------------------------------------------

_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)


def check_reply_markup(markup: Any) -> None:
    """Validate an inline keyboard (other keyboards only need to be JSON objects)."""
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object", "bad_markup")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "inline_keyboard" must be of type Array',
            "bad_markup",
        )
    buttons = [button for row in rows for button in row]
    if len(buttons) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long", "too_many_buttons")
    for button in buttons:
        if not isinstance(button, dict) or "text" not in button:
            raise bad_request(
                "can't parse inline keyboard button: Can't find field \"text\"", "bad_button"
            )
        if not str(button["text"]).strip():
            raise bad_request("BUTTON_TEXT_INVALID", "bad_button")
        if not any(action in button for action in _BUTTON_ACTIONS):
            raise bad_request(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard",
                "bad_button",
            )
        if "callback_data" in button:
            data = button["callback_data"]
            size = len(data.encode("utf-8")) if isinstance(data, str) else 0
            if not 1 <= size <= MAX_CALLBACK_DATA:
                raise bad_request("BUTTON_DATA_INVALID", "button_data")
        if "url" in button and not str(button["url"]).strip():
            raise bad_request("BUTTON_URL_INVALID", "bad_button")


def load_json_field(name: str, value: Any) -> Any:
    """Decode a JSON-serialised parameter (form fields carry objects as JSON strings)."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise bad_request(f"can't parse {name} JSON object", "bad_request") from None


# --------------------------------------------------------------------------------------------
# Flood control
# --------------------------------------------------------------------------------------------


@dataclass
class RateLimits:
    """Token buckets approximating Telegram's broadcast FAQ: ~1 msg/s per chat (short bursts
    allowed), 20 msgs/min per group, 30 msgs/s overall."""

    per_chat_burst: float = 3.0
    per_chat_rate: float = 1.0
    group_burst: float = 20.0
    group_rate: float = 20.0 / 60.0
    global_burst: float = 30.0
    global_rate: float = 30.0


@dataclass
class _Bucket:
    capacity: float
    rate: float
    tokens: float
    updated: float

    def wait(self, now: float) -> float:
        """Refill to ``now``; seconds until one token is available (0 if one is)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


@dataclass
class RateLimiter:
    """Per-chat, per-group and global token buckets; :meth:`take` returns ``retry_after``."""

    limits: RateLimits = field(default_factory=RateLimits)
    _buckets: dict[object, _Bucket] = field(default_factory=dict)

    def _bucket(self, key: object, capacity: float, rate: float, now: float) -> _Bucket:
        if key not in self._buckets:
            self._buckets[key] = _Bucket(capacity, rate, capacity, now)
        return self._buckets[key]

    def take(self, chat_id: int | str, *, is_group: bool, now: float) -> int | None:
        """Consume one message for ``chat_id`` or return the whole seconds to wait."""
        limits = self.limits
        buckets = [
            self._bucket("global", limits.global_burst, limits.global_rate, now),
            self._bucket(("chat", chat_id), limits.per_chat_burst, limits.per_chat_rate, now),
        ]
        if is_group:
            buckets.append(
                self._bucket(("group", chat_id), limits.group_burst, limits.group_rate, now)
            )
        wait = max(bucket.wait(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.tokens -= 1
        return None


@dataclass
class RollingWindow:
    """Telegram's limits read strictly: at most ``overall`` messages in any rolling second,
    and (unless ``per_chat`` is None) at most one per chat in any ``1/per_chat`` seconds.

    Refused messages do not count. :meth:`take` returns ``retry_after`` in whole seconds.
    """

    overall: int = 30
    per_chat: float | None = 1.0
    _accepted: deque[float] = field(default_factory=deque)
    _last_in_chat: dict[int | str, float] = field(default_factory=dict)

    def take(self, chat_id: int | str, *, now: float) -> int | None:
        """Accept one message for ``chat_id`` at ``now``, or return the seconds to wait."""
        while self._accepted and self._accepted[0] <= now - 1.0:
            self._accepted.popleft()
        wait = 0.0
        if len(self._accepted) >= self.overall:
            wait = self._accepted[0] + 1.0 - now
        last = self._last_in_chat.get(chat_id)
        if self.per_chat and last is not None:
            wait = max(wait, last + 1.0 / self.per_chat - now)
        if wait > 0:
            return max(1, math.ceil(wait))
        self._accepted.append(now)
        self._last_in_chat[chat_id] = now
        return None
