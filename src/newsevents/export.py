"""Export the store as JSONL (nested documents), CSV or Parquet (one file per table)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO

from .errors import ConfigError
from .store import TABLES, Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def export(store: Store, fmt: str, output: str | None, table: str | None = None) -> list[str]:
    """Write the store (or one table of it) to `output`; return the paths written.

    JSONL without a table writes nested documents, as `extract` prints them, to a file
    or stdout. CSV and Parquet write one file per table into the directory `output`,
    or the one `table` into the file `output`.

    Raises:
        ConfigError: unknown format or table, or a missing output path.
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if table is not None and table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt == "jsonl":
        return [_write_jsonl(store, output, table)]
    if output is None:
        raise ConfigError(f"--output is needed for {fmt}: a directory, or a file with --table")
    if table:
        return [_copy(store, table, Path(output), fmt)]
    out_dir = Path(output)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_copy(store, t, out_dir / f"{t}.{fmt}", fmt) for t in TABLES]


def _copy(store: Store, table: str, path: Path, fmt: str) -> str:
    tmp = path.with_name(path.name + ".tmp")
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    store.con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(tmp)}' ({options})")
    os.replace(tmp, path)  # a reader never sees half a file
    return str(path)


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")


def _write_jsonl(store: Store, output: str | None, table: str | None) -> str:
    if output in (None, "-"):
        _jsonl_to(sys.stdout, store, table)
        return "<stdout>"
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        _jsonl_to(f, store, table)
    os.replace(tmp, path)
    return str(path)


def _jsonl_to(f: IO[str], store: Store, table: str | None) -> None:
    rows = store.iter_documents() if table is None else store.query(f"SELECT * FROM {table}")
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
