"""spaCy's attribute ruler, applied by lookup instead of by scanning every pattern.

The English pipelines' `attribute_ruler` (about 180 rules such as "TAG is NN: POS NOUN")
runs a Matcher that tries every pattern at every token: about 13% of the whole
pipeline's time. Nearly all of its rules test one token's attributes for equality (TAG, LOWER, DEP,
IS_SPACE), so we index them by the value their first token tests and look each token
up; rules we cannot read as such tests (operators, other attributes) still go through
a Matcher.
Rules are applied in spaCy's order (a later rule wins), so the annotations are the
same: `tests/test_indexed_ruler.py` compares them token by token.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

# Token attributes that a rule may test and we can read from `Doc.to_array`, in order
# of preference as the lookup key: the most selective first, so a token meets few rules.
_INDEXED = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = list(_INDEXED)
_CACHE_LIMIT = 200_000  # regular-expression results kept per test (one per distinct value)


@dataclass
class _Test:
    column: int
    op: str  # in, not_in, regex
    values: frozenset = frozenset()
    regex: re.Pattern | None = None
    cache: dict[int, bool] = field(default_factory=dict)


@dataclass
class _Pattern:
    rule: int
    tokens: list[list[_Test]]
    target: int  # which token of the match gets the attributes
    checks: list[tuple[int, _Test]] = field(default_factory=list)  # (token offset, test) beyond the anchor


class IndexedAttributeRuler:
    """The rules of an `AttributeRuler`, looked up by the value their first token tests."""

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self.matcher = Matcher(self.vocab)  # rules we cannot read as tests (operators, other attributes)
        self.lookup: dict[tuple[int, int], list[_Pattern]] = defaultdict(list)  # (column, value id)
        self.unanchored: list[_Pattern] = []  # no equality test on the first token: tried everywhere
        for rule, entry in enumerate(ruler.patterns):
            scanned = []
            for tokens in entry["patterns"]:
                pattern = self._compile(rule, tokens, entry["index"])
                if pattern is None:
                    scanned.append(tokens)
                    continue
                anchor = min((t for t in pattern.tokens[0] if t.op == "in"), key=lambda t: t.column, default=None)
                pattern.checks = [(k, t) for k, tests in enumerate(pattern.tokens) for t in tests if t is not anchor]
                if anchor is None:
                    self.unanchored.append(pattern)
                for value in anchor.values if anchor else ():
                    self.lookup[(anchor.column, value)].append(pattern)
            if scanned:
                self.matcher.add(str(rule), scanned)
        self.columns = sorted({col for col, _ in self.lookup})

    def _compile(self, rule: int, tokens: list[dict[str, Any]], index: int) -> _Pattern | None:
        """A fixed-length pattern of IN / NOT_IN / REGEX tests, or None (the Matcher runs it)."""
        target = index if index >= 0 else len(tokens) + index
        if not 0 <= target < len(tokens):
            return None
        compiled = []
        for spec in tokens:
            tests = []
            for key, value in spec.items():
                test = self._test(key.upper(), value)
                if test is None:
                    return None
                tests.append(test)
            compiled.append(tests)
        return _Pattern(rule, compiled, target)

    def _test(self, key: str, value: Any) -> _Test | None:
        if key not in _INDEXED:
            return None
        column = _COLUMNS.index(key)
        if key == "IS_SPACE":
            return _Test(column, "in", frozenset([int(value)])) if isinstance(value, bool) else None
        if isinstance(value, str):
            return _Test(column, "in", frozenset([self.vocab.strings.add(value)]))
        if not isinstance(value, dict) or len(value) != 1:
            return None
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return _Test(column, op.lower(), frozenset(self.vocab.strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return _Test(column, "regex", regex=re.compile(arg))
        return None

    def _passes(self, test: _Test, value: int) -> bool:
        if test.op == "in":
            return value in test.values
        if test.op == "not_in":
            return value not in test.values
        hit = test.cache.get(value)
        if hit is None:
            if len(test.cache) > _CACHE_LIMIT:
                test.cache.clear()
            hit = test.cache[value] = bool(test.regex.search(self.vocab.strings[value]))
        return hit

    def _matches(self, pattern: _Pattern, rows: list[list[int]], start: int) -> bool:
        """Whether the pattern matches at `start`, its anchor test (if any) already passed."""
        if start + len(pattern.tokens) > len(rows):
            return False
        for k, test in pattern.checks:
            if not self._passes(test, rows[start + k][test.column]):
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        hits: set[tuple[int, int]] = set()  # (rule, token)
        rows = doc.to_array([_INDEXED[c] for c in _COLUMNS]).tolist()
        lookup, columns, unanchored = self.lookup, self.columns, self.unanchored
        for i, row in enumerate(rows):
            for col in columns:
                for pattern in lookup.get((col, row[col]), ()):
                    if not pattern.checks or self._matches(pattern, rows, i):
                        hits.add((pattern.rule, i + pattern.target))
            for pattern in unanchored:
                if self._matches(pattern, rows, i):
                    hits.add((pattern.rule, i + pattern.target))
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                hits.add((rule, Span(doc, start, end)[self.indices[rule]].i))
        for rule, i in sorted(hits):  # later rules win, as in spaCy
            set_token_attrs(doc[i], self.attrs[rule])
        return doc


@Language.factory("newsevents_indexed_attribute_ruler")
def make_indexed_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """Built from the pipeline's own `attribute_ruler`, which must still be in the pipeline."""
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's `attribute_ruler` for the indexed one, in the same place."""
    if "attribute_ruler" not in nlp.pipe_names or not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        return
    nlp.add_pipe("newsevents_indexed_attribute_ruler", name="indexed_attribute_ruler", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
