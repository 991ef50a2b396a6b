"""Body reports, effort, clearing, and questions versus reports (issue 13), in our own
phrasings: what is stored, what is asked about, and what is no report at all."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.understanding import Intent, IntentKind, Unclear, understand, understand_all
from bot.core.understanding.numbers import above_the_scale, bare_numbers, effort_number, odd_effort
from bot.core.vocabulary import Area, RedFlag, ReportKind, Side

TODAY = date(2026, 11, 24)


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TODAY)


def _reports(text: str) -> list[tuple[Area, ReportKind, int | None]]:
    return [
        (i.report.area, i.report.kind, i.report.severity)
        for i in _all(text)
        if i.report is not None and i.kind is not IntentKind.FEELS_FINE
    ]


# ------------------------------------------------------------------ effort numbers


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("all done. 6.", 6),
        ("finished the routine, 4", 4),
        ("done, effort 0, it was all stretching", 0),
        ("done, maybe a 7 effort", 7),
        ("completed it, rpe 2", 2),
    ],
)
def test_effort_numbers_as_runners_give_them(text: str, effort: int) -> None:
    (intent,) = _all(text)
    assert intent.kind is IntentKind.DONE
    assert intent.effort == effort


def test_a_number_rates_what_it_follows_not_the_session() -> None:
    (intent,) = _all("did it, tight hamstrings 4, the rest felt fine")
    assert intent.kind is IntentKind.DONE
    assert intent.effort is None
    assert intent.report is not None
    assert (intent.report.area, intent.report.severity) == (Area.HAMSTRINGS, 4)


def test_an_effort_word_said_of_the_body_is_no_effort() -> None:
    (intent,) = _all("done it, hamstrings destroyed though")
    assert (intent.kind, intent.effort) == (IntentKind.DONE, None)
    assert intent.report is not None
    assert intent.report.area is Area.HAMSTRINGS


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        ("done, effort 5 or 6", "5 or 6"),
        ("finished, effort around 8-9", "8-9"),
        ("done, effort 14", "14"),
    ],
)
def test_an_effort_range_or_impossible_effort_is_only_asked(text: str, odd: str) -> None:
    # the part with the odd value is a question; the coach (``Coach._text``) still logs the
    # session and asks the effort on its buttons, so the answer has a log to go to
    (ask,) = _all(text)
    assert (ask.kind, ask.effort, ask.unclear) == (IntentKind.DONE, None, odd)


@pytest.mark.parametrize("text", ["knee 13/10", "achilles -2/10 sore", "groin 4 or 5/10"])
def test_an_impossible_severity_is_asked_and_the_report_kept_without_it(text: str) -> None:
    # the plan spares the area while the coach asks the number (``Coach._intent``)
    (ask,) = _all(text)
    assert ask.kind is IntentKind.BODY_REPORT
    assert ask.report is not None
    assert ask.report.severity is None
    assert (ask.unclear_slot, ask.unclear is not None) == (Unclear.SEVERITY, True)


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("done, effort 12/10", Unclear.EFFORT),
        ("did it on the 31st of april", Unclear.LOG_DAY),
        ("remind me at 25:00", Unclear.TIME),
        ("race on the 31st of june", Unclear.DATE),
        ("11/10", Unclear.RATING),
    ],
)
def test_the_intent_says_which_value_is_unclear(text: str, slot: Unclear) -> None:
    assert _all(text)[-1].unclear_slot is slot


def test_a_warning_sign_beside_an_impossible_severity_is_kept() -> None:
    report, ask = _all("knee swollen, 12/10")
    assert report.report is not None
    assert report.report.red_flags
    assert ask.unclear == "12/10"


def test_a_clear_log_beside_an_impossible_severity_is_kept() -> None:
    done, ask = _all("finished it, effort 6, calf pain -1/10")
    assert (done.kind, done.effort, done.report) == (IntentKind.DONE, 6, None)
    assert (ask.kind, ask.unclear) == (IntentKind.BODY_REPORT, "-1/10")


def test_number_helpers() -> None:
    assert effort_number("effort 0") == 0
    assert effort_number("a 6 effort") == 6
    assert odd_effort("effort 6 or 7") == "6 or 7"
    assert odd_effort("effort 7") is None
    assert [v for _, v in bare_numbers("sore: calves 3, quads 2")] == [3, 2]
    assert bare_numbers("remind me at 7, thanks") == []
    assert bare_numbers("did 3 sets, then 20 min") == []


# ------------------------------------------------------------------ what is no body area


@pytest.mark.parametrize(
    "text",
    [
        "done the hip stuff, easy, 2/10",
        "finished the calf raises, 5/10",
        "did the glute bridges, effort 4",
    ],
)
def test_exercise_names_are_not_body_areas(text: str) -> None:
    (intent,) = _all(text)
    assert intent.kind is IntentKind.DONE
    assert intent.report is None


def test_fine_said_of_an_exercise_clears_nothing() -> None:
    intents = _all("done it, the clamshells were fine and the quad stretch felt good")
    assert [i.kind for i in intents] == [IntentKind.DONE]


# ------------------------------------------------------------------ reports


@pytest.mark.parametrize(
    ("text", "area", "kind"),
    [
        ("my achilles is cranky today", Area.ACHILLES, ReportKind.SORENESS),
        ("got a little niggle in the left knee", Area.KNEE, ReportKind.PAIN),
        ("hamstring has been paining me", Area.HAMSTRINGS, ReportKind.PAIN),
    ],
)
def test_casual_feeling_words(text: str, area: Area, kind: ReportKind) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert (report.area, report.kind) == (area, kind)


def test_several_areas_make_one_report_each() -> None:
    assert _reports("achy: calves 3, glutes 5") == [
        (Area.CALVES, ReportKind.SORENESS, 3),
        (Area.GLUTES, ReportKind.SORENESS, 5),
    ]
    assert _reports("stiff lower back, stiff quads") == [
        (Area.LOWER_BACK, ReportKind.TIGHTNESS, None),
        (Area.QUADS, ReportKind.TIGHTNESS, None),
    ]


def test_areas_said_together_share_their_feeling() -> None:
    assert _reports("left knee and hip sore") == [
        (Area.KNEE, ReportKind.SORENESS, None),
        (Area.HIPS, ReportKind.SORENESS, None),
    ]
    assert _reports("calves and hammies both about 4/10, achy") == [
        (Area.CALVES, ReportKind.SORENESS, 4),
        (Area.HAMSTRINGS, ReportKind.SORENESS, 4),
    ]


def _sides(text: str) -> list[tuple[Area, Side, ReportKind]]:
    return [
        (i.report.area, i.report.side, i.report.kind)
        for i in _all(text)
        if i.report is not None and i.kind is not IntentKind.FEELS_FINE
    ]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        (
            "my right calf is stiff and the left shin feels achy",
            [(Area.CALVES, Side.RIGHT, ReportKind.TIGHTNESS),
             (Area.SHINS, Side.LEFT, ReportKind.SORENESS)],
        ),
        (
            "stiff hamstrings and an achy lower back from the flight",
            [(Area.HAMSTRINGS, Side.NONE, ReportKind.TIGHTNESS),
             (Area.LOWER_BACK, Side.NONE, ReportKind.SORENESS)],
        ),
        (
            "left quad and left adductor both a touch tight",
            [(Area.QUADS, Side.LEFT, ReportKind.TIGHTNESS),
             (Area.GROIN, Side.LEFT, ReportKind.TIGHTNESS)],
        ),
        (
            "calves and shins both sore",
            [(Area.CALVES, Side.NONE, ReportKind.SORENESS),
             (Area.SHINS, Side.NONE, ReportKind.SORENESS)],
        ),
    ],
)  # fmt: skip
def test_each_area_keeps_its_own_kind_and_side(
    text: str, reports: list[tuple[Area, Side, ReportKind]]
) -> None:
    assert _sides(text) == reports


def test_an_area_named_in_passing_is_no_report_of_its_own() -> None:
    assert _sides("ache in my left calf, a bit like a tight achilles") == [
        (Area.CALVES, Side.LEFT, ReportKind.SORENESS)
    ]


def test_a_warning_sign_goes_with_the_area_it_is_said_of() -> None:
    intents = [i for i in _all("right quad tight 3/10 and my left ankle is swollen") if i.report]
    assert [(i.report.area, bool(i.report.red_flags)) for i in intents if i.report] == [
        (Area.QUADS, False),
        (Area.ANKLE, True),
    ]


def test_the_kind_said_stays_beside_a_warning_sign() -> None:
    report = understand("hobbling a bit, probably just a stiff calf", TODAY).report
    assert report is not None
    assert report.kind is ReportKind.TIGHTNESS
    assert RedFlag.LIMPING in report.red_flags


def test_sore_when_walking_is_pain() -> None:
    report = understand("my shin is sore when I walk", TODAY).report
    assert report is not None
    assert report.kind is ReportKind.PAIN
    assert RedFlag.PAIN_ON_WALKING in report.red_flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("pain in one spot on my shin", RedFlag.BONE_SPOT),
        ("my foot is tender to touch in one place", RedFlag.BONE_SPOT),
        ("my right leg felt weak on the stairs", RedFlag.WEAKNESS),
        ("knee sore since I tripped over on the trail", RedFlag.AFTER_FALL),
        ("calf pain during the run and it lingered afterwards", RedFlag.WORSENING_DURING_RUN),
    ],
)
def test_warning_signs_in_casual_words(text: str, flag: RedFlag) -> None:
    intent = understand(text, TODAY)
    assert intent.report is not None
    assert flag in intent.report.red_flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("been running a fever, should I train today?", RedFlag.UNWELL),
        ("lost weight without trying lately, what's on today?", RedFlag.UNWELL),
    ],
)
def test_a_warning_sign_wins_over_a_question(text: str, flag: RedFlag) -> None:
    intent = understand(text, TODAY)
    assert intent.kind is IntentKind.WARNING_SIGN
    assert flag in intent.signs


# ------------------------------------------------------------------ clearing


def test_a_recovered_area_is_cleared_next_to_another_report() -> None:
    kinds = {i.kind: i for i in _all("hamstrings back to normal, calves still tight")}
    assert kinds[IntentKind.FEELS_FINE].fine_areas == (Area.HAMSTRINGS,)
    report = kinds.get(IntentKind.BODY_REPORT) or kinds[IntentKind.NOT_FINE]
    assert report.report is not None
    assert report.report.area is Area.CALVES


def test_a_contrast_fine_is_context_not_a_clearing() -> None:
    intents = _all("quads ok but my hip flexors are killing me")
    assert [i.kind for i in intents] == [IntentKind.BODY_REPORT]


def test_a_pain_that_went_away_is_cleared() -> None:
    intents = _all("finished it! that knee niggle from monday has gone now")
    assert {i.kind for i in intents} == {IntentKind.DONE, IntentKind.FEELS_FINE}


def test_feels_normal_again_clears() -> None:
    intent = understand("my groin feels normal again", TODAY)
    assert (intent.kind, intent.fine_areas) == (IntentKind.FEELS_FINE, (Area.GROIN,))


# ------------------------------------------------------------------ questions and idioms


@pytest.mark.parametrize(
    "text",
    [
        "can I do the hops in the evening at night?",
        "how tight is too tight?",
        "is the pigeon stretch good for a stiff back?",
        "what a pain in the neck this week has been",
        "pain aux raisins or a banana before training?",
        "how do I avoid shin splints, any tips?",
        "my husband has plantar fasciitis, is this plan ok for him?",
        "had a stress fracture years ago, totally fine now, can I do the jumps?",
        "should I skip it if I'm tired from work?",
    ],
)
def test_questions_and_idioms_are_no_report_and_no_log(text: str) -> None:
    for intent in _all(text):
        assert intent.report is None, text
        assert not intent.signs, text
        assert intent.kind not in (
            IntentKind.DONE,
            IntentKind.SKIPPED,
            IntentKind.BODY_REPORT,
            IntentKind.FEELS_FINE,
            IntentKind.WARNING_SIGN,
        ), text


def test_my_own_report_in_a_question_still_counts() -> None:
    intent = understand("is it normal that my calf hurts this much?", TODAY)
    assert intent.report is not None
    assert intent.report.area is Area.CALVES


def test_a_warning_sign_in_a_general_question_still_counts() -> None:
    intent = understand("is numbness in the foot normal after hops?", TODAY)
    assert RedFlag.NUMBNESS_TINGLING in (
        intent.signs | (intent.report.red_flags if intent.report else frozenset())
    )


def test_side_is_kept_per_report() -> None:
    report = understand("right calf a bit cranky, 3", TODAY).report
    assert report is not None
    assert (report.side, report.severity) == (Side.RIGHT, 3)


def test_a_muscle_burn_during_an_exercise_is_no_report() -> None:
    (intent,) = _all("done, quads burning in the split squats, good workout")
    assert intent.kind is IntentKind.DONE
    assert intent.report is None


def test_a_burn_that_is_not_the_work_is_still_a_report() -> None:
    report = understand("burning feeling in my achilles this morning", TODAY).report
    assert report is not None
    assert report.area is Area.ACHILLES


def test_no_way_negates_the_rest_of_its_clause() -> None:
    intent = understand("work is chaos, no way I'll get the session done today", TODAY)
    assert intent.kind is IntentKind.SKIPPED


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("went for a run with my sister and my shins are sore", True),
        ("ran with a friend and calves are sore", True),
        ("my brother's achilles is sore after his marathon", False),
        ("his knee swelled up at parkrun", False),
    ],
)
def test_whose_body_it_is(text: str, own: bool) -> None:
    intent = understand(text, TODAY)
    assert (intent.report is not None) is own
    assert (intent.report is not None or bool(intent.signs)) is own


# ------------------------------------------------------------------ kinds, signs, stretches


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("bit of a niggle in my left shin, feels stiff more than anything", ReportKind.TIGHTNESS),
        ("tweaked my groin at footy, just achy now", ReportKind.SORENESS),
        ("achilles playing up again", ReportKind.PAIN),
        ("quads DOMSing after the hills", ReportKind.SORENESS),
        ("calves in pieces after the 10k", ReportKind.SORENESS),
        ("hamstrings like bricks after the flight", ReportKind.TIGHTNESS),
        ("calves barking after the track session", ReportKind.SORENESS),
        ("adductor a bit twingy", ReportKind.PAIN),
    ],
)
def test_the_feeling_said_beats_a_problem_word(text: str, kind: ReportKind) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.kind is kind


def test_a_general_leg_is_narrowed_to_the_part_named() -> None:
    report = understand("legs are wrecked, calves especially", TODAY).report
    assert report is not None
    assert report.area is Area.CALVES


def test_both_feet_is_the_feet_on_both_sides() -> None:
    report = understand("both my feet ache after the trail run", TODAY).report
    assert report is not None
    assert (report.area, report.side) == (Area.FOOT, Side.BOTH)


def test_hurling_is_a_sport_not_hurting() -> None:
    report = understand("quads sore after hurling on saturday", TODAY).report
    assert report is not None
    assert report.kind is ReportKind.SORENESS


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("shin pain even when resting, 4/10", RedFlag.NIGHT_PAIN),
        ("my knee hurts now even just standing and walking", RedFlag.PAIN_ON_WALKING),
        ("calf pain is still there three days later", RedFlag.WORSENING_DURING_RUN),
        ("heel pain, still hurts the next morning", RedFlag.WORSENING_DURING_RUN),
    ],
)
def test_pain_that_does_not_settle_is_a_sign(text: str, flag: RedFlag) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert flag in report.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "calves still sore 2 days later, normal DOMS I think",
        "ankle a bit sore but walking is fine",
        "tight hip, walking totally fine though",
    ],
)
def test_soreness_that_lingers_or_spares_walking_is_no_sign(text: str) -> None:
    report = understand(text, TODAY).report
    assert report is not None
    assert report.red_flags == frozenset()


def test_an_effort_number_is_no_severity() -> None:
    report = understand("rpe 6 yesterday, hamstrings a little tight", TODAY).report
    assert report is not None
    assert report.severity is None


def test_a_rating_or_side_said_after_its_own_clause_still_counts() -> None:
    assert _sides("hip flexor is fine now but my left quad is sore, 3/10") == [
        (Area.QUADS, Side.LEFT, ReportKind.SORENESS)
    ]
    intents = _all("whole leg is heavy and achy, right one")
    assert [(i.report.area, i.report.side) for i in intents if i.report] == [(Area.LEG, Side.RIGHT)]


def test_a_sign_a_request_clause_would_lose_keeps_the_whole_report() -> None:
    intents = _all("my right knee aches and keeps buckling on stairs, what should I do?")
    assert len(intents) == 1
    assert intents[0].report is not None
    assert RedFlag.GIVING_WAY in intents[0].report.red_flags


def test_a_nerve_sign_with_two_areas_stays_one_report() -> None:
    intents = _all("lower back aches and my glutes feel numb")
    assert len(intents) == 1
    assert intents[0].report is not None
    assert RedFlag.NUMBNESS_TINGLING in intents[0].report.red_flags


# ------------------------------------------------------------------ recoveries and questions


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("no more calf tightness since the massage", Area.CALVES),
        ("no more achilles pain this week", Area.ACHILLES),
    ],
)
def test_no_more_of_a_feeling_is_a_recovery(text: str, area: Area) -> None:
    intent = understand(text, TODAY)
    assert (intent.kind, intent.fine_areas) == (IntentKind.FEELS_FINE, (area,))


def test_better_beside_a_report_clears_its_area() -> None:
    kinds = {i.kind: i for i in _all("hamstring better, but my right calf is still tight")}
    assert kinds[IntentKind.FEELS_FINE].fine_areas == (Area.HAMSTRINGS,)
    report = kinds[IntentKind.BODY_REPORT].report
    assert report is not None
    assert (report.area, report.side) == (Area.CALVES, Side.RIGHT)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("knee is fine now, did saturday's session, effort 6", Area.KNEE),
        ("groin has settled, done today's, a 3", Area.GROIN),
    ],
)
def test_a_recovery_beside_a_log_is_kept(text: str, area: Area) -> None:
    intents = _all(text)
    assert [i.kind for i in intents] == [IntentKind.FEELS_FINE, IntentKind.DONE]
    assert intents[0].fine_areas == (area,)


def test_a_fine_state_beside_a_log_clears_nothing() -> None:
    assert [i.kind for i in _all("calf fine, did it, 5")] == [IntentKind.DONE]


def test_the_session_named_by_its_area_is_no_report() -> None:
    (intent,) = _all("finished tonight's hips, easy 3")
    assert (intent.kind, intent.report) == (IntentKind.DONE, None)


def test_a_rating_on_ten() -> None:
    report = understand("hip is aching, 3 on 10", TODAY).report
    assert report is not None
    assert report.severity == 3


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to do the session late at night?",
        "which is better, stretching before or after?",
        "what if my achilles gets sore during the hops?",
        "what are the warning signs of a tendon problem?",
        "what's a stress reaction and how would I know if I had one?",
        "tore my calf back in 2019, all healed now, anything to watch?",
        "had shin splints last year, totally recovered, any advice?",
    ],
)
def test_questions_and_the_long_past_are_no_report_and_no_recovery(text: str) -> None:
    for intent in _all(text):
        assert intent.report is None, text
        assert not intent.signs, text
        assert intent.kind not in (
            IntentKind.BODY_REPORT,
            IntentKind.FEELS_FINE,
            IntentKind.WARNING_SIGN,
        ), text


def test_a_temperature_with_a_cold_is_illness_not_a_warning() -> None:
    intent = understand("got a chesty cough and a temperature, train or not?", TODAY)
    assert intent.kind is not IntentKind.WARNING_SIGN
    assert not intent.signs


def test_a_fever_alone_is_still_a_warning() -> None:
    intent = understand("I've had a fever for days, should I train?", TODAY)
    assert RedFlag.UNWELL in intent.signs


def test_an_area_after_the_day_in_another_clause_is_still_the_body() -> None:
    (intent,) = _all("skipping today's, calves still tight")
    assert intent.kind is IntentKind.SKIPPED
    assert intent.report is not None
    assert intent.report.area is Area.CALVES


def test_a_log_with_two_areas_reports_each_once_and_keeps_its_effort() -> None:
    intents = _all("done, 6/10. right quad tight 2/10 and left calf achy 4/10")
    done = next(i for i in intents if i.kind is IntentKind.DONE)
    assert done.effort == 6
    reports = [(i.report.area, i.report.severity) for i in intents if i.report]
    assert sorted(reports) == sorted([(Area.QUADS, 2), (Area.CALVES, 4)])


@pytest.mark.parametrize("text", ["shin sore, ankle too", "my quad is tight and my hip as well"])
def test_an_area_said_too_feels_as_the_one_before(text: str) -> None:
    reports = _reports(text)
    assert len(reports) == 2
    assert reports[0][1] is reports[1][1]


def test_pain_that_has_not_gone_after_days_is_a_sign() -> None:
    (intent,) = _all("ache in my heel that hasn't settled after 4 days, it's pain really")
    assert intent.report is not None
    assert RedFlag.WORSENING_DURING_RUN in intent.report.red_flags


def test_used_to_is_the_past() -> None:
    for intent in _all("I used to get achilles pain but it's long behind me"):
        assert intent.report is None


def test_a_two_word_area_said_fine() -> None:
    intent = understand("lower back's grand now", TODAY)
    assert (intent.kind, intent.fine_areas) == (IntentKind.FEELS_FINE, (Area.LOWER_BACK,))


def test_a_rating_ends_a_report() -> None:
    assert _reports("achy calves 5/10 stiff glutes 2/10") == [
        (Area.CALVES, ReportKind.SORENESS, 5),
        (Area.GLUTES, ReportKind.TIGHTNESS, 2),
    ]


def test_pain_after_sitting_is_no_rest_pain() -> None:
    report = understand("hip pain after a long day sitting at the desk", TODAY).report
    assert report is not None
    assert report.red_flags == frozenset()


def test_a_nerve_sign_over_areas_said_together_stays_one_report() -> None:
    intents = _all("tingling in my calf and foot")
    assert len(intents) == 1


def test_a_sore_back_before_and_is_the_back() -> None:
    assert _reports("stiff back and achy calves") == [
        (Area.LOWER_BACK, ReportKind.TIGHTNESS, None),
        (Area.CALVES, ReportKind.SORENESS, None),
    ]


def test_a_run_at_night_is_no_night_pain() -> None:
    report = understand("jogged late at night, hamstrings a bit sore", TODAY).report
    assert report is not None
    assert report.red_flags == frozenset()


def test_worse_at_night_is_still_night_pain() -> None:
    report = understand("my shin aches, worse at night", TODAY).report
    assert report is not None
    assert RedFlag.NIGHT_PAIN in report.red_flags


def test_gone_and_no_swelling_is_a_recovery() -> None:
    intent = understand("the ache is gone from my ankle and no swelling", TODAY)
    assert (intent.kind, intent.fine_areas) == (IntentKind.FEELS_FINE, (Area.ANKLE,))


@pytest.mark.parametrize(
    ("value", "above"),
    [("11/10", True), ("12 out of 10", True), ("-5/10", False), ("6 or 7", False)],
)
def test_a_rating_past_the_top_of_the_scale_is_told_apart(value: str, above: bool) -> None:
    assert above_the_scale(value) is above
