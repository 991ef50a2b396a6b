"""Through the coach: warning signs by urgency, and holds cleared on purpose.

Phrased afresh (not the review's exact words), with typos, slang and negation.
"""

from __future__ import annotations

import pytest

from bot.core.triage import LOWER_LIMB
from bot.core.vocabulary import Area, Category, Phase, RedFlag, Side
from bot.service.messages import Reply
from bot.service.reports import CLEAR_FLOW, FLOW
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, assert_telegram_html, buttons, texts

DIAGNOSES = ("you have", "it is a", "it's a", "tendinitis", "syndrome", "you've got")


def _no_diagnosis(text: str) -> None:
    low = text.lower()
    for words in DIAGNOSES:
        assert words not in low, text


async def _checks(chat: Chat, answers: str = "yyyyy") -> list[Reply]:
    """Answer the checks in turn ("y" passes, "n" fails); all passed before the hops, the
    hops the next morning, no worse."""
    if answers == "yyyyy":
        return await chat.pass_return_checks()
    replies: list[Reply] = []
    for index, answer in enumerate(answers):
        replies = await chat.press(f"v1|ck|{index}|{'yes' if answer == 'y' else 'no'}")
    return replies


# ---------------------------------------------------------------- bone stress


@pytest.mark.parametrize(
    "text",
    [
        "sharp pain in my hip when I walk",
        "front of my hip hurts when walking",
        "deep groin pain when i walk, been limping",
        "my groin aches at night",
        "hip pain, can't put weight on it",
    ],
)
async def test_a_hip_or_groin_bone_stress_sign_takes_the_whole_leg_out(
    chat: Chat, clock: FakeClock, text: str
) -> None:
    await chat.command("/today")
    replies = await chat.say(text)
    said = texts(replies)
    assert "doctor soon" in said
    assert "stop running and jumping" in said.lower()
    assert "extra mobility" not in said
    _no_diagnosis(said)
    state = await chat.state()
    assert state.phase is Phase.RECOVERY_HOLD
    assert Area.LEG in state.held_areas
    plan = await chat.plan(clock)
    assert plan.is_rest
    assert plan.exercises == ()
    today = texts(await chat.command("/today"))
    assert "what is still safe" in today
    assert "doctor soon" in today
    for stretch in ("90/90", "pigeon", "frog", "squat hold"):
        assert stretch.lower() not in today.lower()


async def test_a_shin_bone_stress_sign_spares_the_shin_and_its_neighbours(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    said = texts(await chat.say("my left shin hurts when i hop and it's tender on the bone"))
    assert "doctor soon" in said
    state = await chat.state()
    assert Area.SHINS in state.held_areas
    assert Area.LEG not in state.held_areas
    plan = await chat.plan(clock)
    assert plan.category is not Category.DYNAMIC


async def test_a_stress_fracture_said_without_an_area_refers_and_asks_where(chat: Chat) -> None:
    replies = await chat.say("I think I've got a stress fracture tbh")
    said = texts(replies)
    assert "doctor soon" in said
    assert "v1|ra|shins" in buttons(replies)
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "area")
    await chat.press("v1|ra|foot")
    await chat.press("v1|rs|right")
    await chat.press("v1|rk|pain")
    (flags,) = await chat.press("v1|rv|4")
    assert "✅ A possible stress fracture" in [label for row in flags.keyboard for label, _ in row]
    await chat.press("v1|rz")
    (report,) = await chat.reports()
    assert RedFlag.STRESS_FRACTURE in report.red_flags
    assert Area.FOOT in (await chat.state()).held_areas


# ---------------------------------------------------------------- nerve signs


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("numbness down my leg", Area.LEG),
        ("my leg is numb", Area.LEG),
        ("tingling down my left leg", Area.LEG),
        ("sciatica down my right leg", Area.LEG),
        ("pins and needles in my foot", Area.FOOT),
        ("got this tinglin feeling in my rite calf", Area.CALVES),
        ("pain shooting down the back of my leg", Area.LEG),  # sciatica: the whole leg
        ("my foot keeps going numb on long runs", Area.FOOT),
    ],
)
async def test_nerve_signs_are_referred_as_nerve_signs(chat: Chat, text: str, area: Area) -> None:
    await chat.command("/today")
    said = texts(await chat.say(text))
    assert "clinician" in said
    assert "nerve" in said
    assert "No hops, jumps" in said
    assert "pain in your" not in said
    _no_diagnosis(said)
    (report,) = await chat.reports()
    assert report.area is area
    assert area in (await chat.state()).held_areas


@pytest.mark.parametrize(
    "text",
    [
        "no numbness or tingling, calves just tight",
        "calf tight but no pins and needles",
        "hamstrings sore 4/10, not numb at all",
    ],
)
async def test_negated_nerve_signs_do_not_trigger(chat: Chat, text: str) -> None:
    await chat.command("/today")
    said = texts(await chat.say(text))
    assert "clinician" not in said
    assert (await chat.state()).phase is not Phase.RECOVERY_HOLD


