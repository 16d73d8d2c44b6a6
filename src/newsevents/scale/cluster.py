"""A Dask cluster: one task per input shard, Parquet out, merged into DuckDB by `load`.

Each input file is a shard (a partition). A worker reads it (`inputs.read_shard`), runs
the same stage code as the local job (`jobs.ingest_items` into a scratch DuckDB file,
so a shard obeys the store's rules: the last version of an id wins, one row set per
document), and writes one Parquet file per table, then a completion marker:

    OUT/documents/SHARD.parquet  OUT/actors/...  OUT/mentions/...  OUT/quotes/...  OUT/events/...
    OUT/_done/SHARD.json         written last: what the shard read, stored and reported

OUT is a directory or any fsspec URL the workers can write. A re-run skips shards that
have a marker; a shard whose worker was killed is retried by Dask (its partial files are
overwritten); a shard that fails on bad input is reported, gets no marker, and the job
goes on. `load` merges finished shards into a store, idempotently.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from ..ingest import IngestOptions
from ..pipeline import Pipeline, PipelineOptions
from ..store import TABLES, Store, WriteResult
from .errors import ScaleError, ScaleMessages
from .inputs import is_url, list_shards, read_shard, stem

DONE = "_done"
_ROWS_PER_BATCH = 50_000  # Parquet export streams record batches of this many rows


@dataclass
class ShardResult:
    shard: str  # the shard id: file stem and a hash of its full path
    source: str  # the input file or URL
    status: str  # done, skipped (finished by an earlier run), failed
    read: int = 0
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one line each, as the CLI prints them
    failed_records: bool = False  # some problem was an error, not a warning
    error: str | None = None
    seconds: float = 0.0


@dataclass
class DaskReport:
    output: str
    shards: list[ShardResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(s.status == status for s in self.shards)

    @property
    def read(self) -> int:
        return sum(s.read for s in self.shards if s.status == "done")

    @property
    def documents(self) -> int:
        return sum(s.documents for s in self.shards if s.status == "done")

    @property
    def failed(self) -> bool:
        return any(s.status == "failed" or s.failed_records for s in self.shards if s.status != "skipped")


@dataclass
class LoadReport(WriteResult):
    shards: int = 0


def shard_id(source: str) -> str:
    """A stable name for a shard: readable stem plus a hash of the absolute path or URL."""
    full = source if is_url(source) else os.path.abspath(source)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", stem(source))[:60] or "shard"
    return f"{safe}-{hashlib.sha1(full.encode('utf-8')).hexdigest()[:10]}"


def _fs(output: str):
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    return fs, root.rstrip("/")


def finished(output: str) -> dict[str, dict[str, Any]]:
    """Markers of the finished shards under `output`: shard id -> marker."""
    fs, root = _fs(output)
    out = {}
    for path in sorted(fs.glob(f"{root}/{DONE}/*.json")):
        with fs.open(path, "r") as f:
            marker = json.load(f)
        out[marker["shard"]] = marker
    return out


# -- on the worker ---------------------------------------------------------------------

_pipelines: dict[str, Pipeline] = {}


def worker_pipeline(options: PipelineOptions) -> Pipeline:
    """This worker process's pipeline: built once, reused by every shard it runs."""
    key = repr(options)
    if key not in _pipelines:
        _pipelines[key] = Pipeline(options)
    return _pipelines[key]


def process_shard(source: str, shard: str, output: str, ingest_options: IngestOptions | None = None,
                  pipeline_options: PipelineOptions | None = None) -> ShardResult:
    """Analyse one shard and write its Parquet tables, then its marker (runs on a worker).

    Bad input becomes a failed result (no marker); an error while writing the output is
    raised, so that Dask retries the shard.
    """
    t0 = time.perf_counter()
    fs, root = _fs(output)
    marker_path = f"{root}/{DONE}/{shard}.json"
    if fs.exists(marker_path):  # finished meanwhile (a retry after the marker was written)
        return ShardResult(shard, source, "skipped")
    pipeline = worker_pipeline(pipeline_options or PipelineOptions())
    scratch = tempfile.mkdtemp(prefix="newsevents-shard-")
    try:
        store = Store(os.path.join(scratch, "shard.duckdb"))
        try:
            try:
                report = _ingest_shard(source, store, ingest_options, pipeline)
            except Exception as e:  # unreadable input: report it, the job goes on
                return ShardResult(shard, source, "failed", problems=[],
                                   error=ScaleMessages.SHARD_FAILED.format(error=f"{type(e).__name__}: {e}"),
                                   seconds=time.perf_counter() - t0)
            rows = {t: _write_parquet(store, t, fs, f"{root}/{t}/{shard}.parquet") for t in TABLES}
        finally:
            store.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result = ShardResult(shard, source, "done", read=report.read, documents=rows["documents"], rows=rows,
                         problems=[str(p) for p in report.problems], failed_records=report.failed,
                         seconds=time.perf_counter() - t0)
    fs.makedirs(f"{root}/{DONE}", exist_ok=True)
    with fs.open(marker_path, "w") as f:  # last: the shard's data is complete
        json.dump({**asdict(result), "finished_at": dt.datetime.now(dt.timezone.utc).isoformat()}, f)
    return result


def _ingest_shard(source: str, store: Store, ingest_options: IngestOptions | None, pipeline: Pipeline):
    from ..jobs import ingest_items

    return ingest_items(read_shard(source, ingest_options), store, pipeline=pipeline, workers=1)


def _write_parquet(store: Store, table: str, fs: Any, path: str) -> int:
    import pyarrow.parquet as pq

    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    reader = store.con.sql(f"SELECT * FROM {table}").to_arrow_reader(_ROWS_PER_BATCH)
    n = 0
    with fs.open(path, "wb") as f:
        writer = pq.ParquetWriter(f, reader.schema, compression="zstd")
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
        writer.close()
    return n


