"""Typed errors and the one catalogue of user-facing messages.

Library code raises these; the CLI turns them into one-line messages. In a batch,
a bad input becomes a `Problem` record (see records.py) and the batch goes on.
"""
from __future__ import annotations


class Messages:
    """Every message a user can see about bad input, in one place."""

    EMPTY = "empty input"
    BINARY = "binary file, not text (found NUL or control bytes)"
    BAD_UTF8 = "invalid UTF-8 at line {line} (byte {byte}); re-encode the file as UTF-8"
    TOO_LARGE = "{size} is larger than the {limit} limit (raise it with --max-size)"
    NO_ARTICLE = "no article text found in the HTML page"
    BAD_JSON = "invalid JSON: {error}"
    NOT_OBJECT = "a JSONL line must be a JSON object, got {kind}"
    NO_TEXT_FIELD = "record has no 'text' or 'html' field (fields: {fields})"
    BAD_CSV = "invalid CSV: {error}"
    UNREADABLE = "cannot read: {error}"
    NOT_FOUND = "no such file or directory"
    BAD_DATE = "unreadable date {value!r}; expected a date like 2018-09-10"
    BAD_GZIP = "corrupt gzip file: {error}"
    UNKNOWN_FORMAT = "unknown input format {value!r}"
    ANALYSIS_FAILED = "analysis failed: {error}"


class NewsEventsError(Exception):
    """Base class of the errors this library raises on purpose."""


class InputError(NewsEventsError):
    """One input (file, line or record) cannot be read or analysed."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class ConfigError(NewsEventsError):
    """A setting, option or user data file is wrong."""


class StoreError(NewsEventsError):
    """The DuckDB store cannot be opened or written."""


def human_size(n: int) -> str:
    """Bytes as a short readable size ("50.0 MB")."""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"
