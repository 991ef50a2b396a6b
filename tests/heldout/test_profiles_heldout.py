"""Held-out runner profiles for the programme issue: written by someone who had read only
that issue, the facts and the seed article, never the planner.

Each profile is a ``hipcoach plan`` command line and what a physio-coach requires of the
programme it prints, from a fixed menu of checks. Every check is scored on the JSON the
command prints; a ``note`` is for people. ``families_seen_in_plan`` names families in the
files' own words, translated to the JSON's ``family`` values (``_FAMILIES``). The score is a
floor recorded before the programme work; ``-s`` prints what each profile missed.
"""

from __future__ import annotations

import itertools
import shlex
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import build_parser, plan_profile
from bot.core.content import load_content
from bot.core.planner import Planner
from bot.core.programme import programme
from bot.core.vocabulary import Equipment, Family
from bot.presentation.programme import programme_json

HERE = Path(__file__).parent
CONTENT = load_content()
_RANK = {"low": 0, "moderate": 1, "high": 2}

Day = dict[str, Any]
Check = Callable[[Any, list[Day], Any], bool]


def _days_of(options: str) -> tuple[list[Day], Any]:
    args = build_parser().parse_args(["plan", *shlex.split(options)])
    profile = plan_profile(args)
    start = args.start or date(2027, 1, 4)
    plans = programme(Planner(CONTENT), profile, start, args.weeks, args.race)
    return programme_json(plans, CONTENT.exercises), args


def _on(day: Day) -> date:
    return date.fromisoformat(day["date"])


def _impact(day: Day) -> bool:
    return any(e["intensity"] is not None for e in day["exercises"])


def _marked(args: Any, day: date, marks: list[str]) -> bool:
    """Whether ``day`` is one of the runner's long-run, hard, rest or race days."""
    found = {
        "long_run": args.long_run is not None and day.weekday() == args.long_run,
        "hard": day.weekday() in args.hard_days,
        "rest": day.weekday() in args.rest_days,
        "race": args.race is not None and day == args.race,
    }
    return any(found.get(mark, False) for mark in marks)


def _dynamic(days: list[Day]) -> list[date]:
    return [_on(d) for d in days if d["kind"] == "dynamic"]


def _max_in_7(n: int, days: list[Day], _: Any) -> bool:
    dyn = _dynamic(days)
    return all(sum(0 <= (x - d).days < 7 for x in dyn) <= n for d in dyn)


def _gap(n: int, days: list[Day], _: Any) -> bool:
    dyn = _dynamic(days)
    return all((b - a).days >= n for a, b in itertools.pairwise(dyn))


def _not_before(marks: list[str], days: list[Day], args: Any, kind: str = "dynamic") -> bool:
    return all(
        not _marked(args, _on(d) + timedelta(days=1), marks) for d in days if d["kind"] == kind
    )


def _not_on(marks: list[str], days: list[Day], args: Any) -> bool:
    return all(not _marked(args, _on(d), marks) for d in days if d["kind"] == "dynamic")


def _rest_only(kinds: list[str], days: list[Day], args: Any) -> bool:
    return all(d["kind"] in kinds for d in days if _on(d).weekday() in args.rest_days)


def _no_impact(span: dict[str, date], days: list[Day], _: Any) -> bool:
    return not any(_impact(d) for d in days if span["from"] <= _on(d) <= span["to"])


def _max_contacts(n: int, days: list[Day], _: Any) -> bool:
    return all(d["foot_contacts"] <= n for d in days)


def _max_intensity(cls: str, days: list[Day], _: Any) -> bool:
    return all(
        _RANK[e["intensity"]] <= _RANK[cls]
        for d in days
        for e in d["exercises"]
        if e["intensity"] is not None
    )


def _first_dynamic(when: date, days: list[Day], _: Any) -> bool:
    return all(_on(d) >= when for d in days if _impact(d))


def _kit_only(_: bool, days: list[Day], args: Any) -> bool:
    owned = set(args.kit) | {Equipment.NONE}
    return all(
        set(CONTENT.exercises[e["id"]].equipment) <= owned for d in days for e in d["exercises"]
    )


def _no_desk(_: bool, days: list[Day], args: Any) -> bool:
    return args.desk == "yes" or not any("desk" in d["title"].lower() for d in days)


def _warm_up(_: bool, days: list[Day], __: Any) -> bool:
    return all(
        any(e["part"] == "warm-up" for e in d["exercises"]) for d in days if d["kind"] == "dynamic"
    )


def _fit(_: bool, days: list[Day], args: Any) -> bool:
    return all(d["minutes"] <= args.minutes + 5 for d in days if d["kind"] != "rest")


