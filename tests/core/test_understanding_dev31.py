"""Session seventeen's second development set (in my own words here): a log's number is
never a report's ("did the session yesterday 5/10 but got pins and needles": the 5 is the
effort); "shooting for sub-45" is no nerve pain; "actually more like 6" corrects; "did mine
today" is today's, and "he did his at 9" is his; someone else's clearance is no recovery;
"I'm still paused" is no new break."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import IntentKind, understand_all
from bot.core.vocabulary import RedFlag

TODAY = date(2030, 2, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("did the session yesterday 5/10 but then got pins and needles in my left foot", 5),
        ("flew back last night, did todays 4/10 cos jetlag. right calf swollen and hot", 4),
        ("lower back pain and i keep losing control of my bladder. did mondays session 5/10", 5),
    ],
)
def test_a_logs_number_is_never_the_reports(text: str, effort: int) -> None:
    found = understand_all(text, TODAY)
    assert [p.effort for p in found if p.kind is IntentKind.DONE] == [effort]
    reports = [p.report for p in found if p.report is not None]
    assert reports
    assert all(r.severity is None for r in reports)


def test_a_number_after_the_body_is_still_the_bodys() -> None:
    found = understand_all("did the hops and my knee hurts 6", TODAY)
    assert [p.report.severity for p in found if p.report is not None] == [6]


def test_shooting_for_a_time_is_no_sign() -> None:
    found = understand_all("shooting for sub-45 10k, did todays 6/10", TODAY)
    assert not any(p.signs or (p.report and p.report.red_flags) for p in found)


def test_actually_more_like_corrects_the_effort() -> None:
    (part,) = understand_all("did yesterdays 8/10 actually more like 6", TODAY)
    assert (part.log_day, part.effort) == (date(2030, 2, 5), 6)


@pytest.mark.parametrize(
    "text",
    [
        "my husband tore his calf so no long run for us sunday. did mine today 5/10",
        "he did his yesterday at 9/10 and his hamstring is killing him, i did mine today, 6",
    ],
)
def test_mine_today_is_todays_log(text: str) -> None:
    logs = [(p.log_day, p.effort) for p in understand_all(text, TODAY) if p.kind is IntentKind.DONE]
    assert len(logs) == 1
    assert logs[0][0] is None  # today


def test_someone_elses_clearance_is_no_recovery() -> None:
    found = understand_all("my physio cleared my wife for running again", TODAY)
    assert all(p.kind is not IntentKind.FEELS_FINE for p in found)


def test_still_paused_is_no_new_break() -> None:
    found = understand_all(
        "i'm still paused after my holiday but i'm home now so start me again", TODAY
    )
    assert [p.kind for p in found] == [IntentKind.RESUME]


def test_days_said_with_nothing_done_are_skips_and_today_is_logged() -> None:
    found = understand_all(
        "friday saturday and sunday i did nothing, was travelling. today done effort 5", TODAY
    )
    skipped = [p.log_day for p in found if p.kind is IntentKind.SKIPPED]
    assert skipped == [date(2030, 2, 1), date(2030, 2, 2), date(2030, 2, 3)]
    assert [(p.log_day, p.effort) for p in found if p.kind is IntentKind.DONE] == [(None, 5)]


def test_a_clot_after_travel_and_breathlessness_is_the_call_now_sign() -> None:
    found = understand_all(
        "calf hot and tight since the long haul flight and im a bit out of breath", TODAY
    )
    (report,) = [p.report for p in found if p.report is not None]
    assert {RedFlag.CLOT_SIGNS, RedFlag.HEART_SIGNS} <= report.red_flags
