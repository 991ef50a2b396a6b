"""A private PostgreSQL cluster for a test: initdb into a temp dir, pg_ctl on a free port.

Restarting or stopping it disturbs no other test. initdb refuses root, so as root the
binaries run as user ``postgres`` (through ``runuser``). Missing binaries skip the test,
unless HIPCOACH_TEST_PG_BIN (the folder with initdb and pg_ctl) is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.ops.processes import free_port, missing

PG_BIN_ENV = "HIPCOACH_TEST_PG_BIN"
_PG_BIN_DEFAULTS = ("/usr/lib/postgresql/*/bin",)


def postgres_bin() -> Path:
    """The folder with initdb and pg_ctl: HIPCOACH_TEST_PG_BIN, PATH or Debian's place."""
    candidates = [os.environ.get(PG_BIN_ENV, "")]
    if on_path := shutil.which("pg_ctl"):
        candidates.append(str(Path(on_path).parent))
    candidates += sorted(
        (str(p) for pattern in _PG_BIN_DEFAULTS for p in Path("/").glob(pattern.lstrip("/"))),
        reverse=True,
    )
    found = next(
        (
            Path(f)
            for f in candidates
            if f and (Path(f) / "initdb").exists() and (Path(f) / "pg_ctl").exists()
        ),
        None,
    )
    if found is None:
        missing("PostgreSQL's initdb and pg_ctl", PG_BIN_ENV)
    return found


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@dataclass
class Postgres:
    """A throw-away cluster of our own: ``restart``, ``stop`` and ``start`` are safe to call."""

    bin: Path
    data: Path
    port: int
    as_user: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.data} -c fsync=off"
        )
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options]
        subprocess.run(
            [*self.as_user, *command, "-l", str(self.data / "server.log"), "-w", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
            cwd=self.data,  # user postgres may not enter ours
        )

    def start(self) -> None:
        self.pg_ctl("start")

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "stop")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "restart")


@contextlib.asynccontextmanager
async def private_postgres() -> AsyncIterator[Postgres]:
    """initdb into a temp dir (as user postgres when we are root), start; remove at the end."""
    folder = postgres_bin()
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        runuser = shutil.which("runuser")
        if runuser is None or not _has_user("postgres"):
            missing("runuser and a user postgres (initdb refuses root)", PG_BIN_ENV)
        as_user = [str(runuser), "-u", "postgres", "--"]
    data = Path(tempfile.mkdtemp(prefix="hipcoach-pg-"))
    if as_user:
        shutil.chown(data, "postgres", "postgres")
    cluster = Postgres(folder, data, free_port(), as_user)
    try:
        await asyncio.to_thread(
            subprocess.run,
            [
                *as_user,
                str(folder / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
            check=True,
            capture_output=True,
            timeout=120,
            cwd=data,
        )
        await asyncio.to_thread(cluster.start)
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            await asyncio.to_thread(cluster.stop, "immediate")
        shutil.rmtree(data, ignore_errors=True)
