"""Each warning sign worded by its own sign (a knee giving way is no nerve sign), no
running on a joint that gives way, one short hold line under every answer, and the right
next step at the end of a report that needs a clinician (docs/coaching.md)."""

from __future__ import annotations

import pytest

from tests.bot.harness import FakeClock
from tests.service.conftest import Chat, texts

GAVE_WAY = ["my right knee gave way on my run", "left knee buckled on the stairs twice"]


@pytest.mark.parametrize("said", GAVE_WAY)
async def test_a_knee_that_gave_way_means_no_running_until_checked(chat: Chat, said: str) -> None:
    await chat.command("/today")
    reply = texts(await chat.say(said))
    assert "no running, hops or jumps" in reply.lower()
    assert "hard running" not in reply  # reads as if easy running were fine
    assert "nerve" not in reply


@pytest.mark.parametrize("said", GAVE_WAY)
async def test_the_hold_line_names_giving_way_not_a_nerve(
    chat: Chat, clock: FakeClock, said: str
) -> None:
    await chat.command("/today")
    await chat.say(said)
    plan = await chat.plan(clock)
    assert plan.advice is not None
    assert "nerve" not in plan.advice
    assert "no running, hops or jumps" in plan.advice
    yoga = texts(await chat.say("can I do yoga instead?"))
    assert "nerve" not in yoga
    assert "that gave way" in yoga
    assert yoga.count("⚠️") == 1


async def test_two_signs_each_worded_by_its_own(chat: Chat, clock: FakeClock) -> None:
    await chat.command("/today")
    await chat.say("my right knee gave way on my run")
    await chat.say("left leg shooting pain with pins and needles")
    advice = (await chat.plan(clock)).advice or ""
    assert "(numbness or tingling) can come from an irritated nerve" in advice
    assert "a joint that gives way needs a look too" in advice
    assert "joint giving way, numbness" not in advice  # not lumped under the nerve
    for question in ("can I do yoga instead?", "what should I eat before a session?"):
        answer = texts(await chat.say(question))
        assert answer.count("Still on hold:") == 1  # once, in every answer
        assert "your right knee that gave way" in answer
        assert "your left leg with pins and needles" in answer
        assert "irritated nerve" not in answer  # short: not the whole warning again


@pytest.mark.parametrize(
    "said",
    ["my right knee gave way on my run", "tingling down my left leg", "shin hurts when I hop"],
)
async def test_a_report_needing_a_clinician_ends_with_that_next_step(chat: Chat, said: str) -> None:
    await chat.command("/today")
    reply = texts(await chat.say(said))
    assert "when it's fine again" not in reply
    assert "Next step: get it checked" in reply


async def test_a_swelling_hold_still_asks_how_it_feels(chat: Chat) -> None:
    await chat.command("/today")
    reply = texts(await chat.say("knee swollen"))
    assert reply.rstrip().endswith("Tell me how it feels over the next days.")


async def test_an_activity_asked_about_under_a_bone_stress_hold_leads_with_the_hold(
    chat: Chat,
) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    answer = texts(await chat.say("can I swap today for a yoga class?"))
    assert answer.index("Still on hold:") < answer.index("Can I swap a session for yoga?")
    assert "leave out running" in answer
    assert "Once you're cleared: " in answer


@pytest.mark.parametrize(
    ("sign", "opens", "says"),
    [
        ("my right calf is swollen", "Not yet.", "let it settle, or let a physio look"),
        ("sharp pain in my knee on the hops", "Not yet.", "3/10 or less while you run"),
        ("my hip gets a bit worse every run", "Not yet.", "Stop if it builds"),
        ("pins and needles down my left leg", "Not until it's been checked.", "doctor or physio"),
        ("I leak a bit when I jump", "Not until it's been checked.", "leave it out"),
    ],
)
async def test_running_asked_under_a_hold_short_of_no_running_gets_the_holds_answer(
    chat: Chat, sign: str, opens: str, says: str
) -> None:
    await chat.command("/today")
    await chat.say(sign)
    before = (await chat.reports(), await chat.state())
    answer = texts(await chat.say("is it ok to run on it?"))
    assert answer.startswith(f"<b>{opens}</b>")
    assert says in answer
    assert "Hops, jumps and anything that loads" in answer
    assert "Can I run the same day?" not in answer  # no FAQ about running beside a session
    assert (await chat.reports(), await chat.state()) == before


