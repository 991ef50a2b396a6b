"""/start: level, desk job, kit, race date (and distance), the running week (the long run's
day by a button, or the week in words), reminder time, time zone, then a short health
screen (pain or an injury now, a past stress fracture; pregnant or a recent birth); each
step skippable.

Every answer is stored as soon as it is given, so a runner who stops half-way keeps what they
said and trains on defaults for the rest. A current injury is not stored as a setting: once
the questions are done it starts a body report with the warning-sign questions /sore asks.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date, time
from typing import Any

from bot.core.health import Screen
from bot.core.phases import InvalidTransition, OnboardingFinished, RaceDateCleared, RaceDateSet
from bot.core.raced import mentions_parkrun, raced_days
from bot.core.understanding import Intent, IntentKind, PlanTopic, understand
from bot.core.understanding.answers import health_answer
from bot.core.understanding.cities import city_in_answer
from bot.core.understanding.replies import (
    asks_back,
    desk_answer,
    desk_said,
    kit_answer,
    level_answer,
    race_answer,
    reminder_answer,
    restart_answer,
    running_only,
    says_skip,
)
from bot.core.understanding.week import WeekSaid, distance_named, running_week, weekdays_in
from bot.core.vocabulary import Equipment, Level, Phase
from bot.presentation import chat
from bot.presentation import onboarding as words
from bot.presentation import settings as settings_words
from bot.presentation.callbacks import Action, Answer, Callback, OnboardingStep
from bot.service import health, reports, week
from bot.service.account import which_place
from bot.service.messages import Reply, keyboard
from bot.service.timezones import resolve_timezone, zone_at, zone_choices
from bot.service.turn import Turn
from bot.storage import chats, repository

__all__ = [
    "FLOW",
    "answer_button",
    "answer_location",
    "answer_text",
    "ask_again",
    "carry_on",
    "held_back",
    "may_answer",
    "start",
]

FLOW = "onboarding"
#: The conversation while "go through set-up again?" is open (a typed answer answers it).
RESTART_FLOW = "restart"
STEPS = (
    OnboardingStep.LEVEL,
    OnboardingStep.DESK,
    OnboardingStep.EQUIPMENT,
    OnboardingStep.RACE,
    OnboardingStep.WEEK,
    OnboardingStep.REMINDER,
    OnboardingStep.TIMEZONE,
    OnboardingStep.HEALTH,
    OnboardingStep.PREGNANCY,
)
HEALTH_STEPS = frozenset({OnboardingStep.HEALTH, OnboardingStep.PREGNANCY})
#: Conversation data: what the health screen heard about a current injury (its words, or
#: True from the button), reported once the questions are done.
_INJURY = "injury"
#: Conversation data: the weekdays of runs raced every week, said at the race question.
_RACED = "raced"
DEFAULT_REMINDER = time(7, 0)
_ANSWER_KINDS = frozenset(
    {IntentKind.UNKNOWN, IntentKind.SKIPPED, IntentKind.GREETING, IntentKind.THANKS}
)
#: What set-up holds back while a question is open: these would log a session or start the
#: plan on defaults (the health screen unasked); the runner gets a short answer and the
#: question again.
_HELD_KINDS = {
    IntentKind.TODAY: "session",
    IntentKind.PLAN_QUESTION: "session",
    IntentKind.DONE: "log",
    IntentKind.SKIPPED: "log",
    IntentKind.GREETING: "hello",
    IntentKind.PAUSE: "later",
    IntentKind.RESUME: "later",
    IntentKind.PROGRESS: "later",
    IntentKind.HISTORY: "later",
}
_STEP_KINDS = {
    OnboardingStep.RACE: IntentKind.RACE_DATE,
    OnboardingStep.REMINDER: IntentKind.SET_REMINDER,
    OnboardingStep.TIMEZONE: IntentKind.SET_TIMEZONE,
}


async def start(turn: Turn) -> list[Reply]:
    """/start: begin set-up at the first question; a runner set up already is asked first
    (``confirm_restart``), so a stray /start never sends them through it again; during
    set-up, where it stands and its open question again (the welcome is said once)."""
    conversation = turn.conversation
    if conversation is not None and conversation.name == FLOW:
        left = len(STEPS) - STEPS.index(OnboardingStep(conversation.step))
        underway = Reply(text=words.setup_underway(left, turn.runner.first_name))
        return [underway, await ask_again(turn, conversation.step)]
    if turn.runner.onboarded or turn.state.phase is not Phase.ONBOARDING:
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, RESTART_FLOW, "confirm", {}, now=turn.now
        )  # so a typed "start over" or "keep my plan" answers it too
        question = words.restart_question(turn.runner.first_name)
        return [Reply(text=question, keyboard=keyboard(words.restart_keyboard()))]
    return await _begin(turn)


async def typed_restart(turn: Turn, text: str) -> list[Reply] | None:
    """A typed answer to "go through set-up again?"; None (the question dropped) when the
    message is something else, which is then read as usual."""
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    said = restart_answer(text)
    if said is None:
        return None
    if not said:
        return [Reply(text=words.restart_kept())]
    return await _begin(turn)


async def confirm_restart(turn: Turn, answer: Answer) -> list[Reply]:
    """The answer to "go through set-up again?" (in place of the question): the first
    question, or the plan kept."""
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    if answer is Answer.NO:
        return [Reply(text=words.restart_kept(), edit=True)]
    return await _begin(turn, edit=True)


async def _begin(turn: Turn, *, edit: bool = False) -> list[Reply]:
    intro = words.intro(turn.runner.first_name)
    return [Reply(text=intro, edit=edit), await _ask(turn, OnboardingStep.LEVEL, {})]


async def answer_button(turn: Turn, callback: Callback) -> list[Reply]:
    """Apply an onboarding button and ask the next question."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    data: dict[str, Any] = (
        dict(conversation.data) if conversation and conversation.name == FLOW else {}
    )
    action = callback.action
    if action in _HEALTH_ACTIONS:
        return await _health_button(turn, callback, data)
    if action is Action.ONBOARDING_SKIP:
        return await _skip(turn, OnboardingStep(callback.str_arg(0)), data, edit=True)
    if action is Action.ONBOARDING_EQUIPMENT:
        kit = set(data.get("equipment", []))
        kit ^= {callback.str_arg(0)}
        data["equipment"] = sorted(kit)
        await _store_kit(turn, kit)
        return [await _ask(turn, OnboardingStep.EQUIPMENT, data, edit=True)]
    if action is Action.ONBOARDING_EQUIPMENT_DONE:  # each toggle was stored already
        return await _advance(turn, OnboardingStep.EQUIPMENT, data, edit=True)
    step, value = _BUTTON_STEPS[action], callback.args[0] if callback.args else None
    await _STORE[step](turn, value)
    return await _advance(turn, step, data, edit=True)


