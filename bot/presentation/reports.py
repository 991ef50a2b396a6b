"""The words of the guided /sore report, /clear and clearing a recovery hold."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Final

from bot.core.triage import (
    ASKED_FLAGS,
    JOINT_SIGNS,
    NERVE_SIGNS,
    OVERNIGHT_CHECK,
    PASSING_PAIN,
    RETURN_CHECKS,
    SETTLE_DAYS,
    Tier,
    stops_running,
    triage,
)
from bot.core.vocabulary import Area, RedFlag, Side, listed, said_once, sign_labels
from bot.presentation.callbacks import Action, Answer, encode
from bot.presentation.html import escape_text, italic
from bot.presentation.render import Rows, referral, your_part

__all__ = [
    "AREA_QUESTION",
    "BONE_HISTORY_CHECK",
    "CHECKS_UNDER_WAY",
    "CLINICIAN_QUESTION",
    "FLAGS_QUESTION",
    "GO_AHEAD_HEARD",
    "KIND_QUESTION",
    "NOT_ON_IT_YET",
    "PELVIC_FLOOR_CHANGE",
    "PUT_RIGHT",
    "RUNNING_ON_WAY_BACK",
    "SEEN_BEFORE",
    "SEVERITY_QUESTION",
    "SIDE_QUESTION",
    "STILL_HELD",
    "TIGHT_DURING_HOLD",
    "WHERE_WE_WERE",
    "WHOLE_BODY_HOLD",
    "answer_about_other_area",
    "answer_about_other_check",
    "back_to_setup",
    "check_failed",
    "check_keyboard",
    "check_question",
    "checks_resting",
    "cleared",
    "cleared_after_checks",
    "clinician_keyboard",
    "clinician_question",
    "clinician_visit",
    "clinician_visit_under_hold",
    "flags_keyboard",
    "held_sign_again",
    "hold_change",
    "hold_name",
    "hold_reminder",
    "kept_beside",
    "muddled",
    "not_cleared_yet",
    "not_fine_yet",
    "noted",
    "other_activity_not_mine",
    "ran_under_hold",
    "running_after_checks",
    "running_not_yet",
    "running_with_a_hold",
    "serious_first",
    "severity_was_effort",
    "sign_failed",
    "sign_keyboard",
    "sign_question",
    "too_soon_to_clear",
    "unclear_answer",
    "unknown_area",
    "unrated_report",
    "warning_sign_reply",
    "which_hold_keyboard",
    "which_hold_question",
]

AREA_QUESTION = (
    "Where do you feel it? Tap the area (or just type it, like <i>left calf sore 6/10</i>)."
)
SIDE_QUESTION = "Which side?"
KIND_QUESTION = "How does it feel?"
SEVERITY_QUESTION = "How strong, from 0 (nothing) to 10 (worst)?"
FLAGS_QUESTION = (
    "Any of these? Tap all that apply, then <b>Done</b>. (They help me tell normal training "
    "soreness from something a physio should see.)"
)


FLAGS_PUT_OFF = (
    "I'd rather not skip this one: these signs are how I tell ordinary soreness from "
    "something a physio should look at. Tap any that fit, or <b>None of these</b>."
)


def flags_keyboard(chosen: Collection[str]) -> Rows:
    """The warning signs asked about (and any already said), ticked when chosen, then Done
    (or "None of these")."""
    shown = [*ASKED_FLAGS, *(f for f in RedFlag if f.value in chosen and f not in ASKED_FLAGS)]
    rows = [
        [
            (
                ("✅ " if flag.value in chosen else "") + flag.label.capitalize(),
                encode(Action.REPORT_FLAG, flag),
            )
        ]
        for flag in shown
    ]
    done = "Done" if chosen else "None of these"
    return [*rows, [(done, encode(Action.REPORT_FINISH))]]


def noted() -> str:
    """The guided report's last question, edited once it is answered."""
    return "Thanks, noted."


def muddled() -> str:
    """A guided report whose answers no longer make sense."""
    return "That report got muddled, sorry. Send /sore to start again."


def back_to_setup() -> str:
    """After a report that interrupted the set-up questions."""
    return "Now, back to setting up: answer the question above, or Skip."


def cleared(reason: str) -> str:
    """A recovery hold lifted, and what that changes."""
    return f"Great news! {escape_text(reason)}"


def unknown_area(said: str) -> str:
    """/clear with a body part I don't know."""
    return (
        f"I don't know the body part {italic(said.strip()[:32])}."
        " Try <i>/clear hips</i>, or just /clear and I'll ask which hold you mean."
    )


# ---------------------------------------------------------------- warning signs and holds


TIGHT_DURING_HOLD = (
    "Noted. While the hold lasts I keep your sessions gentle as they are, with nothing "
    "added: move it gently within what's comfortable."
)
"""Tightness reported while an area is on hold (plain text: the reply escapes it)."""


WHOLE_BODY_HOLD = (
    "<b>What changes:</b> every session stops until a doctor has checked you. When they "
    "have, send /clear and we'll build back up gently."
)
"""The plan after a sign of the whole body (chest pain, fainting)."""

