"""Scaling benchmark: worker processes and Dask against one process and bare spaCy.

One run measures, each in its own subprocess (so peak memory is its own), on the same
generated corpus (`run_bench.generate_corpus`: the examples varied, deterministic seed):

1. bare spaCy `nlp.pipe` over the cleaned texts our pipeline parses (as in run_bench.py);
2. `extract` in one process (`--workers 1`), every result serialised as the CLI prints it;
3. `extract` with 2 worker processes (`--workers 2`), the same;
4. `ingest` with 2 worker processes into a DuckDB store, the input split into shards;
5. the Dask engine on a LocalCluster of 2 worker processes over the same shards, writing
   Parquet (the like-for-like partner of 4: both analyse and store);
6. a generated stream (`--stream`, default 100,000 articles, never written to disk) through
   2 worker processes, sampling each worker's resident memory as it goes: peak and growth;
7. reading a WARC file of the corpus as HTML pages (HTML extraction's cost per page).

Model loading and worker start-up are outside the clocks (each engine is warmed first)
and reported apart. Ratios come from this one run, so a busy machine slows all alike;
the load average before and after is in the report.

usage: .venv/bin/python bench/scale_bench.py [--out bench/scale_report.json] [--articles 400]
       [--stream 100000] [--quick] [--repeat 1] [--workers 2] [--batch-size 32] [--model NAME] [--seed 2018]
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import run_bench  # noqa: E402  (the corpus generator and the bare-spaCy measurement)

SHARDS = 8  # the corpus is split into this many JSONL files for the sharded runs
AIMS = {"one_worker_vs_spacy": 0.85, "two_workers_vs_one": 1.7, "dask_vs_local": 0.9}


# -- memory of processes (Linux /proc) ------------------------------------------------


def _status_mb(pid: int, field: str) -> float | None:
    """VmRSS (resident now) or VmHWM (peak resident) of a process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _self_peak_mb() -> float:
    return _status_mb(os.getpid(), "VmHWM") or run_bench._peak_rss_mb()


# -- measurements (subprocess: `--measure MODE`) ----------------------------------------


def _options(args: argparse.Namespace):
    from newsevents.pipeline import PipelineOptions

    return PipelineOptions(model=args.model, batch_size=args.batch_size)


def _pool(args: argparse.Namespace, workers: int):
    from newsevents.scale.local import ProcessPool

    pool = ProcessPool(_options(args), workers)
    t0 = time.perf_counter()
    pids = pool.start()
    return pool, pids, time.perf_counter() - t0


def measure_local(args: argparse.Namespace) -> dict[str, Any]:
    """`extract` with --workers N; N=1 is the in-process path, the pipeline warmed first."""
    from newsevents import jobs
    from newsevents.records import Analysis, Problem
    n = problems = 0
    out = io.StringIO()
    if args.workers == 1:
        pipeline, load_s = run_bench._load_ours(args.model, args.batch_size)
        t0 = time.perf_counter()
        results = jobs.extract([args.corpus], pipeline=pipeline, workers=1)
        worker_pids: list[int] = []
        pool = None
    else:
        pool, worker_pids, load_s = _pool(args, args.workers)
        t0 = time.perf_counter()
        results = jobs.extract([args.corpus], pool=pool)
    for r in results:
        if isinstance(r, Problem):
            problems += 1
            continue
        assert isinstance(r, Analysis)
        n += 1
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        if out.tell() > 50_000_000:
            out = io.StringIO()
    seconds = time.perf_counter() - t0
    worker_peaks = [_status_mb(p, "VmHWM") for p in worker_pids]
    if pool is not None:
        pool.close()
    return {"seconds": seconds, "articles": n, "problems": problems, "startup_seconds": load_s,
            "main_peak_rss_mb": _self_peak_mb(), "worker_peak_rss_mb": worker_peaks}


def measure_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """`ingest --workers N` over the shard directory into a fresh store."""
    from newsevents import jobs
    from newsevents.store import Store

    pool, worker_pids, load_s = _pool(args, args.workers)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        report = jobs.ingest([args.corpus], store, None, _options(args), pool=pool)
        seconds = time.perf_counter() - t0
    worker_peaks = [_status_mb(p, "VmHWM") for p in worker_pids]
    pool.close()
    return {"seconds": seconds, "articles": report.read, "problems": len(report.problems),
            "startup_seconds": load_s, "main_peak_rss_mb": _self_peak_mb(), "worker_peak_rss_mb": worker_peaks}