def may_answer(step_name: str, intent: Intent, text: str = "") -> bool:
    """Whether a typed message can answer the question ``step_name`` asks.

    Not when it clearly says something else: a body report, "done", "what's today?" or a
    setting another question is about, so "left calf a bit sore" is never taken for a level.
    The running-week question takes any running week said ("sat parkrun, long run sunday"
    is no race date).
    """
    if OnboardingStep(step_name) in HEALTH_STEPS:  # "my knee hurts" answers these
        return True
    if intent.report is not None or intent.signs:
        return False
    if OnboardingStep(step_name) is OnboardingStep.WEEK and (
        running_week(text) is not None or raced_days(text)
    ):
        return True
    if OnboardingStep(step_name) is OnboardingStep.EQUIPMENT and intent.kind is IntentKind.DONE:
        return True  # "done" typed instead of the Done button
    if (
        OnboardingStep(step_name) is OnboardingStep.LEVEL
        and intent.kind is IntentKind.DONE
        and level_answer(text) is not None
    ):
        return True  # "done a fair bit of plyos in the past": experience, not a log
    if OnboardingStep(step_name) is OnboardingStep.REMINDER and isinstance(
        reminder_answer(text), time
    ):
        return True  # "7 is fine i said that already": the hour, not a recovery
    return intent.kind in _ANSWER_KINDS or _STEP_KINDS.get(OnboardingStep(step_name)) is intent.kind


