"""Inputs for the scaling engines: everything `ingest.read_inputs` reads, plus WARC and Parquet,
from local paths or fsspec URLs (s3://, gs://, memory://, ...).

The same readers serve the local job (`read_any` over the paths in order) and the Dask
engine (`list_shards` then `read_shard` per file, on the worker).
"""
from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, Messages
from ..ingest import (IngestOptions, file_stem, finish_article, format_from_name, read_inputs, read_stream,
                      record_article)
from ..records import Article, Problem
from .errors import ScaleMessages
from .warc import is_warc, read_warc

PARQUET_SUFFIXES = (".parquet", ".pq")
_PARQUET_BATCH = 256  # rows read at a time: memory stays flat whatever the file's size


def is_url(path: str) -> bool:
    return "://" in path


def special_format(name: str) -> str | None:
    """'warc' or 'parquet' for the formats that `ingest.read_inputs` does not know, by name."""
    lower = name.lower()
    if is_warc(lower):
        return "warc"
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def is_input(name: str) -> bool:
    """Whether a directory walk takes this file: a known extension, not hidden."""
    base = name.rsplit("/", 1)[-1]
    return not base.startswith(".") and (special_format(base) is not None or format_from_name(Path(base)) is not None)


def stem(name: str) -> str:
    base = name.rstrip("/").rsplit("/", 1)[-1]
    for suffix in sorted(PARQUET_SUFFIXES + (".warc.gz", ".arc.gz", ".warc", ".arc"), key=len, reverse=True):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return file_stem(Path(base))


def read_any(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | Problem]:
    """Like `ingest.read_inputs`, in the same order, also reading WARC, Parquet and fsspec URLs.

    Args:
        paths: files, directories (read recursively), fsspec URLs, or "-" for stdin.
        options: format, default date and limits.
    """
    options = options or IngestOptions()
    for path in paths:
        if path == "-":
            yield from read_inputs([path], options)
        elif is_url(path):
            for url in _expand_url(path):
                yield from read_shard(url, options)
        else:
            p = Path(path)
            if p.is_dir():
                for f in walk(p):
                    yield from read_shard(str(f), options)
            else:
                yield from read_shard(path, options)


def walk(root: Path) -> Iterator[Path]:
    """Input files under `root`, in the order `ingest.read_inputs` reads them (sorted, hidden skipped)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if is_input(name):
                yield Path(dirpath, name)


def list_shards(paths: Iterable[str]) -> list[str]:
    """Every input file under `paths`, in reading order: one shard (Dask partition) each.

    Raises:
        InputError: "-" (stdin cannot be split into shards).
    """
    out: list[str] = []
    for path in paths:
        if path == "-":
            raise InputError("stdin cannot be read by the Dask engine; pass files or directories")
        if is_url(path):
            out.extend(_expand_url(path))
        elif Path(path).is_dir():
            out.extend(str(f) for f in walk(Path(path)))
        else:
            out.append(path)
    return out


def _expand_url(url: str) -> list[str]:
    """A URL's input files: itself, the files under it (a directory) or its glob matches."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if any(c in root for c in "*?["):
        found = sorted(fs.glob(root))
    elif fs.isdir(root):
        found = sorted(f for f in fs.find(root) if is_input(f))
    else:
        return [url]
    return [f if is_url(f) else f"{protocol}://{f.lstrip('/') if protocol != 'file' else f}" for f in found]


def read_shard(path: str, options: IngestOptions | None = None) -> Iterator[Article | Problem]:
    """The articles of one input file, local or an fsspec URL, in any supported format."""
    options = options or IngestOptions()
    kind = special_format(path) if options.input_format == "auto" else None
    if kind is None and not is_url(path):
        yield from read_inputs([path], options)
        return
    try:
        stream = _open(path)
    except (OSError, ValueError) as e:
        yield Problem(path, Messages.UNREADABLE.format(error=getattr(e, "strerror", None) or e))
        return
    with stream:
        if kind == "warc":
            yield from read_warc(stream, path, stem(path), options)
        elif kind == "parquet":
            yield from read_parquet(stream, path, stem(path), options)
        else:
            fmt = options.input_format if options.input_format != "auto" else format_from_name(Path(path))
            buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]
            try:
                yield from read_stream(buffered, path, stem(path), options, fmt)
            except OSError as e:
                yield Problem(path, Messages.UNREADABLE.format(error=e.strerror or e))


def _open(path: str) -> BinaryIO:
    if not is_url(path):
        return open(path, "rb")
    import fsspec

    return fsspec.open(path, "rb").open()


def read_parquet(stream: BinaryIO, source: str, stem_: str, options: IngestOptions | None = None
                 ) -> Iterator[Article | Problem]:
    """Articles from a Parquet file with the JSONL fields (id, title, text or html, date, url, outlet).

    Rows are read a few hundred at a time; a row is named by its number (from 1) in problems.
    """
    import pyarrow.parquet as pq

    options = options or IngestOptions()
    n = 0
    try:
        for batch in pq.ParquetFile(stream).iter_batches(batch_size=_PARQUET_BATCH):
            for rec in batch.to_pylist():
                n += 1
                try:
                    art = record_article({k: _plain(v) for k, v in rec.items()}, f"{source}:{n}", f"{stem_}-{n}")
                    yield finish_article(art, options, stem_)
                except InputError as e:
                    yield Problem(source, e.message, n)
    except InputError:
        raise
    except Exception as e:  # pyarrow raises several kinds on a corrupt file
        yield Problem(source, ScaleMessages.BAD_PARQUET.format(error=f"{type(e).__name__}: {e}"), n or None)


def _plain(v: Any) -> Any:
    """Parquet dates and timestamps as ISO strings, as the JSONL reader sees them."""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v
