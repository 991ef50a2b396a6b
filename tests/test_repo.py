"""The repository keeps its promises: README commands, CI script, a clock-free core.

Which layer may import what is import-linter's job (``tests/test_layers.py``)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "bot" / "core"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"^TEST_COMMAND='(.+)'$", ci, re.MULTILINE)
    assert command is not None
    assert command.group(1) in readme


def test_the_core_never_reads_the_clock() -> None:
    for path in CORE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("date.today(", "datetime.now(", "datetime.utcnow(", "time.time("):
            assert forbidden not in source, f"{path.name} calls {forbidden}"


def test_use_cases_and_the_scheduler_leave_html_to_the_presentation() -> None:
    """No markup and no escaping outside bot/presentation: callers pass plain text."""
    markup = re.compile(r"<b>|<i>|</|escape")
    for folder in (ROOT / "bot" / "service", ROOT / "scheduler"):
        for path in folder.rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                assert not markup.search(line), f"{path.relative_to(ROOT)}:{number}: {line}"


def test_the_readme_describes_progress_as_the_bot_does() -> None:
    from bot.service.progress import WEEKS  # noqa: PLC0415 - only this test needs the service

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [row for row in readme.splitlines() if row.startswith("| `/progress`")]
    assert f"last {WEEKS} weeks" in line
    assert "consistency" in line
    assert "four weeks" in line  # the caption's "Last 4 weeks" share, not the chart's span
