"""The actor stage: mentions in a parsed document resolved to canonical, coded actors.

Resolution reads the way a reader does: known names and office-holders (dated),
titles and roles before a name, possessives, appositives, demonyms, institutions and
capitals as metonyms; then coreference inside the article for surnames ("Mr Moon"),
role phrases ("the North Korean leader", "the president") and he/she.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import Actor, Document, Span
from ..resources import read_lines
from .knowledge import HOME, WHOLE_CODES, Knowledge, Referent, compose_code, first_name_gender
from .matching import DEMONYM, PERSON_NAME, Found, backer, find_matches, stance

# Closed grammatical classes, not knowledge: kept here.
_PRONOUN_GENDER = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}
_FORMER = {"former", "ex", "ex-", "late", "then"}
_POSSESSIVE = {"'s", "'"}
_PRONOUN_WINDOW = 2  # sentences back that he/she may reach


@dataclass
class Context:
    """What the words around a name say about its bearer."""

    country: str | None = None
    sector: str | None = None
    role: str | None = None
    organisation: Referent | None = None  # an IGO/NGO the person speaks for
    institution: Referent | None = None
    former: bool = False
    gender: str | None = None


@dataclass
class _Builder:
    document: Document
    doc: Doc
    k: Knowledge
    found: Found
    by_key: dict[str, Actor] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    person_mentions: list[tuple[int, Actor]] = field(default_factory=list)  # (token index, actor)
    sent_starts: list[int] = field(default_factory=list)
    home_named: dict[str, str] = field(default_factory=dict)  # actor key -> phrase with home readings

    def actor(self, key: str, make) -> Actor:
        if key not in self.by_key:
            self.by_key[key] = make()
        return self.by_key[key]

    def mention(self, actor: Actor, start: int, end: int, token: int) -> None:
        text = self.document.text
        if any(m.start == start and m.end == end for m in actor.mentions):
            return
        actor.mentions.append(Span(start, end, text[start:end]))
        self.first_seen.setdefault(actor.name + "|" + (actor.code or ""), start)
        if actor.kind == "person":
            self.person_mentions.append((token, actor))

    def sentence_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1


def find_actors(document: Document, doc: Doc, knowledge: Knowledge) -> list[Actor]:
    """Every actor mentioned in `doc`, in order of first mention, ids a1, a2, ..."""
    found = find_matches(doc, knowledge)
    b = _Builder(document, doc, knowledge, found, sent_starts=[s.start for s in doc.sents])
    for kind, span in _candidates(doc, found, knowledge):
        _RESOLVE[kind](b, span)
    _country_from_sentence(b)
    _home_readings(b)
    actors = sorted(b.by_key.values(), key=lambda a: min(m.start for m in a.mentions))
    for n, a in enumerate(actors, 1):
        a.id = f"a{n}"
        a.mentions.sort(key=lambda m: (m.start, m.end))
    return actors


# -- candidates ------------------------------------------------------------------------

def _candidates(doc: Doc, found: Found, k: Knowledge) -> list[tuple[str, SpacySpan]]:
    """Mention candidates in text order; known names win over entities, entities over roles."""
    out: list[tuple[str, SpacySpan]] = []
    taken: set[int] = set()
    for s in found.names:
        if _inside_longer_name(doc, s, k):
            continue
        is_person = s.label_ == PERSON_NAME or any(r.kind == "person" for r in k.refs(s.text))
        out.append(("person" if is_person else "name", s))
        taken.update(range(s.start, s.end))
    for s in found.demonyms:  # "Palestinians", "Israeli air raids": the country acts
        if not taken.intersection(range(s.start, s.end)):
            out.append(("demonym", s))
            taken.update(range(s.start, s.end))
    role_tokens = {i for r in found.roles for i in range(r.start, r.end) if r.end - r.start > 1}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            continue
        span = _tidy(doc, ent)
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        bracket = next((t.i for t in span if t.text == "(" and t.i > span.start), None)
        if bracket is not None and place_code(k, doc[span.start:bracket].text):
            span = doc[span.start:bracket]  # "Khanty-Mansiysk (Siberia": the place before the bracket
        if ent.label_ in ("GPE", "LOC") and (named := _named_by_place(doc, span, found, taken)) is not None:
            out.append(("person", named))  # "Kenzo Oshima, the UN relief coordinator": Oshima is no place here
            taken.update(range(named.start, named.end))
            continue
        code = place_code(k, span.text)
        if ent.label_ in ("GPE", "LOC") or span.text in k.regions or (code and _in_place_phrase(span, ent.label_)):
            if code and not _is_stance(doc, span):
                out.append(("place", span))
                taken.update(range(span.start, span.end))
            continue
        if ent.label_ == "NORP":
            continue
        if ent.label_ == "ORG" and all(i in role_tokens for i in range(span.start, span.end)):
            continue  # "State" in "Secretary of State"
        known_person = ent.label_ == "ORG" and span.text in k.people  # "Trump wrote" tagged as an organisation
        out.append(("person" if ent.label_ == "PERSON" or known_person else "org", span))
        taken.update(range(span.start, span.end))
    for t in doc[:-1]:  # "Ms Sanders" that the entity recogniser missed
        if t.text in k.honorifics and t.i + 1 not in taken and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title:
            end = t.i + 2
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken:
                end += 1
            out.append(("person", doc[t.i + 1:end]))
            taken.update(range(t.i + 1, end))
    for t in doc:  # "Kenzo Oshima, the UN humanitarian coordinator": a name the recogniser missed
        if t.pos_ == "PROPN" and t.is_title and not t.ent_type_ and t.i not in taken:
            named = _named_by_place(doc, doc[t.i:t.i + 1], found, taken)
            if named is not None and not taken.intersection(range(named.start, named.end)):
                out.append(("person", named))
                taken.update(range(named.start, named.end))
    for r in found.roles:
        head = r[-1]
        if taken.intersection(range(r.start, r.end)) or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if head.dep_ in ("compound", "amod", "appos") or (head.dep_ == "nmod" and head.head.i > head.i):
            continue  # a title before a name, or an appositive: context of that name
        out.append(("role", r))
    for t in doc:
        if t.lower_ in _PRONOUN_GENDER and t.pos_ == "PRON" and t.i not in taken:
            out.append(("pronoun", doc[t.i:t.i + 1]))
    return sorted(out, key=lambda c: c[1].start)


def _inside_longer_name(doc: Doc, span: SpacySpan, k: Knowledge) -> bool:
    """A home-press name inside a longer one ("the Centre for Policy Research") is no mention of it."""
    refs = k.refs(span.text)
    return bool(refs) and all(r.kind == HOME for r in refs) and any(
        e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in doc.ents)


def _named_by_place(doc: Doc, span: SpacySpan, found: Found, taken: set[int]) -> SpacySpan | None:
    """A person's name the recogniser took for a place or missed: a first name before it, a role after it."""
    start = span.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].is_title and not doc[start - 1].ent_type_ and start - 1 not in taken:
        start -= 1
    if start == span.start:
        return None
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            window = (child.left_edge.i, child.right_edge.i + 1)
            if found.within("roles", *window) or any(s.label_ == "NAME" for s in found.within("names", *window)):
                return doc[start:span.end]
    return None


