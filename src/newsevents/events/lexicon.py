"""The event lexicon: CAMEO codes, verb and noun patterns, and the cue words of modality.

Every entry is read from the package's data files (`data/events/`) into small typed
records. The matcher only sees these records, so a different source of patterns (a
PETRARCH/TABARI verb dictionary reader, say) produces `VerbPattern`s and is added with
`Lexicon.add_verbs`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import data_path, iter_csv, read_yaml, split_cell

VERB_FILES = ("verbs.yaml", "verbs_clause.yaml")  # first, in this order; then any other verbs_*.yaml
NOUN_FILES = ("nouns.yaml",)  # then any other nouns_*.yaml
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    event: str  # PLOVER type
    goldstein: float | None = None
    quad: int | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb, optionally with a particle, a preposition or an object, meaning one CAMEO code."""

    lemma: str
    cameo: str
    event: str | None = None  # PLOVER type; None: the code's type
    particle: str | None = None  # "call off"
    prep: str | None = None  # "agree on", "call for"
    objects: tuple[str, ...] = ()  # lemmas of the object's head: "impose sanctions"
    mode: str | None = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()  # where the recipient is: "dobj", "dative", or prepositions
    clause: str | None = None  # "future" / "past": the verb's complement clause must be so
    origin: str = "verbs.yaml"
    note: str | None = None

    @property
    def specificity(self) -> int:
        return 4 * bool(self.objects) + 2 * bool(self.particle) + 2 * bool(self.prep) + bool(self.clause)


@dataclass(frozen=True, slots=True)
class NounPattern:
    """An event noun ("the talks", "sanctions on X") and where its roles are."""

    noun: str
    cameo: str
    event: str | None = None
    mode: str | None = None
    recipient_preps: tuple[str, ...] = ()
    agent_preps: tuple[str, ...] = ("by",)
    requires: tuple[str, ...] = ()  # prepositions, one of which must follow: "charges against X", not "in charge"
    origin: str = "nouns.yaml"
    note: str | None = None


