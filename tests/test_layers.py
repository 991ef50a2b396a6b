"""The layers hold: import-linter's contracts (in pyproject.toml) over every module.

``bot``: core → presentation and storage → service → telegram → app and the entry points;
``scheduler`` sits between ``bot.telegram`` and ``bot.app``: it depends on ``bot`` and,
inside ``bot``, only the entry points import it. python-telegram-bot stays in
``bot.telegram`` and the entry points; the core and the presentation do no I/O.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = [
    "bot.cli",
    "bot.runtime",
    "bot.webhook | bot.terminal",
    "bot.app",
    "bot.settings | bot.logs | bot.metrics",
    "scheduler",
    "bot.telegram",
    "bot.service",
    "bot.presentation | bot.storage",
    "bot.core",
]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the tree at ``root`` (its own packages first on the path)."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"  # noqa: E501
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


_NOT_SOURCE = shutil.ignore_patterns("__pycache__", "_content", "_migrations")


def test_the_contract_lists_the_layers_top_down() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = "\n".join(f'    "{layer}",' for layer in LAYERS)
    assert listed in pyproject


def test_every_module_keeps_the_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("bot/core/memo.py", "import bot.storage.models", "Each layer imports only"),
        ("bot/presentation/html.py", "import bot.storage.models", "Each layer imports only"),
        ("bot/storage/dialect.py", "import bot.presentation.render", "Each layer imports only"),
        ("bot/service/sending.py", "import scheduler.sender", "Each layer imports only"),
        ("bot/service/sending.py", "import telegram", "python-telegram-bot lives only"),
        ("bot/core/memo.py", "import sqlalchemy", "do no I/O"),
    ],
)
def test_a_wrong_import_breaks_the_contract(
    tmp_path: Path, module: str, wrong_import: str, contract: str
) -> None:
    for package in ("bot", "scheduler"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_NOT_SOURCE)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout
