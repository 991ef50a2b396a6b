"""How the bot's requests reach the Bot API: python-telegram-bot's ``BaseRequest`` on aiohttp.

PTB's default transport (``HTTPXRequest``) spends most of a reply's CPU inside httpx and
httpcore; aiohttp's client, with its C parser, does the same request for about half the
cost (``bench/bench_bot.py --diagnose`` shows the difference). aiohttp is already what the
webhook server runs on. ``BaseRequest`` is PTB's documented way to swap the transport:
PTB still builds every request, handles the status codes and parses the answers.

Timeouts keep PTB's meaning as far as aiohttp has them: ``connect_timeout`` bounds opening
a connection, ``pool_timeout`` plus that bounds getting one from the pool, ``read_timeout``
bounds each wait for the answer. aiohttp has no write timeout, so the sum of the four (the
write one included) caps the whole request instead, as a long upload is bounded under
httpx too. A request that times out raises ``TimedOut``, any other failure
``NetworkError``; neither the message nor the error's cause or context carries the URL,
which holds the bot token (aiohttp's own errors do: they are never chained).
"""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache

import aiohttp
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

__all__ = ["AiohttpRequest"]

_URL_SHOWN_AS = "<Bot API URL>"
_HEADERS = {"User-Agent": BaseRequest.USER_AGENT}
_JSON_HEADERS = _HEADERS | {"Content-Type": "application/json"}
#: A timeout as PTB passes it: seconds, None (no limit) or ``BaseRequest.DEFAULT_NONE``.
Timeout = object


class AiohttpRequest(BaseRequest):
    """A Bot API transport on one ``aiohttp.ClientSession`` (made in ``initialize``).

    The defaults are ``HTTPXRequest``'s: 256 pooled connections (use 1 for getUpdates),
    5 s to connect, read and write, 1 s to wait for a free connection, 20 s to upload a
    file.
    """

    __slots__ = ("_defaults", "_media_write_timeout", "_pool_size", "_session")

    def __init__(
        self,
        connection_pool_size: int = 256,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._pool_size = connection_pool_size
        self._defaults = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The read timeout used when a request names none."""
        return self._defaults[0]

    @property
    def closed(self) -> bool:
        """True when no session is open (before ``initialize``, after ``shutdown``)."""
        return self._session is None or self._session.closed

    async def initialize(self) -> None:
        """Open the session (again, after a shutdown)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(  # noqa: PLR0917 - BaseRequest's signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        write_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        connect_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        pool_timeout: Timeout = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; return its status and body (PTB reads both)."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        uploads = bool(request_data and request_data.contains_files)
        read, write, connect, pool = self._defaults
        if uploads:
            write = self._media_write_timeout
        timeout = _timeout(
            _given(read_timeout, read),
            _given(write_timeout, write),
            _given(connect_timeout, connect),
            _given(pool_timeout, pool),
        )
        data = _body(request_data) if request_data else None
        headers = _JSON_HEADERS if isinstance(data, bytes) else _HEADERS
        try:
            async with session.request(
                method, url, data=data, timeout=timeout, headers=headers
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's own timeouts are TimeoutErrors too
            failure: TelegramError = TimedOut(_described(error, url))
        except (aiohttp.ClientError, ValueError, OSError) as error:
            failure = NetworkError(_described(error, url))
        # raised outside the handler: no __cause__ or __context__ holds aiohttp's error
        raise failure from None


def _given(value: Timeout, default: float | None) -> float | None:
    """A timeout the request named, else this transport's default."""
    if value is None or isinstance(value, int | float):
        return value
    return default  # BaseRequest.DEFAULT_NONE: the request named none


@lru_cache(maxsize=64)
def _timeout(
    read: float | None, write: float | None, connect: float | None, pool: float | None
) -> aiohttp.ClientTimeout:
    """PTB's four timeouts as aiohttp's (the few distinct combinations are shared)."""
    parts = (read, write, connect, pool)
    total = None if any(part is None for part in parts) else sum(p for p in parts if p)
    waiting = None if connect is None or pool is None else connect + pool
    return aiohttp.ClientTimeout(total=total, connect=waiting, sock_connect=connect, sock_read=read)


def _body(request_data: RequestData) -> bytes | aiohttp.FormData:
    """The fields as JSON, or as a multipart form when there are files.

    JSON because encoding a long message as a form (``urlencode``) costs more than the rest
    of the request; the Bot API takes both, and PTB's ``json_payload`` is made for this.
    """
    if not request_data.contains_files:
        return request_data.json_payload
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form


def _described(error: BaseException, url: str) -> str:
    """``aiohttp.<Error>: <message>`` with the URL (and so the token) taken out."""
    message = str(error).replace(url, _URL_SHOWN_AS)
    with suppress(ValueError):  # yarl may spell the URL differently; a bad one it can't read
        message = message.replace(str(URL(url)), _URL_SHOWN_AS)
    return f"aiohttp.{type(error).__name__}: {message}" if message else type(error).__name__
