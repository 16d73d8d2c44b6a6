"""What the quote stage knows: cue words, anonymous-source nouns and its settings.

All three are package data (`data/quotes/`), read once per process.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import data_path, iter_csv, read_yaml

log = logging.getLogger(__name__)

CUES_FILE = "quotes/cues.csv"
SOURCES_FILE = "quotes/sources.csv"
PATTERNS_FILE = "quotes/patterns.yaml"


@dataclass(frozen=True)
class QuoteLexicon:
    """Cue words by lemma, source nouns and thresholds for `find_quotes`."""

    cues: dict[str, str]  # one-word lemma -> kind (speech, writing, thought, according)
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((rest words), kind)
    sources: frozenset[str]  # nouns of unnamed sources: official, reporter, report
    scare_markers: tuple[str, ...] = ()
    impersonal: frozenset[str] = frozenset()
    max_paragraphs: int = 5
    direct_share: float = 0.85
    min_fragment_words: int = 4
    min_orphan_words: int = 6
    settings: dict[str, object] = field(default_factory=dict)

    def cue_kind(self, lemma: str) -> str | None:
        return self.cues.get(lemma)


def _rows(name: str) -> list[dict[str, str]]:
    path = data_path(name)
    if not path.exists():
        log.warning("quote data file %s is missing: the quote stage runs without it", name)
        return []
    return [row for _, row in iter_csv(path)]


def _cue_rows() -> list[tuple[str, str]]:
    """(lemma, kind) pairs; the first column is the lemma whatever its header says."""
    out = []
    for row in _rows(CUES_FILE):
        values = list(row.values())
        lemma = (row.get("lemma") or (values[0] if values else "")).strip().lower()
        kind = (row.get("kind") or "speech").strip().lower() or "speech"
        if lemma:
            out.append((lemma, kind))
    return out


def _source_words() -> frozenset[str]:
    words = set()
    for row in _rows(SOURCES_FILE):
        values = list(row.values())
        word = (row.get("word") or (values[0] if values else "")).strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    """The quote lexicon from the package data (cached: loaded once per process)."""
    settings = read_yaml(PATTERNS_FILE) or {}
    cues: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    pairs = _cue_rows() + [(k.lower(), v) for k, v in (settings.get("phrases") or {}).items()]
    for lemma, kind in pairs:
        words = tuple(lemma.split())
        if len(words) == 1:
            cues.setdefault(words[0], kind)
        elif words and words[1:] not in [rest for rest, _ in phrases.get(words[0], [])]:
            phrases.setdefault(words[0], []).append((words[1:], kind))
    return QuoteLexicon(
        cues=cues,
        phrases={k: tuple(v) for k, v in phrases.items()},
        sources=_source_words(),
        scare_markers=tuple(m.lower() for m in settings.get("scare_markers") or ()),
        impersonal=frozenset(w.lower() for w in settings.get("impersonal_subjects") or ()),
        max_paragraphs=int(settings.get("max_paragraphs", 5)),
        direct_share=float(settings.get("direct_share", 0.85)),
        min_fragment_words=int(settings.get("min_fragment_words", 4)),
        min_orphan_words=int(settings.get("min_orphan_words", 6)),
        settings=settings,
    )
