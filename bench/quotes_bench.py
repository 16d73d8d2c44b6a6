"""Quote bench: precision, recall and F1 of the quote stage on hand-annotated articles.

usage: python bench/quotes_bench.py [--out bench/quotes_report.json]

Gold files are bench/quotes/*.json (one article each, quotes as text). A predicted quote
matches a gold one when its content covers at least half of the gold content's characters;
its attribution is right when, in addition, its speaker span overlaps the gold speaker
phrase (the occurrence nearest the gold content) or it resolves to the gold actor.
Scores are given overall and by kind (recall by the gold kind, precision by the
predicted kind). The report also times the quote stage against spaCy's parse.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from newsevents.actors import find_actors
from newsevents.clean import clean, normalise
from newsevents.ingest import IngestOptions, finish_article, text_article
from newsevents.pipeline import Pipeline
from newsevents.quotes import find_quotes
from newsevents.records import Article, Document, Quote

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "bench" / "quotes"
KINDS = ("direct", "indirect", "mixed")


def load_article(gold: dict[str, Any]) -> Article:
    """The article a gold file annotates, read the way the CLI reads it."""
    path = ROOT / gold["source"]
    if path.suffix == ".jsonl":
        rec = next(r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"] == gold["id"])
        art = Article(id=rec["id"], source=str(path), body=rec["text"], title=rec.get("title"), body_offset=0)
        return finish_article(art, IngestOptions(default_date=rec.get("date")), rec["id"])
    art = text_article(path.read_text(encoding="utf-8"), id=path.stem, source=str(path))
    return finish_article(art, IngestOptions(default_date=gold.get("date")), path.stem)


def locate(text: str, needle: str, near: tuple[int, int] | None = None) -> tuple[int, int]:
    """Offsets of `needle` in `text` (both normalised), the occurrence nearest the span `near`."""
    hay, pat = normalise(text), normalise(needle)
    starts = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(pat) + r"(?!\w)", hay)]
    if not starts:
        raise ValueError(f"gold text not in article: {needle!r}")
    s = min(starts, key=lambda x: min(abs(x - near[0]), abs(x - near[1]))) if near is not None else starts[0]
    return s, s + len(pat)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def same_actor(gold_actor: str | None, name: str | None) -> bool:
    if not gold_actor or not name:
        return False
    g, n = gold_actor.lower(), name.lower()
    return g in n or n in g


def score_article(doc: Document, gold: list[dict[str, Any]], quotes: list[Quote], names: dict[str, str]) -> dict:
    """Counts for one article: one-to-one matches, greedy by overlap."""
    golds = []
    for g in gold:
        content = locate(doc.text, g["content"])
        speaker = locate(doc.text, g["speaker"], near=content) if g.get("speaker") else None
        golds.append((g, content, speaker))
    pairs = sorted(((overlap((q.content.start, q.content.end), c), i, j)
                    for i, (_, c, _) in enumerate(golds) for j, q in enumerate(quotes)), reverse=True)
    taken_g, taken_p, matches = set(), set(), []
    for ov, i, j in pairs:
        c = golds[i][1]
        if ov * 2 < c[1] - c[0] or i in taken_g or j in taken_p:
            continue
        taken_g.add(i)
        taken_p.add(j)
        matches.append((i, j))
    counts = {k: {"gold": 0, "pred": 0, "content_tp_gold": 0, "content_tp_pred": 0,
                  "attr_tp_gold": 0, "attr_tp_pred": 0} for k in ("all",) + KINDS}
    for g, _, _ in golds:
        for k in ("all", g["kind"]):
            counts[k]["gold"] += 1
    for q in quotes:
        for k in ("all", q.kind):
            counts[k]["pred"] += 1
    misses = []
    for i, j in matches:
        g, _, speaker = golds[i]
        q = quotes[j]
        span_ok = q.speaker is not None and speaker is not None and overlap((q.speaker.start, q.speaker.end), speaker) > 0
        attr = span_ok or same_actor(g.get("actor"), names.get(q.speaker_actor or ""))
        for k, side in (("all", "gold"), (g["kind"], "gold"), ("all", "pred"), (q.kind, "pred")):
            counts[k][f"content_tp_{side}"] += 1
            counts[k][f"attr_tp_{side}"] += attr
        if not attr:
            misses.append({"content": g["content"][:80], "gold_speaker": g["speaker"],
                           "predicted": q.speaker.text if q.speaker else None})
    unmatched = [golds[i][0]["content"][:80] for i in range(len(golds)) if i not in taken_g]
    spurious = [quotes[j].content.text[:80] for j in range(len(quotes)) if j not in taken_p]
    return {"counts": counts, "wrong_speaker": misses, "missed": unmatched, "spurious": spurious}


def prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> dict[str, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def run(out: Path) -> dict[str, Any]:
    pipeline = Pipeline()
    totals = {k: {"gold": 0, "pred": 0, "content_tp_gold": 0, "content_tp_pred": 0, "attr_tp_gold": 0,
                  "attr_tp_pred": 0} for k in ("all",) + KINDS}
    articles, spacy_s, quote_s = {}, 0.0, 0.0
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_record = clean(load_article(gold))
        t0 = time.perf_counter()
        doc = pipeline.nlp(doc_record.match_text)
        t1 = time.perf_counter()
        actors = find_actors(doc_record, doc, pipeline.knowledge)
        t2 = time.perf_counter()
        quotes = find_quotes(doc_record, doc, actors)
        t3 = time.perf_counter()
        spacy_s += t1 - t0
        quote_s += t3 - t2
        names = {a.id: a.name for a in actors}
        result = score_article(doc_record, gold["quotes"], quotes, names)
        for k, c in result.pop("counts").items():
            for key, v in c.items():
                totals[k][key] += v
        articles[path.stem] = result
    report: dict[str, Any] = {"articles": len(articles), "gold_quotes": totals["all"]["gold"],
                              "predicted_quotes": totals["all"]["pred"]}
    for k, c in totals.items():
        report[k] = {"gold": c["gold"], "predicted": c["pred"],
                     "content": prf(c["content_tp_pred"], c["pred"], c["content_tp_gold"], c["gold"]),
                     "attribution": prf(c["attr_tp_pred"], c["pred"], c["attr_tp_gold"], c["gold"])}
    report["timing"] = {"spacy_s": round(spacy_s, 3), "quotes_s": round(quote_s, 3),
                        "quotes_share_of_spacy": round(quote_s / spacy_s, 3) if spacy_s else None}
    report["details"] = articles
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "quotes_report.json")
    args = ap.parse_args(argv)
    report = run(args.out)
    for k in ("all",) + KINDS:
        r = report[k]
        print(f"{k:8} gold {r['gold']:3} pred {r['predicted']:3}  content P/R/F1 "
              f"{r['content']['precision']:.2f}/{r['content']['recall']:.2f}/{r['content']['f1']:.2f}  "
              f"attribution {r['attribution']['precision']:.2f}/{r['attribution']['recall']:.2f}/{r['attribution']['f1']:.2f}")
    print(f"quote stage time: {report['timing']['quotes_share_of_spacy']:.1%} of spaCy parse time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
