"""Quotes (thin first version)."""
from __future__ import annotations

from spacy.tokens import Doc

from .records import Actor, Document, Quote


def find_quotes(document: Document, doc: Doc, actors: list[Actor]) -> list[Quote]:
    return []
