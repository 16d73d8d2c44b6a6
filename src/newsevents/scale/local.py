"""All the cores of one machine: one spaCy pipeline per worker process, streaming, order kept.

The main process reads the input and writes the output (stdout or the DuckDB store,
which has one writer); worker processes, started with 'spawn' so that none inherits
a half-initialised spaCy or DuckDB, each build one `Pipeline` and analyse batches.
At most `window` batches are in flight, so memory stays bounded whatever the size
of the input, and results come back in input order.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..pipeline import Pipeline, PipelineOptions
from ..records import Analysis, Article, Problem
from .errors import ScaleError, ScaleMessages

T = TypeVar("T")
Batch = list[Article | Problem]
Results = list[Analysis | Problem]
# Each worker is one core's worth: keep numeric libraries from starting threads of their own.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InProcess:
    """The single-process path: the pipeline in this process, built on first need."""

    workers = 1

    def __init__(self, options: PipelineOptions | None = None, pipeline: Pipeline | None = None):
        self.options = options or PipelineOptions()
        self.pipeline = pipeline

    def map(self, tasks: Iterable[tuple[T, Batch]]) -> Iterator[tuple[T, Results]]:
        """Analyse each batch, in order; a batch of problems only needs no pipeline."""
        for ctx, batch in tasks:
            if not any(isinstance(a, Article) for a in batch):
                yield ctx, list(batch)
                continue
            self.pipeline = self.pipeline or Pipeline(self.options)
            yield ctx, list(self.pipeline.analyse(batch))

    def close(self) -> None:
        pass

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessPool:
    """`workers` processes, one `Pipeline` each, fed batches through a bounded window.

    Args:
        options: the pipeline every worker builds.
        workers: number of processes.
        window: batches in flight at most (default: two per worker, so none waits).
        context: multiprocessing start method, 'spawn' or 'forkserver'.
    """

    def __init__(self, options: PipelineOptions | None = None, workers: int = 2, window: int | None = None,
                 context: str = "spawn"):
        if workers < 1:
            raise ScaleError(ScaleMessages.BAD_WORKERS.format(value=workers))
        self.options = options or PipelineOptions()
        self.workers = workers
        self.window = window or 2 * workers
        self.context = context
        self._executor: ProcessPoolExecutor | None = None
        self._saved_env: dict[str, str | None] = {}

    def start(self) -> list[int]:
        """Start the workers now and wait until each has built its pipeline; returns their pids."""
        executor = self._start()
        pids: set[int] = set()
        while len(pids) < self.workers:  # a worker answers only once its initializer has run
            futures = [executor.submit(_pid, 0.2) for _ in range(self.workers)]
            pids.update(self._result(f) for f in futures)
        return sorted(pids)

    def pids(self) -> list[int]:
        """Process ids of the running workers (for measuring their memory)."""
        procs = getattr(self._executor, "_processes", None) or {}
        return sorted(procs)

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            import multiprocessing

            # Workers are spawned on demand and inherit the environment then: it stays set until close().
            self._saved_env = {k: os.environ.get(k) for k in _THREAD_VARS}
            os.environ.update({k: os.environ.get(k) or "1" for k in _THREAD_VARS})
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context(self.context),
                initializer=_init_worker, initargs=(self.options,))
        return self._executor

    def map(self, tasks: Iterable[tuple[T, Batch]]) -> Iterator[tuple[T, Results]]:
        """Analyse batches in the workers; results in task order, `window` batches ahead at most.

        Raises:
            ScaleError: a worker process died (killed, out of memory).
        """
        pending: deque[tuple[T, Future[Results] | Results]] = deque()
        try:
            for ctx, batch in tasks:
                if any(isinstance(a, Article) for a in batch):
                    pending.append((ctx, self._start().submit(_analyse, batch)))
                else:
                    pending.append((ctx, list(batch)))  # nothing to analyse: keeps its place in order
                while len(pending) > self.window or (pending and _ready(pending[0][1])):
                    ctx0, item = pending.popleft()
                    yield ctx0, self._result(item)
            while pending:
                ctx0, item = pending.popleft()
                yield ctx0, self._result(item)
        finally:
            for _, item in pending:
                if isinstance(item, Future):
                    item.cancel()

    def _result(self, item: Future | list) -> list:
        if not isinstance(item, Future):
            return item
        try:
            return item.result()
        except BrokenProcessPool as e:
            self.close()
            raise ScaleError(ScaleMessages.WORKER_DIED.format(error=e)) from None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            for k, v in self._saved_env.items():
                if v is None:
                    os.environ.pop(k, None)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ready(item: Future | list) -> bool:
    return not isinstance(item, Future) or item.done()


# -- in the worker process -----------------------------------------------------------

_pipeline: Pipeline | None = None
_init_error: Exception | None = None


def _init_worker(options: PipelineOptions) -> None:
    """Build this worker's pipeline once; Ctrl-C is the main process's to handle."""
    import signal

    global _pipeline, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _pipeline = Pipeline(options)
    except Exception as e:  # raised again with the first batch, so the main process reports it
        _init_error = e


def _analyse(batch: Batch) -> Results:
    if _init_error is not None:
        raise _init_error
    assert _pipeline is not None
    return list(_pipeline.analyse(batch))


def _pid(pause: float) -> int:
    import time

    if _init_error is not None:
        raise _init_error
    time.sleep(pause)  # long enough that each of the concurrent calls lands on its own worker
    return os.getpid()
