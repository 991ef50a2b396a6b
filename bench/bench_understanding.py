"""Throughput of bot.core.understanding.understand on one core.

Runs the labelled set (tests/core/understanding_cases.yaml) repeated to about 100,000
messages and prints messages per second, by CPU time (steady when other work shares the
machine) and by wall time. Not a test: run it by hand,
``python bench/bench_understanding.py [--messages N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.understanding import understand

CASES = Path(__file__).resolve().parent.parent / "tests/core/understanding_cases.yaml"


def main() -> None:
    """Time understand() over the labelled set and print the rate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    today = data["today"]
    texts = [str(case["text"]) for case in data["cases"]]
    rounds = max(1, args.messages // len(texts))
    for text in texts:  # warm the typo cache as a long-running bot would have it
        understand(text, today)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            understand(text, today)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = rounds * len(texts)
    print(f"{count} messages, one core")
    each = 1e6 * cpu / count
    print(f"  CPU time  {cpu:.2f} s: {count / cpu:,.0f} messages/s ({each:.1f} µs each)")
    print(f"  wall time {wall:.2f} s: {count / wall:,.0f} messages/s")


if __name__ == "__main__":
    main()
