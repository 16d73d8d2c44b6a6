"""Time and place of events (thin first version)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Document, Event


def resolve(events: list[Event], document: Document, doc: Doc) -> None:
    for e in events:
        e.date = e.date or document.date
