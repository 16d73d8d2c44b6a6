"""Who did it and to whom: actor and recipient from the dependency parse, not word order.

Each function returns tokens (heads of noun phrases) and a short path saying how they were
reached, for `explain`; `ActorIndex` turns a noun phrase into the document's actors.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import Actor, EventActor
from .lexicon import Lexicon
from .matcher import dated, lemma

_SUBJ = ("nsubj", "csubj")
_RELATIVE = ("who", "that", "which", "whom")
_ACTOR_ENTS = ("NORP", "GPE", "ORG", "PERSON", "LOC")
_NP_RIGHT = ("compound", "flat", "appos", "nummod", "npadvmod", "amod")


@dataclass(slots=True)
class Role:
    heads: list[Token]  # noun-phrase heads, one per conjunct
    path: str  # how they were reached, e.g. "xcomp<agree.nsubj"


def conjuncts(head: Token) -> list[Token]:
    """The head and the noun phrases coordinated with it ("Jordan and Britain")."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out += conjuncts(c)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _child(verb: Token, *deps: str) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _agent(verb: Token) -> Token | None:
    by = _child(verb, "agent")
    return _child(by, "pobj") if by is not None else None


def _distant_agent(verb: Token) -> Token | None:
    """The "by" agent of a passive that spaCy attached elsewhere: as a plain preposition of the
    verb, or, after a parenthetical, to a verb above it ("has been accused of misusing funds,
    much of it believed to have been embezzled, by government officials"). Only a "by" after
    the verb naming an actor, on a verb that is not passive itself, counts."""
    if not is_passive(verb):
        return None
    for o in verb.children:  # "was granted a humanitarian visa by Poland": spaCy hangs "by" on the object
        if o.dep_ == "dobj":
            for c in o.rights:
                pobj = _child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "by" else None
                if pobj is not None and pobj.pos_ == "PROPN" and pobj.ent_type_ in ("",) + _ACTOR_ENTS:
                    return pobj
    gov = verb
    for step in range(3):
        if step and (gov.pos_ not in ("VERB", "AUX") or is_passive(gov) or _agent(gov) is not None):
            return None
        for c in gov.children:
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i:
                pobj = _child(c, "pobj")
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and actor_like(pobj) and \
                        pobj.ent_type_ in ("",) + _ACTOR_ENTS:  # not "told AFP by phone Sunday"
                    return pobj
        if gov.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or gov.head.i == gov.i:
            return None
        gov = gov.head
    return None