def measure_dask(args: argparse.Namespace) -> dict[str, Any]:
    """The Dask engine on its LocalCluster (`cluster.connect`) over the shard directory, workers warmed first."""
    from newsevents.scale import cluster

    t0 = time.perf_counter()
    with cluster.connect(workers=args.workers) as client:
        pids = cluster.warm_up(client, _options(args))
        load_s = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            report = cluster.run([args.corpus], str(Path(tmp) / "out"), None, _options(args), client=client)
            seconds = time.perf_counter() - t0
        peaks = [_status_mb(pid, "VmHWM") for pid in pids.values()]
    return {"seconds": seconds, "articles": report.read, "shards": len(report.shards),
            "failed_shards": report.count("failed"), "startup_seconds": load_s,
            "shard_seconds": [round(s.seconds, 2) for s in report.shards],
            "main_peak_rss_mb": _self_peak_mb(), "worker_peak_rss_mb": peaks}


def measure_stream(args: argparse.Namespace) -> dict[str, Any]:
    """A generated stream through the worker pool; each worker's memory sampled as it goes."""
    from newsevents import jobs
    from newsevents.ingest import IngestOptions, finish_article, record_article

    options = IngestOptions()

    def articles():
        for rec in run_bench.generate_corpus(args.stream, args.seed + 1):
            if args.stream_words:  # a lead paragraph: a long stream in reasonable time
                rec["text"] = " ".join(rec["text"].split()[:args.stream_words])
            yield finish_article(record_article(rec, rec["id"], rec["id"]), options, rec["id"])

    pool, pids, load_s = _pool(args, args.workers)
    samples: list[dict[str, Any]] = []
    done = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(args.sample_seconds):
            samples.append({"t": round(time.perf_counter() - t0, 1), "articles": done[0],
                            "rss_mb": [_status_mb(p, "VmRSS") for p in pids],
                            "main_rss_mb": _status_mb(os.getpid(), "VmRSS")})

    t0 = time.perf_counter()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for _, results in pool.map((None, b) for b in jobs._batches(articles(), args.batch_size)):
        done[0] += len(results)
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    peaks = [_status_mb(p, "VmHWM") for p in pids]
    pool.close()
    return {"seconds": seconds, "articles": done[0], "startup_seconds": load_s, "worker_peak_rss_mb": peaks,
            "main_peak_rss_mb": _self_peak_mb(), "samples": samples}