# ---------------------------------------------------------------- emergency and doctor


@pytest.mark.parametrize(
    "text",
    [
        "sciatica down both legs since yesterday",
        "numbness in both legs and my back hurts",
        "my back hurts and I can't control my bladder",
        "numb down there after my long run, lower back pain",
    ],
)
async def test_emergency_signs_send_to_urgent_care_today(chat: Chat, text: str) -> None:
    await chat.command("/today")
    replies = await chat.say(text)
    said = texts(replies)
    assert "urgent medical care today" in said
    assert "Tell me how it feels" not in said
    assert "extra mobility" not in said
    _no_diagnosis(said)
    for reply in replies:
        assert_telegram_html(reply.text)
    state = await chat.state()
    assert Area.LEG in state.held_areas


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("feeling feverish today, should I train?", "a doctor"),
        ("I keep getting stress fractures, this is my third stress fracture", "sports dietitian"),
        ("I've missed my periods for a few months", "sports dietitian"),
    ],
)
async def test_doctor_signs_refer_without_a_training_change(
    chat: Chat, text: str, who: str
) -> None:
    await chat.command("/today")
    said = texts(await chat.say(text))
    assert who in said
    assert "Sorry, I didn't quite get" not in said


async def test_pain_after_a_fall_is_a_doctor_sign(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("came off my bike yesterday and my knee hurts"))
    assert "see a doctor" in said


# ---------------------------------------------------------------- questions, not guesses


async def test_a_bare_pain_report_gets_the_warning_sign_questions(chat: Chat) -> None:
    await chat.command("/today")
    replies = await chat.say("my knee hurts")
    assert "v1|rf|swelling" in buttons(replies)
    assert "v1|rf|numbness_tingling" in buttons(replies)
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "flags")
    await chat.press("v1|rf|swelling")
    _, answer = await chat.press("v1|rz")
    assert "swelling" in answer.text
    assert Area.KNEE in (await chat.state()).held_areas


