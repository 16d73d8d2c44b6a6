"""Events (thin first version)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Document, Event


def load_lexicon():
    return None


def find_events(document: Document, doc: Doc, actors: list[Actor], lexicon) -> list[Event]:
    return []
