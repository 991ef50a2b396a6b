"""Who and whether: what is said but is no request or state of the runner's own now (a
friend's injury, a supposition, a refusal, a joke, quoted words) stores nothing; a warning
sign of the runner's own body now is still caught, even inside a question."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.understanding import Intent, IntentKind, understand_all
from bot.core.understanding.fuzzy import correct
from bot.core.understanding.reported import own_words
from tests.core.storing import STORING

TUESDAY = date(2026, 12, 8)
_STORING = STORING | {IntentKind.WARNING_SIGN}


def _all(text: str) -> tuple[Intent, ...]:
    return understand_all(text, TUESDAY)


def _kinds(text: str) -> set[IntentKind]:
    return {i.kind for i in _all(text)}


def _warned(text: str) -> bool:
    return any(
        i.signs or i.kind is IntentKind.WARNING_SIGN or (i.report and i.report.red_flags)
        for i in _all(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "my clubmate just got told she has a stress fracture in her foot, how do i avoid one?",
        "a friend of mine has numbness in his saddle area, crazy right",
        "what happens if i get sciatica from the jumps?",
        "hypothetically if i got numb toes on the hops, would that be bad",
        "say i'm on holiday for 10 days in march, will i lose my progress?",
        "if my hamstrings are still tight tomorrow should i skip it?",
        "if i got injured next month could i restart the plan?",
        "what if i get a stress fracture?",
    ],
)
def test_other_people_and_suppositions_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "my foot is numb, should I stop?",
        "pins and needles in my toes since the hops, what should i do?",
        "if my foot is still numb tomorrow should i stop?",
        "my mate has sciatica but i've got numbness down my leg too",
    ],
)
def test_own_warning_signs_in_questions_are_caught(text: str) -> None:
    assert _warned(text), _all(text)


def test_a_friends_sign_then_own_done_logs_the_done_with_its_effort() -> None:
    found = _all("buddy of mine has numbness in both legs, sent him to a&e. did my session, 7")
    assert [i.kind for i in found] == [IntentKind.DONE]
    assert found[0].effort == 7
    assert found[0].report is None


@pytest.mark.parametrize(
    "text",
    [
        "set my reminder to off 😂 jk leave it as it is",
        "my coach told me 'no jumping on tarmac', is he right?",
        "a guy at the gym said 'stop the plan over christmas', should i?",
    ],
)
def test_jokes_taken_back_and_quoted_words_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    ("text", "effort"),
    [
        ("done! quads destroyed haha jk it was fine, 3/10", 3),
        ("my sister did it with me and said it was an 8/10 for her, felt like a 4/10 to me", 4),
        ("my brother reckons his back was 'a 9 out of 10' after it. did my session, 5/10", 5),
    ],
)
def test_ratings_not_the_runners_own_are_not_the_effort(text: str, effort: int) -> None:
    found = _all(text)
    assert [i.kind for i in found] == [IntentKind.DONE], found
    assert found[0].effort == effort
    assert found[0].report is None


def test_a_reminder_time_after_quoted_words_about_the_reminder_is_set() -> None:
    found = _all("my flatmate yelled 'no more 5am alarms!!' lol so 6:30 instead please")
    assert [(i.kind, i.reminder_time) for i in found] == [(IntentKind.SET_REMINDER, time(6, 30))]


def test_a_doctors_quoted_words_about_the_runners_own_body_keep_its_area() -> None:
    found = _all("physio said 'just a tight hamstring, nothing torn' phew. still tight on the left")
    assert [i.kind for i in found] == [IntentKind.BODY_REPORT], found


@pytest.mark.parametrize(
    "text",
    [
        "my physio said 'that sounds like a stress fracture'",
        "numb foot lol jk no seriously my foot is numb",
    ],
)
def test_warning_signs_in_quotes_or_jokes_are_still_caught(text: str) -> None:
    assert _warned(text), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "pause it? nope, i'm carrying on over new year",
        "my husband wants me to pause for the holidays, no way, i'm cracking on",
        "my sister's running a half on the 20th, we're going to watch",
        "thanks coach, the 6:30 reminder has been perfect",
        "landing in sydney on the 9th, i'll change the reminder when i'm there",
        "did a 10k race in 2018, i miss those days",
    ],
)
def test_refusals_praise_put_offs_and_longing_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("pause me from friday until the 3rd", IntentKind.PAUSE),
        ("reminder at 6:30 please, thanks", IntentKind.SET_REMINDER),
        ("missed the session yesterday", IntentKind.SKIPPED),
    ],
)
def test_the_runners_own_requests_still_count(text: str, kind: IntentKind) -> None:
    assert kind in _kinds(text), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "should i stop the plan for a bit?",
        "do i need a break from this after my marathon?",
        "missed 10 days over xmas, how do i restart it?",
        "happy christmas coach! 🎄",
    ],
)
def test_questions_about_a_break_and_wishes_store_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "can you pause me until sunday?",
        "could you pause it till the 4th please",
        "happy new year! pause me till the 10th",
    ],
)
def test_a_break_asked_for_is_still_a_pause(text: str) -> None:
    assert IntentKind.PAUSE in _kinds(text), _all(text)


def test_an_own_warning_sign_asked_about_a_break_is_caught_without_a_pause() -> None:
    text = "tingling in my right foot since yesterday, should i stop the plan?"
    assert _warned(text), _all(text)
    assert IntentKind.PAUSE not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "what if i can only train in the evenings next month?",
        "what if my airbnb over new year has no space, can i still do it?",
        "my son's quads are wrecked from the session, should he skip tomorrow?",
    ],
)
def test_supposed_or_anothers_day_is_no_plan_day_or_greeting(text: str) -> None:
    kinds = _kinds(text)
    assert kinds.isdisjoint(_STORING), _all(text)
    assert kinds.isdisjoint({IntentKind.GREETING, IntentKind.TODAY, IntentKind.PLAN_QUESTION})


def test_stopping_something_for_race_week_is_no_race_off() -> None:
    for text in (
        "is it bad if i stop the hops for race week? race is 3 may",
        "would it be silly to stop the hops in race week?",
    ):
        assert not any(i.race_off for i in _all(text)), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "my wife has pins and needles in her foot",
        "my dads hip is killing him after his run",
        "the kids have both got a temperature",
        "suppose i miss a whole week, do i start again?",
        "supposing i miss friday, do i do it saturday?",
        "suppose i miss a week, do i start over?",
    ],
)
def test_family_words_are_not_typo_corrected_away(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


def test_own_sign_beside_a_family_member_is_caught() -> None:
    assert _warned("my wife and i both have numbness in our feet since the hops")


@pytest.mark.parametrize(
    "text",
    [
        "my husband is away all next week",
        "told my sister to pause her plan over xmas",
        "my flatmate skipped his session today lol",
        "my gf did the session and said her calves were a 7/10",
    ],
)
def test_anothers_log_or_break_stores_nothing(text: str) -> None:
    assert _kinds(text).isdisjoint(_STORING), _all(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my partner did it with me tonight, 6/10", IntentKind.DONE),
        ("me and my daughter did it together, 5/10", IntentKind.DONE),
        ("my dog was sick all night so no session for me today", IntentKind.SKIPPED),
        ("off to spain with my wife next week, pause please", IntentKind.PAUSE),
    ],
)
def test_a_log_or_break_shared_with_the_runner_counts(text: str, kind: IntentKind) -> None:
    assert kind in _kinds(text), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "please don't pause me over new year",
        "no need to pause, i'll manage",
        "i was going to pause it for xmas but changed my mind",
        "considered pausing but nope, keeping going",
        "my physio reckons i should pause, what do you think?",
    ],
)
def test_a_break_negated_refused_or_advised_is_no_pause(text: str) -> None:
    assert IntentKind.PAUSE not in _kinds(text), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "is my reminder still at 6:30?",
        "my reminder's at 7 right?",
        "does the reminder come at 8am?",
    ],
)
def test_a_reminder_asked_about_is_not_changed(text: str) -> None:
    assert all(i.reminder_time is None and not i.reminder_off for i in _all(text)), _all(text)


@pytest.mark.parametrize(
    "text",
    ["is it possible to get my reminder at 6am?", "can you make my reminder 7:30?"],
)
def test_a_reminder_asked_for_in_a_question_is_set(text: str) -> None:
    assert any(i.reminder_time is not None for i in _all(text)), _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "if it snows tomorrow i'll skip",
        "if work runs late tonight, i'll miss it",
        "in case i miss saturday, what should i do?",
    ],
)
def test_a_skip_on_a_condition_to_come_is_no_log(text: str) -> None:
    assert _kinds(text).isdisjoint({IntentKind.SKIPPED, IntentKind.DONE}), _all(text)


def test_a_skip_asked_politely_is_still_a_skip() -> None:
    assert IntentKind.SKIPPED in _kinds("skipping tomorrow, if that's ok")


@pytest.mark.parametrize(
    "text",
    [
        "my sister's calf is tight and so is mine",
        "my buddy has a sore achilles, mine is sore too",
        "my wife's hamstring is tight after it, me too",
    ],
)
def test_anothers_feeling_echoed_as_the_runners_is_reported(text: str) -> None:
    assert IntentKind.BODY_REPORT in _kinds(text), _all(text)


def test_an_echoed_warning_sign_is_caught() -> None:
    assert _warned("my friend has numbness down her leg and so do i")


def test_a_possessive_is_no_doer_so_the_runners_skip_counts() -> None:
    assert IntentKind.SKIPPED in _kinds("sister's wedding on saturday so no session for me")
    assert IntentKind.SKIPPED in _kinds("my mate's birthday tomorrow so no session that day")


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("husband", "husband"), ("frend", "friend"), ("grand", "grand"), ("sone", "sole")],
)
def test_people_words_are_kept_without_attracting_other_typos(typo: str, meant: str) -> None:
    assert correct(typo) == meant


def test_the_runners_own_quoted_words_are_kept() -> None:
    assert own_words("did it, i'd say 'a hard 8/10' honestly") is None
    assert own_words("my coach said 'a hard 8/10' lol, felt like a 6/10") == (
        "my coach said lol, felt like a 6/10"
    )


@pytest.mark.parametrize(
    "text",
    [
        "if i get pins and needles again like last night should i stop?",
        "what if the numbness in my toes is still there tomorrow?",
    ],
)
def test_a_supposed_sign_that_has_happened_is_caught(text: str) -> None:
    assert _warned(text), _all(text)


@pytest.mark.parametrize(
    "said", ["cancel that break pls", "no break after all, plans changed", "cancel the pause"]
)
def test_a_break_called_off_is_a_resume(said: str) -> None:
    assert _kinds(said) == {IntentKind.RESUME}


def test_a_rest_day_asked_about_logs_no_skip() -> None:
    assert _kinds("yesterday was a rest day right?").isdisjoint(_STORING)
