"""Find event triggers in a parse: verbs (with particle, preposition or object) and event nouns.

Look-ups go through the lexicon's lemma-indexed dicts, so the cost is one dict probe per
verb or noun token.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon, NounPattern, VerbPattern, nominal_pattern

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
    after = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ == word and after.dep_ == "quantmod":
        return after  # "handed over 600,000 doses": not "over 600,000"
    for c in verb.rights:  # "pulled out of the union": spaCy hangs "of" on the particle
        if c.dep_ in ("prt", "prep", "advmod") and not any(g.dep_ == "pobj" for g in c.children):
            for g in c.children:
                if g.lower_ == word and g.dep_ == "prep":
                    return g
    if after is not None and after.lower_ == word and after.dep_ == "mark" and after.head.head.i == verb.i:
        return after  # "called for parliament to reconvene": spaCy reads "for" as the clause's mark
    return None


def content_head(obj: Token, lexicon: Lexicon) -> Token:
    """The noun an object is about: "part of a military aid program" is about the program,
    "10 days of war games" about the games (partitive and measure nouns pass to their "of")."""
    for _ in range(3):
        money = lemma(obj) in lexicon.cue("money_heads") or obj.pos_ == "NUM" or obj.like_num
        if lemma(obj) not in lexicon.cue("partitive_heads") and not money:
            break
        # "$50 million in aid", "65 million crowns in development aid": a sum passes to its "in"
        of = next((c for c in obj.children if c.dep_ == "prep" and (c.lower_ == "of" or money and c.lower_ == "in")),
                  None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and of.lower_ == "in" and lemma(pobj) not in lexicon.nouns \
                and lemma(pobj) not in lexicon.cue("money_purposes"):
            break  # "deposited $2 billion in the central bank": a place, not what the money is
        if pobj is None:
            break
        obj = pobj
    return obj


@dataclass(frozen=True, slots=True)
class _ObjectWords:
    """An object's words, read once per verb: its content head, the head's phrases of two or more
    words ("tear gas", "riot tear gas"), and its modifiers when the head is generic or a name."""

    token: Token
    head: frozenset[str]
    phrases: frozenset[str]
    modifiers: frozenset[str]


def dated(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday", "at dawn")."""
    pobjs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(pobjs) and all(g.ent_type_ in ("DATE", "TIME") and not any(c.lower_ == "of" for c in g.children)
                               for g in pobjs)  # "bowed to weeks of protests" is no date


def _object_words(obj: Token, lexicon: Lexicon) -> _ObjectWords:
    head = content_head(obj, lexicon)
    words = [lemma(c) for c in head.lefts if c.dep_ in ("compound", "amod")] + [lemma(head)]
    generic = lemma(head) in lexicon.cue("generic_heads") or head.ent_type_ == "PERSON"
    modifiers = frozenset(w for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")
                          for w in (lemma(c), c.lower_)) if generic else frozenset()
    return _ObjectWords(obj, frozenset((lemma(head), head.lower_)),
                        frozenset(" ".join(words[i:]) for i in range(len(words) - 1)), modifiers)


