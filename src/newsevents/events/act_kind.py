"""Rules that refine an act's code by who does it, to what or how.

The lexicon gives a trigger its CAMEO code; these rules correct it where the wording alone
cannot decide: a building stormed by protesters is a riot but by troops an assault, a missile
fired into the sea is a show of force, troops that "arrive" are deployed, not visiting.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import EventActor
from .lexicon import Lexicon
from .matcher import Trigger, content_head, dated, lemma
from .roles import Role, conjuncts, is_passive

NO_EVENT = "010"  # a statement code: PLOVER has no type for it, so the act is dropped


def type_of(trig: Trigger, lexicon: Lexicon) -> str:
    row = lexicon.code(trig.pattern.cameo)
    return trig.pattern.event or (row.event if row else "")


def debt_relief(trig: Trigger, lexicon: Lexicon) -> bool:
    """An aid act whose object is a debt or loan ("cancel $14 billion of Iraq's debt")."""
    if trig.kind != "verb" or trig.object is None or type_of(trig, lexicon) != "AID" or \
            lemma(trig.token) not in lexicon.cue("relief_verbs"):
        return False
    head = content_head(trig.object, lexicon)
    words = {lemma(head)} | {lemma(c) for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")}
    return bool(words & lexicon.cue("debt_objects"))


def by_doer(trig: Trigger, actor_role: Role | None, actor: list[EventActor], cameo: str,
             lexicon: Lexicon) -> str | None:
    """Acts whose kind depends on who does them or how: a building stormed by protesters is a
    riot (145), by troops an assault; a raid by armed fighters is an assault (190), by police a
    search (1711); an "air raid" or a "drone strike" is aerial (195), not a labour strike;
    protesters demanding or denouncing, or gathering to do so, demonstrate (141). NO_EVENT when
    the wording is no event at all in this use."""
    word = getattr(trig.pattern, "lemma", None) or lemma(trig.token)  # the pattern knows a mis-lemmatised verb
    if trig.kind == "noun" and cameo[:2] in ("14", "17", "19") and word in lexicon.cue("aerial_acts") and any(
            c.dep_ in ("compound", "amod") and lemma(c) in lexicon.cue("aerial_modifiers") for c in trig.token.lefts):
        return "195"
    if cameo[:2] in ("18", "19") and trig.kind == "verb" and any(
            c.dep_ == "prep" and (c.lower_ == "during" or c.lower_ == "in" and c.head.i == trig.token.i) and
            lemma(g) in lexicon.cue("exercise_words")
            for c in trig.token.subtree for g in c.children if g.dep_ == "pobj"):
        return "150"  # "fired missiles at a replica carrier during war games": a show of force, no attack
    if word in lexicon.cue("gathering_verbs") and cameo == "141" and trig.kind == "verb" and \
            unit_kind(actor_role.heads if actor_role else [], actor, lexicon) == "military":
        return "154"  # "forces loyal to Haftar have massed around Sirte": armed units gathered, no rally
    if _no_event(trig, word, cameo, actor_role, actor, lexicon):
        return NO_EVENT
    if word == "leave" and trig.kind == "verb" and _left_casualties(trig.token, lexicon):
        return "190"  # "security forces left at least 38 people dead"
    if word in lexicon.cue("force_acts") and cameo[:2] == "04" and trig.kind == "verb" and (
            unit_kind([c for c in trig.token.children if c.dep_ == "dobj"], [], lexicon) == "military" or
            unit_kind(actor_role.heads if actor_role else [], [], lexicon) == "military"):
        # "China flew 28 air force aircraft into Taiwan's air defence zone", "warplanes flying into
        # the zone": armed craft moved, no visit
        return "150"
    if word in lexicon.cue("threat_governors") and cameo[:2] in ("01", "11") and trig.kind == "verb" and any(
            g.dep_ == "mark" and g.lower_ in lexicon.cue("condition_marks") or lemma(g) in lexicon.cue("threat_words")
            for c in trig.token.children if c.dep_ == "ccomp" for g in c.subtree):
        # "warned Erbil that Baghdad was ready to intervene if ...", "warned that independence
        # means war": a threat, not a rebuke
        return "130"
    if word == "call" and trig.kind == "verb" and getattr(trig.pattern, "prep", None) in ("on", "upon") and \
            cameo[:2] == "02" and not _asks_anything(trig.token):
        return "042"  # "Jaishankar called on President Rajapaksa in Colombo": a courtesy call, a visit
    if word == "petition" and trig.kind == "verb" and any(
            c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)
            for c in trig.token.children):
        return "020"  # "petitioned the commission to extend registration": an appeal, not a complaint
    if cameo[:3] in ("080", "084") and word in ("let", "allow", "permit") and trig.kind == "verb" and \
            _aid_let_in(trig, lexicon):
        return "0863"  # "allowed the first aid ships into Hodeidah": humanitarian access (RETREAT)
    if cameo == "0841" and word in ("let", "allow", "permit") and trig.kind == "verb" and \
            not getattr(trig.pattern, "particle", None) and not any(
            lemma(c) in lexicon.cue("release_motions") for c in trig.token.children if c.dep_ in ("ccomp", "xcomp")):
        return "080"  # "allowed the rescue ship to dock": a concession, not a release
    freed = _acted_on(trig)
    if cameo[:3] == "084" and freed is not None and lemma(content_head(freed, lexicon)) in lexicon.cue("captives") and (
            unit_kind(actor_role.heads if actor_role else [], actor, lexicon) == "military" or
            any((a.code or "")[3:6] in ("MIL", "COP", "SPY") for a in actor)):
        return "070"  # "French commandos freed four hostages": a rescue is aid (PLOVER manual), not a release
    if cameo[:3] == "172" and trig.kind == "verb" and trig.object is not None and any(
            lemma(g) in lexicon.cue("trade_flows") for c in trig.object.children
            if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"):
        return "163"  # "tightened restrictions on exports to South Korea": an embargo, not a domestic restriction
    if cameo == "160" and trig.kind == "verb" and unit_kind([c for c in trig.token.children if c.dep_ == "dobj"],
                                                            actor, lexicon):
        return "0874"  # "withdrew its troops from the African Union mission": a pull-out, not leaving the body
    if word == "defy" and trig.kind == "verb" and any(
            (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)) and
            any(p.event == "PROTEST" for p in lexicon.verbs.get(lemma(c), ()))
            for c in trig.token.children):
        return "141"  # "thousands defied a ban on gatherings to rally in Bangkok": defying it is the protest
    if cyber(trig):
        return "170"  # "the cyber attack by Russian hackers": coercion by hacking (PLOVER COERCE cyber)
    if trig.kind == "noun" and cameo[:3] == "174" and any(
            lemma(content_head(g, lexicon)) in lexicon.cue("diplomat_words") for c in trig.token.children
            if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        return "161"  # "Prague's expulsion of 18 Russian diplomats": breaking off relations, not a deportation
    if cameo[:3] == "174" and actor and all((a.code or "")[3:6] == "PTY" for a in actor):
        return "166"  # "the Bersatu party expelled Mahathir": out of the party (SANCTION expel), not deported
    heads, crowd = _crowd(actor_role, lexicon)
    if (word in lexicon.cue("crowd_acts") or cameo == "1712") and crowd and not _homes(trig, lexicon):
        return "145"  # "protesters stormed / set fire to the consulate": a riot
    if cameo[:2] in ("19", "18") and trig.kind == "verb" and (
            weapon_test(trig.token, lexicon) or _state_launch(trig, heads, actor, lexicon)):
        return "150"  # "fired two ballistic missiles into the sea": a show of force
    if cameo[:2] == "14" and trig.kind == "verb" and word in lexicon.cue("verbal_protests") and (
            state_speaks(actor_role, actor) or (any(c.dep_ == "ccomp" for c in trig.token.children) or
                                                _attributing(trig.token)) and
            not heads & (lexicon.cue("crowd_agents") | lexicon.cue("protest_crowds"))):
        return "114"  # a government's protest, or protesting that something is so, is a complaint
    if cameo[:2] in ("02", "10", "11", "12"):  # words said by demonstrating
        tok = trig.token
        # an appeal (02) is a protest only from protesters: "800,000 Kurds sought refuge" is none
        if heads & lexicon.cue("protest_crowds") or cameo[:2] != "02" and _counted_crowd(actor_role, lexicon) or (
                tok.dep_ in ("advcl", "xcomp") and lemma(tok.head) in lexicon.cue("assembly_verbs")):
            return "141"  # "more than a million Chileans packed the streets, demanding ..."
    armed_doer = bool(heads & lexicon.cue("armed_agents")) or any(
        (a.code or "")[3:6].lower() in lexicon.cue("armed_sectors") for a in actor)
    if word in lexicon.cue("armed_acts") and cameo[:2] == "17" and armed_doer:
        return "190"
    if cameo == "192" and word in lexicon.cue("battle_captures") and (armed_doer or any(
            (a.code or "")[3:6] == "MIL" for a in actor) or unit_kind(actor_role.heads if actor_role else [], [], lexicon)
            == "military"):
        return "190"  # "Burmese troops have captured part of a Karen stronghold": a battle won
    if word in lexicon.cue("welcome_acts") and cameo[:2] == "05" and trig.kind == "verb" and \
            _guest(trig.token, lexicon):
        return "043"  # "Xi welcomed Mnangagwa at the Great Hall of the People": a host receives a visitor
    if cameo[:3] == "072" and trig.kind == "verb" and _own_force(trig.token, lexicon):
        return "154"  # "North Korea has trained 500 hackers": it builds up its own force
    if cameo[:3] == "072" and trig.kind == "verb" and any((a.code or "")[3:6] == "MIL" for a in actor) and any(
            c.dep_ == "prep" and c.lower_ in ("towards", "toward", "into", "near", "along") for c in trig.token.children):
        return "154"  # "Zimbabwe's army sent tanks towards the capital": its own weapons moved, no arms given
    arrival = word in lexicon.cue("arrival_acts") and cameo[:3] in ("042", "043")
    if arrival or cameo[:3] == "154":
        # "peacekeeping troops arrived in Bosnia", "the deployment of NATO peacekeepers": units
        # that arrive are deployed, not visiting (154); peacekeepers deployed are provided (074)
        units = [trig.object] if trig.kind == "verb" and not arrival and trig.object is not None else \
            (actor_role.heads if actor_role is not None and (arrival or trig.kind == "noun") else [])
        kind = unit_kind(units, actor, lexicon)
        if kind == "peacekeeping":
            return "074"
        if kind == "aid" and arrival:
            return "073"
        if kind == "military" and arrival:
            return "154"
        if arrival and any(lemma(content_head(h, lexicon)) in lexicon.cue("police_units") for h in units):
            return "153"  # "a contingent of Australian police arrived in Honiara": police deployed
    return None


def official(a: EventActor) -> bool:
    """A state, its government or an intergovernmental body, by its code alone (a state's people
    share its code: "thousands of Hungarians" is HUN too)."""
    code = a.code or ""
    return bool(code) and (code == a.country or code[3:6] == "GOV" or code.startswith("IGO"))


def state_speaks(role: Role | None, actor: list[EventActor]) -> bool:
    """The actor is a state or government named as such ("China", "the foreign ministry"), not
    its people ("thousands of Hungarians")."""
    if role is None or not actor or not all(official(a) for a in actor):
        return False
    named = all(h.ent_type_ in ("GPE", "ORG") or h.pos_ == "PROPN" for h in role.heads)
    return named or all((a.code or "")[3:6] == "GOV" for a in actor)


def weapon_test(verb: Token, lexicon: Lexicon) -> bool:
    """ "test-fired a cruise missile", "launched missiles into the sea": no one is attacked."""
    if any(lemma(c) in lexicon.cue("test_marks") and c.i < verb.i for c in verb.children):
        return True
    # "fired what appeared to be a missile into the sea": the sink hangs on the free relative's "be"
    heads = [verb] + [x for c in verb.children if c.dep_ == "ccomp" for x in c.subtree if x.lemma_ == "be"]
    return any(c.dep_ == "prep" and c.lower_ == "into" and lemma(g) in lexicon.cue("test_sinks")
               for h in heads for c in h.children for g in c.children if g.dep_ == "pobj")


def _state_launch(trig: Trigger, heads: set[str], actor: list[EventActor], lexicon: Lexicon) -> bool:
    """A state's missile launched at no one named: a test ("launched a ballistic missile on Tuesday")."""
    tok = trig.token
    if lemma(tok) not in lexicon.cue("launch_verbs") or trig.object is None or \
            lemma(content_head(trig.object, lexicon)) not in lexicon.cue("missile_words"):
        return False
    if heads & lexicon.cue("armed_agents") or not actor or any(
            not a.country or (a.code or "")[3:6].lower() in lexicon.cue("armed_sectors") for a in actor):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in lexicon.cue("aimed_preps") and not dated(c)
                   for h in (tok, trig.object) for c in h.children)