async def test_none_of_these_keeps_the_typed_report_once(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("ankle pain 4/10")
    (noted,) = await chat.press("v1|rz")
    assert "noted" in noted.text
    assert len(await chat.reports()) == 1
    assert (await chat.state()).phase is not Phase.RECOVERY_HOLD


# ---------------------------------------------------------------- wording


async def test_swelling_is_called_swelling(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("knee's swollen"))
    assert "swelling" in said
    assert "pain in your knee" not in said
    assert "extra mobility" not in said


async def test_a_hold_message_never_offers_extra_mobility(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("hamstrings tight")
    said = texts(await chat.say("my ankle is swollen"))
    assert "extra mobility" not in said
    today = texts(await chat.command("/today"))
    assert "extra mobility" not in today


# ---------------------------------------------------------------- clearing on purpose


async def test_painkillers_without_relief_never_clear_a_hold(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("calf is swollen")
    said = texts(await chat.say("calf still hurts, the painkillers give no pain relief"))
    assert "Great news" not in said
    assert "Glad" not in said
    assert Area.CALVES in (await chat.state()).held_areas


@pytest.mark.parametrize(
    "text",
    [
        "not fine yet",
        "calf fine but still a bit sore",
        "knee fine, calf not",
        "getting better",
        "still hurts tbh",
        "its not better",
    ],
)
async def test_recovery_words_taken_back_keep_the_hold(chat: Chat, text: str) -> None:
    await chat.command("/today")
    await chat.say("calf is swollen")
    said = texts(await chat.say(text))
    assert "Great news" not in said
    assert "Check 1" not in said
    assert (await chat.state()).held_areas


async def test_fine_minutes_after_swelling_is_too_soon_to_test(
    chat: Chat, clock: FakeClock
) -> None:
    """A second trial: a hold was cleared a minute after its sign by five taps ("try it now
    or tell me how it went the last time"). The checks wait a day; a Yes is never asked."""
    await chat.command("/today")
    await chat.say("knee swollen")
    clock.advance(minutes=5)
    (soon,) = await chat.say("knee fine now")
    assert "too soon" in soon.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    assert await chat.conversation() is None
    clock.advance(days=1)
    replies = await chat.say("knee fine now")
    assert "Check 1 of 5" in texts(replies)
    assert "walk" in texts(replies)
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.name == CLEAR_FLOW


async def test_a_failed_check_keeps_the_hold_and_says_what_to_do(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    chat.next_day()
    await chat.say("knee fine now")
    (failed,) = await _checks(chat, "yyn")
    assert "hold stays" in failed.text
    assert "physiotherapist" in failed.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "resting"  # no question open; the checks wait a few days


async def test_the_checks_come_in_the_facts_order(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    chat.next_day()
    seen = [texts(await chat.say("knee fine now"))]
    for index in range(3):
        seen.append(texts(await chat.press(f"v1|ck|{index}|yes")))
    for text, word in zip(seen, ("30 minutes", "stand", "squats", "jog"), strict=True):
        assert word in text
    (wait,) = await chat.press("v1|ck|3|yes")  # the hops wait for the morning after
    assert "4 of the 5 checks passed" in wait.text
    assert "tomorrow" in wait.text
    assert "no swelling" in wait.text
    assert not wait.keyboard
    (same_day,) = await chat.command("/clear")
    assert "waits for tomorrow morning" in same_day.text
    chat.next_day()
    (morning,) = await chat.say("knee fine now")
    assert "no more pain or stiffness than before those checks" in morning.text
    assert "no swelling" in morning.text
    (hops,) = await chat.press("v1|cs|yes")
    assert "Check 5 of 5" in hops.text
    assert "hop" in hops.text
    assert (await chat.state()).held_areas == {Area.KNEE}
    (done,) = await chat.press("v1|ck|4|yes")
    assert "All checks passed" in done.text
    assert (await chat.state()).held_areas == frozenset()


@pytest.mark.parametrize("text", ["sharp pain in my hip when I walk", "tingling down my left leg"])
async def test_a_red_flag_hold_asks_about_a_clinician_first(chat: Chat, text: str) -> None:
    await chat.command("/today")
    await chat.say(text)
    (question,) = await chat.say("all good now, no pain")
    assert "cleared you" in question.text
    assert "v1|cc|yes" in buttons([question])
    (no,) = await chat.press("v1|cc|no")
    assert "hold stays" in no.text
    assert (await chat.state()).held_areas
    await chat.command("/clear")
    (first,) = await chat.press("v1|cc|yes")
    if "tingling" in text:  # a nerve sign: has it gone? before the checks
        assert "pins and needles and numbness gone" in first.text
        (first,) = await chat.press("v1|cs|yes")
    assert "Check 1 of 5" in first.text
    await _checks(chat)
    state = await chat.state()
    assert state.held_areas == frozenset()
    assert not state.held_areas & LOWER_LIMB


async def test_a_stale_check_button_changes_nothing(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    await chat.say("knee fine now")
    (late,) = await chat.press("v1|ck|3|yes")
    assert late.toast
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD


async def test_clearing_one_area_waits_for_a_serious_hold_on_the_same_leg(chat: Chat) -> None:
    """The checks load the whole leg (single-leg squats, jogging, hops): while another
    hold there is a bone stress sign, clearing a swollen knee clears the shin first (its
    clinician's go-ahead, then its checks), and the knee after, on its own."""
    await chat.command("/today")
    await chat.say("my left shin hurts when i hop and it's tender on the bone")
    await chat.say("knee swollen")
    chat.next_day()
    (question,) = await chat.say("knee fine now")
    assert "Before your knee with swelling: your left shin" in question.text
    assert "checked your left shin" in question.text
    (first,) = await chat.press("v1|cc|yes")
    assert "Check 1 of 5" in first.text
    await _checks(chat)
    assert (await chat.state()).held_areas == frozenset({Area.KNEE})
    (knee,) = await chat.command("/clear")
    assert "Check 1 of 5" in knee.text
    await _checks(chat)
    assert (await chat.state()).held_areas == frozenset()


async def test_after_the_checks_pass_today_no_longer_warns(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    clock.advance(days=1)
    await chat.say("knee fine now")
    await _checks(chat)
    plan = await chat.plan(clock)
    assert plan.advice is None or "knee" not in plan.advice.lower()
    assert not any("knee" in line.lower() for line in plan.adjustments)


async def test_the_advice_names_only_the_signs_of_its_tier(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("knee swollen")
    await chat.say("my left shin hurts when i hop and it's tender on the bone")
    plan = await chat.plan(clock)
    assert plan.advice is not None
    assert "bone stress" in plan.advice
    assert "swelling" not in plan.advice


async def test_the_guided_report_takes_typed_answers(chat: Chat) -> None:
    """Typing instead of tapping inside /sore: nothing the runner says is lost."""
    await chat.command("/sore")
    (side_or_kind,) = await chat.say("right shin")
    assert "How does it feel" in side_or_kind.text or "feel" in side_or_kind.text.lower()
    await chat.say("sore")
    await chat.say("5")
    replies = await chat.press("v1|rz")  # "none of these" warning signs: done
    said = texts(replies)
    assert "shin" in said
    (report,) = await chat.reports()
    assert (report.area, report.side, report.severity) == (Area.SHINS, Side.RIGHT, 5)


async def test_a_typed_answer_with_a_warning_sign_is_triaged_as_a_report(chat: Chat) -> None:
    await chat.command("/sore")
    said = texts(await chat.say("right shin, it hurts when i hop"))
    assert "doctor soon" in said


@pytest.mark.parametrize("text", ["11", "-5"])
async def test_a_rating_off_the_scale_is_not_taken(chat: Chat, text: str) -> None:
    await chat.command("/sore")
    await chat.say("left calf")
    await chat.say("sore")
    await chat.say(text)
    assert await chat.reports() == []
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "severity"
