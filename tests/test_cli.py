"""The ``hipcoach`` command: one-line errors for user mistakes, and ``run`` end to end."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fakebotapi.server import DEFAULT_TOKEN, FakeBotAPI
from tests.ops.processes import clean_env, start_bot

ROOT = Path(__file__).resolve().parent.parent


def hipcoach(
    *args: str, env: dict[str, str], cwd: Path, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` with a clean environment (no .env from the repo)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=clean_env(**env),
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "does not look like a bot token"),
        (
            {"TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "DATABASE_URL": "mysql://x"},
            "DATABASE_URL",
        ),
        ({"TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        (
            {
                "TELEGRAM_BOT_TOKEN": DEFAULT_TOKEN,
                "DATABASE_URL": "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere",
            },
            "cannot reach the database",
        ),
    ],
)
def test_run_fails_with_one_clear_line(env: dict[str, str], expected: str, tmp_path: Path) -> None:
    result = hipcoach("run", env=env, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_db_upgrade_creates_and_rerun_is_a_no_op(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}"}
    for _ in range(2):
        result = hipcoach("db", "upgrade", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "up to date" in result.stdout
    assert (tmp_path / "coach.db").exists()


def test_chat_in_the_terminal(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    said = "what's today's session?\nleft calf sore 6/10\n/remind 06:45\n3\nquit\n"
    result = hipcoach("chat", "--name", "Ana", env=env, cwd=tmp_path, stdin=said)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Hi Ana" in out
    assert "min" in out  # today's session with its length
    assert "calf" in out
    assert "06:45" in out
    assert "Bye" in out
    again = hipcoach("chat", env=env, cwd=tmp_path, stdin="/settings\nquit\n")
    assert "06:45" in again.stdout  # the same database remembers


async def test_run_polls_answers_and_never_logs_the_token(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_BASE_URL=api.base_url,
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'run.db'}",
            LOG_LEVEL="DEBUG",
        )
        process = await start_bot(
            env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await api.user(99, first_name="Ana").send_text("what's today's session?")
            messages = await api.wait_for_messages(99, 1, timeout=30)
            assert "min" in messages[-1].plain_text
            assert any(command["command"] == "start" for command in api.commands())
        finally:
            process.send_signal(signal.SIGINT)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    log = stderr.decode()
    assert "DEBUG" in log or "INFO" in log
    assert api.token not in log
    assert api.token.split(":")[1] not in log


@pytest.mark.parametrize("webhook", [False, True])
async def test_a_rejected_token_ends_with_one_line_without_it(
    tmp_path: Path, webhook: bool
) -> None:
    wrong = "123456:" + "Z" * 35  # well formed, but not the fake's
    async with FakeBotAPI() as api:
        env = clean_env(
            TELEGRAM_BOT_TOKEN=wrong,
            TELEGRAM_API_BASE_URL=api.base_url,
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'run.db'}",
        )
        if webhook:
            env |= {"WEBHOOK_URL": "https://coach.example.test/hook", "WEBHOOK_SECRET": "s3cret"}
        process = await start_bot(
            env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 1
    assert "hipcoach: Telegram rejected TELEGRAM_BOT_TOKEN" in err.decode()
    assert wrong.split(":")[1].encode() not in out + err
