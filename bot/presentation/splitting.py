"""Long texts for Telegram: split HTML at 4096 UTF-16 units, cut captions at 1024.

Cuts fall between paragraphs, lines or words where possible and never inside a tag or an
entity; tags open at a cut are closed before it and opened again after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CAPTION_LIMIT", "MESSAGE_LIMIT", "split_message", "truncate_caption", "utf16_len"]

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


def utf16_len(text: str) -> int:
    """Length as Telegram counts it, in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


_TOKEN = re.compile(
    r"""(?P<tag><(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)"""
    r"""(?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*\s*(?P<void>/?)>)"""
    r"""|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"""
    r"""|(?P<char>.)""",
    re.DOTALL,
)


_PARAGRAPH, _LINE, _SPACE, _ANY, _NEVER = range(5)


@dataclass(frozen=True, slots=True)
class _Atom:
    """An unsplittable piece of HTML: a tag, an entity or one character.

    ``level`` says how good a place the end of this atom is to break (lower is better).
    """

    raw: str
    units: int
    level: int = _NEVER
    opens: str | None = None  # tag name for a start tag
    closes: str | None = None  # tag name for an end tag


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if match.group("tag"):
            name = match.group("name").lower()
            if match.group("void"):
                atoms.append(_Atom(raw, utf16_len(raw)))
            elif match.group("close"):
                atoms.append(_Atom(f"</{name}>", len(name) + 3, closes=name))
            else:
                atoms.append(_Atom(raw, utf16_len(raw), opens=name))
            continue
        level = _ANY
        if raw == "\n":
            level = _PARAGRAPH if atoms and atoms[-1].raw == "\n" else _LINE
        elif raw.isspace():
            level = _SPACE
        elif raw == "<":  # a stray bracket (not valid Telegram HTML): never end on it
            level = _NEVER
        atoms.append(_Atom(raw, utf16_len(raw), level))
    return atoms


_Stack = tuple[tuple[str, str], ...]  # (name, raw start tag), outermost first


def _apply(stack: _Stack, atom: _Atom) -> _Stack:
    if atom.opens is not None:
        return (*stack, (atom.opens, atom.raw))
    if atom.closes is not None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == atom.closes:
                return stack[:depth]
    return stack


def _closing(stack: _Stack) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _reopening(stack: _Stack) -> str:
    return "".join(raw for _, raw in stack)


@dataclass(frozen=True, slots=True)
class _Cut:
    """A place a chunk may end: the atom index after it, the open tags and the size there."""

    at: int
    stack: _Stack
    used: int


def _cut(
    atoms: Sequence[_Atom], start: int, stack: _Stack, limit: int, *, keep_most: bool = False
) -> _Cut:
    """Where the chunk that begins at ``start`` (inside ``stack``) should end.

    Splitting prefers the last paragraph break in the second half, then the last line
    break, space or character; ``keep_most`` (truncating) prefers the last word boundary.
    """
    used = utf16_len(_reopening(stack))
    closing = utf16_len(_closing(stack))
    cuts: dict[int, _Cut] = {}
    at = start
    while at < len(atoms):
        atom = atoms[at]
        after, after_closing = stack, closing
        if atom.opens is not None or atom.closes is not None:
            after = _apply(stack, atom)
            after_closing = utf16_len(_closing(after))
        if used + atom.units + after_closing > limit:
            break
        used, stack, closing, at = used + atom.units, after, after_closing, at + 1
        if atom.level != _NEVER:
            cuts[atom.level] = _Cut(at, stack, used)
    if at == len(atoms):
        return _Cut(at, stack, used)
    paragraph, line, space = cuts.get(_PARAGRAPH), cuts.get(_LINE), cuts.get(_SPACE)
    if keep_most:
        word = max((c for c in (paragraph, line, space) if c), key=lambda c: c.at, default=None)
        anywhere = cuts.get(_ANY)
        choice = word if word and (word.used * 2 >= used or not anywhere) else anywhere
    elif paragraph and paragraph.used * 2 >= used:
        choice = paragraph
    else:
        newline = max((c for c in (paragraph, line) if c), key=lambda c: c.at, default=None)
        choice = newline or space or cuts.get(_ANY)
    if choice is None:
        raise ValueError(f"limit {limit} is too small to split this text")
    return choice


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in chunks of at most ``limit`` UTF-16 units, each well-formed HTML.

    Breaks at paragraphs, then lines, then spaces, never inside a tag or an entity; tags
    open at a break are closed at the end of the chunk and reopened in the next one.
    """
    if utf16_len(text) <= limit:
        return [text] if text else []
    atoms = _atoms(text)
    chunks: list[str] = []
    start, stack = 0, _Stack()
    while start < len(atoms):
        cut = _cut(atoms, start, stack, limit)
        end, after = cut.at, cut.stack
        while end < len(atoms) and after and atoms[end].closes == after[-1][0]:
            after = after[:-1]  # end tags right at the break stay with their text
            end += 1
        body = "".join(atom.raw for atom in atoms[start:end])
        chunks.append(_reopening(stack) + body + _closing(after))
        start, stack = end, after
    return chunks


def truncate_caption(text: str, limit: int = CAPTION_LIMIT) -> str:
    """``text`` cut to ``limit`` UTF-16 units with "…", tags kept balanced."""
    if utf16_len(text) <= limit:
        return text
    atoms = _atoms(text)
    cut = _cut(atoms, 0, (), limit - 1, keep_most=True)
    end, stack = cut.at, cut.stack
    if end == len(atoms):  # it fits once end tags are written plainly
        return "".join(atom.raw for atom in atoms)
    while end > 0 and atoms[end - 1].raw.isspace():
        end -= 1
    body = "".join(atom.raw for atom in atoms[:end])
    return body + "…" + _closing(stack)
