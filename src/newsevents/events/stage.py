"""The event stage: sentences → triggers → roles → modality → coded `Event`s."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import Actor, Document, Event, EventActor
from .act_kind import by_doer, cyber, debt_relief, moved_units, official, type_of, unit_kind
from .context import PRONOUNS, Context, coded, resolve_role, same, span_of, subject_of
from .custody import custodian, dying_verb, not_custody
from .lexicon import Lexicon, NounPattern, VerbPattern
from .linked import (accusation, addressee, blamed_copula, dispatch_purposes, governed, imposed_orders,
                     obligations, protest_topics, ultimatums)
from .matcher import Trigger, content_head, find_triggers, lemma
from .modality import Modality, assess
from .roles import (ActorIndex, Role, actor_like, clause_subject, conjuncts, inner_actors, is_passive, noun_agent,
                    patient, prep_objects, subject)

_HOSTILE_ROOTS = ("13", "14", "15", "16", "17", "18", "19", "20")


def find_events(document: Document, doc: Doc, actors: list[Actor], lexicon: Lexicon) -> list[Event]:
    """Every event reported in the document, sentence by sentence, with ids e1, e2, ...: within a
    sentence the main clause's event comes first (`_clause_depth`), then in text order.

    Args:
        document: the cleaned document; spans are offsets into `document.text`.
        doc: spaCy's parse of `document.match_text`.
        actors: the document's actors, whose mentions give the events' actors and recipients.
        lexicon: from `load_lexicon()`.
    """
    ctx = Context(document, lexicon, ActorIndex(actors),
                  sorted(((m.start, a.country, a) for a in actors if a.country for m in a.mentions),
                         key=lambda x: x[0]))
    events: list[Event] = []
    repaired = _repair_complements(doc, lexicon)
    try:
        for sent in doc.sents:
            events += _sentence_events(sent, ctx)
    finally:
        for tok, dep in repaired:  # the parse is shared with the other stages
            tok.dep_ = dep
    for n, e in enumerate(events, 1):
        e.id = f"e{n}"
    return events


def _repair_complements(doc: Doc, lexicon: Lexicon) -> list[tuple[Token, str]]:
    """ "have sworn to fight", "offered on Sunday to hold talks": a to-infinitive right after a
    verb of promise, plan, refusal or attempt, which spaCy often parses as a purpose clause,
    is the verb's complement (xcomp), as it is for the parses it gets right. Returns the tokens
    relabelled, with their old labels."""
    governors = frozenset().union(*(lexicon.cue(name) for name in (
        "intent_governors", "absorbing_governors", "refusal_governors", "threat_governors", "negating_governors",
        "complement_governors")))
    out = []
    for tok in doc:
        if tok.dep_ != "advcl" or tok.head.i >= tok.i or lemma(tok.head) not in governors:
            continue
        gov = tok.head
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or \
                any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
            continue
        if any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i < tok.i for c in gov.children):
            continue  # "pledged $5 million to help", "agreed to X to Y": a purpose after all
        out.append((tok, tok.dep_))
        tok.dep_ = "xcomp"
    return out


def _sentence_events(sent: SpacySpan, ctx: Context) -> list[Event]:
    lexicon = ctx.lexicon
    triggers = [t for t in find_triggers(sent, lexicon) if _typed(t, lexicon)]  # not "say" (CAMEO 01)
    triggers = _absorb(triggers, lexicon)
    acts = {t.token.i for t in triggers}
    # "will raise duties in retaliation for Washington's tariffs": the act is the retaliation
    triggers = [t for t in triggers if not _manner_of(t, acts, lexicon)]
    stop = {t.token.i for t in triggers}
    ctx.types = {t.token.i: type_of(t, lexicon) for t in triggers}
    found: list[tuple[Trigger, list[Event]]] = [(trig, _events(trig, sent, stop, ctx)) for trig in triggers]
    governed(found)
    imposed_orders(found, lexicon)
    dispatch_purposes(found, lexicon)
    ultimatums(found)
    # debt relief agreed to comes before the agreement (debt_relief)
    depth = {id(e): _clause_depth(trig.token, lexicon) - (1.5 if e.explain.get("debt_relief") else 0)
             for trig, evs in found for e in evs}
    ours = protest_topics(found, ctx) + obligations(sent, stop, ctx)
    # the main clause's event first, then those of subordinate, purpose and circumstance
    # clauses; text order among equals
    ours.sort(key=lambda e: (depth.get(id(e), 0), e.trigger.start))
    return ours


_SUBORDINATE = ("advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "csubj", "csubjpass", "parataxis", "amod",
                "npadvmod")


def _clause_depth(tok: Token, lexicon: Lexicon) -> int:
    """How many clauses down from the sentence's main clause a trigger is: "agreed to cancel"
    puts the cancelling one below the agreeing, "clashed after a rally" the rally one below. The
    reported content of a verb of saying counts as the main clause ("officials said X attacked
    Y"), as do coordinated verbs; an attribution ("according to a report") is one below, a
    relative clause two (it tells about someone, not what the sentence reports); so is a phrase
    fronted before its verb."""
    speech = lexicon.cue("speech_verbs")
    circumstance = lexicon.cue("circumstance_preps") | {"according"}
    depth = 0
    for _ in range(16):
        dep, gov = tok.dep_, tok.head
        if gov.i == tok.i:
            break
        if dep == "relcl":
            depth += 2  # "X, whose forces fought a war in 1998, reopened ...": background on X
        elif dep in _SUBORDINATE and not (dep in ("ccomp", "parataxis", "advcl") and lemma(gov) in speech):
            depth += 1
        elif dep == "prep" and (tok.lower_ in circumstance or tok.i < gov.i and gov.pos_ in ("VERB", "AUX")):
            depth += 1  # "after the talks"; a fronted phrase: "With the signing of a memorandum, X agreed"
        tok = gov
    return depth


def _absorb(triggers: list[Trigger], lexicon: Lexicon) -> list[Trigger]:
    """ "vowed to fight", "vowed that the army would fight", "threatened to impose a curfew": the
    bare promise or threat gives way to the act it governs, which is coded as the intent or threat
    of that act; "helped broker a ceasefire": the help gives way to the act helped; "bowed to the
    protests and stepped down": the yielding gives way to the act it yields; so does a threat or
    vow named as a noun ("Erdogan's threat to expel the ambassadors")."""
    at = {t.token.i: t for t in triggers}
    helping = lexicon.cue("helping_verbs")
    absorbing = lexicon.cue("absorbing_governors") | helping

    def absorbed_by(t: Trigger, c: Token) -> bool:
        if c.i in at:  # "helped defend Saudi Arabia" is aid, not a verbal defence (052)
            return not (lemma(t.token) in helping and at[c.i].pattern.cameo == "052")
        return any(g.dep_ == "dobj" and g.i in at for g in c.children)

    def yielded(t: Trigger) -> bool:  # "bowed to the protests and stepped down": the stepping down
        tok = t.token
        acts = [c for c in tok.children if c.dep_ in ("conj", "advcl")] + \
            ([tok.head] if tok.dep_ in ("conj", "advcl") else [])
        return lemma(tok) in lexicon.cue("yielding_verbs") and any(a.i in at for a in acts)

    def promised_act(t: Trigger) -> bool:  # "his threat to expel the ambassadors": the expulsion
        return t.kind == "noun" and lemma(t.token) in lexicon.cue("absorbing_nouns") and any(
            c.dep_ == "acl" and c.i in at and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in t.token.children)

    return [t for t in triggers if not (
        t.kind == "verb" and t.pattern.specificity == 0 and lemma(t.token) in absorbing and
        any(c.dep_ == "xcomp" and absorbed_by(t, c) or
            c.dep_ == "ccomp" and c.i in at and lemma(t.token) not in helping for c in t.token.children)
    ) and not yielded(t) and not promised_act(t)]


def _manner_of(trig: Trigger, acts: set[int], lexicon: Lexicon) -> bool:
    """ "in retaliation for X" in a sentence with another act: how that act is done (also when
    spaCy hangs it on the verb of saying: "will raise duties, the ministry said, in retaliation")."""
    tok = trig.token
    return trig.kind == "noun" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
        lemma(tok) in lexicon.cue("manner_nouns") and bool(acts - {tok.i})


def _typed(trig: Trigger, lexicon: Lexicon) -> bool:
    if trig.kind == "noun" and trig.token.dep_ == "pobj" and trig.token.head.lower_ == "in" and \
            lemma(trig.token) in lexicon.cue("manner_nouns") and not any(c.dep_ == "prep" for c in trig.token.children):
        return False  # "expelled 20 diplomats in retaliation": the expulsion is the act
    row = lexicon.code(trig.pattern.cameo)
    return bool(trig.pattern.event or (row and row.event))


def _event_verb(trig: Trigger, lexicon: Lexicon) -> tuple[Token | None, bool]:
    """The verb whose clause carries the event, and whether it lends the event its subject."""
    tok = trig.token
    if trig.kind == "verb":
        return tok, True
    dying = dying_verb(tok, lexicon)
    if dying is not None:  # "died as a result of torture": the act is not the dead man's
        return dying, False
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and \
            lemma(head.head) in lexicon.cue("partitive_heads") and head.head.pos_ == "NOUN":
        # "the first day of a strike", "10 days of war games": the measure stands for the event
        return _event_verb(Trigger(head.head, trig.pattern, "noun", (head.head,)), lexicon)
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        if head.head.pos_ in ("VERB", "AUX") and (head.lower_ in ("for", "in", "into") or (
                head.lower_ == "on" and lemma(head.head) in lexicon.cue("state_verbs")) or (
                head.lower_ == "to" and lemma(head.head) in lexicon.cue("return_verbs"))):
            # "returned to peace negotiations", "went back to the talks": the subject is in them
            return head.head, True  # "returned to Geneva for talks", "engaged in ethnic cleansing"
        if (head.lower_ in lexicon.cue("circumstance_preps") or head.lower_ in lexicon.cue("reason_preps")) and \
                head.head.pos_ in ("VERB", "AUX"):
            # "backed Lukashenko amid mass protests", "slapped sanctions on X over the poisoning of
            # Y": not the backer's protests nor the sanctioner's poisoning
            return head.head, False
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass", "nsubj", "attr", "conj", "appos"):
        return None, False
    if tok.dep_ == "conj":
        return _event_verb(Trigger(head, trig.pattern, "noun", (head,)), lexicon)
    if head.pos_ == "NOUN" and lemma(head) in lexicon.cue("intent_nouns") and tok.dep_ == "pobj":
        return head, False  # "plans for a first summit between Biden and Putin": a summit planned
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and lemma(head) in lexicon.cue("willingness_governors"):
        return head, True  # "Iran is open to talks": the adjective carries the intent, the subject is Iran's
    if head.pos_ not in ("VERB", "AUX"):
        return None, False
    light = lemma(head) in lexicon.cue("light_verbs") and tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass")
    return head, light


def _actor_role(trig: Trigger, verb: Token | None, light: bool, lexicon: Lexicon) -> Role | None:
    if trig.kind == "verb":
        doer = subject(trig.token, lexicon)
        if doer is None and is_passive(trig.token):  # "was tortured in police custody"
            return custodian([trig.token], lexicon)
        return doer
    pattern = trig.pattern
    assert isinstance(pattern, NounPattern)
    if verb is not None and _joined(trig.token, verb, lexicon):
        doer = subject(verb, lexicon)
        if doer is not None:  # "took part in the Zapad-2021 exercises": not the exercise's name
            return Role(doer.heads, f"in<{lemma(verb)}.{doer.path}")
    own = noun_agent(trig.token, pattern.agent_preps)
    if own is None and type_of(trig, lexicon).lower() in lexicon.cue("from_source_types"):
        # "criticism from France and Germany", "aid from Britain"; "drew criticism from France",
        # "received support from Canada": the "from" on the verb the act is the object of
        own = prep_objects(trig.token, ("from",)) or (
            prep_objects(verb, ("from",)) if verb is not None and trig.token.dep_ == "dobj" else None)
    if own is None and trig.token.dep_ == "nsubjpass" and lemma(trig.token.head) in lexicon.cue("claim_verbs"):
        by = next((g for c in trig.token.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                  None)
        if by is not None:  # "the attack was claimed by the Islamic State group", "charges ... were announced by"
            return Role(conjuncts(by), f"nsubjpass<{lemma(trig.token.head)}.agent")
    claim = trig.token.head.head if trig.token.dep_ == "pobj" and trig.token.head.lower_ == "for" else None
    if own is None and claim is not None and lemma(claim) in lexicon.cue("responsibility_nouns") and \
            claim.dep_ == "dobj" and claim.head.pos_ == "VERB":
        doer = subject(claim.head, lexicon)  # "the Houthis claimed responsibility for the attack"
        if doer is not None:
            return Role(doer.heads, f"for<{lemma(claim)}<{lemma(claim.head)}.{doer.path}")
    cop = blamed_copula(trig.token, lexicon) if own is None else None
    if cop is not None:
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in ("it", "this", "that", "what", "who"):
            return Role(conjuncts(subj), f"{trig.token.head.lower_}<{lemma(cop)}.nsubj")
    if own is None and verb is not None and trig.token.dep_ == "dobj" and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in trig.token.children):
        light = True  # "reiterated its demand": the possessor is the subject
    if own is None and verb is not None and not light and type_of(trig, lexicon) == "PROTEST" and \
            trig.token.dep_ == "pobj" and trig.token.head.lower_ in ("during", "at", "in", "amid", "amidst"):
        # "youths threw stones during demonstrations", "students clashed with police at a rally":
        # a crowd acting at a protest is the protesters
        crowd = subject(verb, lexicon)
        if crowd is not None and any(lemma(h) in lexicon.cue("crowd_agents") for h in crowd.heads):
            return Role(crowd.heads, f"{trig.token.head.lower_}<{lemma(verb)}.{crowd.path}")
    if own is not None and own.path == "poss" and verb is not None and trig.token.dep_ == "dobj" and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for h in own.heads for c in h.children):
        # "handed in his government's resignation": whose government is the subject's
        doer = subject(verb, lexicon)
        if doer is not None:
            return Role(doer.heads, f"dobj<{lemma(verb)}.{doer.path}")
    if own is not None and own.path == "prep:of" and verb is not None and trig.token.dep_ == "dobj" and \
            lemma(verb) in lexicon.cue("aspect_verbs"):
        doer = subject(verb, lexicon)
        if doer is not None and all(actor_like(h) for h in doer.heads):
            return Role(doer.heads, f"dobj<{lemma(verb)}.{doer.path}")
    if own is None and verb is not None and not light and lemma(verb) in lexicon.cue("dying_verbs"):
        return custodian([trig.token, verb], lexicon)
    if own is not None or verb is None or not light:
        return own
    if trig.token.dep_ == "nsubjpass":
        return None
    if trig.token.dep_ == "pobj" and trig.token.head.lower_ == "for":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:  # "blamed Israel for the bombing": the bombing is Israel's
            return Role(conjuncts(obj), f"dobj<{lemma(verb)}.for")
    return subject(verb, lexicon)


def _recipient_roles(trig: Trigger, verb: Token | None, event_type: str, lexicon: Lexicon,
                     act_type: str = "") -> list[Role]:
    """Candidate recipients, best first; the first naming a known actor wins. `act_type` is the
    type of the act itself when it is promised or refused ("will withdraw troops from Lebanon":
    AGREE, but found where a RETREAT's recipient is)."""
    default = tuple(dict.fromkeys(lexicon.recipient_preps.get(act_type, ()) +
                                  lexicon.recipient_preps.get(event_type, ())))
    tok = trig.token
    out: list[Role | None] = []
    if trig.kind == "verb":
        pattern = trig.pattern
        assert isinstance(pattern, VerbPattern)
        preps = tuple(p for p in pattern.recipient if p not in ("dobj", "dative", "iobj")) or default
        if trig.object is None:
            obj = patient(tok)
        elif "dobj" in pattern.recipient:
            # the matched object is the recipient ("received the Somali foreign minister"), unless it
            # sits under a preposition ("hit Russia with sanctions": then the direct object is)
            obj = Role(conjuncts(trig.object), "dobj") if trig.object.dep_ in ("dobj", "nsubjpass") else patient(tok)
        else:
            obj = None
        receiver = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if receiver is not None and is_passive(tok) and any(c.dep_ == "dobj" for c in tok.children):
            # "Tsimanouskaya was granted a humanitarian visa by Poland": the one given to
            out.append(Role(conjuncts(receiver), "nsubjpass.receiver"))
        if "dobj" in pattern.recipient or not pattern.recipient:
            out.append(obj)
        out.append(prep_objects(tok, preps))
        for word in trig.tokens[1:]:  # "pulled out of the Gaza Strip": the preposition under the particle
            if word.dep_ in ("prt", "prep", "advmod") and word.i != getattr(trig.object, "i", -1):
                out.append(prep_objects(word, preps + ("of",)))
        if trig.object is not None:
            noun = lexicon.nouns.get(lemma(content_head(trig.object, lexicon)))
            if noun and (noun[0].event or getattr(lexicon.code(noun[0].cameo), "event", "")) != event_type:
                # "demanded the withdrawal of Serbian forces from Bosnia": an object that is an
                # event of another kind keeps its own prepositions; its doer is the recipient
                out.append(inner_actors(content_head(trig.object, lexicon)))
            out.append(prep_objects(trig.object, preps))
            # "shipped ventilators and masks to Italy": the preposition on the last conjunct
            out += [prep_objects(g, preps) for g in trig.object.children if g.dep_ == "conj"]
            if event_type in ("AGREE", "THREATEN", "REJECT"):  # "expressed willingness to negotiate with X"
                for g in trig.object.children:
                    if g.dep_ == "acl":  # "rejected an invitation to attend a meeting of Palestinian factions"
                        obj = next((o for o in g.children if o.dep_ == "dobj"), None)
                        out += [prep_objects(g, default + ("to", "with", "for")),
                                inner_actors(content_head(obj, lexicon)) if obj is not None else None]
            out.append(_dative(tok))
        if event_type in ("AGREE", "AID", "COOPERATE"):
            # "pledged $20bn of investment in Pakistan": money put in a place goes to it
            money = [g for c in tok.children if c.dep_ == "dobj" for g in c.subtree
                     if lemma(g) in lexicon.cue("money_purposes")]
            out += [prep_objects(m, ("in", "into")) for m in money]
            if money:
                out.append(prep_objects(tok, ("in", "into")))
        out.append(clause_subject(tok))
        for c in tok.children:
            if c.dep_ == "xcomp":  # "agreed to send troops to Y"
                # "agreed to provide aid for Romania", "refused to hand the pilot to India": the
                # governed act's beneficiary is the recipient of the promise or refusal
                extra = ("to", "for") if event_type in ("AGREE", "THREATEN", "REJECT") else ()
                ruled = [patient(c), prep_objects(c, default + extra)]
                obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                if obj is not None:  # "threatened to break relations with Russia", "to provide $70m for Romania"
                    ruled.append(prep_objects(obj, default + ("with", "against", "on", "to") + extra))
                    ruled.append(inner_actors(content_head(obj, lexicon)))
                # tagged, so that the governed act's own recipient may replace them (linked.governed)
                out += [Role(r.heads, "xcomp:" + r.path) for r in ruled if r is not None]
        # "imposed travel bans and asset freezes on 40 Belarusian officials": spaCy makes "freezes" a
        # verb sharing the subject; its preposition is the act's
        out += [prep_objects(c, preps) for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                not any(g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)]
        objs = [trig.object] if trig.object is not None else [c for c in tok.children if c.dep_ == "dobj"]
        if not objs:  # "denounced as a crime Serbia's suppression of ...": the object parsed under "as"
            objs = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children if g.dep_ == "pobj"
                    for a in [x for x in g.children if x.dep_ in ("appos", "dobj")] + [g]]
        if pattern.prep:  # "called for sanctions against Nigeria"
            objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == pattern.prep
                     for g in c.children if g.dep_ == "pobj"]
        for obj in objs[:2]:  # "rejected an Indian proposal", "demanded the withdrawal of Serbian forces"
            out.append(inner_actors(content_head(obj, lexicon)))
            # "insisted on its demands that Burundi's government grant ...": the clause's subject
            out += [subject_of(c) for c in content_head(obj, lexicon).children if c.dep_ in ("acl", "ccomp")]
        if event_type == "PROTEST":  # "in defiance of Chinese authorities", "in protest at X's arrest"
            out += [prep_objects(g, ("of", "against", "at", "over")) for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                    if g.dep_ == "pobj" and lemma(g) in lexicon.cue("protest_stances")]
            # "blocked a road to show their anger at the United States' policies": what the
            # purpose clause's stance is aimed at
            for c in tok.children:
                if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    for stance in (g for g in c.children if g.dep_ == "dobj"):
                        aimed = prep_objects(stance, ("at", "for", "over", "against", "with", "toward", "towards"))
                        out += [aimed, inner_actors(aimed.heads[0]) if aimed is not None else None]
        if tok.dep_ == "amod" and event_type == "CONSULT":  # "Xi held talks with visiting Imran Khan": Xi hosts
            clause = tok.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            out.append(subject(clause, lexicon) if clause.pos_ in ("VERB", "AUX") else None)
        if tok.dep_ in ("advcl", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
                lemma(tok.head) not in lexicon.cue("request_verbs"):
            # "wrote to X asking for Y", "will dispatch a delegation to Pyongyang to discuss"; not
            # what is asked ("demanded parties to the conflict to allow ...": spaCy's purpose clause)
            out.append(prep_objects(tok.head, ("to", "with")))
    else:
        pattern = trig.pattern
        assert isinstance(pattern, NounPattern)
        preps = pattern.recipient_preps or default
        if verb is not None and tok.dep_ == "pobj" and tok.head.lower_ == "at" and \
                lemma(tok) in lexicon.cue("asking_nouns"):
            out.append(subject(verb, lexicon))  # "sent troops at the request of Tokayev": asked of the sender
        out.append(prep_objects(tok, preps))
        if verb is not None and getattr(dying_verb(tok, lexicon), "i", -1) == verb.i:
            # "a prisoner died of torture in police custody": the one who died, not where he was held
            out.append(subject(verb, lexicon))
            return not_custody(out, lexicon)
        # "sanctions imposed by the EU on Chinese officials": the preposition on the participle
        out += [prep_objects(c, preps) for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if verb is not None and tok.dep_ == "dobj" and lemma(verb) in lexicon.cue("incurring_verbs"):
            # "Turkey's purchase of the S-400 drew US sanctions", "Iran faces new sanctions": the
            # subject, or whose act it is, bears them
            bearer = subject(verb, lexicon)
            if bearer is not None:
                out += [bearer] + [inner_actors(h) for h in bearer.heads]
        if verb is not None:
            out.append(prep_objects(verb, preps))
            out.append(_dative(verb))
            if tok.dep_ == "dobj":  # "reiterated its demand today that Israel ease ...": the clause on the verb
                out.append(clause_subject(verb))
        for c in tok.children:  # "the attack on X" parsed with "on" under "of"
            if c.dep_ == "poss" and pattern.agent_preps and "poss" in pattern.recipient_preps:
                out.append(Role([c], "poss"))
            elif c.dep_ in ("acl", "ccomp"):  # "its demand that Israel ease ..."
                out.append(subject_of(c))
                if event_type in ("AGREE", "THREATEN", "REJECT"):  # "its willingness to negotiate with Kabul"
                    out.append(prep_objects(c, default + ("to", "with", "for")))
            elif c.dep_ == "prep" and c.lower_ == "of":  # "a suspension of air links with Serbia"
                out += [prep_objects(g, preps) for g in c.children if g.dep_ == "pobj"]
    if event_type in ("THREATEN", "AGREE") and verb is not None:
        out.append(_condition_subject(verb, lexicon))  # "will close the strait if Washington ..."
    return not_custody(out, lexicon)


_LOCATIVE = ("in", "at", "near", "inside", "outside", "across", "throughout", "into", "on")


def _place(trig: Trigger, verb: Token | None, ctx: Context, actor: list[EventActor]) -> list[EventActor]:
    """The coded place the event's clause puts it in ("in the town of Cizre in southeastern
    Turkey"), other than the actor's own mention."""
    taken = {a.actor_id for a in actor if a.actor_id} | {a.country for a in actor if a.country and not a.actor_id}
    heads = [trig.token] + ([verb] if verb is not None and verb.i != trig.token.i else [])
    if trig.object is not None:  # "lifted a state of emergency in West Darfur"
        heads += [trig.object] + [g for c in trig.object.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in c.children if g.dep_ == "pobj"]
        heads += [c for c in trig.object.children if c.dep_ == "acl"]  # "the curfew imposed in Sudan"
    # "killed 23 people when they blew themselves up in Tel Aviv": the clause of the same moment
    heads += [c for c in (verb or trig.token).children if c.dep_ == "advcl" and
              any(g.lower_ in ("when", "as", "while") for g in c.children if g.dep_ in ("advmod", "mark"))]
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in _LOCATIVE:
                continue
            for pobj in (g for g in c.children if g.dep_ == "pobj"):
                if pobj.ent_type_ not in ("GPE", "LOC", "FAC") and not any(
                        t.ent_type_ in ("GPE", "LOC") for t in pobj.subtree):
                    continue
                for found in resolve_role(Role([pobj], "location"), ctx, trig.token.idx):
                    if (found.code or found.country) and found.actor_id not in taken and found.country not in taken:
                        return [found]
    return []


def _home_organ(role: Role, actor: list[EventActor], ctx: Context, lexicon: Lexicon) -> list[EventActor]:
    """A state organ named with no country ("the government", "the army") is that of the actor's
    own country when the actor is a domestic body (a parliament, a party, protesters)."""
    home = next((a.country for a in actor if a.country and len(a.code or "") > 3 and
                 not (a.code or "").startswith(("IGO", "NGO", "IMG"))), None)
    return _organs_of(role, home, ctx, lexicon)


def _home_actor(role: Role, recipients: list[EventActor], trig: Trigger, verb: Token | None,
                ctx: Context) -> list[EventActor]:
    """A doer that is a state organ named with no country ("the government withdrew the bill",
    "the army deployed") is of the country the event happens in, else of the one country the
    document is about (two thirds of its coded mentions), unless that is the recipient's."""
    organs = _organ_sectors(ctx.lexicon.cue("home_organs"))
    if not role.heads or any(lemma(h) not in organs for h in role.heads):
        return []  # most uncoded doers are no organ: nothing to look up
    place = _locale(trig, verb, ctx)
    home = place.country if place is not None else None
    if home is None:
        theirs = {r.country for r in recipients}
        counts = Counter(c for _, c, _ in ctx.countries if c and c not in theirs and c not in ("IGO", "NGO", "IMG"))
        top = counts.most_common(1)
        home = top[0][0] if top and top[0][1] * 3 >= 2 * sum(counts.values()) else None
    return _organs_of(role, home, ctx, ctx.lexicon) if home not in {r.country for r in recipients} else []


@lru_cache(maxsize=4)
def _organ_sectors(cue: frozenset[str]) -> dict[str, str]:
    """frames.yaml `home_organs` ("government:gov") as organ word → sector."""
    return dict(w.split(":") for w in cue)


def _organs_of(role: Role, home: str | None, ctx: Context, lexicon: Lexicon) -> list[EventActor]:
    """The organs `role` names, as `home`'s; none when one is no organ or names its own country."""
    organs = _organ_sectors(lexicon.cue("home_organs"))
    out = []
    for h in role.heads:
        sector = organs.get(lemma(h))
        if home is None or sector is None or any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "ADJ")
                                                 and c.lower_ not in lexicon.cue("countryless_modifiers")
                                                 for c in h.lefts):
            return []  # "the Afghan government" names its own country
        start = min([h.idx] + [c.idx for c in h.lefts])
        out.append(EventActor(text=ctx.document.text[start:h.idx + len(h)], start=start, end=h.idx + len(h),
                              code=home + sector.upper(), country=home, sector=sector.upper(), actor_id=None))
    return out


