"""The fuzz run's checks catch what they are for (a check that never fires proves nothing)."""

from __future__ import annotations

from datetime import date

from bot.core.planner import Planner
from bot.core.records import Completion
from bot.core.vocabulary import Category
from bot.presentation.callbacks import Action, encode
from bot.service.messages import Button, Command, Document, Reply, Text
from bot.storage import records
from tests.fuzz import invariants
from tests.fuzz.known_bugs import UNFIXED, classify
from tests.fuzz.run import Fuzz
from tests.storage.conftest import Database

DONE = encode(Action.DONE, date(2026, 12, 1), "mobility_a")


def test_replies_within_telegram_limits_pass() -> None:
    long = "<b>Today</b>\n\n" + "hip circles &amp; lunges\n" * 400
    assert invariants.reply_problems(Reply(text=long, keyboard=(((("Done", DONE),),)))) == []


def test_broken_html_unreadable_buttons_and_wide_rows_are_found() -> None:
    assert invariants.reply_problems(Reply(text="<b>bold"))
    assert invariants.reply_problems(Reply(text="Tom & Jerry"))
    assert invariants.reply_problems(Reply(text="<div>x</div>"))
    assert invariants.reply_problems(Reply(text="ok", keyboard=((("x", "v1|dn|" + "9" * 70),),)))
    assert invariants.reply_problems(Reply(text="ok", keyboard=((("x", "forged"),),)))
    assert invariants.reply_problems(Reply(text="ok", keyboard=(((" ", DONE),),)))
    assert invariants.reply_problems(Reply(text="ok", keyboard=((("x", DONE),) * 9,)))
    document = Document("a.json", b"{}", caption="Tom & Jerry")
    assert invariants.reply_problems(Reply(document=document))


def test_silence_counts_as_no_answer() -> None:
    assert not invariants.answered(Text("done"), [])
    assert not invariants.answered(Text("done"), [Reply(text="  ")])
    assert not invariants.answered(Button(DONE), [Reply()])
    assert invariants.answered(Button(DONE), [Reply(toast="Saved")])
    assert invariants.answered(Command("export"), [Reply(document=Document("a", b"{}"))])


def test_another_runners_tag_is_a_leak_and_ones_own_is_not() -> None:
    tags = {1: "qx0aaaaaak", 2: "qx1bbbbbbk"}
    shown = invariants.words_of([Reply(text="Hi Ana qx0aaaaaak", toast="qx1bbbbbbk")])
    assert invariants.leaks(1, shown, tags) == ["runner 2's data (qx1bbbbbbk) shown to runner 1"]
    assert invariants.leaks(2, "nothing", tags) == []


def test_an_export_about_someone_else_is_found() -> None:
    export = Document("hipcoach-export.json", b'{"user": {"telegram_id": 7}}')
    assert invariants.export_problems(8, [Reply(document=export)])
    assert invariants.export_problems(7, [Reply(document=export)]) == []


async def test_a_stale_cache_is_found_and_a_day_is_logged_once(
    database: Database, planner: Planner
) -> None:
    fuzz = Fuzz(0, database.sessions, planner, database.dialect, tolerate=UNFIXED)
    memo = fuzz.coach.history._completions
    for number in range(100):  # until the cache holds a current entry
        await fuzz.step(number)
        async with database.sessions() as session:
            problems, compared = await invariants.cache_mismatches(session, fuzz.coach)
        assert problems == []
        if compared:
            break
    assert compared
    async with database.sessions() as session:
        for runner_id, (key, _) in list(memo._values.items()):
            memo._values[runner_id] = (key, (Completion(key[1], Category.MOBILITY, "made_up"),))
        problems, _ = await invariants.cache_mismatches(session, fuzz.coach)
        assert problems, "a cache entry unlike the database must be reported"
    async with database.sessions() as session, session.begin():
        for session_id in ("mobility_a", "strength_b"):
            done = Completion(date(2026, 12, 1), Category.MOBILITY, session_id)
            await records.log_completion(session, runner_id, done, fuzz.clock())
    async with database.sessions() as session:  # the second log replaced the first
        assert await invariants.days_logged_twice(session) == set()


def test_known_findings_are_told_apart_from_new_ones() -> None:
    def raised(error: Exception) -> Exception:
        try:
            raise error
        except Exception as caught:
            return caught

    assert classify(raised(AssertionError()), "sqlite") is None
    assert classify(raised(RuntimeError("invalid byte sequence")), "sqlite") is None
    assert classify(raised(RuntimeError("invalid byte sequence")), "postgresql") is not None