def _warm(options: PipelineOptions) -> int:
    worker_pipeline(options)
    return os.getpid()


# -- on the client ---------------------------------------------------------------------


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, client: Any = None) -> Iterator[Any]:
    """A Dask client: the one given, one connected to `scheduler`, or a LocalCluster of `workers` processes.

    Raises:
        ScaleError: dask is not installed, or the scheduler cannot be reached.
    """
    if client is not None:
        yield client
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ScaleError(ScaleMessages.NO_DASK.format(error=e)) from None
    if scheduler:
        try:
            c = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise ScaleError(ScaleMessages.NO_SCHEDULER.format(address=scheduler, error=e)) from None
        with c:
            yield c
        return
    import dask

    from .local import available_cores

    # Workers read the configuration when they are spawned, so it need only hold while the cluster starts.
    with dask.config.set(worker_config()):
        cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, Client(cluster) as c:
        yield c


def worker_config() -> dict[str, Any]:
    """Dask settings for workers that run long pure-Python shards (ours) rather than short numeric tasks.

    Dask's defaults cost a shard about 10% of its time, measured with `bench/scale_bench.py`:
    a statistical profiler samples the task thread every 10 ms, the event loop wakes every
    20 ms (it competes for the GIL with the task), and MALLOC_TRIM_THRESHOLD_=65536 makes
    the allocator hand memory back to the system on almost every free (spaCy allocates a
    lot; worker memory stays flat without it, see the stream measurement). The LocalCluster
    of `connect` uses these; docs/scaling.md shows them as configuration for other clusters.
    """
    return {"distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "2s",
            "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}  # None: not set


def warm_up(client: Any, pipeline_options: PipelineOptions | None = None) -> dict[str, int]:
    """Build the pipeline on every worker now (benchmarks time the job, not the model loading)."""
    return client.run(_warm, pipeline_options or PipelineOptions())


def run(paths: Iterable[str], output: str, ingest_options: IngestOptions | None = None,
        pipeline_options: PipelineOptions | None = None, *, scheduler: str | None = None,
        workers: int | None = None, client: Any = None, retries: int = 2,
        on_shard: Callable[[ShardResult], None] | None = None) -> DaskReport:
    """Analyse every input shard on a Dask cluster into Parquet under `output`.

    Args:
        paths: files, directories and fsspec URLs; each input file is one shard.
        output: directory or fsspec URL that the workers can write.
        scheduler: address of a running scheduler (tcp://host:8786); None starts a LocalCluster.
        workers: processes of the LocalCluster (default: the cores available).
        client: an existing `distributed.Client` (dask-jobqueue, dask-kubernetes, tests).
        retries: times a shard that raised is tried again (a killed worker's shard is
            re-run by the scheduler in any case).
        on_shard: called with each shard's result as it finishes (progress, problems).

    Raises:
        ScaleError: the cluster cannot be reached.
        InputError: stdin given as input.
    """
    sources = list(dict.fromkeys(list_shards(paths)))
    fs, root = _fs(output)
    fs.makedirs(root, exist_ok=True)
    done = finished(output)
    report = DaskReport(output)
    todo = []
    for src in sources:
        sid = shard_id(src)
        if sid in done:
            result = ShardResult(sid, src, "skipped", read=done[sid].get("read", 0),
                                 documents=done[sid].get("documents", 0))
            report.shards.append(result)
            if on_shard:
                on_shard(result)
        else:
            todo.append((src, sid))
    if not todo:
        return report
    with connect(scheduler, workers, client) as c:
        from distributed import as_completed

        futures = c.map(process_shard, [s for s, _ in todo], [i for _, i in todo], output=output,
                        ingest_options=ingest_options, pipeline_options=pipeline_options,
                        key=[f"shard-{i}" for _, i in todo], retries=retries, pure=False)
        by_key = {f.key: (src, sid) for f, (src, sid) in zip(futures, todo)}
        for future in as_completed(futures):
            if future.status == "error":
                src, sid = by_key[future.key]
                exc = future.exception()
                result = ShardResult(sid, src, "failed", error=ScaleMessages.SHARD_FAILED.format(
                    error=f"{type(exc).__name__}: {exc}"))
            else:
                result = future.result()
            report.shards.append(result)
            if on_shard:
                on_shard(result)
            future.release()
    order = {sid: n for n, sid in enumerate(shard_id(s) for s in sources)}
    report.shards.sort(key=lambda r: order[r.shard])
    return report


def load(output: str, store: Store, force: bool = False,
         on_shard: Callable[[str, WriteResult], None] | None = None) -> LoadReport:
    """Merge every finished shard under `output` into `store`, one transaction per shard.

    Loading again adds nothing: a document already stored with the same content is kept.

    Raises:
        ScaleError: no finished shard under `output`.
    """
    import fsspec

    fs, root = _fs(output)
    markers = sorted(finished(output).values(), key=lambda m: (m["source"], m["shard"]))
    if not markers:
        raise ScaleError(ScaleMessages.NO_SHARDS.format(path=output))
    local = isinstance(fs, fsspec.implementations.local.LocalFileSystem)
    report = LoadReport()
    for m in markers:
        files = {t: f"{root}/{t}/{m['shard']}.parquet" for t in TABLES}
        result = store.load_parquet(files, filesystem=None if local else fs, force=force)
        report.shards += 1
        report.added += result.added
        report.replaced += result.replaced
        report.unchanged += result.unchanged
        if on_shard:
            on_shard(m["shard"], result)
    return report
