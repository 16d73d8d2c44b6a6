"""Time and place of events, from the sentence's date and place expressions.

An event's date comes from the time expression attached to its clause ("in June", "next
week", "last weekend", "on Tuesday"), read relative to the document date, else from the
document date. Its location is the place the clause puts it "in" or "at".
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from .records import Document, Event

_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "from"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKEND = re.compile(r"\b(last|this|next|the)\s+weekend\b")
_LAST_MONTH = re.compile(r"\b(last|next)\s+(january|february|march|april|may|june|july|august|september|"
                         r"october|november|december)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_DURATION = re.compile(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
                       r"(day|week|month|year|hour)s?")
_SPEECH = {"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "quote"}


def resolve(events: list[Event], document: Document, doc: Doc) -> None:
    """Fill each event's `date` (ISO, else the document date) and `location` (place name or None)."""
    if not events:
        return
    # Per document, once: the entities of each sentence that has events (Span.ents walks the
    # whole document's entities on every call), and dates per (sentence, trigger, tense).
    doc_ents = list(doc.ents)
    by_sentence: dict[int, tuple[SpacySpan, list[SpacySpan]]] = {}
    dates: dict[tuple[int, int, bool], str | None] = {}
    for e in events:
        found = by_sentence.get(e.sentence.start)
        if found is None:
            span = doc.char_span(e.sentence.start, e.sentence.end, alignment_mode="expand")
            if span is None:
                e.date = e.date or document.date
                continue
            found = by_sentence[e.sentence.start] = (
                span, [x for x in doc_ents if x.start >= span.start and x.end <= span.end])
        sent, ents = found
        if not ents:  # no time or place expression: the document date, no location
            e.date = e.date or document.date
            continue
        trigger = _token_at(sent, e.trigger.start)
        future = e.modality == "future"
        if not e.date:
            key = (e.sentence.start, trigger.i, future)
            if key not in dates:
                dates[key] = _event_date(ents, trigger, document.date, future)
            e.date = dates[key] or document.date
        e.location = e.location or _event_place(ents, trigger, e)


def _token_at(sent: SpacySpan, offset: int) -> Token:
    return next((t for t in sent if t.idx <= offset < t.idx + len(t) or t.idx >= offset), sent.root)


def _attached(ent: SpacySpan, trigger: Token) -> bool:
    """Whether the expression hangs under the trigger's clause, not under a verb of saying."""
    tok = ent.root
    for _ in range(12):
        if tok.i == trigger.i:
            return True
        if tok.head.i == tok.i or (tok.head.lemma_.lower() in _SPEECH and tok.head.i != trigger.i):
            return False
        tok = tok.head
    return False


def _event_date(ents: list[SpacySpan], trigger: Token, base: str | None, future: bool) -> str | None:
    if not base:
        return None
    dates = [e for e in ents if e.label_ == "DATE"]
    attached = [e for e in dates if _attached(e, trigger)] or [e for e in dates if not _under_speech(e)]
    for ent in attached:
        found = date_of(ent.text, base, future)
        if found:
            return found
    return None


def _under_speech(ent: SpacySpan) -> bool:
    """ "..., officials said on Saturday": the date of the saying, not of the event."""
    head = ent.root.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in _SPEECH