BONE_HISTORY_CHECK = (
    "Since bone stress has come up before, I'll check for bone signs: pain at one spot of "
    "the bone, pain when you hop or walk, or pain at night mean stop and get it looked at."
)
"""Before the signs question, after a report at a bone-stress site from a runner with a
past bone stress injury."""

STILL_HELD = (
    "It's still on hold from the warning sign you told me about, so please don't wait on "
    "getting it checked:"
)
"""A new report on an area a warning sign holds: the referral comes again after it."""


def held_sign_again(
    area: Area, side: Side, signs: Collection[RedFlag], severity: int | None, days: int
) -> str:
    """The same warning sign said again of an area already on hold for it, ``days`` after
    the hold began: no new hold announced; after ``SETTLE_DAYS`` it has not settled, so a
    physio or doctor now rather than later (HTML)."""
    where = your_part(area, side)
    said = listed(sign_labels(signs))
    score = f", {severity}/10" if severity is not None else ""
    lines = [escape_text(f"Thanks for the update on {where}: {said}{score}.")]
    if days >= SETTLE_DAYS:
        lines.append(
            f"⚠️ <b>It's been {days} days and it hasn't settled</b>, so please have a "
            "physiotherapist or doctor look at it now rather than waiting, and today if it is "
            "severe or getting worse fast."
        )
    else:
        lines.append(
            "If it hasn't settled within a few days, have a physiotherapist or doctor look "
            "at it, and at once if it is severe or getting worse fast."
        )
    lines.append(
        escape_text(
            f"{where[0].upper()}{where[1:]} stays on hold: no hops, jumps or anything that "
            "loads it. Once it has settled, send /clear and we'll go through the checks."
        )
    )
    return "\n\n".join(lines)


PUT_RIGHT = "Put right, thanks for saying."
"""A report corrected in a message of its own ("sorry, not my knee, it's my hip")."""


def severity_was_effort(effort: int, area: Area) -> str:
    """A number the runner says was the session's effort, taken off the report before."""
    return (
        f"Got it: {effort}/10 was how hard the session felt, not a rating of your "
        f"{area.label}. I've kept your {area.label} noted without a number"
    )


def kept_beside(area: Area) -> str:
    """A report with a warning sign corrected to another area: the first hold stays."""
    return (
        f"Thanks for putting it right. With a warning sign I keep your {area.label} on hold "
        "as well, to be safe. Once a doctor or physio has checked you, /clear lifts it."
    )


def _areas(areas: Collection[Area]) -> str:
    return listed(area.label for area in sorted(areas))


def hold_change(
    area: Area,
    tier: Tier,
    neighbours: Collection[Area],
    whole_leg: bool,
    signs: Collection[RedFlag] = (),
) -> str:
    """What a warning sign does to the plan (plain text: the reply escapes it); a joint
    that gave way means no running on it either until it is checked."""
    if tier is Tier.EMERGENCY:
        return "I've stopped your sessions: nothing until you've been seen and cleared."
    if area is Area.PELVIC_FLOOR:
        return PELVIC_FLOOR_CHANGE
    clear = (
        "When a doctor or physio has cleared you, send /clear and I'll take you through a few "
        "checks before impact work comes back."
    )
    if whole_leg:
        what = (
            "Your whole leg is" if area is Area.LEG else f"Your {area.label} and the whole leg are"
        )
        return (
            f"{what} on hold: no running, jumping or leg "
            "exercises, stretching included. Until it's checked, each day is rest or only "
            f"what is still safe (slow breathing, gentle upper-body mobility). {clear}"
        )
    around = f" (and the {_areas(neighbours)} around it)" if neighbours else ""
    if tier is Tier.NERVE and not JOINT_SIGNS.isdisjoint(signs):
        return (
            f"No running, hops or jumps, and nothing loads your {area.label}{around} "
            f"until you've been cleared. {clear}"
        )
    if tier in (Tier.BONE_STRESS, Tier.NERVE):
        return (
            f"No hops, jumps or running drills, and nothing loads your {area.label}{around} "
            f"until you've been cleared. {clear}"
        )
    return (
        f"I've taken all jump work out and put your {area.label} on a recovery hold: nothing "
        f"loads it{around}. When it feels fine, send /clear or write "
        f'"{area.label} fine now" and I\'ll ask a few quick checks before jumps return.'
    )


PELVIC_FLOOR_CHANGE = (
    "No hops, jumps, skips or bounds in any session for now; mobility and strength carry "
    "on. When a pelvic health physio (or your GP) has checked you and says you're ready, "
    "send /clear: I'll ask a few quick checks (walking, balance, squats, then jogging and "
    "hopping on the spot, each without leaking, heaviness or pain) and bring impact back "
    "gradually, low hops first."
)
"""What a pelvic-floor sign does to the plan (plain text: the reply escapes it)."""


CLINICIANS_WORD_NO_AREA = (
    "Thanks for telling me what they said. Their word comes first: follow their plan for "
    "running and for any exercises they gave you, and I'll keep impact off the area they "
    "looked at until they clear you."
)
"""A clinician's restriction told with no area ("physio says no hopping for 2 weeks")."""


