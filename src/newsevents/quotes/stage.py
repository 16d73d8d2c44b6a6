"""The quote stage: direct, mixed and indirect quotes with their speaker, cue and actor.

Three passes over one document:
1. every quoted stretch (`marks.py`) is matched to a cue (`cues.py`): the cue whose
   reported clause holds it (direct when the clause is all quote, mixed when the quote
   is a fragment of it), or a cue right beside it (`"...," Ms Sanders said`);
2. every cue left over with a reported clause is indirect speech (`X said that ...`,
   `according to X, ...`, `..., X warned`);
3. a quote paragraph with no cue of its own continues the speaker of the quote just
   before it, or takes the one named in the sentence right after it.
Quoted stretches with no cue that do not stand as sentences are scare quotes and titles.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..records import Actor, Document, Quote, Span
from .cues import Cue, find_cues
from .lexicon import QuoteLexicon, load_lexicon
from .marks import Mark, find_marks, paragraphs

_SENTENCE_END = re.compile(r"[.!?;]")
_QUOTE_ENDS = ",.!?-—–:"
_MAX_RIGHT_GAP = 80  # characters between a quote and a cue after it ("," Mr X, the minister, said)
_MAX_LEFT_GAP = 60
_PERSONAL = ("person",)
_COLLECTIVE = ("country", "organisation", "group")
_KIND_RANK = {"speech": 0, "according": 0, "writing": 1, "thought": 2}


@dataclass(slots=True)
class _Draft:
    content: tuple[int, int]
    kind: str
    cue: Cue | None
    speaker: tuple[int, int] | None = None
    heads: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class _Context:
    """What the passes share about one document."""

    doc: Doc
    text: str  # match_text
    lexicon: QuoteLexicon
    marks: list[Mark]
    cues: list[Cue]
    para_starts: list[int]
    para_ends: list[int]

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos) - 1


def find_quotes(document: Document, doc: Doc, actors: list[Actor]) -> list[Quote]:
    """Quotes of a document: who said what, with spans into `document.text`.

    Args:
        document: the cleaned document; `doc` is spaCy's parse of its `match_text`.
        doc: the parsed document.
        actors: the document's actors; a quote's speaker resolves to the one whose
            mention covers the speaker's head word.

    Returns:
        Quotes in text order, with ids q1, q2, ...
    """
    lexicon = load_lexicon()
    text = document.match_text
    headings = [(h.start, h.end) for h in document.headings]
    marks = [m for m in find_marks(text, document.text, lexicon.max_paragraphs) if not _inside(m.start, headings)]
    outer = [(m.start, m.end) for m in marks]
    cues = find_cues(doc, lexicon, lambda pos: _inside(pos, outer) or _inside(pos, headings))
    paras = paragraphs(text)
    ctx = _Context(doc, text, lexicon, marks, cues, [s for s, _ in paras], [e for _, e in paras])

    drafts, used, orphans = _quotes_from_marks(ctx)
    drafts += _indirect(ctx, drafts, used)
    drafts += _continued(ctx, drafts, orphans)
    return _records(document, drafts, actors, lexicon)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(text: str) -> int:
    return len(text.split())


# Pass 1: quoted stretches ---------------------------------------------------------

def _quotes_from_marks(ctx: _Context) -> tuple[list[_Draft], set[int], list[Mark]]:
    """Direct and mixed quotes from quotation marks; also the cues used and the marks left without one."""
    drafts: list[_Draft] = []
    used: set[int] = set()
    mixed: dict[int, _Draft] = {}  # cue token index -> its mixed quote, which absorbs more fragments
    orphans: list[Mark] = []
    for m in ctx.marks:
        inner = (m.inner_start, m.inner_end)
        if inner[0] >= inner[1]:
            continue
        cue = _clause_cue(ctx, m)
        governing = _governing_cue(ctx, m)
        if cue is not None and governing is not None and cue.content[0] <= governing.token.idx < cue.content[1]:
            cue = None  # "said the bloc ..., which she described as '...'": the inner cue speaks
        if cue is not None and not _is_scare(ctx, m):
            used.add(cue.token.i)
            if _quoted_share(ctx, cue.content) >= ctx.lexicon.direct_share:
                drafts.append(_draft(inner, "direct", cue))
            else:
                _add_mixed(drafts, mixed, cue, cue.content, m)
            continue
        cue = _adjacent_cue(ctx, m)
        if cue is not None:
            used.add(cue.token.i)
            drafts.append(_draft(inner, "direct", cue))
            continue
        if governing is not None and not _is_scare(ctx, m):
            used.add(governing.token.i)
            _add_mixed(drafts, mixed, governing, governing.governs, m)
        elif _stands_alone(ctx, m):
            orphans.append(m)
    return drafts, used, orphans


def _add_mixed(drafts: list[_Draft], mixed: dict[int, _Draft], cue: Cue, clause: tuple[int, int] | None,
               m: Mark) -> None:
    """One mixed quote per cue: its clause, stretched to hold each quoted fragment with its marks."""
    d = mixed.get(cue.token.i)
    if d is None:
        start, end = clause or (m.start, m.end)
        d = mixed[cue.token.i] = _draft((start, end), "mixed", cue)
        drafts.append(d)
    d.content = (min(d.content[0], m.start), max(d.content[1], m.end))


def _draft(content: tuple[int, int], kind: str, cue: Cue) -> _Draft:
    return _Draft(content, kind, cue, cue.speaker, cue.speaker_heads)


def _clause_cue(ctx: _Context, m: Mark) -> Cue | None:
    """The cue whose reported clause holds the quote (the tightest one)."""
    inner = (m.inner_start, m.inner_end)
    found = [c for c in ctx.cues if c.content and _overlap(c.content, inner) > 0 and c.speaker
             and not m.start <= c.token.idx < m.end]
    # Speech before writing before thought ("said the letter showed ..."), then the tightest clause.
    return min(found, key=lambda c: (_KIND_RANK.get(c.kind, 0), c.content[1] - c.content[0])) if found else None


def _governing_cue(ctx: _Context, m: Mark) -> Cue | None:
    """A cue whose object or complement holds the quote: "called the expulsions 'unacceptable'"."""
    inner = (m.inner_start, m.inner_end)
    found = [c for c in ctx.cues if c.governs and c.speaker and c.kind == "speech"
             and c.governs[0] <= inner[0] and inner[1] <= c.governs[1] + 1]
    return min(found, key=lambda c: c.governs[1] - c.governs[0]) if found else None


def _quoted_share(ctx: _Context, span: tuple[int, int] | None) -> float:
    """Share of the letters and digits of `span` that lie inside quotation marks."""
    if span is None:
        return 0.0
    total = sum(ch.isalnum() for ch in ctx.text[span[0]:span[1]])
    quoted = 0
    for m in ctx.marks:
        s, e = max(span[0], m.inner_start), min(span[1], m.inner_end)
        if s < e:
            quoted += sum(ch.isalnum() for ch in ctx.text[s:e])
    return quoted / total if total else 0.0


def _is_scare(ctx: _Context, m: Mark) -> bool:
    """A quoted name or coinage: "the so-called 'peace plan'"."""
    before = ctx.text[max(0, m.start - 24):m.start].lower().split()
    return bool(before) and before[-1] in ctx.lexicon.scare_markers


def _adjacent_cue(ctx: _Context, m: Mark) -> Cue | None:
    """A cue right after the quote (`"...," she said`) or right before it (`He said: "..."`)."""
    para = ctx.paragraph(m.start)
    para_end = ctx.para_ends[ctx.paragraph(max(m.start, m.end - 1))]
    # the quote ends on punctuation ("We will," he said) so the sentence goes on after it
    ends_open = any(ch in _QUOTE_ENDS for ch in ctx.text[max(m.inner_start, m.inner_end - 1):m.end])
    best: tuple[int, Cue] | None = None
    for c in ctx.cues:
        if c.speaker is None or (c.content and _quoted_share(ctx, c.content) < 0.5
                                 and not _overlap(c.content, (m.start, m.end))):
            continue  # this cue reports a clause of its own
        if m.end <= c.span[0] < para_end:
            gap = ctx.text[m.end:c.span[0]]
            if len(gap) <= _MAX_RIGHT_GAP and not _SENTENCE_END.search(gap) and '"' not in gap \
                    and (ends_open or gap.strip()[:1] in _QUOTE_ENDS):
                best = min(best or (len(gap), c), (len(gap), c), key=lambda x: x[0])
        elif c.span[1] <= m.start and ctx.paragraph(c.span[0]) == para:
            gap = ctx.text[c.span[1]:m.start]
            stripped = gap.strip()
            if len(gap) <= _MAX_LEFT_GAP and not _SENTENCE_END.search(gap) and '"' not in gap \
                    and (not stripped or stripped[-1] in ",:" or stripped.lower().endswith("that")):
                best = min(best or (len(gap), c), (len(gap), c), key=lambda x: x[0])
    return best[1] if best else None


def _stands_alone(ctx: _Context, m: Mark) -> bool:
    """A quote that is a sentence of its own: it may continue the previous speaker."""
    para = ctx.paragraph(m.start)
    before = ctx.text[ctx.para_starts[para]:m.start].strip()
    if before and before[-1] not in ".!?:\"":
        return False
    after = ctx.text[m.end:ctx.para_ends[ctx.paragraph(max(m.start, m.end - 1))]].strip()
    words = _words(ctx.text[m.inner_start:m.inner_end])
    return (not after.strip(".,;:!?\"' ") and words >= 2) or words >= ctx.lexicon.min_orphan_words


# Pass 2: indirect speech -------------------------------------------------------

def _indirect(ctx: _Context, drafts: list[_Draft], used: set[int]) -> list[_Draft]:
    """Reported speech from the cues not used by a quotation: the cue's clause is the content."""
    taken = [d.content for d in drafts]
    out = []
    for c in ctx.cues:
        if c.token.i in used or c.content is None or c.speaker is None or c.content_tokens < 3:
            continue
        if any(h.lower_ in ctx.lexicon.impersonal for h in c.speaker_heads):
            continue
        if any(_overlap(c.content, t) * 2 >= c.content[1] - c.content[0] for t in taken):
            continue  # mostly a quotation already found
        out.append(_draft(c.content, "indirect", c))
    return out