async def answer_text(turn: Turn, step_name: str, text: str) -> list[Reply] | None:
    """A typed answer to the current question; None when the text is not an answer."""
    step = OnboardingStep(step_name)
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    data = dict(conversation.data) if conversation else {}
    if step in HEALTH_STEPS:
        return await _health_text(turn, step, text, data)
    if asks_back(text):
        return None  # "what is a resistance band?": answered where it can be, then asked again
    value = _parse(step, text, turn.today)
    if value is _NOT_AN_ANSWER and step is OnboardingStep.TIMEZONE:
        said = understand(text, turn.today).city_said or text
        if choices := zone_choices(said):
            return [which_place(said, choices, Action.ONBOARDING_TIMEZONE)]
    if value is _NOT_AN_ANSWER and _kit_done(step, text, turn.today):
        return await _advance(turn, step, data)  # each toggle is stored already
    if value is _NOT_AN_ANSWER and step is OnboardingStep.LEVEL and running_only(text):
        return [Reply(text=words.running_not_jumps()), await _ask(turn, step, data)]
    if value is _NOT_AN_ANSWER:
        return await _skip(turn, step, data) if says_skip(text) else None
    try:
        await _STORE[step](turn, value)
    except InvalidTransition as refused:  # a race date in the past: ask again
        return [Reply(text=chat.refusal(str(refused))), await _ask(turn, step, data)]
    distance = distance_named(text) if step is OnboardingStep.RACE and value is not None else None
    if distance is not None:  # "12 April, half marathon"
        await week.store(turn, WeekSaid(race_distance=distance))
    value, parkrun = await _raced_weekly(turn, step, text, value, data)
    heard = [words.heard(step, value), *parkrun]
    if step is OnboardingStep.LEVEL and (desk := desk_said(text)) is not None:
        answer = Answer.YES if desk else Answer.NO  # "some plyo, desk job": both answered
        await _STORE[OnboardingStep.DESK](turn, answer)
        step = OnboardingStep.DESK
        heard.append(words.heard(step, answer))
    replies = await _advance(turn, step, data)
    echo = "\n".join(line for line in heard if line is not None)
    if echo and replies:  # the typed answers said back, as they were read
        replies[0] = replace(replies[0], text=f"{echo}\n\n{replies[0].text}")
    return replies


async def _raced_weekly(
    turn: Turn, step: OnboardingStep, text: str, value: Any, data: dict[str, Any]
) -> tuple[Any, list[str]]:
    """A run raced every week, said at the race or the running-week question ("I race
    parkrun every saturday"): its day stored as a hard day, and kept through a running week
    typed at the next question that names hard days of its own (unless it speaks of the
    parkrun again); the answer to say back, and how a parkrun was read."""
    if step not in (OnboardingStep.RACE, OnboardingStep.WEEK):
        return value, []
    raced, parkrun = raced_days(text), mentions_parkrun(text)
    if step is OnboardingStep.RACE and raced:
        data[_RACED] = sorted(raced)
    elif step is OnboardingStep.WEEK and not parkrun:
        raced |= frozenset(data.pop(_RACED, ()))
    if raced:  # "parkrun saturday, I race it": a hard day
        await week.store(turn, WeekSaid(), raced)
        if isinstance(value, WeekSaid):  # said back with the hard days it gives
            value = replace(value, hard_days=value.hard_days | (raced - {value.long_run_day}))
    if not parkrun or not (raced or step is OnboardingStep.WEEK):
        return value, []
    return value, [settings_words.parkrun_read(raced=bool(raced))]


