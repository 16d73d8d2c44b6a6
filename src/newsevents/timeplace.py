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
    by_sentence: dict[int, SpacySpan] = {}
    for e in events:
        sent = by_sentence.get(e.sentence.start)
        if sent is None:
            span = doc.char_span(e.sentence.start, e.sentence.end, alignment_mode="expand")
            if span is None:
                e.date = e.date or document.date
                continue
            sent = by_sentence[e.sentence.start] = span
        trigger = _token_at(sent, e.trigger.start)
        future = e.modality == "future"
        e.date = e.date or _event_date(sent, trigger, document.date, future) or document.date
        e.location = e.location or _event_place(sent, trigger, e)


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


def _event_date(sent: SpacySpan, trigger: Token, base: str | None, future: bool) -> str | None:
    if not base:
        return None
    dates = [e for e in sent.ents if e.label_ == "DATE"]
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


def _parse(text: str, base: str, future: bool) -> str | None:
    import dateparser  # slow to import: only once a date needs it

    day = dt.datetime.fromisoformat(base)
    text = re.sub(r"^(in|on|at|by|from|of|early|late|mid-?)\s+", "", text)
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


def _event_place(sent: SpacySpan, trigger: Token, event: Event) -> str | None:
    """The first place in the trigger's clause introduced by "in", "at", "near" ..."""
    taken = {(a.start, a.end) for a in event.actor + event.recipient}
    for ent in sent.ents:
        if ent.label_ not in _PLACE_ENTS or (ent.start_char, ent.end_char) in taken:
            continue
        prep = ent.root.head
        if ent.root.dep_ == "pobj" and prep.lower_ in _PLACE_PREPS and _attached(ent, trigger):
            return ent.text
    return None
