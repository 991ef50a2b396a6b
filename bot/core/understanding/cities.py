"""Cities as runners name them, resolved through GeoNames (``bot.core.places``): local and
unaccented names and the abbreviations GeoNames keeps ("München", "Warszawa", "Sao Paulo",
"NYC", "LA"), with a country or US state after them ("Manchester UK").

``city_text`` turns the words a runner used into the city's own name with its country or
state ("Warszawa" → "Warsaw, Poland"), which the time-zone lookup reads back to the same
city; ``place_in`` finds a city after "in" or "to" in a longer message ("back home in
Glasgow", "moved from London to Dublin": the destination). Pure: GeoNames is package data,
read once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from bot.core.places import Place, country_named, name_key, places_named
from bot.core.understanding.model import Intent, IntentKind, Unclear
from bot.core.understanding.words import word_set

__all__ = ["BARE_CITY_POPULATION", "city_asked", "city_text", "place_in"]

#: A city named with nothing else ("Edinburgh") or found lower-case in a sentence ("in
#: tokyo for work") counts from this size, so a small namesake of a word is never taken.
BARE_CITY_POPULATION: Final = 100_000
_TO_RE: Final = re.compile(r"\s+to\s+", re.IGNORECASE)
_IN_RE: Final = re.compile(
    r"\b(?:in|to)\s+((?:[^\W\d_][\w'.-]*)(?:\s+[^\W\d_][\w'.-]*){0,2})", re.UNICODE
)


def _written(place: Place) -> str:
    """The city's name with its US state or country, as the zone lookup reads it back."""
    return f"{place.name}, {place.region or place.country}"


def city_text(said: str) -> str | None:
    """The city ``said`` names, as GeoNames spells it ("Warsaw, Poland"); ``said`` as
    written when several cities bear the name (the coach asks which) or none does; None
    when it names a country with several time zones ("the US": the coach asks the city).
    A country with one zone gives that zone ("Japan" → "Asia/Tokyo")."""
    said = said.strip()
    if (parts := _TO_RE.split(said)) and len(parts) > 1:  # "from London to Dublin"
        said = parts[-1]
    places = places_named(said)
    if len(places) == 1:
        return _written(places[0])
    if places:
        return said
    country = country_named(said)
    if country is not None:
        zones = country[1]
        return next(iter(zones)) if len(zones) == 1 else None
    return said


def place_in(clean: str, *, least: int = BARE_CITY_POPULATION) -> str | None:
    """The last city of at least ``least`` people named after "in" or "to" in ``clean``
    ("in tokyo for work", "moved from London to Dublin"), as ``city_text`` writes it."""
    found: str | None = None
    for match in _IN_RE.finditer(clean):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            said = " ".join(words[:size])
            places = places_named(said)
            if len(places) != 1 or places[0].population < least:
                continue
            if said[:1].isupper() or name_key(said) == name_key(places[0].name):
                found = _written(places[0])  # an alias ("the" is an airport's) only capitalised
                break
    return found


def city_asked(intent: Intent) -> Intent:
    """A time zone set to a city several well-known places in other zones bear ("I'm in
    Springfield this week") is no zone yet: the name is ``unclear`` (``Unclear.CITY``) and
    the coach asks which, with a button for each."""
    said = intent.timezone_text
    if intent.kind is not IntentKind.SET_TIMEZONE or said is None or intent.unclear is not None:
        return intent
    if len(places_named(said)) < 2:
        return intent
    return replace(intent, timezone_text=None, unclear=said, unclear_slot=Unclear.CITY)


#: Words that name no place in an answer about one ("told u already manchester lol").
_NOT_PLACE_WORDS: Final = word_set(
    """
    i im u you told said already its it is was the a my in at from to now still lol haha btw
    fyi atm rn tho ok okay yes yeah yep sorry like just again as before mate coach live living
    based
    """
)

_WORD_RE: Final = re.compile(r"[^\W\d_][\w'.-]*")


def city_in_answer(text: str) -> str | None:
    """The one city of at least :data:`BARE_CITY_POPULATION` people that a short answer to
    "which city?" names among other words ("told u already manchester lol", "its
    manchester"), as ``city_text`` writes it; None when there is none or several."""
    words = _WORD_RE.findall(text.lower())
    found: set[str] = set()
    for start in range(len(words)):
        for size in (3, 2, 1):
            said = words[start : start + size]
            if len(said) < size or said[0] in _NOT_PLACE_WORDS or said[-1] in _NOT_PLACE_WORDS:
                continue
            places = places_named(" ".join(said))
            if places and max(p.population for p in places) >= BARE_CITY_POPULATION:
                found.add(" ".join(said))
                break
    whole = {one for one in found if not any(one != other and one in other for other in found)}
    return city_text(next(iter(whole))) if len(whole) == 1 else None
