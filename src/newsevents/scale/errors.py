"""Errors and messages of the scaling engines (process pool, Dask), in one place."""
from __future__ import annotations

from ..errors import NewsEventsError


class ScaleMessages:
    """Every message a user can see from the scaling engines."""

    WORKER_DIED = ("a worker process died ({error}); the batches written so far are stored, "
                   "run the same command again to continue")
    BAD_WORKERS = "--workers must be 1 or more, got {value}"
    NO_DASK = "the Dask engine needs the packages dask and distributed: {error}"
    NO_SCHEDULER = "cannot reach the Dask scheduler at {address}: {error}"
    SHARD_FAILED = "shard failed: {error}"
    NO_SHARDS = "{path}: no finished shards (no _done markers); run 'newsevents ingest --engine dask' first"
    BAD_WARC = "corrupt WARC file: {error}"
    TRUNCATED_WARC = "truncated WARC file: it ends inside record {record} (an interrupted download or copy?)"
    BAD_PARQUET = "cannot read Parquet: {error}"
    NOT_HTML = "not an HTML page ({kind})"
    BAD_STATUS = "HTTP status {status}"


class ScaleError(NewsEventsError):
    """A parallel or distributed job cannot go on (a worker died, the cluster is unreachable)."""