@lru_cache(maxsize=None)
def _split(objects: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(o for o in objects if " " not in o), frozenset(o for o in objects if " " in o)


def _names(words: _ObjectWords, objects: tuple[str, ...]) -> int:
    """How well an object names one of `objects`: 3 by a two-word phrase ("tear gas"), 2 by a
    modifier of a generic head ("aid deliveries", "peacekeeping force", "mediation efforts") or
    the title of a name ("received Crown Prince Mohammed bin Salman"), 1 by its head, 0 not at all."""
    singles, phrases = _split(objects)
    if words.phrases & phrases:
        return 3  # "tear gas" names the tear gas entry before the "gas" one
    if words.modifiers & singles:
        return 2
    return 1 if words.head & singles else 0


def _objects(verb: Token, prep: str | None, lexicon: Lexicon,
             circumstance: frozenset[str] = frozenset()) -> list[Token]:
    """Candidate objects: direct object, passive subject, or the object of the pattern's preposition
    (any preposition but those of circumstance when the pattern names none: "suspended the
    campaign after talks" does not suspend the talks)."""
    out = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if any(c.dep_ == "dobj" for c in verb.children):
        # "has given the agency 14 days to ...": spaCy reads a double object's second noun as an adverbial
        out += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and
                any(n.dep_ == "nummod" for n in c.children)]
    preps = list(verb.children) + [g for c in verb.rights if c.dep_ in ("prt", "prep", "advmod") and
                                   not any(x.dep_ == "pobj" for x in c.children) for g in c.children]
    for c in preps:
        # a passive's agent ("crimes committed by Croat forces") is the doer, never the object
        if c.dep_ in ("prep", "agent", "dative") and (c.lower_ == prep if prep else
                                                       c.lower_ not in circumstance and c.dep_ != "agent"):
            out += [g for g in c.children if g.dep_ == "pobj"]
    if prep:  # "cleared Senate President Bukola Saraki of all charges": spaCy hangs "of" on the object
        out += [g for o in verb.children if o.dep_ == "dobj" for c in o.rights
                if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]
    out += [g for o in list(out) for g in o.children if g.dep_ == "conj"]
    # "allowed an aid convoy to enter": the subject of a to-infinitive parsed as a clause
    # or, after a causative, of a bare infinitive: "let the tanker sail"
    out += [s for c in verb.children if c.dep_ == "ccomp" and (
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or
                c.pos_ in ("VERB", "AUX") and verb.lemma_ in _BARE_CAUSATIVES)
            for s in c.children if s.dep_ == "nsubj"]
    out += _shifted_objects(verb, lexicon)
    # "sent two military planes carrying 55 rescue workers and a mobile clinic": what the carrier carries
    carrying, loaded = lexicon.cue("carrying_verbs"), lexicon.cue("loading_words")
    carried = [g for o in list(out) if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl" and a.lemma_ in carrying
               for g in a.children if g.dep_ == "dobj"]
    # "sent trucks loaded with food, medicine and water": what the load is
    carried += [g for o in list(out) if o.dep_ == "dobj" for a in o.children if a.dep_ in ("acl", "amod") and
                a.lemma_ in loaded for p in a.children if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children if g.dep_ == "pobj"]
    out += carried + [g for o in carried for g in o.children if g.dep_ == "conj"]
    # "fired what appeared to be a ballistic missile": the thing the free relative names
    out += [a for c in verb.children if c.dep_ in ("ccomp", "dobj") and any(w.lower_ == "what" for w in c.subtree)
            for x in c.subtree if x.lemma_ == "be" for a in x.children if a.dep_ == "attr"]
    # "found the former president guilty": the adjective of the verb's small clause
    out += [c for c in verb.children if c.dep_ in ("ccomp", "acomp", "oprd", "xcomp") and c.pos_ == "ADJ"]
    return out


def _shifted_objects(verb: Token, lexicon: Lexicon) -> list[Token]:
    """ "shortened by one hour the nightly curfew imposed after a coup toppled the government":
    an object moved behind a phrase is misread as the subject of a later clause. Taken only for
    a verb with no object that takes no clause, and across a phrase of the verb's own."""
    if any(c.dep_ in _OBJECT_DEPS for c in verb.children) or any(
            verb.lemma_ in lexicon.cue(name) for name in _CLAUSE_TAKERS):
        return []
    phrases = [c.i for c in verb.children if c.dep_ in ("prep", "agent", "npadvmod") and c.i > verb.i]
    return [s for c in verb.children if c.dep_ == "ccomp" and not any(m.dep_ in ("mark", "aux") for m in c.children)
            for s in c.children if s.dep_ == "nsubj" and any(p < s.i for p in phrases)]


_CLAUSE_TAKERS = ("speech_verbs", "request_verbs", "threat_governors", "complement_governors")

_TIME_PREPS = ("until", "till")  # "gave Turkey until Sept. 15 to ...": a pattern's date, not a circumstance

_BARE_CAUSATIVES = ("let", "make", "have", "help")  # verbs whose clause takes a bare infinitive

