"""Body reports, round 4: the feeling a runner names, where a region points, signs of the
nerves and of pain that does not settle, in our own phrasings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, understand, understand_all
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

TODAY = date(2026, 11, 24)


def _report(text: str) -> tuple[Area, ReportKind, frozenset[RedFlag]]:
    report = understand(text, TODAY).report
    assert report is not None, text
    return report.area, report.kind, report.red_flags


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


# ------------------------------------------------------------------ the word said


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ow, my knee is a bit sore today", ReportKind.SORENESS),
        ("ouch. hamstring tight after the hills", ReportKind.TIGHTNESS),
        ("ouch my shin", ReportKind.PAIN),
    ],
)
def test_an_exclamation_gives_way_to_the_feeling_said(text: str, kind: ReportKind) -> None:
    assert _report(text)[1] is kind


@pytest.mark.parametrize(
    "text",
    ["deep ache in my groin after the long run", "there's a deep aching in my left hip"],
)
def test_a_deep_ache_is_pain(text: str) -> None:
    assert _report(text)[1] is ReportKind.PAIN


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my shin got sore during the hops", ReportKind.SORENESS),
        ("calves sore 8/10 after the track session, can hardly walk", ReportKind.SORENESS),
        ("my foot is sore when I walk", ReportKind.PAIN),
    ],
)
def test_soreness_under_load_is_pain_only_when_the_load_brings_it(
    text: str, kind: ReportKind
) -> None:
    _, said, flags = _report(text)
    assert said is kind
    assert flags


# ------------------------------------------------------------------ where it is


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("front of my hip hurts after running", Area.HIPS),
        ("the front of my left hip is really tight", Area.HIP_FLEXORS),
        ("ache at the front of my hip, think its the hip flexor", Area.HIP_FLEXORS),
        ("outside of my right knee is sore after 10k", Area.KNEE),
        ("the outside of my knee feels tight", Area.IT_BAND),
        ("outside of my knee aches, probably my IT band", Area.IT_BAND),
    ],
)
def test_a_region_is_the_joint_unless_the_muscle_is_meant(text: str, area: Area) -> None:
    assert _report(text)[0] is area


def test_moving_back_is_no_lower_back() -> None:
    areas = [i.report.area for i in _all("pulled my calf and limped back home") if i.report]
    assert areas == [Area.CALVES]
    areas = [i.report.area for i in _all("hamstring twinged so I jogged back") if i.report]
    assert areas == [Area.HAMSTRINGS]


def test_a_common_misspelling_of_right_is_a_side() -> None:
    report = understand("rite calf tight", TODAY).report
    assert report is not None
    assert report.side is Side.RIGHT


# ------------------------------------------------------------------ warning signs


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my heel hurts whenever I walk", RedFlag.PAIN_ON_WALKING),
        ("achilles pain builds the further I go", RedFlag.WORSENING_DURING_RUN),
        ("shin pain gets worse every mile", RedFlag.WORSENING_DURING_RUN),
    ],
)
def test_signs_said_in_other_words(text: str, flag: RedFlag) -> None:
    assert flag in _report(text)[2]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my groin aches in bed at night", ReportKind.PAIN),
        ("knee has been sore at night, keeps me awake", ReportKind.PAIN),
        ("calves cramp at night", ReportKind.TIGHTNESS),
    ],
)
def test_an_ache_at_night_is_pain(text: str, kind: ReportKind) -> None:
    _, said, flags = _report(text)
    assert said is kind
    assert RedFlag.NIGHT_PAIN in flags


@pytest.mark.parametrize(
    "text",
    [
        "hamstring went tight and now my foot is tingling",
        "my calf cramped up, now pins and needles down to my toes",
        "quad was stiff, now the whole leg feels weak",
    ],
)
def test_a_nerve_sign_makes_the_report_pain_of_the_leg(text: str) -> None:
    (intent,) = _all(text)
    assert intent.report is not None
    assert intent.report.kind is ReportKind.PAIN
    assert intent.report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "burning zaps running from my hip to my knee",
        "pins and needles from my bum down into my calf",
    ],
)
def test_a_nerve_sign_running_from_one_area_to_another_is_the_leg(text: str) -> None:
    area, kind, flags = _report(text)
    assert (area, kind) == (Area.LEG, ReportKind.PAIN)
    assert flags
    assert understand(text, TODAY).kind is IntentKind.BODY_REPORT


# ------------------------------------------------------------------ sides


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("burning pain right down the back of my left leg", Side.LEFT),
        ("pain right into my right calf", Side.RIGHT),
        ("my left knee is swollen, much bigger than the right one", Side.LEFT),
        ("tight on the right in my calf", Side.RIGHT),
    ],
)
def test_a_side_is_not_a_stress_word_or_a_comparison(text: str, side: Side) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.side is side


# ------------------------------------------------------------------ whose body


@pytest.mark.parametrize(
    "text",
    [
        "my training buddy has numbness in her foot, told her to get it checked",
        "our dog was limping after the trail run",
        "my flatmate pulled his hamstring at football",
    ],
)
def test_someone_elses_body_is_no_report(text: str) -> None:
    assert all(i.report is None and not i.signs for i in _all(text))
    assert all(i.kind is not IntentKind.WARNING_SIGN for i in _all(text))


# ------------------------------------------------------------------ pain that lasts


@pytest.mark.parametrize(
    "text",
    [
        "knee pain still 4/10 the next day, it didn't settle",
        "hip pain has been there for four days now",
        "shin's sore, about 7/10, and it's been like that since monday",
    ],
)
def test_pain_that_does_not_settle_is_a_sign(text: str) -> None:
    assert RedFlag.WORSENING_DURING_RUN in _report(text)[2]


@pytest.mark.parametrize(
    "text", ["quads still sore 2 days later, 3/10", "calves a bit sore since saturday"]
)
def test_ordinary_soreness_after_hard_days_is_no_sign(text: str) -> None:
    assert not _report(text)[2]


# ------------------------------------------------------------------ tired legs


@pytest.mark.parametrize(
    "text",
    ["legs are dead after yesterday's 25k", "my legs felt heavy today", "legs fatigued"],
)
def test_tired_legs_are_no_report(text: str) -> None:
    assert all(i.report is None for i in _all(text))


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("legs dead, hamstrings especially", Area.HAMSTRINGS),
        ("legs heavy and achy", Area.LEG),
        ("legs dead, 5/10", Area.LEG),
    ],
)
def test_legs_with_a_part_a_soreness_or_a_rating_are_a_report(text: str, area: Area) -> None:
    assert _report(text)[0] is area


# ------------------------------------------------------------------ ratings and sides kept


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("hamstring feels stiff but it's not painful. right side. 2 out of 10 tops", 2),
        ("left quad tight (not sore) 3/10, right glute sore 1/10", 3),
    ],
)
def test_a_rating_after_a_feeling_denied_stays_with_the_report(text: str, severity: int) -> None:
    reports = [i.report for i in _all(text) if i.report is not None]
    assert reports
    assert reports[0].severity == severity


def test_a_log_keeps_the_rating_said_after_a_contrast() -> None:
    (intent,) = _all("did today's, easy like a 2, calves a bit tight after tho nothing bad 3/10")
    assert intent.kind is IntentKind.DONE
    assert intent.report is not None
    assert (intent.report.area, intent.report.severity) == (Area.CALVES, 3)


def test_both_legs_after_a_report_is_its_side() -> None:
    reports = [
        i.report for i in _all("hamstrings sore but nothing bad, 2/10, both legs") if i.report
    ]
    assert [(r.area, r.side) for r in reports] == [(Area.HAMSTRINGS, Side.BOTH)]


def test_a_new_feeling_after_a_recovery_is_its_own_report() -> None:
    intents = _all("the calf pain has gone but now there's a dull ache in my left shin, 3/10")
    reports = [i.report for i in intents if i.kind is IntentKind.BODY_REPORT and i.report]
    assert [(r.area, r.side, r.severity) for r in reports] == [(Area.SHINS, Side.LEFT, 3)]
    assert any(i.kind is IntentKind.FEELS_FINE and Area.CALVES in i.fine_areas for i in intents)


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("not tight any more in the hamstrings, but my calf is sore", Area.HAMSTRINGS),
        ("hip isn't stiff anymore but the knee aches, 2/10", Area.HIPS),
    ],
)
def test_a_feeling_gone_any_more_clears_its_area_beside_a_new_report(
    text: str, cleared: Area
) -> None:
    intents = _all(text)
    assert any(i.kind is IntentKind.FEELS_FINE and cleared in i.fine_areas for i in intents)
    assert any(i.kind is IntentKind.BODY_REPORT for i in intents)


def test_a_log_does_not_give_its_effort_to_the_report() -> None:
    intents = _all("my right knee has been aching at night, also did today's session, about a 5")
    done = next(i for i in intents if i.kind is IntentKind.DONE)
    assert done.effort == 5
    reports = [i.report for i in intents if i.report is not None]
    assert reports
    assert all(r.severity is None for r in reports)
