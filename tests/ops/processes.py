"""Real processes for the operations tests: ``hipcoach run`` and nginx.

Each is an async context manager that stops what it started (and removes its temp dir) even
when the test fails. Binaries that are missing skip the test with a reason, unless the
variable that demands them is set (``.ci/run`` sets them), which turns the skip into a failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import aiohttp
import pytest

from bot.webhook import SECRET_HEADER

NGINX_ENV = "HIPCOACH_TEST_NGINX"
URL = "https://coach.example.test/telegram/hook"
PATH = "/telegram/hook"
SECRET = "ops-s3cret_for-the-tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def required(variable: str) -> bool:
    return os.environ.get(variable, "").strip() not in ("", "0")


def missing(what: str, variable: str) -> NoReturn:
    """Skip (or fail, when ``variable`` demands it) for a missing binary."""
    if required(variable):
        pytest.fail(f"{what} is missing but {variable} is set", pytrace=False)
    pytest.skip(f"not installed: {what} (with {variable} set, this is a failure)")


async def wait_for(check: Any, what: str, within: float = 30.0, pause: float = 0.1) -> Any:
    """Poll the coroutine function ``check`` until it returns something true."""
    deadline = time.monotonic() + within
    while True:
        if result := await check():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(pause)


async def get(http: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    """GET ``url``: status and text, or (0, reason) when nothing answered."""
    try:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=10)) as answer:
            return answer.status, await answer.text()
    except (aiohttp.ClientError, TimeoutError) as error:
        return 0, type(error).__name__


async def post_update(http: aiohttp.ClientSession, url: str, update: Mapping[str, Any]) -> int:
    """POST one update as Telegram does (secret header); its status, 0 when unanswered."""
    try:
        async with http.post(
            url, json=update, headers={SECRET_HEADER: SECRET}, timeout=aiohttp.ClientTimeout(60)
        ) as answer:
            await answer.read()
            return answer.status
    except (aiohttp.ClientError, TimeoutError):
        return 0


# --- hipcoach run ---------------------------------------------------------------------------


@dataclass
class Bot:
    """One ``hipcoach run`` process in webhook mode; stderr goes to ``log_file``."""

    process: asyncio.subprocess.Process
    port: int
    log_file: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    async def healthy(self, http: aiohttp.ClientSession) -> bool:
        return (await get(http, f"{self.base}/healthz"))[0] == 200

    async def stop(self, within: float = 20.0) -> int:
        """SIGTERM, then SIGKILL if it has not exited ``within`` seconds; the exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), within)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        assert self.process.returncode is not None
        return self.process.returncode


#: The bot's own settings: a bot started by a test or bench inherits none of the caller's.
_SETTINGS = ("TELEGRAM_", "DATABASE_", "WEBHOOK_", "SCHEDULER_", "LOG_", "REMINDER_")


def clean_env(**settings: str) -> dict[str, str]:
    """This process's environment without the bot's settings, then ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_SETTINGS)}
    return env | settings


async def start_bot(
    env: Mapping[str, str], *, cwd: Path | None = None, stdout: Any = None, stderr: Any = None
) -> asyncio.subprocess.Process:
    """``python -m bot run`` (what ``hipcoach run`` runs) with ``env``."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=dict(env), cwd=cwd, stdout=stdout, stderr=stderr
    )


def bot_env(api_base_url: str, database_url: str, port: int, **extra: str) -> dict[str, str]:
    """A clean environment (none of the caller's bot settings) for webhook mode."""
    return clean_env(
        TELEGRAM_API_BASE_URL=api_base_url,
        DATABASE_URL=database_url,
        WEBHOOK_URL=URL,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        LOG_JSON="true",
        **extra,
    )


@contextlib.asynccontextmanager
async def running_bot(token: str, env: dict[str, str], folder: Path) -> AsyncIterator[Bot]:
    """Start ``hipcoach run`` with ``env`` (cwd ``folder``); stop it at the end, whatever."""
    name = f"bot-{env['WEBHOOK_PORT']}"
    log_file = folder / f"{name}.log"
    with log_file.open("wb") as stderr:  # a file, not a pipe: nothing can block on it
        process = await start_bot(
            {**env, "TELEGRAM_BOT_TOKEN": token},
            cwd=folder,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
    bot = Bot(process, int(env["WEBHOOK_PORT"]), log_file)
    try:
        yield bot
    finally:
        await bot.stop()


async def serving(bots: list[Bot], http: aiohttp.ClientSession, within: float = 40) -> None:
    """Wait until every bot answers /healthz 200 (fail early if one exits)."""

    async def all_healthy() -> bool:
        for bot in bots:
            if bot.process.returncode is not None:
                raise AssertionError(f"bot exited with {bot.process.returncode}:\n{bot.log()}")
        return all([await bot.healthy(http) for bot in bots])

    await wait_for(all_healthy, "the bots to serve", within)


# --- nginx ----------------------------------------------------------------------------------

_NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream hipcoach {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location /telegram/ {{
            proxy_pass http://hipcoach;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def nginx_binary() -> str:
    """The nginx binary, or skip (fail when HIPCOACH_TEST_NGINX is set)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        missing("nginx", NGINX_ENV)
    return found


@contextlib.asynccontextmanager
async def running_nginx(upstreams: list[int]) -> AsyncIterator[str]:
    """nginx on a free port, round-robin over ``upstreams``; yields its base URL."""
    binary = nginx_binary()
    folder = Path(tempfile.mkdtemp(prefix="hipcoach-nginx-"))
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in upstreams)
    user = "user root;" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(
        _NGINX_CONF.format(dir=folder, user=user, servers=servers, port=port), encoding="utf-8"
    )
    with (folder / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(  # noqa: ASYNC220 - returns at once, nginx runs on
            [binary, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # its own group: the workers go with the master
        )
    try:

        async def listening() -> bool:
            if process.poll() is not None:
                logs = (folder / "stderr.log").read_text() + (folder / "error.log").read_text()
                raise AssertionError(f"nginx exited with {process.returncode}: {logs}")
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0

        await wait_for(listening, "nginx to listen", within=15)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop_group(process)
        shutil.rmtree(folder, ignore_errors=True)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group we started, SIGKILL it if it lingers."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