def _in_place_phrase(span: SpacySpan, label: str) -> bool:
    """'the town of Samarra', 'the Jaffna peninsula' (and 'in Samarra' unless the recogniser saw a
    person): a known place's name standing where only a place can."""
    root, words = span.root, place_words()
    if root.dep_ == "compound":
        return root.head.lower_ in words
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return (prep.lower_ == "of" and prep.head.lower_ in words) or (label != "PERSON" and prep.lower_ in ("in", "near"))


def _is_stance(doc: Doc, span: SpacySpan) -> bool:
    return stance(doc[span.start:span.end])


def _tidy(doc: Doc, ent: SpacySpan) -> SpacySpan | None:
    """An entity without a leading 'the' or trailing possessive, with hyphenated parts rejoined."""
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    # NER often stops at "Moon Jae" in "Moon Jae-in": take the hyphen and the part after it.
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" \
            and doc[end].whitespace_ == "" and doc[end + 1].is_alpha:
        end += 2
    return doc[start:end] if end > start else None


# -- context ---------------------------------------------------------------------------

def _context(b: _Builder, span: SpacySpan) -> Context:
    """Country, sector, role and organisation that the words around `span` give."""
    doc, root = b.doc, span.root
    ctx = Context()
    # words before the name, whichever of its tokens spaCy hangs them on ("Philippine Defence
    # Secretary Delfin Lorenzana": the title on the first name, not on the head)
    left = [t for tok in span for t in tok.lefts if t.i < span.start]
    windows = []
    if left:
        windows.append((min(t.left_edge.i for t in left), span.start))
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            windows.append((child.left_edge.i, child.right_edge.i + 1))
    head = root.head  # "Home Minister, Amit Shah", "The Federal Minister for Interior Aftab Sherpao"
    if root.dep_ == "pobj" and head.lower_ in ("for", "of") and head.head.is_title:
        head = head.head if head.head.right_edge.i == span.end - 1 else head
    if root.dep_ in ("appos", "pobj") and head.i < span.start and b.found.within("roles", head.i, head.i + 1):
        windows.append((_np_start(head), span.start))
    for start, end in windows:
        _read_window(b, start, end, ctx)
        ctx.former = ctx.former or any(doc[i].lower_ in _FORMER for i in range(start, end))
    return ctx