@pytest.mark.parametrize(
    "asked", ["can i go for an easy jog", "is it ok to run on it?", "can i start running again"]
)
async def test_running_asked_under_a_bone_stress_hold_gets_a_plain_no(
    chat: Chat, asked: str
) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    answer = texts(await chat.say(asked))
    assert "Not yet, not even an easy jog." in answer
    assert "doctor or physio" in answer
    assert "/clear" in answer


async def test_running_asked_under_a_lesser_hold_gets_the_usual_answer(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my right calf is swollen")
    assert "Not yet, not even" not in texts(await chat.say("is it ok to run on it?"))


@pytest.mark.parametrize(
    ("said", "no_running"),
    [
        ("my shin aches at night, one spot on the bone", True),
        ("my right knee gave way on my run", True),
        ("my right calf is swollen", False),
    ],
)
async def test_phase_says_no_running_under_a_hold_that_keeps_it_out(
    chat: Chat, said: str, no_running: bool
) -> None:
    await chat.command("/today")
    await chat.say(said)
    answer = texts(await chat.command("/phase"))
    assert ("No running or jumping until then" in answer) is no_running


@pytest.mark.parametrize(
    ("said", "booked"),
    [
        ("booked the gp for tues", True),
        ("seeing the physio tomorrow", True),
        ("saw the physio, she says stress reaction, 6 weeks no running", False),
    ],
)
async def test_a_clinician_visit_under_a_hold_keeps_the_hold_and_their_word_first(
    chat: Chat, said: str, booked: bool
) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    before = len(await chat.reports())
    chat.next_day()
    answer = texts(await chat.say(said))
    assert ("glad it's booked" in answer) is booked
    assert ("What they told you comes first" in answer) is not booked
    assert "no running or jumping" in answer
    assert "see a doctor soon" not in answer  # she has, or is about to
    assert len(await chat.reports()) == before  # the diagnosis renews no report
    assert (await chat.state()).held_areas


async def test_a_visit_naming_a_new_area_is_still_a_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    before = len(await chat.reports())
    await chat.say("saw the physio, she says my left knee has swelling too")
    assert len(await chat.reports()) == before + 1


async def test_a_visit_with_no_hold_gets_a_short_thanks(chat: Chat) -> None:
    await chat.command("/today")
    answer = texts(await chat.say("booked the gp for tues"))
    assert "Good that it's booked" in answer
    assert not await chat.reports()


async def test_an_area_less_sign_under_a_hold_asks_if_it_is_the_held_area(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("my shin aches at night, one spot on the bone")
    chat.next_day()
    answer = texts(await chat.say("still aches a bit at night but way better"))
    assert "is that your shins again, or somewhere else?" in answer


async def test_two_questions_are_answered_in_one_reply_with_the_hold_line_once(
    chat: Chat,
) -> None:
    await chat.command("/today")
    await chat.say("my right calf is swollen")
    answer = texts(await chat.say("can i do it at night? and what should i eat before"))
    assert "Can I do it in the evening?" in answer
    assert "What should I eat before a session?" in answer
    assert answer.count("Still on hold:") == 1


@pytest.mark.parametrize(("days", "now"), [(1, False), (4, True)])
async def test_the_same_sign_said_again_keeps_the_hold_and_after_days_refers_now(
    chat: Chat, days: int, now: bool
) -> None:
    await chat.command("/today")
    await chat.say("my left knee is swollen")
    for _ in range(days):
        chat.next_day()
    answer = texts(await chat.say("left knee still a bit swollen but way better"))
    assert "I've taken all jump work out" not in answer  # no new hold announced
    assert "stays on hold" in answer
    assert ("hasn't settled</b>, so please have a physiotherapist" in answer) is now
    assert ("If it hasn't settled within a few days" in answer) is not now
    assert len(await chat.reports()) == 2  # the update is kept


async def test_a_physio_visit_told_with_the_sign_going_stores_no_new_report(chat: Chat) -> None:
    await chat.command("/today")
    await chat.say("tingling down my left leg after the hops")
    chat.next_day()
    reports = await chat.reports()
    answer = texts(
        await chat.say("saw a physio today, she said its an irritated nerve, tingling mostly gone")
    )
    assert "What they told you comes first" in answer
    assert "Please have a clinician assess this" not in answer
    assert await chat.reports() == reports
