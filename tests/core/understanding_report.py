"""Accuracy of bot.core.understanding on the labelled set, per intent and per slot.

Run ``python -m tests.core.understanding_report`` for the table and the misses;
tests/core/test_understanding.py asserts on the same numbers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.core.understanding import Intent, understand

CASES_PATH = Path(__file__).with_name("understanding_cases.yaml")
SLOTS = (
    "area",
    "side",
    "kind",
    "severity",
    "red_flags",
    "effort",
    "reminder_time",
    "race_date",
    "pause_until",
    "timezone_text",
)


@dataclass
class Report:
    """Counts of right answers per intent and per slot, with every miss."""

    intent_total: Counter[str] = field(default_factory=Counter)
    intent_right: Counter[str] = field(default_factory=Counter)
    slot_total: Counter[str] = field(default_factory=Counter)
    slot_right: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def intent_accuracy(self) -> float:
        return sum(self.intent_right.values()) / max(sum(self.intent_total.values()), 1)

    @property
    def slot_accuracy(self) -> float:
        return sum(self.slot_right.values()) / max(sum(self.slot_total.values()), 1)


def load_cases(path: Path = CASES_PATH) -> tuple[date, list[dict[str, Any]]]:
    """The fixed ``today`` and the cases of the labelled set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["today"], data["cases"]


def slot_value(intent: Intent, slot: str) -> Any:
    """A slot of ``intent`` in the YAML's spelling (enums as values, dates as ISO)."""
    report = intent.report
    if slot in {"area", "side", "kind"}:
        return None if report is None else getattr(report, slot).value
    if slot == "severity":
        return None if report is None else report.severity
    if slot == "red_flags":
        return [] if report is None else sorted(flag.value for flag in report.red_flags)
    if slot in {"signs", "fine_areas"}:
        return sorted(str(value) for value in getattr(intent, slot))
    if slot == "reminder_time":
        if intent.reminder_off:
            return "off"
        return None if intent.reminder_time is None else intent.reminder_time.strftime("%H:%M")
    if slot == "race_date":
        if intent.race_off:
            return "off"
        return None if intent.race_date is None else intent.race_date.isoformat()
    if slot == "timezone_text" and intent.timezone_text is not None:
        return intent.timezone_text.split(",")[0]  # "Tokyo, Japan": the city, as GeoNames names it
    if slot == "pause_until":
        return None if intent.pause_until is None else intent.pause_until.isoformat()
    return getattr(intent, slot)


def _expected(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return sorted(value)
    return value


def evaluate(today: date, cases: list[dict[str, Any]]) -> Report:
    """Run every case through understand() and count."""
    report = Report()
    for case in cases:
        text, want = str(case["text"]), str(case["intent"])
        got = understand(text, today)
        report.intent_total[want] += 1
        if got.kind.value == want:
            report.intent_right[want] += 1
        else:
            report.misses.append(f"intent {text!r}: want {want}, got {got.kind.value}")
        for slot in SLOTS:
            if slot not in case:
                continue
            expected, actual = _expected(case[slot]), slot_value(got, slot)
            report.slot_total[slot] += 1
            if expected == actual:
                report.slot_right[slot] += 1
            else:
                report.misses.append(f"{slot} {text!r}: want {expected!r}, got {actual!r}")
    return report


def _row(name: str, right: int, total: int) -> str:
    return f"  {name:<15} {right:>4}/{total:<4} {100 * right / max(total, 1):6.1f}%"


def format_report(report: Report) -> str:
    """The accuracy table, then the misses."""
    lines = ["understanding accuracy", "per intent:"]
    lines += [_row(k, report.intent_right[k], n) for k, n in sorted(report.intent_total.items())]
    total = sum(report.intent_total.values())
    lines.append(_row("ALL INTENTS", sum(report.intent_right.values()), total))
    lines.append("per slot:")
    lines += [_row(k, report.slot_right[k], n) for k, n in sorted(report.slot_total.items())]
    lines.append(
        _row("ALL SLOTS", sum(report.slot_right.values()), sum(report.slot_total.values()))
    )
    if report.misses:
        lines.append("misses:")
        lines += [f"  {miss}" for miss in report.misses]
    return "\n".join(lines)


def main() -> None:
    """Print the table for the labelled set."""
    print(format_report(evaluate(*load_cases())))


if __name__ == "__main__":
    main()
