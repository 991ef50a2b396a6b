"""Progress: a consistency score, streaks, weekly tallies and a summary in plain words.

Pure functions of simple inputs: ``planned`` maps each day to its planned category (None on
rest days; days missing from it count as unplanned), plus the completions, body reports and
``today``. A planned day up to today is *done* when any session was logged done that day,
*missed* when it was skipped or never logged; today's plan stays *open* until it is logged.
Unplanned days move neither the score nor the streak, though sessions done on them still
count in the weekly bars. Weeks run Monday to Sunday and are counted up to ``today``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from bot.core.phases import PhaseState
from bot.core.planner import Planner
from bot.core.records import BodyReport, Completion, RunnerProfile
from bot.core.restrictions import REPORT_LOOKBACK_DAYS
from bot.core.rhythm import LOOKBACK_DAYS
from bot.core.vocabulary import Area, Category, Phase, ReportKind

__all__ = [
    "ALPHA",
    "EARLY_SESSIONS",
    "HALF_LIFE_SESSIONS",
    "RECENT_DAYS",
    "WEEKS_SHOWN",
    "Outcome",
    "Planned",
    "Progress",
    "Share",
    "Streaks",
    "Trend",
    "Week",
    "WeekSummary",
    "consistency_score",
    "consistency_scores",
    "outcomes",
    "planned_days",
    "progress",
    "progress_summary",
    "recent_share",
    "severity_of",
    "streaks",
    "week_summary",
    "weeks",
]

#: The score halves its memory every 14 planned sessions: two to three and a half weeks at
#: four to seven sessions a week.
HALF_LIFE_SESSIONS = 14
ALPHA = 0.5 ** (1 / HALF_LIFE_SESSIONS)
WEEKS_SHOWN = 12
#: Fewer planned sessions decided than this, and the score is not shown yet: it is early.
EARLY_SESSIONS = 3
RECENT_DAYS = 28
#: A change of one point on a 0-10 scale is day-to-day noise, not a trend.
TREND_MARGIN = 1
#: An unrated report counts at the mildest severity the planner treats it as.
UNRATED_SEVERITY = {ReportKind.TIGHTNESS: 3, ReportKind.SORENESS: 4, ReportKind.PAIN: 6}

Planned = Mapping[date, Category | None]


class Outcome(StrEnum):
    """What became of one planned session."""

    DONE = "done"
    MISSED = "missed"
    OPEN = "open"


class Trend(StrEnum):
    """An area this week against the week before."""

    WORSE = "worse"
    BETTER = "better"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class Streaks:
    """Planned sessions done in a row: the run going now and the longest one."""

    current: int
    best: int


@dataclass(frozen=True, slots=True)
class Share:
    """Planned sessions done out of those due (today's open one not counted)."""

    done: int
    planned: int

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, or None when nothing was due."""
        return round(100 * self.done / self.planned) if self.planned else None


@dataclass(frozen=True, slots=True)
class Week:
    """One Monday-to-Sunday week, counted up to today.

    ``planned`` counts planned sessions up to today (today's included); ``severity`` is
    the worst severity (0-10) reported per area that week, from reports with a number;
    ``unrated``: areas reported that week without one (never given a number here).
    """

    start: date
    planned: int
    done: Mapping[Category, int]
    skipped: Mapping[Category, int]
    severity: Mapping[Area, int]
    unrated: frozenset[Area] = frozenset()

    @property
    def total_done(self) -> int:
        """Sessions done, any kind."""
        return sum(self.done.values())

    @property
    def total_skipped(self) -> int:
        """Sessions logged as skipped, any kind."""
        return sum(self.skipped.values())


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """This week's numbers and each reported area against last week."""

    week: Week
    previous: Week
    trends: Mapping[Area, Trend]


@dataclass(frozen=True, slots=True)
class Progress:
    """Everything /progress shows: weekly bars, score, streaks, recent share, this week."""

    today: date
    weeks: tuple[Week, ...]
    score: float
    streaks: Streaks
    recent: Share
    this_week: WeekSummary
    #: Planned sessions decided (done, skipped or missed) in all the days planned.
    decided: int = 0

    @property
    def early(self) -> bool:
        """Too few planned sessions behind the runner for a score to mean anything."""
        return self.decided < EARLY_SESSIONS

    @property
    def has_data(self) -> bool:
        """Whether anything was logged or reported in the weeks shown."""
        return any(w.total_done or w.total_skipped or w.severity or w.unrated for w in self.weeks)

    @property
    def areas(self) -> tuple[Area, ...]:
        """Areas reported in the weeks shown: most weeks reported first, then the worst."""
        weeks = Counter(area for w in self.weeks for area in w.severity.keys() | w.unrated)
        worst = {area: max(w.severity.get(area, 0) for w in self.weeks) for area in weeks}
        return tuple(sorted(weeks, key=lambda area: (-weeks[area], -worst[area], area.value)))


def severity_of(report: BodyReport) -> int:
    """The report's severity, or the default for its kind when the runner gave none (the
    planner's reading; /progress never shows it as the runner's number)."""
    return report.severity if report.severity is not None else UNRATED_SEVERITY[report.kind]


def outcomes(
    planned: Planned, completions: Iterable[Completion], today: date
) -> list[tuple[date, Outcome]]:
    """Each planned day up to today with its outcome, oldest first."""
    done: dict[date, bool] = {}
    for completion in completions:
        done[completion.on] = done.get(completion.on, False) or completion.done
    result: list[tuple[date, Outcome]] = []
    for day in sorted(d for d, category in planned.items() if category and d <= today):
        if done.get(day):
            result.append((day, Outcome.DONE))
        elif day == today and day not in done:
            result.append((day, Outcome.OPEN))
        else:
            result.append((day, Outcome.MISSED))
    return result


def consistency_scores(
    planned: Planned, completions: Iterable[Completion], today: date
) -> list[tuple[date, float]]:
    """The score (0-100) after each decided planned day, oldest first.

    ``score = ALPHA * previous + (1 - ALPHA) * done`` per planned session, from 0, with done
    1 or 0: one miss keeps 95% of the score, a habit kept up climbs towards 100.
    """
    score = 0.0
    series: list[tuple[date, float]] = []
    for day, outcome in outcomes(planned, completions, today):
        if outcome is not Outcome.OPEN:
            score = ALPHA * score + (1 - ALPHA) * (outcome is Outcome.DONE)
            series.append((day, 100 * score))
    return series


def consistency_score(planned: Planned, completions: Iterable[Completion], today: date) -> float:
    """The score today, 0-100 (0 before any planned session is decided)."""
    series = consistency_scores(planned, completions, today)
    return series[-1][1] if series else 0.0


def streaks(planned: Planned, completions: Iterable[Completion], today: date) -> Streaks:
    """Current and best runs of planned sessions done; a skipped or missed one ends a run."""
    current = best = 0
    for _, outcome in outcomes(planned, completions, today):
        if outcome is Outcome.DONE:
            current += 1
            best = max(best, current)
        elif outcome is Outcome.MISSED:
            current = 0
    return Streaks(current, best)


def recent_share(
    planned: Planned, completions: Iterable[Completion], today: date, days: int = RECENT_DAYS
) -> Share:
    """Planned sessions done in the ``days`` days up to today."""
    since = today - timedelta(days=days - 1)
    decided = [o for d, o in outcomes(planned, completions, today) if d >= since]
    return Share(
        done=decided.count(Outcome.DONE),
        planned=sum(o is not Outcome.OPEN for o in decided),
    )


def weeks(
    planned: Planned,
    completions: Iterable[Completion],
    reports: Iterable[BodyReport],
    today: date,
    count: int = WEEKS_SHOWN,
) -> tuple[Week, ...]:
    """The last ``count`` weeks up to today's (partial) week, oldest first."""
    first = _monday(today) - timedelta(weeks=count - 1)
    done: list[Counter[Category]] = [Counter() for _ in range(count)]
    skipped: list[Counter[Category]] = [Counter() for _ in range(count)]
    severity: list[dict[Area, int]] = [{} for _ in range(count)]
    unrated: list[set[Area]] = [set() for _ in range(count)]
    due = [0] * count
    for completion in completions:
        if (index := _week_index(completion.on, first, today)) is not None:
            (done if completion.done else skipped)[index][completion.category] += 1
    for report in reports:
        if (index := _week_index(report.on, first, today)) is None:
            continue
        if report.severity is None:  # no number said: none made up
            unrated[index].add(report.area)
            continue
        worst = severity[index]
        worst[report.area] = max(worst.get(report.area, 0), report.severity)
    for day, category in planned.items():
        if category and (index := _week_index(day, first, today)) is not None:
            due[index] += 1
    return tuple(
        Week(
            first + timedelta(weeks=i),
            due[i],
            dict(done[i]),
            dict(skipped[i]),
            severity[i],
            frozenset(unrated[i]),
        )
        for i in range(count)
    )


def week_summary(
    planned: Planned,
    completions: Iterable[Completion],
    reports: Iterable[BodyReport],
    today: date,
) -> WeekSummary:
    """This week (Monday up to today) and each area reported in it or the week before.

    An area's trend compares the week's worst severity with the week before's, a week
    without a report counting as 0; a change of one point counts as the same. With no week
    before (nothing planned, logged or reported in it), there are no trends. For a
    check-in on a Monday about the week just ended, pass Sunday as ``today``.
    """
    previous, week = weeks(planned, completions, reports, today, count=2)
    return WeekSummary(week, previous, _trends(previous, week))


def progress(
    planned: Planned,
    completions: Sequence[Completion],
    reports: Sequence[BodyReport],
    today: date,
    *,
    count: int = WEEKS_SHOWN,
) -> Progress:
    """All the /progress numbers; the score and best streak reach as far back as ``planned``.

    ``count`` (at least 2) is the number of weeks shown.
    """
    if count < 2:
        raise ValueError("progress needs at least two weeks")
    shown = weeks(planned, completions, reports, today, count)
    scores = consistency_scores(planned, completions, today)
    return Progress(
        today=today,
        weeks=shown,
        score=scores[-1][1] if scores else 0.0,
        streaks=streaks(planned, completions, today),
        recent=recent_share(planned, completions, today),
        this_week=WeekSummary(shown[-1], shown[-2], _trends(shown[-2], shown[-1])),
        decided=len(scores),
    )


def progress_summary(progress: Progress) -> str:
    """A few plain lines for those who read rather than look (no markup; escape it)."""
    if not progress.has_data:
        return (
            f"Nothing logged in the last {len(progress.weeks)} weeks yet, so there's no chart "
            "to show. Do today's session, tap Done, and your progress starts here: /today"
        )
    recent, week = progress.recent, progress.this_week.week
    total = sum(w.total_done for w in progress.weeks)
    lines = [
        "Consistency: early days, so no score yet: it starts once a few planned sessions "
        "are behind you."
        if progress.early
        else f"Consistency: {round(progress.score)}/100. It builds up with every planned "
        "session you do, and one missed day only dents it.",
        _streak_line(progress, total),
    ]
    if recent.planned:
        lines.append(
            f"Last 4 weeks: {recent.done} of {_sessions(recent.planned)} done ({recent.percent}%)."
        )
    elif not progress.early:
        lines.append("Last 4 weeks: no sessions were due.")
    skipped = f", {week.total_skipped} skipped" if week.total_skipped else ""
    planned = f", {week.planned} planned so far" if week.planned else ""
    lines += [
        f"This week: {week.total_done} done{_kinds(week.done)}{skipped}{planned}.",
        f"Past {len(progress.weeks)} weeks: {_plural(total, 'session')} done in all.",
    ]
    trends = progress.this_week.trends
    if trends:
        said = ", ".join(f"{area.label} {_TREND_WORDS[t]}" for area, t in trends.items())
        lines.append(f"Body, against last week: {said}.")
    lines.append(_cheer(progress))
    return "\n".join(lines)


def planned_days(
    planner: Planner,
    profile: RunnerProfile,
    state: PhaseState,
    history: Sequence[Completion],
    reports: Sequence[BodyReport],
    *,
    start: date,
    end: date,
    phases: Sequence[tuple[date, Phase]] = (),
) -> dict[date, Category | None]:
    """Each day's planned category from ``start`` to ``end`` (both inclusive).

    Each day is planned from the logs and reports the service would have loaded for it
    then (``LOOKBACK_DAYS + 1`` days of logs, ``REPORT_LOOKBACK_DAYS`` of reports), but with
    today's profile and phase state: an approximation, as the past phase, race date and
    rest days may have differed. ``phases`` (first day, phase), oldest first, refines it:
    days before the first entry are unplanned (the runner had not joined), and an earlier
    day is planned in the phase it fell in (paused days are rest); the last entry's span
    uses ``state`` as it is. A day under a recovery hold counts only when its gentle
    session was done: a hold is no time to chase a score, so its days are never missed.
    """
    history = sorted(history, key=lambda c: c.on)
    reports = sorted(reports, key=lambda r: r.on)
    history_days = [c.on for c in history]
    done_days = {c.on for c in history if c.done}
    report_days = [r.on for r in reports]
    firsts = [first for first, _ in phases]
    planned: dict[date, Category | None] = {}
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        then = _state_on(state, phases, firsts, day)
        if then is None:
            planned[day] = None
            continue
        since = bisect_left(history_days, day - timedelta(days=LOOKBACK_DAYS + 1))
        logs = history[since : bisect_left(history_days, day)]
        since = bisect_left(report_days, day - timedelta(days=REPORT_LOOKBACK_DAYS))
        recent = reports[since : bisect_right(report_days, day)]
        if then.phase is Phase.RECOVERY_HOLD and day not in done_days:
            planned[day] = None  # excused: neither due nor missed
            continue
        planned[day] = planner.plan_for(profile, then, logs, recent, day).category
    return planned


def _state_on(
    state: PhaseState, phases: Sequence[tuple[date, Phase]], firsts: list[date], day: date
) -> PhaseState | None:
    """The phase state to plan ``day`` with, or None before the runner joined."""
    if not phases:
        return state
    index = bisect_right(firsts, day) - 1
    if index < 0:
        return None
    if index == len(phases) - 1:
        return state
    first, phase = phases[index]
    return replace(state, phase=phase, started_on=first)


def _trends(previous: Week, week: Week) -> dict[Area, Trend]:
    """Each area this week against the week before; none when there was no week before
    (nothing planned, logged or reported in it: the runner had not started), and none for
    an area reported without a number in either week (no number to compare)."""
    trends: dict[Area, Trend] = {}
    if not (
        previous.planned
        or previous.total_done
        or previous.total_skipped
        or previous.severity
        or previous.unrated
    ):
        return trends
    rated = (previous.severity.keys() | week.severity.keys()) - previous.unrated - week.unrated
    for area in sorted(rated, key=lambda a: a.value):
        change = week.severity.get(area, 0) - previous.severity.get(area, 0)
        if change > TREND_MARGIN:
            trends[area] = Trend.WORSE
        elif change < -TREND_MARGIN:
            trends[area] = Trend.BETTER
        else:
            trends[area] = Trend.SAME
    return trends


_TREND_WORDS = {Trend.WORSE: "worse", Trend.BETTER: "better", Trend.SAME: "about the same"}


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_index(day: date, first: date, today: date) -> int | None:
    if first <= day <= today:
        return (day - first).days // 7
    return None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _sessions(count: int) -> str:
    return _plural(count, "planned session")


def _kinds(done: Mapping[Category, int]) -> str:
    parts = [f"{done[c]} {c.value}" for c in Category if done.get(c)]
    return f" ({', '.join(parts)})" if parts else ""


def _streak_line(progress: Progress, total: int) -> str:
    """The run of planned sessions done; early on, the sessions done so far."""
    streak = progress.streaks
    best = f" (best {streak.best})" if streak.best else ""
    if streak.current:
        return f"Streak: {_sessions(streak.current)} in a row{best}."
    if progress.early and total:
        return f"Streak: {_plural(total, 'session')} done so far, a good start."
    if progress.early:
        return "Streak: your first session starts one."
    return f"Streak: your next session starts a new one{best}."


def _cheer(progress: Progress) -> str:
    if progress.early:
        return "Early days: every session you do now builds the habit."
    if progress.score >= 80:
        return "That's a real habit now: keep it ticking over."
    missed = progress.recent.planned > progress.recent.done
    if progress.streaks.current == 0 and missed:
        return "A missed day only dents the score: today's session gets you going again."
    if progress.score >= 50:
        return "Steady work. Little and often is what changes hips."
    return "Every session counts: the score climbs with each one you do."
