"""The HTTP API over a store built from the examples: lists, filters, pages, downloads,
writing, every limit and bad request, and serving while another process writes the store."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import EXAMPLES, GOOD_TEXT  # noqa: E402
from newsevents import query as q  # noqa: E402
from newsevents.errors import ConfigError  # noqa: E402
from newsevents.serve import ServeSettings, create_app  # noqa: E402
from newsevents.serve.testing import running  # noqa: E402
from newsevents.store import Store  # noqa: E402

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BIN = Path(sys.executable).parent


def copy_store(src: Path, dest: Path) -> Path:
    shutil.copy(src, dest)
    if Path(str(src) + ".wal").exists():
        shutil.copy(str(src) + ".wal", str(dest) + ".wal")
    return dest


@pytest.fixture(scope="module")
def served_db(examples_store, tmp_path_factory) -> Path:
    """A copy of the examples store that this module's server reads (and writes)."""
    return copy_store(examples_store.path, tmp_path_factory.mktemp("serve") / "served.duckdb")


@pytest.fixture(scope="module")
def client(served_db, pipeline):
    app = create_app(ServeSettings(db=str(served_db), token=TOKEN, max_body_bytes=200_000, request_timeout=20),
                     pipeline=pipeline)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def make_client(tmp_path, examples_store, pipeline):
    """A client over a private store copy, with settings of the test's choosing."""
    made = []

    def make(pipeline_=pipeline, **settings):
        db = settings.pop("db", None) or copy_store(examples_store.path, tmp_path / f"s{len(made)}.duckdb")
        app = create_app(ServeSettings(db=str(db), **settings), pipeline=pipeline_)
        c = TestClient(app)
        c.__enter__()
        made.append(c)
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)


