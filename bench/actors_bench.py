"""Actor benchmark on the PLOVER gold records: is each gold source/target actor found with its code?

usage: .venv/bin/python bench/actors_bench.py [--gold PATH] [--out bench/actors_report.json]

For every gold actor (its `actorText` and country/IGO code) the record counts as found when
an actor of ours has a mention overlapping that text and the same country code (first three
letters; the CAMEO spellings JAP, ITL are read as JPN, ITA).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from newsevents.actors import find_actors, load_knowledge
from newsevents.clean import clean
from newsevents.ingest import IngestOptions, finish_article
from newsevents.nlp import load_pipeline
from newsevents.records import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
ALIAS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}


def gold_code(code: str) -> str:
    c = code[:3].upper()
    return ALIAS.get(c, c)


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the gold actor text stands; gold writes gaps as '...' ("U.S. ... negotiators")."""
    out = []
    for part in re.split(r"\s*\.\.+\s*", needle.strip()):
        if part:  # gold text sometimes doubles a space
            pattern = r"\s+".join(re.escape(w) for w in part.split())
            out += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return out


def side_found(gold_actor: dict, text: str, actors) -> tuple[bool, list[str]]:
    want = gold_code(gold_actor.get("code", ""))
    where = spans_of(text, gold_actor.get("actorText", "")) or [(0, 0)]
    seen = []
    for a in actors:
        country = (a.country or (a.code or "")[:3] or "").upper()
        for m in a.mentions:
            if any(m.start < e and s < m.end for s, e in where):
                seen.append(f"{m.text}={a.code or a.country}")
                if country == want:
                    return True, seen
    return False, seen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--out", default=str(ROOT / "bench" / "actors_report.json"))
    args = ap.parse_args()
    records = [r for r in json.load(open(args.gold)) if r.get("text") and r.get("event") != "DOCUMENT"]
    nlp, k = load_pipeline(), load_knowledge()
    docs, arts = [], []
    for r in records:
        art = finish_article(Article(id=r["id"], source=r["id"], body=r["text"], body_offset=0),
                      IngestOptions(default_date=r.get("date")), r["id"])
        docs.append(clean(art))
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([d.match_text for d in docs], batch_size=64))
    t_nlp = time.perf_counter() - t0
    find_actors(docs[0], parsed[0], k)  # builds the phrase matchers once, as a long run does
    t0 = time.perf_counter()
    found_actors = [find_actors(d, p, k) for d, p in zip(docs, parsed)]
    t_actors = time.perf_counter() - t0
    tally = {"source": [0, 0], "target": [0, 0]}
    misses = []
    for r, d, actors in zip(records, docs, found_actors):
        for side in ("source", "target"):
            for g in r.get(side) or []:
                if not isinstance(g, dict) or not g.get("code"):
                    continue
                ok, seen = side_found(g, d.text, actors)
                tally[side][1] += 1
                tally[side][0] += ok
                if not ok:
                    misses.append({"id": r["id"], "side": side, "gold": f"{g.get('actorText')}={g['code']}",
                                   "ours": seen, "text": r["text"]})
    report = {
        "gold": str(args.gold), "records": len(records),
        "source_accuracy": round(tally["source"][0] / max(tally["source"][1], 1), 3),
        "target_accuracy": round(tally["target"][0] / max(tally["target"][1], 1), 3),
        "source_n": tally["source"][1], "target_n": tally["target"][1],
        "actor_stage_vs_spacy": round(t_actors / t_nlp, 3),
        "misses": misses,
    }
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"sources {report['source_accuracy']} ({report['source_n']}), targets {report['target_accuracy']} "
          f"({report['target_n']}), actor stage {report['actor_stage_vs_spacy']:.1%} of spaCy time -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
