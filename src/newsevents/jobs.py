"""Jobs that run the whole pipeline over inputs: extract (stream out) and ingest (store).

Both run in this process (`workers=1`) or on all the cores of the machine (`workers=N`,
one spaCy pipeline per worker process, see `scale/local.py`); the output is the same
and in the same order either way. The Dask engine (`scale/cluster.py`) runs
`ingest_items` on each input shard.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from .ingest import IngestOptions
from .pipeline import Pipeline, PipelineOptions
from .records import Analysis, Article, Problem
from .scale.inputs import read_any
from .scale.local import InProcess, ProcessPool, available_cores
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
            pipeline: Pipeline | None = None, *, workers: int | None = 1,
            pipeline_options: PipelineOptions | None = None, pool: ProcessPool | None = None
            ) -> Iterator[Analysis | Problem]:
    """Analyse every article under `paths`, in input order, problems included.

    Args:
        paths: files, directories, fsspec URLs or "-" (see `scale.inputs.read_any`).
        ingest_options: format, dates, limits.
        pipeline: a pipeline already loaded in this process (used when `workers` is 1).
        workers: processes; 1 analyses in this process; None takes the cores available,
            but stays in this process for an input of at most one batch per core.
        pipeline_options: the pipeline to build (in this process or in each worker).
        pool: worker processes already started (they stay open); overrides `workers`.
    """
    options = pipeline.options if pipeline is not None else (pipeline_options or PipelineOptions())
    analyser, items = _analyser(workers, options, pipeline, read_any(paths, ingest_options), pool)
    with analyser:
        for _, results in analyser.map((None, b) for b in _batches(items, options.batch_size)):
            yield from results


def ingest(paths: Iterable[str], store: Store, ingest_options: IngestOptions | None = None,
           pipeline_options: PipelineOptions | None = None, force: bool = False,
           on_problem: Callable[[Problem], None] | None = None,
           on_progress: Callable[[int], None] | None = None, *, workers: int | None = 1,
           pipeline: Pipeline | None = None, pool: ProcessPool | None = None) -> IngestReport:
    """Analyse articles and store them, one transaction per batch.

    Articles whose content is already stored are skipped before any analysis, so a run
    that was interrupted continues where it stopped; `force` analyses them again.
    With `workers` > 1 the batches are analysed in worker processes and written here,
    in input order (DuckDB has one writer).
    """
    return ingest_items(read_any(paths, ingest_options), store, pipeline_options, force=force,
                        on_problem=on_problem, on_progress=on_progress, workers=workers, pipeline=pipeline,
                        pool=pool)


def ingest_items(items: Iterable[Article | Problem], store: Store, pipeline_options: PipelineOptions | None = None,
                 force: bool = False, on_problem: Callable[[Problem], None] | None = None,
                 on_progress: Callable[[int], None] | None = None, *, workers: int | None = 1,
                 pipeline: Pipeline | None = None, pool: ProcessPool | None = None) -> IngestReport:
    """`ingest` over records already read (an input shard, a generated stream)."""
    report = IngestReport()
    options = pipeline.options if pipeline is not None else (pipeline_options or PipelineOptions())

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    def todo_batches(batches: Iterable[list[Article | Problem]]) -> Iterator[tuple[int, list[Article]]]:
        for batch in batches:
            articles = [a for a in batch if isinstance(a, Article)]
            report.read += len(articles)
            for p in batch:
                if isinstance(p, Problem):
                    problem(p)
            known = set() if force else store.known_hashes(a.content_hash for a in articles)
            todo = [a for a in articles if a.content_hash not in known]
            report.unchanged += len(articles) - len(todo)
            yield len(articles), todo

    analyser, items = _analyser(workers, options, pipeline, iter(items), pool)
    with analyser:
        for n_articles, results in analyser.map(todo_batches(_batches(items, options.batch_size))):
            analysed = []
            for r in results:
                if isinstance(r, Problem):
                    problem(r)
                else:
                    analysed.append(r)
            if analysed:
                result = store.write(analysed, force=force)
                report.added += result.added
                report.replaced += result.replaced
                report.unchanged += result.unchanged
            if on_progress:
                on_progress(n_articles)
    return report


def _batches(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _analyser(workers: int | None, options: PipelineOptions, pipeline: Pipeline | None,
              items: Iterator[Article | Problem], pool: ProcessPool | None = None
              ) -> tuple[InProcess | ProcessPool | _Borrowed, Iterator[Article | Problem]]:
    """This process or a process pool, and the items (whose head may have been looked at).

    `workers=None` means the cores available, except for an input so small (at most one
    batch per core) that starting worker processes would cost more than it saves.
    """
    if pool is not None:
        return _Borrowed(pool), items
    if workers == 1:
        return InProcess(options, pipeline), items
    n = workers or available_cores()
    if workers is None:
        limit = n * options.batch_size
        head = list(islice(items, limit + 1))
        items = chain(head, items)
        if n == 1 or len(head) <= limit:
            return InProcess(options, pipeline), items
    return ProcessPool(options, n), items


class _Borrowed:
    """A pool the caller started and will close: used, not closed."""

    def __init__(self, pool: ProcessPool):
        self.map = pool.map

    def __enter__(self) -> _Borrowed:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