def _read_window(b: _Builder, start: int, end: int, ctx: Context) -> None:
    for s in b.found.within("names", start, end):
        ref = _first_ref(b.k, s.text)
        if ref is None:
            continue
        if ref.kind == "organisation":
            ctx.organisation = ref  # the last one heads the phrase: "the UN's nuclear watchdog"
        elif ref.kind == "institution" and ctx.institution is None:
            ctx.institution = ref
        if ctx.country is None and ref.kind in ("country", "institution"):
            ctx.country = ref.country
    for s in b.found.within("demonyms", start, end):
        ctx.country = ctx.country or b.k.demonyms.get(s.text)
    if ctx.country is None:  # "a newspaper based in Beirut", "doctors from Tyumen"
        ctx.country = next((c for e in b.doc.ents if start <= e.start and e.end <= end
                            and e.label_ in ("GPE", "LOC") and (c := place_code(b.k, e.text))), None)
    roles = b.found.within("roles", start, end)
    if roles:
        r = roles[-1]  # the title nearest the name: "US Secretary of State"
        ctx.role = r.text
        ctx.sector = b.k.agents.get(r.text.lower())
        ctx.gender = b.k.genders.get(r.text.lower())


def _first_ref(k: Knowledge, text: str) -> Referent | None:
    refs = k.refs(text)
    return refs[0] if refs else None


def _coded(name: str, kind: str, ctx: Context, ref: Referent | None = None) -> Actor:
    """An actor from a referent valid at the date, else from its context."""
    if ref is not None:
        return Actor(id="", name=ref.name, code=ref.code, country=ref.country, sector=ref.sector, kind=kind,
                     organisation=ref.organisation, role=ref.role)
    if ctx.organisation is not None:
        o = ctx.organisation
        return Actor(id="", name=name, code=o.code, country=o.country, sector=o.sector, kind=kind,
                     organisation=o.organisation, role=ctx.role)
    sector = None if ctx.former else (ctx.sector or (ctx.institution.sector if ctx.institution else None))
    return Actor(id="", name=name, code=compose_code(ctx.country, sector), country=ctx.country, sector=sector,
                 kind=kind, role=ctx.role)


# -- mention kinds ---------------------------------------------------------------------

