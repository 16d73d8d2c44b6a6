"""Jobs that run the whole pipeline over inputs: extract (stream out) and ingest (store)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .ingest import IngestOptions, read_inputs
from .pipeline import Pipeline, PipelineOptions
from .records import Analysis, Article, Problem
from .store import Store


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.problems)


def extract(paths: Iterable[str], ingest_options: IngestOptions | None = None,
            pipeline: Pipeline | None = None) -> Iterator[Analysis | Problem]:
    """Analyse every article under `paths`, in input order, problems included."""
    pipeline = pipeline or Pipeline()
    return pipeline.analyse(read_inputs(paths, ingest_options))


def ingest(paths: Iterable[str], store: Store, ingest_options: IngestOptions | None = None,
           pipeline_options: PipelineOptions | None = None, force: bool = False,
           on_problem: Callable[[Problem], None] | None = None,
           on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Analyse articles and store them, one transaction per batch.

    Articles whose content is already stored are skipped before any analysis, so a run
    that was interrupted continues where it stopped; `force` analyses them again.
    """
    report = IngestReport()
    pipeline: Pipeline | None = None  # loaded on the first article that needs it
    batch_size = (pipeline_options or PipelineOptions()).batch_size
    items = read_inputs(paths, ingest_options)
    while batch := list(islice(items, batch_size)):
        articles = [a for a in batch if isinstance(a, Article)]
        report.read += len(articles)
        for p in (b for b in batch if isinstance(b, Problem)):
            report.problems.append(p)
            if on_problem:
                on_problem(p)
        known = set() if force else store.known_hashes(a.content_hash for a in articles)
        todo = [a for a in articles if a.content_hash not in known]
        report.unchanged += len(articles) - len(todo)
        if todo:
            pipeline = pipeline or Pipeline(pipeline_options)
            analysed = []
            for r in pipeline.analyse(todo):
                if isinstance(r, Problem):
                    report.problems.append(r)
                    if on_problem:
                        on_problem(r)
                else:
                    analysed.append(r)
            result = store.write(analysed, force=force)
            report.added += result.added
            report.replaced += result.replaced
            report.unchanged += result.unchanged
        if on_progress:
            on_progress(len(articles))
    return report
