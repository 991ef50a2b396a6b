"""Rendering: valid, escaped Telegram HTML within Telegram's limits, and safe splitting."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.phases import PhaseState, next_change
from bot.core.planner import DailyPlan, Planner
from bot.core.records import BodyReport, RunnerProfile
from bot.core.triage import Tier
from bot.core.vocabulary import (
    Area,
    Category,
    Equipment,
    Level,
    Phase,
    RedFlag,
    ReportKind,
    Side,
)
from bot.presentation.callbacks import MAX_BYTES, Action, decode
from bot.presentation.commands import COMMANDS
from bot.presentation.doses import dose_text
from bot.presentation.html import escape_text
from bot.presentation.render import (
    Rows,
    block_message,
    effort_keyboard,
    group_reply,
    help_message,
    media_hint,
    phase_message,
    referral,
    report_area_keyboard,
    report_kind_keyboard,
    report_reply,
    report_severity_keyboard,
    report_side_keyboard,
    session_keyboard,
    session_message,
    split_message,
    truncate_caption,
    unknown_command,
    unknown_reply,
    utf16_len,
    week_message,
)
from bot.telegram.keyboards import inline_markup
from tests.core.conftest import shipped_content

ALLOWED_TAGS = {"b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler"}
ENTITIES = {"lt", "gt", "amp", "quot"}
NASTY = "<b>Bob</b> & co"
NASTY_ESCAPED = "&lt;b&gt;Bob&lt;/b&gt; &amp; co"


class _Validator(HTMLParser):
    """Checks the subset of HTML Telegram accepts: known tags, balanced, escaped text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"tag <{tag}>")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data: str) -> None:
        if set(data) & set("<>&"):
            self.errors.append(f"unescaped text {data!r}")

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self.errors.append(f"entity &{name};")

    def handle_charref(self, name: str) -> None:
        pass

    def handle_comment(self, data: str) -> None:
        self.errors.append("comment")


def html_errors(text: str) -> list[str]:
    """Why ``text`` is not valid Telegram HTML (empty when it is)."""
    validator = _Validator()
    validator.feed(text)
    validator.close()
    if validator.rawdata:
        validator.errors.append(f"left over {validator.rawdata!r}")
    if validator.stack:
        validator.errors.append(f"unclosed {validator.stack}")
    if re.search(r"&(?![a-zA-Z]+;|#[0-9]+;|#x[0-9a-fA-F]+;)", text):
        validator.errors.append("bare &")
    return validator.errors


def assert_telegram_html(text: str, limit: int = 4096) -> None:
    assert html_errors(text) == []
    assert 0 < utf16_len(text) <= limit