def _known_name(b: _Builder, span: SpacySpan) -> None:
    """A country, capital, organisation or institution from the data files."""
    label = span.label_
    if label == DEMONYM:
        return
    ref = _first_ref(b.k, span.text)
    if ref is None:
        return
    if ref.kind == "institution":
        ctx = _context(b, span)
        if ctx.country and ref.country and ctx.country != ref.country:
            # "Pakistan's Foreign Office": the named country's office of that kind, not Britain's
            code = compose_code(ctx.country, ref.sector)
            actor = b.actor(f"institution:{code}:{ctx.country} {span.text}", lambda: Actor(
                id="", name=f"{span.text} ({ctx.country})", code=code, country=ctx.country, sector=ref.sector,
                kind="institution"))
            b.mention(actor, span.start_char, span.end_char, span.root.i)
            return
    if span.text in b.k.home_readings:  # read once the document's country is known (_home_readings)
        key = f"home:{span.text}"
        actor = b.actor(key, lambda: _coded(ref.name, "institution", Context(), None if ref.kind == HOME else ref))
        b.home_named[key] = span.text
        b.mention(actor, span.start_char, span.end_char, span.root.i)
        return
    actor = b.actor(f"{ref.kind}:{ref.code}:{ref.name}", lambda: _coded(ref.name, ref.kind, Context(), ref))
    b.mention(actor, span.start_char, span.end_char, span.root.i)


def _demonym(b: _Builder, span: SpacySpan) -> None:
    previous = [d for d in b.found.demonyms if d.end == span.start]
    if previous:
        return  # "Bosnian Serbs": the group lives in the first one's country, which took the mention
    following = [d for d in b.found.demonyms if d.start == span.end and d.root.pos_ in ("NOUN", "PROPN")]
    if following:
        span = b.doc[span.start:following[0].end]
    head = span.root.head
    if span.root.dep_ in ("amod", "compound") and (head.ent_type_ == "PERSON" or head.lower_ in b.k.agents):
        return  # "South African leader F.W. de Klerk": the country of that actor, not one of its own
    code = b.k.demonyms.get(span.text) or b.k.demonyms.get(span[0].text)
    ref = b.k.countries.get(code) if code else None
    ethnic = span.start > 0 and b.doc[span.start - 1].lower_ == "ethnic"
    if ref is not None and (ethnic or span.root.tag_ == "NNPS"):  # "the Albanians of southern Serbia"
        home = {_where(b, span.root, ("in", "of") if ethnic else ("of",))} - {code, None}
        if ethnic and not home:
            home = _named_countries(b, span.sent) - {code}
        if len(home) == 1:  # CAMEO codes an ethnic group by where it lives: "ethnic Albanians in Serbia"
            country = home.pop()
            first = span.start - 1 if ethnic else span.start
            name = b.doc[first:span.end].text
            actor = b.actor(f"ethnic:{country}:{span.text}", lambda: Actor(
                id="", name=name, code=country, country=country, sector=None, kind="group", role="ethnic group"))
            b.mention(actor, b.doc[first].idx, span.end_char, span.root.i)
            return
    if ref is not None:
        actor = b.actor(f"country:{ref.code}:{ref.name}", lambda: _coded(ref.name, "country", Context(), ref))
        b.mention(actor, span.start_char, span.end_char, span.root.i)


def _place(b: _Builder, span: SpacySpan) -> None:
    """A city or province: where things happen, and an actor when something is done to it."""
    code = place_code(b.k, span.text)
    actor = b.actor(f"place:{span.text}", lambda: Actor(id="", name=span.text, code=code, country=code,
                                                        sector=None, kind="place"))
    b.mention(actor, span.start_char, span.end_char, span.root.i)


_PLACE_PREPS = {"in", "at", "to", "into", "from", "near", "inside", "across", "throughout", "around", "outside"}