def _joined(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    """`noun` is the event `verb` joins: "took part in the exercises", "participated in", "joined the drills"."""
    word = lemma(verb)
    if word not in lexicon.cue("participation_verbs"):
        return False
    if word == "join":
        return noun.dep_ == "dobj" and noun.head.i == verb.i or noun.dep_ == "pobj" and noun.head.head.i == verb.i
    into = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i == verb.i
    return into and (word != "take" or any(c.lower_ == "part" for c in verb.children))


def _joint(trig: Trigger, actor: list[EventActor]) -> bool:
    """ "French and Egyptian warships launched war games", "joint exercises with Y", "took part
    in Russia's manoeuvres"."""
    words = [trig.token] + ([trig.object] if trig.object is not None else [])
    host = next((c for c in trig.token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if trig.kind == "noun" and host is not None and trig.token.dep_ == "pobj" and trig.token.head.lower_ == "in" \
            and not any(host.lower_ in (a.text or "").lower() for a in actor):
        return True  # another's exercise joined
    if any(c.lower_ in ("joint", "combined", "bilateral", "trilateral") for w in words for c in w.lefts):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(actor_like(g) for g in c.children if g.dep_ == "pobj")
           for w in words for c in w.children):
        return True  # "drills with Egypt", not "test-fired a missile with a range of 290 km"
    if any(a.dep_ == "acl" and a.lemma_ in ("join", "accompany") and any(g.dep_ == "agent" for g in a.children)
           for c in trig.token.children if c.dep_ == "nsubj" for a in c.children):
        return True  # "Iran's navy, joined by Russian and Chinese warships, began drills"
    return len({a.country for a in actor if a.country}) > 1


def _condition_subject(verb: Token, lexicon: Lexicon) -> Role | None:
    """The subject of the condition a threat or an offer hangs on ("threatened to resume the
    offensive unless Kurdish fighters left", "offered to dismantle it if the United States
    takes corresponding measures"): who the threat or offer is addressed to."""
    marks = lexicon.cue("condition_marks")
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    up = verb
    for _ in range(2):
        if up.dep_ not in ("xcomp", "ccomp") or up.head.i == up.i:
            break
        up = up.head
        heads.append(up)
    for head in heads:
        for c in head.children:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children):
                role = subject_of(c)
                if role is not None:
                    return Role(role.heads, "condition.nsubj")
    return None


_LOCALE_PREPS = _LOCATIVE + ("outside", "near", "through", "along", "around", "within")


def _locale(trig: Trigger, verb: Token | None, ctx: Context, extra: list[Token] | None = None) -> EventActor | None:
    """The coded country the event's clause places it in, looking one phrase deep ("rallied
    outside the US embassy in Baghdad"); `extra` are more phrases to look in."""
    heads = [trig.token] + ([verb] if verb is not None and verb.i != trig.token.i else []) + (extra or [])
    heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]  # "blocked streets in Hong Kong"
    if trig.object is not None:  # "was put under investigation in Italy"
        heads.append(trig.object)
    frontier = [(h, 0) for h in heads]
    while frontier:
        head, depth = frontier.pop(0)
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in _LOCALE_PREPS:
                continue
            # "outside of the Iraqi city of Basra": the object under "of"
            pobjs = [g for g in c.children if g.dep_ == "pobj"] + [
                g for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for g in o.children if g.dep_ == "pobj"]
            for pobj in pobjs:
                # a place's name, whatever the recogniser made of it ("in western Niger" as a PERSON)
                if pobj.ent_type_ in ("GPE", "LOC", "FAC") or pobj.pos_ == "PROPN" or any(
                        t.ent_type_ in ("GPE", "LOC", "NORP") for t in pobj.subtree):
                    for found in resolve_role(Role([pobj], "location"), ctx, trig.token.idx):
                        if found.country and not found.actor_id or found.country and found.code == found.country:
                            return found
                if depth < 1:
                    frontier.append((pobj, depth + 1))
    return None


