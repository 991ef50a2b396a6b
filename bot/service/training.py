"""Today's session, the week ahead, the phase, and logging sessions done or skipped."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from datetime import date, timedelta

from bot.core.comeback import Stage, stage_of
from bot.core.phases import OnboardingFinished, next_change
from bot.core.planner import DailyPlan, impact_advice
from bot.core.records import BodyReport, Completion, CompletionStatus
from bot.core.triage import Tier, triage
from bot.core.understanding import Intent, IntentKind
from bot.core.understanding.answers import effort_answer, scale_answer
from bot.core.understanding.cleared import Visit, only_their_word
from bot.core.vocabulary import Area, Category, Level, Phase, RedFlag
from bot.presentation import questions as question_words
from bot.presentation import render
from bot.presentation import reports as report_words
from bot.presentation import training as words
from bot.presentation.callbacks import Action, Callback
from bot.service import comeback, reports
from bot.service.holds import Problem, held_problems
from bot.service.messages import Reply, keyboard
from bot.service.turn import Turn
from bot.storage import chats, records

__all__ = [
    "open_follow_ups",
    "phase_reply",
    "show_effort_question",
    "skipped_ahead",
    "today_reply",
    "week_reply",
]

MAX_NOTE = 500


async def ensure_started(turn: Turn) -> None:
    """A runner who never finished onboarding trains on the defaults from now on."""
    if turn.state.phase is Phase.ONBOARDING:
        await turn.apply(OnboardingFinished(newcomer=turn.profile.level is Level.BEGINNER))
        turn.notices.append(words.started_on_defaults())


async def today_reply(turn: Turn) -> list[Reply]:
    """Today's session with Done / Skip / Sore buttons (or a note that it is logged).

    Once today is logged, it shows the logged session, even if a report changed the plan.
    """
    await ensure_started(turn)
    logged = await _logged_on(turn, turn.today)
    if logged is not None:
        plan = await _plan_of(turn, turn.today, logged.session_id)
        text = render.session_message(
            plan,
            first_name=turn.runner.first_name,
            logged=words.log_summary(logged.status, logged.rpe),
        )
        return [Reply(text=text)]
    plan = await turn.plan()
    if plan.advice and (seen := await reports.cleared_advice(turn)) is not None:
        plan = replace(plan, advice=seen)  # seen and cleared already
    text = render.session_message(plan, first_name=turn.runner.first_name)
    replies = [Reply(text=text, keyboard=keyboard(render.session_keyboard(plan)))]
    question = comeback.way_back_question(turn)
    return replies if question is None else [*replies, question]


async def week_reply(turn: Turn, starting: date | None = None) -> list[Reply]:
    """The next seven days, one line each, or the seven from ``starting`` (next week asked
    for, Monday to Sunday); today marked done when it is."""
    await ensure_started(turn)
    plans: list[DailyPlan] = []
    marks: dict[date, bool] = {}
    ahead = 0 if starting is None else max((starting - turn.today).days, 0)
    for planned in (await turn.week(days=ahead + 7))[ahead:]:
        logged = await _logged_on(turn, planned.on)
        if logged is None:
            plans.append(planned)
        else:  # a day logged (a skip said ahead, too): the session logged, marked
            plans.append(await _plan_of(turn, planned.on, logged.session_id))
            marks[planned.on] = logged.done
    return [Reply(text=render.week_message(plans, logged=marks, next_week=ahead > 0))]


async def block_reply(turn: Turn) -> list[Reply]:
    """The block week by week: the rest of the dynamic block the runner is in, else the
    weeks ahead up to the end of the next one (at most ``BLOCK_VIEW_DAYS``)."""
    await ensure_started(turn)
    plans = await turn.week(days=BLOCK_VIEW_DAYS)
    shown = _block_days(plans)
    return [Reply(text=render.block_message(shown))]


#: How far ahead /plan block looks: a base phase and a whole block of the longest length.
BLOCK_VIEW_DAYS = 70


def _block_days(plans: list[DailyPlan]) -> list[DailyPlan]:
    """``plans`` up to the end of the first dynamic block among them (all of them if none
    ends within them)."""
    seen_block = False
    for index, plan in enumerate(plans):
        if plan.phase is Phase.DYNAMIC_BLOCK:
            seen_block = True
        elif seen_block:
            return plans[:index]
    return plans


async def hold_line(turn: Turn) -> tuple[str, bool] | None:
    """One short line on what the holds ask of anything the runner does, each hold named
    by its own sign ("your right knee that gave way"), and whether they keep running out
    too; None when nothing is on hold."""
    if not turn.state.held_areas:
        return None
    problems = await held_problems(turn)
    names = _hold_names(problems)
    no_running = any(p.no_running for p in problems)
    impact_only = all(p.area is Area.PELVIC_FLOOR for p in problems)
    line = report_words.hold_reminder(names, no_running=no_running, impact_only=impact_only)
    return line, no_running


#: Signs a run waits on until they settle or a physio has looked (Hip red flags: swelling;
#: APTA: a sharp onset, pain that worsens as the run goes on).
_SETTLE_FIRST = frozenset({RedFlag.SWELLING, RedFlag.SHARP_PAIN, RedFlag.WORSENING_DURING_RUN})


async def running_under_hold(turn: Turn) -> list[Reply] | None:
    """Running asked about under a hold: a plain no with the way out when the hold keeps
    it out (a bone-stress sign, a joint that gave way); after a clinician's or doctor's
    look when the hold waits for one; else guided by pain. On the way back after a hold or
    a break, yes, built back gently; None otherwise."""
    if not turn.state.held_areas:
        on_way_back = stage_of(turn.state) is not Stage.FULL
        return [Reply(text=report_words.RUNNING_ON_WAY_BACK)] if on_way_back else None
    problems = await held_problems(turn)
    if names := _hold_names(stopping := [p for p in problems if p.no_running]):
        if await reports.cleared_advice(turn, problems) is not None:  # seen and cleared
            return [Reply(text=report_words.running_after_checks(names))]
        heart = all(RedFlag.HEART_SIGNS in p.signs for p in stopping)
        clot = not heart and all(RedFlag.CLOT_SIGNS in p.signs for p in stopping)
        why = (
            "a suspected bone stress injury"
            if all(p.tier is Tier.BONE_STRESS for p in stopping)
            else "a joint that gives way"
            if all(RedFlag.GIVING_WAY in p.signs for p in stopping)
            else None
        )
        return [Reply(text=report_words.running_not_yet(names, heart=heart, clot=clot, why=why))]
    if not problems:
        return None
    text = report_words.running_with_a_hold(
        _hold_names(problems),
        see_first=any(p.tier > Tier.HOLD for p in problems),
        settle_first=any(p.signs & _SETTLE_FIRST for p in problems),
    )
    return [Reply(text=text)]


async def ran_under_hold(turn: Turn) -> list[Reply] | None:
    """A run told under a hold ("did parkrun anyway, calf held up"): no telling off; what
    the hold allows (no running at all, or runs guided by pain), what to watch for, and the
    way out; None with no hold."""
    if not turn.state.held_areas:
        return None
    problems = await held_problems(turn)
    if not problems or await reports.cleared_advice(turn, problems) is not None:
        return None
    stopping = [p for p in problems if p.no_running]
    names = [report_words.hold_name(p.area, p.side, ()) for p in stopping or problems]
    waits = bool(stopping) or any(
        p.tier > Tier.HOLD or p.signs & _SETTLE_FIRST for p in problems
    )  # checked first, or settled first ("calf went, had to walk home"): no run yet
    theirs = any(RedFlag.CLINICIAN_HOLD in p.signs for p in problems)  # a clinician's hold
    return [Reply(text=report_words.ran_under_hold(names, stops_running=waits, theirs=theirs))]


async def _running_hold_names(turn: Turn) -> list[str]:
    """The holds that keep running out too, each as a physio names it (none: no such hold)."""
    if not turn.state.held_areas:
        return []
    return _hold_names([p for p in await held_problems(turn) if p.no_running])


#: What a clinician visit may be told with and still be the news itself: nothing else, or
#: the sign or report they named (their diagnosis).
_NEWS_BESIDE = frozenset(
    {IntentKind.UNKNOWN, IntentKind.WARNING_SIGN, IntentKind.BODY_REPORT, IntentKind.NOT_FINE}
)


async def clinician_news(turn: Turn, visit: Visit, intent: Intent, text: str) -> list[Reply] | None:
    """A clinician visit told ("booked the gp for tues", "saw the physio, she says stress
    reaction"): under a hold, what the hold keeps out until they clear the runner, and
    their word first; with no hold, a short thanks when nothing else was said. None when
    the message says something the coach must act on first: a sign or report the holds
    do not already cover (a new area, a more urgent sign)."""
    if intent.kind not in _NEWS_BESIDE:
        return None  # a recovery, a log, a setting: acted on as said
    problems = await held_problems(turn) if turn.state.held_areas else []
    said = intent.signs | (intent.report.red_flags if intent.report else frozenset())
    if problems:
        area = intent.report.area if intent.report else None
        covered = (area is None or area in turn.state.held_areas) and triage(said) <= max(
            p.tier for p in problems
        )
        if not covered:
            return None
        if (said or intent.report is not None) and not only_their_word(text.lower()):
            return None  # "physio said it's fine but I leaked again today": a new sign
        said_back = report_words.clinician_visit_under_hold(
            _hold_names(problems),
            booked=visit is Visit.BOOKED,
            no_running=any(p.no_running for p in problems),
        )
        return [Reply(text=said_back)]
    if intent.kind is not IntentKind.UNKNOWN or said:
        return None
    return [Reply(text=report_words.clinician_visit(booked=visit is Visit.BOOKED))]


async def other_activity_under_hold(turn: Turn) -> list[Reply] | None:
    """Another activity asked about while a hold keeps running out ("is cycling ok instead
    of running?"): the facts say nothing of it, so the clinician decides; None when no such
    hold stands."""
    names = await _running_hold_names(turn)
    return [Reply(text=report_words.other_activity_not_mine(names))] if names else None


def _hold_names(problems: Sequence[Problem]) -> list[str]:
    """Each hold as a physio names it ("your right knee that gave way")."""
    return [report_words.hold_name(p.area, p.side, p.signs) for p in problems]


async def phase_reply(turn: Turn) -> list[Reply]:
    """Where the runner is in the cycle, what comes next and why."""
    history = await records.phase_history(turn.session, turn.runner.id)
    # a notice speaks of its own day ("starts today", "your race is in 5 days"): repeated
    # on that day only, later the phase text says where the runner is
    fresh = history and history[-1].started_on == turn.today
    # the first base phase's "You're all set!" was said at the end of set-up, and the
    # phase text says the same: not repeated
    first_base = turn.state.phase is Phase.BASE and all(
        entry.phase in (Phase.ONBOARDING, Phase.BASE) for entry in history
    )
    reason = history[-1].reason if fresh and not first_base else None
    upcoming = next_change(turn.state, turn.today)
    note = impact_advice(turn.profile, turn.today)
    holds: list[str] = []
    no_running = urgent = seen = False
    if turn.state.phase is Phase.RECOVERY_HOLD:
        problems = await held_problems(turn)
        holds = _hold_names(problems)
        no_running = any(p.no_running for p in problems)
        seen = await reports.cleared_advice(turn, problems) is not None
        urgent = any(p.tier is Tier.EMERGENCY for p in problems)
    text = render.phase_message(
        turn.state,
        upcoming,
        reason,
        today=turn.today,
        impact_note=note,
        holds=holds,
        no_running=no_running,
        urgent=urgent,
        seen=seen,
    )
    state = turn.state
    if state.pause_planned_from is not None and state.pause_planned_until is not None:
        planned = question_words.planned_break(state.pause_planned_from, state.pause_planned_until)
        text = f"{text}\n\n{planned}"
    return [Reply(text=text)]


async def typed_log(
    turn: Turn,
    status: CompletionStatus,
    rpe: int | None,
    note: str | None,
    *,
    day: date | None = None,
    answering: bool = False,
) -> list[Reply]:
    """Answer a typed "done" / "skipped" and log the session of ``day`` (today by default;
    "did it yesterday" logs yesterday's, which leaves today's reminder alone). One log a day;
    ``answering``: the effort completes the log the coach asked about (no "updates").
    """
    await ensure_started(turn)
    day = day or turn.today
    if day > turn.today:  # "friday is a no go": a skip said ahead, within the week
        if status is not CompletionStatus.SKIPPED or (day - turn.today).days > SKIP_AHEAD_DAYS:
            return [Reply(text=question_words.log_ahead_refused(day, turn.today))]
        return await _typed_log_on(turn, status, rpe, note, day, answering=answering)
    if not 0 <= (turn.today - day).days <= BUTTON_MAX_AGE_DAYS:
        return [Reply(text=question_words.past_log_too_old(day, turn.today, BUTTON_MAX_AGE_DAYS))]
    joined = await _plan_began(turn)
    if day < joined:  # "did yesterday's session" on the first day: none was planned
        said = question_words.past_day(day, turn.today)
        began = "today" if joined == turn.today else f"on {render.day_label(joined, turn.today)}"
        return [Reply(text=words.before_the_plan(said, began))]
    return await _typed_log_on(turn, status, rpe, note, day, answering=answering)


async def undo_today(turn: Turn) -> list[Reply]:
    """Take today's log off when the runner says the session they logged was another day's
    ("undo that, i did yesterdays not todays"); nothing when today has no log."""
    if not await records.remove_completion(turn.session, turn.runner.id, turn.today):
        return []
    return [Reply(text=words.TODAY_UNDONE)]


async def unclear_day(
    turn: Turn, status: CompletionStatus, effort: int | None, said: str
) -> list[Reply]:
    """A log whose day is unclear, asked about; said "on the weekend", each of its days
    gone by that had a session is a button that logs it there (the effort said goes
    with a done). Nothing is logged until a tap or a clearer message."""
    rows: render.Rows = []
    if "weekend" in said.lower():
        await ensure_started(turn)
        today = turn.today
        saturday = today - timedelta(days=(today.weekday() - SATURDAY) % 7)
        joined = await _plan_began(turn)
        days = [saturday + timedelta(days=n) for n in range(2)]
        plans = [await turn.plan(day) for day in days if joined <= day <= today]
        done = status is CompletionStatus.DONE
        rows = render.log_day_keyboard(plans, done=done, effort=effort)
    text = question_words.unclear_log_day(said, buttons=bool(rows))
    return [Reply(text=text, keyboard=keyboard(rows))]


SATURDAY = 5  # date.weekday()


async def _planned(turn: Turn, day: date) -> DailyPlan:
    """``day``'s plan as /plan shows it: a day ahead within the week is planned with the
    days before it (the week's rotation), so a skip said ahead is the session /plan named."""
    ahead = (day - turn.today).days
    if 0 < ahead < 7:
        return (await turn.week(days=ahead + 1))[ahead]
    return await turn.plan(day)


async def _plan_began(turn: Turn) -> date:
    """The day the runner's plan began: their first phase after set-up (today if none)."""
    history = await records.phase_history(turn.session, turn.runner.id)
    begun = [row.started_on for row in history if row.phase is not Phase.ONBOARDING]
    return min(begun, default=turn.today)


async def _typed_log_on(
    turn: Turn,
    status: CompletionStatus,
    rpe: int | None,
    note: str | None,
    day: date,
    *,
    answering: bool = False,
) -> list[Reply]:
    existing = await _logged_on(turn, day)
    if existing is None:
        plan = await _planned(turn, day)
        if plan.session_id is None or plan.category is None:
            if day > turn.today:
                return [Reply(text=words.nothing_to_skip_ahead(render.day_label(day)))]
            return [Reply(text=_nothing_to_log(turn))]
    else:
        plan = await _plan_of(turn, day, existing.session_id)
    assert plan.session_id is not None
    assert plan.category is not None
    if existing is not None and existing.status is status and rpe is None and not note:
        return [_already_logged(plan, existing)]
    if existing is not None and existing.done and status is CompletionStatus.SKIPPED:
        # "skip today, legs are dead" after a done: the done is kept, a button takes it back
        label = "today" if day == turn.today else render.day_label(day, turn.today)
        change = keyboard(render.change_to_skipped_keyboard(plan.on, plan.session_id))
        return [Reply(text=words.done_kept(plan.title, label), keyboard=change)]
    note = _clip(note)
    if existing is not None and existing.status is status:  # keep what was said before
        rpe = rpe if rpe is not None else existing.rpe
        note = note or existing.note
    completion = Completion(plan.on, plan.category, plan.session_id, status, rpe, note)
    await records.log_completion(turn.session, turn.runner.id, completion, turn.now, plan.title)
    updated = existing is not None and not answering
    past = question_words.past_day(day, turn.today) if day < turn.today else None
    if status is CompletionStatus.SKIPPED:
        ahead = render.day_label(day) if day > turn.today else None
        said = words.skipped_logged(note, updated=updated, ahead=ahead, past=past)
        return [Reply(text=said)]
    again = existing is not None and existing.done
    pain_due = not again and await comeback.pain_due(turn, plan.on)
    if (rpe is None or pain_due) and await comeback.wait_turn(
        turn, plan.on, plan.title, pain=pain_due
    ):  # "did monday and tuesday": tuesday's questions come once monday's are answered
        logged = words.done_logged(plan.title, rpe, updated=updated, past=past, cheer=False)
        assert turn.asked_about is not None
        first = comeback.said_day(turn.asked_about, turn.today)
        return [Reply(text=f"{logged} {words.asked_later(first)}")]
    pain = [comeback.pain_question_again(plan.on, plan.title)] if pain_due else []
    if pain_due:
        await comeback.open_pain_question(turn, plan.on)
    if rpe is None or pain_due:
        turn.asked_about = plan.on
    if rpe is None:
        buttons = keyboard(render.effort_keyboard(plan.on, plan.session_id))
        text = words.logged_ask_effort(plan.title, updated=updated, past=past)
        if not pain:  # the effort question alone: a typed answer later still lands on it
            await _await_effort(turn, plan.on)
        return [Reply(text=text, keyboard=buttons), *pain]
    await _effort_answered(turn, plan.on)
    return [Reply(text=words.done_logged(plan.title, rpe, updated=updated, past=past)), *pain]


EFFORT_FLOW = comeback.EFFORT_FLOW


async def _await_effort(turn: Turn, day: date) -> None:
    """Remember the effort question for ``day``, unless another conversation is open."""
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    stale_pain = (  # another day's pain question gives way: a bare "3" is today's effort
        current is not None
        and current.name == comeback.PAIN_FLOW
        and current.data.get("day") != str(day)
    )
    if current is None or current.name == EFFORT_FLOW or stale_pain:
        data = comeback.question_data(current, day)
        await chats.set_conversation(
            turn.session, turn.sender.chat_id, EFFORT_FLOW, "effort", data, now=turn.now
        )


async def _effort_answered(turn: Turn, day: date) -> None:
    """The effort question for ``day`` is answered: it is no longer open."""
    current = await chats.get_conversation(turn.session, turn.sender.chat_id)
    if (
        current is not None
        and current.name == EFFORT_FLOW
        and current.data.get("day") == str(day)
        and not comeback.keeps_queue(current)  # days wait behind it: the turn's end asks them
    ):
        await chats.clear_conversation(turn.session, turn.sender.chat_id)


def _asked_day(turn: Turn) -> date:
    """The day whose effort (or pain) question is open; today when none is."""
    conversation = turn.conversation
    if conversation is not None and conversation.name in (EFFORT_FLOW, comeback.PAIN_FLOW):
        with suppress(ValueError):
            day = date.fromisoformat(str(conversation.data.get("day")))
            if 0 <= (turn.today - day).days <= BUTTON_MAX_AGE_DAYS:
                return day
    return turn.today


async def open_follow_ups(turn: Turn) -> list[Reply]:
    """The effort and pain questions still open about a logged session (a chat reopened
    shows them again, with their buttons); none when nothing is awaited."""
    conversation = turn.conversation
    if conversation is None or conversation.name not in (EFFORT_FLOW, comeback.PAIN_FLOW):
        return []
    day = _asked_day(turn)
    if (turn.today - day).days > STILL_OPEN_DAYS:
        return []  # not asked again and again for a session long gone
    logged = await _logged_on(turn, day)
    if logged is None or not logged.done or str(day) != conversation.data.get("day"):
        return []
    titles = await records.completion_titles(turn.session, turn.runner.id, day)
    title = titles.get(day) or (await _plan_of(turn, day, logged.session_id)).title
    replies = []
    if logged.rpe is None:
        label = "today" if day == turn.today else render.day_label(day, turn.today)
        buttons = keyboard(render.effort_keyboard(day, logged.session_id))
        replies.append(Reply(text=words.effort_still_open(title, label), keyboard=buttons))
    if conversation.name == comeback.PAIN_FLOW and logged.pain is None:
        replies.append(comeback.pain_question_again(day, title))
    return replies


#: How many days back an open effort or pain question is shown again when a chat reopens
#: (the session's own title, as logged).
STILL_OPEN_DAYS = 2


async def typed_effort(turn: Turn, text: str) -> list[Reply] | None:
    """A typed answer to "how hard did it feel?" ("very hard", "7") while today's session is
    logged done without one; None when no effort is awaited or the text is not an answer."""
    day = _asked_day(turn)
    if day != turn.today and not any(c.isdigit() for c in text):
        return None  # "ok" two days on answers nothing asked then: only a number does
    existing = await _logged_on(turn, day)
    if existing is None or not existing.done or existing.rpe is not None:
        return None
    rpe = effort_answer(text, turn.today)
    if rpe is None and scale_answer(text) == 0:  # effort runs from 1: asked again, on its scale
        buttons = keyboard(render.effort_keyboard(day, existing.session_id))
        return [
            Reply(
                text=f"{words.effort_off_scale(text.strip())} {words.EFFORT_SCALE}",
                keyboard=buttons,
            )
        ]
    if rpe is None:
        return None
    return await typed_log(turn, CompletionStatus.DONE, rpe, None, day=day, answering=True)


def _already_logged(plan: DailyPlan, existing: Completion) -> Reply:
    """A second "done" logs nothing new; the effort question comes again if unanswered."""
    if existing.done and existing.rpe is None and plan.session_id is not None:
        buttons = keyboard(render.effort_keyboard(plan.on, plan.session_id))
        text = words.already_logged(existing.status, existing.rpe, ask_effort=True)
        return Reply(text=text, keyboard=buttons)
    return Reply(text=words.already_logged(existing.status, existing.rpe, ask_effort=False))


def _nothing_to_log(turn: Turn) -> str:
    return words.nothing_to_log(paused=turn.state.phase is Phase.PAUSED)


def show_effort_question(plan: DailyPlan, turn: Turn) -> Reply:
    """Edit the session message to one line: logged, and how did it feel?

    The session is not printed again: the runner has it above, and /today shows it.
    """
    assert plan.session_id is not None
    return Reply(
        text=words.logged_session(plan.title, words.button_done(None)),
        keyboard=keyboard(render.effort_keyboard(plan.on, plan.session_id)),
        edit=True,
        toast="Logged ✅",
    )


def logged_edit(plan: DailyPlan, turn: Turn, line: str, toast: str) -> Reply:
    """The session message, edited to one line saying how it was logged."""
    return Reply(text=words.logged_session(plan.title, line), edit=True, toast=toast)


def _clip(note: str | None) -> str | None:
    if note is None:
        return None
    note = " ".join(note.split())
    return note[:MAX_NOTE] or None


BUTTON_MAX_AGE_DAYS = 7
#: A skip may be said this far ahead ("friday is a no go"); further is a break (/pause).
SKIP_AHEAD_DAYS = 6
HISTORY_PAGE_SIZE = 10


async def button_log(turn: Turn, callback: Callback) -> list[Reply]:
    """Done, Skip or an effort button on a session message (paused or not).

    A day has one log: a tap on a day logged with another session updates that log.
    """
    day, session_id = callback.date_arg(0), callback.str_arg(1)
    template = turn.planner.content.sessions.get(session_id)
    if template is None or not 0 <= (turn.today - day).days <= BUTTON_MAX_AGE_DAYS:
        return [Reply(toast="That session is too old to log from here. Send /today for today's.")]
    existing = await _logged_on(turn, day)
    session = (template.category, session_id)
    if existing is not None:  # a changed plan keeps the logged session
        session = (existing.category, existing.session_id)
    rpe = callback.int_arg(2) if callback.action is Action.EFFORT else None
    # a tap that changes the day's log (another session, a skip) says so
    updated = existing is not None and (existing.session_id != session_id or not existing.done)
    if callback.action is Action.SKIP:
        if existing is not None and not existing.done:
            return [Reply(toast="Already logged as skipped.")]
        await _log(turn, day, session, CompletionStatus.SKIPPED, None, existing=existing)
        plan = await _plan_of(turn, day, session[1])
        toast = "Updated: skipped" if updated else "Skipped"
        return [logged_edit(plan, turn, words.button_skipped(updated=updated), toast)]
    if existing is not None and existing.done and (rpe is None or existing.rpe == rpe):
        return [Reply(toast="Already logged ✅")]
    if existing is not None and existing.done and existing.rpe is not None:
        # an effort tap answers an open question only (a tap edits its buttons away): this
        # one's effort was given since (typed, or on another message), so nothing changes
        return [Reply(toast=words.effort_noted_already(existing.rpe))]
    await _log(turn, day, session, CompletionStatus.DONE, rpe, existing=existing)
    plan = await _plan_of(turn, day, session[1])
    # the pain question comes once, with the first Done of the day's session
    again = existing is not None and existing.done
    pain = [] if again else await comeback.ask_pain(turn, day, plan.title)
    if rpe is None:
        if not pain:
            await _await_effort(turn, day)
        return [show_effort_question(plan, turn), *pain]
    await _effort_answered(turn, day)
    toast = "Updated ✅" if updated else "Saved ✅"
    return [logged_edit(plan, turn, words.button_done(rpe, updated=updated), toast), *pain]


async def skipped_ahead(turn: Turn, day: date) -> bool:
    """Whether the runner said they will skip ``day`` ("can't do tomorrow, work trip")."""
    logged = await _logged_on(turn, day)
    return day > turn.today and logged is not None and not logged.done


async def _logged_on(turn: Turn, day: date) -> Completion | None:
    """The runner's log of ``day`` (one a day), if any."""
    history, _ = await turn.recent(day)  # the turn's history cache: no extra statement
    for completion in history:
        if completion.on == day:
            return completion
    return None


async def _plan_of(turn: Turn, day: date, session_id: str) -> DailyPlan:
    """``day``'s plan with ``session_id``: the planned one, or the one the runner logged."""
    plan = await turn.plan(day)
    template = turn.planner.content.sessions.get(session_id)
    if plan.session_id == session_id or template is None:
        return plan
    _, reports = await turn.recent(day)
    return turn.planner.plan_logged(turn.profile, turn.state, reports, day, template)


async def _log(
    turn: Turn,
    day: date,
    session: tuple[Category, str],
    status: CompletionStatus,
    rpe: int | None,
    *,
    existing: Completion | None,
) -> None:
    """Log a button tap, keeping the note of the log it replaces."""
    category, session_id = session
    note = existing.note if existing else None
    completion = Completion(day, category, session_id, status, rpe, note)
    title = (await _plan_of(turn, day, session_id)).title  # as the runner sees it now
    await records.log_completion(turn.session, turn.runner.id, completion, turn.now, title)


async def history_reply(turn: Turn, page: int = 1, *, edit: bool = False) -> list[Reply]:
    """Logs and reports, newest first, ten to a page."""
    since = turn.today - timedelta(days=365)
    entries: list[tuple[date, Completion | BodyReport]] = [
        (c.on, c) for c in await records.recent_completions(turn.session, turn.runner.id, since)
    ]
    entries += [
        (r.on, r) for r in await records.recent_reports(turn.session, turn.runner.id, since)
    ]
    if not entries:
        return [Reply(text=words.history_empty())]
    # newest first, a day's entries too: each list comes oldest first, so reversed, then
    # a stable sort by day
    entries.reverse()
    entries.sort(key=lambda entry: entry[0], reverse=True)
    pages = (len(entries) + HISTORY_PAGE_SIZE - 1) // HISTORY_PAGE_SIZE
    if not 1 <= page <= pages:
        return [Reply(toast="That page is out of date. Send /history again.")]
    titles = await records.completion_titles(turn.session, turn.runner.id, since)
    chunk = [
        (day, await _history_line(turn, entry, titles.get(day)))
        for day, entry in entries[(page - 1) * HISTORY_PAGE_SIZE : page * HISTORY_PAGE_SIZE]
    ]
    text = words.history_page(chunk, page, pages, turn.today)
    buttons = keyboard(words.history_keyboard(page, pages))
    return [Reply(text=text, keyboard=buttons, edit=edit)]


async def _history_line(turn: Turn, entry: Completion | BodyReport, kept: str | None = None) -> str:
    """A log under the title it was logged under (``kept``; a hold or phase that came later
    never renames what was done), else the one /plan and /today give that day's logged
    session; a report."""
    if isinstance(entry, BodyReport):
        return words.report_line(entry)
    if kept is not None:
        title = kept
    elif entry.session_id in turn.planner.content.sessions:
        title = (await _plan_of(turn, entry.on, entry.session_id)).title
    else:  # a session no longer in the content: its id
        title = entry.session_id
    return words.completion_line(done=entry.done, title=title, rpe=entry.rpe)
