"""Hand-worked cases for the progress maths, plus the rules that must always hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.progress import (
    ALPHA,
    Outcome,
    Planned,
    Share,
    Streaks,
    Trend,
    consistency_score,
    consistency_scores,
    outcomes,
    planned_days,
    progress,
    progress_summary,
    recent_share,
    streaks,
    week_summary,
    weeks,
)
from bot.core.records import BodyReport, Completion, CompletionStatus, RunnerProfile
from bot.core.vocabulary import Area, Category, Phase, ReportKind

MON = date(2027, 3, 1)  # a Monday
MOB, DYN, STA = Category.MOBILITY, Category.DYNAMIC, Category.STATIC
SKIPPED = CompletionStatus.SKIPPED


def day(n: int) -> date:
    return MON + timedelta(days=n)


def done(n: int, category: Category = MOB) -> Completion:
    return Completion(day(n), category, "s")


def skipped(n: int, category: Category = MOB) -> Completion:
    return Completion(day(n), category, "s", SKIPPED)


def report(
    n: int, area: Area, severity: int | None, kind: ReportKind = ReportKind.SORENESS
) -> BodyReport:
    return BodyReport(day(n), area, kind, severity=severity)


def every_day(count: int, category: Category = MOB) -> dict[date, Category | None]:
    return {day(n): category for n in range(count)}


# ---------------------------------------------------------------- outcomes


def test_outcomes_of_planned_days() -> None:
    planned = {day(0): MOB, day(1): None, day(2): STA, day(3): DYN, day(4): MOB, day(5): MOB}
    logs = [
        done(0),
        done(1),  # an extra session on a rest day: not a planned day
        skipped(2, STA),
        skipped(4),
        done(4),  # skipped, then done after all: done wins
    ]
    # day 3 was never logged (missed), day 5 is today and not logged yet (open)
    assert outcomes(planned, logs, today=day(5)) == [
        (day(0), Outcome.DONE),
        (day(2), Outcome.MISSED),
        (day(3), Outcome.MISSED),
        (day(4), Outcome.DONE),
        (day(5), Outcome.OPEN),
    ]


def test_days_after_today_do_not_count_and_a_logged_today_does() -> None:
    planned = every_day(5)
    assert outcomes(planned, [skipped(2)], today=day(2))[-1] == (day(2), Outcome.MISSED)
    assert outcomes(planned, [done(2)], today=day(2))[-1] == (day(2), Outcome.DONE)
    assert len(outcomes(planned, [], today=day(2))) == 3


# ---------------------------------------------------------------- consistency score


def test_alpha_halves_the_memory_every_fourteen_sessions() -> None:
    # ALPHA = 0.5 ** (1 / 14) = 0.95169515...
    assert round(ALPHA, 9) == 0.951695153
    assert round(ALPHA**14, 12) == 0.5


def test_score_of_three_sessions_done_from_scratch() -> None:
    a = ALPHA
    # s1 = a·0 + (1−a)·1 = 1 − a        = 0.0483048  → 4.83
    # s2 = a·s1 + (1−a)   = 1 − a²       = 0.0942763  → 9.43
    # s3 = a·s2 + (1−a)   = 1 − a³       = 0.1380272  → 13.80
    series = consistency_scores(every_day(3), [done(0), done(1), done(2)], today=day(2))
    assert [s for _, s in series] == pytest.approx([4.830485, 9.427634, 13.802718])
    assert [s for _, s in series] == pytest.approx([100 * (1 - a**k) for k in (1, 2, 3)])
    # then a skip on day 3: s4 = a·s3 + (1−a)·0 = 0.9516952 × 13.802718 = 13.135980
    logs = [done(0), done(1), done(2), skipped(3)]
    assert consistency_score(every_day(4), logs, today=day(3)) == pytest.approx(13.135980)


def test_fourteen_sessions_reach_half_and_one_miss_only_dents_the_score() -> None:
    # 14 sessions done from 0: 1 − a¹⁴ = 1 − 0.5 = 0.5 → 50.
    assert consistency_score(every_day(14), [done(n) for n in range(14)], day(13)) == (
        pytest.approx(50.0)
    )
    # 28 sessions: 1 − a²⁸ = 1 − 0.25 → 75.
    logs = [done(n) for n in range(28)]
    assert consistency_score(every_day(28), logs, day(27)) == pytest.approx(75.0)
    # day 28 (today) not logged yet: still open, still 75
    assert consistency_score(every_day(29), logs, day(28)) == pytest.approx(75.0)
    # the day after, day 28 counts as missed: 75 × a = 75 × 0.9516952 = 71.377136, nowhere
    # near zero
    assert consistency_score(every_day(30), logs, day(29)) == pytest.approx(71.377136)


def test_rest_unplanned_and_open_days_leave_the_score_alone() -> None:
    # Planned Mon, Wed, Fri; Tue is a rest day, Thu is not in the plan at all; Sat is today.
    planned: Planned = {day(0): MOB, day(1): None, day(2): STA, day(4): DYN, day(5): MOB}
    logs = [done(0), done(2), done(4)]
    # three planned sessions done: 1 − a³ → 13.80; today's session is open: no change
    assert consistency_score(planned, logs, today=day(5)) == pytest.approx(13.802718)
    assert consistency_score({}, [done(0)], today=day(0)) == 0.0


# ---------------------------------------------------------------- streaks


def test_streaks_count_planned_sessions_done_in_a_row() -> None:
    #          0    1     2    3     4    5    6 (Sun)  7    8
    planned = {
        **every_day(9),
        day(1): None,  # rest day: neither breaks nor counts
        day(6): None,
    }
    del planned[day(2)]  # not planned at all: same as a rest day
    logs = [done(0), done(3), done(4), skipped(5), done(7)]
    # 0 ✓, 3 ✓, 4 ✓ → run of 3; 5 skipped → 0; 7 ✓ → 1; 8 today, open
    assert streaks(planned, logs, today=day(8)) == Streaks(current=1, best=3)
    # today's skip breaks the run at once
    assert streaks(planned, [*logs, skipped(8)], today=day(8)) == Streaks(current=0, best=3)
    # a day never logged breaks it the day after
    assert streaks(planned, logs, today=day(9)) == Streaks(current=0, best=3)
    assert streaks({}, [], today=day(0)) == Streaks(0, 0)


# ---------------------------------------------------------------- last four weeks


def test_recent_share_covers_the_28_days_up_to_today() -> None:
    planned = every_day(40)
    today = day(39)  # the window is days 12..39
    logs = [done(n) for n in range(0, 40, 2)]  # every even day done
    # days 12..38 are decided (27 days, 14 even ones done); day 39 (today, odd) is open
    assert recent_share(planned, logs, today) == Share(done=14, planned=27)
    assert recent_share(planned, logs, today).percent == 52  # 14 / 27 = 51.85%
    assert recent_share(planned, [*logs, done(39)], today) == Share(15, 28)
    assert Share(0, 0).percent is None


# ---------------------------------------------------------------- weeks and trends


def test_weekly_tallies_by_category() -> None:
    planned: Planned = {**every_day(10), day(6): None}  # Sunday rest
    logs = [done(0), done(1, DYN), skipped(2, STA), done(3, STA), done(6), done(8, DYN)]
    reports = [
        report(1, Area.CALVES, 3),
        report(4, Area.CALVES, 5),  # the worst of the week counts
        report(9, Area.CALVES, None, ReportKind.TIGHTNESS),  # no number: none made up
    ]
    first, second = weeks(planned, logs, reports, today=day(9), count=2)
    assert first.start == MON
    assert first.done == {MOB: 2, DYN: 1, STA: 1}  # the rest-day session still shows
    assert first.skipped == {STA: 1}
    assert first.planned == 6
    assert first.severity == {Area.CALVES: 5}
    assert second.start == day(7)
    assert (second.planned, second.total_done, second.total_skipped) == (3, 1, 0)  # days 7-9
    assert second.severity == {}
    assert second.unrated == frozenset({Area.CALVES})


def test_week_summary_trends_against_the_week_before() -> None:
    today = day(9)  # Wednesday of the second week
    reports = [
        report(1, Area.HAMSTRINGS, 5),
        report(8, Area.HAMSTRINGS, 2),  # 5 → 2: better
        report(2, Area.CALVES, 3),
        report(7, Area.CALVES, 4),  # 3 → 4: one point is noise, the same
        report(9, Area.KNEE, 6, ReportKind.PAIN),  # nothing → 6: worse
        report(3, Area.QUADS, 4),  # 4 → nothing said: better
        report(3, Area.GLUTES, 1),  # 1 → nothing said: the same
        report(4, Area.GLUTES, None, ReportKind.PAIN),  # no number: no trend to tell
        report(10, Area.ANKLE, 9),  # tomorrow: not yet
    ]
    summary = week_summary(every_day(10), [done(7), skipped(8, DYN)], reports, today)
    assert summary.week.start == day(7)
    assert summary.week.done == {MOB: 1}
    assert summary.week.skipped == {DYN: 1}
    assert summary.trends == {
        Area.CALVES: Trend.SAME,
        Area.HAMSTRINGS: Trend.BETTER,
        Area.KNEE: Trend.WORSE,
        Area.QUADS: Trend.BETTER,
    }


# ---------------------------------------------------------------- the whole picture


def test_progress_and_its_summary_for_a_fortnight() -> None:
    planned: Planned = {**every_day(14), day(6): None, day(13): None}  # Sundays off
    logs = [done(n, (MOB, STA)[n % 2]) for n in range(12) if n not in (6, 9)]
    logs.append(skipped(9))
    reports = [
        report(2, Area.HIP_FLEXORS, 4),
        report(8, Area.HIP_FLEXORS, 2),  # 4 → 2: better
        report(3, Area.CALVES, 3),
        report(9, Area.CALVES, 3),  # 3 → 3: about the same
    ]
    today = day(12)  # Saturday; its session is open
    result = progress(planned, logs, reports, today)
    assert len(result.weeks) == 12
    assert result.has_data
    assert result.areas == (Area.HIP_FLEXORS, Area.CALVES)  # both two weeks; 4 beats 3
    # planned 0-5, 7-8 done (8 in a row), 9 skipped, 10-11 done, 12 open
    assert result.streaks == Streaks(current=2, best=8)
    assert result.recent == Share(done=10, planned=11)  # 91%
    # 8 done, a skip, 2 done: s = (1 − a⁸)·a·a² + (1 − a²)
    #                          = 0.327050 × 0.861973 + 0.094276 = 0.376184
    a = ALPHA
    assert result.score == pytest.approx(100 * ((1 - a**8) * a**3 + (1 - a**2)))
    assert result.score == pytest.approx(37.618, abs=0.001)
    # this week (days 7-12): 7 static, 8 mobility, 10 mobility, 11 static done, 9 skipped;
    # twelve weeks: days 0-5 and 7, 8, 10, 11 done = 10 sessions
    assert progress_summary(result) == (
        "Consistency: 38/100. It builds up with every planned session you do, and one "
        "missed day only dents it.\n"
        "Streak: 2 planned sessions in a row (best 8).\n"
        "Last 4 weeks: 10 of 11 planned sessions done (91%).\n"
        "This week: 4 done (2 mobility, 2 static), 1 skipped, 6 planned so far.\n"
        "Past 12 weeks: 10 sessions done in all.\n"
        "Body, against last week: calves about the same, hip flexors better.\n"
        "Every session counts: the score climbs with each one you do."
    )


def test_no_data_gives_a_friendly_line_not_numbers() -> None:
    result = progress(every_day(30), [], [], today=day(29))
    assert not result.has_data
    assert progress_summary(result) == (
        "Nothing logged in the last 12 weeks yet, so there's no chart to show. Do today's "
        "session, tap Done, and your progress starts here: /today"
    )
    # logs older than the twelve weeks shown do not make a chart either
    assert not progress(every_day(200), [done(0)], [], today=day(199)).has_data


def test_the_summary_fits_a_photo_caption_at_its_longest() -> None:
    planned = every_day(120)
    logs = [done(n, list(Category)[n % 3]) for n in range(119)]
    logs += [skipped(n, c) for n in range(113, 119) for c in Category]
    reports = [report(n, area, n % 11) for n in range(100, 120) for area in Area]
    text = progress_summary(progress(planned, logs, reports, today=day(119)))
    assert len(text) <= 1024 - 100  # room for a title line and markup
    assert "<" not in text
    assert "&" not in text


def test_areas_most_often_reported_come_first_then_the_worst() -> None:
    reports = [
        report(0, Area.KNEE, 2),
        report(8, Area.KNEE, 1),  # two weeks
        report(1, Area.CALVES, 3),
        report(2, Area.GLUTES, 7),
        report(3, Area.ANKLE, 3),  # one week each: glutes (7), then ankle and calves (3)
    ]
    result = progress(every_day(10), [], reports, today=day(9))
    assert result.areas == (Area.KNEE, Area.GLUTES, Area.ANKLE, Area.CALVES)


def test_progress_needs_two_weeks() -> None:
    with pytest.raises(ValueError, match="two weeks"):
        progress({}, [], [], day(0), count=1)


# ---------------------------------------------------------------- planned days


RUNNER = RunnerProfile(rest_days=frozenset({6}))
BASE = PhaseState(Phase.BASE, started_on=MON - timedelta(days=10))


def test_planned_days_ask_the_planner_day_by_day(planner: Planner) -> None:
    logs = [done(n, STA if n % 3 == 0 else MOB) for n in range(-20, 14)]
    reports = [report(5, Area.CALVES, 7)]
    planned = planned_days(planner, RUNNER, BASE, logs, reports, start=day(0), end=day(13))
    assert list(planned) == [day(n) for n in range(14)]
    assert planned[day(6)] is None  # Sundays
    assert planned[day(13)] is None
    for n in range(14):
        # the same windows the service loads: 15 days of logs, 3 days of reports
        history = [c for c in logs if day(n - 15) <= c.on < day(n)]
        recent = [r for r in reports if day(n - 3) <= r.on <= day(n)]
        expected = planner.plan_for(RUNNER, BASE, history, recent, day(n)).category
        assert planned[day(n)] == expected
    assert set(planned.values()) == {None, MOB, STA}


def test_planned_days_follow_the_phase_log(planner: Planner) -> None:
    state = replace(BASE, started_on=day(8))
    phases = [(day(2), Phase.ONBOARDING), (day(4), Phase.PAUSED), (day(8), Phase.BASE)]
    planned = planned_days(planner, RUNNER, state, [], [], start=day(0), end=day(9), phases=phases)
    assert [planned[day(n)] for n in (0, 1)] == [None, None]  # before the runner joined
    assert {planned[day(n)] for n in (2, 3)} == {MOB}  # onboarding is mobility only
    assert {planned[day(n)] for n in range(4, 8)} == {None}  # paused
    assert planned[day(8)] == planner.plan_for(RUNNER, state, [], [], day(8)).category


def test_days_under_a_hold_count_only_when_done(planner: Planner) -> None:
    """A hold is no time to chase a score: its days are never missed, and a gentle session
    done under it still counts."""
    held = PhaseState(Phase.RECOVERY_HOLD, started_on=day(4), held_areas=frozenset({Area.KNEE}))
    phases = [(day(0), Phase.BASE), (day(4), Phase.RECOVERY_HOLD)]
    logs = [done(n, MOB) for n in (0, 1, 2, 3, 7)]
    planned = planned_days(
        planner, RUNNER, held, logs, [], start=day(0), end=day(11), phases=phases
    )
    assert {planned[day(n)] for n in (4, 5, 8, 9, 10, 11)} == {None}
    assert planned[day(7)] is not None
    missed = [d for d, o in outcomes(planned, logs, day(11)) if o is Outcome.MISSED]
    assert missed == []
    assert consistency_score(planned, logs, day(11)) > 0


# ---------------------------------------------------------------- properties

#: One day of a made-up log: rest, done, skipped, forgotten, or an extra session on a rest day.
DAY_KINDS = st.sampled_from(["rest", "done", "done", "done", "skipped", "forgotten", "extra"])


def build(kinds: list[str]) -> tuple[Planned, list[Completion]]:
    planned: dict[date, Category | None] = {}
    logs: list[Completion] = []
    for n, kind in enumerate(kinds):
        category = list(Category)[n % 3]
        planned[day(n)] = None if kind in {"rest", "extra"} else category
        if kind in {"done", "extra"}:
            logs.append(done(n, category))
        elif kind == "skipped":
            logs.append(skipped(n, category))
    return planned, logs


@given(st.lists(DAY_KINDS, max_size=150), st.integers(0, 160))
def test_the_score_stays_between_0_and_100(kinds: list[str], today: int) -> None:
    planned, logs = build(kinds)
    assert all(0 <= s <= 100 for _, s in consistency_scores(planned, logs, day(today)))


@given(st.lists(DAY_KINDS, max_size=150), st.integers(0, 160))
def test_the_current_streak_never_beats_the_best(kinds: list[str], today: int) -> None:
    planned, logs = build(kinds)
    result = streaks(planned, logs, day(today))
    assert 0 <= result.current <= result.best


@given(
    st.lists(DAY_KINDS, max_size=100),
    st.integers(7, 60),
    st.sampled_from(["skipped", "forgotten"]),
)
def test_one_miss_after_a_streak_keeps_most_of_the_score(
    before: list[str], streak: int, miss: str
) -> None:
    planned, logs = build([*before, *["done"] * streak, miss, "rest"])
    last = len(before) + streak
    kept = consistency_score(planned, logs, day(last - 1))
    # a skip counts at once, a forgotten session once its day is over
    today = day(last) if miss == "skipped" else day(last + 1)
    after = consistency_score(planned, logs, today)
    assert after >= 0.8 * kept
    assert after == pytest.approx(ALPHA * kept)
    assert streaks(planned, logs, today).current == 0
    assert streaks(planned, logs, today).best >= streak


# ---------------------------------------------------------------- the first days


@pytest.mark.parametrize(
    ("planned", "logs"),
    [
        ({}, [done(0)]),  # a session done on a day with nothing planned
        ({day(0): MOB}, [done(0)]),  # today's planned session, done
        ({day(0): None, day(1): MOB}, [done(0), done(1)]),  # two days in
    ],
)
def test_the_first_days_say_it_is_early_and_count_what_was_done(
    planned: Planned, logs: list[Completion]
) -> None:
    today = logs[-1].on
    said = progress_summary(progress(planned, logs, [], today))
    assert "Consistency: early days, so no score yet" in said
    assert "0/100" not in said
    assert "no sessions were due" not in said
    assert "missed" not in said  # nothing was missed
    assert "0 planned so far" not in said
    assert "0 skipped" not in said
    assert f"This week: {len(logs)} done" in said
    streak = "1 planned session in a row" if planned.get(today) else "done so far"
    assert streak in said
    assert "Early days" in said


def test_after_a_miss_the_score_and_the_dent_are_said() -> None:
    planned = every_day(5)
    logs = [done(0), done(1), done(2), skipped(3)]
    said = progress_summary(progress(planned, logs, [], day(4)))
    assert "Consistency: " in said
    assert "/100" in said
    assert "A missed day only dents the score" in said
    assert "1 skipped" in said


def test_a_report_without_a_number_is_never_given_one() -> None:
    reports = [report(0, Area.KNEE, None, ReportKind.PAIN), report(1, Area.CALVES, 4)]
    shown = progress(every_day(2), [done(0)], reports, day(1))
    assert shown.weeks[-1].severity == {Area.CALVES: 4}
    assert shown.weeks[-1].unrated == frozenset({Area.KNEE})
    assert set(shown.areas) == {Area.KNEE, Area.CALVES}
    only_unrated = progress({}, [], [report(0, Area.KNEE, None, ReportKind.PAIN)], day(0))
    assert only_unrated.has_data
