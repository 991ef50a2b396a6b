"""Webhook mode against the fake Bot API: secret, ack after commit, health, metrics, drain."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr
from telegram.error import NetworkError

from bot.app import (
    Services,
    build_application,
    build_services,
    instance_name,
    prepare_database,
)
from bot.settings import Settings, SettingsError, load_settings
from bot.telegram.ordering import ChatLocks
from bot.telegram.transport import AiohttpRequest
from bot.webhook import SECRET_HEADER, Retry, WebhookServer, WebhookUnavailable
from bot.webhook import start_webhook as start
from tests.bot.harness import FakeClock, sqlite_url
from tests.fakebotapi.server import FakeBotAPI
from tests.ops.processes import clean_env, free_port, start_bot
from tests.test_cli import hipcoach

URL = "https://coach.example.test/telegram/hook"
PATH = "/telegram/hook"
SECRET = "s3cret_Token-for-the-tests"
FAST = Retry(attempts=3, first_delay=0.01)


def webhook_settings(api: FakeBotAPI, database_url: str) -> Settings:
    return Settings(
        telegram_bot_token=SecretStr(api.token),
        telegram_api_base_url=api.base_url,
        database_url=database_url,
        webhook_url=URL,
        webhook_secret=SecretStr(SECRET),
        webhook_listen="127.0.0.1",
        webhook_port=0,
        scheduler_enabled=False,
    )


@dataclass
class Served:
    api: FakeBotAPI
    server: WebhookServer
    http: aiohttp.ClientSession

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        async with self.http.post(f"{self.base}{PATH}", json=update, headers=headers) as answer:
            return answer.status

    async def get(self, path: str) -> tuple[int, str]:
        async with self.http.get(f"{self.base}{path}") as answer:
            return answer.status, await answer.text()


async def start_served(
    api: FakeBotAPI, settings: Settings, *, migrate: bool = True
) -> tuple[WebhookServer, Services]:
    services = build_services(settings, FakeClock())
    if migrate:
        await prepare_database(settings, services.engine)
    application = build_application(settings, services)
    return await start(settings, services, application, retry=FAST), services


@pytest.fixture
async def served(fake_api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[Served]:
    server, services = await start_served(
        fake_api, webhook_settings(fake_api, sqlite_url(tmp_path))
    )
    try:
        async with aiohttp.ClientSession() as http:
            yield Served(fake_api, server, http)
    finally:
        await server.stop()
        await services.engine.dispose()


def replies(api: FakeBotAPI, chat_id: int) -> int:
    return len(api.calls("sendMessage", chat_id=chat_id))


async def test_the_webhook_is_registered_with_url_and_secret(served: Served) -> None:
    call = served.api.calls("setWebhook")[-1]
    assert call.params["url"] == URL
    assert call.params["secret_token"] == SECRET
    assert "callback_query" in str(call.params["allowed_updates"])
    assert str(call.params.get("drop_pending_updates", "false")).lower() == "false"
    assert served.api.commands()  # post_init ran


async def test_an_update_is_acknowledged_only_after_its_reply(served: Served) -> None:
    update = await served.api.user(99, "Ana").send_text("what's today's session?")
    assert await served.post(update) == 200
    # no waiting: the reply was sent (so the turn committed) before the 200
    assert replies(served.api, 99) >= 1
    assert "min" in served.api.sent_messages(99)[-1].plain_text


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x"])
async def test_a_wrong_or_missing_secret_is_refused(served: Served, secret: str | None) -> None:
    update = await served.api.user(98).send_text("hello")
    assert await served.post(update, secret=secret) == 403
    assert replies(served.api, 98) == 0
    _, text = await served.get("/metrics")
    assert "hipcoach_webhook_rejected_total 1.0" in text


@pytest.mark.parametrize("body", [None, {"no": "update"}])
async def test_a_body_that_is_no_update_is_a_400(served: Served, body: Any) -> None:
    assert await served.post(body) == 400


async def test_a_redelivered_update_gets_one_reply(served: Served) -> None:
    update = await served.api.user(97).send_text("what's today's session?")
    assert await served.post(update) == 200
    sent = replies(served.api, 97)
    assert await served.post(update) == 200
    assert replies(served.api, 97) == sent


async def test_a_failed_send_is_acknowledged_and_the_redelivery_is_safe(served: Served) -> None:
    served.api.fail_next("sendMessage", 502)
    update = await served.api.user(96).send_text("/help")
    assert await served.post(update) == 200  # committed, the reply waits in the outbox
    _, text = await served.get("/metrics")
    assert 'hipcoach_updates_total{outcome="ok"} 1.0' in text
    assert await served.post(update) == 200
    assert not served.api.sent_messages(96)  # the redelivery sent nothing; the retry will


async def test_updates_of_one_chat_are_handled_in_order(served: Served) -> None:
    user = served.api.user(95)
    first, second = await user.send_text("/help"), await user.send_text("/phase")
    served.api.delay_next("sendMessage", 1.0)
    finished: list[int] = []

    async def post(update: dict[str, Any]) -> None:
        assert await served.post(update) == 200
        finished.append(update["update_id"])

    slow = asyncio.create_task(post(first))
    await served.api.wait_for_arrival("sendMessage", chat_id=95)  # its reply is held back
    assert finished == []
    await post(second)
    await slow
    assert finished == [first["update_id"], second["update_id"]]


async def test_chat_locks_serialise_one_key_and_forget_it() -> None:
    locks, order = ChatLocks(), []

    async def hold(key: int, name: str, pause: float) -> None:
        async with locks.hold(key):
            await asyncio.sleep(pause)
            order.append(name)

    await asyncio.gather(hold(1, "a", 0.05), hold(1, "b", 0), hold(2, "c", 0))
    assert order == ["c", "a", "b"]
    assert len(locks) == 0


async def test_healthz_reports_the_database(served: Served) -> None:
    status, text = await served.get("/healthz")
    assert status == 200
    assert json.loads(text) == {"status": "ok", "database": "ok"}


async def test_healthz_is_503_when_the_database_is_down(fake_api: FakeBotAPI) -> None:
    settings = webhook_settings(fake_api, "postgresql+asyncpg://postgres@127.0.0.1:1/x")
    server, services = await start_served(fake_api, settings, migrate=False)
    try:
        async with aiohttp.ClientSession() as http:
            served = Served(fake_api, server, http)
            status, text = await served.get("/healthz")
            assert status == 503
            assert json.loads(text)["database"] == "unavailable"
            status, text = await served.get("/metrics")
            assert status == 200
            assert "hipcoach_database_up 0.0" in text
    finally:
        await server.stop()
        await services.engine.dispose()


async def test_metrics_count_updates_and_read_the_database(served: Served) -> None:
    status, before = await served.get("/metrics")
    assert status == 200
    assert 'hipcoach_updates_total{outcome="ok"} 0.0' in before
    update = await served.api.user(94).send_text("what's today's session?")
    assert await served.post(update) == 200
    _, after = await served.get("/metrics")
    assert 'hipcoach_updates_total{outcome="ok"} 1.0' in after
    assert 'hipcoach_update_duration_seconds_bucket{le="+Inf"} 1.0' in after
    assert "hipcoach_update_duration_seconds_count 1.0" in after
    assert "hipcoach_runners_active 1.0" in after
    assert 'hipcoach_reminders{status="pending"} 0.0' in after
    assert "hipcoach_database_up 1.0" in after


async def test_set_webhook_is_retried_while_the_bot_api_is_down(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    fake_api.fail_next("setWebhook", 502, times=2)
    server, services = await start_served(
        fake_api, webhook_settings(fake_api, sqlite_url(tmp_path))
    )
    await server.stop()
    await services.engine.dispose()
    assert len(fake_api.calls("setWebhook")) == 3


async def test_an_unreachable_bot_api_ends_with_one_line(
    fake_api: FakeBotAPI, tmp_path: Path
) -> None:
    fake_api.fail_next("setWebhook", 502, times=3)
    with pytest.raises(WebhookUnavailable, match="after 3 attempts") as caught:
        await start_served(fake_api, webhook_settings(fake_api, sqlite_url(tmp_path)))
    assert "\n" not in str(caught.value)
    assert fake_api.token not in str(caught.value)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"WEBHOOK_SECRET": "has spaces!"}, "WEBHOOK_SECRET: "),
        ({"WEBHOOK_SECRET": "x" * 257}, "WEBHOOK_SECRET: "),
        ({"WEBHOOK_URL": "http://coach.example.test/hook"}, "WEBHOOK_URL: "),
        ({"WEBHOOK_URL": "https://coach.example.test/healthz"}, "WEBHOOK_URL: "),
    ],
)
def test_bad_webhook_settings_are_one_line(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(expected)
    assert "\n" not in message
    assert "has spaces" not in message


def test_webhook_settings_default_to_polling(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WEBHOOK_URL", "")
    monkeypatch.setenv("WEBHOOK_SECRET", "")
    settings = load_settings()
    assert settings.webhook_url is None
    assert (settings.webhook_listen, settings.webhook_port) == ("0.0.0.0", 8443)
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET is not set"):
        settings.webhook_secret_token()


def test_instances_on_one_host_sign_their_claims_apart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INSTANCE_NAME", "")
    polling = load_settings()
    monkeypatch.setenv("WEBHOOK_URL", URL)
    first = load_settings()
    monkeypatch.setenv("WEBHOOK_PORT", "8082")
    second = load_settings()
    monkeypatch.setenv("INSTANCE_NAME", "coach-a")
    named = load_settings()
    host = socket.gethostname()
    assert instance_name(polling) == host
    assert (instance_name(first), instance_name(second)) == (f"{host}:8443", f"{host}:8082")
    assert instance_name(named) == "coach-a"


def test_run_without_a_secret_stops_with_one_line(tmp_path: Path) -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": FakeBotAPI().token,
        "WEBHOOK_URL": URL,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.db'}",
    }
    result = hipcoach("run", env=env, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "WEBHOOK_SECRET is not set" in lines[0]


async def wait_until_serving(http: aiohttp.ClientSession, base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            async with http.get(f"{base}/healthz") as answer:
                if answer.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("the webhook server never answered /healthz")


async def held_back_reply_arrived(api: FakeBotAPI) -> None:
    """The bot's delayed sendMessage reached the fake (its fault is taken), not yet answered."""
    deadline = time.monotonic() + 30
    while api._faults.get("sendmessage"):
        assert time.monotonic() < deadline, "the update never reached its reply"
        await asyncio.sleep(0.01)