_CLAUSE_FUTURE = ("would", "could", "might", "may", "should", "must", "shall")  # "warned that X would/could ...": the future in the past


def _complement_tense(verb: Token, future_aux: frozenset[str]) -> str | None:
    """ "past" or "future" for a that-clause; "infinitive" for an object told to act ("told
    China to recall the boats")."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and \
                any(a.dep_ == "nsubj" for a in c.children):
            return "infinitive"  # "wants the United States to lift sanctions" parsed as a clause
        if c.dep_ == "ccomp":
            return "future" if any(a.lower_ in future_aux or a.lower_ in _CLAUSE_FUTURE
                                   for a in c.children if a.dep_ == "aux") else "past"
    if any(c.dep_ == "dobj" for c in verb.children) and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return "infinitive"
    return None


def match_verb(verb: Token, patterns: list[VerbPattern], lexicon: Lexicon) -> Trigger | None:
    """The most specific of `patterns` whose particle, preposition and object are in the parse."""
    best: Trigger | None = None
    best_rank = (0, 0)
    particles: dict[str, Token | None] = {}  # read once per verb, not once per pattern
    candidates: dict[str | None, list[_ObjectWords]] = {}

    def particle(word: str) -> Token | None:
        if word not in particles:
            particles[word] = _particle(verb, word)
        return particles[word]

    for p in patterns:
        words = [verb]
        quality = 0
        if p.particle:
            part = particle(p.particle)
            if part is None:
                continue
            words.append(part)
        if p.prep:
            prep = particle(p.prep)
            if prep is not None and dated(prep) and p.prep not in _TIME_PREPS:
                # "called Zelensky on Monday", "fired the minister on Tuesday": a date, not "call on";
                # "pulled the plug on Friday on a planned meeting": the next one may be the pattern's
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == p.prep and
                             c.i > prep.i and not dated(c)), None)
            if prep is None and (p.objects or "dobj" in p.recipient):
                # "shared evidence with X", "recognised the opposition leader as president": the
                # preposition on the object
                prep = next((g for c in verb.children if c.dep_ == "dobj" for g in c.rights
                             if g.dep_ == "prep" and g.lower_ == p.prep), None)
            if prep is None:
                continue
            words.append(prep)
        obj = None
        if p.objects:
            if p.prep not in candidates:
                # with no preposition of its own, a pattern does not take the object of one that
                # another pattern of the verb names: "called on the president" is not "called the president"
                others = frozenset(q.prep for q in patterns if q.prep) if p.prep is None else frozenset()
                circumstance = lexicon.cue("circumstance_preps") | others
                candidates[p.prep] = [_object_words(o, lexicon) for o in _objects(verb, p.prep, lexicon, circumstance)]
            named = [(_names(o, p.objects), o.token) for o in candidates[p.prep]]
            quality, obj = max(named, key=lambda x: x[0], default=(0, None))
            if not quality or obj is None:
                continue
            if obj.i > verb.i:  # "imposed sanctions"; a passive subject stays out of the trigger
                words.append(obj)
        wanted = None if p.clause == "none" else p.clause
        if p.clause and _complement_tense(verb, lexicon.cue("future_aux")) != wanted:
            continue
        rank = (p.specificity, quality)
        if best is None or rank > best_rank:
            best, best_rank = Trigger(verb, p, "verb", tuple(words), obj), rank
    return best


def _past_stem(tok: Token, lexicon: Lexicon) -> list[VerbPattern] | None:
    """Patterns of a past form the small model left unlemmatised ("petitioned", "stopped", "allied")."""
    word = tok.lower_
    if tok.pos_ != "VERB" or lemma(tok) != word or not word.endswith("ed") or len(word) < 6:
        return None
    for stem in (word[:-2], word[:-1], word[:-3] + "y", word[:-3]):
        if stem in lexicon.verbs:
            return lexicon.verbs[stem]
    return None


def _describing(tok: Token, lexicon: Lexicon) -> bool:
    """ "Iran-backed militiamen", "the besieged enclave": a participle before its noun says who or
    what they are, no event."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and lemma(tok) in lexicon.cue("state_participles")


