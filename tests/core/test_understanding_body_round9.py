"""Body reports and safety, round 9 (u9): a rating said of the whole run, "zero pain" beside
a recovery, a rating after an area said to be fine, and an area tried out beside its
recovery; in our own phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import Intent, IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

TODAY = date(2026, 12, 14)  # a Monday
FAQ = load_content().faq


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


def _reports(text: str) -> list[Intent]:
    return [p for p in _all(text) if p.report is not None]


# ------------------------------------------------------------------ rated the whole run


@pytest.mark.parametrize(
    ("text", "area", "severity"),
    [
        ("knee sat at a 6 out of 10 the entire run", Area.KNEE, 6),
        ("left achilles was a 5 all through my jog this morning", Area.ACHILLES, 5),
        ("hip at about 7/10 the whole way round the loop today", Area.HIPS, 7),
        ("calf was at a 5 throughout the run", Area.CALVES, 5),
        ("knee at a 6 the whole time i was running", Area.KNEE, 6),
        ("my achilles was at 6 out of 10 the whole 10k", Area.ACHILLES, 6),
        ("shin was a 4 the full 5 miles", Area.SHINS, 4),
        ("hip 7/10 every step of the run", Area.HIPS, 7),
        ("ran today, knee was at a 6 most of the way", Area.KNEE, 6),
        ("groin sat at about 5 during most of my run", Area.GROIN, 5),
    ],
)
def test_a_rating_above_3_during_a_run_is_a_warning_and_pain(
    text: str, area: Area, severity: int
) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.area is area
    assert part.report.severity == severity
    assert part.report.kind is ReportKind.PAIN  # no other word said: pain
    assert RedFlag.WORSENING_DURING_RUN in part.report.red_flags


def test_soreness_said_of_the_whole_run_keeps_its_word_and_the_warning() -> None:
    (part,) = _reports("shin sore, a 5 the entire run")
    assert part.report is not None
    assert part.report.kind is ReportKind.SORENESS
    assert RedFlag.WORSENING_DURING_RUN in part.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "hip was a 2 the whole run",  # the safe zone
        "legs were a 7 the whole run",  # maybe how hard it was
        "knee fine, 6 the entire run",  # the area said fine
        "hip sore 5 the whole time since the race",  # after the run, not during it
        "knee a 5 the whole week",  # no run said
        "knee 5, most of the way home from work",
    ],
)
def test_no_warning_without_a_rating_of_an_area_above_3(text: str) -> None:
    assert not any(p.report is not None and p.report.red_flags for p in _all(text))


# ------------------------------------------------------------------ "zero pain"


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("knee's fine now, zero pain 🙌", Area.KNEE),
        ("calf is good again, 0 pain", Area.CALVES),
        ("hamstring feels fine now, zero pain at all", Area.HAMSTRINGS),
        ("groin fine now, nil pain", Area.GROIN),
        ("calf fine now, not a hint of pain", Area.CALVES),
        ("knee's fine now, not a single twinge of pain", Area.KNEE),
        ("achilles fine now, not a trace of soreness", Area.ACHILLES),
    ],
)
def test_zero_pain_beside_fine_now_is_feels_fine(text: str, area: Area) -> None:
    parts = _all(text)
    assert [p.kind for p in parts] == [IntentKind.FEELS_FINE]
    assert parts[0].fine_areas == (area,)
    assert parts[0].report is None


@pytest.mark.parametrize("text", ["a bit of pain in my knee, 3", "twinge of pain in my knee"])
def test_a_little_pain_unnegated_is_still_pain(text: str) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.kind is ReportKind.PAIN


def test_zero_pain_walking_is_no_pain_on_walking() -> None:
    (part,) = _reports("hip: zero pain walking but it hurts 6/10 when i hop")
    assert part.report is not None
    assert RedFlag.PAIN_ON_HOPPING in part.report.red_flags
    assert RedFlag.PAIN_ON_WALKING not in part.report.red_flags


# ------------------------------------------------------------------ the rating after "fine"


@pytest.mark.parametrize(
    ("text", "area", "severity"),
    [
        ("calves smashed but quads feel ok, maybe 5/10", Area.CALVES, 5),
        ("right shin sore but the knee feels good, 6", Area.SHINS, 6),
        ("left achilles is sore but the calf is fine. 5 out of 10", Area.ACHILLES, 5),
        ("quads sore but knees fine, 4", Area.QUADS, 4),
        ("hip sore but knee is fine now, 4", Area.HIPS, 4),
    ],
)
def test_a_rating_after_a_contrast_rates_the_area_not_fine(
    text: str, area: Area, severity: int
) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.area is area
    assert part.report.severity == severity


def test_a_low_rating_after_fine_is_left_to_the_fine_area() -> None:
    (part,) = _reports("quads sore but knees fine, 1")
    assert part.report is not None
    assert part.report.area is Area.QUADS
    assert part.report.severity is None  # unrated soreness: jump work still spares it


def test_a_rated_sore_area_keeps_its_own_rating() -> None:
    (part,) = _reports("quads sore 5 but knees fine, 3")
    assert part.report is not None
    assert part.report.severity == 5


# ------------------------------------------------------------------ an area tried out


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("calf has recovered, did a few hops and 10 single leg squats, pain free", Area.CALVES),
        ("hamstring fine now, did 15 hops on it, no pain", Area.HAMSTRINGS),
        ("the knee thing has cleared up, walked for 20 mins and did some hopping, all good",
         Area.KNEE),
    ],
)  # fmt: skip
def test_an_area_tried_out_beside_its_recovery_logs_no_session(text: str, area: Area) -> None:
    parts = _all(text)
    assert [p.kind for p in parts] == [IntentKind.FEELS_FINE]
    assert parts[0].fine_areas == (area,)


@pytest.mark.parametrize(
    "text",
    [
        "hip fine now, did today's hops, 4/10",  # the session's hops
        "hip is fine now, did the session, effort 5",
        "did some hops today",  # no recovery said: the runner's log
    ],
)
def test_a_session_done_is_still_logged(text: str) -> None:
    assert IntentKind.DONE in [p.kind for p in _all(text)]


def test_side_survives_a_rating_after_fine() -> None:
    (part,) = _reports("right shin sore but the knee feels good, 6")
    assert part.report is not None
    assert part.report.side is Side.RIGHT


def test_understand_reads_the_tried_out_message_as_fine() -> None:
    intent = understand("groin has settled, walked 30 min and did some hops, no pain at all", TODAY)
    assert intent.kind is IntentKind.FEELS_FINE


# ------------------------------------------------------------------ "fine today" beside a report


@pytest.mark.parametrize(
    ("text", "fine", "sore"),
    [
        ("calf feels fine today but now my right shin is sore, 4", Area.CALVES, Area.SHINS),
        ("knee is fine this morning, but the hamstring is tight 3", Area.KNEE, Area.HAMSTRINGS),
        ("achilles good today though my left foot aches a bit, 2", Area.ACHILLES, Area.FOOT),
    ],
)
def test_fine_today_beside_another_report_clears_its_area(
    text: str, fine: Area, sore: Area
) -> None:
    parts = _all(text)
    assert [p.report.area for p in parts if p.report is not None] == [sore]
    cleared = [p for p in parts if p.kind is IntentKind.FEELS_FINE]
    assert len(cleared) == 1
    assert cleared[0].fine_areas == (fine,)


# ------------------------------------------------------------------ a question beside a report


@pytest.mark.parametrize(
    "text",
    [
        "left glute sore from the hills, 3, should i do today",
        "shin sore 3, can i still do it today",
        "calves sore after sundays long run, 3/10, should i still train today",
    ],
)
def test_should_i_still_do_it_beside_soreness_is_asked_of_the_soreness(text: str) -> None:
    parts = _all(text)
    question, kept = FAQ.asked(understand(text, TODAY), parts, text)
    assert question is not None
    assert question.id == "while-sore"
    assert [p.kind for p in kept] == [IntentKind.BODY_REPORT]


def test_a_plan_question_beside_soreness_stays_the_plan() -> None:
    text = "quads a bit sore 3, whats on tomorrow"
    question, _ = FAQ.asked(understand(text, TODAY), _all(text), text)
    assert question is None