@lru_cache(maxsize=4096)
def date_of(expression: str, base: str, future: bool = False) -> str | None:
    """An ISO date for a time expression read on day `base` ("next week" → base + 7 days).

    Weekdays and bare months look back from `base`, or forward when the event is `future`.
    Returns None for expressions that are not a point in time ("for two years").
    """
    day = dt.date.fromisoformat(base)
    text = expression.lower().strip()
    if re.search(r"\b(for|over|during|within|since|until)\b", text) or _DURATION.fullmatch(text):
        return None
    m = _WEEKEND.search(text)
    if m:
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
        return (saturday + dt.timedelta(days=7) if m[1] in ("next",) or (m[1] != "last" and future)
                else saturday).isoformat()
    m = _LAST_MONTH.search(text)
    if m:
        month = _MONTHS.index(m[2]) + 1
        year = day.year - (month >= day.month) if m[1] == "last" else day.year + (month <= day.month)
        return dt.date(year, month, 1).isoformat()
    for n, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            delta = (n - day.weekday()) % 7
            if future or text.startswith("next"):
                return (day + dt.timedelta(days=delta or 7)).isoformat()
            return (day - dt.timedelta(days=(day.weekday() - n) % 7)).isoformat()
    return _parse(text, base, future)


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_TODAY = {"today", "tonight", "this morning", "this afternoon", "this evening"}
_RELATIVE = re.compile(r"(last|this|next) (week|month|year)")
_AGO = re.compile(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week)s? ago")
_MONTH_RE = "(" + "|".join(_MONTHS) + ")"
_MONTH_DAY = re.compile(rf"{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_RE}(?:,? (\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"{_MONTH_RE}(?:,? (\d{{4}}))?")


_ANCHORED = re.compile(r"\d|\bago\b|\b(last|next|this|yesterday|today|tomorrow)\b|\b(" + "|".join(_MONTHS) + r")\b")
_VAGUE = re.compile(r"\b(coming|end|decades?|century|centuries|annual|more than|almost|or)\b|\d0s\b")


def _fast(text: str, day: dt.date, future: bool) -> str | None:
    """The common wire expressions read without dateparser, as dateparser reads them with the
    settings of `_parse` (days of a month first, the past unless the event is future)."""
    if text in _TODAY:
        return day.isoformat()
    if text in ("yesterday", "tomorrow"):
        return (day + dt.timedelta(days=1 if text == "tomorrow" else -1)).isoformat()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-01-01" if text != str(day.year) else day.isoformat()
    m = _RELATIVE.fullmatch(text)
    if m:
        step = {"last": -1, "this": 0, "next": 1}[m[1]]
        if m[2] == "week":
            return (day + dt.timedelta(days=7 * step)).isoformat()
        if m[2] == "year":
            return dt.date(day.year + step, day.month, 1).isoformat()
        month = day.month + step
        return dt.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1).isoformat()
    m = _AGO.fullmatch(text)
    if m:
        n = _NUMBERS.get(m[1]) or int(m[1])
        return (day - dt.timedelta(days=n * (7 if m[2] == "week" else 1))).isoformat()
    m = _MONTH_DAY.fullmatch(text) or _DAY_MONTH.fullmatch(text)
    if m:
        month_name, number = (m[1], m[2]) if m[1] in _MONTHS else (m[2], m[1])
        month, dom = _MONTHS.index(month_name) + 1, int(number)
        try:
            if m[3]:
                return dt.date(int(m[3]), month, dom).isoformat()
            found = dt.date(day.year, month, dom)
        except ValueError:
            return None
        if not future and found > day:
            found = found.replace(year=day.year - 1) if not (month == 2 and dom == 29) else None
        elif future and found < day:
            found = found.replace(year=day.year + 1) if not (month == 2 and dom == 29) else None
        return found.isoformat() if found else None
    m = _MONTH_YEAR.fullmatch(text)
    if m:
        month = _MONTHS.index(m[1]) + 1
        if m[2]:
            return dt.date(int(m[2]), month, 1).isoformat()
        if future:
            return dt.date(day.year + (month <= day.month), month, 1).isoformat()
        return dt.date(day.year - (month > day.month), month, 1).isoformat()
    return None


def _parse(text: str, base: str, future: bool) -> str | None:
    text = re.sub(r"^(in|on|at|by|from|of|early|late|mid-?)\s+", "", text)
    text = re.sub(r"'s$", "", re.sub(r"\s+", " ", text.strip()))  # "next year's"
    fast = _fast(text, dt.date.fromisoformat(base), future)
    if fast is not None:
        return fast
    if not _ANCHORED.search(text) or _VAGUE.search(text):
        return None  # "the coming weeks", "months", "the 1970s": no point in time to parse
    import dateparser  # slow to import and to run: only for the uncommon expressions

    day = dt.datetime.fromisoformat(base)
    settings = {"RELATIVE_BASE": day, "PREFER_DATES_FROM": "future" if future else "past",
                "PREFER_DAY_OF_MONTH": "first"}
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-01-01" if text != str(day.year) else base
    return found.date().isoformat()


def _event_place(ents: list[SpacySpan], trigger: Token, event: Event) -> str | None:
    """The first place in the trigger's clause introduced by "in", "at", "near" ..."""
    taken = {(a.start, a.end) for a in event.actor + event.recipient}
    for ent in ents:
        if ent.label_ not in _PLACE_ENTS or (ent.start_char, ent.end_char) in taken:
            continue
        prep = ent.root.head
        if ent.root.dep_ == "pobj" and prep.lower_ in _PLACE_PREPS and _attached(ent, trigger):
            return ent.text
    return None