def warning_sign_reply(
    tier: Tier,
    signs: Collection[RedFlag],
    *,
    ask_where: bool,
    held: Sequence[tuple[Area, Side]] = (),
) -> str:
    """Warning signs said without a body area: who to see, then where it is; ``held``: the
    areas on hold ("your shins"), asked about first, since the sign is likely theirs."""
    if frozenset(signs) == {RedFlag.CLINICIAN_HOLD}:  # seen already: their word, no referral
        lines = [CLINICIANS_WORD_NO_AREA]
    else:
        said = listed(sign_labels(signs))
        lines = [f"Thanks for telling me ({escape_text(said)}).", referral(tier, signs)]
    if ask_where and held:
        again = escape_text(listed((your_part(area, side) for area, side in held), "or"))
        lines.append(
            f"So I can keep it out of your sessions: is that {again} again, or somewhere "
            "else? Tap the area (or just type it, like <i>left shin</i>)."
        )
    elif ask_where:
        lines.append("So I can keep it out of your sessions: " + AREA_QUESTION)
    return "\n\n".join(lines)


def not_fine_yet(held: Collection[Area]) -> str:
    """A recovery word taken back ("not fine yet", "fine but..."): the hold stays."""
    if not held:
        return (
            "Sorry it's not fully right yet. Tell me where and how it feels (like "
            "<i>left calf sore 4/10</i>), or send /sore."
        )
    return (
        f"That doesn't sound fully fine yet, so your {escape_text(_areas(held))} "
        f"{'stay' if len(held) > 1 or next(iter(held)).it == 'them' else 'stays'} on hold. "
        "Tell me when it's really fine, "
        "or how it feels now (like <i>calf sore 3/10</i>)."
    )


#: A clinician's go-ahead said in words, before the return checks it leads to.
GO_AHEAD_HEARD = "Good news that you've been checked and given the go-ahead."
#: Running asked about on the way back, no hold left (the pain-monitoring model for runs).
RUNNING_ON_WAY_BACK = (
    "Yes, running can come back, gently: start shorter and easier than before, on the flat. "
    "If something was hurting, let it guide you: up to 3/10 while you run is fine if you're "
    "not limping and it's no worse the next morning; if it builds as you go, stop and tell me. "
    "After a suspected stress fracture, follow your doctor's or physio's running plan "
    "(often walk-run first). The hops come back in stages here too."
)
#: Impact tried on a hold that waits for a clinician ("hops were fine, 0 pain").
NOT_ON_IT_YET = (
    "Good that it felt fine, but please don't hop, jump or run on it yet: this one needs a "
    "doctor's or physio's check first, because feeling fine doesn't rule out what it could "
    "be. Until then, /today has what is safe."
)
#: Said before the first check when a clinician's go-ahead was given before a failed check.
SEEN_BEFORE = "You've already been checked and given the go-ahead, so on to the checks again."
CLINICIAN_QUESTION = (
    "Before we bring your training back: has a doctor or physiotherapist checked this and "
    "cleared you to load it again?"
)


def clinician_question(name: str, signs: Collection[RedFlag] = ()) -> str:
    """Has a clinician checked the hold named ``name`` ("your right knee that gave way")?
    A pelvic-floor sign names its own clinician."""
    if RedFlag.HEART_SIGNS in signs:
        return (
            f"Before you train again: has a doctor checked {escape_text(name)} and cleared "
            "you to exercise again?"
        )
    if RedFlag.PELVIC_FLOOR in signs:
        return (
            "Before impact work comes back: has a pelvic health physio (or your GP) checked "
            f"{escape_text(name)} and said you're ready for hops and jumps again?"
        )
    return (
        f"Before we bring your training back: has a doctor or physiotherapist checked "
        f"{escape_text(name)} and cleared you to load it again?"
    )


# ---------------------------------------------------------------- naming a hold

#: What each sign says after the area: "your left leg with pins and needles or numbness".
#: A joint's own signs, as its hold is named: "your right knee that gave way".
_JOINT_WORDS = {RedFlag.GIVING_WAY: "gave way", RedFlag.LOCKING: "locked"}
_SIGN_WORDS = {
    RedFlag.NUMBNESS_TINGLING: "pins and needles or numbness",
    RedFlag.NERVE_PAIN: "pain shooting down it",
    RedFlag.WEAKNESS: "weakness",
}


def hold_name(area: Area, side: Side, signs: Collection[RedFlag]) -> str:
    """The hold as a physio would name it, plain text: "your right knee that gave way",
    "your left leg with pins and needles or numbness and sharp pain"."""
    if RedFlag.HEART_SIGNS in signs:  # a sign of the whole body, not of the area
        return "the chest pain, fainting or racing heart you told me about"
    if area is Area.PELVIC_FLOOR:
        return "the leaking or heaviness you told me about"
    where = your_part(area, side)
    signs = [flag for flag in signs if flag is not RedFlag.CLINICIAN_HOLD]  # held on their
    # word: named as the area itself ("your right achilles"), the hold said elsewhere
    rest = said_once(
        [_SIGN_WORDS.get(flag, flag.label) for flag in sorted(signs) if flag not in JOINT_SIGNS]
    )
    joint = [word for flag, word in _JOINT_WORDS.items() if flag in signs]
    if joint:
        return f"{where} that {' and '.join(joint)}" + (f" (and {listed(rest)})" if rest else "")
    return f"{where} with {listed(rest)}" if rest else where


