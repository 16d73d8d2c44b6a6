"""Typed records passed between pipeline stages.

Every record that reports something found in a text keeps its evidence as `Span`s:
character offsets into the document's cleaned `text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Problem:
    """An input that could not be used, reported instead of stopping the batch."""

    source: str
    message: str
    line: int | None = None
    level: str = "error"  # or "warning": the record was still analysed

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{self.level}: {where}: {self.message}"


@dataclass(slots=True)
class Article:
    """One article as read from the input, before cleaning."""

    id: str
    source: str  # file path (and line for JSONL/CSV) it came from
    body: str  # the article text exactly as in the input
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    body_offset: int | None = None  # where `body` starts in the input file, when it is a slice of it
    content_hash: str = ""


@dataclass(slots=True)
class Document:
    """An article after cleaning: `text` holds only input characters, chrome removed."""

    id: str
    source: str
    text: str
    match_text: str  # same length as `text`, quotes and spaces normalised: for matching only
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None
    meta: dict[str, Any]
    content_hash: str
    headings: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)  # chrome lines, offsets into the body
    # (text_start, source_start, length) runs: text[t:t+n] == input[s:s+n]
    source_map: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    """A canonical actor of one document, with every mention that refers to it."""

    id: str  # stable inside the document: "a1", "a2", ...
    name: str
    code: str | None  # CAMEO-style: country + sector, e.g. USAGOV, IGOUNOIAE
    country: str | None
    sector: str | None
    kind: str  # person, organisation, country, group
    organisation: str | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class EventActor:
    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    actor_id: str | None


@dataclass(slots=True)
class Quote:
    content: Span
    kind: str  # direct, indirect, mixed
    speaker: Span | None = None
    speaker_actor: str | None = None  # Actor.id
    cue: Span | None = None
    id: str = ""


@dataclass(slots=True)
class Event:
    event: str  # PLOVER type
    cameo: str
    actor: list[EventActor]
    recipient: list[EventActor]
    sentence: Span
    trigger: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad: int | None = None
    goldstein: float | None = None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted, future, hypothetical, reported
    source_of_claim: EventActor | None = None
    confidence: float = 0.5
    explain: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass(slots=True)
class Analysis:
    """Everything found in one document: the unit that is output and stored."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = self.document
        out: dict[str, Any] = {
            "id": d.id, "title": d.title, "date": d.date, "outlet": d.outlet, "url": d.url,
            "text": d.text, "source": d.source, "content_hash": d.content_hash,
            "headings": plain(d.headings),
            "meta": d.meta,
            "actors": plain(self.actors),
            "quotes": [quote_dict(q) for q in self.quotes],
            "events": plain(self.events),
        }
        return out


def quote_dict(q: Quote) -> dict[str, Any]:
    """A quote in the output contract: the speaker span carries its actor id."""
    speaker = plain(q.speaker) if q.speaker else {"text": None, "start": None, "end": None}
    speaker["actor"] = q.speaker_actor
    return {"id": q.id, "speaker": speaker, "content": plain(q.content),
            "cue": plain(q.cue) if q.cue else None, "kind": q.kind}


def plain(value: Any) -> Any:
    """Records as plain dicts and lists for JSON, fields in order.

    Unlike dataclasses' asdict this makes no deep copies (it is on every document's path):
    the result shares the records' dicts, so treat it as read-only.
    """
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
