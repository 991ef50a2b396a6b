"""Body reports and safety, round 8 (u8): pain that builds during the session, "the left hip
thing has gone", a rating said as where it is now, "no pain relief", another's injury beside
a question, an old injury story, a report beside a question, and a city several places
bear; in our own phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.content import load_content
from bot.core.understanding import Intent, IntentKind, Unclear, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, ReportKind

TODAY = date(2026, 12, 14)  # a Monday
FAQ = load_content().faq


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


def _asked(text: str) -> tuple[str | None, tuple[Intent, ...]]:
    question, parts = FAQ.asked(understand(text, TODAY), _all(text), text)
    return (None if question is None else question.id), parts


def _reports(text: str) -> list[Intent]:
    return [p for p in _all(text) if p.report is not None]


# ------------------------------------------------------------------ pain that builds


@pytest.mark.parametrize(
    ("text", "area", "kind"),
    [
        ("did half today then my knee got worse and worse with every hop so i stopped",
         Area.KNEE, ReportKind.PAIN),
        ("started the bounds but the left shin kept building so I quit", Area.SHINS,
         ReportKind.PAIN),
        ("achilles got sorer with each rep of the raises, had to stop", Area.ACHILLES,
         ReportKind.SORENESS),
        ("hip getting worse every mile on my run, ended up walking home", Area.HIPS,
         ReportKind.PAIN),
        ("my calf got worse halfway through so i stopped the session", Area.CALVES,
         ReportKind.PAIN),
        ("hip was fine at first but it kept building so i stopped", Area.HIPS,
         ReportKind.PAIN),
    ],
)  # fmt: skip
def test_pain_that_builds_during_the_activity_is_a_warning(
    text: str, area: Area, kind: ReportKind
) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.area is area
    assert part.report.kind is kind
    assert RedFlag.WORSENING_DURING_RUN in part.report.red_flags


def test_the_log_stays_beside_the_building_pain() -> None:
    parts = _all("did half today then my knee got worse and worse with every hop so i stopped")
    assert IntentKind.DONE in [p.kind for p in parts]
    assert any(p.report is not None and p.report.red_flags for p in parts)


@pytest.mark.parametrize(
    "text",
    [
        "my mate's knee got worse and worse on the hops so he stopped",
        "the knee didn't get worse and worse this time, felt ok",
        "weather got worse so i stopped, legs fine",
        "my pace got worse and worse, calves a bit tight 2/10",
        "the rain kept building so i stopped, knee totally fine",
    ],
)
def test_no_building_pain_of_the_runners_own_is_no_warning(text: str) -> None:
    assert not any(p.report is not None and p.report.red_flags for p in _all(text))


# ------------------------------------------------------------------ "the hip thing has gone"


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("the left hip thing has gone, all good now 🙌", Area.HIPS),
        ("that right knee thing is sorted now, feeling great", Area.KNEE),
        ("the calf thing cleared up, all fine", Area.CALVES),
    ],
)
def test_an_area_thing_gone_names_its_area(text: str, area: Area) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.FEELS_FINE
    assert intent.fine_areas == (area,)


def test_the_hip_thing_asked_about_is_still_the_session() -> None:
    assert understand("still do the hip thing today?", TODAY).report is None
    assert understand("still do the hip thing today?", TODAY).fine_areas == ()


# ------------------------------------------------------------------ the rating now


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("groin feels better but still a bit sore, 2 now", 2),
        ("hamstring still a little tight, down to 2", 2),
        ("achilles tight, dropped to a 3", 3),
        ("calf easing off, now a 3", 3),
    ],
)
def test_a_rating_said_as_where_it_is_now_is_the_severity(text: str, severity: int) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.severity == severity


@pytest.mark.parametrize(
    "text", ["knee is sore, now 2 more sessions this week", "calf sore, did 2 today"]
)
def test_a_count_is_no_rating(text: str) -> None:
    (part,) = _reports(text)
    assert part.report is not None
    assert part.report.severity is None


# ------------------------------------------------------------------ "no pain relief"


@pytest.mark.parametrize(
    ("text", "area", "severity"),
    [
        ("no pain relief yet for the achilles, still a 2", Area.ACHILLES, 2),
        ("hamstring, no pain relief from the ibuprofen, 4/10", Area.HAMSTRINGS, 4),
        ("knee: not getting any pain relief from the gel, still 3", Area.KNEE, 3),
    ],
)
def test_no_pain_relief_is_pain(text: str, area: Area, severity: int) -> None:
    (part,) = _reports(text)
    assert part.kind is not IntentKind.FEELS_FINE
    assert part.report is not None
    assert (part.report.area, part.report.kind) == (area, ReportKind.PAIN)
    assert part.report.severity == severity
    assert not part.report.red_flags


def test_no_pain_is_still_fine() -> None:
    assert understand("no pain in the knee, all fine", TODAY).kind is IntentKind.FEELS_FINE


# ------------------------------------------------------------------ another's injury


@pytest.mark.parametrize(
    "text",
    [
        "how do i avoid a stress fracture? my friend just got one",
        "any tips to avoid a stress fracture? my running buddy has one",
        "how can i prevent a stress fracture, my sister just got diagnosed with one",
    ],
)
def test_a_question_beside_anothers_injury_is_the_faq(text: str) -> None:
    topic, parts = _asked(text)
    assert topic == "bone-stress"
    assert not any(p.signs or p.report is not None for p in parts)


def test_a_question_beside_the_runners_own_sign_is_still_a_warning() -> None:
    (part,) = _reports("how do i avoid a stress fracture? my shin hurts when i hop")
    assert part.report is not None
    assert RedFlag.PAIN_ON_HOPPING in part.report.red_flags


# ------------------------------------------------------------------ an old injury story


@pytest.mark.parametrize(
    "text",
    [
        "fun fact i did my acl playing football back in 2012 lol, fully fine now",
        "broke my ankle skiing as a kid, totally healed now",
        "tore a ligament years ago, all good now haha",
        "i had knee surgery back in 2015, fine now",
    ],
)
def test_an_old_injury_fine_now_stores_nothing(text: str) -> None:
    parts = _all(text)
    assert [p.kind for p in parts] == [IntentKind.UNKNOWN]


# ------------------------------------------------------------------ a report and a question


@pytest.mark.parametrize(
    ("text", "topic", "area"),
    [
        ("hip flexors super tight again, is that my desk job?", "desk-job", Area.HIP_FLEXORS),
        ("my hips are tight, is it from sitting at a desk all day?", "desk-job", Area.HIPS),
        ("the copenhagen thing hurts my groin, what do i do", "exercise-hurts", Area.GROIN),
        ("the side plank hurts my hip, what should i do", "exercise-hurts", Area.HIPS),
        ("my calf hurts on the raises, what now", "exercise-hurts", Area.CALVES),
    ],
)
def test_a_report_and_its_question_are_both_answered(text: str, topic: str, area: Area) -> None:
    asked, parts = _asked(text)
    assert asked == topic
    reports = [p for p in parts if p.report is not None]
    assert [p.report.area for p in reports if p.report] == [area]
    assert IntentKind.TODAY not in [p.kind for p in parts]


# ------------------------------------------------------------------ a city several bear


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("I'm in Springfield this week", "Springfield"),
        ("I'm in Cambridge now", "Cambridge"),
        ("moving to Aurora tomorrow", "Aurora"),
    ],
)
def test_a_city_several_places_bear_is_asked_about(text: str, city: str) -> None:
    (part,) = _all(text)
    assert part.kind is IntentKind.SET_TIMEZONE
    assert part.timezone_text is None  # nothing guessed
    assert (part.unclear, part.unclear_slot) == (city, Unclear.CITY)
    assert part.city_said == city


@pytest.mark.parametrize(
    ("text", "city"),
    [("im in toronto now", "Toronto"), ("im in denver now", "Denver")],
)
def test_a_city_of_one_place_is_set(text: str, city: str) -> None:
    (part,) = _all(text)
    assert part.timezone_text is not None
    assert part.timezone_text.split(",")[0] == city
    assert part.unclear is None
