"""Days, logs and settings (round 9, from fresh development sets): a skip said of a day
gone by whatever its verb ("no time yesterday"), a skipped day made up today ("missed
tuesday so did it today"), a day corrected after "wait no it was", "next weekend", an effort
said beside a move, a city shared by well-known places of one country in other zones, and a
race said only as the context of advice asked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, Unclear, understand_all

SATURDAY = date(2026, 12, 12)
THURSDAY = date(2026, 12, 10)


def _only(text: str, today: date) -> Intent:
    found = understand_all(text, today)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "no time yesterday sorry, work ran super late",
        "zero energy last night, just crashed on the sofa",
        "no time for it last night, the baby was up",
    ],
)
def test_a_skip_said_of_a_day_gone_by_is_that_days(text: str) -> None:
    intent = _only(text, SATURDAY)
    assert (intent.kind, intent.log_day) == (IntentKind.SKIPPED, date(2026, 12, 11))


@pytest.mark.parametrize(
    "text",
    [
        "rolled my ankle on a kerb last night and its all puffed up so skipping today",
        "bad night last night so skipping today",
    ],
)
def test_a_day_gone_by_beside_a_skip_of_today_is_the_storys(text: str) -> None:
    skips = [i for i in understand_all(text, SATURDAY) if i.kind is IntentKind.SKIPPED]
    assert [i.log_day for i in skips] == [None]


@pytest.mark.parametrize(
    ("text", "skipped", "effort"),
    [
        ("missed tuesday so did it today instead, felt brutal", date(2026, 12, 8), 9),
        ("skipped wednesday so i did it this morning, 6/10", date(2026, 12, 9), 6),
        ("missed thursday so did it today instead", date(2026, 12, 10), None),
    ],
)
def test_a_skipped_day_made_up_today_is_a_skip_and_a_done(
    text: str, skipped: date, effort: int | None
) -> None:
    found = {i.kind: i for i in understand_all(text, SATURDAY)}
    assert set(found) == {IntentKind.SKIPPED, IntentKind.DONE}
    assert found[IntentKind.SKIPPED].log_day == skipped
    assert (found[IntentKind.DONE].log_day, found[IntentKind.DONE].effort) == (None, effort)


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("i did fridays - wait no it was thursday. effort 4", IntentKind.DONE, date(2026, 12, 10)),
        ("did it monday, no wait it was tuesday, 5/10", IntentKind.DONE, date(2026, 12, 8)),
        ("skipped wed - sorry i mean it was thursday", IntentKind.SKIPPED, date(2026, 12, 10)),
        ("done on the 9th, wait no it was the 10th. easy", IntentKind.DONE, date(2026, 12, 10)),
    ],
)
def test_a_day_corrected_as_it_was_is_the_last_said(text: str, kind: IntentKind, day: date) -> None:
    intent = _only(text, SATURDAY)
    assert (intent.kind, intent.log_day) == (kind, day)


@pytest.mark.parametrize(
    ("text", "today", "first", "last"),
    [
        ("pause next weekend, got a wedding", SATURDAY, date(2026, 12, 19), date(2026, 12, 20)),
        ("can you pause over next weekend pls", SATURDAY, date(2026, 12, 19), date(2026, 12, 20)),
        ("hold my sessions next weekend, off camping", date(2026, 12, 9), date(2026, 12, 12),
         date(2026, 12, 13)),
    ],
)  # fmt: skip
def test_next_weekend_is_the_first_saturday_after_today_and_its_sunday(
    text: str, today: date, first: date, last: date
) -> None:
    intent = _only(text, today)
    assert (intent.kind, intent.pause_from, intent.pause_until) == (IntentKind.PAUSE, first, last)


def test_a_pause_till_next_weekend_ends_the_day_before() -> None:
    intent = _only("pause till next weekend", SATURDAY)
    assert (intent.pause_from, intent.pause_until) == (None, date(2026, 12, 18))


def test_next_weekend_beside_a_race_move_pauses_those_days() -> None:
    found = understand_all(
        "race got moved to 7th march, also pause next weekend, got a wedding", SATURDAY
    )
    assert [(i.kind, i.race_date, i.pause_from, i.pause_until) for i in found] == [
        (IntentKind.RACE_DATE, date(2027, 3, 7), None, None),
        (IntentKind.PAUSE, None, date(2026, 12, 19), date(2026, 12, 20)),
    ]


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("done in the hotel room, cramped but effort 4. im in Lisbon now btw, change my zone", 4),
        ("finished in the airport lounge but effort 3. in tokyo now, switch my timezone", 3),
    ],
)
def test_an_effort_said_in_its_own_clause_beside_a_move_is_the_dones(
    text: str, effort: int
) -> None:
    found = {i.kind: i for i in understand_all(text, THURSDAY)}
    assert set(found) == {IntentKind.DONE, IntentKind.SET_TIMEZONE}
    assert found[IntentKind.DONE].effort == effort
    assert found[IntentKind.SET_TIMEZONE].timezone_text is not None


@pytest.mark.parametrize(
    "text", ["im in portland now", "moved to lancaster, new timezone pls", "im in fayetteville now"]
)
def test_a_city_well_known_in_two_zones_of_one_country_is_asked(text: str) -> None:
    intent = _only(text, SATURDAY)
    assert (intent.kind, intent.timezone_text, intent.unclear_slot) == (
        IntentKind.SET_TIMEZONE,
        None,
        Unclear.CITY,
    )


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("im in Manchester now", "Manchester, United Kingdom"),
        ("in birmingham now", "Birmingham, United Kingdom"),
        ("im in portland maine now", "Portland, Maine"),
    ],
)
def test_a_city_far_bigger_than_its_namesakes_abroad_is_set(text: str, city: str) -> None:
    intent = _only(text, SATURDAY)
    assert (intent.kind, intent.timezone_text) == (IntentKind.SET_TIMEZONE, city)


@pytest.mark.parametrize(
    "text",
    [
        "race is in 10 days, should I still do the sessions during my taper",
        "my half is in 2 weeks, should i stop the jumps?",
        "marathon is next weekend, can i still do the hops this week?",
    ],
)
def test_a_race_counted_from_today_beside_advice_asked_stores_nothing(text: str) -> None:
    assert all(i.kind is not IntentKind.RACE_DATE for i in understand_all(text, THURSDAY))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("race moved to the 20th, should I change anything?", date(2026, 12, 20)),
        ("my race is on 18 april, can you put it in", date(2027, 4, 18)),
        ("my 10k is on the 30th, and when do the jumps stop?", date(2026, 12, 30)),
        ("half marathon is on 19.12! should I keep the sessions going?", date(2026, 12, 19)),
    ],
)
def test_a_race_set_or_moved_beside_a_question_is_stored(text: str, day: date) -> None:
    races = [i for i in understand_all(text, THURSDAY) if i.kind is IntentKind.RACE_DATE]
    assert [i.race_date for i in races] == [day]


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("missing new years eve, too hungover", date(2027, 1, 1), date(2026, 12, 31)),
        ("cant make it on 31 dec, sorry", date(2027, 1, 2), date(2026, 12, 31)),
        ("can't make jan 4, driving back", date(2026, 12, 28), date(2027, 1, 4)),
    ],
)
def test_a_skips_date_just_gone_is_not_a_year_ahead(text: str, today: date, day: date) -> None:
    skips = [i for i in understand_all(text, today) if i.kind is IntentKind.SKIPPED]
    assert [i.log_day for i in skips] == [day]


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("can u pause it for a bit", "for a bit"),
        ("pause me for a while pls", "for a while"),
        ("need a break for a little while", "for a little while"),
    ],
)
def test_a_break_of_no_length_is_asked_how_long(text: str, vague: str) -> None:
    intent = _only(text, THURSDAY)
    assert (intent.kind, intent.unclear, intent.unclear_slot, intent.pause_until) == (
        IntentKind.PAUSE,
        vague,
        Unclear.LENGTH,
        None,
    )


@pytest.mark.parametrize(
    ("text", "last"),
    [("pause for a few days", date(2026, 12, 13)), ("pause please", None)],
)
def test_a_break_with_a_length_or_none_said_is_still_a_break(text: str, last: date | None) -> None:
    intent = _only(text, THURSDAY)
    assert (intent.kind, intent.unclear, intent.pause_until) == (IntentKind.PAUSE, None, last)


@pytest.mark.parametrize(
    ("text", "done", "skipped"),
    [
        ("did mondays and tuesdays but missed wednesday", [7, 8], 9),
        ("did tuesday and wednesday, missed thursday though", [8, 9], 10),
        ("did mon and wed but skipped tuesday", [7, 9], 8),
    ],
)
def test_dones_of_named_days_beside_a_skip_of_another_are_all_logged(
    text: str, done: list[int], skipped: int
) -> None:
    found = understand_all(text, SATURDAY)
    dones = [i.log_day for i in found if i.kind is IntentKind.DONE]
    skips = [i.log_day for i in found if i.kind is IntentKind.SKIPPED]
    assert dones == [date(2026, 12, d) for d in done]
    assert skips == [date(2026, 12, skipped)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("i did it wednesday and again today 😅", date(2026, 12, 9)),
        ("did yesterdays, then again today", date(2026, 12, 11)),
        ("did it thursday and again this morning", date(2026, 12, 10)),
    ],
)
def test_a_done_of_another_day_and_again_today_is_two_logs(text: str, first: date) -> None:
    found = understand_all(text, SATURDAY)
    assert [(i.kind, i.log_day) for i in found] == [
        (IntentKind.DONE, first),
        (IntentKind.DONE, None),
    ]


@pytest.mark.parametrize(
    ("text", "day", "effort"),
    [
        ("monday just gone i did the band work but forgot to tell u", date(2026, 12, 7), None),
        ("i did the band work on monday", date(2026, 12, 7), None),
        ("did my band exercises today, 4/10", None, 4),
    ],
)
def test_the_band_work_done_is_the_session(text: str, day: date | None, effort: int | None) -> None:
    intent = _only(text, SATURDAY)
    assert (intent.kind, intent.log_day, intent.effort) == (IntentKind.DONE, day, effort)
