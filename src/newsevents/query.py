"""Queries over the store with the filters users ask for (CLI now, HTTP API later)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dates import normalize_date
from .store import Store, event_from_row, quote_from_row

_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


@dataclass
class Filters:
    actor: str | None = None  # a code prefix (USA, USAGOV) or a name (Trump)
    recipient: str | None = None
    country: str | None = None  # either side's country
    types: list[str] = field(default_factory=list)  # PLOVER event types
    since: str | None = None
    until: str | None = None
    search: str | None = None  # text search in the evidence sentence or quote
    modality: str | None = None
    include_negated: bool = False
    speaker: str | None = None
    document: str | None = None
    limit: int | None = None


def _side(column: str, json_column: str, value: str, params: list[Any]) -> str:
    """SQL matching one side of an event: a code prefix, else a name in the mention text."""
    if _CODE.match(value):
        params.append(value)
        return f"len(list_filter({column}, c -> starts_with(c, ?))) > 0"
    params.append(f"%{value}%")
    return f"CAST({json_column} AS VARCHAR) ILIKE ?"


def _dates(f: Filters, column: str, where: list[str], params: list[Any]) -> None:
    if f.since:
        where.append(f"{column} >= ?")
        params.append(normalize_date(f.since))
    if f.until:
        where.append(f"{column} <= ?")
        params.append(normalize_date(f.until))


def _finish(sql: str, where: list[str], order: str, f: Filters) -> str:
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return sql


def events(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Events matching the filters, newest last, each with its document id."""
    where, params = [], []
    if f.actor:
        where.append(_side("e.actor_codes", "e.actor", f.actor, params))
    if f.recipient:
        where.append(_side("e.recipient_codes", "e.recipient", f.recipient, params))
    if f.country:
        where.append("len(list_filter(list_concat(e.actor_codes, e.recipient_codes), c -> starts_with(c, ?))) > 0")
        params.append(f.country.upper())
    if f.types:
        where.append("list_contains(?, e.event)")
        params.append([t.upper() for t in f.types])
    if f.modality:
        where.append("e.modality = ?")
        params.append(f.modality)
    if not f.include_negated:
        where.append("NOT coalesce(e.negated, false)")
    if f.search:
        where.append("e.sentence_text ILIKE ?")
        params.append(f"%{f.search}%")
    if f.document:
        where.append("e.doc_id = ?")
        params.append(f.document)
    _dates(f, "e.date", where, params)
    sql = _finish("SELECT e.* FROM events e", where, "e.date NULLS LAST, e.doc_id, e.sentence_start", f)
    return [{"document": r["doc_id"], **event_from_row(r)} for r in store.query(sql, params)]


def quotes(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Quotes matching the filters, with the speaker's resolved name and code."""
    where, params = [], []
    if f.speaker:
        where.append("(q.speaker_text ILIKE ? OR q.speaker_name ILIKE ? OR q.speaker_code ILIKE ?)")
        params += [f"%{f.speaker}%"] * 2 + [f"{f.speaker}%"]
    if f.search:
        where.append("q.content_text ILIKE ?")
        params.append(f"%{f.search}%")
    if f.country:
        where.append("starts_with(q.speaker_code, ?)")
        params.append(f.country.upper())
    if f.document:
        where.append("q.doc_id = ?")
        params.append(f.document)
    _dates(f, "d.date", where, params)
    sql = _finish("SELECT q.*, d.date AS doc_date FROM quotes q JOIN documents d ON d.id = q.doc_id",
                  where, "d.date NULLS LAST, q.doc_id, q.content_start", f)
    out = []
    for r in store.query(sql, params):
        row = {"document": r["doc_id"], "date": r["doc_date"].isoformat() if r["doc_date"] else None,
               **quote_from_row(r), "speaker_name": r["speaker_name"], "speaker_code": r["speaker_code"]}
        out.append(row)
    return out


def actors(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Actors across documents, grouped by name and code, with mention and document counts."""
    where, params = [], []
    if f.actor:
        if _CODE.match(f.actor):
            where.append("starts_with(a.code, ?)")
            params.append(f.actor)
        else:
            where.append("a.name ILIKE ?")
            params.append(f"%{f.actor}%")
    if f.country:
        where.append("a.country = ?")
        params.append(f.country.upper())
    if f.search:
        where.append("a.name ILIKE ?")
        params.append(f"%{f.search}%")
    if f.document:
        where.append("a.doc_id = ?")
        params.append(f.document)
    _dates(f, "d.date", where, params)
    sql = ("SELECT a.name, a.code, a.country, a.sector, a.kind, count(DISTINCT a.doc_id) AS documents, "
           "sum(a.mention_count) AS mentions FROM actors a JOIN documents d ON d.id = a.doc_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY ALL ORDER BY mentions DESC, a.name"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return store.query(sql, params)


def documents(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Documents with their counts of actors, quotes and events."""
    where, params = [], []
    if f.search:
        where.append("(d.title ILIKE ? OR d.text ILIKE ?)")
        params += [f"%{f.search}%"] * 2
    _dates(f, "d.date", where, params)
    sql = ("SELECT d.id, d.date, d.outlet, d.title, "
           "(SELECT count(*) FROM actors a WHERE a.doc_id = d.id) AS actors, "
           "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes, "
           "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d")
    return store.query(_finish(sql, where, "d.date NULLS LAST, d.id", f), params)


def summary(store: Store) -> dict[str, Any]:
    """Counts for a first look at a store."""
    out: dict[str, Any] = {"counts": store.counts()}
    out["events_by_type"] = store.query(
        "SELECT event, count(*) AS n FROM events WHERE NOT coalesce(negated, false) GROUP BY event ORDER BY n DESC")
    out["top_actors"] = store.query(
        "SELECT name, code, sum(mention_count) AS mentions FROM actors GROUP BY name, code ORDER BY mentions DESC LIMIT 10")
    out["top_speakers"] = store.query(
        "SELECT coalesce(speaker_name, speaker_text) AS speaker, count(*) AS quotes FROM quotes "
        "WHERE speaker_name IS NOT NULL OR speaker_text IS NOT NULL GROUP BY ALL ORDER BY quotes DESC LIMIT 10")
    out["dates"] = store.query("SELECT min(date) AS first, max(date) AS last FROM documents")[0]
    return out
