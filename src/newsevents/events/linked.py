"""Events read together: one event shapes another in the same sentence.

A protest takes the recipient of the demand it voices; a promise, refusal or threat is made to
whom the act it governs is done; an order that restricts its addressee is that restriction;
saying who did an attack accuses them; "X said Y must ..." is a demand on Y.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..records import Event
from .context import PRONOUNS, Context, coded, resolve_role, same, span_of, subject_of
from .lexicon import CameoCode, Lexicon
from .matcher import Trigger, lemma
from .modality import assess
from .roles import Role, actor_like, conjuncts, prep_objects, subject

HOSTILE_TYPES = ("ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE")


def protest_topics(found: list[tuple[Trigger, list[Event]]], ctx: Context) -> list[Event]:
    """ "staged demonstrations to demand reforms", "demonstrated calling for independence": the
    topic of a protest (a demand or a complaint) is not an event of its own (PLOVER manual); the
    protest takes its recipient when it names none."""
    protests = {trig.token.i: evs for trig, evs in found if any(e.event == "PROTEST" for e in evs)}
    if not protests:
        return [e for _, evs in found for e in evs]
    for trig, evs in found:  # "continued their hunger strike to demand ...": the verb stands for its protest
        if trig.kind == "noun" and trig.token.i in protests and trig.token.dep_ == "dobj":
            protests.setdefault(trig.token.head.i, evs)
    out = []
    for trig, evs in found:
        protest = _protest_above(trig.token, protests) if trig.kind == "verb" else None
        # a crowd's demand is typed a protest (act_kind); under a protest it is still its topic
        said = getattr(trig.pattern, "cameo", "")[:2] in ("10", "11", "12")
        if protest is None or not all(e.event in ("REQUEST", "ACCUSE") or e.event == "PROTEST" and said for e in evs):
            out += evs
            continue
        for p in protests[protest]:
            if not coded(p.recipient):
                topic = next((e for e in evs if coded(e.recipient) and not same(e.recipient, p.actor)), None)
                if topic is not None:
                    p.recipient = topic.recipient
                    p.explain["recipient_path"] = "protest_topic"
    return out


def governed(found: list[tuple[Trigger, list[Event]]]) -> None:
    """ "refused to deploy peacekeepers in Iraq", "agreed to send troops to Y": a promise,
    refusal or threat is made to whom the act it governs is done, not to what that act moves;
    so is a threat or vow made in a reported clause ("warned they would strike Saudi facilities").
    A giving or sending with no recipient of its own takes that of its purpose ("is willing to
    send material to help defend Saudi Arabia")."""
    by_token = {trig.token.i: evs for trig, evs in found}
    for trig, evs in found:
        if trig.kind != "verb":
            continue
        # "would not meet demands to release prisoners in Iraq": the clause on the object counts too
        clauses = list(trig.token.children) + [g for g in (trig.object.children if trig.object is not None else ())
                                               if g.dep_ == "acl"]
        for c in clauses:
            purpose = c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            vowed = c.dep_ == "ccomp"  # "warned they would strike X", "vowed that it would defend Y"
            if c.dep_ not in ("xcomp", "acl") and not purpose and not vowed:
                continue
            act = next((e for e in by_token.get(c.i, ()) if coded(e.recipient)), None)
            if act is None:
                continue
            for e in evs:
                path = str(e.explain.get("recipient_path") or "")
                promise = e.event in ("AGREE", "REJECT", "THREATEN") and c.dep_ in ("xcomp", "acl") or \
                    vowed and e.event in ("AGREE", "THREATEN")
                giving = purpose and e.event in ("AGREE", "AID", "MOBILIZE", "SUPPORT", "COOPERATE")
                if (promise or giving) and not same(act.recipient, e.actor) and \
                        (not coded(e.recipient) or promise and path.startswith("xcomp:")):
                    e.recipient = list(act.recipient)
                    e.explain["recipient_path"] = "governed:" + str(act.explain.get("recipient_path"))


def dispatch_purposes(found: list[tuple[Trigger, list[Event]]], lexicon: Lexicon) -> None:
    """What is sent is coded by what it is sent to do. People sent to investigate ("sent 21
    personnel to Bosnia to investigate ...", "dispatched a team to probe the attack") are the
    investigation, as "dispatched inspectors" is, and the purpose is not coded apart. Forces sent
    to a joint exercise are the military cooperation (062). Forces sent to another country to
    help it ("deploying 1,000 soldiers to Mozambique ... to help fight an insurgency") are
    military protection (AID 074), not a show of force, as are forces sent at its request ("flew
    police and soldiers to Honiara at the request of the Solomon Islands")."""
    by_token = {trig.token.i: evs for trig, evs in found}
    protection = lexicon.code("074")
    for trig, evs in found:
        if trig.kind != "verb" or lemma(trig.token) not in lexicon.cue("dispatch_verbs"):
            continue
        tok = trig.token
        if protection is not None and _asked(tok, lexicon):
            for e in evs:
                if e.event == "MOBILIZE" and coded(e.recipient) and \
                        {r.country for r in e.recipient} - {a.country for a in e.actor}:
                    _recode(e, "AID", "074", protection,
                            "forces sent at another country's request: military protection")
        clauses = list(tok.children)
        if tok.dep_ == "xcomp" and lemma(tok.head) in lexicon.cue("aspect_verbs"):
            clauses += [c for c in tok.head.children if c.i > tok.i]  # "began deploying X ..., to help"
        for c in clauses:
            if c.dep_ not in ("advcl", "xcomp") or not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                continue
            probes = [e for e in by_token.get(c.i, ()) if e.event == "ACCUSE" and e.cameo.startswith("09")]
            helped = lemma(c) in lexicon.cue("helping_verbs") | lexicon.cue("protection_purposes")
            # "sent 3,200 soldiers to take part in Russia's Vostok manoeuvres": a joint exercise
            drills = [e for t in c.subtree for e in by_token.get(t.i, ()) if e.cameo == "062"]
            for e in evs:
                if probes and e.event in ("MOBILIZE", "AID"):
                    _recode(e, "ACCUSE", probes[0].cameo, probes[0],
                            "sent to investigate: the investigation (CAMEO 09)")
                elif drills and e.event == "MOBILIZE":
                    _recode(e, "COOPERATE", "062", drills[0], "forces sent to a joint exercise: military cooperation")
                    e.recipient = e.recipient or list(drills[0].recipient)
                elif helped and protection is not None and e.event == "MOBILIZE" and coded(e.recipient) and \
                        {r.country for r in e.recipient} - {a.country for a in e.actor}:
                    _recode(e, "AID", "074", protection,
                            "forces sent to help another country: military protection (AID 074)")
            if probes and any(e.event == "ACCUSE" and "dispatch" in e.explain for e in evs):
                by_token[c.i][:] = [p for p in by_token[c.i] if p not in probes]
            if drills and any(e.cameo == "062" and "dispatch" in e.explain for e in evs):
                for t in c.subtree:  # the exercise is the dispatch's, not coded apart
                    if t.i in by_token:
                        by_token[t.i][:] = [d for d in by_token[t.i] if d not in drills]


def _asked(verb: Token, lexicon: Lexicon) -> bool:
    """The verb is done "at the request of" (or invitation, behest) someone."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        g.dep_ == "pobj" and lemma(g) in lexicon.cue("asking_nouns") for g in c.children) for c in verb.children)


def _recode(e: Event, event: str, cameo: str, like: Event | CameoCode, why: str) -> None:
    """Give `e` another type and code, with the mode, context and scores of `like`."""
    e.event, e.cameo, e.mode, e.context = event, cameo, like.mode, list(like.context)
    e.quad, e.goldstein = like.quad, like.goldstein
    e.explain["dispatch"] = why


def imposed_orders(found: list[tuple[Trigger, list[Event]]], lexicon: Lexicon) -> None:
    """An order that is the act it orders: a restriction imposed on the addressee ("ordered the
    newspaper to suspend publication"), an act ordered done to the addressee ("ordered the
    activist held for 15 days"), or an act of the orderer's own forces ("ordered his forces to
    advance on Tripoli"). The act is done by who orders it, and the order is not coded apart."""
    by_token = {trig.token.i: evs for trig, evs in found}
    for trig, evs in found:
        if trig.kind != "verb" or lemma(trig.token) not in lexicon.cue("coercive_orders"):
            continue
        orders = [e for e in evs if e.event == "REQUEST" and e.actor]
        for c in trig.token.children:
            if c.dep_ != "xcomp":
                continue
            done_to = c.tag_ == "VBN"  # "ordered X held": a passive small clause
            for order in orders:
                own = coded(order.actor) and all(
                    r.country == order.actor[0].country and (r.code or "")[3:6] in ("MIL", "UAF", "COP", "SPY")
                    for r in order.recipient)
                for act in by_token.get(c.i, ()):
                    # "ordered telecoms companies to block social media": uncoded addressees do it
                    restriction = act.event in ("COERCE", "SANCTION") and (
                        same(act.actor, order.recipient) if order.recipient else not coded(act.actor))
                    if not (restriction or done_to or own and same(act.actor, order.recipient)):
                        continue
                    act.actor = list(order.actor)
                    if (restriction or done_to) and order.recipient:
                        act.recipient = list(order.recipient)
                    act.explain["actor_path"] = "ordered:" + str(order.explain.get("actor_path"))
                    if order in evs:
                        evs.remove(order)


def ultimatums(found: list[tuple[Trigger, list[Event]]]) -> None:
    """ "gave Tigrayan forces 72 hours to surrender": the act an ultimatum asks for is not done;
    it is the recipient's to do (hypothetical)."""
    by_token = {trig.token.i: evs for trig, evs in found}
    for trig, evs in found:
        ultimatum = next((e for e in evs if e.cameo == "139" and e.recipient), None)
        if ultimatum is None or trig.kind != "verb":
            continue
        # "72 hours to surrender": the clause may hang on the time given
        clauses = list(trig.token.children) + list(trig.object.children if trig.object is not None else ())
        for c in clauses:
            if c.dep_ not in ("xcomp", "advcl", "acl", "relcl") or \
                    not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                continue
            for act in by_token.get(c.i, ()):
                act.modality = "hypothetical"
                if not coded(act.actor) or same(act.actor, ultimatum.actor):
                    act.actor = list(ultimatum.recipient)
                    act.explain["actor_path"] = "ultimatum:" + str(ultimatum.explain.get("recipient_path"))


def _protest_above(tok: Token, protests: dict[int, list[Event]]) -> int | None:
    for _ in range(3):
        if tok.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "conj", "relcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in protests:
            return tok.i
    return None


def blamed_copula(noun: Token, lexicon: Lexicon) -> Token | None:
    """The "be" of "X was responsible for / was behind the attack", when `noun` is the attack."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "for" and prep.head.dep_ == "acomp" and lemma(prep.head) in lexicon.cue("blame_adjectives"):
        cop = prep.head.head
    elif prep.lower_ == "behind":
        cop = prep.head
    else:
        return None
    return cop if lemma(cop) == "be" else None


def accusation(trig: Trigger, act: Event, actor_role: Role | None, stop: set[int], ctx: Context) -> list[Event]:
    """ "May said Russia was responsible for the attack", "officials said the group was behind the
    bombing": saying who did a hostile act accuses them of it (CAMEO 112)."""
    if trig.kind != "noun" or actor_role is None or not act.actor or act.event not in HOSTILE_TYPES:
        return []
    cop = blamed_copula(trig.token, ctx.lexicon)
    if cop is None:
        return []
    said = assess(cop, ctx.lexicon, stop - {trig.token.i}).speech
    speaker_role = subject(said, ctx.lexicon) if said is not None else None
    speaker = resolve_role(speaker_role, ctx, said.idx) if said is not None else []
    if not speaker or same(speaker, act.actor):
        return []
    row = ctx.lexicon.code("112")
    return [Event(
        event="ACCUSE", cameo="112", actor=speaker, recipient=list(act.actor), sentence=act.sentence,
        trigger=span_of(ctx.document, said.idx, said.idx + len(said)), mode=row.mode if row else None,
        context=list(row.context) if row else [], quad=row.quad if row else None,
        goldstein=row.goldstein if row else None, negated=act.negated,
        confidence=0.6 if coded(speaker) else 0.4,
        explain={"rule": "blame", "act": act.trigger.text, "speech_verb": lemma(said),
                 "actor_path": speaker_role.path if speaker_role else None, "recipient_path": actor_role.path})]


def message_clauses(tok: Token, lexicon: Lexicon) -> list[Token]:
    """The "that" clauses of what a verb says: its complement when it is a verb of saying, the
    clause on its message object otherwise ("issued a stern reminder to Iraq that it must ...")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    word = lemma(tok)
    if word in lexicon.cue("speech_verbs") or word == "warn":
        return [c for c in tok.children if c.dep_ == "ccomp"]
    return [g for c in tok.children if c.dep_ == "dobj" and lemma(c) in lexicon.cue("message_nouns")
            for g in c.children if g.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                      for m in g.children)]


def addressee(clause: Token, lexicon: Lexicon) -> Role | None:
    """Who a reported "that" clause is addressed to: "told Ukraine that ...", "issued a reminder
    to Iraq that ...", "warned Iran that ..."."""
    gov = clause.head
    if gov.pos_ == "NOUN" and gov.dep_ == "dobj":  # the message noun
        on_noun = prep_objects(gov, ("to",))
        if on_noun is not None:
            return on_noun
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in gov.children if c.dep_ == "dobj" and c.i != clause.i and
                lemma(c) not in lexicon.cue("message_nouns")), None)
    if obj is not None and actor_like(obj):
        return Role(conjuncts(obj), "addressee.dobj")
    to = prep_objects(gov, ("to",))
    return Role(to.heads, "addressee." + to.path) if to is not None else None


