"""Typo correction leaves common English words alone ("read" is not "ready", "class" not
"clams") and still mends real typos and dropped apostrophes ("tigth", "bums")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.understanding.fuzzy import COMMON_ENGLISH, correct
from bot.core.understanding.lexicon import KNOWN


@pytest.mark.parametrize(
    "word", ["read", "sign", "class", "cram", "deal", "house", "stairs", "flight", "lose"]
)
def test_a_common_word_is_kept(word: str) -> None:
    assert correct(word) == word


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("tigth", "tight"), ("soer", "sore"), ("sesion", "session"), ("bums", "bum")],
)
def test_a_typo_is_still_mended(typo: str, meant: str) -> None:
    assert correct(typo) == meant


@given(st.sampled_from(sorted(COMMON_ENGLISH)))
def test_no_common_word_becomes_another_unless_an_s_was_added(word: str) -> None:
    fixed = correct(word)
    assert fixed == word or (word.endswith("s") and word[:-1] in KNOWN)
