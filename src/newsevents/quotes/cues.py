"""Cues in the dependency parse: the verb (or "according to"), its speaker and its content clause."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import QuoteLexicon

# Dependency labels (spaCy's ClearNLP-style English scheme).
_SUBJECTS = ("nsubj",)
_CLAUSES = ("ccomp",)
_INFINITIVES = ("xcomp",)
# A cue without its own subject takes the subject of the verb it hangs from:
# "Moon welcomed the news, saying that ..." (advcl), "He smiled and said ..." (conj).
# Not through xcomp: "Moscow failed to explain how ..." reports no speech.
_CLIMB = ("advcl", "conj", "acl", "pcomp", "prep", "dobj", "pobj", "relcl")
_MAX_CLIMB = 4
_MAX_SPEAKER_TOKENS = 30
_ATTACHED = ("parataxis",)
_NOT_GOVERNED = ("conj", "cc", "punct", "advcl", "parataxis", "nsubj", "nsubjpass", "mark", "advmod", "npadvmod")  # "The plan, he said, is dead": the cue hangs from its content


@dataclass(slots=True)
class Cue:
    """One cue with what the parse says about it; spans are character offsets."""

    token: Token
    kind: str
    span: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_heads: list[Token]
    content: tuple[int, int] | None
    content_tokens: int = 0
    governs: tuple[int, int] | None = None  # what follows the cue in its own phrase: objects, complements
    sentence: tuple[int, int] = (0, 0)


def char_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def find_cues(doc: Doc, lexicon: QuoteLexicon, skip: Callable[[int], bool]) -> list[Cue]:
    """Every cue of the doc outside the positions `skip` rejects (inside quotes, in headings)."""
    out = []
    for token in doc:
        if skip(token.idx):
            continue
        matched = _match_cue(token, lexicon)
        if matched is None:
            continue
        kind, last = matched
        out.append(_build(token, kind, last, lambda t: _match_cue(t, lexicon) is not None))
    return out


def _match_cue(token: Token, lexicon: QuoteLexicon) -> tuple[str, Token] | None:
    """(kind, last cue token) when the token starts a cue."""
    lemma, lower = token.lemma_.lower(), token.lower_
    doc = token.doc
    for word in {lemma, lower}:
        for rest, kind in lexicon.phrases.get(word, ()):
            following = doc[token.i + 1: token.i + 1 + len(rest)]
            if tuple(t.lower_ for t in following) == rest:
                return kind, following[-1]
            particles = [c for c in token.children if c.dep_ == "prt" and (c.lower_,) == rest]
            if particles and token.pos_ == "VERB":
                return kind, particles[0]
    kind = lexicon.cue_kind(lemma) or lexicon.cue_kind(lower)
    if kind == "according":  # "per X"; "according" itself only with its "to"
        return (kind, token) if token.pos_ == "ADP" and token.dep_ == "prep" else None
    if kind is None or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
        return None
    return kind, token


def _misattached(verb: Token, is_cue: Callable[[Token], bool]) -> bool:
    """A cue parsed as coordinated inside another cue's reported clause.

    "He said the US would impose X and warned that ...": the parser often hangs "warned"
    on "impose"; it is the reporter who warns.
    """
    head = verb.head
    return verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head is not head and is_cue(head.head)


def _build(token: Token, kind: str, last: Token, is_cue: Callable[[Token], bool]) -> Cue:
    sent = token.sent
    span = (token.idx, last.idx + len(last.text))
    if kind == "according":
        speaker_tokens = _according_source(token, last)
        content = _according_content(token)
    else:
        own = [c for c in token.children if c.dep_ in _SUBJECTS]
        speaker_tokens = _subjects(token.head.head) if not own and _misattached(token, is_cue) else _subjects(token)
        content = _content(token, kind, is_cue)
    speaker = _speaker_span(speaker_tokens, token) if speaker_tokens else None
    governed = _governed(token, last) if kind != "according" else []
    return Cue(token=token, kind=kind, span=span, speaker=speaker, speaker_heads=speaker_tokens,
               content=char_span(content) if content else None, content_tokens=len(content),
               governs=char_span(governed) if governed else None, sentence=(sent.start_char, sent.end_char))


def _governed(verb: Token, last: Token) -> list[Token]:
    """The cue's own objects and complements after it: "called the expulsions 'unacceptable'".

    Coordinated verbs and clauses hanging off the cue are left out: they say something else.
    """
    keep = [t for c in verb.children if c.i > last.i and c.dep_ not in _NOT_GOVERNED for t in c.subtree]
    return _trim(sorted(keep, key=lambda t: t.i))


def _subjects(verb: Token) -> list[Token]:
    """The subject of the cue verb, climbing to the verb it depends on when it has none."""
    t = verb
    for _ in range(_MAX_CLIMB):
        subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
        if not subjects and t.lemma_ == "quote":  # "X was quoted as saying"
            subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
        # "He added that a meeting could take place, saying ...": a participle hanging from a
        # reported clause belongs to the reporter, not to the clause's subject.
        if subjects and t is not verb and verb.tag_ == "VBG" and t.dep_ == "ccomp":
            t = t.head
            continue
        if subjects:
            return [_antecedent(s) for s in subjects]
        if t.dep_ == "acl" and t.head.pos_ == "PROPN":  # "Choe Son-hui, called ..." parsed as a modifier
            return [t.head]
        if t.dep_ not in _CLIMB or t.head is t:
            return []
        t = t.head
    return []


def _antecedent(subject: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies: "Mr Amano, who said ..."."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _according_source(according: Token, to: Token) -> list[Token]:
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    return objects[:1]


def _according_content(according: Token) -> list[Token]:
    """The clause "according to X" modifies, without the "according to X" phrase."""
    head = according.head
    if head is according:
        return []
    inside = {t.i for t in according.subtree}
    return _without_dateline(_trim([t for t in head.subtree if t.i not in inside]))


def _content(verb: Token, kind: str, is_cue: Callable[[Token], bool]) -> list[Token]:
    """The reported clause: a ccomp (or, for speech acts, an xcomp) child, or the clause the cue interrupts."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES]
    if not clauses and kind != "thought":
        clauses = [c for c in verb.children if c.dep_ in _INFINITIVES]
    if clauses:
        # A cue misattached inside the clause reports its own clause: cut it (and what follows) off.
        cut = min((k.i for c in clauses for k in c.children if k.dep_ == "conj" and is_cue(k)
                   and not any(x.dep_ in _SUBJECTS for x in k.children)), default=None)
        tokens = sorted((t for c in clauses for t in c.subtree if cut is None or t.i < cut), key=lambda t: t.i)
        if cut is not None and tokens and tokens[-1].dep_ == "cc":
            tokens = tokens[:-1]
        return _without_dateline(_trim(tokens))
    # "The plan, he said, is dead" (parataxis); "X has agreed to ..., the adviser announced" (conj
    # with a subject of its own, after the clause it reports).
    own_subject = any(c.dep_ in _SUBJECTS for c in verb.children)
    if verb.head is not verb and (verb.dep_ in _ATTACHED or (verb.dep_ == "conj" and own_subject
                                                              and verb.head.i < verb.i and not _after_and(verb))):
        inside = {t.i for t in verb.subtree}
        return _without_dateline(_trim([t for t in verb.head.subtree if t.i not in inside]))
    return []