def text_of(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def assert_buttons(rows: Rows) -> None:
    for row in rows:
        assert row
        for label, data in row:
            assert label
            assert len(data.encode()) <= MAX_BYTES
            assert decode(data) is not None


# ---------------------------------------------------------------- real plans

TUESDAY = date(2026, 12, 1)
PROFILES = [
    RunnerProfile(level=Level.BEGINNER),
    RunnerProfile(level=Level.INTERMEDIATE, desk_job=True, rest_days=frozenset({6})),
    RunnerProfile(
        level=Level.ADVANCED,
        desk_job=True,
        equipment=frozenset(e for e in Equipment if e is not Equipment.NONE),
        dynamic_days=2,
    ),
]
STATES = [
    PhaseState(Phase.ONBOARDING, started_on=TUESDAY),
    PhaseState(Phase.BASE, started_on=TUESDAY - timedelta(days=3)),
    PhaseState(Phase.DYNAMIC_BLOCK, started_on=TUESDAY - timedelta(days=22), block_number=2),
    PhaseState(Phase.REST_PHASE, started_on=TUESDAY - timedelta(days=5), block_number=1),
    PhaseState(
        Phase.RACE_SEASON,
        started_on=TUESDAY - timedelta(days=4),
        block_number=1,
        race_date=TUESDAY + timedelta(days=5),
    ),
    PhaseState(Phase.POST_RACE_RECOVERY, started_on=TUESDAY - timedelta(days=1)),
    PhaseState(
        Phase.RECOVERY_HOLD,
        started_on=TUESDAY - timedelta(days=2),
        held_areas=frozenset({Area.KNEE}),
        resume_phase=Phase.BASE,
    ),
    PhaseState(
        Phase.PAUSED,
        started_on=TUESDAY - timedelta(days=2),
        paused_until=TUESDAY + timedelta(days=3),
        resume_phase=Phase.BASE,
    ),
]
REPORTS = [
    [],
    [BodyReport(TUESDAY, Area.CALVES, ReportKind.SORENESS, Side.LEFT, 5)],
    [BodyReport(TUESDAY, Area.HIP_FLEXORS, ReportKind.TIGHTNESS, Side.BOTH, 4)],
    [BodyReport(TUESDAY, Area.KNEE, ReportKind.PAIN, Side.RIGHT, 7, frozenset({RedFlag.SWELLING}))],
]


def real_weeks() -> list[list[DailyPlan]]:
    planner = Planner(shipped_content())
    return [
        planner.week_ahead(profile, state, [], reports, TUESDAY)
        for profile in PROFILES
        for state in STATES
        for reports in REPORTS
    ]


WEEKS = real_weeks()
PLANS = [plan for week in WEEKS for plan in week]


def test_the_sample_covers_rest_days_sessions_advice_and_check_ins() -> None:
    assert any(p.is_rest for p in PLANS)
    assert {p.category for p in PLANS} >= set(Category)
    assert any(p.advice for p in PLANS)
    assert any(p.check_in for p in PLANS)
    assert any(p.adjustments for p in PLANS)
    assert any(e.note for p in PLANS for e in p.exercises)


@pytest.mark.parametrize("name", [None, "Ann", NASTY, "Zoë 🏃‍♀️"])
def test_every_real_session_renders_as_valid_short_html(name: str | None) -> None:
    for plan in PLANS:
        text = session_message(plan, first_name=name, logged="✅ Logged: done, effort 7/10")
        assert_telegram_html(text)
        assert_buttons(session_keyboard(plan))


def test_a_session_shows_parts_doses_cues_and_minutes() -> None:
    plan = next(p for p in PLANS if not p.is_rest and p.check_in)
    text = session_message(plan)
    assert f"<b>{plan.title}</b>" in text or plan.title in text
    for heading in ("<b>Warm-up</b>", "<b>Main</b>", "<b>Cool-down</b>"):
        assert heading in text
    for exercise in plan.exercises:
        assert escape_text(dose_text(exercise)) in text  # sets, reps or contacts, and rest
        for cue in exercise.cues:  # every cue, safety cues included (issue 12)
            assert escape_text(cue) in text
    assert f"about {plan.minutes} min" in text
    assert f"week {plan.week}" in text
    assert "💬" in text
    assert text.index("<b>Warm-up</b>") < text.index("<b>Main</b>") < text.index("Cool-down")


def test_swap_notes_are_italic_and_advice_is_prominent() -> None:
    noted = next(p for p in PLANS if any(e.note for e in p.exercises))
    assert "<i>↳ " in session_message(noted)
    warned = next(p for p in PLANS if p.advice)
    text = session_message(warned)
    assert "⚠️" in text
    assert text.index("⚠️") < text.index("<b>Main</b>")
    assert "physiotherapist" in text


def test_adjustments_are_listed() -> None:
    plan = next(p for p in PLANS if p.adjustments and not p.is_rest)
    text = session_message(plan)
    assert "<b>What I changed today</b>" in text
    assert text.count("\n• ") >= len(plan.adjustments)


def test_names_notes_and_logged_lines_show_as_typed() -> None:
    plan = next(p for p in PLANS if not p.is_rest)
    text = session_message(plan, first_name=NASTY, logged=f"Logged: {NASTY}")
    assert text.count(NASTY_ESCAPED) == 2
    assert "<b>Bob</b>" not in text
    assert text.endswith(f"Logged: {NASTY_ESCAPED}")


def test_content_strings_are_escaped_too() -> None:
    plan = next(p for p in PLANS if not p.is_rest)
    nasty = replace(
        plan,
        title="Hops & <bounds>",
        why="Because <i>",
        exercises=tuple(replace(e, name="A<b>", cue="x & y", note="n>o") for e in plan.exercises),
        adjustments=("less <load>",),
        check_in="Springy? <3",
        advice="See a physio & rest",
    )
    assert_telegram_html(session_message(nasty))


def test_a_rest_day_is_kind_and_has_no_list_or_buttons() -> None:
    plan = next(p for p in PLANS if p.is_rest)
    text = session_message(plan, first_name="Ann")
    assert_telegram_html(text)
    assert "•" not in text
    assert "Warm-up" not in text
    assert plan.why in text
    assert session_keyboard(plan) == []
    assert inline_markup(session_keyboard(plan)) is None


def test_the_session_keyboard_carries_the_plan() -> None:
    plan = next(p for p in PLANS if not p.is_rest)
    rows = session_keyboard(plan)
    presses = [decode(data) for row in rows for _, data in row]
    assert [p.action for p in presses if p] == [Action.DONE, Action.SKIP, Action.SORE]
    assert all(p is not None and p.date_arg(0) == plan.on for p in presses)
    markup = inline_markup(rows)
    assert markup is not None
    assert len(markup.inline_keyboard) == 2


def test_the_effort_keyboard_has_one_to_ten() -> None:
    rows = effort_keyboard(TUESDAY, "intermediate-skips-and-lateral-hops")
    assert_buttons(rows)
    presses = [decode(data) for row in rows for _, data in row]
    assert [p.int_arg(2) for p in presses if p] == list(range(1, 11))


def test_the_report_keyboards_are_decodable() -> None:
    for rows in (
        report_area_keyboard(),
        report_side_keyboard(),
        report_kind_keyboard(),
        report_severity_keyboard(),
    ):
        assert_buttons(rows)


# ---------------------------------------------------------------- week, phase, report


def test_week_messages_have_a_line_a_day() -> None:
    for week in WEEKS:
        text = week_message(week)
        assert_telegram_html(text)
        assert sum(
            line[:3] in {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
            for line in text.splitlines()
        ) == len(week)
    resting = next(w for w in WEEKS if any(p.is_rest for p in w))
    assert "Rest day" in week_message(resting)


def test_a_week_line_reads_like_the_example() -> None:
    # Placement moved the first jump day off Tuesday: the week's first one is read.
    week = next(w for w in WEEKS if any(p.category is Category.DYNAMIC for p in w))
    jumps = next(p for p in week if p.category is Category.DYNAMIC)
    line = f"{jumps.on:%a %d %b} — Dynamic: {jumps.title}, {jumps.minutes} min"
    assert line in week_message(week)
    assert "✅ done" not in week_message(week)
    assert f"{week[0].on:%a %d %b} — " in week_message(week, done_today=True)
    assert week_message(week, done_today=True).count("✅ done") == 1
    assert_telegram_html(block_message(week))
    assert_telegram_html(block_message([]))
    assert_telegram_html(week_message([]))


@pytest.mark.parametrize("state", STATES, ids=[s.phase.value for s in STATES])
def test_phase_messages(state: PhaseState) -> None:
    change = next_change(state, TUESDAY)
    text = phase_message(state, change, "Because <tendons> & time.", today=TUESDAY)
    assert_telegram_html(text)
    assert "Because &lt;tendons&gt; &amp; time." in text
    if change is not None:
        assert "<b>Next:</b>" in text
    assert_telegram_html(phase_message(state, None, None))


def test_the_phase_message_says_the_week_and_the_race() -> None:
    block = replace(STATES[2], race_date=date(2027, 4, 12))
    text = phase_message(block, (Phase.REST_PHASE, date(2026, 12, 28)), None, today=TUESDAY)
    assert "week 4 of 7" in text
    assert "Mon 12 Apr 2027" in text
    assert "Rest phase from Mon 28 Dec 2026" in text


def test_report_replies_acknowledge_and_explain() -> None:
    text = report_reply(Area.CALVES, Side.LEFT, ReportKind.SORENESS, 6, [], "Less <jumps> & hops")
    assert_telegram_html(text)
    assert "soreness in your left calf, 6/10" in text
    assert "Less &lt;jumps&gt; &amp; hops" in text
    assert "physio" not in text


def test_red_flags_send_the_runner_to_a_professional_without_a_diagnosis() -> None:
    # Swelling and sharp pain are the hold-and-physio tier (limping, once here, is a bone
    # stress sign now: tests/presentation/test_safety_words.py).
    flags = {RedFlag.SWELLING, RedFlag.SHARP_PAIN}
    text = report_reply(Area.KNEE, Side.BOTH, ReportKind.PAIN, None, flags, "Recovery hold.")
    assert_telegram_html(text)
    assert "both knees" in text
    assert "sharp pain and swelling" in text
    assert "physiotherapist or doctor" in text
    for word in ("tendinitis", "tendinopathy", "fracture", "syndrome", "strain"):
        assert word not in text.lower()


@given(
    st.sampled_from(Area),
    st.sampled_from(Side),
    st.sampled_from(ReportKind),
    st.none() | st.integers(0, 10),
    st.frozensets(st.sampled_from(RedFlag)),
    st.text(max_size=200),
)
def test_every_report_reply_is_valid(  # noqa: PLR0917 - one argument per strategy
    area: Area,
    side: Side,
    kind: ReportKind,
    severity: int | None,
    flags: frozenset[RedFlag],
    change: str,
) -> None:
    assert_telegram_html(report_reply(area, side, kind, severity, flags, change))


# ---------------------------------------------------------------- help and small talk


def test_help_lists_every_command_and_free_text_examples() -> None:
    text = help_message()
    assert_telegram_html(text)
    lines = [line for line in text.splitlines() if line.startswith("/")]
    assert [line.split(" — ")[0] for line in lines] == [f"/{c.name}" for c in COMMANDS]
    assert "\n/clear — " in text
    for example in ("what's today's session?", "left calf sore 6/10", "race on 2027-04-12"):
        assert example in text


def test_an_unknown_command_is_quoted_safely_before_the_help() -> None:
    text = unknown_command(NASTY)
    assert_telegram_html(text)
    assert text.startswith("I don't know /&lt;b&gt;Bob&lt;/b&gt; &amp; co. ")
    assert text.endswith(help_message())


@given(st.text())
def test_unknown_replies_are_valid_whatever_was_said(said: str) -> None:
    assert_telegram_html(unknown_reply(said))


def test_unknown_reply_quotes_the_runner_safely() -> None:
    assert NASTY_ESCAPED in unknown_reply(NASTY)
    assert "/help" in unknown_reply("")


def test_media_and_group_replies() -> None:
    assert_telegram_html(media_hint())
    assert "private chat" in group_reply()
    assert_telegram_html(group_reply())


# ---------------------------------------------------------------- splitting

_TAGS = ["b", "i", "u", "s", "code", "a", "blockquote", "tg-spoiler"]
_TOKENS = [*"abcxyz .,!", "é", "🏃", "🇩🇪", "\n", "\n\n", "word ", "a longer run of words "]
_words = st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=12).map("".join)
_entities = st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&#128512;", "&#x1F600;"])


def _wrap(children: list[str], tag: str) -> str:
    opening = '<a href="https://e.x/?a=1&amp;b=2">' if tag == "a" else f"<{tag}>"
    return f"{opening}{''.join(children)}</{tag}>"


def _nested(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    wrapped = st.builds(_wrap, st.lists(inner, min_size=1, max_size=4), st.sampled_from(_TAGS))
    return st.one_of(_words, _entities, wrapped)


# At most three tags deep, so a chunk always has room for its reopened and closing tags.
html_docs = st.lists(_nested(_nested(_nested(_words))), min_size=1, max_size=12).map("".join)


@given(html_docs, st.integers(130, 400))
def test_split_message_keeps_text_and_tags_within_the_limit(doc: str, limit: int) -> None:
    assert html_errors(doc) == []
    chunks = split_message(doc, limit)
    assert "".join(text_of(chunk) for chunk in chunks) == text_of(doc)
    for chunk in chunks:
        assert html_errors(chunk) == []
        assert utf16_len(chunk) <= limit
        assert text_of(chunk)


def test_short_text_is_one_chunk() -> None:
    assert split_message("<b>hi</b>") == ["<b>hi</b>"]
    assert split_message("") == []


def test_split_prefers_paragraphs_then_lines() -> None:
    paragraph = "\n".join(["word " * 8] * 3)
    text = "\n\n".join([paragraph] * 20)
    chunks = split_message(text, 500)
    assert len(chunks) > 1
    assert all(chunk.endswith("\n\n") for chunk in chunks[:-1])
    assert "".join(chunks) == text


def test_an_overlong_line_splits_at_spaces() -> None:
    line = " ".join(f"word{i}" for i in range(400))
    chunks = split_message(line, 200)
    assert all(utf16_len(c) <= 200 for c in chunks)
    assert all(c.endswith(" ") for c in chunks[:-1])
    assert "".join(chunks) == line


def test_tags_are_closed_and_reopened_across_chunks() -> None:
    text = '<a href="https://example.org">' + "link text " * 100 + "</a> after"
    chunks = split_message(text, 120)
    assert len(chunks) > 1
    for chunk in chunks[:-1]:
        assert chunk.startswith('<a href="https://example.org">')
        assert chunk.endswith("</a>")
    assert chunks[-1].endswith(" after")


def test_entities_and_astral_characters_are_never_cut() -> None:
    text = "🏃&amp;" * 500
    chunks = split_message(text, 101)
    assert "".join(chunks) == text
    for chunk in chunks:
        assert utf16_len(chunk) <= 101
        assert re.fullmatch(r"(🏃&amp;|🏃|&amp;)+", chunk)


def test_a_real_long_message_splits_into_valid_chunks() -> None:
    text = "\n\n".join(session_message(plan) for plan in PLANS[:40])
    assert utf16_len(text) > 4096
    chunks = split_message(text)
    assert len(chunks) > 1
    for chunk in chunks:
        assert_telegram_html(chunk)
    assert "".join(chunks) == text


def test_truncate_caption() -> None:
    assert truncate_caption("<b>short</b>") == "<b>short</b>"
    long = "<b>" + "word & more " * 200 + "</b>"
    long = long.replace("&", "&amp;")
    cut = truncate_caption(long)
    assert_telegram_html(cut, limit=1024)
    assert cut.endswith("…</b>")
    assert text_of(long).startswith(text_of(cut)[:-1])


@given(html_docs, st.integers(130, 400))
def test_truncate_caption_keeps_a_valid_prefix(doc: str, limit: int) -> None:
    cut = truncate_caption(doc, limit)
    assert html_errors(cut) == []
    assert utf16_len(cut) <= limit
    if cut != doc:
        assert text_of(cut).endswith("…")
        assert text_of(doc).startswith(text_of(cut)[:-1])


def test_the_block_calls_a_jump_day_without_landings_control_work() -> None:
    """A dynamic day the health screen emptied of landings is not shown as jumps."""
    week = next(w for w in WEEKS if any(p.category is Category.DYNAMIC for p in w))
    held = [replace(p, exercises=tuple(e for e in p.exercises if not e.impact)) for p in week]
    shown = block_message(held)
    assert "jumps" not in shown
    assert "control" in shown
    assert "jumps" in block_message(week)


def test_a_joint_giving_way_is_referred_without_naming_a_nerve() -> None:
    text = referral(Tier.NERVE, {RedFlag.GIVING_WAY})
    assert "nerve" not in text
    assert "physiotherapist" in text
    assert "nerve" in referral(Tier.NERVE, {RedFlag.GIVING_WAY, RedFlag.WEAKNESS})
