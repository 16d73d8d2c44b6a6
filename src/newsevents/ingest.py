"""Ingest: read paths, directories, gzip files and stdin into `Article` records.

Formats: plain text (first line the headline), HTML pages (through trafilatura and
htmldate), JSONL and CSV with the fields id, title, text or html, date, url, outlet.
Every bad input becomes a `Problem` naming the input (and line), and reading goes on.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .dates import normalize_date
from .errors import InputError, Messages, human_size
from .records import Article, Problem

FORMATS = ("auto", "text", "html", "jsonl", "csv")
KNOWN_FIELDS = ("id", "title", "text", "html", "date", "url", "outlet")
_EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
               ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_GZIP_MAGIC = b"\x1f\x8b"
_MIN_PARAGRAPH_WORDS = 6  # an article has at least one paragraph this long


@dataclass(slots=True)
class IngestOptions:
    input_format: str = "auto"
    default_date: str | None = None  # used when an input has no date of its own
    max_bytes: int = 10_000_000  # one text or HTML article; JSONL/CSV are limited per record
    dates: dict[str, str] | None = None  # file name or id -> date, from a --dates file


def read_inputs(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | Problem]:
    """Yield an `Article` for every article found under `paths`, a `Problem` for every bad one.

    Args:
        paths: files, directories (read recursively), or "-" for stdin.
        options: format, default date and limits.
    """
    options = options or IngestOptions()
    if options.input_format not in FORMATS:
        raise InputError(Messages.UNKNOWN_FORMAT.format(value=options.input_format))
    for path in paths:
        if path == "-":
            fmt = None if options.input_format == "auto" else options.input_format
            yield from read_stream(sys.stdin.buffer, "<stdin>", "stdin", options, fmt)
            continue
        p = Path(path)
        if p.is_dir():
            for f in _walk(p):
                yield from _read_file(f, options)
        elif p.exists() or p.is_symlink():
            yield from _read_file(p, options)
        else:
            yield Problem(path, Messages.NOT_FOUND)


def _walk(root: Path) -> Iterator[Path]:
    """Article files under `root`, sorted, hidden files and unknown extensions skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath, name)
            if format_from_name(p) is not None:
                yield p


