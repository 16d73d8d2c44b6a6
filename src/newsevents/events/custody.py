"""Harm done to someone held or who died of it: who held them did it ("tortured in police
custody"), who died suffered it ("died as a result of torture"), and where they were held is no
recipient. Cue lists: frames.yaml `dying_verbs`, `custody_nouns`."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .matcher import lemma
from .roles import Role, conjuncts


def dying_verb(tok: Token, lexicon: Lexicon) -> Token | None:
    """The verb of dying an act caused: "died of torture", "died as a result of torture"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "from"):
        return None
    head = tok.head.head
    if lemma(head) in ("result", "consequence") and head.dep_ == "pobj":
        head = head.head.head
    return head if head.pos_ == "VERB" and lemma(head) in lexicon.cue("dying_verbs") else None


def custodian(heads: list[Token], lexicon: Lexicon) -> Role | None:
    """Who held the victim where the act befell them: "in Israeli police custody", "in the
    custody of the army"."""
    for c in (c for h in heads for c in h.children):
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for held in (g for g in c.children if g.dep_ == "pobj" and lemma(g) in lexicon.cue("custody_nouns")):
            holder = next((o for p in held.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"), None)
            if holder is not None:
                return Role(conjuncts(holder), "in:custody.of")
            if any(m.dep_ in ("compound", "amod", "poss") for m in held.children):
                return Role([held], "in:custody")
    return None


def not_custody(roles: list[Role | None], lexicon: Lexicon) -> list[Role]:
    """The roles found, less where a victim was held ("tortured in army custody" is not done to the army)."""
    held = lexicon.cue("custody_nouns")
    return [r for r in roles if r is not None and not all(lemma(h) in held for h in r.heads)]