# Pass 3: quote paragraphs without a cue ------------------------------------------

def _continued(ctx: _Context, drafts: list[_Draft], orphans: list[Mark]) -> list[_Draft]:
    """A quote standing alone takes the speaker of the quote just before it or of the sentence after it."""
    out: list[_Draft] = []
    for m in orphans:
        inner = (m.inner_start, m.inner_end)
        para = ctx.paragraph(m.start)
        window_start = ctx.para_starts[max(0, para - 1)]
        before = [d for d in drafts + out if d.speaker and window_start <= _end(d) <= m.start]
        if before:
            prev = max(before, key=_end)
            out.append(_Draft(inner, "direct", prev.cue, prev.speaker, prev.heads))
            continue
        after = _cue_after(ctx, m)
        if after is not None:
            out.append(_draft(inner, "direct", after))
            continue
        named = _subject_before(ctx, m)
        if named is not None:
            verb, subjects = named
            span = (min(t.idx for t in subjects), max(t.idx + len(t.text) for t in subjects))
            out.append(_Draft(inner, "direct", None, span, subjects))
        elif _words(ctx.text[inner[0]:inner[1]]) >= ctx.lexicon.min_orphan_words:
            out.append(_Draft(inner, "direct", None))
    return out


def _subject_before(ctx: _Context, m: Mark) -> tuple[Token, list[Token]] | None:
    """The person named as subject of the sentence right before a quote paragraph.

    "Mr Trump welcomed it in a message on Twitter. / "Great progress being made ..."
    """
    doc = ctx.doc
    if m.start == 0:
        return None
    before = doc.char_span(0, m.start, alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    token = before[-1]
    while token.i > 0 and (token.is_space or token.is_punct):
        token = doc[token.i - 1]
    root = token.sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj",) and c.pos_ == "PROPN"]
    if not subjects or ctx.paragraph(token.idx) < ctx.paragraph(m.start) - 1:
        return None
    return root, [t for t in subjects[0].subtree if not t.is_punct]


def _end(d: _Draft) -> int:
    return max(d.content[1], d.cue.span[1] if d.cue else 0, d.speaker[1] if d.speaker else 0)


def _cue_after(ctx: _Context, m: Mark) -> Cue | None:
    """A cue with no clause of its own in the sentence right after the quote ("So said Mr X.")."""
    following = [c for c in ctx.cues if c.sentence[0] >= m.end - 1 and c.speaker]
    if not following:
        return None
    first = min(following, key=lambda c: c.sentence[0])
    between = ctx.text[m.end:first.sentence[0]]
    if _SENTENCE_END.search(between) or between.count("\n") > 2 or first.content is not None:
        return None
    return first


# Records -------------------------------------------------------------------------

def _records(document: Document, drafts: list[_Draft], actors: list[Actor], lexicon: QuoteLexicon) -> list[Quote]:
    """Quote records in text order, one per content span, with ids and resolved speakers."""
    text = document.text
    mentions = [(m.start, m.end, a) for a in actors for m in a.mentions]
    seen: set[tuple[int, int]] = set()
    out: list[Quote] = []
    for d in sorted(drafts, key=lambda d: d.content):
        if d.content in seen:
            continue
        seen.add(d.content)
        speaker = _span(text, d.speaker) if d.speaker else None
        cue = _span(text, d.cue.span) if d.cue else None
        out.append(Quote(content=_span(text, d.content), kind=d.kind, speaker=speaker,
                         speaker_actor=_resolve(d.heads, mentions, lexicon), cue=cue,
                         id=f"q{len(out) + 1}"))
    return out


def _span(text: str, se: tuple[int, int]) -> Span:
    return Span(se[0], se[1], text[se[0]:se[1]])


def _resolve(heads: list[Token], mentions: list[tuple[int, int, Actor]], lexicon: QuoteLexicon) -> str | None:
    """The actor whose mention covers the speaker's head word; unnamed sources stay unnamed."""
    for head in heads:
        if _unnamed(head, lexicon):
            continue
        for t in [head] + [c for c in head.children if c.dep_ == "appos"]:
            hit = _mention_at(t, mentions)
            if hit is not None:
                return hit.id
    for head in heads:
        if _unnamed(head, lexicon) or head.pos_ == "PRON":
            continue
        # "North Korea's foreign ministry said": the institution speaks for its country or organisation.
        for t in head.children:
            if t.dep_ in ("poss", "compound", "amod"):
                hit = _mention_at(t, mentions, _COLLECTIVE)
                if hit is not None:
                    return hit.id
    return None


def _unnamed(head: Token, lexicon: QuoteLexicon) -> bool:
    """An anonymous source: "officials", "a BBC reporter", "people familiar with ..."."""
    words = {head.lemma_.lower(), head.lower_}
    if head.i + 1 < len(head.doc):
        words.add(f"{head.lower_} {head.doc[head.i + 1].lower_}")
    return bool(words & lexicon.sources)


def _mention_at(token: Token, mentions: list[tuple[int, int, Actor]],
                kinds: tuple[str, ...] | None = None) -> Actor | None:
    hits = [a for s, e, a in mentions if s <= token.idx < e and (kinds is None or a.kind in kinds)]
    if not hits:
        return None
    people = [a for a in hits if a.kind in _PERSONAL]
    return (people or hits)[0]
