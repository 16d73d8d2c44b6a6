"""What the event rules of one document share: the document, its actors, and resolving roles."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..records import Actor, Document, EventActor, Span
from .lexicon import Lexicon
from .matcher import lemma
from .roles import ActorIndex, Role, conjuncts, resolve

PRONOUNS = {"it", "they", "he", "she", "we", "i", "them", "him", "her", "us", "itself", "themselves"}


@dataclass(slots=True)
class Context:
    """What every event of one document needs."""

    document: Document
    lexicon: Lexicon
    index: ActorIndex
    countries: list[tuple[int, str, Actor]]  # (offset, country, actor) of coded mentions, in order
    types: dict[int, str] = field(default_factory=dict)  # the current sentence's triggers: token → type


def resolve_role(role: Role | None, ctx: Context, at: int) -> list[EventActor]:
    if role is None:
        return []
    out: list[EventActor] = []
    for head in role.heads:
        if head.ent_type_ in ("DATE", "TIME"):
            continue  # "a strike on Monday", "last month's invasion": a time is no one
        found = resolve(head, ctx.index, ctx.document.text)
        if not found and head.lower_ in PRONOUNS:
            continue
        if _is_pair(head, ctx) and not any(a.code for a in found):
            found = _pair(ctx, at) or found
        if not any(a.code for a in found):
            patron = _patron(head, ctx)
            if patron is not None:  # "hackers working for the Russian government"
                found = resolve(patron, ctx.index, ctx.document.text) or found
        shared = _shared_with(head, found, ctx)
        out += _with_appositive(head, found, ctx.document.text) + shared
    return _same_kind(role, out)


def _with_appositive(head: Token, found: list[EventActor], text: str) -> list[EventActor]:
    """ "Lebanon's prime minister, Hassan Diab,", "Kenzo Oshima, the UN relief coordinator,": the
    mention of one actor named twice spans both names."""
    appos = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN")]
    if len(found) != 1 or not appos:
        return found
    a = found[0]
    if not (head.idx <= a.end and a.start <= head.idx + len(head)):
        return found  # the actor is not the head's phrase ("X's minister, Y": coded by X)
    start = min(a.start, head.left_edge.idx)
    last = max(t.i for c in appos for t in c.subtree)
    end = max(a.end, head.doc[last].idx + len(head.doc[last]))
    return [replace(a, text=text[start:end], start=start, end=end)]


def _same_kind(role: Role, out: list[EventActor]) -> list[EventActor]:
    """ "Foreign ministers of China and Russia" parsed as "ministers of China" and "Russia": a bare
    country coordinated with "<kind> of <country>" is that kind of actor too."""
    if len(role.heads) < 2:
        return out
    first = role.heads[0]
    of_country = any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in first.children)
    kinded = next((a for a in out if a.sector and a.country), None)
    if not of_country or kinded is None:
        return out
    bare = {(h.idx, h.idx + len(h)) for h in role.heads[1:] if h.pos_ == "PROPN"}
    return [replace(a, code=a.country + kinded.sector) if a.code and a.code == a.country and
            any(s <= a.start < e or a.start <= s < a.end for s, e in bare) else a for a in out]


def _shared_with(head: Token, found: list[EventActor], ctx: Context) -> list[EventActor]:
    """ "the armies of India and Mongolia", "foreign ministers of China and Russia": the same kind
    of actor for every country coordinated after the first (the actor stage codes the phrase by
    the first, and the others as bare countries). Replaces `found`'s bare countries and adds the
    countries it lacks."""
    first = next((a for a in found if a.sector and a.country), None)
    if first is None:
        return []
    others = [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
              for pobj in prep.children if pobj.dep_ == "pobj" for o in conjuncts(pobj)[1:]]
    out = []
    for other in others:
        country = next((a.country for a in resolve(other, ctx.index, ctx.document.text)
                        if a.country and a.code == a.country and a.country != first.country), None)
        if country is None:
            continue
        for a in [a for a in found if a.country == country and a.code == country]:
            found.remove(a)  # the bare country becomes the same kind of actor as the first
        out.append(replace(first, text=other.text, start=other.idx, end=other.idx + len(other),
                           code=country + first.sector, country=country, actor_id=None))
    return out


def _patron(head: Token, ctx: Context) -> Token | None:
    """Whom an uncoded group works for or is tied to: "hackers working for the Russian
    government", "militants loyal to Abu Musab al-Zarqawi", "gunmen linked to al-Shabaab"."""
    for c in head.children:
        if c.dep_ == "acl" and not lemma(c) in ctx.lexicon.cue("patron_words"):
            # "hackers believed to be working for Russia's intelligence service"
            c = next((x for x in c.children if x.dep_ == "xcomp" and lemma(x) in ctx.lexicon.cue("patron_words")), c)
        if c.dep_ not in ("acl", "amod", "relcl", "xcomp") or lemma(c) not in ctx.lexicon.cue("patron_words"):
            continue
        for p in c.children:
            if p.dep_ in ("prep", "agent") and p.lower_ in ("for", "to", "with", "by"):
                pobj = next((g for g in p.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def _is_pair(head: Token, ctx: Context) -> bool:
    """ "both sides", "the two leaders": a pair named earlier in the text."""
    if lemma(head) not in ctx.lexicon.cue("pair_heads") or head.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.lower_ in ("both", "two") for c in head.children)


def _pair(ctx: Context, at: int) -> list[EventActor]:
    """The two countries mentioned most before offset `at`, as their latest mentions."""
    counts = Counter(country for start, country, _ in ctx.countries if start < at)
    top = [c for c, _ in counts.most_common(2)]
    if len(top) < 2:
        return []
    out = []
    for country in top:
        start, _, actor = max((m for m in ctx.countries if m[1] == country and m[0] < at), key=lambda m: m[0])
        mention = next(m for m in actor.mentions if m.start == start)
        out.append(EventActor(mention.text, mention.start, mention.end, actor.code, actor.country,
                              actor.sector, actor.id))
    return out


def same(a: list[EventActor], b: list[EventActor]) -> bool:
    keys = {x.actor_id or x.text for x in a}
    return bool(keys) and keys == {x.actor_id or x.text for x in b}


def coded(side: list[EventActor]) -> bool:
    return any(a.code or a.country for a in side)


def span_of(document: Document, start: int, end: int) -> Span:
    text = document.text[start:end]
    end -= len(text) - len(text.rstrip())
    return Span(start, end, document.text[start:end])


def subject_of(clause: Token) -> Role | None:
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return Role(conjuncts(c), f"{clause.dep_}.nsubj")
    return None
