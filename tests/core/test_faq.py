"""The FAQ: the shipped questions, the matcher on phrasings of our own, and its checks.

The messages below are written for these tests, not copied from ``content/faq.yaml``: a
matcher that only found its own phrasings would be no use.
"""

from __future__ import annotations

import copy
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.content import ContentError, load_content
from bot.core.faq import (
    MAX_ANSWER,
    MIN_ENTRIES,
    MIN_PHRASINGS,
    Faq,
    eligible,
    is_question,
    normalise,
    parse_faq,
)
from bot.core.understanding import understand

REPO = Path(__file__).resolve().parents[2]
FAQ_FILE = REPO / "content" / "faq.yaml"
TODAY = date(2026, 3, 4)
FACTS_SILENT = ("dietitian", "coach", "physio", "doctor", "midwife")


@pytest.fixture(scope="module")
def faq() -> Faq:
    return load_content(REPO / "content").faq


def answer(faq: Faq, text: str) -> str | None:
    found = faq.answer(understand(text, TODAY), text)
    return found.id if found else None


def test_the_shipped_faq_has_enough_questions_with_several_phrasings(faq: Faq) -> None:
    assert len(faq.entries) >= MIN_ENTRIES
    assert all(len(entry.phrasings) >= MIN_PHRASINGS for entry in faq.entries)
    assert all(len(entry.answer) <= MAX_ANSWER for entry in faq.entries)


def test_the_topics_the_issue_names_are_covered(faq: Faq) -> None:
    wanted = {
        "after-long-run",
        "treadmill",
        "hill-day",
        "swap-yoga",
        "swap-class",
        "missed-week",
        "exercise-hurts",
        "too-easy",
        "eat-before",
        "same-day-run",
        "evening",
        "no-space-to-jump",
        "shoes-for-jumps",
        "surface-for-jumps",
        "while-sore",
        "taper",
        "interruptions",
        "both-in-one-day",
        "over-50",
    }
    assert wanted <= {entry.id for entry in faq.entries}


def test_where_the_facts_are_silent_the_answer_says_so_and_refers(faq: Faq) -> None:
    for entry_id in ("eat-before", "over-50", "treadmill", "evening"):
        text = faq.by_id(entry_id).answer.lower()
        assert any(who in text for who in FACTS_SILENT) or "nothing i know" in text, entry_id
    assert "dietitian" in faq.by_id("eat-before").answer


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("is it alright to do the hip stuff after my long run?", "after-long-run"),
        ("treadmill runs, are they ok?", "treadmill"),
        ("got hill reps today, can i still do it after?", "hill-day"),
        ("could I just do yoga instead today", "swap-yoga"),
        ("does a pilates class count?", "swap-class"),
        ("I've missed a whole week, what do I do now?", "missed-week"),
        ("missed monday, should i do 2 tomorrow?", "missed-session"),
        ("can i do two sessions on the same day?", "both-in-one-day"),
        ("the clamshells are painful, should I push through?", "exercise-hurts"),
        ("honestly too easy", "too-easy"),
        ("what should i eat beforehand?", "eat-before"),
        ("can I do it on the same day as a run?", "same-day-run"),
        ("is doing it in the evening ok?", "evening"),
        ("is concrete ok for jumping?", "surface-for-jumps"),
        ("my toddler keeps interrupting", "interruptions"),
        ("how long to hold stretches?", "stretch-hold"),
        ("should i do it during the taper?", "taper"),
        ("how many times a week should I do this?", "how-often"),
        ("can I do both today?", "both-in-one-day"),
        ("can I swap today's session for yoga?", "swap-yoga"),
        ("Is running on a treadmil OK?", "treadmill"),
    ],
)
def test_runners_own_wording_finds_the_question(faq: Faq, text: str, entry_id: str) -> None:
    assert answer(faq, text) == entry_id


