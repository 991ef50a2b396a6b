"""Tokenising: the one-pass reading of an ASCII text gives what the general one gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.understanding.text import tokenise

_WORD_RE = re.compile(r"[^\W_]+")
_BREAK_RE = re.compile(
    "[,.;!?()\n\u2013\u2014\u2600-\u27bf\U0001f300-\U0001faff]|(?<!\\S)--?(?!\\S)"
)  # a dash standing alone is a break


def _general(low: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Words and clauses as the general path reads them: split at breaks, then words."""
    words: list[str] = []
    clauses: list[int] = []
    for clause, piece in enumerate(_BREAK_RE.split(low.replace("'", ""))):
        found = _WORD_RE.findall(piece)
        words += found
        clauses += [clause] * len(found)
    return tuple(words), tuple(clauses)


@settings(max_examples=400)
@given(st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=80))
def test_ascii_tokens_match_the_general_reading(text: str) -> None:
    low = text.lower()
    tokens = tokenise(low)
    assert (tokens.words, tokens.clauses) == _general(low)


def test_breaks_in_a_row_pass_a_clause() -> None:
    tokens = tokenise("done?! calves sore, 3 (left)")
    assert tokens.words == ("done", "calves", "sore", "3", "left")
    assert tokens.clauses == (0, 2, 2, 3, 4)


def test_a_dash_alone_is_a_break() -> None:
    tokens = tokenise("done 7 - can i run after? 6-7am, well-being")
    assert tokens.words == ("done", "7", "can", "i", "run", "after", "6", "7am", "well", "being")
    assert tokens.clauses == (0, 0, 1, 1, 1, 1, 2, 2, 3, 3)
