"""Users' own actor dictionaries: YAML, CSV, or PETRARCH/TABARI `.actors` and agents files.

A malformed line is reported with its file and line number and skipped; the rest loads.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..records import Problem
from ..resources import iter_csv, split_cell
from .knowledge import Knowledge, Referent, add_person

_PETR_CODE = re.compile(r"\[([^\]]*)\]")
_PETR_DATED = re.compile(r"^~?([A-Za-z0-9\-]+)(?:\s+([<>])?(\d{6}|\d{8})(?:\s*-\s*(\d{6}|\d{8}))?)?$")


def load_user_file(k: Knowledge, path: str) -> None:
    """Add one user dictionary to `k`, by its format (YAML, CSV, else PETRARCH)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        _load_yaml(k, p)
    elif suffix == ".csv":
        for n, row in iter_csv(p):
            _add_row(k, row, str(p), n)
    else:
        load_petrarch(k, p)


def _add_row(k: Knowledge, row: dict, source: str, line: int | None) -> None:
    """One user actor: `name`, `aliases`, and `code` or `country`+`sector`, optional `start`/`end`."""
    row = {key: ("|".join(v) if isinstance(v, list) else ("" if v is None else str(v))) for key, v in row.items()}
    name = row.get("name", "").strip()
    code = row.get("code", "").strip().upper()
    if not name or not (code or row.get("country")):
        k.problems.append(Problem(source, "skipped: an actor needs a name and a code or country", line, "warning"))
        return
    row.setdefault("country", code[:3])
    row["country"] = row["country"] or code[:3]
    row["sector"] = row.get("sector") or code[3:6]
    if row.get("kind", "person") == "person" and (row.get("start") or row.get("end") or row.get("kind") == "person"):
        try:
            add_person(k, row)
        except ValueError as e:
            k.problems.append(Problem(source, f"skipped: {e}", line, "warning"))
        return
    ref = Referent(name=name, kind=row.get("kind") or "organisation", country=row["country"] or None,
                   sector=row["sector"] or None, code=code or None)
    for text in [name, *split_cell(row.get("aliases"))]:
        k.add_phrase(text, ref)


def _load_yaml(k: Knowledge, p: Path) -> None:
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        k.problems.append(Problem(str(p), f"skipped file: {e}", line + 1 if line is not None else None, "warning"))
        return
    entries = data.get("actors", []) if isinstance(data, dict) else data
    for n, entry in enumerate(entries or [], 1):
        if not isinstance(entry, dict):
            k.problems.append(Problem(str(p), f"skipped entry {n}: not a mapping", None, "warning"))
            continue
        _add_row(k, entry, str(p), None)


def petrarch_date(value: str) -> str:
    """PETRARCH's YYMMDD (years up to 30 are 20xx) or YYYYMMDD as ISO."""
    if len(value) == 6:
        yy = int(value[:2])
        value = (f"20{value[:2]}" if yy <= 30 else f"19{value[:2]}") + value[2:]
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


def petrarch_phrase(token: str) -> str:
    """BARACK_OBAMA_ -> 'barack obama' (underscores are spaces; PETRARCH matches any case)."""
    return token.strip().strip("_").replace("_", " ").lower()


def load_petrarch(k: Knowledge, p: Path) -> None:
    """Read a PETRARCH/TABARI actors or agents dictionary into `k`.

    Actors: `NAME [CODE]`, `+ALIAS` lines, and indented `[CODE YYMMDD-YYMMDD]` / `[CODE >YYMMDD]`
    lines for date-restricted codes. Agents: `WORD [~SECTOR]` (with `{plurals}`), composed with
    the country of the actor they modify.
    """
    source = str(p)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as e:
        k.problems.append(Problem(source, f"cannot read: {e.strerror}", None, "warning"))
        return
    in_comment = False
    names: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []
    start_line = 0

    def flush() -> None:
        if names and codes:
            _add_petrarch_actor(k, names, codes)
        elif names and not codes:
            k.problems.append(Problem(source, f"skipped: {names[0]!r} has no code", start_line, "warning"))

    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip() if "<!--" not in raw and not in_comment else raw
        if in_comment or line.strip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if not line.strip() or line.strip().startswith("!"):  # blank, or a !MACRO! definition
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(petrarch_phrase(_PETR_CODE.sub("", stripped[1:])))
            continue
        if stripped.startswith("["):
            parsed = _petrarch_codes(stripped)
            if parsed is None:
                k.problems.append(Problem(source, f"skipped: bad code {stripped!r}", n, "warning"))
            else:
                codes.extend(parsed)
            continue
        flush()
        names, codes, start_line = [], [], n
        head = re.sub(r"\{[^}]*\}", "", _PETR_CODE.sub("", stripped))
        if "[" in head or "]" in head:
            k.problems.append(Problem(source, f"skipped: unbalanced brackets in {stripped!r}", n, "warning"))
            continue
        names = [petrarch_phrase(head)] if head.strip() else []
        found = _PETR_CODE.findall(stripped)
        for c in found:
            parsed = _petrarch_codes(f"[{c}]")
            if parsed is None:
                k.problems.append(Problem(source, f"skipped: bad code [{c}]", n, "warning"))
                names = []
                break
            codes.extend(parsed)
        if found and names and codes and codes[0][0].startswith("~"):
            for word in names + [petrarch_phrase(w) for w in re.findall(r"\{([^}]*)\}", stripped)]:
                k.agents.setdefault(word, codes[0][0][1:4])
            names, codes = [], []
    flush()


def _petrarch_codes(text: str) -> list[tuple[str, str | None, str | None]] | None:
    """`[USAGOV 010120-090120]` -> [("USAGOV", "2001-01-20", "2009-01-20")]; None when malformed."""
    m = _PETR_CODE.fullmatch(text.strip())
    if not m:
        return None
    inner = m.group(1).strip()
    if not inner:
        return []
    d = _PETR_DATED.match(inner)
    if not d:
        return None
    code, direction, first, second = d.groups()
    code = ("~" if inner.startswith("~") else "") + code.upper()
    if first is None:
        return [(code, None, None)]
    if direction == ">":
        return [(code, petrarch_date(first), None)]
    if direction == "<":
        return [(code, None, petrarch_date(first))]
    return [(code, petrarch_date(first), petrarch_date(second) if second else None)]


def _add_petrarch_actor(k: Knowledge, names: list[str], codes: list[tuple[str, str | None, str | None]]) -> None:
    canonical = names[0].title()
    for code, start, end in codes:
        if code.startswith("~") or code == "---":
            continue
        dated = start is not None or end is not None
        ref = Referent(name=canonical, kind="person" if dated else "organisation", country=code[:3],
                       sector=code[3:6] or None, code=code, start=start, end=end)
        for name in names:
            k.add_phrase_ci(name, ref)
