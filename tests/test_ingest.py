"""Ingest: every input kind becomes Article records; every bad input becomes a Problem naming it."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents.ingest import IngestOptions, read_date_map, read_inputs
from newsevents.records import Article, Problem

from conftest import (CSV_IDS, EXAMPLE_IDS, EXAMPLES, GOOD_TEXT, HTML_IDS, JSONL_IDS, TEXT_IDS,
                      write_jsonl)


def read(*paths, **options) -> list[Article | Problem]:
    return list(read_inputs([str(p) for p in paths], IngestOptions(**options)))


def articles(items) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def problems(items) -> list[Problem]:
    return [p for p in items if isinstance(p, Problem)]


def only_article(items) -> Article:
    assert not problems(items), problems(items)
    assert len(items) == 1, items
    return items[0]


# -- plain text ---------------------------------------------------------------------


def test_ingest_text_seed_title_from_first_line(seed_path, seed_gold):
    art = only_article(read(seed_path))
    assert art.id == seed_path.stem
    assert art.title == seed_gold["document"]["title"]
    assert art.date is None  # the seed carries no date of its own
    raw = seed_path.read_text(encoding="utf-8")
    assert art.body_offset is not None
    assert raw[art.body_offset:art.body_offset + len(art.body)] == art.body
    assert art.body.startswith("North Korea's Kim Jong-un has written")


@pytest.mark.parametrize("stem", TEXT_IDS)
def test_ingest_text_examples_title_is_first_line(stem):
    path = EXAMPLES / "text" / f"{stem}.txt"
    art = only_article(read(path))
    first_line = path.read_text(encoding="utf-8").splitlines()[0].strip()
    assert art.id == stem
    assert art.title == first_line
    assert first_line not in art.body.splitlines()[0]


# -- HTML ---------------------------------------------------------------------------

HTML_EXPECTED = {
    "011_us_sanctions_russian_oligarchs": ("US sanctions Russian oligarchs and officials over ‘malign activity’",
                                           "2018-04-06", "The Capitol Ledger"),
    "012_singapore_summit": ("Trump and Kim sign pledge on denuclearisation at Singapore summit", "2018-06-12",
                             "Pacific Wire"),
    "013_pompeo_pyongyang_gangster": ("North Korea accuses US of 'gangster-like' demands after Pompeo visit",
                                      "2018-07-08", "Global Dispatch"),
    "014_sulawesi_quake_aid": ("Indonesia accepts foreign aid as Sulawesi quake toll passes 800", "2018-10-01",
                               "Southeast Asia Monitor"),
    "015_sudan_opposition_arrests": ("Sudan arrests opposition leaders as bread price protests spread", "2018-01-17",
                                     "Africa Report Daily"),
}


def test_ingest_html_examples_are_all_covered():
    assert sorted(HTML_EXPECTED) == HTML_IDS


@pytest.mark.parametrize("stem", sorted(HTML_EXPECTED))
def test_ingest_html_title_date_outlet(stem):
    title, date, outlet = HTML_EXPECTED[stem]
    art = only_article(read(EXAMPLES / "html" / f"{stem}.html"))
    assert art.id == stem
    assert art.title == title
    assert art.date == date
    assert art.outlet == outlet
    body = art.body
    assert len(body) > 500
    assert title not in body.splitlines()[0]  # the <h1> is the title, not the first paragraph
    for chrome in ("Subscribe", "Sign in", "cookies", "Politics\n", "<p", "&ldquo;", "&rsquo;"):
        assert chrome not in body, f"{chrome!r} left in the article text"


def test_ingest_html_url_from_canonical_link():
    art = only_article(read(EXAMPLES / "html" / "011_us_sanctions_russian_oligarchs.html"))
    assert art.url == "https://www.example.com/world/2018/04/06/us-sanctions-russian-oligarchs"


def test_ingest_html_entities_decoded():
    art = only_article(read(EXAMPLES / "html" / "011_us_sanctions_russian_oligarchs.html"))
    assert "“" in art.body or "\"" in art.body


# -- JSONL and CSV ------------------------------------------------------------------


def test_ingest_jsonl_examples_fields_and_meta():
    items = read(EXAMPLES / "articles.jsonl")
    assert not problems(items)
    arts = articles(items)
    assert [a.id for a in arts] == JSONL_IDS
    raw = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for n, (a, rec) in enumerate(zip(arts, raw), 1):
        assert a.title == rec["title"]
        assert a.body == rec["text"]
        assert a.body_offset == 0
        assert a.date == rec["date"]
        assert a.url == rec["url"]
        assert a.outlet == rec["outlet"]
        assert a.meta == {"note": rec["note"]}  # the unknown field is kept as metadata
        assert a.source.endswith(f"articles.jsonl:{n}")


def test_ingest_jsonl_html_field_goes_through_trafilatura(tmp_path):
    html = (EXAMPLES / "html" / "012_singapore_summit.html").read_text(encoding="utf-8")
    p = write_jsonl(tmp_path / "pages.jsonl", [{"id": "p1", "html": html, "lang": "en"},
                                               {"id": "p2", "html": html, "title": "Own title", "outlet": "Own"}])
    a1, a2 = articles(read(p))
    assert a1.id == "p1" and a1.title == HTML_EXPECTED["012_singapore_summit"][0]
    assert a1.date == "2018-06-12" and a1.outlet == "Pacific Wire"
    assert a1.meta.get("lang") == "en"
    assert "<p" not in a1.body and "denuclearization" in a1.body
    assert a2.title == "Own title" and a2.outlet == "Own"  # the record's fields win over the page's


def test_ingest_jsonl_id_defaults_to_file_and_line(tmp_path):
    p = write_jsonl(tmp_path / "noids.jsonl", [{"text": "One sentence here."}, {"text": "Another one here."}])
    assert [a.id for a in articles(read(p))] == ["noids-1", "noids-2"]


def test_ingest_csv_examples():
    items = read(EXAMPLES / "articles.csv")
    assert not problems(items)
    arts = articles(items)
    assert [a.id for a in arts] == CSV_IDS
    a = arts[0]
    assert a.title == "Kim agrees to let inspectors visit nuclear test site, Pompeo says"
    assert a.date == "2018-10-08"
    assert "\n\n" in a.body  # embedded newlines survive
    assert '"as soon as possible"' in a.body  # doubled quotes are unescaped
    assert a.url and a.outlet


def test_ingest_csv_unknown_columns_kept_as_meta(tmp_path):
    p = tmp_path / "extra.csv"
    p.write_text('id,title,text,date,lang,section\n'
                 'c1,A title,"Troops left the city on Monday.",2018-05-01,en,World\n', encoding="utf-8")
    a = only_article(read(p))
    assert (a.id, a.title, a.date) == ("c1", "A title", "2018-05-01")
    assert a.meta == {"lang": "en", "section": "World"}


# -- directories, gzip, stdin -------------------------------------------------------


def test_ingest_directory_recursive_reads_all_examples():
    items = read(EXAMPLES)
    assert not problems(items), problems(items)
    assert sorted(a.id for a in articles(items)) == sorted(EXAMPLE_IDS)  # README.md and dates.tsv skipped


def test_ingest_directory_nested_hidden_and_unknown_files(tmp_path):
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a" / "top.txt").write_text(GOOD_TEXT.replace("Ministers", "Leaders"), encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("# not an article\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(GOOD_TEXT, encoding="utf-8")
    assert sorted(a.id for a in articles(read(tmp_path))) == ["deep", "top"]


def test_ingest_gzip_with_gz_extension(tmp_path):
    src = EXAMPLES / "text" / f"{TEXT_IDS[0]}.txt"
    gz = tmp_path / f"{TEXT_IDS[0]}.txt.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    plain = only_article(read(src))
    packed = only_article(read(gz))
    assert packed.id == plain.id
    assert (packed.title, packed.body, packed.content_hash) == (plain.title, plain.body, plain.content_hash)


def test_ingest_gzip_jsonl_in_directory(tmp_path):
    (tmp_path / "records.jsonl.gz").write_bytes(gzip.compress((EXAMPLES / "articles.jsonl").read_bytes()))
    assert [a.id for a in articles(read(tmp_path))] == JSONL_IDS


def test_ingest_gzip_content_without_gz_extension(tmp_path):
    src = EXAMPLES / "text" / f"{TEXT_IDS[1]}.txt"
    disguised = tmp_path / "disguised.txt"
    disguised.write_bytes(gzip.compress(src.read_bytes()))
    art = only_article(read(disguised))
    assert art.title == only_article(read(src)).title


def test_ingest_gzip_corrupt_is_a_problem(tmp_path):
    data = gzip.compress((GOOD_TEXT * 50).encode())
    p = tmp_path / "truncated.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    items = read(p, tmp_path / "missing.txt")
    assert len(problems(items)) == 2
    assert str(p) in str(items[0]) and "gzip" in items[0].message


def test_ingest_stdin_text(cli):
    result = cli("extract", "-", "--date", "2018-03-01", input=GOOD_TEXT)
    assert result.exit_code == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["title"] == "Ministers agree to resume border talks"
    assert doc["date"] == "2018-03-01"
    assert doc["text"].startswith("Foreign ministers")


def test_ingest_stdin_jsonl_is_sniffed(cli):
    data = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8")
    result = cli("extract", "-", input=data)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == JSONL_IDS


def test_ingest_stdin_gzip_from_a_real_pipe(tmp_path):
    """gzip-compressed input on a real stdin pipe (CliRunner's stdin cannot peek): a separate process."""
    code = ("import json; from newsevents.ingest import read_inputs; "
            "print(json.dumps([[a.id, a.title, a.body[:20]] for a in read_inputs(['-'])]))")
    proc = subprocess.run([sys.executable, "-c", code], input=gzip.compress(GOOD_TEXT.encode()),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout) == [["stdin", "Ministers agree to resume border talks", "Foreign ministers fr"]]


# -- --input-format, --date, --dates -------------------------------------------------


def test_ingest_input_format_overrides_extension(tmp_path):
    p = tmp_path / "records.dat"
    shutil.copy(EXAMPLES / "articles.jsonl", p)
    assert [a.id for a in articles(read(p, input_format="jsonl"))] == JSONL_IDS
    page = tmp_path / "page.txt"
    shutil.copy(EXAMPLES / "html" / "012_singapore_summit.html", page)
    assert only_article(read(page, input_format="html")).outlet == "Pacific Wire"
    as_text = only_article(read(EXAMPLES / "html" / "012_singapore_summit.html", input_format="text"))
    assert "<html" in as_text.body or "<html" in (as_text.title or "")


def test_ingest_auto_sniffs_files_without_extension(tmp_path):
    page = tmp_path / "page"
    shutil.copy(EXAMPLES / "html" / "015_sudan_opposition_arrests.html", page)
    records = tmp_path / "records"
    shutil.copy(EXAMPLES / "articles.jsonl", records)
    items = read(page, records)
    assert not problems(items)
    assert [a.id for a in items] == ["page"] + JSONL_IDS
    assert items[0].outlet == "Africa Report Daily"


def test_ingest_input_format_cli(cli, tmp_path):
    p = tmp_path / "records.dat"
    shutil.copy(EXAMPLES / "articles.jsonl", p)
    result = cli("extract", p, "--input-format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == JSONL_IDS


def test_ingest_date_used_only_when_input_has_none(tmp_path):
    text = tmp_path / "nodate.txt"
    text.write_text(GOOD_TEXT, encoding="utf-8")
    items = read(text, EXAMPLES / "articles.jsonl", EXAMPLES / "html" / "012_singapore_summit.html",
                 default_date="2001-02-03")
    dates = {a.id: a.date for a in articles(items)}
    assert dates["nodate"] == "2001-02-03"
    assert dates["016"] == "2018-03-09"  # the record's own date wins
    assert dates["012_singapore_summit"] == "2018-06-12"  # the page's own date wins


def test_ingest_date_cli(cli, good_text):
    result = cli("extract", good_text, EXAMPLES / "articles.jsonl", "--date", "2001-02-03")
    assert result.exit_code == 0, result.stderr
    dates = {d["id"]: d["date"] for d in map(json.loads, result.stdout.splitlines())}
    assert dates == {"good_article": "2001-02-03", "016": "2018-03-09", "017": "2018-05-25", "018": "2018-08-07",
                     "019": "2018-09-27", "020": "2018-12-13"}


def test_ingest_date_accepts_written_dates(cli, good_text):
    result = cli("extract", good_text, "--date", "10 September 2018")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2018-09-10"


def test_ingest_dates_map_file():
    dates = read_date_map(str(EXAMPLES / "dates.tsv"))
    items = read(EXAMPLES, dates=dates)
    got = {a.id: a.date for a in articles(items)}
    expected = {Path(row.split("\t")[0]).stem: row.split("\t")[1]
                for row in (EXAMPLES / "dates.tsv").read_text().splitlines()[1:] if row.strip()}
    for stem in TEXT_IDS:
        assert got[stem] == expected[stem], stem
    assert got["016"] == "2018-03-09"  # a record's own date is not overridden by the map


def test_ingest_dates_map_cli(cli):
    path = EXAMPLES / "text" / "008_pyongyang_summit.txt"
    result = cli("extract", path, "--dates", EXAMPLES / "dates.tsv", "--date", "2001-01-01")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2018-09-19"  # the map beats the fallback --date


def test_ingest_dates_map_bad_date_names_file_and_line(tmp_path, cli, good_text):
    bad = tmp_path / "dates.csv"
    bad.write_text("file,date\ngood_article.txt,2018-01-01\nother.txt,someday soon-ish\n", encoding="utf-8")
    result = cli("extract", good_text, "--dates", bad)
    assert result.exit_code != 0
    assert str(bad) in result.stderr and "line 3" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# -- bad input ----------------------------------------------------------------------


def _big_text(tmp_path: Path) -> Path:
    p = tmp_path / "huge.txt"
    line = ("Officials said the talks would continue next week in the capital, according to reports. " * 10) + "\n"
    chunk = (line * (1_000_000 // len(line) + 1)).encode()[:1_000_000]
    with open(p, "wb") as f:
        for _ in range(50):
            f.write(chunk)
    return p


BAD_INPUTS = {
    # name: (file name, content or builder, words the message must contain, line or None)
    "empty": ("empty.txt", b"", "empty", None),
    "blank": ("blank.txt", b"\n  \n\t\n", "empty", None),
    "binary": ("binary.txt", bytes(range(256)) * 40, "binary", None),
    "png": ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000), "binary", None),
    "invalid_utf8": ("latin1.txt", "Title\n\nFirst line.\nCaf\xe9 au lait.\n".encode("latin-1"), "UTF-8", 4),
    "html_no_article": ("menu.html", b"<!doctype html><html><head><title>Menu</title></head><body><nav><ul>"
                        b"<li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
                        b"<footer>Contact us</footer></body></html>", "no article", None),
    "jsonl_not_object": ("list.jsonl", b"[1, 2, 3]\n", "JSON object", 1),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_ingest_bad_input_is_named_problem_and_batch_goes_on(case, tmp_path, good_text):
    name, content, words, line = BAD_INPUTS[case]
    bad = tmp_path / name
    bad.write_bytes(content)
    items = read(bad, good_text)
    (problem,) = problems(items)
    assert problem.source.startswith(str(bad))
    assert words.lower() in problem.message.lower()
    assert problem.line == line
    where = f"{bad}:{line}" if line else str(bad)
    assert where in str(problem)
    assert [a.id for a in articles(items)] == ["good_article"]


def test_ingest_invalid_utf8_message_names_the_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\nline two\nline three\nbad \xff\xfe here\n")
    (problem,) = read(bad)
    assert problem.line == 5 and "line 5" in problem.message


def test_ingest_50mb_text_rejected_quickly_without_reading_it(tmp_path, good_text):
    big = _big_text(tmp_path)
    assert big.stat().st_size == 50_000_000
    io_stats = Path("/proc/self/io")
    before = _rchar(io_stats)
    t0 = time.perf_counter()
    items = read(big, good_text)
    elapsed = time.perf_counter() - t0
    after = _rchar(io_stats)
    (problem,) = problems(items)
    assert problem.source == str(big)
    assert "50.0 MB" in problem.message and "limit" in problem.message
    assert [a.id for a in articles(items)] == ["good_article"]
    assert elapsed < 2.0
    if before is not None and after is not None:
        assert after - before < 5_000_000, f"read {after - before} bytes to reject a 50 MB file"


def _rchar(path: Path) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def test_ingest_large_file_accepted_with_max_size(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("Long report\n\n" + ("The talks went on for hours. " * 40_000), encoding="utf-8")  # ~1.2 MB
    assert problems(read(p, max_bytes=1_000_000))
    assert not problems(read(p, max_bytes=2_000_000))


def test_ingest_malformed_jsonl_line_names_line_others_processed(tmp_path):
    p = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "ok1", "text": "Troops withdrew from the town on Monday."},
        '{"id": "broken", "text": "unterminated',
        {"id": "ok3", "text": "Talks resumed in Geneva on Tuesday."},
    ])
    items = read(p)
    assert [a.id for a in articles(items)] == ["ok1", "ok3"]
    (problem,) = problems(items)
    assert problem.line == 2
    assert f"{p}:2" in str(problem) and "JSON" in problem.message


def test_ingest_jsonl_record_without_text(tmp_path):
    p = write_jsonl(tmp_path / "notext.jsonl", [
        {"id": "ok1", "text": "Troops withdrew from the town on Monday."},
        {"id": "x", "title": "Only a title", "url": "https://example.org/x"},
        {"id": "empty", "text": "   "},
    ])
    items = read(p)
    assert [a.id for a in articles(items)] == ["ok1"]
    p2, p3 = problems(items)
    assert p2.line == 2 and "text" in p2.message and f"{p}:2" in str(p2)
    assert p3.line == 3 and "empty" in p3.message


def test_ingest_jsonl_bad_date_names_line(tmp_path):
    p = write_jsonl(tmp_path / "dates.jsonl", [
        {"id": "ok1", "text": "Troops withdrew from the town on Monday.", "date": "2018-05-01"},
        {"id": "bad", "text": "Talks resumed in Geneva on Tuesday.", "date": "the thirty-second of Smarch"},
        {"id": "bad2", "text": "Talks resumed in Geneva on Tuesday.", "date": "2018-02-30"},
    ])
    items = read(p)
    assert [a.id for a in articles(items)] == ["ok1"]
    p2, p3 = problems(items)
    assert p2.line == 2 and "date" in p2.message and "Smarch" in p2.message
    assert p3.line == 3 and "2018-02-30" in p3.message


def test_ingest_csv_bad_row_names_line(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text('id,title,text,date\n'
                 'r1,One,"First line.\n\nSecond paragraph.",2018-01-01\n'
                 'r2,Two,,2018-01-02\n'
                 'r3,Three,"Fine text here.",not a date at all\n'
                 'r4,Four,"Also fine.",2018-01-04\n', encoding="utf-8")
    items = read(p)
    assert [a.id for a in articles(items)] == ["r1", "r4"]
    p2, p3 = problems(items)
    assert p2.line == 5 and f"{p}:5" in str(p2)  # r1 spans lines 2-4
    assert p3.line == 6 and "date" in p3.message


def test_ingest_missing_path(tmp_path, good_text):
    missing = tmp_path / "nope.txt"
    in_missing_dir = tmp_path / "no" / "such" / "dir" / "a.txt"
    items = read(missing, good_text, in_missing_dir)
    p1, p2 = problems(items)
    assert p1.source == str(missing) and "no such file" in p1.message.lower()
    assert p2.source == str(in_missing_dir)
    assert [a.id for a in articles(items)] == ["good_article"]


def test_ingest_unreadable_path_chmod(tmp_path, good_text):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD_TEXT, encoding="utf-8")
    p.chmod(0)
    try:
        try:
            open(p, "rb").close()
            pytest.skip("running as root: chmod 000 does not stop reading (see the symlink-loop test)")
        except PermissionError:
            pass
        items = read(p, good_text)
        (problem,) = problems(items)
        assert problem.source == str(p) and "cannot read" in problem.message
        assert [a.id for a in articles(items)] == ["good_article"]
    finally:
        p.chmod(0o644)


def test_ingest_unreadable_path_symlink_loop(tmp_path, good_text):
    """A path that exists as a name but cannot be opened, even by root."""
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    items = read(loop, good_text)
    (problem,) = problems(items)
    assert problem.source == str(loop) and "cannot read" in problem.message
    assert [a.id for a in articles(items)] == ["good_article"]


def test_ingest_unreadable_directory_entry(tmp_path, good_text):
    """A dangling link inside a directory is reported, the rest of the directory read."""
    d = tmp_path / "dir"
    d.mkdir()
    shutil.copy(good_text, d / "ok.txt")
    os.symlink(tmp_path / "gone.txt", d / "dangling.txt")
    items = read(d)
    assert [a.id for a in articles(items)] == ["ok"]
    (problem,) = problems(items)
    assert problem.source == str(d / "dangling.txt")


# The same bad inputs through the command line: one line each on stderr, the rest analysed, exit 1.

def _make_bad(case: str, tmp_path: Path) -> tuple[Path, int | None]:
    if case == "50mb":
        return _big_text(tmp_path), None
    if case == "missing":
        return tmp_path / "no_such_file.txt", None
    if case == "symlink_loop":
        p = tmp_path / "loop.txt"
        os.symlink(p, p)
        return p, None
    if case == "malformed_jsonl":
        return write_jsonl(tmp_path / "broken.jsonl", [{"id": "j1", "text": "Talks resumed in Geneva."}, "{oops"]), 2
    if case == "jsonl_no_text":
        return write_jsonl(tmp_path / "notext.jsonl", [{"id": "j1", "text": "Talks resumed in Geneva."},
                                                       {"id": "j2"}]), 2
    if case == "bad_date":
        return write_jsonl(tmp_path / "baddate.jsonl", [{"id": "j1", "text": "Talks resumed in Geneva."},
                                                        {"id": "j2", "text": "Fine.", "date": "yesterday-ish?"}]), 2
    name, content, _, line = BAD_INPUTS[case]
    p = tmp_path / name
    p.write_bytes(content)
    return p, line


CLI_BAD = sorted(BAD_INPUTS) + ["50mb", "missing", "symlink_loop", "malformed_jsonl", "jsonl_no_text", "bad_date"]


@pytest.mark.parametrize("case", CLI_BAD)
def test_ingest_bad_input_cli_one_line_rest_processed(case, cli, tmp_path, good_text):
    bad, line = _make_bad(case, tmp_path)
    result = cli("extract", bad, good_text)
    assert result.exit_code == 1
    ids = [json.loads(x)["id"] for x in result.stdout.splitlines()]
    assert "good_article" in ids
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, result.stderr
    assert str(bad) in lines[0]
    if line:
        assert f"{bad}:{line}" in lines[0]
    assert "Traceback" not in result.stderr
