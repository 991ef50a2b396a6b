"""Words for plan questions, odd values, later pauses and the did-you-mean buttons: valid
Telegram HTML, the runner's words escaped, callback data the codec reads back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.core.understanding.suggest import Suggestion
from bot.core.vocabulary import Phase
from bot.presentation import questions
from bot.presentation.callbacks import Action, decode
from bot.presentation.questions import (
    jumps_answer,
    past_day,
    pause_hint,
    suggestion_rows,
    unclear_value,
    unknown_with_suggestions,
)
from tests.presentation.test_render import PLANS, assert_telegram_html

TODAY = date(2026, 12, 4)


@given(st.text(max_size=200))
def test_what_the_runner_said_is_escaped(said: str) -> None:
    assert_telegram_html(unknown_with_suggestions(said))
    assert_telegram_html(unclear_value(said[:20], time_of_day=True))
    assert_telegram_html(unclear_value(said[:20], time_of_day=False))
    assert_telegram_html(unclear_value(said[:20], time_of_day=False, effort=True))


def test_fixed_texts_are_valid_html() -> None:
    assert_telegram_html(pause_hint())
    assert past_day(date(2026, 12, 3), TODAY) == "yesterday"


def test_suggestion_buttons_decode() -> None:
    for row in suggestion_rows(tuple(Suggestion)):
        ((_, data),) = row
        callback = decode(data)
        assert callback is not None
        assert callback.action is Action.SUGGEST
        assert Suggestion(callback.str_arg(0)) in Suggestion


def test_no_jumps_for_now_says_why_when_the_health_screen_holds_them() -> None:
    held = "No hops, jumps or skips for now <after the birth>."
    text = jumps_answer(None, date(2027, 1, 4), 28, Phase.DYNAMIC_BLOCK, held)
    assert text.startswith("No jumps for now.")
    assert "&lt;after the birth&gt;" in text
    assert_telegram_html(text)


def test_a_session_on_the_weekend_asks_which_of_its_days() -> None:
    """Trial: "did it on the weekend" was told that day "doesn't exist or hasn't come yet"."""
    text = questions.unclear_log_day("on the weekend")
    assert "Saturday or Sunday" in text
    assert "exist" not in text
    assert_telegram_html(text)


def test_jumps_under_a_hold_name_no_weeks() -> None:
    """A hold has no end date: "no jump work in the next 6 weeks" promised one (trial)."""
    text = jumps_answer(None, date(2027, 1, 4), 42, Phase.RECOVERY_HOLD)
    assert "weeks" not in text
    assert "return checks" in text
    assert_telegram_html(text)


def test_a_race_date_that_reads_two_ways_names_both_days() -> None:
    text = questions.unclear_date("11/10", race=True)
    assert "11 October" in text
    assert "10 November" in text
    assert "passed" not in text
    assert "passed" in questions.unclear_date("31 april", race=True)


def test_both_readings_carry_the_year_they_next_fall_in() -> None:
    """Trial: "race on 11 October" (as the answer suggested) was a day just gone, so it was
    refused; the suggestion now carries its year, which the coach takes."""
    text = questions.unclear_date("11/10", race=True, today=date(2026, 12, 6))
    assert "11 October 2027" in text
    assert "10 November 2027" in text
    assert "11 March 2027" in questions.unclear_date("11/3", race=True, today=date(2026, 12, 6))


def test_a_why_read_on_another_day_names_the_days() -> None:
    """A new runner's trial: tomorrow's preview said "your hard session is tomorrow" of the
    day after. On another day than its own, a why's today/tomorrow/yesterday are named."""
    plan = replace(PLANS[0], why="Mobility day, no jumps today: your hard session is tomorrow")
    assert questions.why_on(plan, plan.on) == plan.why
    before = plan.on - timedelta(days=1)
    after = (plan.on + timedelta(days=1)).strftime("%A")
    assert questions.why_on(plan, before) == (
        f"Mobility day, no jumps on {plan.on.strftime('%A')}: your hard session is on {after}"
    )
    assert "today" not in questions.day_ahead(plan, before).split("\n")[1]