def _unattributed(actor: list[EventActor], role: Role | None, lexicon: Lexicon) -> bool:
    """Whether an attack names no doer: none at all, or only the weapon ("a roadside bombing",
    "an improvised explosive device", "a minefield explosion")."""
    if role is None or not role.heads:
        return not actor
    return not coded(actor) and all(lemma(content_head(h, lexicon)) in lexicon.cue("inanimate_agents")
                                     for h in role.heads)


def _localised(actor: list[EventActor], role: Role | None, event_type: str, trig: Trigger, verb: Token | None,
               ctx: Context) -> list[EventActor]:
    """An uncoded local doer ("police", "demonstrators", "students") takes the country of the
    place the event happens in; protesters of any kind do so, and so do gunmen, militants and
    other armed groups named by no country ("suspected jihadists ambushed a convoy in eastern
    Burkina Faso")."""
    if not actor or coded(actor) or role is None:
        return actor
    local = ctx.lexicon.cue("local_agents")
    if event_type in ("ASSAULT", "COERCE"):
        local = local | ctx.lexicon.cue("armed_agents")
    if event_type != "PROTEST" and not any(lemma(h) in local or h.lower_ in local for h in role.heads):
        return actor
    place = _locale(trig, verb, ctx)
    if place is None:
        return actor
    return [replace(a, code=place.country, country=place.country) for a in actor]