def obligations(sent: SpacySpan, stop: set[int], ctx: Context) -> list[Event]:
    """ "X said Y must do Z", "X issued a reminder to Y that it must do Z": a demand by X on Y
    (CAMEO 10)."""
    lexicon = ctx.lexicon
    out = []
    for tok in sent:
        if tok.i in stop:
            continue
        for c in message_clauses(tok, lexicon):
            modal = next((a for a in c.children if a.dep_ == "aux" and a.lower_ in ("must", "should", "ought")), None)
            if modal is None:
                continue
            speaker_role, target_role = subject(tok, lexicon), subject_of(c)
            if target_role is not None and all(h.lower_ in PRONOUNS for h in target_role.heads):
                target_role = addressee(c, lexicon) or target_role  # "told Ukraine that it must ..."
            speaker, target = resolve_role(speaker_role, ctx, tok.idx), resolve_role(target_role, ctx, tok.idx)
            if not target or same(speaker, target) or not (coded(target) or actor_like(target_role.heads[0])):
                continue
            row = lexicon.code("10")
            out.append(Event(
                event="REQUEST", cameo="10", actor=speaker, recipient=target,
                sentence=span_of(ctx.document, sent.start_char, sent.end_char),
                trigger=span_of(ctx.document, tok.idx, tok.idx + len(tok)), mode=row.mode if row else None,
                quad=row.quad if row else None, goldstein=row.goldstein if row else None,
                confidence=0.6 if coded(speaker) else 0.4,
                explain={"rule": "obligation", "cue": modal.lower_, "speech_verb": lemma(tok),
                         "actor_path": speaker_role.path if speaker_role else None,
                         "recipient_path": target_role.path}))
    return out