async def carry_on(turn: Turn) -> list[Reply]:
    """A runner back after leaving set-up half-way: the question they were on (state is
    stored), or the first question when no set-up is open."""
    conversation = turn.conversation
    if conversation is None or conversation.name != FLOW:
        return await _begin(turn)
    welcome = Reply(text=words.welcome_back(turn.runner.first_name))
    return [welcome, await ask_again(turn, conversation.step)]


async def held_back(turn: Turn, step_name: str, intent: Intent) -> list[Reply] | None:
    """A message set-up does not act on while its question is open ("what's today's
    session?", "done", "hi"): a short answer and the current question again. Nothing is
    logged and the plan does not start on defaults. None for anything else."""
    kind = _HELD_KINDS.get(intent.kind)
    if kind is None:
        return None
    step = OnboardingStep(step_name)
    if intent.kind is IntentKind.PLAN_QUESTION and intent.topic is PlanTopic.WHY:
        return [Reply(text=words.why_asked(step)), await ask_again(turn, step_name)]
    left = len(STEPS) - STEPS.index(step)
    brief = Reply(text=words.mid_setup(kind, left, turn.runner.first_name))
    return [brief, await ask_again(turn, step_name)]


async def ask_again(turn: Turn, step_name: str) -> Reply:
    """The open set-up question once more, with its buttons (its answers so far kept)."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    data = dict(conversation.data) if conversation and conversation.name == FLOW else {}
    return await _ask(turn, OnboardingStep(step_name), data)


async def answer_location(turn: Turn, latitude: float, longitude: float) -> list[Reply] | None:
    """A location shared at the time-zone question answers it; None at any other moment."""
    conversation = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if conversation is None or (conversation.name, conversation.step) != (FLOW, "timezone"):
        return None
    zone = zone_at(latitude, longitude)
    if zone is None:
        return None
    await _store_timezone(turn, zone)
    return await _advance(turn, OnboardingStep.TIMEZONE, dict(conversation.data))


_NOT_AN_ANSWER = object()


async def _health_button(turn: Turn, callback: Callback, data: dict[str, Any]) -> list[Reply]:
    """A health-screen button: toggle, Done, or the pregnancy answer."""
    action = callback.action
    if action is Action.ONBOARDING_HEALTH:
        chosen = set(data.get("health", []))
        chosen ^= {callback.str_arg(0)}
        data["health"] = sorted(chosen)
        return [await _ask(turn, OnboardingStep.HEALTH, data, edit=True)]
    if action is Action.ONBOARDING_HEALTH_DONE:
        return await _health_done(turn, data, edit=True)
    await health.store_answers(turn, {Screen(callback.str_arg(0))})
    return await _advance(turn, OnboardingStep.PREGNANCY, data, edit=True)


async def _health_done(turn: Turn, data: dict[str, Any], *, edit: bool = False) -> list[Reply]:
    """The health screen's Done: what was ticked is stored, and the next question comes."""
    found = {Screen(item) for item in data.pop("health", [])}
    await health.store_answers(turn, found)
    if Screen.INJURY in found:
        data[_INJURY] = True
    return await _advance(turn, OnboardingStep.HEALTH, data, edit=edit)


async def _health_text(
    turn: Turn, step: OnboardingStep, text: str, data: dict[str, Any]
) -> list[Reply] | None:
    """A typed answer to either health question (it may answer both at once)."""
    answer = health_answer(text, turn.today)
    if answer is None and step is OnboardingStep.HEALTH and _typed_done(text, turn.today):
        return await _health_done(turn, data)  # "done" typed for the Done button
    if answer is None:
        return await _skip(turn, step, data) if says_skip(text) else None
    await health.store_answers(turn, answer.found, answer.birth_on)
    if Screen.INJURY in answer.found:
        data[_INJURY] = answer.injury_text or True
    data.pop("health", None)
    return await _advance(turn, step, data)


