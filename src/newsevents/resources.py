"""Loading the package's data files (lexicons, actor lists, patterns) by name."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(name: str) -> Path:
    """Path of a data file shipped in the package, e.g. `clean/chrome.txt`."""
    return Path(str(resources.files("newsevents") / "data" / name))


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file."""
    with open(data_path(name), encoding="utf-8") as f:
        return tuple(l.strip() for l in f if l.strip() and not l.lstrip().startswith("#"))


def iter_csv(path: Path | str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV data file as (line number, row); '#' comment lines are skipped."""
    with open(path, encoding="utf-8", newline="") as f:
        numbered = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        return
    reader = csv.DictReader([line for _, line in numbered])
    for (n, _), row in zip(numbered[1:], reader):
        yield n, {k: (v or "").strip() for k, v in row.items() if k is not None}


@lru_cache(maxsize=None)
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    return tuple(row for _, row in iter_csv(data_path(name)))


@lru_cache(maxsize=None)
def read_yaml(name: str) -> Any:
    with open(data_path(name), encoding="utf-8") as f:
        return yaml.safe_load(f)


def split_cell(value: str | None) -> list[str]:
    """A `|`-separated cell as a list of its non-empty values."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]
