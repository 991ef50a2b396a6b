"""Pytest fixtures for the fake Bot API.

Register in ``tests/conftest.py`` with ``pytest_plugins = ["tests.fakebotapi.fixtures"]`` (this
also registers the ``fakebotapi_violations`` marker), or import the fixtures into a test module:
``from tests.fakebotapi.fixtures import fake_api, fake_bot``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from tests.fakebotapi.server import FakeBotAPI

VIOLATIONS_MARKER = "fakebotapi_violations"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker when this module is loaded as a plugin."""
    config.addinivalue_line(
        "markers",
        f"{VIOLATIONS_MARKER}(*patterns): the test breaks these Telegram limits on purpose "
        "(kinds or description substrings; no arguments = any)",
    )


def check_violations(api: FakeBotAPI) -> None:
    """Fail the test if the bot broke a Telegram limit it was not expected to break."""
    unexpected = api.unexpected_violations()
    if unexpected:
        lines = "\n".join(f"  {v.method}: {v.description} ({v.kind})" for v in unexpected)
        pytest.fail(f"the bot broke Telegram limits:\n{lines}", pytrace=False)


@pytest.fixture
async def fake_api(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FakeBotAPI]:
    """A started :class:`FakeBotAPI`; fails the test at teardown on unexpected violations.

    Sets ``PTB_TIMEDELTA=1`` so PTB builds ``RetryAfter`` without a deprecation warning (which
    ``filterwarnings = error`` would turn into an exception): ``retry_after`` is a timedelta.
    """
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    api = FakeBotAPI()
    marker = request.node.get_closest_marker(VIOLATIONS_MARKER)
    if marker is not None:
        api.expect_violations(*marker.args)
    async with api:
        yield api
    check_violations(api)


@pytest.fixture
async def fake_bot(fake_api: FakeBotAPI) -> AsyncIterator[Bot]:
    """An initialised PTB :class:`telegram.Bot` talking to ``fake_api``."""
    bot = Bot(fake_api.token, base_url=fake_api.base_url, base_file_url=fake_api.base_file_url)
    async with bot:
        yield bot