def which_hold_question(names: Collection[str]) -> str:
    """Several separate holds: which one is fine again? Each is cleared on its own."""
    lines = "\n".join(f"• {escape_text(name)}" for name in names)
    return (
        "You have more than one thing on hold, and I clear each one separately:\n"
        f"{lines}\n\nWhich one is fine again? Tap it."
    )


def serious_first(serious: str, asked: str) -> str:
    """A hold asked about while a more serious one stays: that one is cleared first."""
    return escape_text(
        f"Before {asked}: {serious} is still on hold, and the return checks (jogging, "
        "single-leg squats, hops) load the whole leg, so we clear that one first."
    )


#: Said before the open clearing question when /clear is sent again partway through.
WHERE_WE_WERE = "We're partway through your checks, so let's carry on from here."
#: The day's advice once a clinician has cleared the sign and the checks are under way
#: (no more "get seen the same day" for what has been seen).
CHECKS_UNDER_WAY = (
    "You've been checked and cleared, so the return checks come next, one at a time: "
    "answer the open one when you can, or send /clear to see it again. Until they pass, "
    "nothing here loads that area. If it gets worse or anything new appears, get seen "
    "again straight away."
)


def checks_resting(retry_on: date | None) -> str:
    """The day's advice while the checks rest after a failed one, the clinician's go-ahead
    given already (``retry_on`` None: they may be tried again now)."""
    when = (
        "the return checks are resting for a few days after one didn't pass yet: send "
        f"/clear from {retry_on:%A %d %b} to try them again"
        if retry_on is not None
        else "the return checks can be tried again now: send /clear when you're ready"
    )
    return (
        f"You've been checked and cleared, and {when}. Until they pass, nothing here loads "
        "that area. If it gets worse or anything new appears, get seen again straight away."
    )


def too_soon_to_clear(name: str) -> str:
    """A hold asked to end the day its sign was said: the checks wait for a settled area."""
    return escape_text(
        f"It's too soon to test {name}: you told me about it only today. Give it at least a "
        "day to settle, then send /clear and I'll take you through the checks. If it gets "
        "worse in the meantime, see a physiotherapist or doctor."
    )


def which_hold_keyboard(choices: Collection[tuple[Area, str]]) -> Rows:
    """One button a hold (by its area), then Cancel."""
    rows = [
        [(name[:1].upper() + name[1:], encode(Action.CLEAR_PICK, area))] for area, name in choices
    ]
    return [*rows, [("Cancel", encode(Action.CANCEL))]]


#: The nerve signs as the question whether they have gone asks about them.
_GONE_WORDS = {
    RedFlag.NUMBNESS_TINGLING: "pins and needles and numbness",
    RedFlag.NERVE_PAIN: "pain shooting down the leg",
    RedFlag.WEAKNESS: "weakness",
}


def _sign_checks(area: Area, signs: Collection[RedFlag]) -> list[str]:
    checks = []
    if RedFlag.GIVING_WAY in signs:
        checks.append(f"without {area.it} giving way")
    if RedFlag.LOCKING in signs:
        checks.append(f"without {area.it} locking or catching")
    if not NERVE_SIGNS.isdisjoint(signs):
        checks.append("with no pins and needles, numbness or pain down the leg")
    if RedFlag.PELVIC_FLOOR in signs:
        checks.append("with no leaking, heaviness or dragging")
    return checks


def sign_question(area: Area, side: Side, signs: Collection[RedFlag]) -> str | None:
    """Before the return checks, for a joint that gave way or a nerve sign: has it stayed
    away? (None for other signs: the checks ask about pain only.)"""
    where = your_part(area, side)
    asks = []
    if RedFlag.GIVING_WAY in signs:
        asks.append(f"has {where} stayed steady, with no giving way at all")
    if RedFlag.LOCKING in signs:
        asks.append(f"has {where} moved freely, with no locking or catching at all")
    nerve = [_GONE_WORDS[flag] for flag in sorted(signs) if flag in NERVE_SIGNS]
    if nerve:
        asks.append(f"have the {listed(nerve)} gone completely")
    if not asks:
        return None
    question = " And ".join(asks)
    return escape_text(f"One thing before the checks: since it was checked, {question}?")


def sign_keyboard() -> Rows:
    """Yes / no, then Cancel."""
    return [
        [
            ("Yes, all gone", encode(Action.CLEAR_SIGN, Answer.YES)),
            ("No, not fully", encode(Action.CLEAR_SIGN, Answer.NO)),
        ],
        [("Cancel", encode(Action.CANCEL))],
    ]


def sign_failed(area: Area, side: Side, signs: Collection[RedFlag]) -> str:
    """The sign is still there: the hold stays, and back to the clinician."""
    nerve = not NERVE_SIGNS.isdisjoint(signs)
    gives = "they still give way" if area.it == "them" else "it still gives way"
    what = "the nerve signs are still there" if nerve else gives
    urgent = (
        " Numbness or tingling in both legs, or around the seat, needs urgent care the same day."
        if nerve
        else ""
    )
    return escape_text(
        f"Then {your_part(area, side)} stays on hold: while {what}, no running, hops "
        "or jumps on it. Please tell your physio or doctor, and send /clear again once it has "
        f"settled.{urgent}"
    )