def _person_like(head: Token, lexicon: Lexicon) -> bool:
    """An uncoded phrase that can still be a recipient: it names people ("three suspected
    militants"), or a person, group or place, but is not itself an event ("a raid in Kashmir")."""
    word = lemma(head)
    if word in lexicon.cue("person_nouns"):
        return True
    return actor_like(head) and word not in lexicon.nouns


def _own(role: Role, found: list[EventActor], actor: list[EventActor], commands: bool) -> bool:
    """ "its forces", "their ambassador": the actor's own people, coded to the actor's country;
    and the forces it mobilizes or orders ("Russia mobilized reservists", "to order the army to")."""
    own_country = {a.country for a in actor if a.country}
    if not (found and coded(found) and {f.country for f in found} <= own_country):
        return False
    return commands and role.path == "dobj" or \
        all(any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in h.children) for h in role.heads)


def _expanded(roles: list[Role]):
    """Each candidate recipient, then the actors inside it when it is a thing, not an actor:
    "conceded to demands from UNITA", "complained over Israeli air raids"."""
    for role in roles:
        yield role
        for head in role.heads:
            if head.pos_ == "NOUN" and not head.ent_type_:
                inner = inner_actors(head)
                if inner is not None:
                    yield inner


def _dative(verb: Token) -> Role | None:
    for c in verb.children:
        if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return Role([c], "dative")
    return None


