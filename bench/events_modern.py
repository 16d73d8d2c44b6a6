"""Event benchmark on our own modern news sentences (bench/events_modern.jsonl).

About 90 sentences written in 2017-2021 wire and newspaper style (Syria, Yemen, Ukraine,
Venezuela, Hong Kong, the Iran deal, North Korea, Myanmar, Brexit, the trade war, COVID-era
aid, the Afghan talks ...), five or more per PLOVER type, with gold source/target text and
country codes, annotated before the system was run on them. They stand in for the held-back
modern set, so the lexicon and rules are never tuned on single sentences of it: a miss here
points to a general construction or a codebook gap.

Figures are those of bench/events_bench.py (score_events.py's functions): type accuracy,
source and target code accuracy, per-type accuracy, a confusion table and the misses, plus
score_events.py's own summary line (with dyad recall).

usage: .venv/bin/python bench/events_modern.py [--gold PATH] [--out PATH] [--misses] [--half dev|test]
       (the held-out set: --gold bench/events_heldout.jsonl --half test --out /tmp/heldout.json)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import events_bench  # bench/ is on the path when this script runs
from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "events_modern.jsonl"


def gold_records(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half(golds: list[dict[str, Any]], which: str | None) -> list[dict[str, Any]]:
    """Lines 1, 3, 5 ... (dev) or 2, 4, 6 ... (test) of a gold file; all when `which` is None."""
    if which is None:
        return golds
    return golds[(0 if which == "dev" else 1)::2]


def run(gold_path: Path, out_path: Path | None, pipeline: Pipeline | None = None,
        which: str | None = None) -> dict[str, Any]:
    golds = half(gold_records(gold_path), which)
    preds = events_bench.predict(golds, pipeline or Pipeline())
    report = events_bench.figures(events_bench.tool("score_events"), golds, preds)
    report["score_events"] = events_bench.score_line(golds, preds)
    misses = report.pop("misses")
    report["misses"] = misses
    if out_path is not None:
        out_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "events_modern_report.json")
    ap.add_argument("--misses", action="store_true", help="print the misses")
    ap.add_argument("--half", choices=["dev", "test"], default=None,
                    help="score one half of the gold file (bench/events_heldout.md: the test half stays unread)")
    args = ap.parse_args()
    r = run(args.gold, args.out, which=args.half)
    if args.misses:
        for m in r["misses"]:
            print(f"{m['id']} gold={m['gold']} got={m['got']} src={m['source_ok']} tgt={m['target_ok']}\n  {m['text']}")
            for e in m["events"]:
                print(f"    {e}")
    print(f"modern: type_acc={r['type_accuracy']} src_code_acc={r['source_code_accuracy']} "
          f"tgt_code_acc={r['target_code_accuracy']} n={r['n']}")
    print(r["score_events"])


if __name__ == "__main__":
    main()
