"""The callback-data codec: round trips, limits and polite failure on anything else."""

from __future__ import annotations

import zoneinfo
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.comeback import Feel
from bot.core.health import Screen
from bot.core.understanding.suggest import Suggestion
from bot.core.vocabulary import Area, Equipment, Level, RedFlag, ReportKind, Side
from bot.presentation.callbacks import (
    MAX_BYTES,
    SESSION_ID,
    Action,
    Answer,
    Arg,
    Callback,
    OnboardingStep,
    Snooze,
    decode,
    encode,
)
from tests.core.conftest import shipped_content

dates = st.dates(date(2000, 1, 1), date(2099, 12, 31))
session_ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{1,47}", fullmatch=True)  # all fit (see below)
times = st.builds(time, st.integers(0, 23), st.integers(0, 59))
zones = st.sampled_from(sorted(zoneinfo.available_timezones()))

ARGS: dict[Action, st.SearchStrategy[tuple[Arg, ...]]] = {
    Action.DONE: st.tuples(dates, session_ids),
    Action.SKIP: st.tuples(dates, session_ids),
    Action.SORE: st.tuples(dates),
    Action.EFFORT: st.tuples(dates, session_ids, st.integers(1, 10)),
    Action.REPORT_AREA: st.tuples(st.sampled_from(Area)),
    Action.REPORT_SIDE: st.tuples(st.sampled_from(Side)),
    Action.REPORT_KIND: st.tuples(st.sampled_from(ReportKind)),
    Action.REPORT_SEVERITY: st.tuples(st.none() | st.integers(0, 10)),
    Action.REPORT_FLAG: st.tuples(st.sampled_from(RedFlag)),
    Action.REPORT_FINISH: st.just(()),
    Action.ONBOARDING_LEVEL: st.tuples(st.sampled_from(Level)),
    Action.ONBOARDING_DESK: st.tuples(st.sampled_from(Answer)),
    Action.ONBOARDING_EQUIPMENT: st.tuples(st.sampled_from(Equipment)),
    Action.ONBOARDING_EQUIPMENT_DONE: st.just(()),
    Action.ONBOARDING_REMINDER: st.tuples(times),
    Action.ONBOARDING_TIMEZONE: st.tuples(zones),
    Action.TIMEZONE: st.tuples(zones),
    Action.ONBOARDING_SKIP: st.tuples(st.sampled_from(OnboardingStep)),
    Action.ONBOARDING_HEALTH: st.tuples(st.sampled_from(Screen)),
    Action.ONBOARDING_HEALTH_DONE: st.just(()),
    Action.ONBOARDING_PREGNANCY: st.tuples(st.sampled_from(Screen)),
    Action.ONBOARDING_LONG_RUN: st.tuples(st.integers(0, 6)),
    Action.HEALTH_END: st.tuples(st.sampled_from(Screen)),
    Action.HEALTH_BIRTH: st.just(()),
    Action.CONFIRM_DELETE: st.tuples(st.sampled_from(Answer)),
    Action.CONFIRM_RESTART: st.tuples(st.sampled_from(Answer)),
    Action.HISTORY_PAGE: st.tuples(st.integers(1, 9999)),
    Action.SNOOZE: st.tuples(dates, st.sampled_from(Snooze)),
    Action.CANCEL: st.just(()),
    Action.CLEAR_CLINICIAN: st.tuples(st.sampled_from(Answer)),
    Action.CLEAR_CHECK: st.tuples(st.integers(0, 9), st.sampled_from(Answer)),
    Action.CLEAR_PICK: st.tuples(st.sampled_from(Area)),
    Action.CLEAR_SIGN: st.tuples(st.sampled_from(Answer)),
    Action.PAIN: st.tuples(dates, st.integers(0, 10)),
    Action.MORNING: st.tuples(dates, st.sampled_from(Feel)),
    Action.SUGGEST: st.tuples(st.sampled_from(Suggestion)),
}

presses = st.sampled_from(Action).flatmap(
    lambda action: ARGS[action].map(lambda args: Callback(action, args))
)


def test_every_action_has_a_strategy() -> None:
    assert set(ARGS) == set(Action)


def test_the_format_is_compact_and_readable() -> None:
    data = encode(Action.DONE, date(2026, 11, 25), "intermediate-jumps-and-landings")
    assert data == "v1|dn|261125|intermediate-jumps-and-landings"
    assert decode(data) == Callback(
        Action.DONE, (date(2026, 11, 25), "intermediate-jumps-and-landings")
    )


@given(presses)
def test_decode_reverses_encode(press: Callback) -> None:
    data = encode(press.action, *press.args)
    assert len(data.encode()) <= MAX_BYTES
    assert decode(data) == press


def test_every_shipped_session_fits_every_action() -> None:
    latest = date(2099, 12, 31)
    for session_id in shipped_content().sessions:
        for action in (Action.DONE, Action.SKIP):
            assert decode(encode(action, latest, session_id)) is not None
        data = encode(Action.EFFORT, latest, session_id, 10)
        assert len(data.encode()) <= MAX_BYTES
        assert decode(data) == Callback(Action.EFFORT, (latest, session_id, 10))


def test_session_ids_up_to_48_characters_fit() -> None:
    assert encode(Action.EFFORT, date(2099, 12, 31), "a" * 48, 10)
    with pytest.raises(ValueError, match="over 64 bytes"):
        encode(Action.EFFORT, date(2099, 12, 31), "a" * 49, 10)


