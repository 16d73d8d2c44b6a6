"""Scaling out: all the cores of one machine (`local`), then a Dask cluster (`cluster`).

Both run the same stage code as a single process (`pipeline.Pipeline.analyse`); `inputs`
adds WARC and Parquet inputs and fsspec URLs to what `ingest` reads.
"""
from __future__ import annotations

from .errors import ScaleError
from .inputs import list_shards, read_any, read_shard
from .local import InProcess, ProcessPool, available_cores
from .warc import read_warc

__all__ = ["InProcess", "ProcessPool", "ScaleError", "available_cores", "list_shards", "read_any",
           "read_shard", "read_warc"]
