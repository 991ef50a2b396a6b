"""The health screen's settings: stored from onboarding, ended (or changed) in /settings.

What each answer changes in the plan is ``bot.core.health``'s; this stores the answers on
the runner and says what ending one changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.core import comeback
from bot.core.health import Health, Screen
from bot.core.phases import Transition
from bot.core.understanding.answers import HealthAnswer
from bot.presentation import settings as words
from bot.presentation.callbacks import Action, Callback
from bot.service.messages import Reply
from bot.service.turn import Turn
from bot.storage import repository

__all__ = ["end_entry", "note_said", "store", "store_answers"]


async def store(turn: Turn, health: Health) -> None:
    """Keep ``health`` on the runner (the plan reads it from the profile)."""
    if health == turn.profile.health:
        return
    turn.profile = replace(turn.profile, health=health)
    await repository.save_profile(turn.session, turn.runner, turn.profile)


async def store_answers(
    turn: Turn, found: frozenset[Screen] | set[Screen], birth_on: date | None = None
) -> None:
    """Add what the screen was told (it never ends an entry: /settings does that)."""
    health = turn.profile.health
    if Screen.BONE_STRESS in found:
        health = replace(health, past_bone_stress=True)
    if Screen.PREGNANT in found:
        health = replace(health, pregnant=True)
    if Screen.POSTPARTUM in found:
        health = replace(health, postpartum=True, birth_on=birth_on or health.birth_on)
    await store(turn, health)


async def note_said(turn: Turn, said: HealthAnswer) -> list[Reply]:
    """A pregnancy or a birth told in chat after set-up: noted as the health screen would
    have, so hops and jumps leave the plan at once; nothing when it was noted already."""
    health = turn.profile.health
    new = {
        screen
        for screen in said.found
        if not (health.pregnant if screen is Screen.PREGNANT else health.postpartum)
    }
    if not new:
        return []
    await store_answers(turn, new, said.birth_on)
    return [Reply(text=words.health_noted_in_chat(Screen.PREGNANT in new))]


async def end_entry(turn: Turn, callback: Callback) -> list[Reply]:
    """A /settings button: end one health-screen entry, or note that the baby is born."""
    health = turn.profile.health
    if callback.action is Action.HEALTH_BIRTH:
        if not health.pregnant:
            return [Reply(toast="That was changed already.")]
        health = replace(health, pregnant=False, postpartum=True, birth_on=turn.today)
        await store(turn, health)
        return [Reply(text=words.health_ended(Screen.POSTPARTUM, health, turn.today))]
    item = Screen(callback.str_arg(0))
    on = {
        Screen.PREGNANT: health.pregnant,
        Screen.POSTPARTUM: health.postpartum,
        Screen.BONE_STRESS: health.past_bone_stress,
    }
    if not on.get(item, False):
        return [Reply(toast="That was changed already.")]
    if item is Screen.PREGNANT:
        health = replace(health, pregnant=False)
    elif item is Screen.POSTPARTUM:
        health = replace(health, postpartum=False)
    else:
        health = replace(health, past_bone_stress=False)
    await store(turn, health)
    if item in (Screen.PREGNANT, Screen.POSTPARTUM):  # impact returns by the way back
        later = comeback.after_impact_break(turn.state, turn.today)
        await turn.save_state(Transition(later, "way back: impact after a birth", False))
    return [Reply(text=words.health_ended(item, health, turn.today))]