def subject(verb: Token, lexicon: Lexicon, depth: int = 0) -> Role | None:
    """The doer of `verb`: its subject, the passive agent, or the controller of its clause."""
    if depth > 6:
        return None
    subj = _child(verb, *_SUBJ)
    if subj is not None:
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return Role(conjuncts(verb.head), "relcl")
        if verb.dep_ == "relcl" and any(c.dep_ == "poss" and c.lower_ == "whose" for c in subj.children):
            # "Tajikistan and Kyrgyzstan, whose border guards fought ...": the antecedent's forces
            return Role(conjuncts(verb.head), "relcl.whose")
        if not subj.lower_.endswith(("self", "selves")) or verb.dep_ not in ("conj", "xcomp"):
            return Role(conjuncts(subj), "nsubj")
    agent = _agent(verb)
    if agent is not None:
        return Role(conjuncts(agent), "agent")
    agent = _distant_agent(verb)
    if agent is not None:
        return Role(conjuncts(agent), "agent.distant")
    own = _child(verb, "nsubjpass")
    if own is not None and lemma(verb) in lexicon.cue("stative_passives") and any(
            c.dep_ == "xcomp" or c.dep_ == "prep" and (c.lower_ in ("to", "on") or
                                                        c.lower_ == "in" and lemma(verb) in ("engage", "involve"))
            for c in verb.children):
        # "Vietnam is committed to opening up", "Serb forces were engaged in ethnic cleansing": a
        # state of the subject, not something done to it
        return Role(conjuncts(own), "nsubjpass.stative")
    if own is not None and not own.lower_.endswith("self") and verb.dep_ != "xcomp":
        return None  # "X was attacked": no doer named
    head = verb.head
    to_clause = verb.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
    if (verb.dep_ == "xcomp" or to_clause) and lemma(head) in lexicon.cue("object_control"):
        # "urged X to ...", "called on X to ...", "appealed to X to ..." (also when the
        # infinitive is parsed as a purpose clause): the addressee does it
        obj = _child(head, "dobj")
        if obj is not None:
            return Role(conjuncts(obj), f"{verb.dep_}<{lemma(head)}.dobj")
        addressee = next((_child(c, "pobj") for c in head.children if c.dep_ == "prep" and
                          c.lower_ in ("on", "upon", "to", "with") and c.i < verb.i and _child(c, "pobj") is not None),
                         None)
        if addressee is not None:
            return Role(conjuncts(addressee), f"{verb.dep_}<{lemma(head)}.prep")
    if verb.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children) \
            and head.dep_ == "attr" and head.head.pos_ in ("VERB", "AUX") and lemma(head.head) in ("be", "become"):
        # "Burundi became the first country to leave the ICC": the copula's subject does it
        up = subject(head.head, lexicon, depth + 1)
        return up and Role(up.heads, f"acl<attr<{lemma(head.head)}.{up.path}")
    if verb.dep_ == "xcomp":
        pass_subj = _child(head, "nsubjpass")
        if pass_subj is not None and _agent(head) is None and not pass_subj.lower_.endswith("self"):
            # "X is scheduled to meet"
            return Role(conjuncts(pass_subj), f"xcomp<{lemma(head)}.nsubjpass")
        up = subject(head, lexicon, depth + 1)
        return up and Role(up.heads, f"xcomp<{lemma(head)}.{up.path}")
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for") and \
            head.head.pos_ in ("VERB", "AUX"):
        # "accused Israel of violating the truce", "thanked Qatar for mediating", "was arrested for
        # spying": who is accused, thanked or arrested did it
        obj = _child(head.head, "dobj")
        if obj is not None and obj.i < head.i and _person_like(obj, lexicon):
            return Role(conjuncts(obj), f"pcomp<{lemma(head.head)}.dobj")
        patient_subj = _child(head.head, "nsubjpass")
        if obj is None and patient_subj is not None and _agent(head.head) is None and \
                lemma(head.head) not in lexicon.cue("stative_passives"):
            return Role(conjuncts(patient_subj), f"pcomp<{lemma(head.head)}.nsubjpass")
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "acomp" and \
            head.head.head.pos_ in ("VERB", "AUX"):
        head = head.head.head  # "X and Y are guilty of violating the truce": who is guilty did it
        up = subject(head, lexicon, depth + 1)
        return up and Role(up.heads, f"pcomp<acomp<{lemma(head)}.{up.path}")
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "looking at scheduling a meeting"
        up = subject(head, lexicon, depth + 1)
        return up and Role(up.heads, f"pcomp<{lemma(head)}.{up.path}")
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and _agent(head) is not None:
        shared = _child(head, "nsubjpass")  # "X was indicted by Y and will resign": X resigns
        if shared is not None:
            return Role(conjuncts(shared), f"conj<{lemma(head)}.nsubjpass")
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and \
            _child(head, "nsubjpass") is not None and _agent(head) is None and \
            _child(verb, "dobj") is not None and _child(verb, "auxpass") is None:
        # "Germany said Navalny had been poisoned and condemned the Kremlin": the passive's
        # patient does not do the active verb coordinated with it; the speaker does
        up = subject(head.head, lexicon, depth + 1)
        return up and Role(up.heads, f"conj<ccomp<{lemma(head.head)}.{up.path}")
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX", "ADJ"):
        up = subject(head, lexicon, depth + 1)
        return up and Role(up.heads, f"{verb.dep_}<{lemma(head)}.{up.path}")
    doer = acl_predicate(verb)
    if doer is not None:
        # "An official Syrian newspaper called on Arabs to ...", "Doctors from two aid groups
        # donated ...": with no verb of its own the noun phrase is the subject of the clause hung on it
        return Role(conjuncts(doer), "acl.predicate")
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and _child(verb, "dobj") is not None and \
            head.pos_ in ("NOUN", "PROPN"):
        # "Saudi-led coalition airstrikes killed 29 children" parsed as a clause on the noun: a
        # finite verb with its own object is the noun's act
        return Role(conjuncts(head), "acl.finite")
    if verb.dep_ == "acomp" or (verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG"):
        if verb.dep_ == "acomp":
            up = subject(head, lexicon, depth + 1)
            return up and Role(up.heads, f"acomp<{up.path}")
        author = head.head
        if head.dep_ == "pobj" and author.dep_ == "prep":  # "In a statement condemning X, Egypt ..."
            author = author.head
        if not actor_like(head) and head.dep_ in ("dobj", "pobj") and author.pos_ in ("VERB", "AUX") \
                and lemma(head) in lexicon.cue("message_nouns"):
            up = subject(author, lexicon, depth + 1)  # "issued a declaration demanding ..."
            return up and Role(up.heads, f"acl<{lemma(author)}.{up.path}")
        return Role(conjuncts(head), "acl")
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Washington's decision to withdraw", "declared their readiness to settle the row": the
        # decider or the declarer does it
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None:
            return Role(conjuncts(owner), "acl<poss")
        if head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
            up = subject(head.head, lexicon, depth + 1)
            if up is not None:
                return Role(up.heads, f"acl<dobj<{lemma(head.head)}.{up.path}")
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return Role(conjuncts(head), "amod")  # "talks with visiting Prime Minister Imran Khan": Khan visits
    fronted = _fronted_subject(verb)
    if fronted is not None:
        return Role(conjuncts(fronted), "fronted")
    return None


def _fronted_subject(verb: Token) -> Token | None:
    """The subject spaCy hung on a fronted phrase: in "With the signing of a memorandum, the
    government and the rebels have agreed", the noun phrase between the comma and the verb."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return None
    doc, first = verb.doc, verb.sent.start
    j = verb.i - 1
    while j > first and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod"):
        j -= 1
    comma = next((k for k in range(j, first - 1, -1) if doc[k].text == ","), None)
    if comma is None or comma == j:
        return None
    roots = [t for t in doc[comma + 1:j + 1] if not comma < t.head.i <= j]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or roots[0].dep_ not in ("conj", "appos", "pobj"):
        return None
    top = roots[0]
    while top.head.i != verb.i and top.head.i != top.i:
        top = top.head
    return roots[0] if top.dep_ == "prep" and top.i < comma else None


def _person_like(tok: Token, lexicon: Lexicon) -> bool:
    """Whether an object names someone who can act: an actor, a personal pronoun, a kind of person."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "us", "me")
    agents = lexicon.cue("local_agents") | lexicon.cue("crowd_agents") | lexicon.cue("armed_agents")
    return actor_like(tok) or lemma(tok) in agents


def acl_predicate(verb: Token) -> Token | None:
    """The subject noun of a verb that spaCy hung on it as a participle clause although it is the
    sentence's predicate: the noun phrase is the sentence's root ("An official Syrian newspaper
    called Thursday on Arabs to unite"), or a subject sharing its verb with another subject
    ("Palestinian youths resorted to throwing stones, officials said"). A passive participle
    ("weapons seized by rebels") is a real clause on its noun."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or is_passive(verb) or _agent(verb) is not None:
        return None
    top = verb.head
    if top.pos_ not in ("NOUN", "PROPN"):
        return None
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
        top = top.head.head  # "Doctors from two American aid groups donated"
    if top.dep_ == "ROOT":
        # only with an argument a passive would not have (an object, "on"/"with"/"against" someone,
        # a to-infinitive): not a headline's reduced passive, "Opposition leader arrested in Minsk"
        return top if _active_arguments(verb) else None
    if top.dep_ in ("nsubj", "dep") and any(c.dep_ == "nsubj" and c.i != top.i for c in top.head.children):
        return top
    return None


def _active_arguments(verb: Token) -> bool:
    if any(c.dep_ == "dobj" or c.dep_ == "conj" and _child(c, "dobj") is not None for c in verb.children):
        return True  # "donated and delivered $50,000 worth of goods"
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "with", "against"):
            pobj = _child(c, "pobj")
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return True  # "called Thursday on Arabs", not "arrested on Monday"
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
    return False


def patient(verb: Token) -> Role | None:
    """Who the verb is done to when it has no preposition for it: object or passive subject."""
    obj = _child(verb, "dobj", "dative")
    if obj is not None:
        return Role(conjuncts(obj), "dobj")
    up = _child(verb, "prt")
    to = _child(up, "prep") if up is not None and up.lower_ == "up" else None
    if to is not None and to.lower_ == "to" and _child(to, "pobj") is not None:
        return Role(conjuncts(_child(to, "pobj")), "dobj")  # "kidnapped up to 16 advisers" parsed as a particle
    subj = _child(verb, "nsubjpass")
    if subj is not None:
        return Role(conjuncts(subj), "nsubjpass")
    if verb.dep_ in ("acl",) and verb.tag_ == "VBN" and acl_predicate(verb) is None:  # "the camp attacked by ..."
        return Role(conjuncts(verb.head), "acl")
    return None


def prep_objects(head: Token, preps: tuple[str, ...]) -> Role | None:
    """Objects of the first of `preps` attached to `head` ("talks with X", "sanctions on Y"):
    `preps` is in order of preference ("confiscated weapons from X" in "In a raid, ...")."""
    found = [(preps.index(c.lower_), c) for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
             and _child(c, "pobj") is not None and not dated(c)]  # "on Saturday" names no one
    if not found:
        return None
    c = min(found, key=lambda x: x[0])[1]
    return Role(conjuncts(_child(c, "pobj")), f"prep:{c.lower_}")


def clause_subject(verb: Token) -> Role | None:
    """The subject of a verb's complement clause ("warned that X violated ...")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            subj = _child(c, "nsubj", "nsubjpass")
            if subj is not None:
                return Role(conjuncts(subj), "ccomp.nsubj")
    return None


def noun_agent(noun: Token, agent_preps: tuple[str, ...]) -> Role | None:
    """The doer of a nominal event: "the attack by X", "X's visit", "Israeli raids"."""
    by = prep_objects(noun, agent_preps)
    if by is not None:
        return by
    if "by" in agent_preps:  # "the ratification of the pact by parliament": "by" hung on the theme;
        # "the signing of the peace deal between Ethiopia and Eritrea": both sides sign
        theme = prep_objects(noun, ("of",))
        by = prep_objects(theme.heads[-1], ("by", "between")) if theme is not None else None
        if by is not None:
            return Role(by.heads, "of.prep:by")
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her"):
            return Role(conjuncts(c), "poss")
    for c in noun.children:  # "sanctions imposed by the EU, Britain and Canada"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            by = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if by is not None:
                return Role(conjuncts(by), "acl.agent")
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in _ACTOR_ENTS:
            return Role(conjuncts(c), c.dep_)
    return None


_INNER_PREPS = ("by", "from", "of", "against", "on", "with", "to", "for", "between")


def inner_actors(obj: Token) -> Role | None:
    """Actors named inside an object noun phrase that is not itself an actor: "an Indian
    proposal", "Saddam Hussein's proposal", "calls by Belarus", "the withdrawal of Serbian forces"."""
    if obj.ent_type_ in _ACTOR_ENTS or obj.pos_ == "PROPN":
        return None  # the object is the actor: the patient role has it
    heads: list[Token] = []
    for c in obj.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            heads += conjuncts(c)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i < obj.i and c.ent_type_ in _ACTOR_ENTS and \
                c.text[:1].isupper():  # "inter-Korean": "inter" and "-" name no one
            heads += conjuncts(c)
    if not heads:  # "crimes committed by Croat forces": the doer of a participle clause
        for c in obj.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and _agent(c) is not None:
                heads += conjuncts(_agent(c))
                break
    if not heads:  # "the killing of X by Y": the doer named by "by" comes before the theme
        for c in sorted(obj.children, key=lambda c: c.lower_ != "by"):
            if c.dep_ == "prep" and c.lower_ in _INNER_PREPS:
                pobj = _child(c, "pobj")
                if pobj is not None:
                    heads += conjuncts(pobj)
                    break
    return Role(heads, "object.inner") if heads else None


class ActorIndex:
    """The document's actor mentions, sorted by offset, for span-overlap look-ups."""

    def __init__(self, actors: list[Actor]):
        spans = sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda s: (s[0], s[1]))
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        i = bisect_right(self.starts, end - 1)
        return [s for s in self.spans[max(0, i - 40):i] if s[0] < end and s[1] > start]


