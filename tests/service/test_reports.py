"""Tightness, soreness and pain: the guided /sore flow, typed reports, holds and clearing."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.planner import PlannedExercise
from bot.core.vocabulary import Area, Category, Phase, RedFlag, ReportKind, Side
from bot.service.messages import Reply
from bot.service.reports import FLOW
from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, button, buttons, texts


async def _pass_checks(chat: Chat) -> list[Reply]:
    """Answer every return check with "yes, pain 2/10 or less"."""
    return await chat.pass_return_checks()


async def _guided(chat: Chat, *presses: str) -> list[Reply]:
    await chat.command("/sore")
    replies: list[Reply] = []
    for data in presses:
        replies = await chat.press(data)
    return replies


async def test_sore_asks_for_the_area_by_buttons(chat: Chat) -> None:
    (question,) = await chat.command("/sore")
    assert "Where" in question.text
    data = buttons([question])
    # every area but the pelvic floor, whose leaking or heaviness is said in words, no 0-10
    assert {f"v1|ra|{area.value}" for area in Area if area is not Area.PELVIC_FLOOR} <= set(data)
    assert "v1|ra|pelvic_floor" not in data
    assert "v1|cx" in data
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "area")


async def test_guided_report_by_buttons_is_stored(chat: Chat) -> None:
    await chat.command("/sore")
    (side,) = await chat.press("v1|ra|calves")
    assert side.edit
    assert "side" in side.text
    (kind,) = await chat.press("v1|rs|left")
    assert "feel" in kind.text
    (severity,) = await chat.press("v1|rk|soreness")
    assert "v1|rv|10" in buttons([severity])
    (flags,) = await chat.press("v1|rv|6")
    assert "None of these" in [label for row in flags.keyboard for label, _ in row]
    noted, answer = await chat.press("v1|rz")
    assert noted.edit
    assert "noted" in noted.text
    assert "left calf" in answer.text
    assert "6/10" in answer.text
    assert "What changes" in answer.text

    (report,) = await chat.reports()
    assert (report.area, report.side, report.kind, report.severity) == (
        Area.CALVES,
        Side.LEFT,
        ReportKind.SORENESS,
        6,
    )
    assert report.red_flags == frozenset()
    assert await chat.conversation() is None
    assert (await chat.state()).phase is not Phase.RECOVERY_HOLD


async def test_red_flags_toggle_and_put_the_area_on_hold(chat: Chat) -> None:
    await _guided(chat, "v1|ra|hips", "v1|rs|right", "v1|rk|pain", "v1|rv|7")
    (on,) = await chat.press("v1|rf|sharp_pain")
    assert "✅ Sharp pain" in [label for row in on.keyboard for label, _ in row]
    (off,) = await chat.press("v1|rf|sharp_pain")
    assert "Sharp pain" in [label for row in off.keyboard for label, _ in row]
    # Changed on purpose: night pain at the hip is a bone-stress sign with its
    # own tier now (tests/service/test_triage.py); swelling keeps the hold-and-physio tier.
    await chat.press("v1|rf|swelling")
    _, answer = await chat.press("v1|rz")
    assert "physiotherapist or doctor" in answer.text
    assert "recovery hold" in answer.text

    (report,) = await chat.reports()
    assert report.red_flags == frozenset({RedFlag.SWELLING})
    state = await chat.state()
    assert state.phase is Phase.RECOVERY_HOLD
    assert state.held_areas == frozenset({Area.HIPS})
    assert "recovery hold" in texts(await chat.command("/phase")).lower()


async def test_not_sure_leaves_the_severity_empty(chat: Chat) -> None:
    _, answer = await _guided(
        chat, "v1|ra|hamstrings", "v1|rs|none", "v1|rk|tightness", "v1|rv|-", "v1|rz"
    )
    assert "None" not in answer.text
    (report,) = await chat.reports()
    assert report.severity is None
    assert report.side is Side.NONE


async def test_cancel_command_mid_flow_stores_nothing(chat: Chat) -> None:
    await _guided(chat, "v1|ra|knee", "v1|rs|left")
    (cancelled,) = await chat.command("/cancel")
    assert "Cancelled" in cancelled.text
    (late,) = await chat.press("v1|rk|pain")
    assert late.toast
    assert "/sore" in late.toast
    await chat.press("v1|rz")
    assert await chat.reports() == []
    assert await chat.conversation() is None


async def test_cancel_button_mid_flow_stores_nothing(chat: Chat) -> None:
    await _guided(chat, "v1|ra|knee", "v1|rs|left", "v1|rk|pain")
    (cancelled,) = await chat.press("v1|cx")
    assert cancelled.edit
    assert "Nothing was saved" in cancelled.text
    assert await chat.reports() == []
    assert await chat.conversation() is None


async def test_the_session_messages_sore_button_opens_the_flow(chat: Chat) -> None:
    today = await chat.command("/today")
    (question,) = await chat.press(button(today, "v1|so|"))
    assert "Where" in question.text


async def test_typed_report_is_stored_and_spares_the_area(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    clock.advance(days=1)  # the newcomer's second day: strength with calf raises
    loads = chat.coach.planner.content.exercises

    def calves_loaded(planned: Sequence[PlannedExercise]) -> bool:
        return any(Area.CALVES in loads[e.exercise_id].loads for e in planned)

    assert calves_loaded((await chat.plan(clock)).exercises)
    (answer,) = await chat.say("left calf sore 6/10")
    assert "left calf" in answer.text
    assert "What changes" in answer.text
    (report,) = await chat.reports()
    assert (report.area, report.side, report.kind, report.severity) == (
        Area.CALVES,
        Side.LEFT,
        ReportKind.SORENESS,
        6,
    )
    assert not calves_loaded((await chat.plan(clock)).exercises)


async def test_a_typed_report_closes_an_open_guided_one(chat: Chat) -> None:
    await _guided(chat, "v1|ra|knee")
    await chat.say("left calf sore 6/10")
    assert await chat.conversation() is None
    (late,) = await chat.press("v1|rs|left")
    assert late.toast
    assert len(await chat.reports()) == 1


async def test_red_flag_in_words_holds_advises_and_drops_jumps(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.command("/today")
    clock.advance(days=14)  # Tue 15 Dec: the first dynamic block's first day, a jump day
    assert (await chat.plan(clock)).category is Category.DYNAMIC
    *_, answer = await chat.say("sharp pain in my right hip")
    assert "physiotherapist or doctor" in answer.text
    (report,) = await chat.reports()
    assert report.area is Area.HIPS
    assert RedFlag.SHARP_PAIN in report.red_flags
    state = await chat.state()
    assert state.phase is Phase.RECOVERY_HOLD
    assert (await chat.plan(clock)).category is not Category.DYNAMIC
    week = texts(await chat.command("/plan"))
    assert "Dynamic:" not in week


async def test_saying_the_area_is_fine_clears_the_hold(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("sharp pain in my right hip")
    chat.next_day()  # the checks wait a day after the sign
    (other,) = await chat.say("my calf is fine now")
    assert "hip" in other.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    # Changed on purpose: "fine now" starts the return checks; the hold ends
    # only when they all pass.
    (first,) = await chat.say("my hip is fine now")
    assert "Check 1 of 5" in first.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    (cleared,) = await _pass_checks(chat)
    assert "All checks passed" in cleared.text
    state = await chat.state()
    assert state.phase is Phase.BASE
    assert state.held_areas == frozenset()


async def test_clear_command_by_area(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("sharp pain in my right hip")
    (unknown,) = await chat.command("/clear <elbow>")
    assert "&lt;elbow&gt;" in unknown.text
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    chat.next_day()  # the checks wait a day after the sign
    await chat.command("/clear hip")  # the checks come first
    assert (await chat.state()).phase is Phase.RECOVERY_HOLD
    await _pass_checks(chat)
    assert (await chat.state()).phase is Phase.BASE
    (nothing,) = await chat.command("/clear")
    assert "Nothing is on hold" in nothing.text


async def test_fine_without_a_hold_gets_a_kind_answer(chat: Chat) -> None:
    (answer,) = await chat.say("my calf is fine now")
    assert "Good to hear" in answer.text
    assert await chat.reports() == []


async def test_a_report_during_onboarding_then_back_to_the_questions(chat: Chat) -> None:
    await chat.command("/start")
    await chat.press("v1|ol|intermediate")
    await _guided(chat, "v1|ra|quads", "v1|rs|both", "v1|rk|tightness", "v1|rv|3")
    *_, back = await chat.press("v1|rz")
    assert "setting up" in back.text
    assert len(await chat.reports()) == 1
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == ("onboarding", "desk")
    (kit,) = await chat.say("yes")
    assert "3/9" in kit.text
    assert (await chat.runner()).desk_job is True


async def test_cancelling_a_report_during_onboarding_goes_back_to_it(chat: Chat) -> None:
    await chat.command("/start")
    await _guided(chat, "v1|ra|knee")
    (cancelled,) = await chat.command("/cancel")
    assert "setting up" in cancelled.text
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == ("onboarding", "level")
    assert await chat.reports() == []
    (gone,) = await chat.command("/cancel")
    assert "Cancelled" in gone.text
    assert await chat.conversation() is None


async def test_a_stale_cancel_button_gets_a_toast(chat: Chat) -> None:
    await chat.command("/start")
    (late,) = await chat.press("v1|cx")
    assert late.toast
    assert await chat.conversation() is not None  # onboarding is not cancelled by it


async def test_the_phrase_the_hold_message_suggests_clears_it(chat: Chat) -> None:
    await chat.command("/today")
    (answer,) = await chat.say("sharp pain in my right hip")
    assert '"hips fine now"' in answer.text.replace("&quot;", '"')
    chat.next_day()  # the checks wait a day after the sign
    await chat.say("hips fine now")  # the checks come first
    await _pass_checks(chat)
    assert (await chat.state()).phase is Phase.BASE


async def test_all_good_settles_every_area_being_followed_up(chat: Chat, clock: FakeClock) -> None:
    await chat.say("left calf sore 5/10")
    await chat.say("hamstrings tight")
    clock.advance(days=1)
    (answer,) = await chat.say("all good now")
    assert "Good to hear" in answer.text
    stored = [(r.area, r.severity) for r in await chat.reports()]
    # the calf was followed up, so it is settled at 0/10; mild tightness needs no answer
    assert stored[-1] == (Area.CALVES, 0)
    assert (Area.HAMSTRINGS, 0) not in stored
    adjustments = (await chat.plan(clock)).adjustments
    assert not any("calf" in line or "calves" in line for line in adjustments)


async def test_clear_on_an_area_followed_up_but_not_held_settles_it(
    chat: Chat, clock: FakeClock
) -> None:
    await chat.say("right calf sore 4/10")
    (answer,) = await chat.command("/clear calves")  # no hold: the soreness is fine now
    assert "Good to hear" in answer.text
    assert [(r.area, r.severity) for r in await chat.reports()][-1] == (Area.CALVES, 0)
    adjustments = (await chat.plan(clock)).adjustments
    assert not any("calf" in line or "calves" in line for line in adjustments)
    (nothing,) = await chat.command("/clear knee")  # never reported: nothing to clear
    assert "nothing to clear" in nothing.text


async def test_a_worse_report_says_so_and_is_stored_worse(chat: Chat) -> None:
    replies = await chat.say("calf was fine yesterday but stiffer and sorer this morning")
    assert "Worse by the morning" in replies[0].text
    (report,) = await chat.reports()
    assert (report.area, report.worse) == (Area.CALVES, True)


async def test_two_areas_in_one_message_are_one_reply_with_one_closing_line(chat: Chat) -> None:
    await chat.command("/today")
    (reply,) = await chat.say("left hamstring tight and my right calf is sore, like a 3")
    stored = {(r.area, r.side, r.kind) for r in await chat.reports()}
    assert stored == {
        (Area.HAMSTRINGS, Side.LEFT, ReportKind.TIGHTNESS),
        (Area.CALVES, Side.RIGHT, ReportKind.SORENESS),
    }
    assert reply.text.count("Tell me how it feels over the next days") == 1
    assert reply.text.rstrip().endswith("when it's fine again.")


async def test_an_odd_severity_keeps_the_report_without_the_number_and_asks_for_it(
    chat: Chat, clock: FakeClock
) -> None:
    """Trial finding: "hamstring niggle 11/10" stored nothing, yet said it left the number
    out, and the hamstring never showed in /history."""
    await chat.command("/today")
    replies = await chat.say("left hamstring niggle 11/10")
    said = texts(replies)
    assert "noted it without a number" in said
    assert "hamstrings" in said
    assert "0 (nothing) to 10" in said
    (report,) = await chat.reports()
    assert (report.area, report.side, report.kind, report.severity) == (
        Area.HAMSTRINGS,
        Side.LEFT,
        ReportKind.PAIN,
        None,
    )
    loads = chat.coach.planner.content.exercises
    planned = (await chat.plan(clock)).exercises
    assert not any(Area.HAMSTRINGS in loads[e.exercise_id].loads for e in planned)
    assert "left hamstring pain" in texts(await chat.command("/history"))
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "severity")
    flags = await chat.say("4")  # the number, then the warning-sign question
    await chat.press(button(flags, "v1|rz"))  # "None of these"
    latest = (await chat.reports())[-1]
    assert (latest.area, latest.side, latest.severity) == (Area.HAMSTRINGS, Side.LEFT, 4)


async def test_an_odd_severity_with_a_warning_sign_keeps_the_sign(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(await chat.say("sharp pain in my shin when I walk, 12/10"))
    assert "noted it without a number" in said
    (report,) = await chat.reports()
    assert report.area is Area.SHINS
    assert report.severity is None
    assert report.red_flags
    assert Area.SHINS in (await chat.state()).held_areas


async def test_none_typed_to_the_warning_sign_checklist_finishes_it(chat: Chat) -> None:
    replies = await chat.say("my knee hurts when I run")
    assert "Any of these?" in replies[-1].text
    (answer,) = await chat.say("none of these")
    assert "Sorry" not in answer.text
    (report,) = await chat.reports()
    assert (report.area, report.red_flags) == (Area.KNEE, frozenset())
    again = await chat.say("none of these")  # the checklist is closed: not answered twice
    assert not any("Thanks, noted" in reply.text for reply in again)


async def test_a_mild_soreness_said_gone_no_longer_counts(chat: Chat) -> None:
    """Trial: "the soreness in my quads from monday is gone" after "quads sore 3" was
    answered "Good to hear!" but nothing was stored, and /progress said the quads were worse."""
    await chat.say("quads sore 3")
    chat.next_day()
    await chat.say("done 7 - and the soreness in my quads from monday is gone")
    latest = (await chat.reports())[-1]
    assert latest.area is Area.QUADS
    assert latest.severity == 0


async def test_an_area_never_reported_is_not_written_down_when_said_fine(chat: Chat) -> None:
    await chat.say("my calves feel fine today")
    assert await chat.reports() == []
