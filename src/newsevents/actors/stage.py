"""The actor stage (thin first version: named entities become actors)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Document, Span
from .knowledge import Knowledge

_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}


def find_actors(document: Document, doc: Doc, knowledge: Knowledge) -> list[Actor]:
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in _KINDS:
            continue
        name = ent.text
        actor = by_name.get(name)
        if actor is None:
            actor = by_name[name] = Actor(id=f"a{len(by_name) + 1}", name=name, code=None, country=None,
                                          sector=None, kind=_KINDS[ent.label_])
        actor.mentions.append(Span(ent.start_char, ent.end_char, document.text[ent.start_char:ent.end_char]))
    return list(by_name.values())
