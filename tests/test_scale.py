"""Scaling: WARC and Parquet inputs, worker processes, the Dask engine and `load`.

Inputs are a few short articles written here, in every shard format; one Dask
LocalCluster (two worker processes) serves the whole module.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sys
from pathlib import Path

import pytest
from distributed.diagnostics.plugin import WorkerPlugin

from newsevents import jobs
from newsevents.ingest import read_inputs
from newsevents.records import Analysis, Article, Problem
from newsevents.scale import inputs, warc
from newsevents.store import TABLES, Store

from conftest import write_jsonl

ARTICLES = [
    ("Ministers agree to resume border talks",
     "Foreign ministers from India and China agreed on Monday to resume talks on the disputed border. "
     "\"We will meet again next month,\" the Indian foreign minister said."),
    ("Police arrest protest leaders in Khartoum",
     "Sudanese police arrested three opposition leaders in Khartoum on Tuesday. "
     "The opposition accused the government of silencing dissent."),
    ("EU imposes sanctions on Russian officials",
     "The European Union imposed sanctions on six Russian officials on Friday. "
     "Moscow said it would respond to the decision."),
    ("Japan offers aid after earthquake",
     "Japan offered emergency aid to Indonesia after an earthquake struck Sulawesi. "
     "Indonesian officials thanked Tokyo for its support."),
    ("Iran rejects talks with Washington",
     "Iran's foreign minister rejected talks with the United States on Wednesday. "
     "\"There is nothing to discuss,\" he told reporters in Tehran."),
    ("Leaders meet in Singapore",
     "President Donald Trump met North Korean leader Kim Jong-un in Singapore on Tuesday. "
     "Both leaders praised the meeting."),
    ("Army attacks rebel camp",
     "Nigeria's army attacked a rebel camp in Borno state on Sunday, a military spokesman said. "
     "The rebels threatened to retaliate."),
    ("France expels diplomat",
     "France expelled a Russian diplomat on Thursday. "
     "The Russian embassy in Paris criticised the decision."),
]


def record(i: int, date: str = "2018-06-12") -> dict:
    title, text = ARTICLES[i % len(ARTICLES)]
    return {"id": f"s{i:03d}", "title": title, "text": text, "date": date, "url": f"https://example.org/{i}",
            "outlet": "Scale Wire"}


def html_page(title: str, text: str, date: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{s}</p>" for s in text.split(". "))
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def write_warc(path: Path, records: list[dict], gz: bool = True) -> Path:
    """A WARC file of response records: {url, body (str|bytes), status, ctype, date}; kind 'request' too."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for r in records:
            body = r["body"].encode("utf-8") if isinstance(r["body"], str) else r["body"]
            warc_headers = {"WARC-Date": r.get("date", "2018-09-30T10:00:00Z")}
            if r.get("kind") == "request":
                http = StatusAndHeaders(f"GET {r['url']} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                rec = writer.create_warc_record(r["url"], "request", payload=io.BytesIO(b""), http_headers=http,
                                                warc_headers_dict=warc_headers)
            else:
                http = StatusAndHeaders(r.get("status", "200 OK"), [("Content-Type", r.get("ctype", "text/html; charset=utf-8"))],
                                        protocol="HTTP/1.1")
                rec = writer.create_warc_record(r["url"], "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict=warc_headers)
            writer.write_record(rec)
    return path


def write_parquet(path: Path, records: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records), path)
    return path