@pytest.mark.parametrize(
    "text",
    [
        # commands and requests the coach's commands answer
        "what's today's session?",
        "whats on today",
        "what's the plan for this week?",
        "how am I doing?",
        "can you send me the session?",
        # near misses: statements that share words with a question
        "my long run was great",
        "I love running",
        "bought new shoes",
        "ran 10k today",
        "is it going to rain?",
        "what time is it?",
        # logs, reports and settings keep their own path
        "done, felt easy",
        "left calf sore 4/10",
        "remind me at 7am",
        "race is on 10 May",
        "pause until friday",
        "skipped today",
    ],
)
def test_requests_and_near_misses_are_not_taken_as_questions(faq: Faq, text: str) -> None:
    assert answer(faq, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "can I still do the jumps with numbness down my leg?",
        "should I keep hopping with a stress fracture?",
        "deep groin pain when I hop, can I do the session after my long run?",
        "is it ok to train through sharp pain in my shin?",
    ],
)
def test_a_warning_sign_is_never_answered_from_the_faq(faq: Faq, text: str) -> None:
    intent = understand(text, TODAY)
    assert intent.signs or intent.report is not None
    assert not eligible(intent, text)
    assert faq.answer(intent, text) is None


def test_a_log_with_an_effort_stays_a_log(faq: Faq) -> None:
    # a log said too easy also gets that answer (how easy ratings step the plan up)
    text = "done 6/10 felt too easy"
    assert understand(text, TODAY).effort == 6
    assert answer(faq, text) == "too-easy"
    assert answer(faq, "done 6/10") is None


def test_a_log_with_an_effort_and_a_question_of_its_own_gets_both(faq: Faq) -> None:
    text = "finished it, 7/10. how many seconds should each stretch last?"
    intent = understand(text, TODAY)
    assert intent.kind.value == "done"
    assert intent.effort == 7  # the coach logs it, effort and all, and answers the question
    assert answer(faq, text) == "stretch-hold"


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("does it matter if I miss the odd workout?", "missed-session"),
        ("how soon can i do the hard stuff after my half marathon?", "after-race"),
        ("do hips really matter for speed?", "why-hips"),
        ("i sit at a computer all day, is that bad for my hips?", "desk-job"),
        ("is a concrete driveway ok for hopping?", "surface-for-jumps"),
        ("I'm 58, are plyos ok at my age?", "over-50"),
        ("is it normal to leak a bit when jumping?", "leaking"),
        ("on the road in hotels next week, can I keep it up?", "hotel-travel"),
        ("always tired from high mileage, should i still train?", "tired-legs"),
        ("what exactly is a stress fracture?", "bone-stress"),
        ("which is better, hip work before the run or after?", "before-or-after-run"),
        ("aged 61, are the hops safe for me?", "over-50"),
        ("I'm in my seventies, is this ok for me?", "over-50"),
    ],
)
def test_more_wordings_find_their_question(faq: Faq, text: str, entry_id: str) -> None:
    assert answer(faq, text) == entry_id


@pytest.mark.parametrize(
    "text",
    [
        "which protein bar is best?",
        "what's the weather doing in Cardiff?",
        "did you catch the match last night?",
        "did both sessions, felt about a 5",
    ],
)
def test_a_shared_word_alone_is_no_match(faq: Faq, text: str) -> None:
    assert answer(faq, text) is None


def test_the_overlap_weighs_a_topic_word_above_a_common_one() -> None:
    faq = parse_faq(
        {
            "faq": [
                {
                    "id": "travel",
                    "question": "Can I train in a hotel?",
                    "phrasings": ["train in a hotel", "hotel room workout", "hotel gym run"],
                    "answer": "A hotel room is enough for the mobility and strength days. " * 2,
                },
                {
                    "id": "running",
                    "question": "Can I run more?",
                    "phrasings": ["run more", "run further", "run faster"],
                    "answer": "Running more is a question for your running coach, not for me. " * 2,
                },
            ]
        }
    )
    found = faq.match("staying at hotels, can I still run?")
    assert found is not None
    assert found.id == "travel"


