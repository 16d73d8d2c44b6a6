"""Find event triggers in a parse: verbs (with particle, preposition or object) and event nouns.

Look-ups go through the lexicon's lemma-indexed dicts, so the cost is one dict probe per
verb or noun token.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, NounPattern, VerbPattern

_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")


@dataclass(slots=True)
class Trigger:
    token: Token  # the verb or noun that heads the event
    pattern: VerbPattern | NounPattern
    kind: str  # "verb" or "noun"
    tokens: tuple[Token, ...]  # every word of the trigger: verb, particle, preposition, object
    object: Token | None = None  # the object the pattern asked for ("sanctions" in "impose sanctions")

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t) for t in self.tokens)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def _particle(verb: Token, word: str) -> Token | None:
    for c in verb.rights:  # "With the signing, X agreed" is not "agree with"
        if c.lower_ == word and c.dep_ in ("prt", "prep", "advmod", "agent", "dative"):
            return c
    return None


def _object_phrase(token: Token) -> str:
    """The object's head with its compound words: "hunger strike"."""
    words = [lemma(c) for c in token.lefts if c.dep_ in ("compound", "amod")] + [lemma(token)]
    return " ".join(words)


def _names(obj: Token, objects: tuple[str, ...]) -> bool:
    phrase = _object_phrase(obj)
    return lemma(obj) in objects or obj.lower_ in objects or any(phrase == o or phrase.endswith(" " + o)
                                                                 for o in objects)


def _objects(verb: Token, prep: str | None) -> list[Token]:
    """Candidate objects: direct object, passive subject, or the object of the pattern's preposition."""
    out = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "dative") and (prep is None or c.lower_ == prep):
            out += [g for g in c.children if g.dep_ == "pobj"]
    out += [g for o in list(out) for g in o.children if g.dep_ == "conj"]
    return out


def _complement_tense(verb: Token, future_aux: frozenset[str]) -> str | None:
    for c in verb.children:
        if c.dep_ == "ccomp":
            return "future" if any(a.lower_ in future_aux for a in c.children if a.dep_ == "aux") else "past"
    return None


def match_verb(verb: Token, patterns: list[VerbPattern], lexicon: Lexicon) -> Trigger | None:
    """The most specific of `patterns` whose particle, preposition and object are in the parse."""
    best: Trigger | None = None
    for p in patterns:
        words = [verb]
        if p.particle:
            part = _particle(verb, p.particle)
            if part is None:
                continue
            words.append(part)
        if p.prep:
            prep = _particle(verb, p.prep)
            if prep is None:
                continue
            words.append(prep)
        obj = None
        if p.objects:
            obj = next((o for o in _objects(verb, p.prep) if _names(o, p.objects)), None)
            if obj is None:
                continue
            if obj.i > verb.i:  # "imposed sanctions"; a passive subject stays out of the trigger
                words.append(obj)
        if p.clause and _complement_tense(verb, lexicon.cue("future_aux")) != p.clause:
            continue
        if best is None or p.specificity > best.pattern.specificity:
            best = Trigger(verb, p, "verb", tuple(words), obj)
    return best


def find_triggers(sent: Span | Doc, lexicon: Lexicon) -> list[Trigger]:
    """Every event trigger in a sentence, verbs first claiming the nouns they govern."""
    verbs: list[Trigger] = []
    nouns: list[Trigger] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            patterns = lexicon.verbs.get(lemma(tok)) or lexicon.verbs.get(tok.lower_)
            if patterns and (tok.pos_ != "AUX" or tok.dep_ not in ("aux", "auxpass")):
                found = match_verb(tok, patterns, lexicon)
                if found:
                    verbs.append(found)
        elif tok.pos_ == "NOUN" and tok.dep_ != "compound" and not tok.ent_type_:  # not "Economic Cooperation"
            patterns = lexicon.nouns.get(lemma(tok)) or lexicon.nouns.get(tok.lower_)
            if patterns:
                nouns.append(Trigger(tok, patterns[0], "noun", (tok,)))
    claimed = {t.object.i for t in verbs if t.object is not None}
    return verbs + [n for n in nouns if n.token.i not in claimed]