async def _injury_report(turn: Turn, said: object) -> list[Reply]:
    """The current injury the screen heard of, as a body report: read from its words when
    they name an area (with the warning-sign question), else the guided /sore questions."""
    intro = Reply(text=words.injury_intro())
    if isinstance(said, str):
        intent = understand(said, turn.today)
        if intent.report is not None:
            report = intent.report
            return [
                intro,
                *await reports.record_report(turn, report, said, ask_signs=True, any_kind=True),
            ]
        if intent.signs:
            return [intro, *await reports.warning_signs(turn, intent.signs, said)]
    return [intro, *await reports.start_guided_report(turn)]


def _kit_done(step: OnboardingStep, text: str, today: date) -> bool:
    """ "done" typed at the kit question, instead of its Done button."""
    return step is OnboardingStep.EQUIPMENT and _typed_done(text, today)


def _typed_done(text: str, today: date) -> bool:
    """ "done" typed instead of a multiple-choice question's Done button."""
    intent = understand(text, today)
    return intent.kind is IntentKind.DONE and intent.report is None and not intent.signs


def _parse(step: OnboardingStep, text: str, today: date) -> Any:
    """The value a typed answer gives (``_NOT_AN_ANSWER`` when it gives none)."""
    value: Any
    if step is OnboardingStep.LEVEL:
        value = level_answer(text)
    elif step is OnboardingStep.DESK:
        desk = desk_answer(text)
        value = None if desk is None else (Answer.YES if desk else Answer.NO)
    elif step is OnboardingStep.EQUIPMENT:
        kit = kit_answer(text)
        value = None if kit is None else sorted(kit)
    elif step is OnboardingStep.RACE and raced_days(text):
        return None  # "I do parkrun every saturday and race it": a hard day, no race date
    elif step is OnboardingStep.RACE or step is OnboardingStep.REMINDER:
        said = race_answer(text, today) if step is OnboardingStep.RACE else reminder_answer(text)
        return _NOT_AN_ANSWER if said is None else (None if said is False else said)
    elif step is OnboardingStep.WEEK:
        low = text.lower()
        raced = raced_days(low)
        if len(days := weekdays_in(low)) == 1 and running_week(low) is None and not raced:
            return WeekSaid(long_run_day=days[0])  # "Sunday"
        return running_week(low) or (WeekSaid() if raced else _NOT_AN_ANSWER)
    else:
        intent = understand(text, today)
        value = resolve_timezone(intent.city_said or text)
        if value is None and (city := city_in_answer(text)) is not None:
            value = resolve_timezone(city)  # "told u already manchester lol"
    return _NOT_AN_ANSWER if value is None else value


async def _skip(
    turn: Turn, step: OnboardingStep, data: dict[str, Any], *, edit: bool = False
) -> list[Reply]:
    """Skip a question: keep what the runner has, or give a newcomer the default."""
    runner = turn.runner
    data.pop("health", None)  # health toggles not confirmed with Done are dropped
    if step is OnboardingStep.REMINDER and runner.reminder_time is None and not runner.onboarded:
        await _store_reminder(turn, DEFAULT_REMINDER)
    return await _advance(turn, step, data, edit=edit)


async def _advance(
    turn: Turn, step: OnboardingStep, data: dict[str, Any], *, edit: bool = False
) -> list[Reply]:
    index = STEPS.index(step) + 1
    if index < len(STEPS):
        return [await _ask(turn, STEPS[index], data, edit=edit)]
    replies = await _finish(turn, edit=edit)
    if data.get(_INJURY):
        injury = await _injury_report(turn, data[_INJURY])
        if any(reply.keyboard for reply in injury):
            return replies + injury  # a question about it: asked last, where it is answered
        return injury + replies  # a referral: said first, before the summary of the set-up
    return replies


