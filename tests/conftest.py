"""Shared fixtures: paths, the spaCy pipeline (loaded once), and stores built once per session.

Loading spaCy costs about a second and analysing the examples a few more, so both
happen once per session; tests that change a store work on a copy of it.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_DATES = EXAMPLES / "dates.tsv"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_0d5318cb65d1e091.txt"
SEED_GOLD = SHARED / "seed" / "000_0d5318cb65d1e091.gold.json"
SCORE_SEED = SHARED / "tools" / "score_seed.py"

TEXT_IDS = [p.stem for p in sorted((EXAMPLES / "text").glob("*.txt"))]
HTML_IDS = [p.stem for p in sorted((EXAMPLES / "html").glob("*.html"))]
JSONL_IDS = ["016", "017", "018", "019", "020"]
CSV_IDS = ["021", "022"]
EXAMPLE_IDS = TEXT_IDS + HTML_IDS + JSONL_IDS + CSV_IDS
TABLES = ("documents", "actors", "mentions", "quotes", "events")


# -- paths --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article in ../shared; tests that need it skip when ../shared is absent."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold not found at {SEED_GOLD} (../shared is absent)")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


# -- the pipeline -------------------------------------------------------------------


@pytest.fixture(scope="session")
def pipeline():
    """The analysis pipeline, spaCy model loaded once for the whole session."""
    from newsevents.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_options():
    """Ingest options for the examples: publication dates of the text files from dates.tsv."""
    from newsevents.ingest import IngestOptions, read_date_map

    return IngestOptions(dates=read_date_map(str(EXAMPLE_DATES)))


@pytest.fixture(scope="session")
def example_analyses(pipeline, example_options) -> dict[str, Any]:
    """Every example article analysed once: id -> Analysis."""
    from newsevents import jobs
    from newsevents.records import Analysis

    out = {}
    for r in jobs.extract([str(EXAMPLES)], example_options, pipeline):
        assert isinstance(r, Analysis), f"an example failed: {r}"
        out[r.document.id] = r
    return out


# -- stores -------------------------------------------------------------------------


@dataclass
class BuiltStore:
    path: Path
    report: Any  # jobs.IngestReport
    counts: dict[str, int]


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory, pipeline, example_options) -> BuiltStore:
    """A store holding the examples, ingested once; closed, so tests open it read-only.

    Tests that write must use `store_copy`.
    """
    from newsevents import jobs
    from newsevents.store import Store

    path = tmp_path_factory.mktemp("examples-store") / "examples.duckdb"
    with Store(path) as store:
        report = jobs.ingest([str(EXAMPLES)], store, example_options)
        counts = store.counts()
    return BuiltStore(path, report, counts)


@pytest.fixture
def store_copy(examples_store, tmp_path) -> Path:
    """A private copy of the examples store, free to change."""
    dest = tmp_path / "copy.duckdb"
    shutil.copy(examples_store.path, dest)
    wal = Path(str(examples_store.path) + ".wal")
    if wal.exists():
        shutil.copy(wal, Path(str(dest) + ".wal"))
    return dest


def span(text: str, needle: str, after: int = 0):
    """The Span of the first `needle` in `text` at or after `after`."""
    from newsevents.records import Span

    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def make_analysis(doc_id: str, date: str, text: str, actors: list[dict], quotes: list[dict] = (),
                  events: list[dict] = (), title: str | None = None, outlet: str | None = None):
    """A hand-built Analysis with coded actors, quotes and events, for query tests.

    actors: {"name", "code", "country", "sector", "kind", "mentions": [str, ...]}
    quotes: {"speaker": str, "actor": name, "content": str, "cue": str, "kind": str}
    events: {"event", "cameo", "actor": name, "recipient": name, "sentence": str, "trigger": str,
             "negated": bool, "modality": str}
    """
    from newsevents.records import (Actor, Analysis, Document, Event, EventActor, Quote)

    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, match_text=text, title=title or f"Title {doc_id}",
                   date=date, url=f"https://example.org/{doc_id}", outlet=outlet or "Test Wire", meta={},
                   content_hash=f"hash-{doc_id}-{len(text)}")
    found, by_name = [], {}
    for n, a in enumerate(actors, 1):
        actor = Actor(id=f"a{n}", name=a["name"], code=a["code"], country=a["country"], sector=a.get("sector"),
                      kind=a.get("kind", "person"), mentions=[span(text, m) for m in a["mentions"]])
        found.append(actor)
        by_name[a["name"]] = actor

    def side(name: str | None) -> list[EventActor]:
        if name is None:
            return []
        a = by_name[name]
        m = a.mentions[0]
        return [EventActor(text=m.text, start=m.start, end=m.end, code=a.code, country=a.country,
                           sector=a.sector, actor_id=a.id)]

    qs = []
    for n, q in enumerate(quotes, 1):
        qs.append(Quote(id=f"q{n}", content=span(text, q["content"]), kind=q.get("kind", "direct"),
                        speaker=span(text, q["speaker"]), speaker_actor=by_name[q["actor"]].id if q.get("actor") else None,
                        cue=span(text, q["cue"]) if q.get("cue") else None))
    evs = []
    for n, e in enumerate(events, 1):
        sentence = span(text, e["sentence"])
        evs.append(Event(id=f"e{n}", event=e["event"], cameo=e.get("cameo", "000"), actor=side(e.get("actor")),
                         recipient=side(e.get("recipient")), sentence=sentence,
                         trigger=span(text, e["trigger"], sentence.start), date=date,
                         negated=e.get("negated", False), modality=e.get("modality", "asserted"),
                         quad=e.get("quad"), goldstein=e.get("goldstein")))
    return Analysis(document=doc, actors=found, quotes=qs, events=evs)


K1_TEXT = ("President Donald Trump met North Korean leader Kim Jong-un in Singapore on Tuesday. "
           "\"We are very proud of what took place today,\" Mr Trump said. "
           "Mr Kim did not threaten the United States.")
R1_TEXT = ("The US Treasury imposed sanctions on the Russian businessman Oleg Deripaska on Friday. "
           "\"This is a lawless decision,\" Deripaska said. Moscow accused Washington of piracy.")
S1_TEXT = ("Sudanese security forces arrested opposition leader Sadiq al-Mahdi in Khartoum. "
           "Protesters marched through the capital.")


def coded_analyses():
    """Three hand-coded documents: a US-North Korea summit, US sanctions on Russia, arrests in Sudan."""
    k1 = make_analysis(
        "k1", "2018-06-12", K1_TEXT,
        actors=[{"name": "Donald Trump", "code": "USAGOV", "country": "USA", "sector": "GOV",
                 "mentions": ["Donald Trump", "Mr Trump"]},
                {"name": "Kim Jong-un", "code": "PRKGOV", "country": "PRK", "sector": "GOV",
                 "mentions": ["Kim Jong-un", "Mr Kim"]},
                {"name": "United States", "code": "USA", "country": "USA", "kind": "country",
                 "mentions": ["United States"]}],
        quotes=[{"speaker": "Mr Trump", "actor": "Donald Trump", "content": "We are very proud of what took place today,",
                 "cue": "said"}],
        events=[{"event": "CONSULT", "cameo": "040", "actor": "Donald Trump", "recipient": "Kim Jong-un",
                 "sentence": "President Donald Trump met North Korean leader Kim Jong-un in Singapore on Tuesday.",
                 "trigger": "met", "quad": 1, "goldstein": 1.0},
                {"event": "THREATEN", "cameo": "130", "actor": "Kim Jong-un", "recipient": "United States",
                 "sentence": "Mr Kim did not threaten the United States.", "trigger": "threaten", "negated": True}],
        title="Trump meets Kim in Singapore")
    r1 = make_analysis(
        "r1", "2018-04-06", R1_TEXT,
        actors=[{"name": "US Treasury", "code": "USAGOV", "country": "USA", "sector": "GOV", "kind": "organisation",
                 "mentions": ["US Treasury"]},
                {"name": "Oleg Deripaska", "code": "RUSBUS", "country": "RUS", "sector": "BUS",
                 "mentions": ["Oleg Deripaska", "Deripaska"]},
                {"name": "Russia", "code": "RUS", "country": "RUS", "kind": "country", "mentions": ["Moscow"]},
                {"name": "United States", "code": "USA", "country": "USA", "kind": "country",
                 "mentions": ["Washington"]}],
        quotes=[{"speaker": "Deripaska", "actor": "Oleg Deripaska", "content": "This is a lawless decision,",
                 "cue": "said"}],
        events=[{"event": "SANCTION", "cameo": "163", "actor": "US Treasury", "recipient": "Oleg Deripaska",
                 "sentence": "The US Treasury imposed sanctions on the Russian businessman Oleg Deripaska on Friday.",
                 "trigger": "imposed sanctions", "quad": 4, "goldstein": -8.0},
                {"event": "ACCUSE", "cameo": "112", "actor": "Russia", "recipient": "United States",
                 "sentence": "Moscow accused Washington of piracy.", "trigger": "accused", "modality": "reported"}],
        title="US sanctions Russian oligarchs")
    s1 = make_analysis(
        "s1", "2018-01-17", S1_TEXT,
        actors=[{"name": "Sudanese security forces", "code": "SDNCOP", "country": "SDN", "sector": "COP",
                 "kind": "organisation", "mentions": ["Sudanese security forces"]},
                {"name": "Sadiq al-Mahdi", "code": "SDNOPP", "country": "SDN", "sector": "OPP",
                 "mentions": ["Sadiq al-Mahdi"]}],
        events=[{"event": "COERCE", "cameo": "173", "actor": "Sudanese security forces", "recipient": "Sadiq al-Mahdi",
                 "sentence": "Sudanese security forces arrested opposition leader Sadiq al-Mahdi in Khartoum.",
                 "trigger": "arrested", "quad": 4, "goldstein": -5.0},
                {"event": "PROTEST", "cameo": "140", "actor": None, "recipient": None,
                 "sentence": "Protesters marched through the capital.", "trigger": "marched"}],
        title="Sudan arrests opposition leaders")
    return [k1, r1, s1]


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory) -> BuiltStore:
    """A store of three hand-coded documents (no NLP): exact expectations for the query filters."""
    from newsevents.store import Store

    path = tmp_path_factory.mktemp("coded-store") / "coded.duckdb"
    with Store(path) as store:
        result = store.write(coded_analyses())
        counts = store.counts()
    return BuiltStore(path, result, counts)


# -- the command line ---------------------------------------------------------------


@pytest.fixture
def cli():
    """Run `newsevents ARGS...` in this process (the spaCy model stays loaded): returns click's Result."""
    from newsevents.cli import main

    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def write_jsonl(path: Path, records: list[Any]) -> Path:
    """Write records (dicts, or raw strings for malformed lines) one per line."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD_TEXT = ("Ministers agree to resume border talks\n\n"
             "Foreign ministers from both countries agreed on Monday to resume talks on the disputed border, "
             "officials in Geneva said.\n\n"
             "The talks will begin next month under United Nations supervision.\n")


@pytest.fixture
def good_text(tmp_path) -> Path:
    """A small, valid plain-text article."""
    p = tmp_path / "good_article.txt"
    p.write_text(GOOD_TEXT, encoding="utf-8")
    return p