def measure_warc(args: argparse.Namespace) -> dict[str, Any]:
    """Reading a WARC file of the corpus as HTML pages: HTML extraction's cost per page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsevents.records import Article
    from newsevents.scale.inputs import read_any

    path = Path(args.corpus).with_name("pages.warc.gz")
    n_pages = 0
    with open(args.corpus, encoding="utf-8") as src, open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for line in src:
            rec = json.loads(line)
            paras = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
            html = (f"<!doctype html><html><head><title>{rec['title']}</title></head><body><nav><a href='/'>Home</a>"
                    f"</nav><article><h1>{rec['title']}</h1>{paras}</article></body></html>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(rec["url"], "response", payload=io.BytesIO(html),
                                                          http_headers=http,
                                                          warc_headers_dict={"WARC-Date": "2018-09-30T10:00:00Z"}))
            n_pages += 1
    t0 = time.perf_counter()
    got = sum(isinstance(a, Article) for a in read_any([str(path)]))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "pages": n_pages, "articles": got, "bytes": path.stat().st_size}


MEASURES = {"spacy": None, "local": measure_local, "ingest": measure_ingest, "dask": measure_dask,
            "stream": measure_stream, "warc": measure_warc}


def run_measure(mode: str, args: argparse.Namespace, corpus: Path, tmp: Path, **extra: Any) -> dict[str, Any]:
    label = mode + "".join(f"-{k}{v}" for k, v in extra.items())
    print(f"scale_bench: measuring {label} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    if mode == "spacy":
        result = run_bench.run_worker("spacy", corpus, args.model, args.batch_size, tmp)
    else:
        result_path = tmp / f"{label}.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", mode, "--corpus", str(corpus),
               "--model", args.model, "--batch-size", str(args.batch_size), "--seed", str(args.seed),
               "--stream", str(args.stream), "--sample-seconds", str(args.sample_seconds),
               "--stream-words", str(args.stream_words),
               "--workers", str(extra.get("workers", args.workers)), "--result", str(result_path)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"scale_bench: {label} failed:\n{proc.stderr[-4000:]}")
        result = json.loads(result_path.read_text())
    result["process_seconds"] = round(time.perf_counter() - t0, 2)
    return result


# -- the report --------------------------------------------------------------------------


def _rate(m: dict[str, Any], key: str = "articles") -> float:
    return m[key] / m["seconds"] if m["seconds"] else 0.0


def _growth(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Each worker's resident memory over the stream: highest in the first and in the last third.

    Resident memory swings by a hundred MB between batches (the allocator returns memory),
    so the trend compares each third's highest sample, not two single samples.
    """
    if len(samples) < 6:
        return {"note": "too few samples for a trend (stream too short)"}
    third = len(samples) // 3
    head, tail = samples[:third], samples[-third:]
    per_worker = []
    for i in range(len(samples[0]["rss_mb"])):
        a = max((s["rss_mb"][i] or 0) for s in head)
        b = max((s["rss_mb"][i] or 0) for s in tail)
        per_worker.append({"first_third_max_mb": a, "last_third_max_mb": b, "growth_mb": round(b - a, 1),
                           "growth_pct": round(100 * (b - a) / a, 1) if a else None})
    return {"first_third_articles": [head[0]["articles"], head[-1]["articles"]],
            "last_third_articles": [tail[0]["articles"], tail[-1]["articles"]], "workers": per_worker,
            "main_first_third_max_mb": max(s["main_rss_mb"] or 0 for s in head),
            "main_last_third_max_mb": max(s["main_rss_mb"] or 0 for s in tail)}


def build_report(args: argparse.Namespace, corpus: dict[str, Any], m: dict[str, dict[str, Any]],
                 loads: tuple[Any, Any]) -> dict[str, Any]:
    spacy_rate, one, two = _rate(m["spacy"]), _rate(m["local1"]), _rate(m["local2"])
    ingest2, dask2 = _rate(m["ingest2"]), _rate(m["dask2"])
    ratios = {
        "one_worker_vs_spacy": round(one / spacy_rate, 3) if spacy_rate else None,
        "two_workers_vs_one": round(two / one, 3) if one else None,
        "dask_vs_local": round(dask2 / ingest2, 3) if ingest2 else None,
        "dask_vs_local_extract": round(dask2 / two, 3) if two else None,
    }
    stream = m["stream"]
    return {
        "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": run_bench._machine(),
        "load_average_before_after": loads,
        "settings": {"articles": corpus["articles"], "stream": args.stream, "stream_words": args.stream_words,
                     "workers": args.workers,
                     "repeat": args.repeat,
                     "batch_size": args.batch_size, "model": args.model, "seed": args.seed, "shards": SHARDS,
                     "quick": args.quick},
        "corpus": corpus,
        "ratios": ratios,
        "aims": AIMS,
        "aims_met": {k: (ratios[k] is not None and ratios[k] >= v) for k, v in AIMS.items()},
        "throughput_articles_per_s": {
            "bare_spacy": round(spacy_rate, 2), "workers_1": round(one, 2), "workers_2": round(two, 2),
            "ingest_workers_2": round(ingest2, 2), "dask_2_workers": round(dask2, 2),
            "stream_workers_2": round(_rate(stream), 2), "warc_html_extraction_1_process": round(_rate(m["warc"]), 2),
        },
        "startup_seconds": {"workers_1": round(m["local1"]["startup_seconds"], 2),
                            "workers_2": round(m["local2"]["startup_seconds"], 2),
                            "dask_2_workers": round(m["dask2"]["startup_seconds"], 2)},
        "memory_mb": {
            "bare_spacy_peak": m["spacy"]["peak_rss_mb"],
            "workers_1_peak": m["local1"]["main_peak_rss_mb"],
            "workers_2_main_peak": m["local2"]["main_peak_rss_mb"],
            "workers_2_worker_peaks": m["local2"]["worker_peak_rss_mb"],
            "dask_worker_peaks": m["dask2"]["worker_peak_rss_mb"],
            "stream_worker_peaks": stream["worker_peak_rss_mb"],
            "stream_main_peak": stream["main_peak_rss_mb"],
            "stream_growth": _growth(stream["samples"]),
        },
        "measurements": m,
    }


