"""Log output: the token never shows (message, exception chain, stack), PTB requests quiet."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.logs import RedactToken, configure_logging

TOKEN = "123456:SECRET-token_part-for-the-log-tests"
URL = f"http://127.0.0.1:9/bot{TOKEN}/getMe"


@pytest.fixture
def output() -> Iterator[io.StringIO]:
    """Everything the configured root handler writes; logging restored afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


def configured(stream: io.StringIO, **options: object) -> None:
    configure_logging("DEBUG", secret=TOKEN, **options)  # type: ignore[arg-type]
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(stream)


def failure_with_the_url_in_its_chain() -> Exception:
    """A clean error caused by one whose message and args hold the URL (and the token)."""
    try:
        try:
            raise ConnectionError(f"Connection timeout to host {URL}", URL)
        except ConnectionError as error:
            raise RuntimeError("the Bot API did not answer") from error
    except RuntimeError as error:
        return error


@pytest.mark.parametrize("as_json", [False, True])
def test_an_exception_chain_holding_the_token_is_redacted(
    output: io.StringIO, as_json: bool
) -> None:
    configured(output, as_json=as_json)
    log = logging.getLogger("hipcoach.test")
    log.error("request failed", exc_info=failure_with_the_url_in_its_chain())
    log.error("failed: %r", failure_with_the_url_in_its_chain().__cause__)
    log.warning("where we were", stack_info=True, extra={"url": URL})
    try:
        raise ValueError(URL)
    except ValueError:
        log.exception("in a handler")
    text = output.getvalue()
    assert "Connection timeout to host" in text  # the chain is still shown, redacted
    assert "<token>" in text
    assert TOKEN not in text
    assert TOKEN.split(":")[1] not in text
    if as_json:
        entries = [json.loads(line) for line in text.splitlines()]
        assert "<token>" in entries[0]["error"]
        assert "stack" in entries[2]


def test_a_second_secret_is_redacted_from_the_traceback_too(output: io.StringIO) -> None:
    configured(output)
    logging.getLogger().handlers[0].addFilter(RedactToken("webhook-secret-value"))
    try:
        raise ValueError("webhook-secret-value and " + TOKEN)
    except ValueError:
        logging.getLogger("hipcoach.test").exception("failed")
    assert "webhook-secret-value" not in output.getvalue()
    assert TOKEN not in output.getvalue()


HEALTH = "left hip pain 7/10 since the long run"


def ptb_request_lines() -> None:
    """What python-telegram-bot logs at DEBUG around a request and an update."""
    logging.getLogger("telegram.Bot").debug("Calling Bot API endpoint with `%s`", HEALTH)
    logging.getLogger("telegram.ext.ExtBot").debug("Call finished: `%s`", HEALTH)
    logging.getLogger("telegram.ext.Application").debug("Processing update %s", HEALTH)
    logging.getLogger("hipcoach.test").debug("our own debug line")


def test_ptb_request_logging_stays_out_of_debug_output(output: io.StringIO) -> None:
    configured(output)
    ptb_request_lines()
    assert "our own debug line" in output.getvalue()
    assert HEALTH not in output.getvalue()


def test_ptb_request_logging_is_shown_when_asked_for(output: io.StringIO) -> None:
    configured(output, telegram_requests=True)
    ptb_request_lines()
    assert output.getvalue().count(HEALTH) == 3