@dataclass
class Lexicon:
    codes: dict[str, CameoCode] = field(default_factory=dict)
    verbs: dict[str, list[VerbPattern]] = field(default_factory=dict)
    nouns: dict[str, list[NounPattern]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # modality and role cue words
    recipient_preps: dict[str, tuple[str, ...]] = field(default_factory=dict)  # PLOVER type → preps
    intent: dict[str, str] = field(default_factory=dict)  # CAMEO prefix → "intent to" code
    refusal: dict[str, str] = field(default_factory=dict)  # CAMEO prefix → "refuse to" code
    nominal_verbs: dict[str, str] = field(default_factory=dict)  # "lifting" → "lift" (nominalizations.csv)

    def add_verbs(self, patterns: Iterable[VerbPattern]) -> None:
        """Add verb patterns from any source; they are matched like the built-in ones."""
        for p in patterns:
            self.verbs.setdefault(p.lemma, []).append(p)

    def add_nouns(self, patterns: Iterable[NounPattern]) -> None:
        for p in patterns:
            self.nouns.setdefault(p.noun, []).append(p)

    def code(self, cameo: str) -> CameoCode | None:
        """The code's row, else its nearest ancestor's (a 4-digit code falls back to 3, then 2)."""
        for n in range(len(cameo), 1, -1):
            row = self.codes.get(cameo[:n])
            if row:
                return row
        return None

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    def by_prefix(self, table: dict[str, str], cameo: str) -> str | None:
        """Longest-prefix look-up in `intent` or `refusal`."""
        for n in range(len(cameo), 1, -1):
            if cameo[:n] in table:
                return table[cameo[:n]]
        return None


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(v.strip().lower() for v in value.replace("|", ",").split(",") if v.strip())
    _refuse_booleans(value, f"list {list(value)!r}")
    return tuple(str(v).strip().lower() for v in value if str(v).strip())


def _refuse_booleans(values: list[Any], where: str) -> None:
    """YAML reads a bare on / off / yes / no as true or false: such a word list is an error."""
    odd = [v for v in values if isinstance(v, bool)]
    if odd:
        raise ValueError(f"{where} has non-word values {odd!r}; quote them")


def _word(value: Any) -> str | None:
    """A particle or preposition; YAML 1.1 reads bare `on`/`off` as booleans."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value).strip().lower() if value else None


def _code(value: Any) -> str:
    """A CAMEO code as text. Codes must be quoted in YAML: unquoted `036` reads as octal."""
    return str(value).strip()


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_codes(name: str = "events/cameo_codes.csv") -> dict[str, CameoCode]:
    """CAMEO codes with their Goldstein score, quad class and PLOVER mapping."""
    codes = {}
    for _, row in iter_csv(data_path(name)):
        code = row["code"]
        quad = _float(row.get("quad", ""))
        codes[code] = CameoCode(code=code, name=row.get("name", ""), event=row.get("plover_event", "").upper(),
                                goldstein=_float(row.get("goldstein", "")), quad=int(quad) if quad is not None else None,
                                mode=row.get("plover_mode") or None,
                                context=tuple(split_cell(row.get("plover_context", "").replace(";", "|"))))
    return codes


def verb_patterns(entries: list[dict[str, Any]], origin: str) -> list[VerbPattern]:
    """Verb patterns from YAML entries (`lemma` may hold a particle: "call off")."""
    out = []
    for e in entries or []:
        words = str(e["lemma"]).lower().split()
        particle = _word(e.get("particle")) or (words[1] if len(words) > 1 else None)
        out.append(VerbPattern(
            lemma=words[0], cameo=_code(e["cameo"]), event=(e.get("event") or None) and str(e["event"]).upper(),
            particle=particle, prep=_word(e.get("prep")), objects=_tuple(e.get("object")),
            mode=e.get("mode") or None, context=_tuple(e.get("context")), recipient=_recipient(e),
            clause=e.get("clause") or None, origin=origin, note=e.get("note")))
    return out


def _recipient(entry: dict[str, Any]) -> tuple[str, ...]:
    """Where a verb's recipient is: `object`, `prep` (the entry's preposition), `none`, or a list."""
    value = entry.get("recipient")
    if value == "object":
        return ("dobj",)
    if value == "prep":
        return (_word(entry.get("prep")) or "",)
    if value in (None, "none", ""):
        return ()
    return _tuple(value)


def noun_patterns(entries: list[dict[str, Any]], origin: str) -> list[NounPattern]:
    out = []
    for e in entries or []:
        out.append(NounPattern(
            noun=str(e["noun"]).lower(), cameo=_code(e["cameo"]),
            event=(e.get("event") or None) and str(e["event"]).upper(), mode=e.get("mode") or None,
            recipient_preps=_tuple(e.get("recipient_preps")), agent_preps=_tuple(e.get("agent_preps")) or ("by",),
            requires=_tuple(e.get("requires")), origin=origin, note=e.get("note")))
    return out


def _entries(doc: Any, key: str) -> list[dict[str, Any]]:
    """A data file is either a list of entries or a mapping holding them under `key`."""
    if isinstance(doc, dict):
        return list(doc.get(key) or [])
    return list(doc or [])


def _cues(*docs: tuple[str, Any]) -> dict[str, frozenset[str]]:
    """Every list of words in the modality and role files, by name."""
    cues: dict[str, set[str]] = {}
    for path, doc in docs:
        for name, words in (doc or {}).items():
            if not isinstance(words, list):
                continue
            _refuse_booleans(words, f"{path}: cue list '{name}'")
            cues.setdefault(name, set()).update(str(w).lower() for w in words)
    return {k: frozenset(v) for k, v in cues.items()}


def lexicon_files(kind: str, first: tuple[str, ...]) -> list[str]:
    """The `kind` files of data/events: `first` in order, then the other KIND_*.yaml by name.

    More files keep each readable (one per theme); among equally specific patterns the
    one read first wins, so the main file's entries come first.
    """
    others = sorted(p.name for p in data_path("events").glob(f"{kind}_*.yaml") if p.name not in first)
    return list(first) + others


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's event lexicon, loaded once per process."""
    frames = read_yaml("events/frames.yaml")
    lex = Lexicon(codes=read_codes())
    for name in lexicon_files("verbs", VERB_FILES):
        lex.add_verbs(verb_patterns(_entries(read_yaml(f"events/{name}"), "verbs"), name))
    for name in lexicon_files("nouns", NOUN_FILES):
        lex.add_nouns(noun_patterns(_entries(read_yaml(f"events/{name}"), "nouns"), name))
    lex.cues = _cues(("events/modality.yaml", read_yaml("events/modality.yaml")), ("events/frames.yaml", frames))
    lex.recipient_preps = {k.upper(): _tuple(v) for k, v in (frames.get("recipient_preps") or {}).items()}
    lex.intent = {_code(k): _code(v) for k, v in (frames.get("intent") or {}).items()}
    lex.refusal = {_code(k): _code(v) for k, v in (frames.get("refusal") or {}).items()}
    lex.nominal_verbs = {row["noun"].lower(): row["verb"].lower()
                         for _, row in iter_csv(data_path("events/nominalizations.csv"))}
    return lex


@lru_cache(maxsize=None)
def nominal_pattern(verb: VerbPattern) -> NounPattern:
    """A verb pattern read from its noun ("the release of the prisoners" as "released the
    prisoners"): what was the verb's object is the noun's "of" phrase, its doer the "by" phrase."""
    preps = tuple(p for p in verb.recipient if p not in ("dobj", "dative", "iobj"))
    return NounPattern(noun=verb.lemma, cameo=verb.cameo, event=verb.event, mode=verb.mode,
                       recipient_preps=preps + (("of",) if "dobj" in verb.recipient else ()),
                       agent_preps=("by",), origin=verb.origin, note=f"the noun of: {verb.note or verb.lemma}")