def format_from_name(p: Path) -> str | None:
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def file_stem(p: Path) -> str:
    name = p.name
    for suffix in (".gz",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name else name


def _read_file(p: Path, options: IngestOptions) -> Iterator[Article | Problem]:
    source = str(p)
    try:
        f = open(p, "rb")
    except OSError as e:
        yield Problem(source, Messages.UNREADABLE.format(error=e.strerror or e))
        return
    with f:
        fmt = options.input_format if options.input_format != "auto" else format_from_name(p)
        try:
            yield from read_stream(f, source, file_stem(p), options, fmt, size=os.fstat(f.fileno()).st_size)
        except OSError as e:
            yield Problem(source, Messages.UNREADABLE.format(error=e.strerror or e))


def read_stream(raw: BinaryIO, source: str, stem: str, options: IngestOptions,
                 fmt: str | None = None, size: int | None = None) -> Iterator[Article | Problem]:
    """Read one byte stream (a file or stdin), gzip or not, in format `fmt` (None: sniffed)."""
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    stream: BinaryIO = raw
    if head == _GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
        size = None  # unknown until decompressed
    try:
        if fmt in ("jsonl", "csv"):
            yield from (_read_jsonl if fmt == "jsonl" else _read_csv)(stream, source, stem, options)
            return
        if size is not None and size > options.max_bytes:
            yield Problem(source, Messages.TOO_LARGE.format(size=human_size(size), limit=human_size(options.max_bytes)))
            return
        data = stream.read(options.max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Problem(source, Messages.BAD_GZIP.format(error=e))
        return
    if len(data) > options.max_bytes:
        yield Problem(source, Messages.TOO_LARGE.format(size="input", limit=human_size(options.max_bytes)))
        return
    try:
        text = decode(data)
        fmt = fmt or sniff_format(text)
        if fmt == "jsonl":
            yield from _read_jsonl(io.BytesIO(data), source, stem, options)
        elif fmt == "csv":
            yield from _read_csv(io.BytesIO(data), source, stem, options)
        elif fmt == "html":
            yield finish_article(html_article(text, id=stem, source=source), options, stem)
        else:
            yield finish_article(text_article(text, id=stem, source=source), options, stem)
    except InputError as e:
        yield Problem(source, e.message, e.line)


def decode(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped), with the line of the first bad byte in the error.

    Raises:
        InputError: empty, binary or not UTF-8.
    """
    if not data.strip():
        raise InputError(Messages.EMPTY)
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) // 20:
        raise InputError(Messages.BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(Messages.BAD_UTF8.format(line=line, byte=e.start), line=line) from None


def sniff_format(text: str) -> str:
    """Guess text, html or jsonl from the first characters of an input without a known extension."""
    start = text.lstrip()[:512].lower()
    if start.startswith("{"):
        return "jsonl"
    if start.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in text[:4096].lower() and "<p" in text.lower()):
        return "html"
    return "text"


def text_article(text: str, id: str, source: str) -> Article:
    """A plain-text article: a short first line followed by a blank line is the headline."""
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    first, sep, rest = stripped.partition("\n")
    title, body, offset = None, text, 0
    if sep and len(first) <= 300 and rest.strip() and rest.lstrip(" \t\r").startswith("\n"):
        body_start = lead + len(first) + 1
        body_start += len(rest) - len(rest.lstrip())
        title, body, offset = first.strip(), text[body_start:], body_start
    if not body.strip():
        raise InputError(Messages.EMPTY)
    return Article(id=id, source=source, body=body, title=title, body_offset=offset)


def html_article(html: str, id: str, source: str, url: str | None = None) -> Article:
    """Main text, title, date and outlet of an HTML page (trafilatura, then htmldate for the date).

    Raises:
        InputError: the page holds no article text.
    """
    import trafilatura  # heavy: imported only when HTML comes in

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        raise InputError(Messages.NO_ARTICLE)
    title = (doc.title or "").strip() or None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1> as the first line
    if not any(len(p.split()) >= _MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise InputError(Messages.NO_ARTICLE)  # menus and link lists that trafilatura fell back to
    date = doc.date
    if not date:
        from htmldate import find_date
        date = find_date(html, original_date=True, extensive_search=False)
    return Article(id=id, source=source, body="\n\n".join(paragraphs), title=title, date=date,
                   url=url or doc.url, outlet=doc.sitename or None,
                   meta={k: v for k, v in {"author": doc.author, "description": doc.description}.items() if v})


def record_article(rec: dict[str, Any], source: str, fallback_id: str) -> Article:
    """An article from a JSONL or CSV record; unknown fields are kept as metadata."""
    fields = {k: v for k, v in rec.items() if k in KNOWN_FIELDS and v not in (None, "")}
    meta = {k: v for k, v in rec.items() if k not in KNOWN_FIELDS}
    rid = str(fields.get("id", fallback_id))
    text, html = fields.get("text"), fields.get("html")
    if text is None and html is None:
        raise InputError(Messages.NO_TEXT_FIELD.format(fields=", ".join(rec) or "none"))
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            raise InputError(Messages.EMPTY)
        art = Article(id=rid, source=source, body=text, body_offset=0)
    else:
        art = html_article(str(html), id=rid, source=source, url=fields.get("url"))
    art.title = fields.get("title", art.title)
    art.url = fields.get("url", art.url)
    art.outlet = fields.get("outlet", art.outlet)
    art.date = fields.get("date", art.date)
    art.meta = {**art.meta, **meta}
    return art


def _read_jsonl(stream: BinaryIO, source: str, stem: str, options: IngestOptions) -> Iterator[Article | Problem]:
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{source}:{n}"
        try:
            if len(raw) > options.max_bytes:
                raise InputError(Messages.TOO_LARGE.format(size=human_size(len(raw)), limit=human_size(options.max_bytes)))
            line = decode(raw)
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(Messages.BAD_JSON.format(error=e.msg + f" at column {e.colno}")) from None
            if not isinstance(rec, dict):
                raise InputError(Messages.NOT_OBJECT.format(kind=type(rec).__name__))
            yield finish_article(record_article(rec, where, f"{stem}-{n}"), options, stem)
        except InputError as e:
            yield Problem(source, e.message, n)


def _read_csv(stream: BinaryIO, source: str, stem: str, options: IngestOptions) -> Iterator[Article | Problem]:
    csv.field_size_limit(max(options.max_bytes, 131072))
    try:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        if reader.fieldnames is None:
            yield Problem(source, Messages.EMPTY)
            return
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield Problem(source, Messages.BAD_CSV.format(error=e), line)
                return
            try:
                row.pop(None, None)  # extra cells beyond the header
                yield finish_article(record_article(row, f"{source}:{line}", f"{stem}-{reader.line_num}"), options, stem)
            except InputError as e:
                yield Problem(source, e.message, line)
    except UnicodeDecodeError as e:
        yield Problem(source, Messages.BAD_UTF8.format(line="?", byte=e.start))


def finish_article(art: Article, options: IngestOptions, stem: str) -> Article:
    """Fill the date from the options (by id, then by file `stem`), normalise it, fingerprint the content.

    Raises:
        InputError: the date is not a date.
    """
    if not art.date and options.dates:
        art.date = options.dates.get(art.id) or options.dates.get(stem)
    if not art.date:
        art.date = options.default_date
    art.date = normalize_date(art.date)
    art.content_hash = content_hash(art)
    return art


def content_hash(art: Article) -> str:
    """Identity of an article's content: the same article read twice hashes the same."""
    key = json.dumps([art.title, art.body, art.date, art.url, art.outlet], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def read_date_map(path: str) -> dict[str, str]:
    """A CSV or TSV of `file,date` (or `id,date`) rows, for inputs that carry no date.

    Raises:
        InputError: unreadable file or a bad date (named with its line).
    """
    out: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as f:
            lines = [l for l in f if l.strip() and not l.startswith("#")]
    except OSError as e:
        raise InputError(Messages.UNREADABLE.format(error=e.strerror or e)) from None
    delim = "\t" if lines and "\t" in lines[0] else ","
    for n, row in enumerate(csv.reader(lines, delimiter=delim), 1):
        if n == 1 and row and row[0].strip().lower() in ("file", "id"):
            continue
        if len(row) < 2:
            raise InputError(f"{path}: expected 'file,date'", line=n)
        try:
            date = normalize_date(row[1])
        except InputError as e:
            raise InputError(f"{path}: {e.message}", line=n) from None
        name = row[0].strip()
        out[name] = date or ""
        out[file_stem(Path(name))] = date or ""
    return out
