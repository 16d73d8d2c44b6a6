"""Printing records for people (tables) and for programs (JSON, JSONL, CSV)."""
from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import IO, Any

OUTPUT_FORMATS = ("table", "jsonl", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name") or value.get("code") or "")
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value).replace("\n", " ")


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str], columns: list[str] | None = None) -> int:
    """Write rows in `fmt`; `columns` picks and orders the table/CSV columns. Returns the row count."""
    rows = list(rows)
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, default=str, indent=2)
        out.write("\n")
    elif fmt == "csv":
        cols = columns or (list(rows[0]) if rows else [])
        w = csv.writer(out)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in cols])
    else:
        write_table(rows, out, columns)
    return len(rows)


def write_table(rows: list[dict[str, Any]], out: IO[str], columns: list[str] | None = None) -> None:
    """A plain aligned table that fits the terminal: long cells are cut with '…'."""
    if not rows:
        out.write("(no rows)\n")
        return
    cols = columns or list(rows[0])
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    total = shutil.get_terminal_size((160, 20)).columns
    while sum(widths) + 2 * len(widths) > total and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1
    fit = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    out.write("  ".join(fit(c, w).ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(fit(c, w).ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
