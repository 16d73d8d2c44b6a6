"""The event stage: sentences → triggers → roles → modality → coded `Event`s."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import Actor, Document, Event, EventActor, Span
from .lexicon import Lexicon, NounPattern, VerbPattern
from .matcher import Trigger, find_triggers, lemma
from .modality import Modality, assess
from .roles import (ActorIndex, Role, actor_like, clause_subject, noun_agent, patient, prep_objects,
                    resolve, subject)

_PRONOUNS = {"it", "they", "he", "she", "we", "i", "them", "him", "her", "us", "itself", "themselves"}
_HOSTILE_ROOTS = ("13", "14", "15", "16", "17", "18", "19", "20")


@dataclass(slots=True)
class Context:
    """What every event of one document needs."""

    document: Document
    lexicon: Lexicon
    index: ActorIndex
    countries: list[tuple[int, str, Actor]]  # (offset, country, actor) of coded mentions, in order


def find_events(document: Document, doc: Doc, actors: list[Actor], lexicon: Lexicon) -> list[Event]:
    """Every event reported in the document, in text order, with ids e1, e2, ...

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
    for sent in doc.sents:
        triggers = [t for t in find_triggers(sent, lexicon) if _typed(t, lexicon)]  # not "say" (CAMEO 01)
        stop = {t.token.i for t in triggers}
        for trig in triggers:
            events += _events(trig, sent, stop, ctx)
        events += _obligations(sent, stop, ctx)
    events.sort(key=lambda e: (e.trigger.start, e.id))
    for n, e in enumerate(events, 1):
        e.id = f"e{n}"
    return events


def _typed(trig: Trigger, lexicon: Lexicon) -> bool:
    row = lexicon.code(trig.pattern.cameo)
    return bool(trig.pattern.event or (row and row.event))


def _event_verb(trig: Trigger, lexicon: Lexicon) -> tuple[Token | None, bool]:
    """The verb whose clause carries the event, and whether it lends the event its subject."""
    tok = trig.token
    if trig.kind == "verb":
        return tok, True
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass", "nsubj", "attr", "conj", "appos"):
        return None, False
    if tok.dep_ == "conj":
        return _event_verb(Trigger(head, trig.pattern, "noun", (head,)), lexicon)
    if head.pos_ not in ("VERB", "AUX"):
        return None, False
    light = lemma(head) in lexicon.cue("light_verbs") and tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass")
    return head, light


def _actor_role(trig: Trigger, verb: Token | None, light: bool, lexicon: Lexicon) -> Role | None:
    if trig.kind == "verb":
        return subject(trig.token, lexicon)
    pattern = trig.pattern
    assert isinstance(pattern, NounPattern)
    own = noun_agent(trig.token, pattern.agent_preps)
    if own is not None or verb is None or not light:
        return own
    if trig.token.dep_ == "nsubjpass":
        return None
    return subject(verb, lexicon)


