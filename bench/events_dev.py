"""A development set for the event stage: the example sentences of the CAMEO verb codebook.

Each example in ../shared/reference/cameo_chapter_2_verb_codebook.md is taken with the CAMEO
code of its table row, mapped to its PLOVER type by the package's cameo_codes.csv (the
PLOVER 2.0 mapping). There are no gold dyads, so two type figures are reported:

  any_acc   some event found in the example has the gold type (the lexicon covers it)
  top_acc   the sentence's main event has the gold type: the event whose trigger is highest
            in the parse (closest to the root), ties broken by confidence

Codes 01 (statements) have no PLOVER type and are left out. The report
(bench/events_dev_report.json) lists per-type accuracy and the misses.

usage: .venv/bin/python bench/events_dev.py [--codebook PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsevents.events import load_lexicon
from newsevents.pipeline import Pipeline, extract

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT.parent / "shared" / "reference" / "cameo_chapter_2_verb_codebook.md"
_CODE = re.compile(r"^\d{2,4}$")
_ROW = re.compile(r"^\|\s*([A-Za-z ]*?)\s*\|\s*(.*?)\s*\|\s*$")


def examples(path: Path) -> list[dict[str, str]]:
    """(code, text) for every example row, the code being the last code row above it."""
    lexicon = load_lexicon()
    out = []
    code = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if not m:
            continue
        key, value = m[1].lower(), m[2]
        if key in ("cameo", "name") and _CODE.match(value):
            code = value
        elif key == "example" and code and not code.startswith("01"):
            row = lexicon.code(code)
            if row and row.event and len(value) > 20:
                out.append({"code": code, "type": row.event, "text": value.replace("- ", "")})
    return out


def _depth(e: Any, doc_tokens: dict[int, Any]) -> int:
    tok = doc_tokens.get(e.trigger.start)
    depth = 0
    while tok is not None and tok.head.i != tok.i and depth < 30:
        tok, depth = tok.head, depth + 1
    return depth


def run(path: Path, out_path: Path) -> dict[str, Any]:
    pipeline = Pipeline()
    items = examples(path)
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    any_ok = top_ok = 0
    for n, item in enumerate(items):
        a = extract(item["text"], date="2000-01-01", id=str(n), pipeline=pipeline)
        evs = [e for e in a.events if not e.negated]
        doc = pipeline.nlp(a.document.match_text)
        tokens = {t.idx: t for t in doc}
        top = min(evs, key=lambda e: (_depth(e, tokens), -e.confidence, e.trigger.start)) if evs else None
        got_any = any(e.event == item["type"] for e in evs)
        got_top = top.event if top else "NONE"
        any_ok += got_any
        top_ok += got_top == item["type"]
        per_type[item["type"]][0] += got_any
        per_type[item["type"]][1] += got_top == item["type"]
        per_type[item["type"]][2] += 1
        confusion[item["type"]][got_top] += 1
        if got_top != item["type"]:
            misses.append({"code": item["code"], "gold": item["type"], "top": got_top, "text": item["text"],
                           "events": [f"{e.event} {e.cameo} '{e.trigger.text}'" for e in evs]})
    n = len(items) or 1
    report = {
        "n": len(items), "any_acc": round(any_ok / n, 3), "top_acc": round(top_ok / n, 3),
        "per_type": {t: {"any": round(a / k, 3), "top": round(b / k, 3), "n": k}
                     for t, (a, b, k) in sorted(per_type.items())},
        "confusion": {t: dict(c.most_common()) for t, c in sorted(confusion.items())},
        "misses": misses,
    }
    out_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--codebook", type=Path, default=CODEBOOK)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "events_dev_report.json")
    args = ap.parse_args()
    r = run(args.codebook, args.out)
    print(f"dev: n={r['n']} any_acc={r['any_acc']} top_acc={r['top_acc']}")


if __name__ == "__main__":
    main()
