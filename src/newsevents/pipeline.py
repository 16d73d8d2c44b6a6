"""The pipeline: ingest → clean → nlp → actors → quotes → events → time/place.

`Pipeline` holds only what is loaded once per process (the spaCy model and the
knowledge files); every stage is a plain function over records, so the same code
runs in one process, a process pool or a cluster.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from . import actors, events, quotes, timeplace
from .clean import clean
from .errors import Messages
from .nlp import DEFAULT_MODEL, load_pipeline
from .records import Analysis, Article, Problem


@dataclass
class PipelineOptions:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    actor_files: list[str] = field(default_factory=list)  # user dictionaries (YAML/CSV/PETRARCH)


class Pipeline:
    """Analyse articles into `Analysis` records."""

    def __init__(self, options: PipelineOptions | None = None):
        self.options = options or PipelineOptions()
        self.nlp = load_pipeline(self.options.model)
        self.knowledge = actors.load_knowledge(tuple(self.options.actor_files))
        self.lexicon = events.load_lexicon()

    def analyse(self, items: Iterable[Article | Problem]) -> Iterator[Analysis | Problem]:
        """Analyse articles in batches, passing problems through in input order."""
        it = iter(items)
        while batch := list(islice(it, self.options.batch_size)):
            yield from self._analyse_batch(batch)

    def _analyse_batch(self, batch: list[Article | Problem]) -> Iterator[Analysis | Problem]:
        documents = [clean(a) if isinstance(a, Article) else a for a in batch]
        texts = [d.match_text for d in documents if not isinstance(d, Problem)]
        docs = iter(self.nlp.pipe(texts, batch_size=self.options.batch_size))
        for d in documents:
            if isinstance(d, Problem):
                yield d
                continue
            doc = next(docs)
            try:
                found = actors.find_actors(d, doc, self.knowledge)
                qs = quotes.find_quotes(d, doc, found)
                evs = events.find_events(d, doc, found, self.lexicon)
                timeplace.resolve(evs, d, doc)
            except Exception as e:  # one bad document must not end the batch
                yield Problem(d.source, Messages.ANALYSIS_FAILED.format(error=f"{type(e).__name__}: {e}"))
                continue
            yield Analysis(document=d, actors=found, quotes=qs, events=evs)


def extract(text: str, *, title: str | None = None, date: str | None = None, id: str = "doc",
            pipeline: Pipeline | None = None) -> Analysis:
    """Analyse one article given as a string: the library's shortest path."""
    from .ingest import IngestOptions, finish_article, text_article

    art = text_article(text, id=id, source=id) if title is None else Article(id=id, source=id, body=text, title=title, body_offset=0)
    art = finish_article(art, IngestOptions(default_date=date), id)
    result = next((pipeline or Pipeline()).analyse([art]))
    if isinstance(result, Problem):
        raise ValueError(str(result))
    return result