def cc_news_records() -> list[dict]:
    t4, x4 = ARTICLES[4]
    t7, x7 = ARTICLES[7]
    return [
        {"url": "https://news.example.org/iran", "body": html_page(t4, x4, "2018-11-05"), "kind": "request"},
        {"url": "https://news.example.org/iran", "body": html_page(t4, x4, "2018-11-05")},
        {"url": "https://news.example.org/logo.png", "body": b"\x89PNG\r\n\x1a\n", "ctype": "image/png"},
        {"url": "https://news.example.org/gone", "body": html_page("Gone", "Not here any more at all today"),
         "status": "404 Not Found"},
        {"url": "https://news.example.org/france", "body": html_page(t7, x7), "date": "2018-03-29T08:15:00Z"},
    ]


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    """A directory of good shards, one per format: JSONL, JSONL.gz, CSV, Parquet, WARC.gz."""
    d = tmp_path_factory.mktemp("shards")
    write_jsonl(d / "a.jsonl", [record(i) for i in range(0, 3)])
    with gzip.open(d / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(record(i)) + "\n" for i in range(3, 5))
    import csv
    with open(d / "c.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(record(0)))
        w.writeheader()
        w.writerows(record(i) for i in range(5, 7))
    write_parquet(d / "d.parquet", [record(i) for i in range(7, 9)])
    write_warc(d / "e.warc.gz", cc_news_records())
    return d


@pytest.fixture(scope="module")
def bad_shards(tmp_path_factory, shards) -> Path:
    """The good shards plus a Parquet file that is not Parquet and a truncated gzip file."""
    d = tmp_path_factory.mktemp("bad-shards")
    for f in shards.iterdir():
        (d / f.name).write_bytes(f.read_bytes())
    (d / "x.parquet").write_bytes(b"PAR1 this is not parquet at all")
    data = gzip.compress("".join(json.dumps(record(i)) + "\n" for i in range(20, 40)).encode())
    (d / "y.jsonl.gz").write_bytes(data[: len(data) // 2])
    return d


@pytest.fixture(scope="module")
def single(tmp_path_factory, pipeline, shards) -> dict[str, list]:
    """The single-process result over the good shards: every table's rows."""
    path = tmp_path_factory.mktemp("single") / "single.duckdb"
    with Store(path) as store:
        report = jobs.ingest([str(shards)], store, pipeline=pipeline)
        assert not report.failed, report.problems
        return table_rows(store)


@pytest.fixture(scope="module")
def client():
    """The engine's LocalCluster of two worker processes, one thread each."""
    from newsevents.scale import cluster

    with cluster.connect(workers=2) as c:
        yield c


def table_rows(store: Store) -> dict[str, list]:
    """Every row of every table, sorted, without the ingestion time."""
    out = {}
    for t in TABLES:
        exclude = " EXCLUDE (ingested_at)" if t == "documents" else ""
        rows = store.con.execute(f"SELECT *{exclude} FROM {t}").fetchall()
        out[t] = sorted(rows, key=repr)
    return out


def analyses(results) -> list:
    return [r.to_dict() if isinstance(r, Analysis) else str(r) for r in results]


# -- WARC ------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [True, False])
def test_scale_warc_reads_html_responses_only(tmp_path, gz):
    path = write_warc(tmp_path / ("cc.warc.gz" if gz else "cc.warc"), cc_news_records(), gz=gz)
    items = list(inputs.read_any([str(path)]))
    arts = [a for a in items if isinstance(a, Article)]
    assert [a.url for a in arts] == ["https://news.example.org/iran", "https://news.example.org/france"]
    assert [p for p in items if isinstance(p, Problem)] == []
    iran, france = arts
    assert iran.date == "2018-11-05"  # the page's own date
    assert france.date == "2018-03-29"  # none on the page: the crawl date
    assert france.meta["crawl_date"] == "2018-03-29T08:15:00Z"
    assert iran.id == warc.article_id("https://news.example.org/iran") and iran.id != france.id
    assert "nothing to discuss" in iran.body and iran.title == ARTICLES[4][0]
    assert iran.source.startswith(str(path) + ":") and iran.content_hash


def test_scale_warc_page_without_article_is_a_warning(tmp_path):
    menu = "<html><body><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></body></html>"
    path = write_warc(tmp_path / "menu.warc.gz", [{"url": "https://example.org/", "body": menu}])
    (problem,) = list(inputs.read_any([str(path)]))
    assert isinstance(problem, Problem) and problem.level == "warning" and "https://example.org/" in problem.message


@pytest.mark.parametrize("damage", ["garbage in the middle", "not a WARC file"])
def test_scale_warc_corrupt_file_is_reported(tmp_path, damage):
    path = write_warc(tmp_path / "bad.warc.gz", cc_news_records())
    data = path.read_bytes()
    path.write_bytes(data[:700] + b"garbage" * 20 + data[700:] if damage == "garbage in the middle"
                     else gzip.compress(b"just some text\n" * 20))
    problems = [p for p in inputs.read_any([str(path)]) if isinstance(p, Problem)]
    assert len(problems) == 1 and problems[0].level == "error" and "corrupt WARC file" in problems[0].message


@pytest.mark.parametrize("gz", [True, False])
def test_scale_warc_truncated_file_is_reported_at_every_cut(tmp_path, gz):
    """Cut anywhere inside the last page: the first page is read and the cut is an error, never silence."""
    records = [r for r in cc_news_records() if r["url"].endswith(("iran", "france")) and r.get("kind") != "request"]
    whole = write_warc(tmp_path / ("w.warc.gz" if gz else "w.warc"), records[:1], gz=gz).stat().st_size
    path = write_warc(tmp_path / ("t.warc.gz" if gz else "t.warc"), records, gz=gz)
    data = path.read_bytes()
    assert [type(x).__name__ for x in inputs.read_any([str(path)])] == ["Article", "Article"]
    # whole: the size of a file of the first page alone (give or take the bytes of random record ids);
    # the last 12 bytes are the gzip trailer and closing blank lines: the page is whole without them
    for cut in range(whole + 4, len(data) - 12, 23):
        path.write_bytes(data[:cut])
        items = list(inputs.read_any([str(path)]))
        assert isinstance(items[0], Article) and items[0].url.endswith("iran"), cut
        problems = [p for p in items if isinstance(p, Problem)]
        assert len(problems) == 1 and problems[0].level == "error", (cut, items)
        assert "truncated WARC file" in problems[0].message or "corrupt WARC file" in problems[0].message, cut
        assert not any(isinstance(a, Article) and a.url.endswith("france") for a in items), cut


def test_scale_parquet_reader(tmp_path):
    path = write_parquet(tmp_path / "p.parquet", [record(0), {"id": "bad", "title": "no text"}, record(1)])
    items = list(inputs.read_any([str(path)]))
    assert [type(x).__name__ for x in items] == ["Article", "Problem", "Article"]
    assert items[0].id == "s000" and items[0].source == f"{path}:1" and items[0].date == "2018-06-12"
    assert items[1].line == 2


def test_scale_read_any_directory_order_matches_read_inputs(shards):
    ours = [a.id for a in inputs.read_any([str(shards)]) if isinstance(a, Article)]
    classic = [a.id for a in read_inputs([str(shards)]) if isinstance(a, Article)]
    assert [i for i in ours if not i.startswith("warc-") and i not in ("s007", "s008")] == classic
    assert len(ours) == 11


def test_scale_list_shards(shards):
    assert [Path(s).name for s in inputs.list_shards([str(shards)])] == [
        "a.jsonl", "b.jsonl.gz", "c.csv", "d.parquet", "e.warc.gz"]


# -- worker processes ------------------------------------------------------------------


def test_scale_workers_2_extract_equals_workers_1_in_order(pipeline, shards, tmp_path):
    from newsevents.pipeline import PipelineOptions

    bad = write_jsonl(tmp_path / "m.jsonl", [record(9), "{not json", record(10)])
    paths = [str(shards), str(bad)]
    one = analyses(jobs.extract(paths, pipeline=pipeline, workers=1))
    two = analyses(jobs.extract(paths, workers=2, pipeline_options=PipelineOptions(batch_size=2)))
    assert len(one) == 14 and any(isinstance(x, str) for x in one)
    assert two == one


def test_scale_workers_2_ingest_equals_single(shards, single, tmp_path):
    with Store(tmp_path / "w2.duckdb") as store:
        report = jobs.ingest([str(shards)], store, workers=2)
        assert (report.read, report.added, report.failed) == (11, 11, False)
        assert table_rows(store) == single
        again = jobs.ingest([str(shards)], store, workers=2)
        assert (again.added, again.unchanged) == (0, 11)


def test_scale_auto_workers_small_input_stays_in_process(shards):
    from newsevents.pipeline import PipelineOptions
    from newsevents.scale.local import InProcess

    analyser, items = jobs._analyser(None, PipelineOptions(), None, inputs.read_any([str(shards)]))
    assert isinstance(analyser, InProcess) and len(list(items)) == 11


# -- Dask ------------------------------------------------------------------------------


def test_scale_dask_same_records_as_single_process(client, shards, single, tmp_path):
    from newsevents.scale import cluster

    out = tmp_path / "out"
    report = cluster.run([str(shards)], str(out), client=client)
    assert [s.status for s in report.shards] == ["done"] * 5 and not report.failed
    assert report.read == 11 and report.documents == 11
    assert sorted(p.name for p in (out / "_done").iterdir()) == sorted(f"{s.shard}.json" for s in report.shards)
    with Store(tmp_path / "dask.duckdb") as store:
        loaded = cluster.load(str(out), store)
        assert (loaded.shards, loaded.added) == (5, 11)
        assert table_rows(store) == single
        again = cluster.load(str(out), store)  # idempotent
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 11)
        assert table_rows(store) == single
    rerun = cluster.run([str(shards)], str(out), client=client)  # finished shards are skipped
    assert [s.status for s in rerun.shards] == ["skipped"] * 5


def test_scale_dask_local_cluster_workers_tuned_for_long_tasks(client):
    import dask

    def settings():
        return (dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval"),
                os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"))

    assert len(client.scheduler_info()["workers"]) == 2
    # no profiler, a slow tick, no aggressive malloc trimming; still one numeric thread per worker
    assert set(client.run(settings).values()) == {(False, "1s", None, "1")}
    assert dask.config.get("distributed.worker.profile.enabled") is True  # the client's own config is untouched


def test_scale_dask_parquet_queryable_by_duckdb(client, shards, single, tmp_path):
    import duckdb

    from newsevents.scale import cluster

    out = tmp_path / "out"
    cluster.run([str(shards)], str(out), client=client)
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{out}/events/*.parquet')").fetchone()[0]
    assert n == len(single["events"])
    cur = con.execute(f"SELECT * FROM read_parquet('{out}/documents/*.parquet') LIMIT 0")
    cols = [d[0] for d in cur.description]
    with Store(tmp_path / "empty.duckdb") as store:
        assert cols == [d[0] for d in store.con.execute("SELECT * FROM documents LIMIT 0").description]


def test_scale_dask_corrupt_shard_reported_others_finish(client, bad_shards, single, tmp_path):
    from newsevents.scale import cluster

    out = tmp_path / "out"
    report = cluster.run([str(bad_shards)], str(out), client=client)
    status = {Path(s.source).name: s for s in report.shards}
    assert [status[n].status for n in ("a.jsonl", "b.jsonl.gz", "c.csv", "d.parquet", "e.warc.gz")] == ["done"] * 5
    assert report.failed
    bad = [status["x.parquet"], status["y.jsonl.gz"]]
    for s in bad:  # reported: a failed shard, or a shard whose problems name the bad input
        assert s.status == "failed" and s.error or s.failed_records and s.problems
    assert status["x.parquet"].problems or status["x.parquet"].error
    with Store(tmp_path / "bad.duckdb") as store:
        cluster.load(str(out), store)
        ids = {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}
    assert ids >= {r[0] for r in single["documents"]}


def test_scale_cli_dask_scheduler_and_load(cli, client, shards, single, tmp_path):
    db, out = tmp_path / "cli.duckdb", tmp_path / "parts"
    result = cli("ingest", shards, "--db", db, "--engine", "dask", "--scheduler", client.scheduler.address,
                 "--output", out, "--no-load")
    assert result.exit_code == 0, result.output
    assert "5 shards: 5 done" in result.stderr
    for _ in range(2):  # loading twice stores each record once
        result = cli("load", out, "--db", db)
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert table_rows(store) == single
    result = cli("load", tmp_path / "nothing", "--db", db)
    assert result.exit_code == 1 and "no finished shards" in result.stderr


class KillFirstShard(WorkerPlugin):
    """A worker plugin: the first shard task to start kills its worker process (once per flag file)."""

    name = "kill-first-shard"

    def __init__(self, flag: str):
        self.flag = flag

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not str(key).startswith("shard-"):
            return
        try:
            os.close(os.open(self.flag, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return
        os.kill(os.getpid(), signal.SIGKILL)


def test_scale_dask_killed_worker_every_record_once(client, shards, single, tmp_path):
    import cloudpickle

    from newsevents.scale import cluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    flag = tmp_path / "killed"
    client.register_plugin(KillFirstShard(str(flag)))
    try:
        report = cluster.run([str(shards)], str(tmp_path / "out"), client=client)
    finally:
        client.unregister_worker_plugin(KillFirstShard.name)
    assert flag.exists(), "no worker was killed"
    assert [s.status for s in report.shards] == ["done"] * 5
    with Store(tmp_path / "killed.duckdb") as store:
        cluster.load(str(tmp_path / "out"), store)
        assert table_rows(store) == single


def test_scale_shard_to_fsspec_url_marker_last_and_load(shards, single, tmp_path):
    """One shard run in this process into an object-store URL (fsspec memory://), then loaded."""
    import fsspec

    from newsevents.scale import cluster

    src = str(shards / "a.jsonl")
    url = "memory://newsevents-test/out"
    result = cluster.process_shard(src, cluster.shard_id(src), url)
    assert (result.status, result.read, result.documents) == ("done", 3, 3)
    assert cluster.process_shard(src, cluster.shard_id(src), url).status == "skipped"  # marker found
    fs = fsspec.filesystem("memory")
    assert fs.exists(f"/newsevents-test/out/_done/{result.shard}.json")
    with Store(tmp_path / "url.duckdb") as store:
        assert cluster.load(url, store).added == 3
        docs = {r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()}
    assert docs == {"s000", "s001", "s002"}
    fs.rm("/newsevents-test", recursive=True)