def all_rows(client, path: str, page: int = 100, **params) -> list[dict]:
    rows, cursor = [], None
    while True:
        r = client.get(path, params={**params, "limit": page, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= page
        rows += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return rows


def error_of(r, status: int) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


# -- reading ------------------------------------------------------------------------------


def test_serve_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/documents", "/documents/{doc_id}", "/events", "/events/{doc_id}/{event_id}", "/quotes", "/actors",
              "/stats", "/analyse", "/health"):
        assert p in paths
    assert "post" in paths["/documents"]


def test_serve_events_pages_cover_every_event_once(client, examples_store):
    rows = all_rows(client, "/events", page=23)
    with Store(examples_store.path, read_only=True) as store:
        expected = q.events(store, q.Filters())
    assert len(rows) == len(expected) > 50
    assert len({(r["document"], r["id"]) for r in rows}) == len(rows)
    assert {(r["document"], r["id"]) for r in rows} == {(e["document"], e["id"]) for e in expected}
    first = rows[0]
    assert first["sentence"]["text"] and first["trigger"]["text"] in first["sentence"]["text"]


@pytest.mark.parametrize("params, check", [
    ({"actor": "USA"}, lambda e: any((a["code"] or "").startswith("USA") for a in e["actor"])),
    ({"recipient": "PRK"}, lambda e: any((a["code"] or "").startswith("PRK") for a in e["recipient"])),
    ({"country": "rus"}, lambda e: any((a["code"] or "").startswith("RUS") for a in e["actor"] + e["recipient"])),
    ({"type": "SANCTION"}, lambda e: e["event"] == "SANCTION"),
    ({"type": ["AGREE", "consult"]}, lambda e: e["event"] in ("AGREE", "CONSULT")),
    ({"quad": 4}, lambda e: e["quad"] == 4),
    ({"quad": [1, 2]}, lambda e: e["quad"] in (1, 2)),
    ({"modality": "future"}, lambda e: e["modality"] == "future"),
    ({"since": "2018-06-01", "until": "2018-06-30"}, lambda e: "2018-06-01" <= e["date"] <= "2018-06-30"),
    ({"since": "2018-06-01", "date_field": "document"}, lambda e: e["document_date"] >= "2018-06-01"),
    ({"search": "sanction"}, lambda e: "sanction" in e["sentence"]["text"].lower()),
    ({"document": "020"}, lambda e: e["document"] == "020"),
    ({"include_negated": "true", "document": "020"}, lambda e: True),
])
def test_serve_event_filters(client, params, check):
    rows = all_rows(client, "/events", **params)
    assert rows, params
    assert all(check(e) for e in rows), params


def test_serve_negated_events_only_on_request(client):
    plain = all_rows(client, "/events")
    every = all_rows(client, "/events", include_negated="true")
    assert not any(e["negated"] for e in plain)
    assert len(every) > len(plain) and any(e["negated"] for e in every)


def test_serve_event_by_id_and_missing(client):
    e = client.get("/events", params={"limit": 1}).json()["items"][0]
    one = client.get(f"/events/{e['document']}/{e['id']}").json()
    assert one["sentence"] == e["sentence"] and one["document_title"]
    error_of(client.get(f"/events/{e['document']}/e99999"), 404)


def test_serve_quotes_filters(client):
    rows = all_rows(client, "/quotes", speaker="Pompeo")
    assert rows and all("pompeo" in ((r["speaker_name"] or "") + r["speaker"]["text"]).lower() for r in rows)
    rows = all_rows(client, "/quotes", search="pressure")
    assert rows and all("pressure" in r["content"]["text"].lower() for r in rows)


def test_serve_actors_and_documents(client, examples_store):
    actors = all_rows(client, "/actors", page=37)
    assert actors[0]["mentions"] >= actors[-1]["mentions"]
    assert len({(a["name"], a["code"]) for a in actors}) == len(actors)
    usa = all_rows(client, "/actors", actor="USA")
    assert usa and all(a["code"].startswith("USA") for a in usa)
    docs = all_rows(client, "/documents")
    assert len(docs) >= examples_store.counts["documents"]
    found = all_rows(client, "/documents", search="Hodeidah")
    assert [d["id"] for d in found] == ["020"]
    with_sanctions = all_rows(client, "/documents", type="SANCTION")
    assert with_sanctions and len(with_sanctions) < len(docs)
    doc = client.get("/documents/020").json()
    assert doc["text"] and doc["events"] and doc["actors"] and doc["quotes"]
    for e in doc["events"]:
        assert doc["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    error_of(client.get("/documents/no-such-document"), 404)


def test_serve_stats(client):
    s = client.get("/stats").json()
    assert s["total"] == sum(t["n"] for t in s["by_type"]) == sum(x["n"] for x in s["by_quad"])
    assert s["by_day"] and s["by_country"] and s["dyads"]
    d = s["dyads"][0]
    assert d["n"] >= s["dyads"][-1]["n"] and d["cooperation"] + d["conflict"] <= d["n"] and d["examples"]
    conflict = client.get("/stats", params={"quad": [3, 4], "top": 5}).json()
    assert {x["quad"] for x in conflict["by_quad"]} <= {3, 4} and len(conflict["dyads"]) <= 5
    assert all(x["cooperation"] == 0 for x in conflict["dyads"])


def test_serve_downloads(client):
    total = client.get("/stats").json()["total"]
    r = client.get("/events", params={"format": "jsonl"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    lines = r.text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["sentence"]
    r = client.get("/events", params={"format": "csv", "type": "SANCTION"})
    rows = r.text.splitlines()
    assert rows[0].startswith("document,id,date") and len(rows) > 1 and all("SANCTION" in x for x in rows[1:])
    r = client.get("/quotes", params={"format": "csv", "speaker": "Trump"})
    assert r.headers["content-type"].startswith("text/csv") and "content" in r.text.splitlines()[0]
    assert client.get("/actors", params={"format": "jsonl"}).text.count("\n") > 10


# -- writing ------------------------------------------------------------------------------


def test_serve_post_text_is_analysed_and_stored(client):
    r = client.post("/documents", content=GOOD_TEXT, params={"id": "posted-talks", "date": "2019-03-04"},
                    headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and body["documents"][0]["id"] == "posted-talks"
    assert body["documents"][0]["title"] == "Ministers agree to resume border talks"
    stored = client.get("/documents/posted-talks").json()
    assert stored["date"] == "2019-03-04" and stored["events"]
    again = client.post("/documents", content=GOOD_TEXT, params={"id": "posted-talks", "date": "2019-03-04"},
                        headers={**AUTH, "Content-Type": "text/plain"})
    assert again.status_code == 200 and again.json()["unchanged"] == 1


def test_serve_post_json_and_html(client):
    articles = [{"id": "j1", "title": "Talks resume", "text": GOOD_TEXT.split("\n\n", 1)[1], "date": "2019-01-02"},
                {"title": "Second", "text": "Russia accused Ukraine of violating the ceasefire on Monday, officials said."}]
    r = client.post("/documents", json=articles, headers=AUTH)
    assert r.status_code == 201, r.text
    ids = [d["id"] for d in r.json()["documents"]]
    assert ids[0] == "j1" and ids[1].startswith("upload-")
    html = (EXAMPLES / "html" / "012_singapore_summit.html").read_text(encoding="utf-8")
    r = client.post("/documents", content=html, params={"id": "html-post"},
                    headers={**AUTH, "Content-Type": "text/html; charset=utf-8"})
    assert r.status_code in (200, 201), r.text
    assert r.json()["documents"][0]["events"]


def test_serve_analyse_does_not_store(client):
    r = client.post("/analyse", content=GOOD_TEXT, params={"id": "not-stored"}, headers={"Content-Type": "text/plain"})
    assert r.status_code == 200 and r.json()["stored"] is False and r.json()["documents"][0]["events"]
    error_of(client.get("/documents/not-stored"), 404)


@pytest.mark.parametrize("headers, status", [({}, 401), ({"Authorization": "Bearer wrong"}, 401),
                                             ({"Authorization": f"Basic {TOKEN}"}, 401)])
def test_serve_write_needs_the_token(client, headers, status):
    err = error_of(client.post("/documents", content=GOOD_TEXT, headers={**headers, "Content-Type": "text/plain"}),
                   status)
    assert "token" in err["message"]


def test_serve_write_disabled_without_a_token(make_client):
    c = make_client()
    err = error_of(c.post("/documents", content=GOOD_TEXT, headers={"Content-Type": "text/plain"}), 403)
    assert "NEWSEVENTS_TOKEN" in err["message"]
    assert c.get("/events").status_code == 200  # reading on loopback needs none


def test_serve_reading_beyond_loopback_needs_the_token(make_client):
    c = make_client(host="0.0.0.0", token=TOKEN)
    error_of(c.get("/events"), 401)
    assert c.get("/events", headers=AUTH).status_code == 200
    assert c.get("/health").status_code == 200
    with pytest.raises(ConfigError, match="token"):
        create_app(ServeSettings(db="x.duckdb", host="0.0.0.0"))


def test_serve_cli_refuses_public_bind_without_token(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    r = cli("serve", "--db", tmp_path / "x.duckdb", "--host", "0.0.0.0")
    assert r.exit_code == 1 and "token" in r.output


# -- limits and bad requests --------------------------------------------------------------


@pytest.mark.parametrize("path, params, status, words", [
    ("/events", {"limit": 501}, 422, "limit"),
    ("/events", {"limit": 0}, 422, "limit"),
    ("/events", {"limit": "many"}, 422, "limit"),
    ("/events", {"cursor": "not-a-cursor"}, 400, "cursor"),
    ("/events", {"cursor": "W10"}, 400, "cursor"),
    ("/events", {"since": "yesterday"}, 422, "since"),
    ("/events", {"since": "2018-02-30"}, 422, "since"),
    ("/events", {"type": "DANCE"}, 422, "type"),
    ("/events", {"quad": 5}, 422, "quad"),
    ("/events", {"quad": "x"}, 422, "quad"),
    ("/events", {"modality": "maybe"}, 422, "modality"),
    ("/events", {"format": "xml"}, 422, "format"),
    ("/events", {"country": "Korea"}, 422, "country"),
    ("/events", {"actor": "x" * 201}, 422, "actor"),
    ("/stats", {"top": 10_000}, 422, "top"),
    ("/quotes", {"limit": -1}, 422, "limit"),
    ("/documents", {"type": "NOPE"}, 422, "type"),
])
def test_serve_bad_parameters(client, path, params, status, words):
    assert words in error_of(client.get(path, params=params), status)["message"]


def test_serve_cursor_of_another_list_is_refused(client):
    cursor = client.get("/quotes", params={"limit": 1}).json()["next_cursor"]
    error_of(client.get("/events", params={"cursor": cursor}), 400)


def test_serve_unknown_paths_and_methods(client):
    assert error_of(client.get("/nothing-here"), 404)["code"] == "not_found"
    error_of(client.delete("/events"), 405)
    error_of(client.get("/app/nothing"), 404)


@pytest.mark.parametrize("body, content_type, status, code", [
    (b"", "text/plain", 422, "empty_body"),
    (b"   \n", "text/plain", 422, "empty_body"),
    (b"{not json", "application/json", 400, "invalid_json"),
    (b"[1, 2]", "application/json", 422, "invalid_article"),
    (b'{"title": "no text"}', "application/json", 422, "no_article"),
    (b'{"text": 42}', "application/json", 422, "invalid_article"),
    (b"[]", "application/json", 422, "empty_body"),
    (b"\x00\x01\x02binary", "text/plain", 422, "no_article"),
    (b"\xff\xfe not utf-8", "text/plain", 422, "no_article"),
    (b"<html><body><nav>menu</nav></body></html>", "text/html", 422, "no_article"),
    (b"%PDF-1.4", "application/pdf", 415, "unsupported_media_type"),
])
def test_serve_bad_bodies(client, body, content_type, status, code):
    err = error_of(client.post("/documents", content=body, headers={**AUTH, "Content-Type": content_type}), status)
    assert err["code"] == code


def test_serve_bad_post_parameters(client):
    err = error_of(client.post("/documents", content=GOOD_TEXT, params={"date": "2019-13-45"},
                               headers={**AUTH, "Content-Type": "text/plain"}), 422)
    assert "date" in err["message"]


def test_serve_too_many_articles(client):
    many = [{"text": f"Article {n} text."} for n in range(101)]
    assert error_of(client.post("/documents", json=many, headers=AUTH), 413)["code"] == "too_many_articles"


def test_serve_body_over_the_limit(client):
    big = b"word " * 50_000  # 250 kB, over this server's 200 kB
    err = error_of(client.post("/documents", content=big, headers={**AUTH, "Content-Type": "text/plain"}), 413)
    assert "200,000" in err["message"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(50):
            yield b"word " * 1000

    error_of(client.post("/documents", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"}), 413)


def test_serve_slow_query_times_out(make_client, monkeypatch):
    c = make_client(request_timeout=0.5)

    def slow(store, f, cursor=None, size=50):
        time.sleep(3)

    monkeypatch.setattr(q, "event_page", slow)
    start = time.monotonic()
    err = error_of(c.get("/events"), 408)
    assert time.monotonic() - start < 2.5 and "0.5 s" in err["message"]
    assert c.get("/quotes", params={"limit": 1}).status_code == 200  # the server goes on


class SlowPipeline:
    """Stands in for the pipeline: takes `delay` seconds per batch."""

    def __init__(self, delay: float):
        self.delay = delay

    def analyse(self, items):
        time.sleep(self.delay)
        return iter([])


def test_serve_slow_analysis_times_out_and_busy_is_429(make_client):
    c = make_client(SlowPipeline(2.0), token=TOKEN, request_timeout=0.5, max_pending_analyses=1)
    start = time.monotonic()
    err = error_of(c.post("/documents", content=GOOD_TEXT, headers={**AUTH, "Content-Type": "text/plain"}), 408)
    assert time.monotonic() - start < 1.8 and "analysis" in err["message"]
    # the first analysis is still running: one more is refused at once, not queued
    error_of(c.post("/analyse", content=GOOD_TEXT, headers={"Content-Type": "text/plain"}), 429)


def test_serve_slow_body_times_out(examples_store, tmp_path, pipeline):
    db = copy_store(examples_store.path, tmp_path / "slow.duckdb")
    app = create_app(ServeSettings(db=str(db), token=TOKEN, request_timeout=1.0), pipeline=pipeline)
    with running(app) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as s:
            s.sendall(f"POST /documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
                      "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a little".encode())
            start = time.monotonic()
            reply = _read_response(s)
        assert time.monotonic() - start < 5
        assert reply.startswith("HTTP/1.1 408") and '"timeout"' in reply


def _read_response(s: socket.socket) -> str:
    """A whole HTTP response: the headers and body may come in separate packets."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        if not chunk:
            return data.decode()
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next((line.split(b":", 1)[1] for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), b"0"))
    while len(body) < length:
        chunk = s.recv(4096)
        if not chunk:
            break
        body += chunk
    return (head + b"\r\n\r\n" + body).decode()


# -- sharing the store with other processes ------------------------------------------------


def test_serve_reads_while_another_process_holds_the_write_lock(make_client):
    c = make_client(token=TOKEN, write_lock_wait=0.5)
    path = c.app.state.service.access.path
    assert c.get("/events", params={"limit": 1}).json()["stale"] is False  # snapshot taken
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({path!r})\n"
        "con.execute(\"INSERT INTO store_info VALUES ('probe', 'x')\")\n"
        "print('locked', flush=True)\n"
        "time.sleep(6)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        start = time.monotonic()
        r = c.get("/events", params={"limit": 3})
        assert r.status_code == 200 and len(r.json()["items"]) == 3
        assert r.json()["stale"] is True and r.headers["X-Newsevents-Stale"] == "1"
        assert time.monotonic() - start < 2
        err = error_of(c.post("/documents", content=GOOD_TEXT, headers={**AUTH, "Content-Type": "text/plain"}), 423)
        assert "ingest" in err["message"] and err["code"] == "store_locked"
    finally:
        holder.kill()
        holder.wait()
    assert c.get("/events", params={"limit": 1}).json()["stale"] is False


def test_serve_keeps_serving_during_an_ingest(make_client, tmp_path):
    c = make_client(token=TOKEN)
    path = c.app.state.service.access.path
    before = c.get("/documents/001_koreas_olympic_talks").json()
    assert before["date"] == "2018-01-09"
    # re-ingest two text examples without their dates: each of them changes
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for p in sorted((EXAMPLES / "text").glob("*.txt"))[:2]:
        shutil.copy(p, inputs / p.name)
    ingest = subprocess.Popen([str(BIN / "newsevents"), "ingest", str(inputs), "--db", path,
                               "--batch-size", "1", "--no-progress"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    statuses, stale, slowest = [], 0, 0.0
    deadline = time.monotonic() + 120
    try:
        while ingest.poll() is None and time.monotonic() < deadline:
            start = time.monotonic()
            r = c.get("/events", params={"limit": 5})
            slowest = max(slowest, time.monotonic() - start)
            statuses.append(r.status_code)
            stale += r.status_code == 200 and r.json()["stale"]
            time.sleep(0.1)
        out, err = ingest.communicate(timeout=60)
    finally:
        if ingest.poll() is None:
            ingest.kill()
    assert ingest.returncode == 0, err
    assert statuses and set(statuses) == {200}, statuses
    assert stale > 0, "the ingest never held the store while we read"
    assert slowest < 3
    after = c.get("/documents/001_koreas_olympic_talks").json()
    assert after["stale"] is False and after["date"] is None  # the ingest's version, read once it finished
