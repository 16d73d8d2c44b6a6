"""Surface matching of known names, demonyms and role words in a parsed document."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..nlp import customize_tokenizer
from ..resources import read_lines
from .knowledge import Knowledge

NAME, NAME_CI, DEMONYM, ROLE, PERSON_NAME = "NAME", "NAME_CI", "DEMONYM", "ROLE", "PERSON_NAME"


@dataclass(frozen=True)
class Matchers:
    names: PhraseMatcher  # case-sensitive: countries, capitals, organisations, institutions, demonyms, people
    roles: PhraseMatcher  # case-insensitive: role and sector words, and names from PETRARCH dictionaries


@lru_cache(maxsize=8)
def _tokenizer():
    return customize_tokenizer(English().tokenizer)  # names tokenized as the pipeline parses them


@lru_cache(maxsize=8)
def build_matchers(knowledge: Knowledge, vocab: Vocab) -> Matchers:
    """Phrase matchers for one knowledge base and one vocabulary (built once per process)."""
    tok = _tokenizer()
    names = PhraseMatcher(vocab, attr="ORTH")
    names.add(NAME, [tok(p) for p in knowledge.phrases])
    names.add(DEMONYM, [tok(p) for p in knowledge.demonyms])
    names.add(PERSON_NAME, [tok(p) for p in knowledge.people if len(tok(p)) > 1])
    roles = PhraseMatcher(vocab, attr="LOWER")
    roles.add(ROLE, [tok(p) for p in knowledge.agents])
    if knowledge.phrases_ci:
        roles.add(NAME_CI, [tok(p) for p in knowledge.phrases_ci])
    return Matchers(names, roles)


@dataclass
class Found:
    """Matches of one document, indexed by token for the context lookups."""

    names: list[Span]  # label_: NAME or PERSON_NAME
    demonyms: list[Span]
    roles: list[Span]

    def within(self, kind: str, start: int, end: int) -> list[Span]:
        """Matches inside a phrase, less "Iranian" in "Iranian-backed": not the country of the phrase."""
        return [s for s in getattr(self, kind) if s.start >= start and s.end <= end and not backer(s)]


def find_matches(doc: Doc, knowledge: Knowledge) -> Found:
    m = build_matchers(knowledge, doc.vocab)
    strings = doc.vocab.strings
    names, demonyms, roles = [], [], []
    for match_id, start, end in m.names(doc):
        label = strings[match_id]
        span = Span(doc, start, end, label=label)
        (demonyms if label == DEMONYM else names).append(span)
    for match_id, start, end in m.roles(doc):
        label = strings[match_id]
        (names if label == NAME_CI else roles).append(Span(doc, start, end, label=label))
    names, demonyms = [s for s in names if not stance(s)], [s for s in demonyms if not stance(s) and not regional(s)]
    return Found(names=_longest(names), demonyms=_longest(demonyms), roles=_longest(roles))


def stance(span: Span) -> bool:
    """'anti-Syria', 'pro-Iranian': a stance towards the country, not the country acting."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


def regional(span: Span) -> bool:
    """'South American', 'Latin American': the demonym ends a region's adjective, not a country's."""
    doc, i = span.doc, span.start
    return i >= 1 and f"{doc[i - 1].lower_} {span.root.lower_.rstrip('s')}" in regional_demonyms()


@lru_cache(maxsize=1)
def regional_demonyms() -> frozenset[str]:
    return frozenset(read_lines("actors/regional_demonyms.txt"))


def backer(span: Span) -> bool:
    """'Iranian-backed': the country acts (it backs), but the group it backs is not its own."""
    doc, j = span.doc, span.end
    return j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _BACKED


_BACKED = {"backed", "sponsored", "supported", "funded", "aligned", "allied"}


def _longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first, in text order."""
    taken: set[int] = set()
    out = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(s.start, s.end)):
            out.append(s)
            taken.update(range(s.start, s.end))
    return sorted(out, key=lambda s: s.start)
