"""Session twenty-one, end to end (what is stored): a clinician's "no impact on my right
shin" holds the shin; a report told before a prevention question is triaged; a finished
marathon is no hip session logged; a done taken back as a skip keeps the done until the
runner taps; the reminder's time asked in a clause of its own is the one stored; a race
moved from its old date to a new one is stored on the new one."""

from __future__ import annotations

from datetime import date, time

from bot.core.records import CompletionStatus
from bot.core.vocabulary import Area, RedFlag, Side
from tests.service.conftest import Chat, texts


async def test_no_impact_on_the_right_shin_holds_it(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("GP said no impact on my right shin for 6 weeks, mobility is fine though")
    (report,) = await chat.reports()
    assert (report.area, report.side) == (Area.SHINS, Side.RIGHT)
    assert RedFlag.CLINICIAN_HOLD in report.red_flags
    assert Area.SHINS in (await chat.state()).held_areas


async def test_a_report_before_a_prevention_question_is_triaged(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "shin pain getting worse every run, now walking hurts too. "
        "how do I avoid a stress fracture?"
    )
    (report,) = await chat.reports()
    assert report.area is Area.SHINS
    assert report.red_flags


async def test_a_finished_marathon_logs_no_hip_session(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("Just finished my first marathon!!! 3:52, so happy")
    assert await chat.completions() == []


async def test_a_done_taken_back_keeps_it_until_the_runner_taps(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("done")
    chat.next_day()
    replies = texts(await chat.say("I logged yesterday as done but that was wrong, I skipped it"))
    assert "Tue 01 Dec's" in replies  # the day as the coach writes it, not "Tue 01 dec"
    (log,) = await chat.completions()
    assert (log.on, log.status) == (date(2026, 12, 1), CompletionStatus.DONE)


async def test_the_reminder_time_asked_in_its_own_clause_is_stored(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "I work nights as a nurse so my morning is basically 6pm. The reminder at 7am lands "
        "right when I'm falling asleep. Can you send it at 18:30 instead?"
    )
    assert (await chat.runner()).reminder_time == time(18, 30)


async def test_a_moved_race_is_stored_on_its_new_day(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say(
        "my race was meant to be the 22nd of May but the organisers emailed to say it's now on "
        "the 19th of June. Can you update it?"
    )
    assert (await chat.state()).race_date == date(2027, 6, 19)


async def test_a_midwifes_hold_after_a_c_section_holds_impact_in_her_words(chat: Chat) -> None:
    await chat.command("/today")
    replies = texts(
        await chat.say("midwife said no jumping til my 12 wk check after the c-section")
    )
    assert "Their word comes first" in replies
    assert "Leaking" not in replies  # she told of no leak or heaviness
    (report,) = await chat.reports()
    assert report.area is Area.PELVIC_FLOOR
    assert report.red_flags == {RedFlag.CLINICIAN_HOLD}
    assert Area.PELVIC_FLOOR in (await chat.state()).held_areas


async def test_a_c_section_scar_answers_where_with_no_side_asked(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("physio says no hopping for 2 weeks")
    replies = texts(await chat.say("its my c-section scar"))
    assert "Which side" not in replies
    assert "Thanks, noted." not in replies  # one thanks, the hold's own
    (report,) = await chat.reports()
    assert (report.area, report.red_flags) == (Area.PELVIC_FLOOR, {RedFlag.CLINICIAN_HOLD})


async def test_a_leg_gone_weak_is_triaged_not_a_recovery(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("left leg has gone weak since tuesday")
    (report,) = await chat.reports()
    assert report.area is Area.LEG
    assert RedFlag.WEAKNESS in report.red_flags


async def test_a_run_under_a_clinicians_hold_waits_for_their_clearance(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("GP said no impact on my right shin for 6 weeks, mobility is fine though")
    replies = texts(await chat.say("went for a 5k run this morning anyway, shin felt ok"))
    assert "who set the hold clears you" in replies
    assert "Once it has settled" not in replies  # not theirs to clear by themselves


async def test_a_plain_ok_days_later_answers_no_old_effort_question(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("smashed it after parkrun, PB too!!")
    chat.next_day()
    chat.next_day()
    await chat.say("ok")
    (log,) = await chat.completions()
    assert log.rpe is None  # the trial saw "ok" stored as effort 5 for two days before


async def test_a_solid_6_ish_is_the_effort(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("did it after intervals, legs were jelly but it was a solid 6 ish")
    (log,) = await chat.completions()
    assert log.rpe == 6
