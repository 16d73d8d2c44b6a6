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
        return f"len(list_filter({column}, lambda c: starts_with(c, ?))) > 0"
    params.append(f"%{value}%")
    return f"CAST({json_column} AS VARCHAR) ILIKE ?"


def _dates(f: Filters, column: str, where: list[str], params: list[Any]) -> None:
    if f.since:
        where.append(f"{column} >= ?")
        params.append(normalize_date(f.since))
    if f.until:
        where.append(f"{column} <= ?")
        params.append(normalize_date(f.until))


def events(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Events matching the filters, newest last, each with its document id."""
    sql, params = _event_sql(f)
    sql += " ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_start" + _limit(f)
    return [{"document": r["doc_id"], **event_from_row(r)} for r in store.query(sql, params)]


def quotes(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Quotes matching the filters, with the speaker's resolved name and code."""
    sql, params = _quote_sql(f)
    sql += " ORDER BY d.date NULLS LAST, q.doc_id, q.content_start" + _limit(f)
    return [{"document": r["doc_id"], "date": _iso(r["doc_date"]), **quote_from_row(r),
             "speaker_name": r["speaker_name"], "speaker_code": r["speaker_code"]} for r in store.query(sql, params)]


def actors(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Actors across documents, grouped by name and code, with mention and document counts."""
    where, params = _actor_where(f)
    sql = ("SELECT a.name, a.code, a.country, a.sector, a.kind, count(DISTINCT a.doc_id) AS documents, "
           "sum(a.mention_count) AS mentions FROM actors a JOIN documents d ON d.id = a.doc_id")
    sql += _where(where) + " GROUP BY ALL ORDER BY mentions DESC, a.name" + _limit(f)
    return store.query(sql, params)


def documents(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Documents with their counts of actors, quotes and events."""
    where, params = _document_where(f)
    sql = ("SELECT d.id, d.date, d.outlet, d.title, "
           "(SELECT count(*) FROM actors a WHERE a.doc_id = d.id) AS actors, "
           "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes, "
           "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d")
    return store.query(sql + _where(where) + " ORDER BY d.date NULLS LAST, d.id" + _limit(f), params)


# -- the filters as SQL, shared by the lists above and the API's pages below -----------

def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _limit(f: Filters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit else ""


def _event_sql(f: Filters) -> tuple[str, list[Any]]:
    """The filtered events joined to their documents."""
    where, params = [], []
    if f.actor:
        where.append(_side("e.actor_codes", "e.actor", f.actor, params))
    if f.recipient:
        where.append(_side("e.recipient_codes", "e.recipient", f.recipient, params))
    if f.country:
        where.append("len(list_filter(list_concat(e.actor_codes, e.recipient_codes), "
                     "lambda c: starts_with(c, ?))) > 0")
        params.append(f.country.upper())
    if f.types:
        where.append("list_contains(?, e.event)")
        params.append([t.upper() for t in f.types])
    quads = getattr(f, "quads", None)
    if quads:
        where.append("list_contains(?, e.quad)")
        params.append([int(x) for x in quads])
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
    _dates(f, "d.date" if getattr(f, "date_field", "event") == "document" else "e.date", where, params)
    sql = ("SELECT e.*, d.date AS doc_date, d.title AS doc_title FROM events e "
           "JOIN documents d ON d.id = e.doc_id")
    return sql + _where(where), params


def _quote_sql(f: Filters) -> tuple[str, list[Any]]:
    """The filtered quotes joined to their documents."""
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
    sql = "SELECT q.*, d.date AS doc_date, d.title AS doc_title FROM quotes q JOIN documents d ON d.id = q.doc_id"
    return sql + _where(where), params


def _code_or_name(value: str, params: list[Any]) -> str:
    """SQL matching an actor row `a`: a code prefix (USAGOV), else part of its name (Trump)."""
    if _CODE.match(value):
        params.append(value)
        return "starts_with(a.code, ?)"
    params.append(f"%{value}%")
    return "a.name ILIKE ?"


def _actor_where(f: Filters) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if f.actor:
        where.append(_code_or_name(f.actor, params))
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
    return where, params


def _document_where(f: Filters) -> tuple[list[str], list[Any]]:
    """Documents by text, id, date, and the actors and event types they hold."""
    where, params = [], []
    if f.search:
        where.append("(d.title ILIKE ? OR d.text ILIKE ?)")
        params += [f"%{f.search}%"] * 2
    if f.document:
        where.append("d.id = ?")
        params.append(f.document)
    if f.actor:
        where.append(f"EXISTS (SELECT 1 FROM actors a WHERE a.doc_id = d.id AND {_code_or_name(f.actor, params)})")
    if f.country:
        where.append("EXISTS (SELECT 1 FROM actors a WHERE a.doc_id = d.id AND a.country = ?)")
        params.append(f.country.upper())
    if f.types:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id AND list_contains(?, e.event))")
        params.append([t.upper() for t in f.types])
    _dates(f, "d.date", where, params)
    return where, params


def summary(store: Store) -> dict[str, Any]:
    """Counts for a first look at a store."""
    out: dict[str, Any] = {"counts": store.counts()}
    out["events_by_type"] = store.query(
        "SELECT event, count(*) AS n FROM events WHERE NOT coalesce(negated, false) GROUP BY event ORDER BY n DESC")
    out["top_actors"] = store.query(
        "SELECT name, code, sum(mention_count) AS mentions FROM actors GROUP BY name, code ORDER BY mentions DESC LIMIT 10")
    out["top_speakers"] = store.query(
        "SELECT coalesce(speaker_name, speaker_text) AS speaker, count(*) AS quotes FROM quotes "
        "WHERE speaker_name IS NOT NULL OR (speaker_text IS NOT NULL AND lower(speaker_text) NOT IN "
        "('he', 'she', 'they', 'it', 'we', 'i', 'you')) GROUP BY ALL ORDER BY quotes DESC LIMIT 10")  # no bare pronouns
    out["dates"] = store.query("SELECT min(date) AS first, max(date) AS last FROM documents")[0]
    return out


# -- pages and stats (the HTTP API) ----------------------------------------------------
# Keyset ("cursor") pagination: a page ends with an opaque cursor holding the sort key of
# its last row; the next page starts strictly after it, so rows written meanwhile never
# shift a page. The filters below extend `Filters` with what the API offers on top.

_FAR_DATE = "9999-12-31"  # rows without a date sort last


class CursorError(ValueError):
    """A pagination cursor that this query did not hand out (or that was altered)."""


@dataclass
class QueryFilters(Filters):
    quads: list[int] = field(default_factory=list)  # quad classes 1..4
    date_field: str = "event"  # "event" (the event's own date) or "document" (publication date)


@dataclass
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str | None


def encode_cursor(kind: str, key: list[Any]) -> str:
    import base64
    import json

    raw = json.dumps([kind, key], separators=(",", ":"), default=str).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, cursor: str, types: tuple[str, ...]) -> list[Any]:
    """The sort key in `cursor`, checked against the query `kind` and the key's types.

    Raises:
        CursorError: not a cursor of this query.
    """
    import base64
    import binascii
    import datetime as dt
    import json

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_kind, key = json.loads(raw.decode("utf-8"))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise CursorError("not a valid cursor") from None
    if got_kind != kind or not isinstance(key, list) or len(key) != len(types):
        raise CursorError(f"not a cursor of this query ({kind})")
    for value, t in zip(key, types):
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62 if t == "BIGINT" \
            else isinstance(value, str)
        if ok and t == "DATE":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                ok = False
        if not ok:
            raise CursorError("not a valid cursor")
    return key


def _keyset(sql: str, params: list[Any], key_sql: list[str], kind: str, types: tuple[str, ...],
            cursor: str | None, size: int, store: Store, key_of) -> tuple[list[dict[str, Any]], str | None]:
    """Run `sql` (whose rows carry the key columns `_k0`, `_k1`, ...) one page at a time."""
    cols = ", ".join(f"{k} AS _k{i}" for i, k in enumerate(key_sql))
    outer = f"SELECT * FROM (SELECT *, {cols} FROM ({sql}))"
    keys = ", ".join(f"_k{i}" for i in range(len(key_sql)))
    if cursor:
        after = decode_cursor(kind, cursor, types)
        outer += f" WHERE ({keys}) > ({', '.join(f'CAST(? AS {t})' for t in types)})"
        params = params + after
    outer += f" ORDER BY {keys} LIMIT {int(size) + 1}"
    rows = store.query(outer, params)
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = encode_cursor(kind, key_of(rows[-1])) if more and rows else None
    for r in rows:
        for i in range(len(key_sql)):
            r.pop(f"_k{i}", None)
    return rows, next_cursor


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _event_out(r: dict[str, Any]) -> dict[str, Any]:
    return {"document": r["doc_id"], **event_from_row(r), "document_date": _iso(r["doc_date"]),
            "document_title": r["doc_title"]}


def event_page(store: Store, f: Filters, cursor: str | None = None, size: int = 50) -> Page:
    """One page of events matching the filters, in time order (date, document, position).

    Raises:
        CursorError: `cursor` was not handed out by this query.
    """
    sql, params = _event_sql(f)
    date_col = "doc_date" if getattr(f, "date_field", "event") == "document" else "date"
    key = [f"coalesce({date_col}, DATE '{_FAR_DATE}')", "doc_id", "coalesce(sentence_start, -1)", "event_id"]
    rows, nxt = _keyset(sql, params, key, "events", ("DATE", "VARCHAR", "BIGINT", "VARCHAR"), cursor, size, store,
                        lambda r: [_iso(r["_k0"]), r["_k1"], r["_k2"], r["_k3"]])
    return Page([_event_out(r) for r in rows], nxt)


def get_event(store: Store, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """One event by document and event id, negated or not; None when there is none."""
    rows = store.query("SELECT e.*, d.date AS doc_date, d.title AS doc_title FROM events e "
                       "JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ? AND e.event_id = ?", [doc_id, event_id])
    return _event_out(rows[0]) if rows else None


def quote_page(store: Store, f: Filters, cursor: str | None = None, size: int = 50) -> Page:
    """One page of quotes matching the filters (speaker, text, country, document, dates)."""
    sql, params = _quote_sql(f)
    key = [f"coalesce(doc_date, DATE '{_FAR_DATE}')", "doc_id", "coalesce(content_start, -1)", "quote_id"]
    rows, nxt = _keyset(sql, params, key, "quotes", ("DATE", "VARCHAR", "BIGINT", "VARCHAR"), cursor, size, store,
                        lambda r: [_iso(r["_k0"]), r["_k1"], r["_k2"], r["_k3"]])
    out = [{"document": r["doc_id"], "date": _iso(r["doc_date"]), "document_title": r["doc_title"],
            **quote_from_row(r), "speaker_name": r["speaker_name"], "speaker_code": r["speaker_code"]} for r in rows]
    return Page(out, nxt)


def actor_page(store: Store, f: Filters, cursor: str | None = None, size: int = 50) -> Page:
    """One page of actors across documents (grouped by name and code), most mentioned first."""
    where, params = _actor_where(f)
    sql = ("SELECT a.name, a.code, any_value(a.country) AS country, any_value(a.sector) AS sector, "
           "any_value(a.kind) AS kind, count(DISTINCT a.doc_id) AS documents, "
           "CAST(sum(a.mention_count) AS BIGINT) AS mentions FROM actors a JOIN documents d ON d.id = a.doc_id")
    sql += _where(where) + " GROUP BY a.name, a.code"
    key = ["-coalesce(mentions, 0)", "coalesce(name, '')", "coalesce(code, '')"]
    rows, nxt = _keyset(sql, params, key, "actors", ("BIGINT", "VARCHAR", "VARCHAR"), cursor, size, store,
                        lambda r: [r["_k0"], r["_k1"], r["_k2"]])
    return Page(rows, nxt)


def document_page(store: Store, f: Filters, cursor: str | None = None, size: int = 50) -> Page:
    """One page of documents with their counts; `actor` and `types` keep documents that have them."""
    where, params = _document_where(f)
    sql = ("SELECT d.id, d.date, d.outlet, d.title, d.url, "
           "(SELECT count(*) FROM actors a WHERE a.doc_id = d.id) AS actors, "
           "(SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes, "
           "(SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d") + _where(where)
    key = [f"coalesce(date, DATE '{_FAR_DATE}')", "id"]
    rows, nxt = _keyset(sql, params, key, "documents", ("DATE", "VARCHAR"), cursor, size, store,
                        lambda r: [_iso(r["_k0"]), r["_k1"]])
    for r in rows:
        r["date"] = _iso(r["date"])
    return Page(rows, nxt)


def event_stats(store: Store, f: Filters, top: int = 50) -> dict[str, Any]:
    """Counts of the filtered events by type, quad class, day, country and dyad.

    A dyad is an (actor, recipient) pair named by the actors' canonical names (the mention
    text where an actor is not resolved); each comes with counts of cooperation (quad 1-2)
    and conflict (quad 3-4), its mean Goldstein score and up to five example events.
    """
    import json

    sql, params = _event_sql(f)
    day = "doc_date" if getattr(f, "date_field", "event") == "document" else "date"
    out: dict[str, Any] = {}
    out["total"] = store.query(f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"]
    out["by_type"] = store.query(f"SELECT event, count(*) AS n FROM ({sql}) GROUP BY event ORDER BY n DESC, event",
                                 params)
    out["by_quad"] = store.query(f"SELECT quad, count(*) AS n FROM ({sql}) GROUP BY quad ORDER BY quad NULLS LAST",
                                 params)
    out["by_day"] = [{"day": _iso(r["day"]), "quad": r["quad"], "n": r["n"]} for r in store.query(
        f"SELECT {day} AS day, quad, count(*) AS n FROM ({sql}) WHERE {day} IS NOT NULL "
        "GROUP BY ALL ORDER BY day, quad NULLS LAST", params)]
    rows = store.query(f"SELECT doc_id, event_id, quad, goldstein, actor, recipient FROM ({sql})", params)
    docs = sorted({r["doc_id"] for r in rows})
    names = {(a["doc_id"], a["actor_id"]): a for a in store.query(
        "SELECT doc_id, actor_id, name, code, country FROM actors WHERE list_contains(?, doc_id)", [docs])} if docs else {}

    def node(doc_id: str, side: dict[str, Any]) -> tuple[str, str | None, str | None]:
        a = names.get((doc_id, side.get("actor_id")))
        if a:
            return a["name"] or side.get("text") or "?", a["code"], a["country"]
        return side.get("text") or "?", side.get("code"), side.get("country")

    countries: dict[str, int] = {}
    dyads: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        actor, recipient = json.loads(r["actor"] or "[]"), json.loads(r["recipient"] or "[]")
        seen = {s.get("country") for s in actor + recipient if s.get("country")}
        for c in seen:
            countries[c] = countries.get(c, 0) + 1
        pairs = {(node(r["doc_id"], a), node(r["doc_id"], b)) for a in actor for b in recipient}
        for (src, tgt) in pairs:
            d = dyads.setdefault((src[0], tgt[0]), {
                "actor": src[0], "actor_code": src[1], "recipient": tgt[0], "recipient_code": tgt[1],
                "n": 0, "cooperation": 0, "conflict": 0, "_g": [], "examples": []})
            d["n"] += 1
            if r["quad"] in (1, 2):
                d["cooperation"] += 1
            elif r["quad"] in (3, 4):
                d["conflict"] += 1
            if r["goldstein"] is not None:
                d["_g"].append(r["goldstein"])
            if len(d["examples"]) < 5:
                d["examples"].append({"document": r["doc_id"], "id": r["event_id"]})
    for d in dyads.values():
        g = d.pop("_g")
        d["goldstein"] = round(sum(g) / len(g), 2) if g else None
    out["by_country"] = [{"country": c, "n": n} for c, n in
                         sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    out["dyads"] = sorted(dyads.values(), key=lambda d: (-d["n"], d["actor"], d["recipient"]))[:top]
    return out
