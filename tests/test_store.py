"""Store: idempotent re-ingest, atomic replacement of changed articles, crash safety, --force."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsevents import jobs
from newsevents.errors import StoreError
from newsevents.ingest import read_inputs
from newsevents.pipeline import PipelineOptions
from newsevents.store import Store

from conftest import (EXAMPLE_IDS, EXAMPLES, JSONL_IDS, TABLES, TEXT_IDS, coded_analyses, write_jsonl)


def snapshot(path) -> dict[str, list]:
    """Every row of every table, sorted: equal snapshots mean an unchanged store."""
    with Store(path, read_only=True) as s:
        out = {}
        for t in TABLES:
            rows = s.con.execute(f"SELECT * FROM {t}").fetchall()
            out[t] = sorted(map(repr, rows))
        out["ingested_at"] = sorted(map(repr, s.con.execute("SELECT id, ingested_at FROM documents").fetchall()))
    return out


def counts_by_doc(path) -> dict[str, dict[str, int]]:
    with Store(path, read_only=True) as s:
        out: dict[str, dict[str, int]] = {}
        for t in TABLES:
            key = "id" if t == "documents" else "doc_id"
            for doc_id, n in s.con.execute(f"SELECT {key}, count(*) FROM {t} GROUP BY 1").fetchall():
                out.setdefault(doc_id, {})[t] = n
    return out


def expected_rows(analysis) -> dict[str, int]:
    return {"documents": 1, "actors": len(analysis.actors),
            "mentions": sum(len(a.mentions) for a in analysis.actors),
            "quotes": len(analysis.quotes), "events": len(analysis.events)}


# -- the examples store -------------------------------------------------------------


def test_store_examples_all_ingested(examples_store):
    r = examples_store.report
    assert (r.read, r.added, r.replaced, r.unchanged, r.problems) == (len(EXAMPLE_IDS), len(EXAMPLE_IDS), 0, 0, [])
    assert examples_store.counts["documents"] == len(EXAMPLE_IDS)
    assert examples_store.counts["actors"] > 0 and examples_store.counts["mentions"] >= examples_store.counts["actors"]


def test_store_rows_match_analyses(examples_store, example_analyses):
    got = counts_by_doc(examples_store.path)
    assert sorted(got) == sorted(EXAMPLE_IDS)
    for doc_id, a in example_analyses.items():
        assert {t: got[doc_id].get(t, 0) for t in TABLES} == expected_rows(a), doc_id


def first_difference(want, got, path: str = "") -> str | None:
    """Where two JSON values first differ, as a readable path (None when equal)."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in list(want) + [k for k in got if k not in want]:
            if k not in want or k not in got:
                return f"{path}.{k}: {'missing in store' if k not in got else 'extra in store'}"
            d = first_difference(want[k], got[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return f"{path}: {len(want)} items analysed, {len(got)} stored"
        for i, (a, b) in enumerate(zip(want, got)):
            d = first_difference(a, b, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if want == got else f"{path}: analysed {want!r}, stored {got!r}"


def _by_id(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda x: x.get("id") or "")


def test_store_documents_round_trip(examples_store, example_analyses):
    """Every field of every record comes back from the store (list order aside)."""
    with Store(examples_store.path, read_only=True) as s:
        stored = {d["id"]: d for d in s.iter_documents()}
    for doc_id, a in example_analyses.items():
        want, got = json.loads(json.dumps(a.to_dict())), dict(stored[doc_id])
        for key in ("actors", "quotes", "events"):
            want[key], got[key] = _by_id(want[key]), _by_id(got[key])
        for actor in want["actors"] + got["actors"]:
            actor["mentions"] = sorted(actor["mentions"], key=lambda m: (m["start"], m["end"]))
        assert got == want, f"{doc_id}: {first_difference(want, got)}"


def test_store_documents_round_trip_in_extract_order(examples_store, example_analyses):
    """Stored documents come back exactly as `extract` prints them, actors in the same order."""
    with Store(examples_store.path, read_only=True) as s:
        stored = {d["id"]: d for d in s.iter_documents()}
    for doc_id, a in example_analyses.items():
        assert [x["id"] for x in stored[doc_id]["actors"]] == [x.id for x in a.actors], doc_id
        want = json.loads(json.dumps(a.to_dict()))
        assert stored[doc_id] == want, f"{doc_id}: {first_difference(want, stored[doc_id])}"


def test_store_dates_stored(examples_store):
    with Store(examples_store.path, read_only=True) as s:
        dates = dict(s.con.execute("SELECT id, CAST(date AS VARCHAR) FROM documents").fetchall())
    assert dates["001_koreas_olympic_talks"] == "2018-01-09"  # from dates.tsv
    assert dates["016"] == "2018-03-09"  # from the record
    assert dates["015_sudan_opposition_arrests"] == "2018-01-17"  # from the page
    assert all(dates.values())


# -- re-ingest, change, force -------------------------------------------------------


def test_store_reingest_same_articles_changes_nothing(store_copy, example_options):
    before = snapshot(store_copy)
    with Store(store_copy) as s:
        report = jobs.ingest([str(EXAMPLES)], s, example_options)
    assert (report.read, report.added, report.replaced, report.unchanged) == (len(EXAMPLE_IDS), 0, 0, len(EXAMPLE_IDS))
    assert snapshot(store_copy) == before  # row counts, rows and ingested_at unchanged


def test_store_write_same_analyses_again_is_unchanged(store_copy, example_analyses):
    before = snapshot(store_copy)
    with Store(store_copy) as s:
        result = s.write(list(example_analyses.values()))
    assert (result.added, result.replaced, result.unchanged) == (0, 0, len(EXAMPLE_IDS))
    assert snapshot(store_copy) == before


def test_store_changed_article_replaces_its_records(store_copy, tmp_path, pipeline):
    rec = json.loads((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert rec["id"] == "016"
    old = counts_by_doc(store_copy)
    rec["text"] = ("Japanese Prime Minister Shinzo Abe spoke with Chinese President Xi Jinping by telephone on "
                   "Friday.\n\nVladimir Putin and Angela Merkel met in Berlin, where Emmanuel Macron joined them.")
    path = write_jsonl(tmp_path / "changed.jsonl", [rec])
    with Store(store_copy) as s:
        report = jobs.ingest([str(path)], s)
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 0)
    (new,) = list(pipeline.analyse(read_inputs([str(path)])))
    got = counts_by_doc(store_copy)
    assert {t: got["016"].get(t, 0) for t in TABLES} == expected_rows(new)
    for doc_id in EXAMPLE_IDS:  # the other documents are untouched
        if doc_id != "016":
            assert got[doc_id] == old[doc_id]
    with Store(store_copy, read_only=True) as s:
        (doc,) = s.iter_documents(["016"])
        names = {a["name"] for a in doc["actors"]}
        assert doc["text"] == rec["text"]
        assert not names & {"Chung Eui-yong", "Sarah Sanders"}, "actors of the old version are left"
        dup = s.con.execute("SELECT doc_id, actor_id, count(*) FROM actors GROUP BY ALL HAVING count(*) > 1").fetchall()
        assert dup == []
        assert s.con.execute("SELECT count(*) FROM documents WHERE id = '016'").fetchone()[0] == 1


def test_store_force_reanalyses_without_duplicates(store_copy, cli):
    before = counts_by_doc(store_copy)
    with Store(store_copy, read_only=True) as s:
        old_times = dict(s.con.execute("SELECT id, ingested_at FROM documents").fetchall())
    result = cli("ingest", EXAMPLES / "articles.jsonl", "--db", store_copy, "--force", "--no-progress")
    assert result.exit_code == 0, result.stderr
    assert "5 replaced" in result.stderr
    assert counts_by_doc(store_copy) == before
    with Store(store_copy, read_only=True) as s:
        new_times = dict(s.con.execute("SELECT id, ingested_at FROM documents").fetchall())
    for doc_id in JSONL_IDS:
        assert new_times[doc_id] >= old_times[doc_id]
    for doc_id in TEXT_IDS:
        assert new_times[doc_id] == old_times[doc_id]


def test_store_reingest_cli_reports_unchanged(store_copy, cli):
    before = snapshot(store_copy)
    result = cli("ingest", EXAMPLES, "--db", store_copy, "--dates", EXAMPLES / "dates.tsv", "--no-progress")
    assert result.exit_code == 0, result.stderr
    assert f"{len(EXAMPLE_IDS)} unchanged" in result.stderr and "0 added" in result.stderr
    assert snapshot(store_copy) == before


# -- crash safety -------------------------------------------------------------------


class Interrupt:
    """Patch for Store._insert: Ctrl-C on the `n`th table insert (of `table` only, when given)."""

    def __init__(self, n: int, table: str | None = None):
        self.n, self.table, self.calls, self.fired = n, table, 0, False

    def install(self, monkeypatch):
        original = Store._insert

        def insert(store, table, rows):
            self.calls += self.table in (None, table)
            if self.calls == self.n and not self.fired:
                self.fired = True
                raise KeyboardInterrupt
            return original(store, table, rows)

        monkeypatch.setattr(Store, "_insert", insert)


@pytest.mark.parametrize("nth", [1, 2, 3])
def test_store_interrupt_mid_write_keeps_earlier_documents(nth, tmp_path, monkeypatch, example_options):
    db = tmp_path / "crash.duckdb"
    earlier = [str(EXAMPLES / "text" / f"{stem}.txt") for stem in TEXT_IDS[:3]]
    with Store(db) as s:
        first = jobs.ingest(earlier, s, example_options)
    assert first.added == 3
    before = snapshot(db)

    interrupt = Interrupt(nth)
    interrupt.install(monkeypatch)
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        jobs.ingest([str(EXAMPLES / "articles.jsonl")], s)
    assert interrupt.fired
    monkeypatch.undo()

    after = snapshot(db)
    assert after == before  # earlier documents intact, no partial rows of the interrupted batch
    ids = set(counts_by_doc(db))
    assert not ids & set(JSONL_IDS)

    with Store(db) as s:  # the next run completes
        report = jobs.ingest(earlier + [str(EXAMPLES / "articles.jsonl")], s, example_options)
    assert (report.added, report.unchanged, report.problems) == (len(JSONL_IDS), 3, [])
    got = counts_by_doc(db)
    assert sorted(got) == sorted(TEXT_IDS[:3] + JSONL_IDS)


def test_store_interrupt_resumes_where_it_stopped(tmp_path, monkeypatch, example_options):
    """With small batches, the batches written before Ctrl-C are kept and skipped by the next run."""
    db = tmp_path / "resume.duckdb"
    interrupt = Interrupt(3, table="documents")  # the third batch's first insert
    interrupt.install(monkeypatch)
    opts = PipelineOptions(batch_size=2)
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        jobs.ingest([str(EXAMPLES / "text")], s, example_options, opts)
    assert interrupt.fired
    monkeypatch.undo()
    stored = set(counts_by_doc(db))
    assert stored == set(TEXT_IDS[:4])
    with Store(db) as s:
        report = jobs.ingest([str(EXAMPLES / "text")], s, example_options, opts)
    assert (report.unchanged, report.added) == (4, len(TEXT_IDS) - 4)
    assert set(counts_by_doc(db)) == set(TEXT_IDS)


# -- opening ------------------------------------------------------------------------


def test_store_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_not_a_duckdb_file(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError) as e:
        Store(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)


def _hold_store(path, seconds: float):
    """Another process holding the store read-only (as the server does while it copies a snapshot)."""
    code = (f"import duckdb, sys, time; con = duckdb.connect({str(path)!r}, read_only=True); "
            f"print('held', flush=True); time.sleep({seconds}); con.close()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_store_writer_waits_for_another_process_then_opens(tmp_path):
    path = tmp_path / "shared.duckdb"
    Store(path).close()
    holder = _hold_store(path, 1.5)
    try:
        with pytest.raises(StoreError, match="another process is using the store"):
            Store(path)  # no wait: the lock is reported, naming the file
        # Waits until the other process lets go. (Not asserting the holder has exited: it
        # releases the lock a moment before its interpreter finishes.)
        with Store(path, lock_wait=20) as store:
            assert store.con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    finally:
        assert holder.wait() == 0


def test_store_write_coded_records_round_trip(tmp_path):
    with Store(tmp_path / "coded.duckdb") as s:
        analyses = coded_analyses()
        result = s.write(analyses)
        assert (result.added, result.replaced, result.unchanged) == (3, 0, 0)
        stored = {d["id"]: d for d in s.iter_documents()}
    for a in analyses:
        assert stored[a.document.id] == json.loads(json.dumps(a.to_dict())), a.document.id
