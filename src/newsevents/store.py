"""Store: the embedded DuckDB database of documents, actors, mentions, quotes and events.

Each document is written with all its records in one transaction, so a crash or
Ctrl-C leaves every earlier document whole; a document whose content hash is already
stored is skipped, so the next run picks up where the last one stopped.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .errors import StoreError
from .records import Analysis, EventActor, plain

SCHEMA_VERSION = "1"
_ID_ORDER = "try_cast(substr({0}, 2) AS INTEGER), {0}"  # a2 before a10, as extract numbers them
TABLES = ("documents", "actors", "mentions", "quotes", "events")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS store_info (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, title VARCHAR, date DATE, outlet VARCHAR,
    url VARCHAR, text VARCHAR, source VARCHAR, headings JSON, meta JSON,
    ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR, code VARCHAR, country VARCHAR,
    sector VARCHAR, kind VARCHAR, organisation VARCHAR, role VARCHAR, mention_count INTEGER);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, kind VARCHAR,
    speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER, speaker_actor_id VARCHAR,
    speaker_name VARCHAR, speaker_code VARCHAR,
    content_text VARCHAR, content_start INTEGER, content_end INTEGER,
    cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, event VARCHAR, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR, quad INTEGER, goldstein DOUBLE, actor JSON, recipient JSON,
    actor_codes VARCHAR[], recipient_codes VARCHAR[], date DATE, location VARCHAR, negated BOOLEAN,
    modality VARCHAR, source_of_claim JSON, sentence_text VARCHAR, sentence_start INTEGER,
    sentence_end INTEGER, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    confidence DOUBLE, explain JSON);
"""