def np_bounds(head: Token) -> tuple[int, int, int, int]:
    """Char bounds of a noun phrase: (start, end) of the whole, (start, end) of head + left part."""
    lefts = [c for c in head.lefts if c.dep_ not in ("cc", "conj", "punct", "preconj")]
    first = min((c.left_edge for c in lefts), key=lambda t: t.i, default=head)
    core_end = head.idx + len(head)
    end = core_end
    for c in head.rights:
        if c.dep_ in _NP_RIGHT or (c.dep_ == "prep" and c.lower_ == "of"):
            end = max(end, c.right_edge.idx + len(c.right_edge))
    return first.idx, end, first.idx, core_end


def event_actor(actor: Actor, start: int, end: int, text: str) -> EventActor:
    return EventActor(text=text, start=start, end=end, code=actor.code, country=actor.country,
                      sector=actor.sector, actor_id=actor.id)


def actor_like(head: Token) -> bool:
    """Whether an uncoded noun phrase can still be an actor: it names a person, group or place."""
    if head.ent_type_ in _ACTOR_ENTS or head.pos_ == "PROPN":
        return True
    inner = [t for c in head.children if c.dep_ not in ("relcl", "acl", "conj", "appos") for t in c.subtree]
    return any(t.ent_type_ in _ACTOR_ENTS for t in inner)  # "Iraqi towns", "a camp for Congolese refugees"