def running_not_yet(
    names: Sequence[str], *, heart: bool = False, clot: bool = False, why: str | None = None
) -> str:
    """Running asked about under a hold that keeps it out ("can I go for an easy jog?"):
    a plain no, why, and the way out (HTML); ``heart``: chest pain, fainting or a racing
    heart, which a doctor clears; ``clot``: a possibly clotted leg, which a doctor clears."""
    held = escape_text(listed(list(names)))
    if clot:
        return (
            f"<b>Not yet, not even an easy jog.</b> While {held} "
            f"{_is_or_are(names)} on hold, running stays out: a leg that is "
            "swollen, hot or red after a long sit can be a blood clot, and it needs a doctor's "
            "check the same day before you train again (someone else's all-clear doesn't "
            "count for you). Once a doctor has cleared you, send /clear."
        )
    if heart:
        return (
            f"<b>Not yet, not even an easy jog.</b> While {held} "
            f"{_is_or_are(names)} on hold, running stays out: chest pain, "
            "fainting or a racing heart with exercise needs a doctor's check before you train "
            "again. If you haven't seen a doctor yet, please do (your emergency number if it "
            "is happening now). Once a doctor has cleared you, send /clear."
        )
    return (
        f"<b>Not yet, not even an easy jog.</b> While {held} "
        f"{_is_or_are(names)} on hold, running stays out: "
        f"{why or 'a suspected bone stress injury or a joint that gives way'} gets worse with "
        "impact. If a doctor or "
        "physio hasn't checked it yet, please see one. Once they've cleared you, send /clear "
        "and we'll build back up step by step; until then /today has what is safe."
    )


def running_after_checks(names: Sequence[str]) -> str:
    """Running asked about once a clinician has cleared a hold that keeps it out: it comes
    back after the return checks (HTML)."""
    held = escape_text(listed(list(names)))
    return (
        f"<b>Not quite yet.</b> You've been checked and cleared for {held}, and running comes "
        "back once the return checks have passed, then step by step. Send /clear to carry on "
        "with them; until then /today has what is safe."
    )


#: The last word of a held part that is plural ("your calves", "both knees").
_PLURAL_PARTS: Final = frozenset(
    {"calves", "shins", "hips", "glutes", "quads", "hamstrings", "flexors", "knees", "ankles",
     "feet", "legs"}
)  # fmt: skip


def _is_or_are(names: Sequence[str]) -> str:
    """The verb for holds named ("your calves are", "your left calf is")."""
    if len(names) != 1:
        return "are"
    part = names[0].split(" with ")[0].split(" that ")[0].split(" (")[0]
    return "are" if part.split()[-1] in _PLURAL_PARTS else "is"


def ran_under_hold(names: Sequence[str], *, stops_running: bool, theirs: bool = False) -> str:
    """A run told under a hold: thanks; with a hold that keeps running out, or waits for a
    clinician's look or for the area to settle (``stops_running``), running is left out
    even when it held up; else runs guided by pain; what to watch for; the way out (a hold
    a clinician set, ``theirs``: when they clear the runner) (HTML)."""
    held = escape_text(listed(list(names)))
    are = _is_or_are(names)
    watch = (
        "Watch it over the next day or two: if it hurts more, swells, or you limp, see a "
        "doctor or physio soon."
    )
    way_out = (
        "When the physio or doctor who set the hold clears you,"
        if theirs
        else "Once it has settled, or a physio or doctor has had a look,"
    )
    if not stops_running:
        return (
            f"Thanks for telling me. While {held} {are} on hold, a run is fine only if the "
            "pain stays at 3/10 or less while you run, you're not limping, and it's no worse "
            f"and not swollen the next morning. {watch} Hops and jumps stay out until the "
            "hold is cleared."
        )
    return (
        f"Thanks for telling me. <b>While {held} {are} on hold, please leave running out "
        "for now</b>, even when it seems to hold up: it can get worse with impact before it "
        f"hurts. {watch} {way_out} send /clear and we'll build back up step by step; until "
        "then /today has what is safe."
    )


def running_with_a_hold(names: Sequence[str], *, see_first: bool, settle_first: bool) -> str:
    """Running asked about under a hold that does not keep it out by itself: after a
    doctor's or clinician's look when the hold waits for one (``see_first``); after a
    swelling or sharp pain has settled or a physio has looked (``settle_first``); else
    guided by pain, stopped when it builds. Impact work stays out either way (HTML)."""
    held = escape_text(listed(list(names)))
    them = "them" if len(names) > 1 else "it"
    stays = f"Hops, jumps and anything that loads {them} stay out until the hold is cleared."
    guided = (
        "an easy run is fine only if the pain stays at 3/10 or less while you run, you're "
        "not limping, and it's no worse and not swollen the next morning. Stop if it builds "
        "as you go."
    )
    if see_first:
        return (
            f"<b>Not until it's been checked.</b> While the hold on {held} lasts, running is a "
            "question for the doctor or physio who looks at it, so please leave it out until "
            f"they say it's fine. {stays}"
        )
    if settle_first:
        return (
            f"<b>Not yet.</b> While the hold on {held} lasts, let it settle, or let a physio "
            f"look at it, before you run on {them}. After that, {guided} {stays}"
        )
    return f"<b>Only if it stays quiet.</b> While the hold on {held} lasts, {guided} {stays}"


