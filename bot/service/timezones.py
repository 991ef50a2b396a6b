"""Time zones from what runners type ("Berlin", "Manchester UK", "Europe/Paris") or share."""

from __future__ import annotations

import atexit
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import fuzz, process

from bot.core.places import Place, places_named

__all__ = ["lookup_zone", "resolve_timezone", "zone_at", "zone_choices"]

_ALIASES = {
    "utc": "UTC",
    "gmt": "Etc/GMT",
    "uk": "Europe/London",
    "england": "Europe/London",
    "britain": "Europe/London",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "india": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "japan": "Asia/Tokyo",
    "new zealand": "Pacific/Auckland",
    "nz": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "boston": "America/New_York",
    "washington": "America/New_York",
    "miami": "America/New_York",
    "eastern": "America/New_York",
    "pacific": "America/Los_Angeles",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "est": "America/New_York",
    "pst": "America/Los_Angeles",
    "cet": "Europe/Berlin",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "zurich": "Europe/Zurich",
    "geneva": "Europe/Zurich",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
}


_LEGACY = ("Etc/", "SystemV/", "posix/", "right/")
MIN_FUZZY_CHARS = 4
"""Shorter words ("hi", "ok") are never guessed at: too many zones are a letter away."""


@cache
def _zones() -> dict[str, str]:
    """Lower-case lookup keys (full names and city parts) to IANA names, for exact matches."""
    keys: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(_LEGACY) or "/" not in name:
            continue
        keys.setdefault(name.lower(), name)
        city = name.rsplit("/", 1)[1].replace("_", " ").lower()
        keys.setdefault(city, name)
    keys.update(_ALIASES)
    keys["utc"] = "UTC"
    return keys


@cache
def _fuzzy_keys() -> tuple[str, ...]:
    """Keys a typo may be matched to: real places only.

    Legacy links such as ``Canada/Atlantic`` or ``Australia/LHI`` are left out, so
    "atlantis" or "hi" is not taken for a time zone; they still match when typed exactly.
    """
    places = _places()
    return tuple(
        key for key, name in _zones().items() if name in places or key in _ALIASES or key == "utc"
    )


def _places() -> frozenset[str]:
    """The zones of tzdata's ``zone.tab`` (one or more per country), or all when it is missing."""
    try:
        table = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset(_zones().values())
    rows = (line.split("\t") for line in table.splitlines() if not line.startswith("#"))
    return frozenset(row[2] for row in rows if len(row) >= 3)


def lookup_zone(text: str) -> tuple[str | None, list[Place]]:
    """The IANA zone a runner means, or (None and) the cities to choose among when the
    name is ambiguous ("Cambridge"); (None, []) when nothing matches well enough."""
    wanted = " ".join(text.strip().lower().replace("_", " ").split())
    if not wanted or len(wanted) > 64:
        return None, []
    zones = _zones()
    exact = zones.get(wanted) or zones.get(wanted.replace(" ", "_"))
    if exact is not None:
        return exact, []
    places = places_named(text)
    if places:
        return (places[0].zone, []) if len(places) == 1 else (None, places)
    if len(wanted) < MIN_FUZZY_CHARS:
        return None, []
    match = process.extractOne(wanted, _fuzzy_keys(), scorer=fuzz.ratio, score_cutoff=80)
    return (zones[match[0]] if match else None), []


def resolve_timezone(text: str) -> str | None:
    """The IANA zone a runner means, or None (unknown, or a name several cities bear)."""
    return lookup_zone(text)[0]


def zone_choices(text: str) -> list[Place]:
    """The cities a name may mean when it is ambiguous ("Cambridge"); empty otherwise."""
    return lookup_zone(text)[1]


@cache
def _finder() -> object:
    from timezonefinder import TimezoneFinder  # noqa: PLC0415 - loads its data only when asked

    finder = TimezoneFinder()
    atexit.register(finder.cleanup)  # close its mapped data files before interpreter teardown
    return finder


def zone_at(latitude: float, longitude: float) -> str | None:
    """The IANA zone at a shared location (offline lookup), or None at sea."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    finder = _finder()
    name: str | None = finder.timezone_at(lat=latitude, lng=longitude)  # type: ignore[attr-defined]
    if name is None:
        return None
    ZoneInfo(name)  # make sure the system knows it
    return name