async def test_run_serves_the_webhook_and_drains_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    async with asyncio.timeout(90), FakeBotAPI() as api, aiohttp.ClientSession() as http:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_BASE_URL=api.base_url,
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'run.db'}",
            WEBHOOK_URL=URL,
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
            LOG_LEVEL="DEBUG",
            LOG_JSON="true",
        )
        log_file = tmp_path / "run.log"
        with log_file.open("wb") as stderr:  # a file, not a pipe: DEBUG lines never block it
            process = await start_bot(
                env,
                cwd=tmp_path,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            await wait_until_serving(http, base)
            assert api.calls("setWebhook")[-1].params["url"] == URL
            update = await api.user(99, "Ana").send_text("what's today's session?")
            api.delay_next("sendMessage", 1.5)  # the reply is held back past SIGTERM
            headers = {SECRET_HEADER: SECRET}
            posted = asyncio.create_task(http.post(f"{base}{PATH}", json=update, headers=headers))
            await held_back_reply_arrived(api)
            process.send_signal(signal.SIGTERM)
            answer = await asyncio.wait_for(posted, timeout=30)
            assert answer.status == 200
            answer.release()
            assert replies(api, 99) == 1  # the held-back reply went out before the 200
            await asyncio.wait_for(process.wait(), timeout=30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    log = log_file.read_text(encoding="utf-8")
    assert process.returncode == 0, log
    assert all(json.loads(line) for line in log.splitlines())
    assert api.token not in log
    assert api.token.split(":")[1] not in log
    assert SECRET not in log
    assert not api.calls("deleteWebhook")  # other instances may still serve it


async def test_a_failing_update_is_apologised_for_once_however_often_it_comes(
    fake_api: FakeBotAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, services = await start_served(
        fake_api, webhook_settings(fake_api, sqlite_url(tmp_path))
    )
    handle = services.coach.handle_queued

    async def broken(*_: object, **__: object) -> list[object]:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(services.coach, "handle_queued", broken)
    try:
        async with aiohttp.ClientSession() as http:
            served = Served(fake_api, server, http)
            user = fake_api.user(93, "Ana")
            first, second = await user.send_text("/help"), await user.send_text("/phase")
            fake_api.fail_next("sendMessage", 502)  # the first apology does not get through
            assert await served.post(first) == 500
            assert not fake_api.sent_messages(93)
            for _ in range(3):  # Telegram redelivers what got no 200: told now, and only now
                assert await served.post(first) == 500
            assert await served.post(second) == 500
            apologies = [m.plain_text for m in fake_api.sent_messages(93)]
            assert len(apologies) == 2  # one per update, not one per delivery
            assert all("went wrong" in text for text in apologies)
            monkeypatch.setattr(services.coach, "handle_queued", handle)
            assert await served.post(first) == 200  # back to normal: the real reply
            assert "/today" in fake_api.sent_messages(93)[-1].plain_text
    finally:
        await server.stop()
        await services.engine.dispose()


@pytest.mark.parametrize("update_id", [2**63, -(2**63) - 1, 10**30])
async def test_an_update_id_beyond_64_bits_is_acknowledged_and_ignored(
    served: Served, update_id: int
) -> None:
    update = await served.api.user(94).send_text("/help")
    assert await served.post(update | {"update_id": update_id}) == 200
    assert replies(served.api, 94) == 0
    assert await served.post(update) == 200  # the bot carries on
    assert replies(served.api, 94) == 1


async def test_a_failed_start_closes_the_bot_api_sessions(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        settings = webhook_settings(api, sqlite_url(tmp_path))
    services = build_services(settings, FakeClock())  # the Bot API is gone now
    application = build_application(settings, services)
    try:
        with pytest.raises(WebhookUnavailable, match="getMe"):
            await start(settings, services, application, retry=Retry(attempts=1))
    finally:
        await services.engine.dispose()
    assert isinstance(application.bot.request, AiohttpRequest)
    assert application.bot.request.closed


def test_a_failed_polling_start_closes_the_bot_api_sessions(tmp_path: Path) -> None:
    settings = Settings(  # polling, against a Bot API that nothing answers
        telegram_bot_token=SecretStr("123456:" + "a" * 35),
        telegram_api_base_url=f"http://127.0.0.1:{free_port()}/bot",
        database_url=sqlite_url(tmp_path),
        scheduler_enabled=False,
    )
    application = build_application(settings, build_services(settings, FakeClock()))
    asyncio.set_event_loop(asyncio.new_event_loop())  # run_polling runs and closes it
    try:
        with pytest.raises(NetworkError):
            application.run_polling(bootstrap_retries=0)
    finally:
        asyncio.set_event_loop(None)
    assert isinstance(application.bot.request, AiohttpRequest)
    assert application.bot.request.closed