def moved_units(trig: Trigger, actor_role: Role | None, lexicon: Lexicon) -> Role | None:
    """The passive subject of a deployment or withdrawal with no doer named, when it names armed
    units or mission personnel (their owner did it)."""
    if actor_role is not None or trig.kind != "verb" or not is_passive(trig.token) or \
            type_of(trig, lexicon) not in ("RETREAT", "MOBILIZE", "SANCTION", "AID") or \
            trig.pattern.cameo[:3] == "084":
        return None  # "fighters were released" (084): released by others
    subj = next((c for c in trig.token.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return None
    head = content_head(subj, lexicon)
    if unit_kind([subj], [], lexicon) is None and lemma(head) not in lexicon.cue("mission_personnel") and \
            lemma(head) not in lexicon.cue("armed_agents") and lemma(head) not in lexicon.cue("police_units"):
        # "rebels were disarmed": they disarmed; "6,000 riot police were deployed": by their state
        return None
    return Role(conjuncts(subj), "nsubjpass.units")


def unit_kind(heads: list[Token], actor: list[EventActor], lexicon: Lexicon) -> str | None:
    """ "military" when `heads` name armed units ("300 US marines", "a first patch of
    Bangladeshi troops"), "peacekeeping" when those are peacekeepers, "aid" for medical teams."""
    raw = {lemma(h) for h in heads}  # "a consignment of ventilators": the consignment too
    heads = [content_head(h, lexicon) for h in heads]
    # "the first deployment of NATO peacekeeping troops arrived": the deployment's units
    heads += [g for h in heads if any(n.cameo[:3] == "154" for n in lexicon.nouns.get(lemma(h), ()))
              for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    words = {lemma(h) for h in heads} | {h.lower_ for h in heads}
    modifiers = {lemma(c) for h in heads for c in h.lefts if c.dep_ in ("compound", "amod", "nmod")}
    # "an air force plane carrying water, tarpaulins and generators": what the craft carries
    carrying = lexicon.cue("carrying_verbs")
    carried = {lemma(g) for h in heads for a in h.children if a.dep_ == "acl" and lemma(a) in carrying
               for o in a.children if o.dep_ == "dobj" for g in [o] + [c for c in o.children if c.dep_ == "conj"]}
    goods = {lemma(h) for h in heads}
    if carried & lexicon.cue("aid_goods") or goods and goods <= lexicon.cue("aid_goods"):
        return "aid"  # "water, tarpaulins and generators landed in Tonga" (spaCy lost the plane)
    peace = lexicon.cue("peacekeeping_words")
    if words & peace or (words & lexicon.cue("military_units") and (
            modifiers & peace or any("PKO" in (a.code or "") for a in actor))):
        return "peacekeeping"
    if words & lexicon.cue("military_units") or (
            words & lexicon.cue("craft_words") and modifiers & lexicon.cue("military_modifiers")):
        return "military"  # "28 air force aircraft", "navy ships"
    if words & lexicon.cue("aid_personnel") or (words | raw) & lexicon.cue("aid_consignments"):
        return "aid"
    return None


def _acted_on(trig: Trigger) -> Token | None:
    """What a verb acts on: the object its pattern matched, else its direct object or passive subject."""
    if trig.object is not None or trig.kind != "verb":
        return trig.object
    return next((c for c in trig.token.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _homes(trig: Trigger, lexicon: Lexicon) -> bool:
    """A mob's target is people's homes, shops or places of worship ("a mob torched 20 houses
    belonging to Hindus"): communal violence, an assault, not a riot against authority."""
    obj = _acted_on(trig)
    return obj is not None and any(lemma(content_head(o, lexicon)) in lexicon.cue("community_property")
                                   for o in conjuncts(obj))


def _attributing(verb: Token) -> bool:
    """The verb closes the sentence as its attribution: "Croatia is failing to uphold their rights,
    a human rights group protested on Wednesday" (spaCy often hangs it on the last noun)."""
    if verb.dep_ == "ROOT":
        return False  # "After the vote, students protested": the clause before would be its ccomp
    subject = verb.head if verb.dep_ == "acl" and verb.head.i < verb.i else verb
    start = subject.left_edge.i
    if start < 4 or verb.doc[start - 1].text != ",":
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "advcl", "prep") and c.i > verb.i and
                   not (c.dep_ == "prep" and dated(c)) for c in verb.children)


def _aid_let_in(trig: Trigger, lexicon: Lexicon) -> bool:
    """What is let in or through is aid: "aid ships", "a humanitarian convoy", "food deliveries"."""
    obj = _acted_on(trig)
    if obj is None:
        return False
    head = content_head(obj, lexicon)
    words = {lemma(head)} | {lemma(c) for c in head.lefts if c.dep_ in ("compound", "amod")}
    return bool(words & (lexicon.cue("aid_goods") | lexicon.cue("aid_consignments") | {"humanitarian"}))


def _own_force(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's object is fighters or recruits that no other country is named as owning."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    head = content_head(obj, lexicon)
    kinds = lexicon.cue("force_recruits") | lexicon.cue("military_units") | lexicon.cue("armed_agents")
    if lemma(head) not in kinds and head.lower_ not in kinds:
        return False
    owned = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")] + [
        c for h in {obj, head, verb} for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
        and head not in c.subtree]
    owners = [t for c in owned for t in c.subtree]
    return not any(t.ent_type_ in ("GPE", "NORP", "ORG") or t.pos_ == "PROPN" for t in owners)


def _guest(verb: Token, lexicon: Lexicon) -> bool:
    """Whether who is welcomed is a person (a leader, a delegation), not a decision or a move."""
    guest = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if guest is None:
        return False
    words = {lemma(guest)} | {lemma(c) for c in guest.lefts if c.dep_ in ("compound", "amod")}
    return guest.ent_type_ == "PERSON" or bool(words & lexicon.cue("visitor_words"))


def cyber(trig: Trigger) -> bool:
    """An attack made by hacking: "a cyber attack", "cyber-attacks" (PLOVER: COERCE, mode cyber)."""
    if trig.kind != "noun":
        return False
    word = trig.token.lower_
    return word.startswith("cyber") or any(c.lower_.startswith("cyber") for c in trig.token.lefts
                                           if c.dep_ in ("compound", "amod", "nmod"))


def _asks_anything(verb: Token) -> bool:
    """Whether "called on X" goes on to say what X should do ("to withdraw", "for restraint")."""
    if any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children) or
           c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return True
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
    pobj = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
    return pobj is not None and any(g.dep_ in ("acl", "relcl", "prep") and (
        any(a.lower_ == "to" for a in g.children) or g.lower_ in ("for", "to")) for g in pobj.children)


def _left_casualties(verb: Token, lexicon: Lexicon) -> bool:
    """ "left at least 38 people dead" as a clause of its own: the doer killed them. A participle
    after another act ("clashed, leaving 20 troops dead") is that act's result."""
    return verb.dep_ in ("ROOT", "conj", "ccomp") and verb.tag_ != "VBG" and any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and lemma(c) in lexicon.cue("casualty_states")
        for c in verb.children)


def _armed_words(lexicon: Lexicon) -> frozenset[str]:
    """Words for troops, armed groups and police: people counted in thousands who are no crowd."""
    return lexicon.cue("military_units") | lexicon.cue("armed_agents") | lexicon.cue("police_units")


def _crowd(actor_role: Role | None, lexicon: Lexicon) -> tuple[set[str], bool]:
    """The doer's head words, and whether they are a crowd: "protesters", "thousands of Catalan
    separatists" (unless the thousands are troops or police)."""
    # "tens of thousands of demonstrators": the people, not the number
    heads = {lemma(t) for h in actor_role.heads for t in (h, content_head(h, lexicon))} if actor_role else set()
    armed = _armed_words(lexicon)
    crowd = bool(heads & lexicon.cue("crowd_agents")) or bool(heads & lexicon.cue("crowd_quantities") and not heads & armed)
    return heads, crowd and not heads & lexicon.cue("peaceful_crowds")


def _counted_crowd(actor_role: Role | None, lexicon: Lexicon) -> bool:
    """People counted in thousands: "tens of thousands of Malians", "100,000 people", not troops."""
    if actor_role is None:
        return False
    armed = _armed_words(lexicon)
    for h in actor_role.heads:
        people = content_head(h, lexicon)
        if lemma(people) in armed or lemma(h) in armed:
            return False
        if lemma(h) in lexicon.cue("crowd_quantities"):
            return True
        for n in list(h.children) + list(people.children):
            if n.dep_ == "nummod" and (lemma(n) in lexicon.cue("crowd_quantities") or
                                       n.text.replace(",", "").isdigit() and int(n.text.replace(",", "")) >= 1000):
                return True
    return False


def _no_event(trig: Trigger, word: str, cameo: str, actor_role: Role | None, actor: list[EventActor],
              lexicon: Lexicon) -> bool:
    """Wordings that are no event in this use: a departure, voyage or flight by someone other than
    armed units ("the prime minister left Paris", "a cargo ship sailed through the canal"), a
    result ("clashed, leaving 20 troops dead"), people taken for care ("rushed to hospital")."""
    if trig.kind != "verb":
        return False
    tok = trig.token
    if word == "land" and cameo[:2] == "04" and not any(a.code for a in actor):
        return True  # "a rocket landed in southern Israel", "the plane landed": no one visits
    if cameo[:2] in ("18", "19", "20") and actor_role is not None and any(
            lemma(h) in lexicon.cue("natural_causes") for h in actor_role.heads):
        return True  # "a magnitude 7.2 earthquake killed more than 1,400 people": no one attacked
    if word in lexicon.cue("gathering_verbs") and cameo == "141" and not _crowd(actor_role, lexicon)[1]:
        return True  # "officials gathered in Geneva", "pilgrims thronged Mecca": no rally
    if lemma(tok) in lexicon.cue("equipped_words") and not any(c.dep_ == "dobj" for c in tok.children) and (
            tok.dep_ in ("acl", "amod") or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)):
        return True  # "mobs armed with iron rods", "gunmen armed with rifles": who they are, not arming
    if word in lexicon.cue("force_acts"):
        if word == "leave" and _left_casualties(tok, lexicon):
            return False  # "security forces left at least 38 people dead": the killing (by_doer), not a result
        if any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.pos_ == "ADJ" for c in tok.children) or \
                tok.tag_ == "VBG" and tok.dep_ == "advcl":
            return True
        flown = word != "leave" and unit_kind([c for c in tok.children if c.dep_ == "dobj"], [], lexicon)
        armed = unit_kind(actor_role.heads if actor_role else [], actor, lexicon) or \
            any((a.code or "")[3:6] in ("MIL", "UAF") for a in actor)
        # a pattern naming what is moved ("left the troops", "flew police and soldiers") is about them
        if cameo[:2] in ("08", "15") and not getattr(trig.pattern, "objects", ()) and not flown and not armed:
            return True
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and lemma(g) in lexicon.cue("care_places")
               for c in tok.children for g in c.children if g.dep_ == "pobj")
