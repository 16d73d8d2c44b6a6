"""Clean: drop scraped page chrome, keep every real sentence and subheading.

The cleaned `text` is made only of input characters (whole kept lines, with a paragraph
break where lines were removed), and `source_map` maps it back to the input. Quotation
marks and odd spaces are normalised in `match_text` only, which has the same length.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Article, Document, Span
from .resources import read_lines

_TERMINAL = ".!?:;"
_CLOSERS = "\"'”’»)]*"
_MAX_SHORT_WORDS = 8  # a line this short without end punctuation is chrome at the tail
_MAX_HEADING_WORDS = 12
_MIN_SENTENCE_WORDS = 9  # a line ending like a sentence and this long is article text

# One character for one character, so offsets in match_text are offsets in text.
_NORMALISE = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": "'", "›": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\t": " ",
})


@lru_cache(maxsize=1)
def _chrome_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("clean/chrome.txt")), re.IGNORECASE)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {name.lower(): name for name in read_lines("clean/outlets.txt")}


def normalise(text: str) -> str:
    """Straight quotes and plain spaces, same length as `text`."""
    return text.translate(_NORMALISE)


def is_sentence(line: str) -> bool:
    """Does the line end like a sentence (closing quotes and brackets aside)?"""
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL


def is_chrome(line: str, chrome: re.Pattern[str], outlets: dict[str, str]) -> bool:
    """A line of page furniture: an outlet name, or a chrome pattern on a line that is no real sentence."""
    if line.lower() in outlets:
        return True
    if not chrome.fullmatch(line):
        return False
    long_sentence = is_sentence(line) and len(line.split()) >= _MIN_SENTENCE_WORDS
    return not long_sentence or "cookie" in line.lower()


def clean(article: Article) -> Document:
    """Turn an ingested article into a clean document."""
    body = article.body
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", body) if m.group().strip()]
    chrome = _chrome_pattern()
    outlets = _outlets()
    keep = [not is_chrome(body[s:e].strip(), chrome, outlets) for s, e in lines]
    # The tail of a scraped page: short lines that are not sentences are chrome too, once
    # the article has had a sentence (a lone headline-like line is the article itself).
    def real(i: int) -> bool:
        line = body[lines[i][0]:lines[i][1]].strip()
        return keep[i] and (is_sentence(line) or len(line.split()) > _MAX_SHORT_WORDS)

    last = next((i for i in range(len(lines) - 1, -1, -1) if real(i)), None)
    if last is not None:
        for i in range(last + 1, len(lines)):
            keep[i] = False
    outlet = article.outlet
    removed = []
    for (s, e), kept in zip(lines, keep):
        if not kept:
            line = body[s:e].strip()
            removed.append(Span(s, e, line))
            if outlet is None and line.lower() in outlets:
                outlet = outlets[line.lower()]
    text, runs = _join_kept(body, lines, keep)
    offset = article.body_offset
    source_map = [(t, offset + s, n) for t, s, n in runs] if offset is not None else []
    return Document(
        id=article.id, source=article.source, text=text, match_text=_match_text(text),
        title=article.title.strip() if article.title else None, date=article.date, url=article.url,
        outlet=outlet, meta=article.meta, content_hash=article.content_hash,
        headings=_headings(text), removed=removed, source_map=source_map,
    )


def _join_kept(body: str, lines: list[tuple[int, int]], keep: list[bool]) -> tuple[str, list[tuple[int, int, int]]]:
    """Kept lines as text: runs of adjacent kept lines are copied whole, gaps become a paragraph break."""
    runs: list[list[int]] = []
    previous_kept = False
    for (s, e), kept in zip(lines, keep):
        if kept and previous_kept:
            runs[-1][1] = e
        elif kept:
            runs.append([s, e])
        previous_kept = kept
    parts, mapping, pos = [], [], 0
    for s, e in runs:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(body[s:e])
        mapping.append((pos, s, e - s))
        pos += e - s
    return "".join(parts), mapping


_WRAPPED = re.compile(r"(?<=[^\s.!?:;\"'])[ \t]*\n(?=[ \t]*[a-z(])")


# A wire dateline opening a paragraph: "KABUL (Reuters) - ", "BEIJING, March 3 (Xinhua) -- ",
# "NAIROBI, Kenya — ". Its city and agency would otherwise be read as the sentence's subject.
_PLACE_TAIL = r"(?:,[ \t]+[A-Z][\w.']*(?:[ \t]+[\w.']+){0,3})"  # ", Kenya", ", March 3"
_AGENCY = r"(?:[ \t]*\([A-Za-z][\w .&-]{0,30}\))"  # " (Reuters)"
_DATELINE = re.compile(rf"^[ \t]*[A-Z][A-Z.'/\- ]*[A-Z](?:{_PLACE_TAIL}+{_AGENCY}?|{_AGENCY})"
                       r"[ \t]*(?:--|[-\u2013\u2014])[ \t]+(?=[A-Z\"'])", re.MULTILINE)


def _match_text(text: str) -> str:
    """Normalised text for the NLP stages: a hard-wrapped line joins the next with a space, and
    a wire dateline is blanked (same length, so offsets still point into `text`)."""
    norm = normalise(text)
    norm = _DATELINE.sub(lambda m: " " * len(m.group()), norm)
    return _WRAPPED.sub(lambda m: " " * len(m.group()), norm)


def _headings(text: str) -> list[Span]:
    """Subheadings: short lines inside the article that do not end like a sentence."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if m.end() < len(text) and not is_sentence(line) and len(line.split()) <= _MAX_HEADING_WORDS:
            out.append(Span(m.start(), m.end(), line))
    return out
