"""The indexed attribute ruler gives exactly the annotations of spaCy's own."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsevents.indexed_ruler import IndexedAttributeRuler, index_attribute_ruler
from newsevents.nlp import DEFAULT_MODEL

from conftest import EXAMPLES

# Rules of every kind the indexed ruler reads (equality, IN, NOT_IN, REGEX, several
# tokens, a negative index, later rules overriding earlier ones) and one it leaves to a
# Matcher (an operator).
RULES = [
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": {"IN": ["cat", "dog"]}}]], "attrs": {"LEMMA": "animal", "POS": "NOUN"}},
    {"patterns": [[{"LOWER": "dog"}]], "attrs": {"LEMMA": "hound"}},  # later: wins for "dog"
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], "attrs": {"NORM": "word"}},
    {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"NORM": "intensifier"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
]
TEXT = "Y'all gon na see the cat and a dog , very very big .\n\n y all gonna  wait ."


def annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.norm_, t.dep_) for t in doc]


def test_same_annotations_as_spacy_on_rules_of_every_kind():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    indexed = IndexedAttributeRuler(ruler)
    assert len(indexed.matcher) == 1  # only the operator rule is scanned
    stock = annotations(ruler(nlp.make_doc(TEXT)))
    ours = annotations(indexed(nlp.make_doc(TEXT)))
    assert ours == stock
    lemmas = {t[0]: t[4] for t in ours}  # the rules did apply (not two unannotated docs)
    assert (lemmas["gon"], lemmas["na"], lemmas["y"]) == ("go", "to", "you")
    assert lemmas["dog"] == "hound" and lemmas["cat"] == "animal"
    norms = {t[0]: t[5] for t in ours}
    assert (norms["very"], norms["big"], norms["the"]) == ("intensifier", "word", "the")


def test_same_annotations_as_spacy_on_the_examples():
    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "text").glob("*.txt"))]
    texts.append("Y'all ain't gonna believe it: let's go, c'mon, there is nothin' there. Gotta run.")
    stock = spacy.load(DEFAULT_MODEL)
    indexed = spacy.load(DEFAULT_MODEL)
    index_attribute_ruler(indexed)
    assert "attribute_ruler" not in indexed.pipe_names and "indexed_attribute_ruler" in indexed.pipe_names
    pairs = list(zip(stock.pipe(texts), indexed.pipe(texts)))
    assert sum(len(a) for a, _ in pairs) > 5000
    for a, b in pairs:
        assert annotations(a) == annotations(b)
