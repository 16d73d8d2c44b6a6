"""The `newsevents` command: every command, its formats and filters, exit codes and messages."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from newsevents.cli import main

from conftest import EXAMPLE_IDS, EXAMPLES, JSONL_IDS, ROOT, TEXT_IDS

COMMANDS = sorted(main.commands)
QUERY_COMMANDS = ["events", "quotes", "actors", "documents"]


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def csv_rows(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


def one_line_error(result) -> str:
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# -- help, version, usage -----------------------------------------------------------


def test_cli_has_the_foundation_commands():
    assert set(COMMANDS) >= {"extract", "ingest", "events", "quotes", "actors", "documents", "export"}


def test_cli_help_main(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_every_command(cli, command):
    for flag in ("--help", "-h"):
        result = cli(command, flag)
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.stdout and command in result.stdout


def test_cli_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and re.search(r"\d+\.\d+", result.stdout)


@pytest.mark.parametrize("args", [
    ["no-such-command"],
    ["extract"],  # PATHS missing
    ["ingest"],
    ["extract", "x.txt", "--no-such-option"],
    ["extract", "x.txt", "--format", "xml"],
    ["extract", "x.txt", "--input-format", "pdf"],
    ["events", "--format", "xml"],
    ["events", "--modality", "maybe"],
    ["export", "--format", "xlsx"],
    ["export", "--table", "nope"],
    ["documents", "--limit", "many"],
])
def test_cli_bad_usage_exit_2(cli, args):
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "Usage:" in result.stderr or "Error" in result.stderr


@pytest.mark.parametrize("args", [
    ["extract", "{text}", "--date", "not-a-date"],
    ["extract", "{text}", "--date", "2018-02-30"],
    ["events", "--db", "{db}", "--since", "someday"],
    ["documents", "--db", "{db}", "--until", "2018-13-01"],
])
def test_cli_bad_date_option_is_usage_error(cli, args, good_text, examples_store):
    """A wrong option value is wrong usage (exit 2, like --format xml), and the message names the option."""
    args = [a.format(text=good_text, db=examples_store.path) for a in args]
    result = cli(*args)
    assert result.exit_code == 2, result.output
    option = next(a for a in args if a.startswith("--") and a not in ("--db",))
    assert option in result.stderr


# -- extract ------------------------------------------------------------------------

CONTRACT = ("id", "title", "date", "outlet", "url", "text", "actors", "quotes", "events")


def test_cli_extract_jsonl_contract(cli):
    result = cli("extract", EXAMPLES / "text" / f"{TEXT_IDS[3]}.txt", "--dates", EXAMPLES / "dates.tsv")
    assert result.exit_code == 0, result.stderr
    (doc,) = jsonl(result.stdout)
    for key in CONTRACT:
        assert key in doc
    assert doc["id"] == TEXT_IDS[3] and doc["date"] == "2018-04-27"
    assert doc["actors"], "named entities must flow through to the output"
    for a in doc["actors"]:
        assert {"id", "name", "code", "country", "sector", "mentions"} <= set(a)
        for m in a["mentions"]:
            assert doc["text"][m["start"]:m["end"]] == m["text"]
    names = " ".join(a["name"] for a in doc["actors"])
    assert "Moon" in names and "Kim" in names


def test_cli_extract_json(cli):
    result = cli("extract", EXAMPLES / "articles.jsonl", "--format", "json")
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and [d["id"] for d in docs] == JSONL_IDS


def test_cli_extract_table(cli):
    result = cli("extract", EXAMPLES / "articles.jsonl", "--format", "table")
    assert result.exit_code == 0, result.stderr
    for doc_id in JSONL_IDS:
        assert f"== {doc_id}: " in result.stdout
    assert "Trump accepts invitation to meet Kim Jong-un by May" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_cli_extract_directory_all_examples(cli):
    result = cli("extract", EXAMPLES, "--dates", EXAMPLES / "dates.tsv")
    assert result.exit_code == 0, result.stderr
    docs = jsonl(result.stdout)
    assert sorted(d["id"] for d in docs) == sorted(EXAMPLE_IDS)
    assert all(d["date"] for d in docs)


def test_cli_extract_only_bad_input_fails(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("extract", empty)
    assert result.exit_code == 1 and result.stdout == ""
    assert str(empty) in one_line_error(result)


# -- ingest -------------------------------------------------------------------------


def test_cli_ingest_examples(cli, tmp_path):
    db = tmp_path / "cli.duckdb"
    result = cli("ingest", EXAMPLES, "--db", db, "--dates", EXAMPLES / "dates.tsv", "--no-progress")
    assert result.exit_code == 0, result.stderr
    n = len(EXAMPLE_IDS)
    assert f"{n} articles read: {n} added, 0 replaced, 0 unchanged, 0 problems" in result.stderr
    assert db.exists()
    docs = cli("documents", "--db", db, "--format", "jsonl")
    assert sorted(d["id"] for d in jsonl(docs.stdout)) == sorted(EXAMPLE_IDS)


def test_cli_ingest_bad_input_rest_stored_exit_1(cli, tmp_path):
    db = tmp_path / "partial.duckdb"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("ingest", empty, EXAMPLES / "articles.jsonl", "--db", db, "--no-progress")
    assert result.exit_code == 1
    assert any(str(empty) in line for line in result.stderr.splitlines())
    assert "5 added" in result.stderr and "1 problems" in result.stderr
    assert [d["id"] for d in jsonl(cli("documents", "--db", db, "--format", "jsonl").stdout)] == JSONL_IDS


def test_cli_ingest_progress_bar(cli, tmp_path):
    result = cli("ingest", EXAMPLES / "articles.jsonl", "--db", tmp_path / "p.duckdb", "--progress")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"\b5 articles \[", result.stderr), result.stderr  # tqdm's count of articles done


# -- queries: formats ---------------------------------------------------------------


@pytest.mark.parametrize("command", QUERY_COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "json"])
def test_cli_query_formats(cli, examples_store, coded_store, command, fmt):
    for store in (examples_store, coded_store):
        result = cli(command, "--db", store.path, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        if fmt == "jsonl":
            rows = jsonl(result.stdout)
        elif fmt == "json":
            rows = json.loads(result.stdout)
        elif fmt == "csv":
            rows = csv_rows(result.stdout)
        else:
            rows = None
        if rows is not None and command == "documents":
            assert len(rows) == store.counts["documents"]
        if rows is not None and command in ("events", "quotes") and store is coded_store:
            assert len(rows) == {"events": 5, "quotes": 2}[command]


def test_cli_documents_table(cli, examples_store):
    result = cli("documents", "--db", examples_store.path)
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split()
    assert header[:4] == ["id", "date", "outlet", "title"]
    assert len(result.stdout.splitlines()) == 2 + len(EXAMPLE_IDS)


def test_cli_events_table_and_csv(cli, coded_store):
    table = cli("events", "--db", coded_store.path)
    assert table.exit_code == 0
    assert "SANCTION" in table.stdout and "USAGOV" in table.stdout and "RUSBUS" in table.stdout
    rows = csv_rows(cli("events", "--db", coded_store.path, "--format", "csv").stdout)
    assert [r["event"] for r in rows] == ["COERCE", "PROTEST", "SANCTION", "ACCUSE", "CONSULT"]
    assert rows[2]["actor"] == "USAGOV" and rows[2]["recipient"] == "RUSBUS"
    assert rows[2]["evidence"].startswith("The US Treasury imposed sanctions")


def test_cli_events_explain(cli, coded_store):
    result = cli("events", "--db", coded_store.path, "--format", "csv", "--explain")
    assert result.exit_code == 0
    assert "explain" in csv_rows(result.stdout)[0]


# -- queries: filters ---------------------------------------------------------------


def ids(result, key="document") -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [r[key] for r in jsonl(result.stdout)]


def test_cli_events_filters(cli, coded_store):
    db = ("--db", coded_store.path, "--format", "jsonl")
    assert ids(cli("events", *db, "--country", "PRK")) == ["k1"]
    assert ids(cli("events", *db, "--actor", "USA")) == ["r1", "k1"]
    assert ids(cli("events", *db, "--actor", "Trump")) == ["k1"]
    assert ids(cli("events", *db, "--recipient", "RUS")) == ["r1"]
    assert ids(cli("events", *db, "--type", "SANCTION", "--type", "COERCE")) == ["s1", "r1"]
    assert ids(cli("events", *db, "--search", "piracy")) == ["r1"]
    assert ids(cli("events", *db, "--since", "2018-04-01", "--until", "2018-05-01")) == ["r1", "r1"]
    assert ids(cli("events", *db, "--include-negated", "--document", "k1")) == ["k1", "k1"]
    assert ids(cli("events", *db, "--limit", "1")) == ["s1"]


def test_cli_quotes_filters(cli, coded_store):
    db = ("--db", coded_store.path, "--format", "jsonl")
    assert ids(cli("quotes", *db, "--speaker", "Trump")) == ["k1"]
    assert ids(cli("quotes", *db, "--country", "RUS")) == ["r1"]
    assert ids(cli("quotes", *db, "--search", "proud")) == ["k1"]
    assert ids(cli("quotes", *db, "--until", "2018-05-01")) == ["r1"]


def test_cli_actors_filters(cli, coded_store, examples_store):
    db = ("--db", coded_store.path, "--format", "jsonl")
    assert ids(cli("actors", *db, "--country", "SDN"), "name") == ["Sadiq al-Mahdi", "Sudanese security forces"]
    assert ids(cli("actors", *db, "--actor", "PRK"), "name") == ["Kim Jong-un"]
    assert ids(cli("actors", *db, "--search", "Treasury"), "name") == ["US Treasury"]
    assert ids(cli("actors", *db, "--since", "2018-06-01"), "name") == ["Donald Trump", "Kim Jong-un", "United States"]
    real = jsonl(cli("actors", "--db", examples_store.path, "--format", "jsonl", "--actor", "Moon").stdout)
    assert real and all("moon" in r["name"].lower() for r in real)


def test_cli_documents_filters(cli, examples_store, coded_store):
    db = ("--db", examples_store.path, "--format", "jsonl")
    assert ids(cli("documents", *db, "--search", "Sulawesi"), "id") == ["014_sulawesi_quake_aid"]
    assert ids(cli("documents", *db, "--since", "2018-12-01"), "id") == ["010_france_fuel_tax_yellow_vests", "020"]
    assert ids(cli("documents", *db, "--until", "2018-01-31"), "id") == ["001_koreas_olympic_talks",
                                                                         "015_sudan_opposition_arrests"]
    assert ids(cli("documents", *db, "--document", "016"), "id") == ["016"]
    assert ids(cli("documents", "--db", coded_store.path, "--format", "jsonl", "--country", "SDN"), "id") == ["s1"]


def test_cli_summary(cli, coded_store):
    result = cli("summary", "--db", coded_store.path)
    assert result.exit_code == 0
    assert "3 documents" in result.stdout and "6 events" in result.stdout
    s = json.loads(cli("summary", "--db", coded_store.path, "--format", "json").stdout)
    assert s["counts"]["documents"] == 3


# -- a missing or broken store ------------------------------------------------------


@pytest.mark.parametrize("command", QUERY_COMMANDS + ["export", "summary"])
def test_cli_missing_store_one_line_exit_1(cli, tmp_path, command):
    db = tmp_path / "nowhere.duckdb"
    result = cli(command, "--db", db)
    assert result.exit_code == 1
    line = one_line_error(result)
    assert str(db) in line
    assert not db.exists()  # reading never creates a store


def test_cli_not_a_store_one_line_exit_1(cli, tmp_path):
    db = tmp_path / "junk.duckdb"
    db.write_text("not a database\n" * 100)
    result = cli("events", "--db", db)
    assert result.exit_code == 1
    assert str(db) in one_line_error(result)


# -- the README documents every command ---------------------------------------------


def test_cli_every_command_documented_in_readme():
    readme = ROOT / "README.md"
    assert readme.exists(), "README.md is missing"
    text = readme.read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if not re.search(rf"\bnewsevents\s+{re.escape(c)}\b", text)]
    assert not missing, f"commands not shown as `newsevents <command>` in README.md: {missing}"


def test_cli_filters_on_real_store(cli, examples_store):
    db = ("--db", examples_store.path, "--format", "jsonl")
    rows = jsonl(cli("events", *db, "--country", "PRK").stdout)
    assert rows and all(any((a.get("code") or "").startswith("PRK") for a in e["actor"] + e["recipient"])
                        for e in rows)
    actors = jsonl(cli("actors", *db, "--country", "RUS").stdout)
    assert actors and all(a["country"] == "RUS" for a in actors)
    csv_out = cli("events", "--db", examples_store.path, "--format", "csv", "--since", "2018-09-01")
    assert csv_out.exit_code == 0
    assert all(r["date"] >= "2018-09-01" for r in csv_rows(csv_out.stdout))