def _events(trig: Trigger, sent: SpacySpan, stop: set[int], ctx: Context) -> list[Event]:
    lexicon = ctx.lexicon
    pattern = trig.pattern
    verb, light = _event_verb(trig, lexicon)
    mod = assess(verb, lexicon, stop - {trig.token.i}) if verb is not None else Modality()
    if trig.kind == "noun":
        mod.negated = mod.negated or any(c.lower_ == "no" for c in trig.token.children if c.dep_ == "det")
        if verb is not None and ctx.types.get(verb.i) in ("REQUEST", "THREATEN") and verb.i != trig.token.i:
            mod.hypothetical = True  # "called for sanctions", "threatened a boycott": not (yet) done
            mod.cues.append(lemma(verb))
    cameo = pattern.cameo
    rule = None
    framed = mod.governor is not None and mod.governor.i in stop
    claimant_role = subject(mod.speech, lexicon) if mod.speech is not None else None
    claimant = resolve_role(claimant_role, ctx, trig.token.idx)

    actor_role = _actor_role(trig, verb, light, lexicon)
    moved = moved_units(trig, actor_role, lexicon)
    if moved is not None:
        # "Eighty UN peacekeepers were shipped out of Gorazde", "US troops were deployed to
        # Kuwait": forces moved with no one named are moved by whom they belong to
        actor_role = moved
    actor = resolve_role(actor_role, ctx, trig.token.idx)
    pronoun = actor_role is not None and all(h.lower_ in PRONOUNS for h in actor_role.heads)
    told = addressee(verb, lexicon) if pronoun and mod.obligation and verb is not None and \
        verb.dep_ in ("ccomp", "acl") and verb.i == trig.token.i else None
    if told is not None and resolve_role(told, ctx, trig.token.idx):
        # "told Ukraine that it must withdraw": who is told to is who must
        actor_role, actor = told, resolve_role(told, ctx, trig.token.idx)
    elif not actor and mod.ruled_out and claimant:
        actor = claimant  # "removing the sanctions is out of the question, US officials said": theirs to refuse
    elif not coded(actor) and pronoun and (coded(claimant) or claimant and not actor):
        # "Hungary said it will support ...", "Militants ... said they attempted to ...": the speaker
        actor = claimant
    elif not coded(actor) and coded(claimant) and actor_role is not None and all(
            any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in h.children) for h in actor_role.heads):
        # "The Israeli military said its jets struck ...": the speaker's own forces
        actor = claimant
    # A future act ("X will support Y", "X plans to visit Y") is a statement of intent; a hostile
    # act in the future or under a condition ("may halt mediation if ...") is a threat; a
    # cooperative act declined ("declined to resign") is a refusal.
    governor = lemma(mod.governor) if mod.governor is not None else ""
    hostile = cameo[:2] in _HOSTILE_ROOTS
    # "declined to resign"; "failed to reach agreement": an agreement that fails is not reached
    will = mod.future and any(c in lexicon.cue("future_aux") for c in mod.cues)
    # "told Abe that he would not negotiate with the United States", "will not withdraw": a
    # cooperative act declared not to come is a refusal
    refused = mod.negated and not hostile and (governor in lexicon.cue("refusal_governors") or mod.ruled_out or (
        governor in lexicon.cue("failure_governors") and type_of(trig, lexicon) == "AGREE") or
        mod.future and (will or mod.speech is not None))
    # "will meet in Geneva", "will visit Moscow": a future meeting is an AGREE (manual, CONSULT),
    # as when a speaker reports it; "is scheduled to meet" stays a CONSULT marked future
    promised = mod.intent or (mod.future and mod.speech is not None) or will
    threat = mod.conditional and hostile and (will or mod.speech is not None)  # "will/may halt X unless ..., Y said"
    # "agreed to cancel $14 billion of Iraq's debt", "pledged to write off loans": debt relief
    # agreed or promised is coded as the aid itself (PLOVER manual, AID), and is the main event
    relief = debt_relief(trig, lexicon) and not mod.negated and not mod.conditional
    # "the army prepared to resume shelling", "troops are poised to invade": armed forces made
    # ready for an attack are a show of force (152), not the attack
    readied = cameo[:2] in ("18", "19", "20") and not mod.negated and \
        any(c in lexicon.cue("readiness_governors") for c in mod.cues + [governor]) and \
        (unit_kind(actor_role.heads if actor_role else [], actor, lexicon) == "military" or
         any((a.code or "")[3:6] in ("MIL", "UAF") for a in actor))
    # "offered to hold talks with X", "agreed to provide aid": an act offered or agreed to is
    # itself coded as the agreement to it (PLOVER AGREE), besides the offer
    offered = framed and not mod.negated and (mod.intent or ctx.types.get(mod.governor.i) == "AGREE" and mod.future) \
        and type_of(trig, lexicon) in ("CONSULT", "SUPPORT", "COOPERATE", "AID")
    # joint exercises are military cooperation, not a show of force, also when only planned
    joint = cameo == "150" and _joint(trig, actor)
    if joint:
        cameo = "062"
    elif cameo in lexicon.cue("joint_openings") and len({a.country for a in actor if a.country}) > 1:
        # "Ethiopia and Eritrea reopened two border crossings": opened by both sides, trade, not a concession
        cameo, joint = "061", True
    # "Armenian and Azerbaijani forces stopped shooting": fighting that stops is de-escalation
    ceased = mod.negated and hostile and cameo[:2] in ("18", "19", "20") and \
        governor in lexicon.cue("cessation_governors")
    # "China has stopped buying Australian coal", "halted aid to Myanmar": cooperation that stops is
    # a sanction (embargo 163, aid cut 162), not a negated trade
    halted = mod.negated and cameo[:2] in ("06", "07") and governor in lexicon.cue("cessation_governors")
    if readied:
        cameo, rule = "152", "readiness"
    elif ceased:
        cameo, rule = "087", "ceased"
        mod.negated = False
    elif halted:
        cameo, rule = ("163" if cameo[:3] == "061" else "162"), "halted"
        mod.negated = False
    elif (not framed and (promised or refused or threat) or offered) and not relief:
        table = lexicon.refusal if mod.negated else lexicon.intent
        new = lexicon.by_prefix(table, cameo)
        if governor in lexicon.cue("threat_governors") and not (new or "").startswith("13") and not mod.negated:
            new = "130"  # "threatened to order the army to act": whatever is threatened is a threat
        if new:
            cameo, rule = new, "refusal" if mod.negated else "intent"
            mod.negated = False
            mod.future = False
    doer = by_doer(trig, actor_role, actor, cameo, lexicon) if rule is None and not joint else None
    if doer:
        cameo, joint = doer, True  # "protesters stormed", "a raid by Boko Haram fighters": typed by the code
    row = lexicon.code(cameo)
    event_type = (pattern.event if rule is None and not joint and pattern.event else None) or \
        (row.event if row else None) or ("REQUEST" if cameo[:2] == "02" else None)  # appeals (verbs.yaml header)
    if rule == "intent" and pattern.cameo[:2] == "08" and cameo[:2] == "03" and \
            governor not in lexicon.cue("willingness_governors"):
        # PLOVER 2.0 manual, CONCEDE: a declared future concession or withdrawal ("will withdraw
        # its troops", "said it would lift the ban") is a concession; a willingness ("is ready to
        # withdraw", "offered to release") stays an AGREE
        event_type = "CONCEDE"
    if not event_type:
        return []

    recipients: list[EventActor] = []
    recipient_path = None
    reciprocal = False
    act_row = lexicon.code(pattern.cameo)
    act_type = (pattern.event or (act_row.event if act_row else "")) if rule else ""
    # forces mobilized, or ordered in a threat ("threatened to order the army to act against South
    # Korea"), are the actor's own; a plain order keeps them as its recipient (linked.imposed_orders)
    commands = event_type == "MOBILIZE" or \
        event_type != "REQUEST" and lemma(trig.token) in lexicon.cue("command_verbs")
    for role in _expanded(_recipient_roles(trig, verb, event_type, lexicon, act_type)):
        if any(h.lower_ == "other" and any(c.lower_ in ("each", "one") for c in h.lefts) or
               " ".join(t.lower_ for t in h.subtree) in lexicon.cue("reciprocal_words") for h in role.heads):
            reciprocal, recipient_path = True, role.path
            break
        if actor_role is not None and set(role.heads) & set(actor_role.heads):
            # "With the signing of a memorandum, X and Y agreed": a misparse put the doers in the phrase too
            role = Role([h for h in role.heads if h not in actor_role.heads], role.path)
        found = [r for r in resolve_role(role, ctx, trig.token.idx) if not same([r], actor) and
                 (r.code or r.country or any(_person_like(h, lexicon) for h in role.heads))]
        if not found and (role.path in ("dobj", "dative", "ccomp.nsubj") or role.path.startswith("prep:")) and \
                lemma(trig.token) not in lexicon.cue("command_verbs"):  # "ordered the army to ...": one's own
            # "Iraq's parliament called on the government": the actor's own country's
            found = _home_organ(role, actor, ctx, lexicon)
        if _own(role, found, actor, commands):  # "agreed to withdraw its forces": the actor's own, not a recipient
            continue
        if found and (coded(found) or not recipients):
            recipients, recipient_path = found, role.path
            if coded(found):
                break
    if trig.kind == "noun" and not actor and len(recipients) > 1 and \
            (recipient_path or "").endswith("between") and event_type.lower() in lexicon.cue("symmetric_events"):
        # "talks between India and China", "clashes between Azerbaijanis and Armenians": both sides do it
        actor, recipients, recipient_path = recipients, [], None

    actor = _localised(actor, actor_role, event_type, trig, verb, ctx)
    if not actor and event_type == "SANCTION" and trig.kind == "verb" and is_passive(trig.token):
        body = prep_objects(trig.token, ("from",))
        found = resolve_role(body, ctx, trig.token.idx) if body is not None else []
        if found and all((a.code or "").startswith("IGO") for a in found):
            actor = found  # "Mali was suspended from the African Union": the body suspends it
    if any((a.code or "").startswith("IMG") and a.country in (None, "IMG") for a in actor):
        # "an Islamic State suicide bomber blew himself up in Kabul": a transnational group acts in
        # the country where it strikes (its code stays the group's)
        place = _locale(trig, verb, ctx)
        if place is not None:
            actor = [replace(a, country=place.country) if (a.code or "").startswith("IMG") and
                     a.country in (None, "IMG") else a for a in actor]
    if (event_type == "ASSAULT" or event_type in ("COERCE", "ACCUSE") and trig.kind == "verb" and
            is_passive(trig.token)) and rule is None and (trig.kind == "verb" or recipients) and \
            _unattributed(actor, actor_role, lexicon):
        # "three civilians were killed in a car bombing in Baghdad", "a roadside bomb near
        # Samarra killed ...", "a missionary was arrested in Lebanon": no one is named; the act
        # is coded to the country it happens in
        place = _locale(trig, verb, ctx, list(actor_role.heads) if actor_role is not None else None)
        if place is not None:
            named = [m for m in ctx.index.overlapping(place.start, place.end) if m[2].country == place.country]
            if named:  # the place's own name, not the whole phrase: "Baghdad", not "a car bombing in Baghdad"
                s, e, _ = named[-1]
                place = replace(place, text=ctx.document.text[s:e], start=s, end=e)
            actor = [replace(place, code=place.country, sector=None, actor_id=None)]
            actor_role = Role([], "location.unattributed")
    if trig.kind == "noun" and not actor and not recipients and not reciprocal:
        return []  # a bare "the war", "aid": no one does it to anyone here
    if actor and not coded(actor) and actor_role is not None:
        actor = _home_actor(actor_role, recipients, trig, verb, ctx) or actor
    located = lexicon.cue("located_events")
    if not reciprocal and not coded(recipients) and (event_type.lower() in located or act_type.lower() in located):
        # "imposed a curfew in Cizre", "demonstrated in Serbia": done to the place it is done in
        place = _place(trig, verb, ctx, actor)
        if place:
            recipients, recipient_path = place, "location"
    if not reciprocal and not recipients and any(cameo.startswith(c) for c in lexicon.cue("domestic_codes")):
        home = next((a for a in actor if a.country and official(a)), None)
        if home is not None:  # "imposed a nationwide curfew": on its own country
            recipients, recipient_path = [replace(home, code=home.country, sector=None, actor_id=None)], "domestic"
    elif not reciprocal and recipients and not coded(recipients) and \
            event_type.lower() in lexicon.cue("domestic_types"):
        # "prosecutors dropped charges against Musa Aman", "police beat journalists in Kampala": a
        # state's police, courts or government acting on people of no named country act at home
        organs = lexicon.cue("state_organs")
        # "militiamen from the CODECO group hacked 22 civilians to death", "a mob in Dhaka lynched a
        # woman", "farmers protested against the government": people who are no state's forces
        # attack, coerce or protest at home too
        local = event_type.lower() in lexicon.cue("local_types")

        def at_home(a: EventActor) -> bool:
            code = a.code or ""
            # a country named bare is its state: "Myanmar freed two Reuters journalists"
            return code[3:6].lower() in organs or len(code) == 3 and code not in ("IGO", "NGO", "IMG") or \
                local and code[3:6] != "MIL" and not code.startswith("IGO")

        home = next((a for a in actor if a.country and at_home(a)), None)
        if home is not None:
            recipients = [replace(r, code=home.country, country=home.country) for r in recipients]
            recipient_path = f"{recipient_path}.domestic"
    if event_type == "RETREAT" and cameo[:3] == "087" and trig.kind == "verb" and recipients and \
            not any(c.dep_ == "dobj" for c in trig.token.children) and all(
            (r.code or "").startswith("IGO") and "PKO" not in (r.code or "") for r in recipients):
        # "Colombia has formally withdrawn from Unasur": leaving a body is SANCTION withdraw (160)
        cameo, event_type, row = "160", "SANCTION", lexicon.code("160")
    hosted = cameo == "043" and coded(recipients) and bool(actor) and not reciprocal
    if hosted:  # PLOVER codes a visit from the visitor's side (manual, CONSULT): CAMEO 042
        actor, recipients, cameo, row = recipients, actor, "042", lexicon.code("042")
    sentence = span_of(ctx.document, sent.start_char, sent.end_char)
    hacking = cyber(trig)
    base = Event(
        event=event_type, cameo=cameo, actor=actor, recipient=recipients, sentence=sentence,
        trigger=span_of(ctx.document, trig.start, trig.end),
        mode="cyber" if hacking else (row.mode if row else None) or getattr(pattern, "mode", None),
        context=(list(row.context) if row else []) + (["cyber"] if hacking else []), quad=row.quad if row else None,
        goldstein=row.goldstein if row else None, negated=mod.negated,
        location=recipients[0].text if recipient_path == "location" else None,
        modality=_label(mod, claimant, actor, rule, event_type),
        source_of_claim=claimant[0] if claimant and not same(claimant, actor) else None,
        confidence=_confidence(trig, actor, recipients),
        explain=_explain(trig, actor_role, recipient_path, mod, rule, cameo))
    symmetric = reciprocal or (not coded(recipients) and event_type.lower() in lexicon.cue("symmetric_events") and
                               len({a.actor_id or a.text for a in actor}) > 1)
    if relief:
        base.explain["debt_relief"] = True
    if hosted:
        base.explain["visit"] = "hosted (CAMEO 043): the visitor is the actor, the host the recipient"
    out = _directed(base) if symmetric and len(actor) > 1 else [base]
    return out + accusation(trig, base, actor_role, stop, ctx)


