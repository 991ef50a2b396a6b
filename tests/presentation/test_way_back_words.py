"""The way back's words: every stage says what unlocks the next; every button decodes."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.comeback import Feel, Stage
from bot.presentation import way_back as words
from bot.presentation.callbacks import Action, decode
from tests.fakebotapi.limits import parse_html

DAY = date(2027, 1, 18)


@pytest.mark.parametrize("stage", [Stage.MOBILITY, Stage.STATIC, Stage.LOW_HOPS])
def test_each_stage_says_what_it_is_and_what_unlocks_the_next(stage: Stage) -> None:
    line = words.stage_line(stage)
    assert f"stage {int(stage)} of 4" in line
    assert "pain 2/10 or less" in line
    assert "settled by the next morning" in line
    parse_html(words.stage_block(stage, None, DAY))
    parse_html(words.stage_block(stage, date(2027, 1, 17), DAY))


def test_the_low_hops_stage_names_its_cap() -> None:
    assert "at most 30 foot contacts" in words.stage_line(Stage.LOW_HOPS)


def test_the_buttons_decode_to_their_answers() -> None:
    pains = [data for row in words.pain_keyboard(DAY) for _, data in row]
    assert [decode(data) for data in pains] == [decode(f"v1|pn|270118|{n}") for n in range(11)]
    for data in pains:
        press = decode(data)
        assert press is not None
        assert press.action is Action.PAIN
    feels = [data for row in words.morning_keyboard(DAY) for _, data in row]
    decoded = [decode(data) for data in feels]
    assert [press.str_arg(1) for press in decoded if press] == [f.value for f in Feel]


def test_a_session_title_is_escaped() -> None:
    question = words.pain_question("<b>Hops & hips</b>")
    assert "&lt;b&gt;Hops &amp; hips&lt;/b&gt;" in question
    parse_html(question)


@pytest.mark.parametrize("pain", range(11))
def test_every_pain_reply_is_valid_html(pain: int) -> None:
    for stage in (None, 1, 2, 3):
        for counted in (True, False):
            parse_html(words.pain_reply(pain, stage, counted=counted))


def test_a_way_back_beginning_with_a_new_phase_says_its_sessions_wait() -> None:
    assert "this phase's sessions wait" in words.after_break(8, phase_began=True)
    assert "this phase's sessions wait" not in words.after_break(8)
