"""Phone wordings of the FAQ's questions (round 10b): no question mark, British slang, the
topic said in other words ("patio" for the jump surface, "swimming" for cross-training, "legs
dead after the long run" for tired legs), found by the phrasings added for them; logs, body
reports, settings and plan questions stay with the commands. Written for these tests, not
copied from ``content/faq.yaml``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.core.content import load_content
from bot.core.faq import Faq
from bot.core.understanding import IntentKind, understand, understand_all

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2027, 4, 21)


@pytest.fixture(scope="module")
def faq() -> Faq:
    return load_content(REPO / "content").faq


def _asked(faq: Faq, text: str) -> str | None:
    found, _ = faq.asked(understand(text, TODAY), understand_all(text, TODAY), text)
    return None if found is None else found.id


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("had a baby 10 weeks ago, can i start?", "after-birth"),
        ("how soon after a c section can I start the plan?", "after-birth"),
        ("are the hip sessions worth doing straight after a long run", "after-long-run"),
        ("how many days after my marathon before I do the hops again?", "after-race"),
        ("best to do it before the run or after?", "before-or-after-run"),
        ("how do i avoid stress fractures?", "bone-stress"),
        ("can I do both in one day this week", "both-in-one-day"),
        ("could I just do two sessions on sunday?", "both-in-one-day"),
        ("does swimming count as training?", "cycling-cross-training"),
        ("is the gym any good instead of the hip work", "cycling-cross-training"),
        ("does a bike ride count instead?", "cycling-cross-training"),
        ("I'm sat at a computer all day, will that affect my hips?", "desk-job"),
        ("do i need to eat before?", "eat-before"),
        ("should I have something to eat before the hops?", "eat-before"),
        ("do i need to buy a band", "equipment"),
        ("do I need any kit for this?", "equipment"),
        ("is it ok doing it at 10pm", "evening"),
        ("is it a problem doing it really late at night?", "evening"),
        ("the copenhagen plank is painful, should I stop?", "exercise-hurts"),
        ("club does hill sprints thursdays, can I do the session that day too?", "hill-day"),
        ("on a work trip, can i do it in my hotel room?", "hotel-travel"),
        ("in a hotel all next week, can I keep it up?", "hotel-travel"),
        ("how many times a week should i be doing this", "how-often"),
        ("is three times a week too much?", "how-often"),
        ("got a stinking cold, should i train?", "illness"),
        ("I've got a stinking cold, should I skip the session?", "illness"),
        ("my kids keep jumping on me mid workout any tips", "interruptions"),
        ("my toddler keeps climbing on me when I stretch, any tips?", "interruptions"),
        ("is it normal to leak on the hops", "leaking"),
        ("is weeing a little during the hops normal?", "leaking"),
        ("missed tuesdays, should i do two today", "missed-session"),
        ("havent done anything for about 10 days, what now?", "missed-week"),
        ("live in a tiny flat, nowhere to hop", "no-space-to-jump"),
        ("no room in my flat for jumping, what do I do?", "no-space-to-jump"),
        ("im 63, is this ok for me?", "over-50"),
        ("I'm 71, is this safe for me?", "over-50"),
        ("tore my calf last year, all healed, is the plan ok?", "past-injury"),
        ("I had a knee op a few years back, is the plan ok?", "past-injury"),
        ("im pregnant, can i still do the jumps?", "pregnancy"),
        ("I've just found out I'm expecting, is jumping ok?", "pregnancy"),
        ("do i need a rest day between?", "rest-days"),
        ("do I need a day off between the jump sessions?", "rest-days"),
        ("when will i see a difference", "results"),
        ("how many weeks until I notice I'm faster?", "results"),
        ("will this help my running form?", "running-form"),
        ("can this help me stop overstriding?", "running-form"),
        ("going for a run tonight too, is that ok?", "same-day-run"),
        ("how long does each session take", "session-length"),
        ("how long will a session take me?", "session-length"),
        ("barefoot ok for the hops?", "shoes-for-jumps"),
        ("do I need proper trainers for the hopping?", "shoes-for-jumps"),
        ("how long do i hold the stretches for", "stretch-hold"),
        ("how long should each stretch last?", "stretch-hold"),
        ("can i do the hops on my patio", "surface-for-jumps"),
        ("is carpet ok for jumping on", "surface-for-jumps"),
        ("is my kitchen floor ok for the hops or should I go outside?", "surface-for-jumps"),
        ("is a spin class any good instead", "swap-class"),
        ("is a hiit class at the gym ok instead of the strength one?", "swap-class"),
        ("is it ok to swap tomorrows with todays?", "swap-days"),
        ("can I move today's session to tomorrow and do tomorrow's today?", "swap-days"),
        ("can i do yoga instead of todays stretching", "swap-yoga"),
        ("fancy a yoga class instead this morning, ok?", "swap-yoga"),
        ("marathon on sunday, should i still do the jumps this week", "taper"),
        ("legs feel battered from the weekend long run, do I skip", "tired-legs"),
        ("legs are knackered from yesterday, should I still do it?", "tired-legs"),
        ("this is way too easy", "too-easy"),
        ("the strength stuff is dead easy now, can you make it harder?", "too-easy"),
        ("finding it far too hard", "too-hard"),
        ("is the dreadmill ok for easy runs", "treadmill"),
        ("treadmill runs ok while it's icy out?", "treadmill"),
        ("do i really need the warm up", "warm-up"),
        ("can I skip the warm up drills before the hops?", "warm-up"),
        ("still a bit sore from tuesday, do i still do it?", "while-sore"),
        ("bit of doms in my quads, still ok to train?", "while-sore"),
        ("why the focus on hips", "why-hips"),
    ],
)
def test_a_phone_wording_finds_its_question(faq: Faq, text: str, entry_id: str) -> None:
    assert _asked(faq, text) == entry_id


@pytest.mark.parametrize(
    "text",
    [
        "done 6/10",
        "hamstring sore 4/10",
        "remind me at 7",
        "what's tomorrow",
        "done, 5",
        "did it 3/10 easy",
        "calves tight 3",
        "skipped today",
        "missed yesterday",
        "left knee 4",
        "pause till the 20th",
        "i'm in london now",
        "race on 12 june",
        "what's on today",
        "show me my progress",
        "how am i doing",
        "done! legs tired",
        "did the session, tough one",
        "hips tight 2/10",
        "back from holiday",
        "legs feel fine",
        "remind me at 6:30pm",
        "what's on saturday",
        "when do the jumps start",
        "done yesterday's, 4/10",
        "long run today, 18k",
        "hill reps done",
        "swam 2k today",
        "went to the gym",
        "on holiday till sunday",
        "knackered today",
        "had a great run",
        "my dog is called Max",
        "carpet cleaner coming today",
        "did both sessions today",
        "legs dead",
        "what's the plan this week",
        "whats on tomorrow",
        "can you move my reminder to 8pm",
        "i'm in new york this week",
        "pause for a week",
        "did it on the patio, 5/10",
        "done in the hotel room, 6",
        "calf sore 3 after hills",
        "skipped, had a cold",
        "thanks coach",
        "hi",
        "what's on thursday",
        "when's my next jump day",
        "what phase am i in",
        "change my reminder to 8",
        "i'm in sydney now",
        "pause me until monday",
        "done 6/10 on the patio",
        "swam this morning",
        "did hill reps, 7/10",
        "legs knackered 3/10",
        "done, legs dead 5/10",
        "did both, 6 and 7",
        "programme for today?",
        "what's on for tonight?",
        "today's drills?",
        "how does this work?",
        "did you catch the match last night?",
        "what's the plan for today coach",
        "remind me at 7 tomorrow",
        "back at work tomorrow",
        "going for a run later",
        "off to the gym",
        "on a work trip till friday",
        "hotel wifi is awful",
        "the dog is barking lol",
        "calves sore 2, hamstring tight 3",
        "am I improving at all?",
    ],
)
def test_logs_reports_settings_and_plan_questions_get_no_answer(faq: Faq, text: str) -> None:
    assert _asked(faq, text) is None


@pytest.mark.parametrize(
    ("text", "topic"), [("done, too easy 2/10", "too-easy"), ("done 9/10 way too hard", "too-hard")]
)
def test_a_log_said_too_easy_or_too_hard_gets_that_answer_beside_it(text: str, topic: str) -> None:
    # session twelve: the log stays, and the answer says how ratings change the plan
    found, parts = load_content().faq.asked(
        understand(text, TODAY), understand_all(text, TODAY), text
    )
    assert found is not None
    assert found.id == topic
    assert [p.kind for p in parts] == [IntentKind.DONE]