def _country_from_sentence(b: _Builder) -> None:
    """A minister, police or rebels with no country of their own take the sentence's only country.

    "Police fired tear gas in Khartoum" is Sudanese police; with two countries in the
    sentence nothing is assumed. A person takes no country from a place named as where
    something happened ("Defense Secretary William Perry said troops arrived in Bosnia").
    """
    starts = [s.start_char for s in b.doc.sents]
    anywhere: dict[int, set[str]] = {}
    not_places: dict[int, set[str]] = {}
    not_targets: dict[int, set[str]] = {}
    for a in b.by_key.values():
        if a.country and a.country not in ("IGO", "NGO"):
            for m in a.mentions:
                span = b.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and backer(span):
                    continue  # "an Iranian-backed militia" is not thereby Iranian
                sentence = bisect_right(starts, m.start)
                anywhere.setdefault(sentence, set()).add(a.country)
                if not _is_place_phrase(b.doc, m):
                    not_places.setdefault(sentence, set()).add(a.country)
                if a.kind != "country" or span is None or not _is_target(span):
                    not_targets.setdefault(sentence, set()).add(a.country)
    for a in b.by_key.values():
        if a.country or not a.sector or a.sector in WHOLE_CODES or a.kind not in ("person", "group", "organisation"):
            continue
        sentence = bisect_right(starts, min(m.start for m in a.mentions))
        found = (not_places if a.kind == "person" else anywhere).get(sentence, set())
        if a.sector in _STATE_ORGANS:  # "the Senate condemned Russia": not the Russian senate
            found = found & not_targets.get(sentence, set())
        if len(found) == 1:
            a.country = next(iter(found))
            a.code = compose_code(a.country, a.sector)


def _home_readings(b: _Builder) -> None:
    """A name read as its home country's press reads it ("the Congress" in an Indian story is
    the party, not the US Congress) when the document is about that country: two thirds of its
    coded mentions, none of the default reading's country. Names with no reading otherwise are
    dropped."""
    if not b.home_named:
        return
    counts = Counter(a.country for key, a in b.by_key.items() if key not in b.home_named and a.country and
                     a.country not in ("IGO", "NGO", "IMG") for _ in a.mentions)
    top = counts.most_common(1)
    home = top[0][0] if top and top[0][1] * 3 >= 2 * sum(counts.values()) else None
    for key, phrase in b.home_named.items():
        actor = b.by_key[key]
        reading = b.k.home_readings[phrase].get(home) if home else None
        if reading is not None and not counts.get(actor.country or ""):
            actor.name, actor.code, actor.country, actor.sector = reading.name, reading.code, reading.country, \
                reading.sector
        elif actor.code is None:
            del b.by_key[key]
        else:  # the default reading: one actor with the other names of it ("U.S. Congress")
            del b.by_key[key]
            same = b.by_key.setdefault(f"institution:{actor.code}:{actor.name}", actor)
            if same is not actor:
                same.mentions.extend(actor.mentions)


_STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "MIL"})  # organs that act on other states, not in them
_TARGET_PREPS = frozenset({"on", "against", "to", "toward", "towards", "with", "at"})


def _is_target(span: SpacySpan) -> bool:
    """Whether a country is named as what an act is aimed at: "condemned Russia", "sanctions on
    Iran" (a country's name only: "urged President Buhari" is the Senate's own president)."""
    root = span.root
    return root.dep_ in ("dobj", "dative") or root.dep_ == "pobj" and root.head.lower_ in _TARGET_PREPS