def _connect(path: str, read_only: bool, lock_wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + lock_wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as e:
            first = str(e).splitlines()[0]
            if "lock" not in first.lower():
                raise StoreError(f"{path}: cannot open store: {first}") from None
            if time.monotonic() >= deadline:
                waited = f" (waited {lock_wait:g} s)" if lock_wait else ""
                raise StoreError(f"{path}: another process is using the store{waited}; "
                                 f"try again when it has finished ({first})") from None
            time.sleep(0.1)


@dataclass
class WriteResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


class Store:
    """A DuckDB file holding analysed documents.

    Args:
        path: the DuckDB file (created when writing).
        read_only: open for reading; other readers may share the file.
        lock_wait: seconds to wait while another process holds the file (a server taking
            its snapshot, another ingest) before giving up.

    Raises:
        StoreError: the file cannot be opened (locked longer than `lock_wait`, not a DuckDB file).
    """

    def __init__(self, path: str | Path, read_only: bool = False, lock_wait: float = 0.0):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; create it with 'newsevents ingest'")
        self.con = _connect(self.path, read_only, lock_wait)
        if not read_only:
            self.con.execute(_SCHEMA)
            if not self.con.execute("SELECT 1 FROM store_info WHERE key = 'schema'").fetchone():
                self.con.execute("INSERT INTO store_info VALUES ('schema', ?)", [SCHEMA_VERSION])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of `hashes` already stored: their articles need no analysis."""
        hashes = list(set(hashes))
        if not hashes:
            return set()
        rows = self.con.execute("SELECT DISTINCT content_hash FROM documents WHERE list_contains(?, content_hash)",
                                [hashes]).fetchall()
        return {r[0] for r in rows}

    def write(self, analyses: list[Analysis], force: bool = False) -> WriteResult:
        """Store analyses in one transaction: a changed document replaces its old records.

        An unchanged document (same id and content hash) is left as it is, unless `force`.
        """
        result = WriteResult()
        if not analyses:
            return result
        latest = {a.document.id: a for a in analyses}  # the last version of an id in a batch wins
        ids = list(latest)
        old = dict(self.con.execute("SELECT id, content_hash FROM documents WHERE list_contains(?, id)", [ids]).fetchall())
        fresh = []
        for doc_id, a in latest.items():
            if old.get(doc_id) == a.document.content_hash and not force:
                result.unchanged += 1
            else:
                fresh.append(a)
                result.replaced += doc_id in old
                result.added += doc_id not in old
        if not fresh:
            return result
        rows = _rows(fresh)
        self.con.execute("BEGIN TRANSACTION")
        try:
            stale = [a.document.id for a in fresh if a.document.id in old]
            if stale:
                for table in TABLES:
                    key = "id" if table == "documents" else "doc_id"
                    self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, {key})", [stale])
            for table, table_rows in rows.items():
                if table_rows:
                    self._insert(table, table_rows)
            self.con.execute("COMMIT")
        except BaseException:  # Ctrl-C included: nothing half-written stays
            self.con.execute("ROLLBACK")
            raise
        return result

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        cols = list(rows[0])
        arrow = pa.Table.from_pylist(rows)
        self.con.register("_incoming", arrow)
        try:
            quoted = ", ".join(f'"{c}"' for c in cols)
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def load_parquet(self, files: dict[str, str], filesystem: Any = None, force: bool = False) -> WriteResult:
        """Merge one shard's Parquet tables (as the Dask engine writes them) in one transaction.

        Same rules as `write`: a document stored with the same id and content hash is left
        as it is (so loading twice adds nothing), a changed one replaces its old records.

        Args:
            files: table name -> Parquet file (path, or path on `filesystem`), for every table.
            filesystem: an fsspec or pyarrow filesystem for object-store paths (None: local).
            force: replace even unchanged documents.
        """
        import pyarrow.dataset as ds

        names = {t: f"_in_{t}" for t in TABLES}
        con = self.con.cursor()  # its own connection: registrations and temp tables stay private
        for t in TABLES:
            con.register(names[t], ds.dataset(files[t], format="parquet", filesystem=filesystem))
        result = WriteResult()
        con.execute("BEGIN TRANSACTION")
        try:
            changed = "TRUE" if force else "d.id IS NULL OR d.content_hash <> i.content_hash"
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _in_ids AS SELECT i.id, d.id IS NOT NULL AS existed "
                f"FROM {names['documents']} i LEFT JOIN documents d ON d.id = i.id WHERE {changed}")
            total = con.execute(f"SELECT count(*) FROM {names['documents']}").fetchone()[0]
            result.added, result.replaced = con.execute(
                "SELECT count(*) FILTER (NOT existed), count(*) FILTER (existed) FROM _in_ids").fetchone()
            result.unchanged = total - result.added - result.replaced
            for t in TABLES:
                key = "id" if t == "documents" else "doc_id"
                con.execute(f"DELETE FROM {t} WHERE {key} IN (SELECT id FROM _in_ids WHERE existed)")
                con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM {names[t]} "
                            f"WHERE {key} IN (SELECT id FROM _in_ids)")
            con.execute("DROP TABLE _in_ids")
            con.execute("COMMIT")
        except BaseException:  # Ctrl-C included: nothing half-loaded stays
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()
        return result

    # -- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iter_documents(self, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored documents in the output contract's nested form (as `extract` prints them)."""
        where, params = ("WHERE list_contains(?, id)", [ids]) if ids is not None else ("", [])
        docs = self.query(f"SELECT * FROM documents {where} ORDER BY date NULLS LAST, id", params)
        for d in docs:
            yield self._nested(d)

    def _nested(self, d: dict[str, Any]) -> dict[str, Any]:
        doc_id = d["id"]
        actors = self.query("SELECT * FROM actors WHERE doc_id = ? ORDER BY " + _ID_ORDER.format("actor_id"), [doc_id])
        mentions = self.query('SELECT * FROM mentions WHERE doc_id = ? ORDER BY start, "end"', [doc_id])
        by_actor: dict[str, list] = {}
        for m in mentions:
            by_actor.setdefault(m["actor_id"], []).append({"start": m["start"], "end": m["end"], "text": m["text"]})
        quotes = self.query("SELECT * FROM quotes WHERE doc_id = ? ORDER BY " + _ID_ORDER.format("quote_id"), [doc_id])
        events = self.query("SELECT * FROM events WHERE doc_id = ? ORDER BY " + _ID_ORDER.format("event_id"), [doc_id])
        return {
            "id": doc_id, "title": d["title"], "date": d["date"].isoformat() if d["date"] else None,
            "outlet": d["outlet"], "url": d["url"], "text": d["text"], "source": d["source"],
            "content_hash": d["content_hash"], "headings": json.loads(d["headings"] or "[]"),
            "meta": json.loads(d["meta"] or "{}"),
            "actors": [{"id": a["actor_id"], "name": a["name"], "code": a["code"], "country": a["country"],
                        "sector": a["sector"], "kind": a["kind"], "organisation": a["organisation"],
                        "role": a["role"], "mentions": by_actor.get(a["actor_id"], [])} for a in actors],
            "quotes": [quote_from_row(q) for q in quotes],
            "events": [event_from_row(e) for e in events],
        }


def _span(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_start") is None:
        return None
    return {"text": row[f"{prefix}_text"], "start": row[f"{prefix}_start"], "end": row[f"{prefix}_end"]}


def quote_from_row(q: dict[str, Any]) -> dict[str, Any]:
    speaker = _span(q, "speaker") or {"text": None, "start": None, "end": None}
    speaker["actor"] = q["speaker_actor_id"]
    return {"id": q["quote_id"], "speaker": speaker, "content": _span(q, "content"), "cue": _span(q, "cue"),
            "kind": q["kind"]}


def event_from_row(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": e["event_id"], "event": e["event"], "mode": e["mode"], "context": list(e["context"] or []),
        "cameo": e["cameo"], "quad": e["quad"], "goldstein": e["goldstein"],
        "actor": json.loads(e["actor"] or "[]"), "recipient": json.loads(e["recipient"] or "[]"),
        "date": e["date"].isoformat() if e["date"] else None, "location": e["location"],
        "negated": e["negated"], "modality": e["modality"],
        "source_of_claim": json.loads(e["source_of_claim"]) if e["source_of_claim"] else None,
        "sentence": _span(e, "sentence"), "trigger": _span(e, "trigger"), "confidence": e["confidence"],
        "explain": json.loads(e["explain"] or "{}"),
    }


def _codes(side: list[EventActor]) -> list[str]:
    return [a.code for a in side if a.code]


def _rows(analyses: list[Analysis]) -> dict[str, list[dict[str, Any]]]:
    """Table rows for a batch of analyses."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for a in analyses:
        d = a.document
        rows["documents"].append({
            "id": d.id, "content_hash": d.content_hash, "title": d.title, "date": d.date, "outlet": d.outlet,
            "url": d.url, "text": d.text, "source": d.source,
            "headings": json.dumps([plain(h) for h in d.headings]),
            "meta": json.dumps(d.meta, ensure_ascii=False, default=str)})
        names = {}
        for actor in a.actors:
            names[actor.id] = actor
            rows["actors"].append({
                "doc_id": d.id, "actor_id": actor.id, "name": actor.name, "code": actor.code,
                "country": actor.country, "sector": actor.sector, "kind": actor.kind,
                "organisation": actor.organisation, "role": actor.role, "mention_count": len(actor.mentions)})
            rows["mentions"].extend({"doc_id": d.id, "actor_id": actor.id, "start": m.start, "end": m.end,
                                     "text": m.text} for m in actor.mentions)
        for q in a.quotes:
            sp = names.get(q.speaker_actor) if q.speaker_actor else None
            rows["quotes"].append({
                "doc_id": d.id, "quote_id": q.id, "kind": q.kind,
                "speaker_text": q.speaker.text if q.speaker else None,
                "speaker_start": q.speaker.start if q.speaker else None,
                "speaker_end": q.speaker.end if q.speaker else None,
                "speaker_actor_id": q.speaker_actor, "speaker_name": sp.name if sp else None,
                "speaker_code": sp.code if sp else None,
                "content_text": q.content.text, "content_start": q.content.start, "content_end": q.content.end,
                "cue_text": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None})
        for e in a.events:
            rows["events"].append({
                "doc_id": d.id, "event_id": e.id, "event": e.event, "mode": e.mode, "context": e.context,
                "cameo": e.cameo, "quad": e.quad, "goldstein": e.goldstein,
                "actor": json.dumps([plain(x) for x in e.actor]),
                "recipient": json.dumps([plain(x) for x in e.recipient]),
                "actor_codes": _codes(e.actor), "recipient_codes": _codes(e.recipient),
                "date": e.date, "location": e.location, "negated": e.negated, "modality": e.modality,
                "source_of_claim": json.dumps(plain(e.source_of_claim)) if e.source_of_claim else None,
                "sentence_text": e.sentence.text, "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end, "trigger_text": e.trigger.text,
                "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
                "confidence": e.confidence, "explain": json.dumps(e.explain, default=str)})
    return rows