def _directed(base: Event) -> list[Event]:
    """A joint or reciprocal event as one event per direction."""
    out = []
    for a in base.actor:
        others = [b for b in base.actor if b is not a]
        out.append(replace(base, actor=[a], recipient=others, explain=dict(base.explain, symmetric=True)))
    return out


def _label(mod: Modality, claimant: list[EventActor], actor: list[EventActor], rule: str | None,
           event_type: str) -> str:
    if rule is not None:
        # "threatened to impose tariffs unless ...": the condition is what is threatened, the
        # threat itself was made; a promise under a condition ("ready to return if ...") is not yet one
        return "hypothetical" if mod.conditional and event_type != "THREATEN" else "asserted"
    label = mod.label
    if label == "asserted" and claimant and actor and not same(claimant, actor) and coded(claimant):
        return "reported"
    return label


def _confidence(trig: Trigger, actor: list[EventActor], recipient: list[EventActor]) -> float:
    score = 0.35 + (0.15 if trig.kind == "verb" else 0.05)
    if isinstance(trig.pattern, VerbPattern) and trig.pattern.specificity:
        score += 0.1
    score += 0.2 if coded(actor) else (0.05 if actor else 0.0)
    score += 0.15 if coded(recipient) else 0.0
    return round(min(score, 0.95), 2)


def _explain(trig: Trigger, actor_role: Role | None, recipient_path: str | None, mod: Modality,
             rule: str | None, cameo: str) -> dict[str, object]:
    p = trig.pattern
    if isinstance(p, VerbPattern):
        entry = {"lemma": p.lemma, "particle": p.particle, "prep": p.prep, "object": list(p.objects) or None,
                 "cameo": p.cameo, "note": p.note}
    else:
        entry = {"noun": p.noun, "cameo": p.cameo, "note": p.note}
    out: dict[str, object] = {
        "lexicon": p.origin, "entry": {k: v for k, v in entry.items() if v},
        "trigger": trig.kind, "actor_path": actor_role.path if actor_role else None,
        "recipient_path": recipient_path,
    }
    if mod.cues:
        out["modality_cues"] = mod.cues
    if mod.speech is not None:
        out["speech_verb"] = lemma(mod.speech)
    if rule:
        out["rule"] = rule
        out["act_cameo"] = p.cameo
    return out