def _after_and(verb: Token) -> bool:
    """A real coordination ("Others demanded X, and some called for Y"), not "X, the adviser announced"."""
    i = verb.left_edge.i - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    return i >= 0 and verb.doc[i].dep_ == "cc"


def _trim(tokens: list[Token]) -> list[Token]:
    """Tokens without punctuation, spaces and a complementiser "that" at the edges."""
    lo, hi = 0, len(tokens)
    while lo < hi and (tokens[lo].is_punct or tokens[lo].is_space or tokens[lo].dep_ == "cc" or
                       (tokens[lo].lower_ == "that" and tokens[lo].dep_ == "mark")):
        lo += 1
    while hi > lo and (tokens[hi - 1].is_punct or tokens[hi - 1].is_space) and tokens[hi - 1].text not in "!?":
        hi -= 1
    return tokens[lo:hi]


def _speaker_span(subjects: list[Token], cue: Token) -> tuple[int, int] | None:
    """Characters of the subject noun phrases (with appositions), edges trimmed of punctuation.

    A clause holding the cue ("allies who had urged him") and a dateline ("SEOUL (Reuters) -")
    are left out.
    """
    skip = {t.i for s in subjects for c in s.children if c.left_edge.i <= cue.i <= c.right_edge.i
            for t in c.subtree}
    tokens = sorted({t for s in subjects for t in s.subtree if t.i not in skip and t.i != cue.i}, key=lambda t: t.i)
    if len(tokens) > _MAX_SPEAKER_TOKENS:  # a clause as subject: keep the head's own phrase
        tokens = [t for t in tokens if subjects[0].left_edge.i <= t.i <= subjects[-1].i]
    tokens = _without_dateline(_trim(tokens))
    return char_span(tokens) if tokens else None


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a leading dateline up to its dash: "SEOUL (Reuters) -", "MAIDUGURI, Nigeria —"."""
    if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 1):
        return tokens
    for k, t in enumerate(tokens[:8]):
        if t.text in ("-", "—", "–", "--"):
            return _trim(tokens[k + 1:])
    return tokens