def other_activity_not_mine(names: Sequence[str]) -> str:
    """Cycling, swimming and the like asked about under a hold that keeps running out: the
    clinician's call, running and jumping still out (HTML)."""
    held = escape_text(listed(list(names)))
    return (
        f"Good question, and one for your doctor or physio: while the hold on {held} "
        "lasts, which activities are safe depends on what they find, so please ask them "
        "about cycling, swimming or anything else before you start. Running and jumping "
        "stay out until they clear you; /today has the hip work that is safe now."
    )


def clinician_visit_under_hold(names: Sequence[str], *, booked: bool, no_running: bool) -> str:
    """A clinician visit told while holds last: what stays out until they clear the
    runner, and their word first (HTML)."""
    held = escape_text(listed(list(names)))
    out = "running or jumping, not even an easy jog" if no_running else "hops or jumps"
    if booked:
        return (
            f"Good, I'm glad it's booked. Until then the hold on {held} stands: no {out}; "
            "/today has what is safe. If it gets worse before the appointment, don't wait "
            "for it. Tell me what they say: once they've cleared you, send /clear and we'll "
            "build back up step by step."
        )
    return (
        "Thanks for letting me know. What they told you comes first: if they gave you a time "
        "frame or exercises, follow those, and nothing I send brings impact back before they "
        f"clear you. Until then the hold on {held} stands: no {out}; the gentle work that "
        "spares it goes on, and /today has what is safe. Once they've cleared you, send /clear "
        "and I'll take you through the return checks step by step."
    )


def clinician_visit(*, booked: bool) -> str:
    """A clinician visit told with no hold and nothing else said (HTML)."""
    if booked:
        return (
            "Good that it's booked. Tell me what they say, and if anything gets worse before "
            "then, let me know at once."
        )
    return (
        "Thanks for letting me know. If they found something, tell me where it is and how it "
        "feels (like <i>left calf sore 4/10</i>) and I'll adjust your plan around it."
    )


def pain_rules_beside_a_hold(line: str) -> str:
    """The holds' line under an answer that gives the everyday pain rules: those numbers
    are not for what is on hold (plain text, like ``hold_reminder``)."""
    return f"Those pain numbers are for everyday soreness, not for what is on hold. {line}"


def hold_reminder(names: Sequence[str], *, no_running: bool, impact_only: bool = False) -> str:
    """One short line under an answer while holds last (plain text: the answer escapes
    it); ``no_running``: a sign that means no running either (a joint that gave way, a
    bone stress sign); ``impact_only``: the one hold is a pelvic-floor sign's, which keeps
    impact out and loads nothing else."""
    them = len(names) > 1
    if impact_only:
        return (
            f"Still on hold: {listed(list(names))}. Whatever you do, leave out hops, jumps, "
            "skips and bounds until a pelvic health physio has checked it."
        )
    what = "running, jumping" if no_running else "hops, jumps"
    return (
        f"Still on hold: {listed(list(names))}. Whatever you do, leave out {what} and "
        f"anything that loads {'them' if them else 'it'} until "
        f"{'each is' if them else 'it is'} cleared."
    )


_CHECKS = {
    "walk": "walk briskly for 30 minutes",
    "stand": "stand on the affected leg for 10 seconds",
    "squat": "do 10 slow single-leg squats on the affected leg",
    "jog": "jog on the spot for 1 minute",
    "hop": "hop on the spot 10-15 times on the affected leg",
}


def clinician_keyboard() -> Rows:
    """Yes / not yet."""
    return [
        [
            ("Yes, I've been cleared", encode(Action.CLEAR_CLINICIAN, Answer.YES)),
            ("Not yet", encode(Action.CLEAR_CLINICIAN, Answer.NO)),
        ],
        [("Cancel", encode(Action.CANCEL))],
    ]


#: The checks for a held pelvic floor: no leg is "the affected one" (Goom, Donnelly &
#: Brockwell 2019: single-leg balance and squats, jogging and hopping on the spot).
_PELVIC_CHECKS = {
    **_CHECKS,
    "stand": "stand on each leg in turn for 10 seconds",
    "squat": "do 10 slow single-leg squats on each leg",
    "hop": "hop on the spot 10-15 times on each leg",
}


def _check(index: int, area: Area | None) -> str:
    checks = _PELVIC_CHECKS if area is Area.PELVIC_FLOOR else _CHECKS
    return checks[RETURN_CHECKS[index]]