def _where(b: _Builder, head: Token, preps: tuple[str, ...]) -> str | None:
    """The country or place a phrase of its own puts a group in: 'ethnic Albanians in south Serbia'
    (a country's or place's name, not an adjective: 'Americans of Iraqi descent' stay American)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            start, end = prep.i, _object_end(prep)
            for s in b.found.within("names", start, end):
                ref = _first_ref(b.k, s.text)
                if ref is not None and ref.kind == "country":
                    return ref.country
            for e in b.doc.ents:
                if start <= e.start and e.end <= end and e.label_ in ("GPE", "LOC") and (c := place_code(b.k, e.text)):
                    return c
    return None


def _is_place_phrase(doc: Doc, m: Span) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _named_countries(b: _Builder, sent: SpacySpan) -> set[str]:
    """Countries a sentence names outright: country names, capitals and places (not demonyms)."""
    out = set()
    for s in b.found.within("names", sent.start, sent.end):
        ref = _first_ref(b.k, s.text)
        if ref is not None and ref.kind == "country":
            out.add(ref.country)
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC") and (code := place_code(b.k, ent.text)):
            out.add(code)
    return out


def place_code(k: Knowledge, text: str) -> str | None:
    """The country of a place, also when written with its kind: 'West Darfur State', 'Tyumen region'."""
    if text in k.places:
        return k.places[text]
    words = text.split()
    if len(words) > 1 and words[-1].lower() in place_words():
        return k.places.get(" ".join(words[:-1]))
    return None


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(read_lines("actors/place_words.txt"))


def _honorific(b: _Builder, span: SpacySpan) -> tuple[int, str | None]:
    """Start of the mention with a preceding honorific ("Mr Kim"), and the gender it tells."""
    if span.start > 0:
        prev = b.doc[span.start - 1]
        if prev.text in b.k.honorifics:
            return prev.idx, b.k.genders.get(prev.lower_)
        if prev.text == "." and span.start > 1 and b.doc[span.start - 2].text + "." in b.k.honorifics:
            tok = b.doc[span.start - 2]
            return tok.idx, b.k.genders.get(tok.lower_ + ".")
    return span.start_char, None


def _person(b: _Builder, span: SpacySpan) -> None:
    name = span.text
    date = b.document.date
    start_char, gender = _honorific(b, span)
    ctx = _context(b, span)
    actor = None
    if " " not in name:  # a surname: someone already named in the article, most recent first
        for _, earlier in reversed(b.person_mentions):
            if name in earlier.name.split() or name in earlier.name.replace("-", " ").split():
                actor = earlier
                break
    if actor is None:
        terms = [t for t in b.k.person_terms(name, date) if t.valid_on(date)]
        known = b.k.person_terms(name, date)
        if terms and (len({t.name for t in terms}) == 1):
            ref = terms[0]
            actor = b.actor(f"person:{ref.name}", lambda: _coded(ref.name, "person", ctx, ref))
        elif known and " " in name:  # a known name out of office: the text alone says the role
            ref = known[0]
            out_ctx = Context(country=ctx.country or ref.country, sector=ctx.sector, role=ctx.role,
                              organisation=ctx.organisation, former=ctx.former)
            actor = b.actor(f"person:{ref.name}", lambda: _coded(ref.name, "person", out_ctx))
        elif known and len({t.country for t in known}) == 1 and not ctx.country:
            ref = known[0]  # "President Bush" in 2000: American, not in office
            out_ctx = Context(country=ref.country, sector=ctx.sector, role=ctx.role, former=ctx.former)
            actor = b.actor(f"person:{ref.name}", lambda: _coded(ref.name, "person", out_ctx))
        else:
            actor = b.actor(f"person:{name}", lambda: _coded(name, "person", ctx))
    if actor.role is None and ctx.role:
        actor.role = ctx.role
    g = gender or ctx.gender or (None if actor.name in b.gender else first_name_gender(actor.name))
    if g and (actor.name not in b.gender or gender):  # an honorific ("Ms") outweighs a first name
        b.gender[actor.name] = g
    b.mention(actor, start_char, span.end_char, span.root.i)


def _organisation(b: _Builder, span: SpacySpan) -> None:
    ctx = _context(b, span)
    if ctx.country is None or ctx.sector is None:  # the name itself: "Nigerian Union of Teachers"
        inner = Context()
        _read_window(b, span.start, span.end, inner)
        ctx.country = ctx.country or inner.country
        ctx.sector = ctx.sector or inner.sector
    if ctx.country is None:  # "the Esfahan conversion facility in central Iran", "a group based in Trinidad"
        ctx.country = _where(b, span.root, ("in", "at")) or None
    if ctx.country is None and ctx.organisation is None and set(span.text.split()) & set(read_lines("actors/ngo_words.txt")):
        ctx.sector = "NGO"  # "the Committee to Protect Journalists": transnational, no country
    actor = b.actor(f"organisation:{span.text}", lambda: _coded(span.text, "organisation", ctx))
    b.mention(actor, span.start_char, span.end_char, span.root.i)


def _role_phrase(b: _Builder, span: SpacySpan) -> None:
    """'the North Korean leader', 'the president', 'Sudanese police', 'US and British forces'."""
    head = span[-1]
    word = span.text.lower()
    sector = b.k.agents.get(word)
    np_start = _np_start(head)
    ctx = Context()
    _read_window(b, np_start, span.start, ctx)
    after = Context()
    for child in head.children:  # "the government of Sudan", "doctors from two American aid groups"
        if child.dep_ == "prep" and child.lower_ == "of":
            _read_window(b, child.i, child.right_edge.i + 1, after)
        elif child.dep_ == "prep" and child.lower_ in ("from", "in", "at"):  # "demonstrators in Baghdad"
            _read_window(b, child.i, _object_end(child), after)
        elif child.dep_ in ("acl", "amod") and child.lower_ in _AFFILIATED and child.i > head.i:
            for prep in child.children:  # "workers affiliated with the Serbian union", "a paper based in Beirut"
                if prep.dep_ == "prep":
                    _read_window(b, prep.i, _object_end(prep), after)
    ctx.country = ctx.country or after.country
    ctx.organisation, ctx.institution = ctx.organisation or after.organisation, ctx.institution or after.institution
    if after.sector and sector == "GOV" and head.lemma_ in ("leader", "member", "head", "official"):
        sector = after.sector  # "leaders of the opposition coalition" are opposition, not government
    countries = _countries_in(b, np_start, span.start) or ([ctx.country] if ctx.country else [])
    if countries and any(b.doc[i].lower_ == "ethnic" for i in range(np_start, span.start)):
        home = _named_countries(b, head.sent) - set(countries)  # "ethnic Albanian guerrillas in Macedonia"
        countries = [home.pop()] if len(home) == 1 else countries
    counted = any(c.dep_ == "nummod" or c.lower_ in ("both", "all") for c in head.children)
    plural = head.tag_ in ("NNS", "NNPS")
    definite = any(c.lower_ == "the" or c.dep_ == "poss" for c in head.children)
    start = b.doc[np_start].idx
    if not plural and not counted and (definite or countries):
        person = _corefer(b, head, word, countries[0] if countries else None, sector)
        if person is not None:
            b.mention(person, start if definite else span.start_char, span.end_char, head.i)
            return
    name = b.doc[np_start:span.end].text
    name = name[4:] if name.lower().startswith("the ") else name
    named = ctx.organisation or (ctx.institution if ctx.institution and ctx.institution.sector else None)
    if named is not None:  # "NATO peacekeeping troops", "Taliban negotiators", "Kremlin officials"
        o = named
        actor = b.actor(f"group:{o.code}:{head.lemma_}", lambda: Actor(
            id="", name=name, code=o.code, country=o.country, sector=o.sector, kind="group",
            organisation=o.organisation, role=head.lemma_))
        b.mention(actor, start, span.end_char, head.i)
        return
    if counted and not countries:
        for person in _pair(b, head, sector):  # "the two leaders": the last two office-holders named
            b.mention(person, start, span.end_char, head.i)
        return
    for country in countries:
        code = compose_code(country, sector)
        actor = b.actor(f"group:{code}", lambda: Actor(id="", name=name, code=code, country=country,
                                                       sector=sector, kind="group", role=head.lemma_))
        b.mention(actor, start, span.end_char, head.i)
    if not countries and sector not in ("GOV", "IGO", "NGO", "BUS", "MED", None):  # "the rebel group"
        actor = b.actor(f"group:{head.lemma_}", lambda: Actor(id="", name=name, code=compose_code(None, sector),
                                                              country=None, sector=sector, kind="group",
                                                              role=head.lemma_))
        b.mention(actor, start, span.end_char, head.i)


# Participles that tie a group to an organisation or a place ("workers affiliated with ...").
_AFFILIATED = {"affiliated", "based", "headquartered", "linked", "allied", "attached", "belonging", "stationed",
               "operating"}


def _object_end(prep: Token) -> int:
    """End of the noun phrase a preposition governs, without what hangs after it."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return objs[0].i + 1 if objs else prep.i + 1

