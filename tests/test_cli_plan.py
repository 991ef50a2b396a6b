"""``hipcoach plan``: a new runner's programme without Telegram or a database."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from bot.cli import main

DAY_FIELDS = {
    "date",
    "phase",
    "kind",
    "session_id",
    "title",
    "why",
    "minutes",
    "foot_contacts",
    "exercises",
}
EXERCISE_FIELDS = {
    "id",
    "name",
    "part",
    "category",
    "sets",
    "reps",
    "seconds",
    "contacts",
    "per_side",
    "intensity",
    "loads",
    # extra fields beyond issue 12's: the family of work, for coverage; the rest between
    # sets; every cue, safety ones included
    "family",
    "rest_seconds",
    "cues",
}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(["plan", *argv, "--json"]) == 0
    days: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return days


def test_json_has_every_day_in_the_fixed_field_names(capsys: pytest.CaptureFixture[str]) -> None:
    days = _json(capsys, "--level", "advanced", "--kit", "band,step", "--start", "2027-01-04")
    assert len(days) == 12 * 7
    assert [d["date"] for d in days] == [
        (date(2027, 1, 4) + timedelta(days=n)).isoformat() for n in range(84)
    ]
    for day in days:
        assert set(day) == DAY_FIELDS
        assert day["kind"] in ("rest", "mobility", "static", "dynamic")
        exercises = day["exercises"]
        assert isinstance(exercises, list)
        assert day["foot_contacts"] == sum(e["contacts"] or 0 for e in exercises)
        for exercise in exercises:
            assert set(exercise) == EXERCISE_FIELDS
            assert exercise["part"] in ("warm-up", "main", "cool-down")
            assert isinstance(exercise["family"], str)
            assert exercise["cues"]
            assert all(isinstance(cue, str) for cue in exercise["cues"])
            if exercise["contacts"] is not None:  # a contact drill says its sets
                assert exercise["sets"] >= 1
            assert exercise["category"] in ("mobility", "static", "dynamic")
            impact = exercise["contacts"] is not None
            assert (exercise["intensity"] is not None) == impact
            assert exercise["intensity"] in (None, "low", "moderate", "high")
    assert any(d["kind"] == "dynamic" for d in days)


def test_a_race_brings_race_season_and_recovery(capsys: pytest.CaptureFixture[str]) -> None:
    days = _json(capsys, "--race", "2027-03-14", "--start", "2027-01-04", "--weeks", "14")
    phases = {d["date"]: d["phase"] for d in days}
    assert phases["2027-03-13"] == "race_season"
    assert phases["2027-03-16"] == "post_race_recovery"
    race_season = [d for d in days if d["phase"] == "race_season"]
    assert all(e["intensity"] is None for d in race_season for e in d["exercises"])


def test_text_shows_weeks_days_and_doses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--start", "2027-01-04", "--weeks", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== Week 1: Mon 04 Jan to Sun 10 Jan 2027")
    assert "== Week 2: Mon 11 Jan to Sun 17 Jan 2027" in out
    assert "why:" in out


def test_weeks_count_from_the_first_day_as_the_bots_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--start", "2027-01-06", "--weeks", "2"]) == 0  # a Wednesday
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line.startswith("==")]
    assert headings == [
        "== Week 1: Wed 06 Jan to Tue 12 Jan 2027",
        "== Week 2: Wed 13 Jan to Tue 19 Jan 2027",
    ]
    assert "week 1 of your base phase" in out.split("== Week 2")[0]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--kit", "rope"], "unknown kit rope"),
        (["--race", "2020-01-01", "--start", "2027-01-04"], "in the past"),
        (["--weeks", "0"], "weeks must be 1-104"),
        (["--rest-days", "mon,tue,wed,thu"], "--rest-days takes at most 3 days"),
        (["--long-run", "someday"], "not a weekday"),
        (["--start", "04/01/2027"], "not a date"),
    ],
)
def test_bad_options_get_a_clear_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    assert main(["plan", *argv]) == 2
    captured = capsys.readouterr()
    assert says in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_run_week_options_take_effect(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--level", "intermediate", "--start", "2027-01-04", "--weeks", "6", "--json"]
    week = ["--run-days", "tue,thu,sun", "--long-run", "sun", "--hard-days", "tue"]
    assert main(["plan", *argv, *week]) == 0
    captured = capsys.readouterr()
    assert "not used yet" not in captured.err
    days = json.loads(captured.out)
    jumps = [date.fromisoformat(day["date"]) for day in days if day["kind"] == "dynamic"]
    assert jumps
    assert all(day.weekday() not in {0, 5, 6} for day in jumps)  # before Tue, before/on Sun
    assert any("long run" in day["why"] for day in days if day["kind"] == "dynamic")


def test_race_distance_scales_the_recovery(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--start", "2027-01-04", "--race", "2027-01-20", "--weeks", "8", "--json"]
    lengths = {}
    for distance in ("5k", "marathon"):
        assert main(["plan", *argv, "--race-distance", distance]) == 0
        days = json.loads(capsys.readouterr().out)
        lengths[distance] = sum(day["phase"] == "post_race_recovery" for day in days)
    assert lengths == {"5k": 3, "marathon": 28}


def test_minutes_sets_the_session_length(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--level", "intermediate", "--kit", "band", "--start", "2027-01-04", "--json"]
    lengths, contacts = {}, {}
    for minutes in (10, 20, 30):
        assert main(["plan", *argv, "--minutes", str(minutes)]) == 0
        captured = capsys.readouterr()
        assert captured.err == ""
        days = [day for day in json.loads(captured.out) if day["kind"] != "rest"]
        assert all(day["minutes"] <= minutes + 5 for day in days)
        lengths[minutes] = sum(day["minutes"] for day in days)
        contacts[minutes] = sum(day["foot_contacts"] for day in days)
    assert lengths[10] < lengths[20] < lengths[30]
    assert contacts[10] < contacts[20] <= contacts[30]


def test_a_later_block_says_it_steps_up_only_on_easy_ratings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the plan has no ratings, so block 2 repeats block 1's variants: the text says so
    assert main(["plan", "--level", "advanced", "--start", "2026-12-07", "--weeks", "24"]) == 0
    out = capsys.readouterr().out
    notes = [line for line in out.splitlines() if line.startswith("-- Dynamic block")]
    assert notes
    assert notes[0].startswith("-- Dynamic block 2: a step harder only if your last 3 rated")
    assert all("starts where the last block did" in note for note in notes)
    assert "-- Dynamic block 1" not in out


def test_the_first_block_needs_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--start", "2027-01-04", "--weeks", "6"]) == 0
    assert "-- Dynamic block" not in capsys.readouterr().out