def _nominal(tok: Token, lexicon: Lexicon) -> Trigger | None:
    """ "the lifting of sanctions on Iran", "the suspension of military aid": a verb's noun whose
    "of" phrase names an object of one of the verb's patterns is that pattern."""
    verb = lexicon.nominal_verbs.get(lemma(tok)) or lexicon.nominal_verbs.get(tok.lower_)
    if verb is None or verb not in lexicon.verbs:
        return None
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not of:
        return None
    words = [_object_words(o, lexicon) for o in of]
    best, quality, obj = None, 0, None
    for p in lexicon.verbs[verb]:
        if not p.objects or p.particle or p.prep or p.clause:
            continue
        q, o = max(((_names(w, p.objects), w.token) for w in words), key=lambda x: x[0])
        if q > quality:
            best, quality, obj = p, q, o
    if best is None:
        return None
    own = lexicon.nouns.get(lemma(tok))
    # a noun listed in nouns*.yaml keeps its roles ("the deployment of NATO troops": the troops'
    # side deploys); the verb pattern gives the code
    pattern = replace(own[0], cameo=best.cameo, event=best.event, mode=best.mode,
                      note=f"{own[0].note}; of-object as in: {best.note}") if own else nominal_pattern(best)
    return Trigger(tok, pattern, "noun", (tok,), obj)


def _noun_patterns(tok: Token, lexicon: Lexicon) -> list[NounPattern]:
    """The noun's patterns whose required preposition, if any, follows it ("charges against X")."""
    patterns = lexicon.nouns.get(lemma(tok)) or lexicon.nouns.get(tok.lower_) or []
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    return [p for p in patterns if not p.requires or preps & set(p.requires)]


def find_triggers(sent: Span | Doc, lexicon: Lexicon) -> list[Trigger]:
    """Every event trigger in a sentence, verbs first claiming the nouns they govern."""
    verbs: list[Trigger] = []
    nouns: list[Trigger] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ != "amod"):  # not "free education"
            patterns = lexicon.verbs.get(lemma(tok)) or lexicon.verbs.get(tok.lower_) or _past_stem(tok, lexicon)
            if patterns and (tok.pos_ != "AUX" or tok.dep_ not in ("aux", "auxpass")) and not _describing(tok, lexicon):
                found = match_verb(tok, patterns, lexicon)
                if found:
                    verbs.append(found)
        elif tok.pos_ == "NOUN" and not tok.ent_type_:  # not "Economic Cooperation"
            nominal = _nominal(tok, lexicon)
            if nominal is not None and tok.dep_ != "compound":
                nouns.append(nominal)
                continue
            patterns = _noun_patterns(tok, lexicon)
            if not patterns:
                continue
            if any(c.dep_ == "compound" and lemma(c) in lexicon.cue("document_modifiers") for c in tok.lefts):
                continue  # "a press release", "a news release": a document, not a release
            if tok.dep_ != "compound":
                nouns.append(Trigger(tok, patterns[0], "noun", (tok,)))
            elif (tok.head.pos_ == "NOUN" and lemma(tok.head) in lexicon.cue("event_heads")
                  and not (lexicon.nouns.get(lemma(tok.head)))):
                # "mediation efforts", "aid deliveries": the modifier names the event, the head
                # takes its place in the clause
                nouns.append(Trigger(tok.head, patterns[0], "noun", (tok, tok.head)))
    claimed = {i for t in verbs + nouns if t.object is not None
               for i in (t.object.i, content_head(t.object, lexicon).i)}
    nouns = [n for n in nouns if n.token.i not in claimed]
    # "undertook a mediation mission", "launched a campaign": an empty verb gives way to its noun
    heads = {n.token.i for n in nouns}
    empty = lexicon.cue("empty_verbs")
    verbs = [v for v in verbs if not (v.pattern.specificity == 0 and lemma(v.token) in empty and
                                      any(c.dep_ == "dobj" and c.i in heads for c in v.token.children))]
    return verbs + nouns