def test_questions_are_told_from_statements() -> None:
    assert is_question("can I run today")
    assert is_question("yoga instead?")
    assert not is_question("kids keep interrupting")
    assert not is_question("ok thanks")
    assert not is_question("did both sessions, both easy")
    assert is_question("did you get my message")


def test_normalising_keeps_the_content_words() -> None:
    assert normalise("Can I do it after my LONG runs?!") == "after long run"
    assert normalise("What's today’s session?") == "today"
    assert normalise("how am I doing") == ""


def test_an_empty_faq_never_matches() -> None:
    assert Faq().match("can I do it after a long run?") is None


# --- the checks `hipcoach content check` runs ----------------------------------------------


def _file() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FAQ_FILE.read_text(encoding="utf-8"))
    return data


def _broken(tmp_path: Path, change: Any) -> str:
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    data = copy.deepcopy(_file())
    change(data)
    (root / "faq.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return str(caught.value)


def test_a_duplicate_id_is_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"].append(copy.deepcopy(data["faq"][0]))

    message = _broken(tmp_path, change)
    assert "faq.yaml" in message
    assert "after-long-run" in message
    assert "twice" in message


def test_too_few_phrasings_are_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"][1]["phrasings"] = data["faq"][1]["phrasings"][:2]

    message = _broken(tmp_path, change)
    assert "treadmill" in message
    assert "phrasings" in message


def test_html_in_an_answer_is_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"][2]["answer"] += " <b>Really.</b>"

    message = _broken(tmp_path, change)
    assert "hill-day" in message
    assert "HTML" in message


def test_an_entity_in_a_phrasing_is_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"][2]["phrasings"].append("hills &amp; jumps")

    assert "HTML" in _broken(tmp_path, change)


def test_a_too_long_or_too_short_answer_is_refused(tmp_path: Path) -> None:
    def long(data: dict[str, Any]) -> None:
        data["faq"][3]["answer"] = "word " * 200

    def short(data: dict[str, Any]) -> None:
        data["faq"][3]["answer"] = "Yes."

    assert "swap-yoga" in _broken(tmp_path / "a", long)
    assert "swap-yoga" in _broken(tmp_path / "b", short)


def test_phrasings_that_say_the_same_words_are_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"][0]["phrasings"].append("Can I do it after my long run?")

    assert "same words" in _broken(tmp_path, change)


def test_an_unknown_field_is_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["faq"][0]["source"] = "somewhere"

    message = _broken(tmp_path, change)
    assert "after-long-run" in message
    assert "source" in message


def test_a_content_folder_without_a_faq_has_none(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    (root / "faq.yaml").unlink()
    assert load_content(root).faq.entries == ()


def test_parse_faq_wants_a_faq_list() -> None:
    with pytest.raises(ValueError, match="faq"):
        parse_faq({"questions": []})


def test_letters_alike_without_a_word_in_common_do_not_match(faq: Faq) -> None:
    assert normalise("what shoes should I wear") == "shoe wear"
    found = faq.match("what shoes should I wear")
    assert found is None or found.id == "shoes-for-jumps"
    assert faq.match("shoe wear?") != faq.by_id("while-sore")


def test_jumping_and_jumps_are_one_word() -> None:
    assert normalise("jumping jumps hopping plyos") == "jump jump jump jump"
    assert normalise("during the evening") == "during evening"


def test_a_done_with_a_question_is_still_a_done(faq: Faq) -> None:
    intent = understand("done! can I run later?", TODAY)
    assert intent.kind.value == "done"
    assert answer(faq, "done! can I run later?") == "same-day-run"  # the coach logs and answers


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("the lunges are too hard, can I make them easier", "too-hard"),
        ("flat is tiny, no space to jump", "no-space-to-jump"),
    ],
)
def test_a_question_in_one_clause_of_a_longer_message(faq: Faq, text: str, entry: str) -> None:
    found = faq.match(text)
    assert found is not None
    assert found.id == entry