def summary_lines(r: dict[str, Any]) -> list[str]:
    t, ratios, mem = r["throughput_articles_per_s"], r["ratios"], r["memory_mb"]
    lines = [f"corpus: {r['corpus']['articles']} articles; stream: {r['settings']['stream']} articles "
             f"({r['settings']['stream_words'] or 'all'} words each); "
             f"load average before/after: {r['load_average_before_after']}"]
    lines += [f"{k:<32}{v:>9.2f} articles/s" for k, v in t.items()]
    lines += [f"ratio {k:<26}{v!s:>9}  (aim {AIMS.get(k, '-')})" for k, v in ratios.items()]
    lines.append(f"worker peak RSS (stream): {mem['stream_worker_peaks']} MB; growth: {json.dumps(mem['stream_growth'])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", help="report file (JSON); default bench/scale_report.json "
                                 "(bench/out/scale_report-quick.json with --quick)")
    p.add_argument("--articles", type=int, default=400, help="corpus for the throughput ratios (default 400)")
    p.add_argument("--stream", type=int, default=100_000, help="generated stream for memory (default 100,000)")
    p.add_argument("--quick", action="store_true", help="a small smoke run: 40 articles, a 120-article stream")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--model", default=run_bench.DEFAULT_MODEL)
    p.add_argument("--seed", type=int, default=2018)
    p.add_argument("--repeat", type=int, default=1, help="run each throughput measurement this many times, "
                                                         "interleaved; keep the fastest")
    p.add_argument("--stream-words", type=int, default=0,
                   help="cut each stream article to its first N words (0: whole articles)")
    p.add_argument("--sample-seconds", type=float, default=2.0, help="memory sampling period of the stream")
    p.add_argument("--measure", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.measure:
        result = MEASURES[args.measure](args)
        Path(args.result).write_text(json.dumps(result))
        return 0

    if args.quick:
        args.articles, args.stream, args.batch_size = 40, 120, 8
        args.sample_seconds = min(args.sample_seconds, 0.5)
    loads_before = os.getloadavg()
    m: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="newsevents-scale-bench-") as tmp_dir:
        tmp = Path(tmp_dir)
        corpus_path = tmp / "corpus.jsonl"
        corpus = run_bench.write_corpus(corpus_path, args.articles, args.seed)
        shard_dir = tmp / "shards"
        shard_dir.mkdir()
        lines = corpus_path.read_text(encoding="utf-8").splitlines(keepends=True)
        per = -(-len(lines) // SHARDS)
        for i in range(SHARDS):
            (shard_dir / f"part-{i:02d}.jsonl").write_text("".join(lines[i * per:(i + 1) * per]), encoding="utf-8")
        plan = {"spacy": ("spacy", corpus_path, {}), "local1": ("local", corpus_path, {"workers": 1}),
                "local2": ("local", corpus_path, {"workers": args.workers}),
                "ingest2": ("ingest", shard_dir, {"workers": args.workers}),
                "dask2": ("dask", shard_dir, {"workers": args.workers})}
        runs: dict[str, list[dict[str, Any]]] = {k: [] for k in plan}
        for _ in range(max(1, args.repeat)):  # interleaved, so that a busy spell hits all alike
            for key, (mode, path, extra) in plan.items():
                runs[key].append(run_measure(mode, args, path, tmp, **extra))
        for key, results in runs.items():  # the fastest of each: the least disturbed
            m[key] = min(results, key=lambda r: r["seconds"])
            m[key]["all_seconds"] = [round(r["seconds"], 2) for r in results]
        m["warc"] = run_measure("warc", args, corpus_path, tmp)
        m["stream"] = run_measure("stream", args, corpus_path, tmp, workers=args.workers)
    report = build_report(args, corpus, m, (loads_before, os.getloadavg()))
    out = Path(args.out or ROOT / "bench" / ("out/scale_report-quick.json" if args.quick else "scale_report.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("\n".join(summary_lines(report)), file=sys.stderr)
    print(f"scale_bench: wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