@given(st.from_regex(SESSION_ID, fullmatch=True), dates, st.integers(1, 10))
def test_any_valid_session_id_encodes_when_it_fits_and_refuses_politely_when_not(
    session_id: str, on: date, rpe: int
) -> None:
    for args in ((Action.DONE, on, session_id), (Action.EFFORT, on, session_id, rpe)):
        size = len("v1|xx|yymmdd|") + len(session_id) + (len(f"|{rpe}") if len(args) == 4 else 0)
        if size <= MAX_BYTES:
            assert decode(encode(*args)) == Callback(args[0], args[1:])
        else:
            with pytest.raises(ValueError, match=f"over {MAX_BYTES} bytes"):
                encode(*args)


def test_typed_accessors() -> None:
    press = decode(encode(Action.EFFORT, "2026-11-25", "easy-hips", 7))
    assert press is not None
    assert press.date_arg(0) == date(2026, 11, 25)
    assert press.str_arg(1) == "easy-hips"
    assert press.int_arg(2) == 7
    with pytest.raises(TypeError):
        press.int_arg(0)


def test_convenient_inputs_are_normalised() -> None:
    assert encode(Action.ONBOARDING_REMINDER, "07:30") == "v1|or|0730"
    assert encode(Action.REPORT_SEVERITY, "none") == "v1|rv|-"
    assert encode(Action.REPORT_AREA, "calves") == "v1|ra|calves"
    assert decode("v1|rv|-") == Callback(Action.REPORT_SEVERITY, (None,))


@pytest.mark.parametrize(
    "args",
    [
        (Action.DONE, date(2026, 1, 1)),  # too few
        (Action.CANCEL, 1),  # too many
        (Action.DONE, date(1999, 12, 31), "easy-hips"),
        (Action.DONE, date(2026, 1, 1), "Easy-Hips"),
        (Action.DONE, date(2026, 1, 1), "x"),
        (Action.EFFORT, date(2026, 1, 1), "easy-hips", 11),
        (Action.EFFORT, date(2026, 1, 1), "easy-hips", True),
        (Action.REPORT_SEVERITY, -1),
        (Action.REPORT_AREA, "elbow"),
        (Action.ONBOARDING_REMINDER, "7:30"),
        (Action.ONBOARDING_REMINDER, "24:00"),
        (Action.ONBOARDING_TIMEZONE, "Mars/Olympus_Mons"),
        (Action.TIMEZONE, "Mars/Olympus_Mons"),
        (Action.HISTORY_PAGE, 0),
        (Action.SNOOZE, date(2026, 1, 1), "2h"),
    ],
)
def test_encode_refuses_bad_arguments(args: tuple[Action, *tuple[Arg, ...]]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - every refusal is a ValueError
        encode(*args)


@pytest.mark.parametrize(
    "data",
    [
        "",
        "v1",
        "v1|",
        "v2|cx",
        "V1|cx",
        "v1|zz",
        "v1|cx|",
        "v1|dn|261125",
        "v1|dn|261125|easy-hips|x",
        "v1|dn|2026-11-25|easy-hips",
        "v1|dn|261332|easy-hips",
        "v1|dn|261125|Easy-Hips",
        "v1|ef|261125|easy-hips|0",
        "v1|ef|261125|easy-hips|11",
        "v1|ef|261125|easy-hips|07",
        "v1|ef|261125|easy-hips|+7",
        "v1|ef|261125|easy-hips| 7",
        "v1|hp|01",
        "v1|rv|none",
        "v1|ra|Calves",
        "v1|or|2400",
        "v1|or|07:30",
        "v1|ot|Mars/Olympus_Mons",
        "v1|ot|../../etc/passwd",
        "v1|sn|261125|2h",
        "v1|dn|261125|" + "a" * 60,
        "v1|ra|cal\ud800ves",
        "v1|ra|calvés",
        "v1|hp|١",  # an Arabic-Indic digit one
    ],
)
def test_decode_rejects_stale_or_forged_data(data: str) -> None:
    assert decode(data) is None


@pytest.mark.parametrize("data", [None, b"v1|cx", 7, ["v1", "cx"], Callback(Action.CANCEL)])
def test_decode_rejects_what_is_not_text(data: object) -> None:
    assert decode(data) is None


@given(st.text())
def test_decode_never_raises_on_any_text(data: str) -> None:
    decode(data)


@given(st.text(alphabet=st.sampled_from("v1|dnefrsho0123456789-_abcz:+/")))
def test_decode_never_raises_on_near_misses(data: str) -> None:
    press = decode(data)
    assert press is None or encode(press.action, *press.args) == data


@given(st.binary().map(lambda raw: raw.decode("utf-8", "surrogateescape")))
def test_decode_never_raises_on_bytes_as_text(data: str) -> None:
    decode(data)


@given(presses, st.data())
def test_a_mutated_button_decodes_to_nothing_or_to_itself(
    press: Callback, data: st.DataObject
) -> None:
    try:
        valid = encode(press.action, *press.args)
    except ValueError:
        return
    at = data.draw(st.integers(0, len(valid)))
    insert = data.draw(st.text(max_size=3))
    cut = data.draw(st.integers(0, 2))
    mutated = valid[:at] + insert + valid[at + cut :]
    result = decode(mutated)
    assert result is None or encode(result.action, *result.args) == mutated
