"""Test-wide set-up: the fake Bot API fixtures and PTB's timedelta durations."""

from __future__ import annotations

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")

pytest_plugins = ["tests.fakebotapi.fixtures"]
