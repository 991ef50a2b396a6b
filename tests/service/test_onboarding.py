"""/start: eight questions (the last two a health screen) by buttons or typed answers, Skip
on each, commands in between."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.core.vocabulary import Equipment, Level, Phase, RaceDistance
from bot.service.messages import Location
from bot.service.onboarding import FLOW
from tests.service.conftest import Chat, button, buttons, texts

LEVEL, DESK, KIT, RACE, WEEK, REMINDER, ZONE, HEALTH, PREGNANCY = (f"{n}/9" for n in range(1, 10))
STEPS = [
    "level",
    "desk",
    "equipment",
    "race",
    "week",
    "reminder",
    "timezone",
    "health",
    "pregnancy",
]


async def test_start_greets_and_asks_the_first_question(chat: Chat) -> None:
    intro, question = await chat.command("/start")
    assert "Ana" in intro.text
    assert "Skip" in intro.text
    assert LEVEL in question.text
    assert buttons([question]) == [
        "v1|ol|beginner",
        "v1|ol|intermediate",
        "v1|ol|advanced",
        "v1|os|level",
    ]
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "level")


async def test_a_second_start_during_set_up_says_where_it_stands_not_the_welcome(
    chat: Chat,
) -> None:
    """A new-user trial: /start again during set-up sent the whole welcome once more and
    went back to the first question."""
    (intro, _) = await chat.command("/start")
    await chat.press("v1|ol|intermediate")
    await chat.press("v1|od|yes")
    where, question = await chat.command("/start")
    assert intro.text not in where.text
    assert "already setting up" in where.text
    assert "7 questions to go" in where.text
    assert KIT in question.text  # the question it was on, its answers so far kept
    assert "v1|oe|band" in buttons([question])
    runner = await chat.runner()
    assert (runner.level, runner.desk_job) == (Level.INTERMEDIATE, True)
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "equipment")


async def test_onboarding_by_buttons_stores_every_answer(chat: Chat) -> None:
    await chat.command("/start")
    (desk,) = await chat.press("v1|ol|intermediate")
    assert DESK in desk.text
    assert desk.edit
    (kit,) = await chat.press("v1|od|yes")
    assert KIT in kit.text
    await chat.press("v1|oe|band")
    await chat.press("v1|oe|step")
    (toggled,) = await chat.press("v1|oe|small_weights")
    labels = [label for row in toggled.keyboard for label, _ in row]
    assert "✅ Resistance band" in labels
    assert "✅ Small weights" in labels
    (untoggled,) = await chat.press("v1|oe|step")
    assert "A step or low box" in [label for row in untoggled.keyboard for label, _ in row]
    (race,) = await chat.press("v1|oz")
    assert RACE in race.text
    (week,) = await chat.say("2027-04-12, half marathon")
    assert WEEK in week.text
    assert "v1|ow|6" in buttons([week])
    (reminder,) = await chat.press("v1|ow|6")
    assert REMINDER in reminder.text
    (zone,) = await chat.press(button([reminder], "v1|or|0730"))
    assert ZONE in zone.text
    (health,) = await chat.press("v1|ot|Europe/Berlin")
    assert HEALTH in health.text
    (pregnancy,) = await chat.press("v1|oy")
    assert PREGNANCY in pregnancy.text
    (done,) = await chat.press("v1|op|none")
    assert "All set" in done.text
    assert done.edit
    for shown in (
        "intermediate",
        "band, small weights",
        "2027-04-12",
        "07:30",
        "Europe/Berlin",
        "Long run: Sunday",
        "Race distance: half marathon",
    ):
        assert shown in done.text

    runner = await chat.runner()
    assert runner.level is Level.INTERMEDIATE
    assert runner.desk_job is True
    assert runner.equipment == [Equipment.BAND.value, Equipment.SMALL_WEIGHTS.value]
    assert runner.reminder_time == time(7, 30)
    assert runner.timezone == "Europe/Berlin"
    assert runner.race_date == date(2027, 4, 12)
    assert runner.long_run_day == 6
    assert runner.race_distance is RaceDistance.HALF
    assert runner.onboarded is True
    state = await chat.state()
    assert state.phase is Phase.BASE
    assert state.race_date == date(2027, 4, 12)
    assert state.race_distance is RaceDistance.HALF
    assert await chat.conversation() is None


@pytest.mark.parametrize(
    ("said", "level"),
    [
        ("I'm a beginner", Level.BEGINNER),
        ("never done any of that", Level.BEGINNER),
        ("some experience", Level.INTERMEDIATE),
        ("experienced", Level.ADVANCED),
        ("done a fair bit of plyos in the past", Level.INTERMEDIATE),  # no log: experience
    ],
)
async def test_level_words_are_understood(chat: Chat, said: str, level: Level) -> None:
    await chat.command("/start")
    (question,) = await chat.say(said)
    assert DESK in question.text
    assert not question.edit  # a typed answer gets a new message
    assert (await chat.runner()).level is level


@pytest.mark.parametrize(
    ("said", "desk"),
    [
        ("some plyo experience, desk job", True),
        ("beginner, I sit all day at work", True),
        ("experienced, but I work on my feet all day", False),
    ],
)
async def test_a_level_answer_that_names_the_job_answers_both(
    chat: Chat, said: str, desk: bool
) -> None:
    await chat.command("/start")
    (question,) = await chat.say(said)
    assert KIT in question.text  # the desk question was answered in passing
    assert "Got it: " + ("you sit a lot" if desk else "not much sitting") in question.text
    assert (await chat.runner()).desk_job is desk


async def test_a_level_answer_without_the_job_asks_about_it(chat: Chat) -> None:
    await chat.command("/start")
    (question,) = await chat.say("some experience, I work from home")
    assert DESK in question.text
    assert (await chat.runner()).level is Level.INTERMEDIATE


async def test_onboarding_by_typed_answers(chat: Chat) -> None:
    await chat.command("/start")
    asked = [
        texts(await chat.say(answer))
        for answer in (
            "some experience",
            "yes",
            "band and weights",
            "2027-04-12",
            "long run sunday, intervals tuesday",
            "6:45",
        )
    ]
    assert [DESK in asked[0], KIT in asked[1], RACE in asked[2]] == [True] * 3
    assert WEEK in asked[3]
    assert REMINDER in asked[4]
    assert ZONE in asked[5]
    (health,) = await chat.say("Berlin")
    assert HEALTH in health.text
    (pregnancy,) = await chat.say("none")
    assert PREGNANCY in pregnancy.text
    (done,) = await chat.say("no")
    assert "All set" in done.text
    assert not done.edit

    runner = await chat.runner()
    assert runner.level is Level.INTERMEDIATE
    assert runner.desk_job is True
    assert set(runner.equipment) == {"band", "small_weights"}
    assert runner.race_date == date(2027, 4, 12)
    assert runner.reminder_time == time(6, 45)
    assert runner.timezone == "Europe/Berlin"
    assert (runner.long_run_day, runner.hard_days) == (6, [1])
    assert runner.onboarded is True
    assert (await chat.state()).phase is Phase.BASE


async def test_typed_answers_in_other_words(chat: Chat) -> None:
    await chat.command("/start")
    await chat.say("new to this")
    await chat.say("nope")
    await chat.say("nothing")
    await chat.say("next saturday")  # "next" must not be taken for "skip"
    await chat.say("Sundays")  # the long run
    await chat.say("7")  # a bare hour at the reminder question
    await chat.say("tokyo")
    await chat.say("all good")
    (done,) = await chat.say("nope")
    assert "All set" in done.text
    runner = await chat.runner()
    assert runner.desk_job is False
    assert runner.equipment == []
    assert runner.race_date == date(2026, 12, 5)
    assert runner.reminder_time == time(7, 0)
    assert runner.timezone == "Asia/Tokyo"


async def test_skip_on_each_step_applies_the_defaults(chat: Chat) -> None:
    await chat.command("/start")
    for number, step in enumerate(STEPS, start=2):
        (reply,) = await chat.press(f"v1|os|{step}")
        assert reply.edit
        assert (f"{number}/9" if number <= 9 else "All set") in reply.text
    runner = await chat.runner()
    assert runner.level is Level.BEGINNER
    assert runner.desk_job is False
    assert runner.equipment == []
    assert runner.race_date is None
    assert runner.reminder_time == time(7, 0)
    assert runner.timezone == "UTC"
    assert runner.onboarded is True
    assert (await chat.state()).phase is Phase.BASE
    assert "07:00" in texts(await chat.command("/settings"))


async def test_skip_can_be_typed(chat: Chat) -> None:
    await chat.command("/start")
    for answer in ("skip", "skip", "later", "pass", "skip", "skip", "skip", "skip"):
        await chat.say(answer)
    (done,) = await chat.say("skip")
    assert "All set" in done.text
    assert (await chat.runner()).reminder_time == time(7, 0)


async def test_skip_keeps_what_a_returning_runner_chose(chat: Chat) -> None:
    await chat.command("/remind 06:15")
    await chat.command("/timezone Europe/Paris")
    await chat.command("/start")
    for step in STEPS:
        await chat.press(f"v1|os|{step}")
    runner = await chat.runner()
    assert runner.reminder_time == time(6, 15)
    assert runner.timezone == "Europe/Paris"


async def test_commands_in_the_middle_of_onboarding_then_carry_on(chat: Chat) -> None:
    await chat.command("/start")
    await chat.press("v1|ol|advanced")

    today = await chat.command("/today")
    assert "min" in texts(today)
    assert button(today, "v1|dn|")
    assert "defaults" in today[0].text  # the notice before the session
    assert "/today" in texts(await chat.command("/help"))
    settings = texts(await chat.command("/settings"))
    assert "Level: advanced" in settings
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "desk"  # still where we were

    (kit,) = await chat.say("no")
    assert KIT in kit.text
    await chat.press("v1|oz")
    await chat.say("no race")
    await chat.press("v1|or|0800")
    await chat.press("v1|ot|America/New_York")
    await chat.press("v1|oy")
    (done,) = await chat.press("v1|op|none")
    assert "All set" in done.text
    runner = await chat.runner()
    assert runner.level is Level.ADVANCED
    assert runner.desk_job is False
    assert runner.reminder_time == time(8, 0)
    assert runner.timezone == "America/New_York"
    assert (await chat.state()).phase is Phase.BASE


async def test_a_runner_who_never_finishes_gets_defaults(chat: Chat) -> None:
    await chat.command("/start")
    asked = await chat.say("what's today's session?")  # typed: set-up is not skipped
    assert "1/9" in asked[-1].text
    assert (await chat.state()).phase is Phase.ONBOARDING
    replies = await chat.command("/today")  # the command: training starts on defaults
    assert button(replies, "v1|dn|")
    state = await chat.state()
    assert state.phase is Phase.BASE
    assert state.newcomer is True
    runner = await chat.runner()
    assert runner.level is Level.BEGINNER
    assert runner.timezone == "UTC"


async def test_the_level_chosen_so_far_counts_when_training_starts_early(chat: Chat) -> None:
    await chat.command("/start")
    await chat.press("v1|ol|advanced")
    await chat.command("/today")
    assert (await chat.state()).newcomer is False


async def test_a_body_report_mid_onboarding_is_logged_not_taken_for_an_answer(
    chat: Chat,
) -> None:
    await chat.command("/start")
    replies = await chat.say("left calf a bit sore")
    assert "calf" in texts(replies)
    (report,) = await chat.reports()
    assert report.area.value == "calves"
    assert (await chat.runner()).level is Level.BEGINNER
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "level"


async def test_unknown_text_mid_onboarding_points_back_to_the_question(chat: Chat) -> None:
    await chat.command("/start")
    replies = await chat.say("I like pizza")
    assert "pizza" in texts(replies)
    assert "v1|os|level" in buttons([replies[-1]])  # the question again, Skip and all


async def test_a_past_race_date_is_refused_and_asked_again(chat: Chat) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment"]:
        await chat.press(f"v1|os|{step}")
    refusal, again = await chat.say("2020-01-01")
    assert "past" in refusal.text
    assert RACE in again.text
    assert (await chat.state()).race_date is None
    (next_question,) = await chat.say("2027-04-12")
    assert WEEK in next_question.text
    assert (await chat.state()).race_date == date(2027, 4, 12)


async def test_an_unknown_city_is_not_taken_for_a_time_zone(chat: Chat) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment", "race", "week", "reminder"]:
        await chat.press(f"v1|os|{step}")
    await chat.say("narnia")
    await chat.say("hi")
    assert (await chat.runner()).timezone == "UTC"
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "timezone"


@pytest.mark.parametrize(
    ("said", "zone"),
    [("told u already manchester lol", "Europe/London"), ("its berlin", "Europe/Berlin")],
)
async def test_a_city_among_other_words_answers_the_time_zone_question(
    chat: Chat, said: str, zone: str
) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment", "race", "week", "reminder"]:
        await chat.press(f"v1|os|{step}")
    (health,) = await chat.say(said)
    assert HEALTH in health.text
    assert (await chat.runner()).timezone == zone


async def test_an_ambiguous_city_at_onboarding_is_asked_about(chat: Chat) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment", "race", "week", "reminder"]:
        await chat.press(f"v1|os|{step}")
    (ask,) = await chat.say("springfield")
    buttons = {label: data for row in ask.keyboard for label, data in row}
    assert "Springfield, Missouri, United States" in buttons
    assert (await chat.runner()).timezone == "UTC"
    await chat.press(buttons["Springfield, Missouri, United States"])
    assert (await chat.runner()).timezone == "America/Chicago"


async def test_cancel_ends_onboarding_and_keeps_the_answers_given(chat: Chat) -> None:
    await chat.command("/start")
    await chat.press("v1|ol|advanced")
    (cancelled,) = await chat.command("/cancel")
    assert "Cancelled" in cancelled.text
    assert await chat.conversation() is None
    assert (await chat.runner()).level is Level.ADVANCED
    await chat.say("yes")  # no question is open any more: an answer, but nothing stored
    assert (await chat.runner()).desk_job is False


async def test_a_shared_location_answers_the_time_zone_question(chat: Chat) -> None:
    await chat.command("/start")
    for step in ["level", "desk", "equipment", "race", "week", "reminder"]:
        await chat.press(f"v1|os|{step}")
    (health,) = await chat.send(Location(52.52, 13.405))
    assert HEALTH in health.text
    assert (await chat.runner()).timezone == "Europe/Berlin"
    await chat.press("v1|os|health")
    (done,) = await chat.press("v1|os|pregnancy")
    assert "All set" in done.text
    assert "Europe/Berlin" in done.text
    assert await chat.conversation() is None


async def test_a_location_before_the_time_zone_question_only_sets_the_zone(chat: Chat) -> None:
    await chat.command("/start")
    (answer,) = await chat.send(Location(35.68, 139.69))
    assert "Asia/Tokyo" in answer.text
    conversation = await chat.conversation()
    assert conversation is not None
    assert conversation.step == "level"


@pytest.mark.parametrize("said", ["blargh wibble", "😭", "🤷"])
async def test_an_unclear_message_in_set_up_asks_the_set_up_question_again(
    chat: Chat, said: str
) -> None:
    """Trial finding: the general "Did you mean [Today's session] [Everything I can do]"
    replaced the set-up question's buttons, so pressing 1 ended set-up early."""
    await chat.command("/start")
    await chat.press("v1|ol|intermediate")
    replies = await chat.say(said)
    assert "Did you mean" not in texts(replies)
    assert "v1|sg" not in " ".join(buttons(replies))
    assert DESK in replies[-1].text
    assert buttons(replies) == buttons([replies[-1]])  # only the question's own buttons
    assert buttons([replies[-1]])[0].startswith("v1|od|")
    assert "didn't catch" in texts(replies) or "rough one" in texts(replies)
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "desk")
    await chat.press(buttons([replies[-1]])[0])  # the first button answers the question
    runner = await chat.runner()
    assert runner.desk_job is True
    conversation = await chat.conversation()
    assert conversation is not None
    assert (conversation.name, conversation.step) == (FLOW, "equipment")


