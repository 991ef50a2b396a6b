"""Harm round 21: another's view or body is no report of the runner's, a warning sign is
never missed, a question or a supposition stores nothing, a log keeps its day and effort."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all
from bot.core.vocabulary import Area, Side

TODAY = date(2026, 12, 17)  # a Thursday


def _all(text: str) -> tuple[Intent, ...]:
    return tuple(understand_all(text, TODAY))


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in _all(text)}


def _warned(text: str) -> bool:
    return any(i.signs or (i.report is not None and i.report.red_flags) for i in _all(text))


def _reports(text: str) -> list[Intent]:
    return [i for i in _all(text) if i.report is not None]


# -- another's view of the runner's body is theirs ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my osteo reckons my glutes are tight from sitting all day",
        "the doctor thinks my calves are a bit tight but they feel ok to me",
        "he says my hamstrings look stiff when i run, any stretches?",
    ],
)
def test_anothers_view_of_my_body_is_no_report(text: str) -> None:
    assert not _reports(text)
    assert not _warned(text)


def test_a_view_with_a_warning_sign_still_warns() -> None:
    assert _warned("my physio says its a stress reaction in my shin")


def test_my_own_feeling_after_anothers_view_is_reported() -> None:
    (report,) = _reports("physio said my calves are tight but my left knee is really sore, 5/10")
    assert report.report is not None
    assert report.report.area is Area.KNEE
    assert report.report.severity == 5


def test_a_break_another_suggests_is_no_pause() -> None:
    assert IntentKind.PAUSE not in _kinds("our coach says we should all have a week off after xmas")


def test_a_break_asked_for_after_anothers_view_pauses() -> None:
    assert IntentKind.PAUSE in _kinds("coach says I need a week off so pause me from monday")


def test_a_clinicians_view_that_i_feel_ok_is_no_clearing() -> None:
    assert not any(i.cleared for i in _all("the doc thinks theyre tight but they feel ok to me"))


def test_a_clinicians_go_ahead_still_clears() -> None:
    assert any(i.cleared for i in _all("physio said im ok to hop again"))


# -- another named by name, and "it" going on about their part ------------------------------


def test_a_friend_named_by_name_is_still_another() -> None:
    text = "my training partner tom got diagnosed with a stress fracture in his foot"
    assert not _warned(text)


def test_my_own_sign_beside_a_named_friend_warns() -> None:
    assert _warned("my friend tom said hi, my left knee is swollen")


def test_it_after_anothers_part_stays_theirs() -> None:
    found = _all("my son twisted his knee at football, it's really swollen. did my hops, 6")
    assert not _warned("my son twisted his knee at football, it's really swollen. did my hops, 6")
    assert [i.kind for i in found] == [IntentKind.DONE]


def test_my_own_part_after_anothers_is_mine() -> None:
    assert _warned("my sister hurt her wrist, my ankle is swollen")


# -- a restart that is the topic of a question ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "whats the usual rule for starting again after a marathon?",
        "any advice on getting back into it after the flu?",
    ],
)
def test_a_restart_asked_about_is_no_resume(text: str) -> None:
    assert IntentKind.RESUME not in _kinds(text)


def test_a_restart_asked_for_still_resumes() -> None:
    assert IntentKind.RESUME in _kinds("im back, can you restart my sessions?")


# -- warning signs: night pain woken at an hour of the night, low-energy signs -------------


@pytest.mark.parametrize(
    "text",
    [
        "woke at 4 am and my left shin was throbbing",
        "woke up around 2am with my hip aching, third night now",
    ],
)
def test_woken_at_night_by_an_ache_is_night_pain(text: str) -> None:
    assert _warned(text)


@pytest.mark.parametrize(
    "text",
    [
        "woke up at 6am with tight calves",
        "woke up at 3am to catch a flight, hips tight",
        "woke up with sore quads after yesterdays hops",
    ],
)
def test_waking_in_the_morning_or_tight_is_no_night_pain(text: str) -> None:
    assert not _warned(text)


@pytest.mark.parametrize(
    "text",
    [
        "dropped 3kg since october without even trying",
        "ive lost about half a stone in a month without trying, sessions are going fine",
        "my period has gone missing since I upped the mileage",
        "hips are fine, but my periods went missing in october",
        "feel like im tired all the time at the moment",
    ],
)
def test_low_energy_signs_warn_even_beside_fine(text: str) -> None:
    assert _warned(text)
    assert IntentKind.FEELS_FINE not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "lost 2 kilos this month, been dieting hard",
        "so tired today, skipping",
        "trying to lose a few kg before the race",
    ],
)
def test_weight_lost_on_purpose_or_one_tired_day_is_no_sign(text: str) -> None:
    assert not _warned(text)


# -- a feeling supposed to come is no report; advice on stopping is no plan question -------


def test_a_feeling_supposed_in_the_past_tense_is_no_report() -> None:
    found = _all("if my shin started aching mid session should i stop? its fine btw. did it, 4")
    assert not any(i.report for i in found)
    assert any(i.kind is IntentKind.DONE and i.effort == 4 for i in found)


def test_a_feeling_that_started_is_still_reported() -> None:
    assert _warned("my knee started hurting during the hops, should i stop?")


def test_whether_to_stop_is_advice_not_the_jumps_plan() -> None:
    assert IntentKind.PLAN_QUESTION not in _kinds("would i just stop the hops or keep going?")


def test_when_the_hops_stop_is_still_the_plan() -> None:
    assert IntentKind.PLAN_QUESTION in _kinds("when do the hops stop?")


# -- numbers and words that are no rating ----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["did the session, im 58, is that ok for someone my age?", "done. am i ok to go daily"]
)
def test_ok_asked_is_no_effort(text: str) -> None:
    (done,) = [i for i in _all(text) if i.kind is IntentKind.DONE]
    assert done.effort is None


@pytest.mark.parametrize("text", ["session done, it was ok", "done, felt ok"])
def test_ok_said_of_the_session_is_moderate(text: str) -> None:
    (done,) = [i for i in _all(text) if i.kind is IntentKind.DONE]
    assert done.effort == 5


@pytest.mark.parametrize(
    "text",
    [
        "knee sore like two spots on the inside",
        "tender on my shin, like one spot right on the bone",
    ],
)
def test_a_number_counting_spots_is_no_severity(text: str) -> None:
    (report,) = _reports(text)
    assert report.report is not None
    assert report.report.severity is None


def test_a_rating_after_like_is_still_a_severity() -> None:
    (report,) = _reports("calf sore, like 3")
    assert report.report is not None
    assert report.report.severity == 3


# -- a topic read about "saying" something; the other side said normal -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "heard a podcast saying swollen knees need rest, whats on tomorrow?",
        "read a blog claiming shin pain at night means a fracture, scary stuff",
    ],
)
def test_what_a_piece_says_is_no_report(text: str) -> None:
    assert not _reports(text)
    assert not _warned(text)


def test_my_own_sign_after_what_a_piece_says_warns() -> None:
    assert _warned("saw a video saying shin pain at night is a fracture. my shin hurts at night")


@pytest.mark.parametrize(
    "text",
    [
        "right glute tight today, maybe 3/10. the left one is totally normal",
        "left calf sore, the right one is perfectly fine",
    ],
)
def test_the_other_side_said_normal_is_not_the_reports(text: str) -> None:
    (report,) = _reports(text)
    assert report.report is not None
    assert report.report.side in (Side.LEFT, Side.RIGHT)


def test_both_sides_said_sore_are_both() -> None:
    (report,) = _reports("left calf sore and the right one is sore too")
    assert report.report is not None
    assert report.report.side is Side.BOTH


def test_a_clinicians_word_that_an_area_is_fine_is_still_a_recovery_told() -> None:
    (fine,) = _all("the osteo said my hamstring is fine")
    assert fine.kind is IntentKind.FEELS_FINE
    assert fine.fine_areas == (Area.HAMSTRINGS,)
