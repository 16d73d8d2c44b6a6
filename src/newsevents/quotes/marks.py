"""Quotation marks: the quoted stretches of a text, robust to unbalanced marks.

Works on `match_text` (curly quotes and guillemets already straight), looking at the
original `text` only to tell an opening curly mark from a closing one. A quote never
leaves its paragraph unless the next paragraph reopens it (the newspaper convention
for a quote running over paragraphs), and then for at most `max_paragraphs`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENERS_DOUBLE = "“„«"
_CLOSERS_DOUBLE = "”»"
_OPEN_BEFORE = " \t([{—–-/\"'"  # characters after which a straight mark opens a quote
_SINGLE_ELISIONS = re.compile(r"'(?:n'|s\b|em\b|til\b|tis\b|\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mark:
    """A quoted stretch: `start`/`end` include the marks, `inner` is what they enclose."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    double: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: in cleaned text a line is a paragraph."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def find_marks(match_text: str, text: str, max_paragraphs: int = 5) -> list[Mark]:
    """Every quoted stretch of the text, in order (double quotes, then single quotes outside them)."""
    paras = paragraphs(match_text)
    doubles = _double_marks(match_text, text, paras, max_paragraphs)
    singles = []
    for s, e in paras:
        for gs, ge in _gaps(s, e, doubles):
            singles.extend(_single_marks(match_text, text, gs, ge))
    return sorted(doubles + singles, key=lambda m: m.start)


def _gaps(start: int, end: int, marks: list[Mark]) -> list[tuple[int, int]]:
    """The parts of [start, end) not covered by `marks`."""
    out, pos = [], start
    for m in marks:
        if m.end <= pos or m.start >= end:
            continue
        if m.start > pos:
            out.append((pos, m.start))
        pos = max(pos, m.end)
    if pos < end:
        out.append((pos, end))
    return out


def _looks_closing(t: str, i: int, start: int, end: int) -> bool:
    """A straight mark glued to the word before it and followed by a space or punctuation."""
    before = t[i - 1] if i > start else " "
    after = t[i + 1] if i + 1 < end else " "
    return before not in _OPEN_BEFORE and not after.isalnum()


def _double_marks(t: str, original: str, paras: list[tuple[int, int]], max_paragraphs: int) -> list[Mark]:
    out: list[Mark] = []
    p, i = 0, 0
    while p < len(paras):
        start, end = paras[p]
        i = max(i, start)
        open_at: int | None = None
        while (i := t.find('"', i, end)) >= 0:
            glyph = original[i]
            if open_at is None:
                if glyph in _CLOSERS_DOUBLE or (glyph == '"' and _looks_closing(t, i, start, end)):
                    i += 1  # a stray closing mark: ignore it
                    continue
                open_at = i
            elif glyph in _OPENERS_DOUBLE:
                out.append(_mark(t, open_at, i, closed=False))  # a new quote opens: the last one was unclosed
                open_at = i
            else:
                out.append(_mark(t, open_at, i + 1, closed=True))
                open_at = None
            i += 1
        if open_at is None:
            p += 1
            continue
        mark, p, i = _run_over_paragraphs(t, original, paras, p, open_at, max_paragraphs)
        out.append(mark)
    return out


def _run_over_paragraphs(t: str, original: str, paras: list[tuple[int, int]], p: int, open_at: int,
                         max_paragraphs: int) -> tuple[Mark, int, int]:
    """An unclosed quote, followed while the next paragraphs reopen it.

    Returns the mark, and the paragraph and position where scanning resumes.
    """
    last = p
    while last + 1 < len(paras) and last + 1 - p < max_paragraphs:
        ns, ne = paras[last + 1]
        first = ns + len(t[ns:ne]) - len(t[ns:ne].lstrip())
        if t[first] != '"' or original[first] in _CLOSERS_DOUBLE:
            break
        last += 1
        close = t.find('"', first + 1, ne)
        if close >= 0:
            return _mark(t, open_at, close + 1, closed=True), last, close + 1
    return _mark(t, open_at, paras[last][1], closed=False), last + 1, paras[last][1]


def _single_marks(t: str, original: str, start: int, end: int) -> list[Mark]:
    """Single-quoted stretches between start and end, telling quotes from apostrophes."""
    out: list[Mark] = []
    open_at: int | None = None
    i = start
    while True:
        i = t.find("'", i, end)
        if i < 0:
            break
        before = t[i - 1] if i > start else " "
        after = t[i + 1] if i + 1 < end else " "
        if open_at is None:
            opening = original[i] == "‘" or (before in _OPEN_BEFORE and after.isalnum())
            if opening and not _SINGLE_ELISIONS.match(t, i):
                open_at = i
        elif not before.isspace() and not after.isalnum():
            out.append(_mark(t, open_at, i + 1, closed=True))
            open_at = None
        i += 1
    return out  # an unclosed single mark is an apostrophe or a typo, not a quote


def _mark(t: str, start: int, end: int, closed: bool) -> Mark:
    """A mark with its inner text trimmed of spaces, the closing mark and a trailing comma."""
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    while inner_start < inner_end and t[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (t[inner_end - 1].isspace() or t[inner_end - 1] in ",\""):
        inner_end -= 1
    return Mark(start, end, inner_start, inner_end, closed, t[start] == '"')
