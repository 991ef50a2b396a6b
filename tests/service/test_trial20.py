"""Session twenty, end to end (what is stored): a clinician's restriction told with no
area holds the area the runner then names, without asking how it feels; one told in
other words ("avoid hopping", "wants me off hopping") holds its area; a calf that stopped
a run is a warning sign."""

from __future__ import annotations

from bot.core.vocabulary import Area, RedFlag, Side
from tests.service.conftest import Chat, texts


async def test_a_clinicians_hold_with_no_area_holds_the_area_named_next(chat: Chat) -> None:
    await chat.command("/today")
    first = texts(await chat.say("physio says no hopping for 2 weeks"))
    assert "Their word comes first" in first
    assert "locks" not in first  # no other sign's advice
    replies = texts(await chat.say("left achilles"))
    assert "How does it feel" not in replies
    (report,) = await chat.reports()
    assert (report.area, report.side) == (Area.ACHILLES, Side.LEFT)
    assert RedFlag.CLINICIAN_HOLD in report.red_flags
    assert Area.ACHILLES in (await chat.state()).held_areas


async def test_a_clinicians_avoid_hopping_holds_the_area(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("podiatrist told me to avoid hopping for a month, it's my 5th metatarsal")
    (report,) = await chat.reports()
    assert report.area is Area.FOOT
    assert RedFlag.CLINICIAN_HOLD in report.red_flags


async def test_a_calf_that_stopped_the_run_is_a_warning(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("calf went on the long run, had to walk home")
    (report,) = await chat.reports()
    assert report.area is Area.CALVES
    assert report.red_flags


async def test_a_run_told_under_a_hold_that_keeps_running_out_is_answered(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my left calf went on the long run, had to limp home")
    chat.next_day()
    said = texts(await chat.say("did parkrun this morning anyway, calf held up mostly"))
    assert "please leave running out" in said
    assert "didn't quite get" not in said
    assert Area.CALVES in (await chat.state()).held_areas
    assert not await chat.completions()  # a run is no hip session


async def test_a_session_named_by_its_areas_is_logged_not_reported(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("did the calves and feet one this afternoon left hip flexor tight again, 4/10")
    (log,) = await chat.completions()
    assert log.status.value == "done"
    (report,) = await chat.reports()
    assert (report.area, report.side, report.severity) == (Area.HIP_FLEXORS, Side.LEFT, 4)


async def test_a_log_told_late_after_forgot_to_say_lands_on_its_day(chat: Chat) -> None:
    await chat.command("/today")
    chat.next_day()
    chat.next_day()
    await chat.say("forgot to say I did tuesday, a 5")
    logs = await chat.completions()
    assert [(log.on.isoformat(), log.rpe) for log in logs] == [("2026-12-01", 5)]


async def test_ready_for_the_hop_check_after_a_go_ahead_is_no_contradiction(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("saw the physio, she says no hopping or jumping for two weeks on my left hip")
    for _ in range(3):
        chat.next_day()
    await chat.say("physio cleared me today, all good to hop again")
    for _ in range(4):
        await chat.say("yes")
    chat.next_day()
    morning = texts(await chat.say("hip feels fine this morning, ready for the hop test"))
    assert "needs a doctor's or physio's check first" not in morning
    assert "this morning" in morning  # the overnight question, as the checks left it
    await chat.say("yes")
    again = texts(await chat.command("/clear"))
    assert "has a doctor or physiotherapist checked" not in again
    assert "Check 5 of 5" in again


async def test_jumps_asked_beside_a_bone_sign_are_answered_by_the_hold(chat: Chat) -> None:
    await chat.command("/today")
    said = texts(
        await chat.say(
            "Did the session, about a 6. My left shin hurts when I press on it and it's been "
            "waking me up at night. Anyway, when do the jumps start?"
        )
    )
    assert "see a doctor" in said
    assert "No jumps while an area is on hold" in said
    assert Area.SHINS in (await chat.state()).held_areas


async def test_a_run_told_after_a_muscle_went_waits_for_it_to_settle(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("calf went on the long run, had to walk home")
    chat.next_day()
    said = texts(await chat.say("did parkrun this morning anyway, calf held up mostly"))
    assert "please leave running out" in said
    assert "3/10 or less" not in said


async def test_a_question_or_a_log_is_no_answer_to_a_return_check(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("calf went on the long run, had to walk home")
    for _ in range(3):
        chat.next_day()
    await chat.say("calf feels fine now")
    asked = texts(await chat.say("is this ok for over 50s?"))
    assert "Check 2" not in asked
    logged = texts(await chat.say("done, effort 3 no pain"))
    assert "Logged" in logged
    assert "Check 2" not in logged
    (log,) = await chat.completions()
    assert log.rpe == 3