_NP_MODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case", "punct", "cc",
                 "conj", "npadvmod", "advmod"}


def _np_start(head: Token) -> int:
    """First token of the noun phrase `head` heads: its determiners and modifiers, not a clause."""
    lefts = [t for t in head.lefts if t.dep_ in _NP_MODIFIERS]
    return min(t.left_edge.i for t in lefts) if lefts else head.i


def _countries_in(b: _Builder, start: int, end: int) -> list[str]:
    """Every country a phrase names, in order: demonyms, countries, and known people's countries."""
    found: list[tuple[int, str]] = []
    for s in b.found.within("demonyms", start, end):
        if s.text in b.k.demonyms:
            found.append((s.start, b.k.demonyms[s.text]))
    for s in b.found.within("names", start, end):
        ref = _first_ref(b.k, s.text)
        if ref is not None and ref.kind in ("country", "institution") and ref.country:
            found.append((s.start, ref.country))
    for i, actor in b.person_mentions:  # "the Bush administration"
        if start <= i < end and actor.country and actor.country not in ("IGO", "NGO"):
            found.append((i, actor.country))
    out: list[str] = []
    for _, c in sorted(found):
        if c not in out:
            out.append(c)
    return out


def _corefer(b: _Builder, head: Token, word: str, country: str | None, sector: str | None) -> Actor | None:
    """The person an earlier mention named, for a singular role phrase: most recent match wins."""
    for _, actor in reversed(b.person_mentions):
        if country and actor.country != country:
            continue
        role = (actor.role or "").lower()
        if word in role or (country and sector and actor.sector == sector and word in ("leader", "head")):
            return actor
    return None