def resolve(head: Token, index: ActorIndex, text: str) -> list[EventActor]:
    """The actors a noun phrase refers to; an uncoded phrase when it names none we know.

    The mention on the head wins ("Amano, the head of the UN's watchdog" is Amano); else
    actors among the modifiers ("Hungarian and Romanian officials"); else the "of" part.
    """
    start, end, core_start, core_end = np_bounds(head)
    found = index.overlapping(start, end)
    on_head = [f for f in found if f[0] <= head.idx < f[1]]
    in_core = [f for f in found if f[0] < core_end and f[1] > core_start]
    chosen = on_head or in_core or found[:1]
    out: list[EventActor] = []
    seen = set()
    for s, e, actor in chosen:
        if actor.id not in seen:
            seen.add(actor.id)
            out.append(event_actor(actor, s, e, text[s:e]))
    if not any(a.code or a.country for a in out) and head.pos_ not in ("PRON", "DET"):
        placed = _placed(head, index, text)
        if placed is not None:
            return [placed]
    if not out and head.pos_ not in ("PRON", "DET") and head.lower_ not in _RELATIVE:
        out.append(EventActor(text=text[core_start:core_end], start=core_start, end=core_end, code=None,
                              country=None, sector=None, actor_id=None))
    return out


_PLACE_PREPS = ("in", "from", "of", "throughout", "across", "inside", "at")


def _placed(head: Token, index: ActorIndex, text: str) -> EventActor | None:
    """An uncoded noun phrase placed by a coded country: "security forces in Guinea", "doctors
    from two American aid groups", "students throughout Indonesia" take that country."""
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in _PLACE_PREPS:
            continue
        pobj = _child(c, "pobj")
        if pobj is None:
            continue
        start, end, _, _ = np_bounds(pobj)
        found = [f for f in index.overlapping(start, end) if f[2].country]
        on_head = [f for f in found if f[0] <= pobj.idx < f[1]]
        if not (on_head or found):
            continue
        actor = (on_head or found)[0][2]
        s0, _, _, _ = np_bounds(head)
        return EventActor(text=text[s0:end], start=s0, end=end, code=actor.country, country=actor.country,
                          sector=None, actor_id=None)
    return None