def _recipient_roles(trig: Trigger, verb: Token | None, event_type: str, lexicon: Lexicon) -> list[Role]:
    """Candidate recipients, best first; the first naming a known actor wins."""
    default = lexicon.recipient_preps.get(event_type, ())
    tok = trig.token
    out: list[Role | None] = []
    if trig.kind == "verb":
        pattern = trig.pattern
        assert isinstance(pattern, VerbPattern)
        preps = tuple(p for p in pattern.recipient if p not in ("dobj", "dative", "iobj")) or default
        obj = None if trig.object is not None else patient(tok)
        if "dobj" in pattern.recipient or not pattern.recipient:
            out.append(obj)
        out.append(prep_objects(tok, preps))
        if trig.object is not None:
            out.append(prep_objects(trig.object, preps))
            out.append(_dative(tok))
        out.append(clause_subject(tok))
        for c in tok.children:
            if c.dep_ == "xcomp":  # "agreed to send troops to Y"
                out += [patient(c), prep_objects(c, default)]
        if tok.dep_ in ("advcl", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            out.append(prep_objects(tok.head, ("to", "with")))  # "wrote to X asking for Y"
    else:
        pattern = trig.pattern
        assert isinstance(pattern, NounPattern)
        preps = pattern.recipient_preps or default
        out.append(prep_objects(tok, preps))
        if verb is not None:
            out.append(prep_objects(verb, preps))
            out.append(_dative(verb))
        for c in tok.children:  # "the attack on X" parsed with "on" under "of"
            if c.dep_ == "poss" and pattern.agent_preps and "poss" in pattern.recipient_preps:
                out.append(Role([c], "poss"))
    return [r for r in out if r is not None]


def _dative(verb: Token) -> Role | None:
    for c in verb.children:
        if c.dep_ in ("dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return Role([c], "dative")
    return None


def _resolve(role: Role | None, ctx: Context, at: int) -> list[EventActor]:
    if role is None:
        return []
    out: list[EventActor] = []
    for head in role.heads:
        found = resolve(head, ctx.index, ctx.document.text)
        if not found and head.lower_ in _PRONOUNS:
            continue
        if _is_pair(head, ctx) and not any(a.code for a in found):
            found = _pair(ctx, at) or found
        out += found
    return out


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


def _same(a: list[EventActor], b: list[EventActor]) -> bool:
    keys = {x.actor_id or x.text for x in a}
    return bool(keys) and keys == {x.actor_id or x.text for x in b}


def _coded(side: list[EventActor]) -> bool:
    return any(a.code or a.country for a in side)


def _events(trig: Trigger, sent: SpacySpan, stop: set[int], ctx: Context) -> list[Event]:
    lexicon = ctx.lexicon
    pattern = trig.pattern
    verb, light = _event_verb(trig, lexicon)
    mod = assess(verb, lexicon, stop - {trig.token.i}) if verb is not None else Modality()
    if trig.kind == "noun":
        mod.negated = mod.negated or any(c.lower_ == "no" for c in trig.token.children if c.dep_ == "det")
    cameo = pattern.cameo
    rule = None
    framed = mod.governor is not None and mod.governor.i in stop
    claimant_role = subject(mod.speech, lexicon) if mod.speech is not None else None
    claimant = _resolve(claimant_role, ctx, trig.token.idx)

    actor_role = _actor_role(trig, verb, light, lexicon)
    actor = _resolve(actor_role, ctx, trig.token.idx)
    pronoun = actor_role is not None and all(h.lower_ in _PRONOUNS for h in actor_role.heads)
    if not actor and pronoun and claimant:
        actor = claimant  # "Hungary said it will support ...": "it" is the speaker
    # A future act announced or reported ("X will support Y, Z said") is a statement of intent.
    if not framed and (mod.intent or (mod.future and mod.speech is not None)):
        table = lexicon.refusal if mod.negated else lexicon.intent
        new = lexicon.by_prefix(table, cameo)
        if new:
            cameo, rule = new, "refusal" if mod.negated else "intent"
            mod.negated = False
            mod.future = False
    row = lexicon.code(cameo)
    event_type = (pattern.event if rule is None and pattern.event else None) or (row.event if row else None)
    if not event_type:
        return []

    recipients: list[EventActor] = []
    recipient_path = None
    reciprocal = False
    for role in _recipient_roles(trig, verb, event_type, lexicon):
        if any(h.lower_ == "other" and any(c.lower_ in ("each", "one") for c in h.lefts) or
               " ".join(t.lower_ for t in h.subtree) in lexicon.cue("reciprocal_words") for h in role.heads):
            reciprocal, recipient_path = True, role.path
            break
        found = [r for r in _resolve(role, ctx, trig.token.idx) if not _same([r], actor) and
                 (r.code or r.country or any(actor_like(h) for h in role.heads))]
        if found and (_coded(found) or not recipients):
            recipients, recipient_path = found, role.path
            if _coded(found):
                break

    if trig.kind == "noun" and not actor and not recipients and not reciprocal:
        return []  # a bare "the war", "aid": no one does it to anyone here
    sentence = _span(ctx.document, sent.start_char, sent.end_char)
    base = Event(
        event=event_type, cameo=cameo, actor=actor, recipient=recipients, sentence=sentence,
        trigger=_span(ctx.document, trig.start, trig.end),
        mode=(row.mode if row else None) or getattr(pattern, "mode", None),
        context=list(row.context) if row else [], quad=row.quad if row else None,
        goldstein=row.goldstein if row else None, negated=mod.negated,
        modality=_label(mod, claimant, actor, rule),
        source_of_claim=claimant[0] if claimant and not _same(claimant, actor) else None,
        confidence=_confidence(trig, actor, recipients),
        explain=_explain(trig, actor_role, recipient_path, mod, rule, cameo))
    symmetric = reciprocal or (not _coded(recipients) and event_type.lower() in lexicon.cue("symmetric_events") and
                               len({a.actor_id or a.text for a in actor}) > 1)
    if symmetric and len(actor) > 1:
        return _directed(base)
    return [base]


def _directed(base: Event) -> list[Event]:
    """A joint or reciprocal event as one event per direction."""
    out = []
    for a in base.actor:
        others = [b for b in base.actor if b is not a]
        out.append(replace(base, actor=[a], recipient=others, explain=dict(base.explain, symmetric=True)))
    return out


def _label(mod: Modality, claimant: list[EventActor], actor: list[EventActor], rule: str | None) -> str:
    if rule is not None:
        return "hypothetical" if mod.conditional else "asserted"
    label = mod.label
    if label == "asserted" and claimant and actor and not _same(claimant, actor) and _coded(claimant):
        return "reported"
    return label


def _obligations(sent: SpacySpan, stop: set[int], ctx: Context) -> list[Event]:
    """ "X said Y must do Z": a demand by X on Y (CAMEO 10)."""
    lexicon = ctx.lexicon
    out = []
    for tok in sent:
        if tok.i in stop or lemma(tok) not in lexicon.cue("speech_verbs") and lemma(tok) != "warn":
            continue
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            modal = next((a for a in c.children if a.dep_ == "aux" and a.lower_ in ("must", "should", "ought")), None)
            if modal is None:
                continue
            speaker_role, target_role = subject(tok, lexicon), clause_subject(tok)
            speaker, target = _resolve(speaker_role, ctx, tok.idx), _resolve(target_role, ctx, tok.idx)
            if not target or _same(speaker, target) or not (_coded(target) or actor_like(target_role.heads[0])):
                continue
            row = lexicon.code("10")
            out.append(Event(
                event="REQUEST", cameo="10", actor=speaker, recipient=target,
                sentence=_span(ctx.document, sent.start_char, sent.end_char),
                trigger=_span(ctx.document, tok.idx, tok.idx + len(tok)), mode=row.mode if row else None,
                quad=row.quad if row else None, goldstein=row.goldstein if row else None,
                confidence=0.6 if _coded(speaker) else 0.4,
                explain={"rule": "obligation", "cue": modal.lower_, "speech_verb": lemma(tok),
                         "actor_path": speaker_role.path if speaker_role else None,
                         "recipient_path": "ccomp.nsubj"}))
    return out


def _span(document: Document, start: int, end: int) -> Span:
    text = document.text[start:end]
    end -= len(text) - len(text.rstrip())
    return Span(start, end, document.text[start:end])


def _confidence(trig: Trigger, actor: list[EventActor], recipient: list[EventActor]) -> float:
    score = 0.35 + (0.15 if trig.kind == "verb" else 0.05)
    if isinstance(trig.pattern, VerbPattern) and trig.pattern.specificity:
        score += 0.1
    score += 0.2 if _coded(actor) else (0.05 if actor else 0.0)
    score += 0.15 if _coded(recipient) else 0.0
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