def check_question(index: int, area: Area | None = None, signs: Collection[RedFlag] = ()) -> str:
    """Return check number ``index`` (in the facts' order), one at a time; a joint that gave
    way, a nerve sign or a pelvic-floor sign is asked about in each check too, not only
    pain."""
    what = _check(index, area)
    intro = (
        "A few quick checks, one at a time, before impact work comes back. " if index == 0 else ""
    )
    extra = "".join(f", {check}" for check in _sign_checks(area, signs)) if area else ""
    # Hip red flags: swelling rules out plyometrics, so each check asks it stays down
    swelling = ", with no swelling by the next morning" if RedFlag.SWELLING in signs else ""
    return (
        f"{intro}<b>Check {index + 1} of {len(RETURN_CHECKS)}:</b> can you {what} with pain "
        f"no higher than {PASSING_PAIN}/10{escape_text(extra)}, during it and afterwards"
        f"{swelling}? (Try it now or tell me how it went the last time you did it.)"
    )


def check_keyboard(index: int, signs: Collection[RedFlag] = ()) -> Rows:
    """Passed at pain 2/10 or less / no or more pain; for a pelvic-floor sign, with no
    leaking or heaviness / some leaking, heaviness or more pain."""
    yes, no = f"Yes, pain {PASSING_PAIN}/10 or less", f"No, or pain above {PASSING_PAIN}/10"
    if RedFlag.PELVIC_FLOOR in signs:
        yes = f"No leaking, pain {PASSING_PAIN}/10 or less"
        no = "Some leaking, heaviness or pain"
    return [
        [
            (yes, encode(Action.CLEAR_CHECK, index, Answer.YES)),
            (no, encode(Action.CLEAR_CHECK, index, Answer.NO)),
        ],
        [("Cancel", encode(Action.CANCEL))],
    ]


def unclear_answer(question: str) -> str:
    """A typed answer to a clearing question that says neither yes nor no: ask again."""
    return (
        "Sorry, I couldn't tell if that was a yes or a no, so let me ask again (tap a "
        f"button, or type <i>yes</i> or <i>no</i>, and your pain out of 10 if you like).\n\n"
        f"{question}"
    )


def answer_about_other_check(question: str) -> str:
    """A typed answer that tells of another movement than the check asked about
    ("walked to work" to the single-leg stand): it does not count for this one."""
    return (
        "Good to know, but that's a different movement from this check, so it can't count "
        "for it. Each check loads the leg a little more than the one before.\n\n"
        f"{question}"
    )


def answer_about_other_area(
    others: Collection[Area], clearing: Collection[Area], question: str
) -> str:
    """A typed message about another area (``others``), or about how the area feels rather
    than about a clinician's go-ahead (no ``others``), while a clearing question is open:
    nothing is counted or stored, and the question is asked again."""
    if others:
        lead = (
            f"That sounds like it's about your {escape_text(_areas(others))}, not an answer "
            f"to my question about your {escape_text(_areas(clearing))}"
        )
    else:
        lead = "Good to hear it feels better, but that isn't the same as being checked and cleared"
    return (
        f"{lead}, so I haven't counted it as a yes or a no and nothing has changed (tap a "
        "button, or type <i>yes</i> or <i>no</i>).\n\n"
        f"{question}"
    )


def unrated_report(value: str, *, worst: bool = False) -> str:
    """A body report whose number cannot be right ("hamstring niggle 11/10"): the report is
    stored without it (the plan spares the area), and the number is asked for. ``worst``:
    pain past the top of the scale, which may mean as bad as pain gets: stop and get it
    checked if so."""
    care = (
        "If it really is as bad as pain gets, stop running and jumping today and get it "
        "checked by a doctor or physio. "
        if worst
        else ""
    )
    return (
        f"“{escape_text(value)}” isn't one number from 0 to 10, so I've noted it without a "
        f"number. {care}{SEVERITY_QUESTION} Tap one, or just send the number."
    )


def not_cleared_yet(signs: Collection[RedFlag] = ()) -> str:
    """No clinician has cleared a bone-stress, nerve, pelvic-floor or emergency sign: the
    hold stays."""
    if RedFlag.HEART_SIGNS in signs:
        return (
            "Then the hold stays for now: no training until a doctor has checked you, not even "
            "an easy jog. Please see one soon (your emergency number if it is happening now); "
            "once they've cleared you, send /clear again."
        )
    if RedFlag.PELVIC_FLOOR in signs:
        return (
            "Then the hold stays for now: no hops or jumps yet. If you haven't seen a pelvic "
            "health physio (or your GP) yet, please do; once they say you're ready, send "
            "/clear again and we'll go through the checks."
        )
    running = (
        " Until then, no running or jumping on it, not even an easy jog: feeling fine is "
        "not the same as being checked."
        if stops_running(signs, triage(signs))
        else ""
    )
    return (
        "Then the hold stays for now. If you haven't seen a doctor or physiotherapist yet, "
        "please do; if you have, what they told you comes first, time frame included."
        f"{running} Once they've cleared you, send /clear again and we'll go through the "
        "checks."
    )


def check_failed(index: int, area: Area | None = None, signs: Collection[RedFlag] = ()) -> str:
    """A return check not passed: the hold stays, and what to do."""
    what = _check(index, area)
    extra = "".join(f", {check}" for check in _sign_checks(area, signs)) if area else ""
    who = (
        "tell your pelvic health physio"
        if area is Area.PELVIC_FLOOR
        else "see a physiotherapist or doctor"
    )
    return (
        f"Thanks for being honest. If you can't yet {what} at pain {PASSING_PAIN}/10 or "
        f"less{escape_text(extra)}, "
        "the area isn't ready for impact, so the hold stays: keep to what /today gives you "
        "and try the checks again in a few days (send /clear). If it isn't improving within a "
        f"week or two, or gets worse, please {who}."
    )


