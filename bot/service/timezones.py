"""Time zones from what runners type ("Berlin", "Europe/Paris") or share (a location)."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import fuzz, process

__all__ = ["resolve_timezone", "zone_at"]

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


@cache
def _zones() -> dict[str, str]:
    """Lower-case lookup keys (full names and city parts) to IANA names."""
    keys: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if name.startswith(("Etc/", "SystemV/", "posix/", "right/")) or "/" not in name:
            continue
        keys.setdefault(name.lower(), name)
        city = name.rsplit("/", 1)[1].replace("_", " ").lower()
        keys.setdefault(city, name)
    keys.update(_ALIASES)
    keys["utc"] = "UTC"
    return keys


def resolve_timezone(text: str) -> str | None:
    """The IANA zone a runner means, or None when nothing matches well enough."""
    wanted = " ".join(text.strip().lower().replace("_", " ").split())
    if not wanted or len(wanted) > 64:
        return None
    zones = _zones()
    exact = zones.get(wanted) or zones.get(wanted.replace(" ", "_"))
    if exact is None and "/" in wanted:
        exact = zones.get(wanted.replace(" ", "_"))
    if exact is not None:
        return exact
    match = process.extractOne(wanted, list(zones), scorer=fuzz.ratio, score_cutoff=80)
    return zones[match[0]] if match else None


@cache
def _finder() -> object:
    from timezonefinder import TimezoneFinder  # noqa: PLC0415 - loads its data only when asked

    return TimezoneFinder()


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
