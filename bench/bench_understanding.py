"""Throughput of bot.core.understanding.understand on one core.

Runs the labelled set (tests/core/understanding_cases.yaml) to about 100,000 messages and
prints messages per second, by CPU time (steady when other work shares the machine) and by
wall time. By default every message is distinct (each labelled text with two words from
the set's own vocabulary added, no two alike) and every cache is off (the typo cache is
cleared before each message), and it times ``understand_all``, what the bot runs (clauses
included). ``--repeat`` runs the labelled set as it is with warm caches, as before.
It measures the bot as installed: compiled by mypyc after the README's run command (a
wheel), pure Python after the test command (editable); it prints which.
Not a test: run it by hand, ``python bench/bench_understanding.py [--messages N] [--repeat]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

try:  # the bot as installed: compiled by mypyc from a wheel, pure Python when editable
    import bot  # noqa: F401
except ImportError:  # not installed: the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bot.core.understanding.rules as rules_module
from bot.app import settle_heap
from bot.core.places import load_atlas
from bot.core.understanding import understand, understand_all
from bot.core.understanding.fuzzy import correct
from bot.core.understanding.parts import understand_parts

CASES = Path(__file__).resolve().parent.parent / "tests/core/understanding_cases.yaml"


def distinct(texts: list[str], count: int) -> list[str]:
    """``count`` different messages: each labelled text with two words of the set added."""
    vocabulary = sorted({word for text in texts for word in text.lower().split() if word.isalpha()})
    out: list[str] = []
    for n in range(count):
        i, j = divmod(n // len(texts), len(vocabulary))
        out.append(f"{texts[n % len(texts)]} {vocabulary[i % len(vocabulary)]} {vocabulary[j]}")
    assert len(set(out)) == len(out), "variants must all differ"
    return out


def main() -> None:
    """Time understanding over the labelled set and print the rate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", action="store_true", help="labelled set as is, warm caches")
    args = parser.parse_args()
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    today = data["today"]
    texts = [str(case["text"]) for case in data["cases"]]
    if args.repeat:
        rounds = max(1, args.messages // len(texts))
        for text in texts:  # warm the typo cache as a long-running bot would have it
            understand(text, today)
        messages = texts * rounds
    else:
        messages = distinct(texts, args.messages)
    understand_all("warm up: done 7/10, back on the 20th", today)  # imports, dateparser's data
    load_atlas()  # the city index, built at start-up as the bot does
    settle_heap()  # and, as the bot does once started, start-up's heap out of the GC's sight
    wall, cpu = time.perf_counter(), time.process_time()
    if args.repeat:
        for text in messages:
            understand(text, today)
    else:
        for text in messages:
            correct.cache_clear()  # every cache off
            understand_parts.cache_clear()
            understand_all(text, today)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    count = len(messages)
    kind = "repeated, warm caches, understand" if args.repeat else "distinct, caches off"
    build = "compiled (mypyc)" if rules_module.__file__.endswith((".so", ".pyd")) else "pure Python"
    print(f"{count} messages ({kind}), one core, understanding {build}")
    each = 1e6 * cpu / count
    print(f"  CPU time  {cpu:.2f} s: {count / cpu:,.0f} messages/s ({each:.1f} µs each)")
    print(f"  wall time {wall:.2f} s: {count / wall:,.0f} messages/s")


if __name__ == "__main__":
    main()