def _overnight_signs(signs: Collection[RedFlag]) -> str:
    """What the morning after also asks, beside no worse: no swelling, no sign back."""
    said = ["no swelling"] if RedFlag.SWELLING in signs else []
    if RedFlag.GIVING_WAY in signs:
        said.append("no giving way")
    if RedFlag.LOCKING in signs:
        said.append("no locking")
    if not NERVE_SIGNS.isdisjoint(signs):
        said.append("no pins and needles or numbness")
    if RedFlag.PELVIC_FLOOR in signs:
        said.append("no leaking, heaviness or dragging")
    return f", with {listed(said)}" if said else ""


def wait_overnight(name: str, signs: Collection[RedFlag] = ()) -> str:
    """The checks before the hops passed (``OVERNIGHT_CHECK`` of them, the hops' index):
    the hop check waits for the next morning."""
    return escape_text(
        f"Well done: that's {OVERNIGHT_CHECK} of the {len(RETURN_CHECKS)} checks passed. The "
        f"last one, hopping, loads {name} the most, so it waits for tomorrow: how it feels "
        "the morning after today's checks tells us whether it's ready. Tomorrow, if it's no "
        f"worse than before today's checks{_overnight_signs(signs)}, send /clear and we'll "
        "do the hop check. Until then the hold stays: no hops or jumps yet."
    )


def overnight_not_yet(name: str) -> str:
    """Asked again the day the first checks passed: the hop check is tomorrow's."""
    return escape_text(
        f"The hop check waits for tomorrow morning: first we see how {name} feels after "
        "today's checks. Send /clear tomorrow and I'll ask. The hold stays until then."
    )


def overnight_question(name: str, signs: Collection[RedFlag] = ()) -> str:
    """The morning after the first checks: is the area no worse than before them?"""
    return escape_text(
        f"Yesterday you passed the first {OVERNIGHT_CHECK} checks. How "
        f"is {name} this morning: no more pain or stiffness than before those checks"
        f"{_overnight_signs(signs)}?"
    )


def retry_later(name: str, retry_on: date) -> str:
    """The checks asked for again too soon after one failed: when to try them."""
    return escape_text(
        f"Let's give {name} a little longer first: a check that didn't pass yet needs a few "
        f"days to settle before the next try. Send /clear from {retry_on:%A %d %b} and "
        "we'll go through the checks again. The hold stays until then; if it's getting "
        "worse, or not settling, see a physiotherapist or doctor."
    )


def overnight_keyboard() -> Rows:
    """No worse / worse, then Cancel."""
    return [
        [
            ("Yes, no worse", encode(Action.CLEAR_SIGN, Answer.YES)),
            ("No, it's worse", encode(Action.CLEAR_SIGN, Answer.NO)),
        ],
        [("Cancel", encode(Action.CANCEL))],
    ]


def overnight_worse(area: Area | None = None) -> str:
    """Worse the morning after the first checks: the hold stays, and the checks start again."""
    who = (
        "your pelvic health physio" if area is Area.PELVIC_FLOOR else "a physiotherapist or doctor"
    )
    return escape_text(
        "Thanks for telling me. If it's worse the morning after the checks, it isn't ready "
        "for impact yet, so the hold stays: keep to what /today gives you, give it a few more "
        "days, then send /clear to start the checks again. If it isn't settling, or keeps "
        f"flaring after the checks, please see {who}."
    )


def _still_on_hold(still: Sequence[str]) -> str:
    """The holds that stay after one is cleared, each cleared on its own (plain text)."""
    return (
        f"Still on hold, each cleared on its own: {listed(list(still))}. Send /clear when the "
        "next one has been checked."
    )


def cleared_by_a_doctor(reason: str, still: Sequence[str] = ()) -> str:
    """A doctor cleared the runner after chest pain, fainting or a racing heart: no joint
    checks (they test an area, and this was no area's), a gentle way back, and what to do
    if it comes back."""
    stays = _still_on_hold(still) if still else reason
    return escape_text(
        f"Good that a doctor has checked you and cleared you to exercise. {stays} Come back "
        "gently: the first sessions back are easy ones. If chest pain, fainting, dizziness "
        "or a racing or irregular heartbeat comes back, stop at once and get medical help "
        "(your emergency number if it is happening now)."
    )


def cleared_after_checks(reason: str, name: str | None = None, still: Sequence[str] = ()) -> str:
    """Every check passed: the hold ends (on ``name``, the hold cleared), with a word on
    coming back gradually; ``still``: the holds that stay, each cleared on its own."""
    lead = f"All checks passed: {name} is off hold." if name else "All checks passed."
    if not still:  # the core's reason: what comes back (the graded way back)
        lead = f"{lead} {reason}"
    stays = f"\n\n{_still_on_hold(still)}" if still else ""
    return (
        f"{escape_text(lead)}{escape_text(stays)}\n\nCome back gradually: the first "
        "sessions back are easy, and tell me at once if anything hurts above "
        f"{PASSING_PAIN}/10."
    )
