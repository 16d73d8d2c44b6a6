"""Polarity and modality of an event: negated, future or planned, hypothetical, reported.

The clause of the event is read upwards from its verb: auxiliaries ("will", "would"),
negation, "if"/"unless" clauses, and governing verbs or adjectives ("scheduled to",
"ready to", "refused to"), stopping at a verb of saying.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon
from .matcher import lemma

_CLIMB = ("xcomp", "acomp", "conj", "advcl", "ccomp", "pcomp")


@dataclass(slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False
    intent: bool = False  # "plans to", "is ready to", "will" in the actor's own words
    obligation: bool = False  # "must", "should"
    ruled_out: bool = False  # "removing the sanctions is out of the question": refused by the speaker
    speech: Token | None = None  # the verb of saying whose complement holds the event
    governor: Token | None = None  # the verb or adjective the event's clause depends on
    cues: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.hypothetical or self.conditional:
            return "hypothetical"
        if self.future:
            return "future"
        return "asserted"


def _negated(tok: Token, lexicon: Lexicon) -> bool:
    words = lexicon.cue("negation_words")
    return any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")) or
               (c.dep_ == "aux" and c.lower_ in ("cannot",)) for c in tok.children) or \
        (tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in words for c in tok.children if c.dep_ == "det")) or \
        (tok.pos_ in ("VERB", "AUX") and any(g.dep_ == "det" and g.lower_ == "no" for c in tok.children
                                             if c.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children))
    # "no deadline had been set", "has held no talks": nothing was done


def _read_auxiliaries(tok: Token, m: Modality, lexicon: Lexicon) -> None:
    for c in tok.children:
        if c.dep_ not in ("aux", "auxpass"):
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lexicon.cue("conditional_marks")
                                         for g in c.children):
                m.conditional = True
                m.cues.append("if-clause")
            continue
        word = c.lower_
        if word in lexicon.cue("future_aux"):
            m.future = True
            m.cues.append(word)
        elif word in ("must", "should", "ought"):
            m.obligation = True
            m.hypothetical = True
            m.cues.append(word)
        elif word in lexicon.cue("hypothetical_aux"):
            m.hypothetical = True
            m.cues.append(word)


def _rules_out(copula: Token, lexicon: Lexicon) -> bool:
    """ "... is out of the question", "... is off the table", "... is not an option": the clausal
    subject of this copula is ruled out."""
    if lemma(copula) != "be":
        return False
    said = " ".join(t.lower_ for c in copula.children if c.dep_ in ("prep", "attr", "acomp", "neg")
                    for t in ([c] if c.dep_ == "neg" else c.subtree))
    return any(phrase in said for phrase in lexicon.cue("ruling_out_phrases"))


def assess(verb: Token | None, lexicon: Lexicon, stop: set[int] | None = None) -> Modality:
    """Read the modality of the clause headed by `verb`, climbing to its governors.

    Climbing stops at a verb of saying (recorded as `speech`) and at tokens in `stop`
    (other event triggers, which frame this event and carry their own modality).
    """
    m = Modality()
    if verb is None:
        return m
    tok = verb
    m.negated = _negated(tok, lexicon)
    _read_auxiliaries(tok, m, lexicon)
    if tok.pos_ == "ADJ" and lemma(tok) in lexicon.cue("willingness_governors") or \
            tok.pos_ == "NOUN" and lemma(tok) in lexicon.cue("intent_nouns"):
        # "Iran is open to talks with Saudi Arabia", "plans for a summit": the event noun's governor
        m.intent = True
        m.governor = tok
        m.cues.append(lemma(tok))
    if tok.dep_ == "csubj" and _rules_out(tok.head, lexicon):
        m.negated = m.ruled_out = True
        m.governor = tok.head
        m.cues.append("ruled out")
        tok = tok.head  # on to the verb of saying above, if any
    for _ in range(8):
        if tok.dep_ == "prep" and tok.head.i != tok.i:  # "looking at scheduling ..."
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children) \
                and lemma(tok.head) in lexicon.cue("intent_governors") | lexicon.cue("threat_governors"):
            # "Erdogan's threat to expel the ambassadors", "Netanyahu's vow to annex the Jordan Valley":
            # the act the noun promises or threatens
            m.governor = m.governor or tok.head
            m.intent = True
            m.cues.append(lemma(tok.head))
            break
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            break
        dep, gov = tok.dep_, tok.head
        if lemma(gov) in lexicon.cue("speech_verbs") and dep in ("ccomp", "conj", "advcl") or \
                dep == "ccomp" and gov.dep_ == "ROOT" and lemma(gov) in lexicon.cue("speech_verbs"):
            m.speech = gov
            if "would" in m.cues and not m.obligation:
                m.hypothetical, m.future = False, True  # "said it would allow": the future in the past
            break
        if dep in ("conj", "advcl"):
            if dep == "conj":
                tok = gov
                continue
            mark = next((c.lower_ for c in tok.children if c.dep_ == "mark" and
                         c.lower_ in lexicon.cue("conditional_marks")), None)
            if mark is not None:  # "if Iran attacks Israel, ...": the condition is not a fact
                m.hypothetical = True
                m.cues.append(mark)
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and gov.pos_ in ("VERB", "AUX"):
                # "will dispatch a delegation next week to discuss ...": a purpose shares its verb's future
                _read_auxiliaries(gov, m, lexicon)
                if lemma(gov) in lexicon.cue("request_verbs"):
                    # "demanded parties to the conflict to allow ...": spaCy hangs the act asked
                    # for on the request as a purpose; it is asked for, not done
                    m.governor = gov
                    m.hypothetical = True
                    m.cues.append(lemma(gov))
            break
        m.governor = m.governor or gov
        word = lemma(gov)
        if dep in ("xcomp", "acomp", "ccomp", "pcomp"):
            if word in lexicon.cue("negating_governors") or _negated(gov, lexicon):
                m.negated = m.negated or word in lexicon.cue("negating_governors") or _negated(gov, lexicon)
            if word in lexicon.cue("future_governors"):
                m.future = True
                m.cues.append(word)
            # "Iran wants the United States to lift sanctions": another's act wanted is asked for, not promised
            asked = dep == "ccomp" and any(c.dep_ == "nsubj" for c in tok.children) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            if word in lexicon.cue("intent_governors") and not asked:
                m.intent = True
            if word in lexicon.cue("hypothetical_governors") and (word not in lexicon.cue("intent_governors") or asked):
                m.hypothetical = True
                m.cues.append(word)
            _read_auxiliaries(gov, m, lexicon)
        if stop and gov.i in stop:
            break
        tok = gov
    return m
