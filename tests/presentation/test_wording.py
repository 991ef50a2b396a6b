"""The use cases' wording: valid Telegram HTML, with every user string escaped once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.records import BodyReport, RunnerProfile
from bot.core.understanding.week import WeekSaid
from bot.core.vocabulary import Area, Equipment, Level, Phase, RedFlag, ReportKind, Side
from bot.presentation import chat, onboarding, reports, settings, training
from bot.presentation.callbacks import Answer, OnboardingStep, decode
from bot.presentation.scheduled import snoozed_reminder
from tests.presentation.test_render import PLANS, assert_buttons, assert_telegram_html, html_errors

SCRIPT = "<script>x & y</script>"
SCRIPT_ESCAPED = "&lt;script&gt;x &amp; y&lt;/script&gt;"
RACE = date(2027, 4, 12)
PROFILE = RunnerProfile(
    level=Level.INTERMEDIATE, desk_job=True, equipment=frozenset({Equipment.SMALL_WEIGHTS})
)

#: Every wording function that takes something a runner typed (or a name they chose).
USER_TEXT: dict[str, Callable[[str], str]] = {
    "greeting": chat.greeting_reply,
    "refusal": chat.refusal,
    "notice": lambda reason: chat.phase_notices([reason, "Base phase starts."]),
    "race unreadable": settings.race_date_unreadable,
    "race noted": settings.race_noted,
    "race cleared": settings.race_cleared,
    "reminder unreadable": settings.reminder_time_unreadable,
    "reminder set": lambda zone: settings.reminder_set(time(6, 45), zone),
    "zone unknown": settings.timezone_unknown,
    "zone set": lambda zone: settings.timezone_set(zone, time(21, 5)),
    "pause unreadable": settings.pause_date_unreadable,
    "paused": lambda reason: settings.paused(reason, by_default=True),
    "resumed": settings.resumed,
    "settings": lambda zone: settings.settings_message(PROFILE, Phase.BASE, RACE, None, zone),
    "intro": onboarding.intro,
    "summary": lambda zone: onboarding.summary(PROFILE, RACE, time(7), zone),
    "unknown area": reports.unknown_area,
    "cleared": reports.cleared,
    "asked effort": training.logged_ask_effort,
    "done": lambda title: training.done_logged(title, 8),
    "skipped": training.skipped_logged,
    "history": lambda line: training.history_page([(RACE, line), (RACE, "✅ Hips")], 1, 2),
    "progress": lambda summary: training.progress_caption(12, summary),
    "snoozed": lambda name: snoozed_reminder(PLANS[1], name, time(18)),
}


@pytest.mark.parametrize("make", USER_TEXT.values(), ids=USER_TEXT.keys())
def test_user_text_is_escaped_once(make: Callable[[str], str]) -> None:
    text = make(SCRIPT)
    assert_telegram_html(text)
    assert SCRIPT_ESCAPED in text
    assert "&amp;amp;" not in text


@pytest.mark.parametrize("make", USER_TEXT.values(), ids=USER_TEXT.keys())
@given(said=st.text(max_size=300))
def test_any_user_text_makes_valid_html(make: Callable[[str], str], said: str) -> None:
    assert html_errors(make(said)) == []


def test_what_the_runner_typed_is_quoted_trimmed_and_cut_short() -> None:
    assert settings.race_date_unreadable("  next <b>   ").startswith(
        "<i>next &lt;b&gt;</i> isn't a date I can read."
    )
    assert "<i>" + "x" * 32 + "</i>" in settings.reminder_time_unreadable("x" * 100)
    assert "<i>" + "y" * 64 + "</i>" in settings.timezone_unknown("y" * 100)
    assert "<i>" + "z" * 32 + "</i>" in reports.unknown_area("z" * 100)


def test_a_first_name_or_there() -> None:
    assert chat.greeting_reply(None).startswith("Hi there! 👋")
    assert onboarding.intro("").startswith("Hi there! I'm your hip coach")
    assert onboarding.intro("Zoë 🏃‍♀️").startswith("Hi Zoë 🏃‍♀️! ")


def test_settings_and_summary_read_as_before() -> None:
    text = settings.settings_message(PROFILE, Phase.BASE, RACE, time(6, 30), "Europe/Berlin")
    assert text.startswith("<b>Your settings</b>\n• Level: intermediate\n• Desk job: yes\n")
    assert "• Kit: small weights\n" in text
    assert "• Race: Mon 12 Apr 2027 (/race)\n• Morning reminder: 06:30 (/remind)\n" in text
    summary = onboarding.summary(RunnerProfile(), None, None, "UTC")
    assert "• Kit: body weight only\n• Race: none set\n" in summary
    assert "• Morning reminder: never (turn them on with /remind 07:00)\n" in summary


def test_every_set_up_question_is_valid_html() -> None:
    for question in onboarding.QUESTIONS.values():
        assert_telegram_html(question)
    for question in (reports.AREA_QUESTION, reports.FLAGS_QUESTION):
        assert_telegram_html(question)


def test_the_keyboards_carry_decodable_callbacks() -> None:
    assert_buttons(settings.delete_keyboard())
    assert_buttons(reports.flags_keyboard(["swelling"]))
    assert reports.flags_keyboard([])[-1][0][0] == "None of these"
    assert training.history_keyboard(1, 1) == []
    (row,) = training.history_keyboard(2, 3)
    assert [label for label, _ in row] == ["◀ Newer", "Older ▶"]
    assert [decode(data).int_arg(0) for _, data in row] == [1, 3]  # type: ignore[union-attr]


def test_logging_lines() -> None:
    assert training.done_logged("Hips & <core>", None) == (
        "✅ Logged <b>Hips &amp; &lt;core&gt;</b>. Nice work."
    )
    assert training.done_logged("Hops", 9).endswith(
        "A tough one, well done. Easy does it tomorrow."
    )
    assert training.skipped_logged(None).startswith("Noted: skipped today. No stress")
    assert training.button_done(None) == "✅ Logged as done. How hard did it feel?"


def test_every_set_up_question_has_its_buttons_then_skip() -> None:
    for step in onboarding.QUESTIONS:
        rows = onboarding.question_keyboard(step)
        assert_buttons(rows)
        assert rows[-1][0][0] == "Skip"
    ticked = onboarding.question_keyboard(OnboardingStep.EQUIPMENT, ["band"])
    assert [label for (label, _), *_ in ticked[:2]] == ["✅ Resistance band", "Small weights"]


def test_an_evening_reminder_is_not_called_a_morning_one() -> None:
    from datetime import time  # noqa: PLC0415 - this test only

    from bot.presentation.settings import reminder_set  # noqa: PLC0415

    assert "every morning at <b>06:30</b>" in reminder_set(time(6, 30), "Europe/London")
    assert "every evening at <b>19:00</b>" in reminder_set(time(19, 0), "Europe/London")


@pytest.mark.parametrize(
    ("step", "value", "said"),
    [
        (OnboardingStep.LEVEL, Level.ADVANCED, "Got it: experienced."),
        (OnboardingStep.DESK, Answer.NO, "Got it: not much sitting."),
        (OnboardingStep.EQUIPMENT, ["band"], "Got it: kit: band."),
        (OnboardingStep.EQUIPMENT, [], "Got it: kit: body weight only."),
        (OnboardingStep.RACE, date(2027, 4, 11), "Got it: race on Sun 11 Apr 2027."),
        (OnboardingStep.RACE, None, "Got it: no race for now."),
        (
            OnboardingStep.WEEK,
            WeekSaid(long_run_day=6, hard_days=frozenset({1})),
            "Got it: long run Sunday, hard sessions Tuesday.",
        ),
        (OnboardingStep.REMINDER, time(6, 45), "Got it: your session at 06:45."),
        (OnboardingStep.TIMEZONE, "Europe/London", "Got it: time zone Europe/London."),
    ],
)
def test_a_typed_set_up_answer_is_said_back(step: OnboardingStep, value: object, said: str) -> None:
    assert onboarding.heard(step, value) == said


def test_history_shows_a_reports_warning_signs() -> None:
    swollen = BodyReport(
        date(2026, 12, 6), Area.KNEE, ReportKind.PAIN, Side.RIGHT, None,
        frozenset({RedFlag.SWELLING}),
    )  # fmt: skip
    assert "swelling" in training.report_line(swollen)
    sore = BodyReport(date(2026, 12, 6), Area.KNEE, ReportKind.SORENESS)
    assert "⚠️" not in training.report_line(sore)


def test_the_time_zone_lines_name_the_reminder_and_the_way_home() -> None:
    moved = settings.reminder_follows_zone(time(7), "America/New_York", moved=True)
    assert moved == "Your 07:00 reminder now comes at <b>07:00 New York time</b>."
    assert "stays at <b>06:30 UTC</b>" in settings.reminder_follows_zone(
        time(6, 30), "UTC", moved=False
    )
    assert "off" in settings.reminder_follows_zone(None, "Europe/Berlin", moved=True)
    home = settings.zone_until_home("America/New_York", "Europe/London")
    assert_telegram_html(home)
    assert "<i>/timezone Europe/London</i>" in home
    (row,) = settings.back_home_keyboard("America/Argentina/Buenos_Aires")
    assert row[0][0] == "🏠 Home: back to Buenos Aires time"
    assert_buttons([row])


def test_the_lines_of_a_log_of_several_days_are_valid_html() -> None:
    for text in (
        training.asked_later("yesterday"),
        training.effort_next("today", "Hips & <core>"),
        training.pain_next("Mon 30 Nov"),
        training.effort_left("yesterday"),
        training.done_logged("Hops", None, past="yesterday", cheer=False),
    ):
        assert_telegram_html(text)
    assert training.done_logged("Hops", 4, cheer=False) == "✅ Logged <b>Hops</b>, effort 4/10."


def test_the_reminder_asked_about_says_when_it_comes() -> None:
    said = settings.reminder_time_missing(time(6, 30), "Europe/London")
    assert "06:30" in said
    assert "/remind off" in said
    assert "off" in settings.reminder_time_missing(None).split(".")[0]