def _pair(b: _Builder, head: Token, sector: str | None) -> list[Actor]:
    """For 'the two leaders' / 'both ministers': the two most recent people of that sector, of two countries."""
    two = any(c.lower_ in ("two", "both") for c in head.children)
    if not two or head.tag_ not in ("NNS", "NNPS") or sector is None:
        return []
    heads = read_lines("actors/head_roles.txt") if head.lemma_ == "leader" else None
    found: list[Actor] = []
    for _, actor in reversed(b.person_mentions):
        role = (actor.role or "").lower()
        if heads is not None and (role.startswith(("vice", "deputy")) or not any(h in role for h in heads)):
            continue
        if actor.sector == sector and actor not in found and all(a.country != actor.country for a in found):
            found.append(actor)
        if len(found) == 2:
            return found
    return []


def _pronoun(b: _Builder, span: SpacySpan) -> None:
    """he/she to the most recent person of that gender within a couple of sentences."""
    token = span[0]
    gender = _PRONOUN_GENDER[token.lower_]
    here = b.sentence_of(token.i)
    window = [(i, a) for i, a in b.person_mentions if i < token.i and here - b.sentence_of(i) <= _PRONOUN_WINDOW]
    if not window:
        return
    matching = [a for _, a in window if b.gender.get(a.name) == gender]
    if matching:
        actor = matching[-1]
    elif len({a.name for _, a in window}) == 1 and b.gender.get(window[0][1].name) is None:
        actor = window[0][1]  # the only person in sight, gender unknown
    else:
        return
    b.mention(actor, token.idx, token.idx + len(token.text), token.i)


# Each kind of candidate mention and the function that resolves it, in _candidates' terms.
_RESOLVE = {"name": _known_name, "demonym": _demonym, "place": _place, "person": _person,
            "org": _organisation, "role": _role_phrase, "pronoun": _pronoun}