async def _ask(
    turn: Turn, step: OnboardingStep, data: dict[str, Any], *, edit: bool = False
) -> Reply:
    await chats.set_conversation(
        turn.session, turn.sender.chat_id, FLOW, step.value, data, now=turn.now
    )
    chosen = data.get("health", []) if step is OnboardingStep.HEALTH else data.get("equipment", [])
    rows = words.question_keyboard(step, chosen)
    return Reply(text=words.QUESTIONS[step], keyboard=keyboard(rows), edit=edit)


async def _finish(turn: Turn, *, edit: bool) -> list[Reply]:
    await chats.clear_conversation(turn.session, turn.sender.chat_id)
    await repository.update_runner(turn.session, turn.runner, onboarded=True)
    if turn.state.phase is Phase.ONBOARDING:
        newcomer = turn.profile.level is Level.BEGINNER
        await turn.apply(OnboardingFinished(newcomer=newcomer))
    runner = turn.runner
    summary = words.summary(
        turn.profile, turn.state.race_date, runner.reminder_time, runner.timezone, turn.today
    )
    return [Reply(text=summary, edit=edit)]


async def _store_level(turn: Turn, value: Any) -> None:
    turn.profile = replace(turn.profile, level=Level(value))
    await repository.save_profile(turn.session, turn.runner, turn.profile)


async def _store_desk(turn: Turn, value: Any) -> None:
    turn.profile = replace(turn.profile, desk_job=Answer(value) is Answer.YES)
    await repository.save_profile(turn.session, turn.runner, turn.profile)


async def _store_kit(turn: Turn, kit: Any) -> None:
    turn.profile = replace(turn.profile, equipment=frozenset(Equipment(k) for k in kit))
    await repository.save_profile(turn.session, turn.runner, turn.profile)


async def _store_race(turn: Turn, value: Any) -> None:
    """A date sets the race (InvalidTransition when it is past); "no race" clears one."""
    if isinstance(value, date):
        await turn.apply(RaceDateSet(value))
    elif turn.state.race_date is not None:
        await turn.apply(RaceDateCleared())


async def _store_week(turn: Turn, value: Any) -> None:
    """The long run's day (a button's weekday number) or the week said in words."""
    said = value if isinstance(value, WeekSaid) else WeekSaid(long_run_day=int(value))
    with suppress(ValueError):  # more than three rest days: the rest is kept as it was
        await week.store(turn, said)


async def _store_reminder(turn: Turn, value: Any) -> None:
    await turn.set_reminder_time(value if isinstance(value, time) else None)


async def _store_timezone(turn: Turn, value: Any) -> None:
    await turn.set_timezone(str(value))


_STORE: dict[OnboardingStep, Callable[[Turn, Any], Awaitable[None]]] = {
    OnboardingStep.LEVEL: _store_level,
    OnboardingStep.DESK: _store_desk,
    OnboardingStep.EQUIPMENT: _store_kit,
    OnboardingStep.RACE: _store_race,
    OnboardingStep.WEEK: _store_week,
    OnboardingStep.REMINDER: _store_reminder,
    OnboardingStep.TIMEZONE: _store_timezone,
}
_HEALTH_ACTIONS = frozenset(
    {Action.ONBOARDING_HEALTH, Action.ONBOARDING_HEALTH_DONE, Action.ONBOARDING_PREGNANCY}
)
_BUTTON_STEPS = {
    Action.ONBOARDING_LEVEL: OnboardingStep.LEVEL,
    Action.ONBOARDING_DESK: OnboardingStep.DESK,
    Action.ONBOARDING_EQUIPMENT_DONE: OnboardingStep.EQUIPMENT,
    Action.ONBOARDING_LONG_RUN: OnboardingStep.WEEK,
    Action.ONBOARDING_REMINDER: OnboardingStep.REMINDER,
    Action.ONBOARDING_TIMEZONE: OnboardingStep.TIMEZONE,
}
