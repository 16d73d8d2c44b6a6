"""WARC: news pages from web-archive files (Common Crawl's CC-NEWS and the like).

Only `response` records with an HTTP 200 and an HTML body are articles; request,
metadata and other records, redirects, errors and non-HTML bodies are skipped. Each
page goes through the same HTML extraction as a single HTML file; its URL is kept,
and the crawl date (WARC-Date) stands in for the publication date when the page
shows none.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError, Messages, human_size
from ..ingest import IngestOptions, finish_article, html_article
from ..records import Article, Problem
from .errors import ScaleMessages

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def article_id(url: str) -> str:
    """A short stable id for a page: the same URL in any crawl gets the same id."""
    return "warc-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def read_warc(stream: BinaryIO, source: str, stem: str, options: IngestOptions | None = None
              ) -> Iterator[Article | Problem]:
    """Yield an `Article` for every HTML page in a WARC stream (gzip per record or plain).

    Pages with no article text (index pages, menus) are reported as warnings; a corrupt
    file is reported once and ends the reading of that file; a file cut short (which
    warcio reads as a shorter file, or as a shorter last page) is reported as an error.

    Args:
        stream: the WARC bytes.
        source: the file name or URL, used in records and problems.
        stem: the file name without extensions, for the --dates map.
        options: date defaults and size limit.
    """
    from warcio.archiveiterator import ArchiveIterator

    options = options or IngestOptions()
    n = 0
    counted = _Counting(stream)
    try:
        records = ArchiveIterator(counted)
        for record in records:
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            try:
                page, problem = _page(record, options), None
            except InputError as e:
                page, problem = None, Problem(source, f"{e.message} ({url})", n)
            if not _whole(record):
                yield Problem(source, ScaleMessages.TRUNCATED_WARC.format(record=n), n)
                return
            if problem is not None or page is None:
                if problem is not None:
                    yield problem
                continue
            html, crawl_date, meta = page
            meta["warc_offset"] = records.get_record_offset()
            try:
                art = html_article(html, id=article_id(url), source=f"{source}:{n}", url=url)
            except InputError as e:
                level = "warning" if e.message == Messages.NO_ARTICLE else "error"
                yield Problem(source, f"{e.message} ({url})", n, level=level)
                continue
            art.url = url  # the crawled URL, not a canonical link the page may name
            art.date = art.date or crawl_date
            art.meta = {**art.meta, **meta}
            try:
                yield finish_article(art, options, stem)
            except InputError as e:
                yield Problem(source, e.message, n)
    except Exception as e:  # warcio raises several kinds on a corrupt file
        yield Problem(source, ScaleMessages.BAD_WARC.format(error=f"{type(e).__name__}: {e}".splitlines()[0]), n or None)
        return
    if n == 0:
        yield Problem(source, ScaleMessages.BAD_WARC.format(error="no WARC record found"))
    elif records.offset != counted.read_bytes:  # bytes after the last whole record: one cut short
        yield Problem(source, ScaleMessages.TRUNCATED_WARC.format(record=n + 1), n + 1)


def _whole(record) -> bool:
    """Read the rest of the record; False when the file ends inside it: before the length
    its header declares, or inside the HTTP headers of a response (warcio returns none)."""
    while record.raw_stream.read(1 << 16):
        pass
    ctype = record.rec_headers.get_header("Content-Type") or ""
    headless = record.rec_type == "response" and record.http_headers is None and "application/http" in ctype
    return record.raw_stream.limit == 0 and not headless


class _Counting:
    """A byte stream that counts what has been read from it (to see whether warcio read all)."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.read_bytes += len(data)
        return data


def _page(record, options: IngestOptions) -> tuple[str, str | None, dict] | None:
    """(html, crawl date, meta) of an HTML response record; None to skip the record.

    Raises:
        InputError: the page is over the size limit.
    """
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    crawl_date = warc_date[:10] or None
    meta = {"crawl_date": warc_date or None, "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")}
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(Messages.TOO_LARGE.format(size="page", limit=human_size(options.max_bytes)))
    return _decode_html(data, ctype), crawl_date, meta


def _decode_html(data: bytes, ctype: str) -> str:
    """The page's text: the declared charset, else UTF-8, else UTF-8 with replacement characters."""
    declared = _CHARSET.search(ctype) or _CHARSET.search(data[:2048].decode("ascii", "ignore"))
    for encoding in ([declared.group(1)] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")