#: The held-out files' names for families of work, as the JSON's ``family`` values.
_FAMILIES = {
    "glute_med": {"glute_med"},
    "adductor": {"adductors", "adductor_mobility"},
    "hip_flexor_strength": {"hip_flexor_strength"},
    "hip_extension": {"hip_extension"},
    "hamstrings": {"hamstrings"},
    "hamstring": {"hamstrings"},
    "calf_and_shin": {"calf_and_shin"},
    "single_leg_strength": {"single_leg_strength"},
    "tendon_isometric": {"tendon_isometric"},
    "core": {"trunk"},
    "balance": {"balance"},
    "mobility": {f for f in (fam.value for fam in Family) if f.endswith("_mobility")},
    "plyometric": {
        "hops_in_place",
        "skips_and_bounds",
        "lateral_hops",
        "jumps",
        "single_leg_landings",
    },
}


def _families(wanted: list[str], days: list[Day], _: Any) -> bool:
    seen = {e["family"] for d in days for e in d["exercises"]}
    return all(_FAMILIES[name] & seen for name in wanted)


def _lighter_last_week(_: bool, days: list[Day], __: Any) -> bool:
    """Every block that ends inside the plan has a last week lighter than its heaviest (a
    block the plan's end cuts off has no last week yet)."""
    blocks: list[list[Day]] = []
    for before, day in zip([None, *days], days, strict=False):
        if day["phase"] != "dynamic_block":
            continue
        if before is None or before["phase"] != "dynamic_block":
            blocks.append([])
        blocks[-1].append(day)
    ended = [b for b in blocks if b[-1] is not days[-1] and len(b) >= 14]
    return all(_lighter(block) for block in ended)


def _lighter(block: list[Day]) -> bool:
    weeks: dict[int, int] = {}
    first = _on(block[0])
    for d in block:
        week = (_on(d) - first).days // 7
        weeks[week] = weeks.get(week, 0) + d["foot_contacts"]
    ordered = [weeks[k] for k in sorted(weeks)]
    return len(ordered) < 2 or ordered[-1] < max(ordered[:-1])


def _post_race(n: int, days: list[Day], args: Any) -> bool:
    if args.race is None:
        return True
    end = args.race + timedelta(days=n)
    return not any(_impact(d) for d in days if args.race < _on(d) <= end)


CHECKS: dict[str, Check] = {
    "max_dynamic_in_any_7_days": _max_in_7,
    "min_days_between_dynamic": _gap,
    "no_dynamic_day_before": _not_before,
    "no_dynamic_on": _not_on,
    "no_static_day_before": lambda m, d, a: _not_before(m, d, a, "static"),
    "rest_days_only": _rest_only,
    "no_impact_between": _no_impact,
    "max_foot_contacts_per_day": _max_contacts,
    "max_intensity": _max_intensity,
    "first_dynamic_not_before": _first_dynamic,
    "exercises_need_only_kit": _kit_only,
    "no_desk_titles": _no_desk,
    "every_dynamic_has_warm_up": _warm_up,
    "sessions_fit_minutes": _fit,
    "families_seen_in_plan": _families,
    "last_week_of_block_lighter": _lighter_last_week,
    "post_race_no_impact_days": _post_race,
}


def score(path: Path) -> tuple[int, int, int, int, list[str]]:
    """(profiles, profiles fully met, checks, checks met, misses)."""
    profiles = yaml.safe_load(path.read_text(encoding="utf-8"))["profiles"]
    whole = checks = met = 0
    misses: list[str] = []
    for profile in profiles:
        counted = [key for key in profile["expect"] if key != "note"]
        checks += len(counted)
        try:
            days, args = _days_of(profile["options"])
        except ValueError as refused:  # the command refuses this runner: every check fails
            misses.append(f"{profile['name']}: refused ({refused})")
            continue
        failed = [
            key
            for key, want in profile["expect"].items()
            if key != "note" and not CHECKS[key](want, days, args)
        ]
        met += len(counted) - len(failed)
        whole += not failed
        if failed:
            misses.append(f"{profile['name']}: {', '.join(failed)}")
    return len(profiles), whole, checks, met, misses


@pytest.mark.parametrize(
    ("name", "least_met"), [("profiles_batch1.yaml", 0.95), ("profiles_batch2.yaml", 0.96)]
)
def test_fresh_profiles_keep_their_floor(name: str, least_met: float) -> None:
    profiles, whole, checks, met, misses = score(HERE / name)
    print("\n".join(misses))
    print(f"{name}: {whole}/{profiles} profiles fully met, {met}/{checks} checks met")
    assert met / checks >= least_met
