"""Export: JSONL (nested documents), CSV and Parquet (one file per table), read back and counted."""
from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from newsevents.errors import ConfigError
from newsevents.export import export
from newsevents.store import Store

from conftest import EXAMPLE_IDS, TABLES


def csv_count(path) -> int:
    with open(path, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))


# -- through the command line -------------------------------------------------------


def test_export_jsonl_stdout_nested_documents(cli, examples_store):
    result = cli("export", "--db", examples_store.path)
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(d["id"] for d in docs) == sorted(EXAMPLE_IDS)
    assert sum(len(d["actors"]) for d in docs) == examples_store.counts["actors"]
    assert sum(len(a["mentions"]) for d in docs for a in d["actors"]) == examples_store.counts["mentions"]
    assert sum(len(d["quotes"]) for d in docs) == examples_store.counts["quotes"]
    assert sum(len(d["events"]) for d in docs) == examples_store.counts["events"]
    for d in docs:
        for key in ("id", "title", "date", "outlet", "url", "text", "actors", "quotes", "events"):
            assert key in d


def test_export_jsonl_file(cli, examples_store, tmp_path):
    out = tmp_path / "all.jsonl"
    result = cli("export", "--db", examples_store.path, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert str(out) in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(EXAMPLE_IDS)


@pytest.mark.parametrize("store_name", ["examples_store", "coded_store"])
def test_export_parquet_directory_read_back(cli, request, tmp_path, store_name):
    store = request.getfixturevalue(store_name)
    out = tmp_path / "parquet"
    result = cli("export", "--db", store.path, "--format", "parquet", "--output", out)
    assert result.exit_code == 0, result.stderr
    for table in TABLES:
        path = out / f"{table}.parquet"
        assert pq.read_table(path).num_rows == store.counts[table], table
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0] == store.counts[table]
    assert not list(out.glob("*.tmp"))


@pytest.mark.parametrize("store_name", ["examples_store", "coded_store"])
def test_export_csv_directory_read_back(cli, request, tmp_path, store_name):
    store = request.getfixturevalue(store_name)
    out = tmp_path / "csv"
    result = cli("export", "--db", store.path, "--format", "csv", "--output", out)
    assert result.exit_code == 0, result.stderr
    for table in TABLES:
        assert csv_count(out / f"{table}.csv") == store.counts[table], table


def test_export_one_table(cli, coded_store, tmp_path):
    out = tmp_path / "events.parquet"
    result = cli("export", "--db", coded_store.path, "--format", "parquet", "--table", "events", "-o", out)
    assert result.exit_code == 0, result.stderr
    t = pq.read_table(out)
    assert t.num_rows == coded_store.counts["events"] == 6
    rows = t.to_pylist()
    sanction = next(r for r in rows if r["event"] == "SANCTION")
    assert sanction["actor_codes"] == ["USAGOV"] and sanction["recipient_codes"] == ["RUSBUS"]
    csv_out = tmp_path / "actors.csv"
    assert cli("export", "--db", coded_store.path, "--format", "csv", "--table", "actors", "-o", csv_out).exit_code == 0
    assert csv_count(csv_out) == coded_store.counts["actors"]
    jsonl = cli("export", "--db", coded_store.path, "--table", "quotes")
    assert len(jsonl.stdout.splitlines()) == coded_store.counts["quotes"]


def test_export_csv_needs_output(cli, coded_store):
    result = cli("export", "--db", coded_store.path, "--format", "csv")
    assert result.exit_code != 0
    assert "--output" in result.stderr
    assert len([x for x in result.stderr.splitlines() if x.strip()]) == 1


# -- the library --------------------------------------------------------------------


def test_export_library_formats(coded_store, tmp_path):
    with Store(coded_store.path, read_only=True) as s:
        written = export(s, "parquet", str(tmp_path / "p"))
        assert sorted(written) == sorted(str(tmp_path / "p" / f"{t}.parquet") for t in TABLES)
        with pytest.raises(ConfigError):
            export(s, "xlsx", str(tmp_path / "x"))
        with pytest.raises(ConfigError):
            export(s, "csv", str(tmp_path / "x"), table="nope")


def test_export_jsonl_matches_iter_documents(coded_store, tmp_path):
    out = tmp_path / "docs.jsonl"
    with Store(coded_store.path, read_only=True) as s:
        export(s, "jsonl", str(out))
        expected = [json.loads(json.dumps(d, default=str)) for d in s.iter_documents()]
    assert [json.loads(line) for line in out.read_text().splitlines()] == expected
