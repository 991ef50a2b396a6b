# ruff: noqa: DTZ001 - local wall times are compared naive on purpose
"""Next local occurrences across zones, DST changes, half-hour zones and the date line."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.timing import local_date_of, next_occurrence, occurrence_on, weekly_occurrence

ZONES = sorted(available_timezones())


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def local(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


def exists(day: date, at: time, zone: str) -> bool:
    wall = datetime.combine(day, at)
    back = wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC).astimezone(ZoneInfo(zone))
    return back.replace(tzinfo=None) == wall


instants = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)
times = st.times().map(lambda t: t.replace(microsecond=0))


@settings(max_examples=600, deadline=None)
@given(zone=st.sampled_from(ZONES), after=instants, at=times)
def test_next_occurrence_properties(zone: str, after: datetime, at: time) -> None:
    got = next_occurrence(at, zone, after)
    assert got > after
    assert got - after <= timedelta(hours=48)
    wall = local(got, zone)
    if exists(wall.date(), at, zone):
        assert wall.time() == at
        assert wall.fold == 0 or local(got - timedelta(hours=1), zone).time() != at
    else:
        assert wall.time() > at or wall.date() > local(after, zone).date()


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from(ZONES), after=instants, at=times)
def test_a_run_of_occurrences_never_fires_twice_on_one_local_date(
    zone: str, after: datetime, at: time
) -> None:
    dates = []
    for _ in range(5):
        after = next_occurrence(at, zone, after)
        dates.append(local_date_of(after, zone))
    assert dates == sorted(set(dates))


@settings(max_examples=200, deadline=None)
@given(zone=st.sampled_from(ZONES), after=instants, at=times, weekday=st.integers(0, 6))
def test_weekly_occurrence_lands_on_the_weekday(
    zone: str, after: datetime, at: time, weekday: int
) -> None:
    got = weekly_occurrence(weekday, at, zone, after)
    assert after < got <= after + timedelta(days=8, hours=2)
    assert local(got, zone).weekday() == weekday


@pytest.mark.parametrize(
    ("zone", "at", "after", "expected_local"),
    [
        # Berlin, spring: 02:30 does not exist; 03:00 CEST is the next valid instant.
        ("Europe/Berlin", time(2, 30), utc(2026, 3, 28, 12), datetime(2026, 3, 29, 3, 0)),
        ("Europe/Berlin", time(7, 0), utc(2026, 3, 28, 12), datetime(2026, 3, 29, 7, 0)),
        # Berlin, autumn: 02:30 happens twice; the first (CEST) fires.
        ("Europe/Berlin", time(2, 30), utc(2026, 10, 24, 12), datetime(2026, 10, 25, 2, 30)),
        ("America/New_York", time(2, 30), utc(2026, 3, 7, 12), datetime(2026, 3, 8, 3, 0)),
        ("America/New_York", time(1, 30), utc(2026, 10, 31, 12), datetime(2026, 11, 1, 1, 30)),
        # Auckland: autumn on 5 April (02:00-03:00 twice), spring on 27 September.
        ("Pacific/Auckland", time(2, 30), utc(2026, 4, 4), datetime(2026, 4, 5, 2, 30)),
        ("Pacific/Auckland", time(2, 30), utc(2026, 9, 26), datetime(2026, 9, 27, 3, 0)),
        ("Asia/Kolkata", time(7, 0), utc(2026, 6, 1, 1, 29), datetime(2026, 6, 1, 7, 0)),
        ("Pacific/Kiritimati", time(7, 0), utc(2026, 6, 1, 0), datetime(2026, 6, 2, 7, 0)),
    ],
)
def test_known_days(zone: str, at: time, after: datetime, expected_local: datetime) -> None:
    got = next_occurrence(at, zone, after)
    assert local(got, zone).replace(tzinfo=None) == expected_local


def test_berlin_spring_gap_fires_at_the_change_instant() -> None:
    assert next_occurrence(time(2, 30), "Europe/Berlin", utc(2026, 3, 28, 12)) == utc(
        2026, 3, 29, 1, 0
    )


def test_berlin_autumn_fires_once_at_the_first_0230() -> None:
    first = next_occurrence(time(2, 30), "Europe/Berlin", utc(2026, 10, 24, 12))
    assert first == utc(2026, 10, 25, 0, 30)  # 02:30 CEST
    second = next_occurrence(time(2, 30), "Europe/Berlin", first)
    assert local_date_of(second, "Europe/Berlin") == date(2026, 10, 26)


def test_kolkata_half_hour_offset() -> None:
    assert next_occurrence(time(7, 0), "Asia/Kolkata", utc(2026, 6, 1)) == utc(2026, 6, 1, 1, 30)


def test_kiritimati_is_a_day_ahead_of_utc() -> None:
    got = next_occurrence(time(7, 0), "Pacific/Kiritimati", utc(2026, 6, 1, 12))
    assert got == utc(2026, 6, 1, 17)
    assert local_date_of(got, "Pacific/Kiritimati") == date(2026, 6, 2)


def test_a_skipped_day_has_no_occurrence() -> None:
    assert occurrence_on(date(1994, 12, 31), time(7, 0), "Pacific/Kiritimati") is None
    assert occurrence_on(date(2011, 12, 30), time(7, 0), "Pacific/Apia") is None


def test_unknown_zone_reads_as_utc() -> None:
    assert next_occurrence(time(7, 0), "Mars/Olympus", utc(2026, 6, 1)) == utc(2026, 6, 1, 7)


def test_naive_after_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        next_occurrence(time(7, 0), "UTC", datetime(2026, 6, 1))


def test_weekly_sunday_evening() -> None:
    got = weekly_occurrence(6, time(19, 0), "Europe/Berlin", utc(2026, 3, 23))
    assert local(got, "Europe/Berlin").replace(tzinfo=None) == datetime(2026, 3, 29, 19, 0)
