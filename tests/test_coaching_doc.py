"""docs/coaching.md's safety tables and the code agree (the page is the rulebook)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from bot.core import comeback, content, length, monitoring, planner, restrictions, steering
from bot.core.content import CONTACT_RANGES, load_content
from bot.core.health import POSTPARTUM_NO_IMPACT, Screen
from bot.core.triage import (
    CLINICIAN_TIERS,
    NEIGHBOURS,
    OVERNIGHT_CHECK,
    RETURN_CHECKS,
    TIER_OF_FLAG,
    Tier,
)
from bot.core.understanding import understand
from bot.core.understanding.answers import another_check, check_answer, health_answer, yes_no
from bot.core.vocabulary import Area, Category, Intensity, Level, RedFlag
from bot.service.reports import OVERNIGHT, RESTING

DOC = Path(__file__).parent.parent / "docs" / "coaching.md"
_CONTENT_NAMES = {e.id: e.name for e in load_content().exercises.values()}
FACTS_SECTIONS = (
    "Safety",
    "Pain-monitoring",
    "Hip red flags",
    "Worrying running pain",
    "ACSM",
    "Session RPE",
)


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start : end if end != -1 else len(text)]


def _rows(title: str) -> list[list[str]]:
    """The table rows of a section (header and rule left out), cells stripped."""
    lines = [line for line in _section(title).splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def _codes(cell: str) -> list[str]:
    return re.findall(r"`([a-z_]+|[A-Z_]+)`", cell)


def test_every_tier_has_one_row_and_every_row_a_tier() -> None:
    rows = _rows("Warning signs: triage by urgency")
    tiers = [_codes(row[0])[0] for row in rows]
    assert sorted(tiers) == sorted(t.name for t in Tier if t is not Tier.NONE)
    assert tiers == [t.name for t in sorted(Tier, reverse=True) if t is not Tier.NONE]


def test_every_sign_sits_in_its_tiers_row() -> None:
    rows = _rows("Warning signs: triage by urgency")
    listed = {_codes(row[0])[0]: set(_codes(row[1])) for row in rows}
    for flag in RedFlag:
        assert flag.value in listed[TIER_OF_FLAG[flag].name], flag
    assert set().union(*listed.values()) == {flag.value for flag in RedFlag}


def test_every_safety_row_points_to_its_fact() -> None:
    facts = Path(__file__).parent.parent.parent / "shared" / "coaching-facts.md"
    for title in (
        "Pain that still allows loading an area",
        "Warning signs: triage by urgency",
        "Clearing a hold",
        "Following a report up",
        "Steering the next dynamic session",
        "Graded way back",
    ):
        for row in _rows(title):
            assert any(name in row[-1] for name in FACTS_SECTIONS), row
    if facts.exists():  # beside the repository in the team's layout
        text = facts.read_text(encoding="utf-8")
        for name in FACTS_SECTIONS:
            assert name in text, name


def test_the_neighbour_table_is_the_codes() -> None:
    rows = _rows("Areas a hold also protects (neighbours)")
    table = {Area(_codes(row[0])[0]): frozenset(Area(c) for c in _codes(row[1])) for row in rows}
    assert table == NEIGHBOURS


def test_the_clearing_steps_are_the_codes() -> None:
    rows = _rows("Clearing a hold")
    steps = [_codes(row[0])[0] for row in rows]
    before, after = RETURN_CHECKS[:OVERNIGHT_CHECK], RETURN_CHECKS[OVERNIGHT_CHECK:]
    assert steps == [
        "pick",
        "clinician",
        "sign",
        *before,
        OVERNIGHT,
        "overnight_question",
        RESTING,
        *after,
    ]
    asks = set(_codes(rows[1][1]))
    assert asks == {tier.name for tier in CLINICIAN_TIERS}


def test_the_pain_thresholds_are_the_codes() -> None:
    section = _section("Pain that still allows loading an area")
    assert f"ACCEPTABLE_SORENESS = {restrictions.ACCEPTABLE_SORENESS}" in section
    assert f"WARNING_SORENESS = {restrictions.WARNING_SORENESS}" in section
    assert f"soreness 0-{restrictions.ACCEPTABLE_SORENESS}/10" in section
    assert f"above {restrictions.WARNING_SORENESS}/10" in section


def test_the_follow_up_numbers_are_the_codes() -> None:
    loading = _section("Pain that still allows loading an area")
    assert f"`WORSE_NO_LOAD_DAYS` = {monitoring.WORSE_NO_LOAD_DAYS}" in loading
    week = monitoring.WEEK_BEFORE
    assert f"{week[0]}-{week[-1]} days before (`WEEK_BEFORE`)" in loading
    assert f"above {monitoring.SAFE_PAIN}/10 (`SAFE_PAIN`)" in loading
    assert "3 days (`REPORT_MEMORY_DAYS`)" in loading
    assert monitoring.REPORT_MEMORY_DAYS == 3
    follow = _section("Following a report up")
    assert f"{monitoring.FOLLOW_UP_DAYS} days (`FOLLOW_UP_DAYS`" in follow


def test_the_steering_numbers_are_the_codes() -> None:
    section = _section("Steering the next dynamic session")
    assert f"`STEP_BACK_FACTOR` = {steering.STEP_BACK_FACTOR}" in section
    assert f"`STEP_UP_CONTACTS` = {planner.STEP_UP_CONTACTS}" in section
    assert f"{steering.VERY_HARD}/10 or more (`VERY_HARD`)" in section
    assert f"{steering.EARLY_HARD}/10 or more (`EARLY_HARD`)" in section
    assert f"{steering.EASY}/10 or less (`EASY`)" in section
    assert f"last {steering.EASY_RUN} dynamic sessions done (`EASY_RUN`)" in section
    for level, (_, high) in CONTACT_RANGES.items():
        assert f"{high} {level}" in section


def test_the_way_back_table_is_the_codes() -> None:
    rows = _rows("Graded way back")
    assert [_codes(row[0])[0] for row in rows] == [stage.name for stage in comeback.Stage]
    assert [int(row[0].split()[0]) for row in rows] == [int(stage) for stage in comeback.Stage]
    section = _section("Graded way back")
    assert f"at most {comeback.LOW_HOP_CONTACTS} foot contacts" in section
    assert f"more than {comeback.WAY_BACK_AFTER_DAYS} days" in section
    assert f"pain {comeback.PASSING_PAIN}/10 or less" in section
    hops = sorted(_CONTENT_NAMES[exercise] for exercise in comeback.LOW_HOPS)
    assert " and ".join(name.split()[0].lower() for name in hops) + " hops" in section
    assert comeback.SESSION_OF == {
        comeback.Stage.MOBILITY: Category.MOBILITY,
        comeback.Stage.STATIC: Category.STATIC,
        comeback.Stage.LOW_HOPS: Category.DYNAMIC,
    }


def test_the_done_flow_pain_question_has_its_row() -> None:
    rows = _rows("Following a report up")
    (row,) = [row for row in rows if "Any pain during it?" in row[1]]
    assert "above 2 keeps the stage" in row[2]
    assert f"above {comeback.REPORT_PAIN}" in row[2]


def _examples(cell: str) -> list[str]:
    """The quoted example answers of a cell ("yes", "physio said it's fine")."""
    return re.findall(r'"([^"]+)"', cell)


def test_every_typed_clearing_example_reads_as_its_row_says() -> None:
    rows = _rows("Typed answers to the clearing questions")
    readings = [_codes(row[1])[0] for row in rows]
    assert readings == ["yes", "no", "pass", "fail", "unclear", "another", "triage"]
    today = date(2026, 12, 1)
    for row, reading in zip(rows, readings, strict=True):
        examples = _examples(row[0])
        assert examples, row
        for said in examples:
            if reading == "triage":
                intent = understand(said, today)
                signs = intent.signs | (intent.report.red_flags if intent.report else set())
                assert signs, said
            elif reading in ("yes", "no"):
                assert yes_no(said) is (reading == "yes"), said
            elif reading in ("pass", "fail"):
                assert check_answer(said) is (reading == "pass"), said
            elif reading == "another":  # said to the single-leg stand
                assert check_answer(said, check="stand") is None, said
                assert another_check(said, "stand"), said
            else:
                assert yes_no(said) is None, said
                assert check_answer(said) is None, said


def test_the_health_screen_rows_are_the_codes() -> None:
    rows = _rows("The health screen")
    answers = [_codes(row[0])[0] for row in rows]
    assert sorted(answers) == sorted(screen.value for screen in Screen)
    today = date(2026, 12, 1)
    for row, answer in zip(rows, answers, strict=True):
        for said in _examples(row[1]):
            if answer == "none" and said == "None of these":
                continue
            found = health_answer(said, today)
            assert found is not None, said
            assert Screen(answer) in found.found, said
    section = _section("The health screen")
    assert f"about {POSTPARTUM_NO_IMPACT.days // 7} weeks" in section
    lows = " / ".join(str(CONTACT_RANGES[level][0]) for level in Level)
    assert f"({lows})" in section


def test_every_health_and_typed_clearing_row_points_to_its_fact() -> None:
    for title in ("Typed answers to the clearing questions", "The health screen"):
        for row in _rows(title):
            assert any(name in row[-1] for name in FACTS_SECTIONS), row


def test_every_session_rule_points_to_its_fact_and_the_numbers_are_the_codes() -> None:
    section = _section("Sessions and their progression")
    for row in _rows("Sessions and their progression"):
        assert (
            any(
                name in row[-1]
                for name in ("Programme design", "source article", "sports-science", "Session RPE")
            )
            or "Safety" in row[-1]
        ), row
    assert f"`DELOAD_FACTOR` = {planner.DELOAD_FACTOR}" in section
    assert f"`LONG_BREAK_DAYS` = {planner.LONG_BREAK_DAYS}" in section
    assert f"`MIN_DYNAMIC_WARM_UP` = {content.MIN_DYNAMIC_WARM_UP}" in section
    assert f"at most at `{planner.TOP_INTENSITY[Level.BEGINNER]}`" in section
    rests = ", ".join(f"{rest} s" for rest in content.IMPACT_REST.values())
    assert rests.replace(", 90 s", " or 90 s") in section
    sizes = content.CONTACTS_PER_SET
    assert (
        f"sets of {sizes[Intensity.LOW]} (low), {sizes[Intensity.MODERATE]} (moderate)" in section
    )
    assert f"`MIN_MAIN` = {length.MIN_MAIN}" in section
    assert f"`RAMP_FACTORS` = {planner.RAMP_FACTORS}" in section
    assert f"`TOP_CLASS_FIRST` = {planner.TOP_CLASS_FIRST}" in section
    assert f"`TOP_CLASS_STEP` = {planner.TOP_CLASS_STEP}" in section
    assert f"`TAPER_STRENGTH_DAYS` = {planner.TAPER_STRENGTH_DAYS}" in section
    assert f"`RACE_QUIET_DAYS` = {planner.RACE_QUIET_DAYS}" in section
    assert f"`QUIET_MINUTES` = {planner.QUIET_MINUTES}" in section
    assert f"`SLACK_MINUTES` = {length.SLACK_MINUTES}" in section
    assert f"`MAX_SETS` = {length.MAX_SETS}" in section
    assert f"last {steering.EASY_RUN} rated" in section
    assert f"{steering.EASY}/10 or less" in section


def test_the_placement_numbers_are_the_codes() -> None:
    from bot.core import rhythm  # noqa: PLC0415 - only this test reads it
    from bot.core.phases import (  # noqa: PLC0415 - same
        POST_RACE_DAYS,
        POST_RACE_DAYS_BY_DISTANCE,
        POST_RACE_MOBILITY_DAYS,
    )

    section = _section("Programme: placement")
    for name, value in (
        ("ROLLING_DAYS", rhythm.ROLLING_DAYS),
        ("EASING_IN_WEEKS", rhythm.EASING_IN_WEEKS),
        ("EASING_IN_WEEKS_TRAINED", rhythm.EASING_IN_WEEKS_TRAINED),
        ("MIN_DAYS_BETWEEN_DYNAMIC", rhythm.MIN_DAYS_BETWEEN_DYNAMIC),
        ("PREFERRED_DAYS_BETWEEN_DYNAMIC", rhythm.PREFERRED_DAYS_BETWEEN_DYNAMIC),
        ("POST_RACE_DAYS", POST_RACE_DAYS),
        ("POST_RACE_MOBILITY_DAYS", POST_RACE_MOBILITY_DAYS),
    ):
        assert f"`{name}` = {value}" in section
    days = ", ".join(
        f"{distance.value} {days}" + (" days" if i == 0 else "")
        for i, (distance, days) in enumerate(POST_RACE_DAYS_BY_DISTANCE.items())
    )
    assert days in section


def test_every_placement_row_points_to_its_fact() -> None:
    facts = Path(DOC.parent.parent.parent / "shared" / "coaching-facts.md")
    rows = _rows("Programme: placement")
    assert (
        len(rows) == 14
    )  # the parkrun raced (once and weekly) and run easy, no strength on the long run,
    # strength every 10 days
    for row in rows:
        fact = row[-1]
        assert any(
            name in fact
            for name in ("Programme design", "From the source article", "From sports-science")
        ), row[0]
    if facts.exists():  # beside the repository on the team's machines
        text = facts.read_text(encoding="utf-8")
        for phrase in ("one easy day per mile", "48-72 hours", "not the day before a long run"):
            assert phrase in text
