"""Event benchmark on the PLOVER gold records (../shared/data/plover/PLOVER_GSR_CAMEO.json).

Runs the pipeline on each gold sentence and reports, in bench/events_report.json:
event-type accuracy, source and target country-code accuracy, a confusion table, the misses,
and the event stage's time against spaCy's. Figures are computed the way
../shared/tools/score_events.py computes them (its functions are imported), and its own
summary line is stored too.

usage: .venv/bin/python bench/events_bench.py [--gold PATH] [--out PATH] [--limit N]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

from newsevents import events as event_stage, timeplace
from newsevents.pipeline import Pipeline, extract

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SHARED / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_records(path: Path) -> list[dict[str, Any]]:
    """The gold sentences in score_events.py's format, via gsr_to_gold.py."""
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "gsr_to_gold.py"), str(path)],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def best_event(score: ModuleType, gold: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event score_events.py would judge: the best match of the gold dyad."""
    st, tt = score.toks(gold.get("source")), score.toks(gold.get("target"))

    def fit(e: dict[str, Any]) -> int:
        a = bool(st & score.toks(score.side_text(e.get("actor"))))
        r = bool(tt & score.toks(score.side_text(e.get("recipient")))) if tt else True
        return (a and r) * 2 + a + r

    return max(events, key=fit) if events else None


def predict(golds: list[dict[str, Any]], pipeline: Pipeline) -> list[dict[str, Any]]:
    """The pipeline's events for each gold sentence, in gold order, as score_events.py reads them.

    A list, not a dict by id: the PLOVER file gives one id (COERCE-0004) to two different sentences."""
    preds = []
    for g in golds:
        a = extract(g["text"], date=g.get("date"), id=str(g["id"]), pipeline=pipeline)
        preds.append({"id": str(g["id"]), "events": [asdict(e) for e in a.events]})
    return preds


def accuracy(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, float]:
    """Type, source-code and target-code accuracy of the best event per gold sentence (the CI gate's figures)."""
    report = figures(tool("score_events"), golds, preds)
    return {k: report[k] for k in ("type_accuracy", "source_code_accuracy", "target_code_accuracy")}


def run(gold_path: Path, out_path: Path, limit: int | None) -> dict[str, Any]:
    golds = gold_records(gold_path)[:limit]
    pipeline = Pipeline()
    preds = predict(golds, pipeline)
    report = figures(tool("score_events"), golds, preds)
    report["score_events"] = score_line(golds, preds)
    report["speed"] = speed([g["text"] for g in golds], pipeline)
    misses = report.pop("misses")
    report["misses"] = misses
    out_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def figures(score: ModuleType, golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:

    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    type_ok = src_ok = tgt_ok = 0
    for g, pred in zip(golds, preds, strict=True):
        want = score.V05.get(g["gold_root"], {g["gold_root"]})
        gold_type = sorted(want)[0]
        evs = pred["events"]
        best = best_event(score, g, evs)
        got = best["event"] if best else "NONE"
        ok = got in want
        type_ok += ok
        src = bool(best) and bool(score.side_codes(best["actor"]) & {score.ALIAS.get(c, c) for c in g["source_codes"]})
        tgt_codes = {score.ALIAS.get(c, c) for c in g.get("target_codes") or []}
        tgt = bool(best) and (not tgt_codes or bool(score.side_codes(best["recipient"]) & tgt_codes))
        src_ok += src
        tgt_ok += tgt
        confusion[gold_type][got] += 1
        per_type[gold_type][0] += ok
        per_type[gold_type][1] += 1
        if not (ok and src and tgt):
            misses.append({
                "id": g["id"], "text": g["text"], "gold": g["gold_root"], "got": got,
                "gold_source": g["source_codes"], "gold_target": g.get("target_codes"),
                "source_ok": src, "target_ok": tgt,
                "events": [f"{e['event']} {e['cameo']} {[x['code'] or x['text'] for x in e['actor']]} -> "
                           f"{[x['code'] or x['text'] for x in e['recipient']]} '{e['trigger']['text']}'"
                           f"{' NEG' if e['negated'] else ''} {e['modality']}" for e in evs]})
    n = len(golds)
    report = {
        "n": n, "type_accuracy": round(type_ok / n, 3), "source_code_accuracy": round(src_ok / n, 3),
        "target_code_accuracy": round(tgt_ok / n, 3),
        "per_type": {t: {"accuracy": round(ok / total, 3), "n": total} for t, (ok, total) in sorted(per_type.items())},
        "confusion": {t: dict(c.most_common()) for t, c in sorted(confusion.items())},
        "misses": misses,
    }
    return report


def score_line(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> str:
    """score_events.py's own summary line on the same predictions."""
    with tempfile.TemporaryDirectory() as tmp:
        g, p = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in golds))
        p.write_text("".join(json.dumps(x) + "\n" for x in preds))
        out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(g), str(p)],
                             capture_output=True, text=True, check=True).stdout
    return out.strip()


def speed(texts: list[str], pipeline: Pipeline, rounds: int = 3) -> dict[str, float]:
    """Seconds spent by spaCy and by the event stage (events + time/place) on the same texts."""
    from newsevents import actors
    from newsevents.ingest import IngestOptions, finish_article, text_article
    from newsevents.clean import clean

    documents = [clean(finish_article(text_article(t, id=str(i), source=str(i)), IngestOptions(), str(i)))
                 for i, t in enumerate(texts)]
    spacy_s = events_s = 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        docs = list(pipeline.nlp.pipe([d.match_text for d in documents], batch_size=32))
        spacy_s += time.perf_counter() - t0
        found = [actors.find_actors(d, doc, pipeline.knowledge) for d, doc in zip(documents, docs)]
        t0 = time.perf_counter()
        for d, doc, acts in zip(documents, docs, found):
            evs = event_stage.find_events(d, doc, acts, pipeline.lexicon)
            timeplace.resolve(evs, d, doc)
        events_s += time.perf_counter() - t0
    return {"spacy_s": round(spacy_s / rounds, 3), "events_s": round(events_s / rounds, 3),
            "events_share_of_spacy": round(events_s / spacy_s, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.json")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "events_report.json")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    r = run(args.gold, args.out, args.limit)
    print(f"type_acc={r['type_accuracy']} src_code_acc={r['source_code_accuracy']} "
          f"tgt_code_acc={r['target_code_accuracy']} n={r['n']} events/spacy={r['speed']['events_share_of_spacy']}")
    print(r["score_events"])


if __name__ == "__main__":
    main()