async def test_a_lone_sad_emoji_gets_a_kind_reply(chat: Chat) -> None:
    await chat.command("/today")
    (reply,) = await chat.say("😭")
    assert "rough one" in reply.text
    assert "Today's session?" not in reply.text
    assert await chat.completions() == []


@pytest.mark.parametrize(
    ("said", "restarted"),
    [("Keep my plan", False), ("keep it", False), ("start over", True), ("yes, redo it", True)],
)
async def test_the_restart_question_takes_a_typed_answer(
    chat: Chat, said: str, restarted: bool
) -> None:
    await chat.command("/today")  # the plan runs on the defaults
    (asked,) = await chat.command("/start")
    assert "set up already" in asked.text
    replies = await chat.say(said)
    assert ("1/9" in texts(replies)) is restarted
    assert ("Kept your plan" in texts(replies)) is not restarted


async def test_something_else_after_the_restart_question_is_read_as_usual(chat: Chat) -> None:
    await chat.command("/today")
    await chat.command("/start")
    replies = await chat.say("done, felt easy")
    assert "1/9" not in texts(replies)
    assert [c.status.value for c in await chat.completions()] == ["done"]
    assert await chat.conversation() is None


async def test_start_during_set_up_after_training_began_on_defaults_says_where_it_stands(
    chat: Chat,
) -> None:
    await chat.command("/start")
    await chat.press("v1|ol|intermediate")
    await chat.command("/today")  # training starts on the defaults; set-up goes on
    where, question = await chat.command("/start")
    assert "already setting up" in where.text
    assert DESK in question.text


async def test_an_hour_said_with_assent_at_the_reminder_question(chat: Chat) -> None:
    await chat.command("/start")
    for answer in ("new to this", "nope", "nothing", "no race", "Sundays"):
        await chat.say(answer)
    await chat.say("7 is fine i said that already")  # the trial's words
    runner = await chat.runner()
    assert runner.reminder_time == time(7, 0)
