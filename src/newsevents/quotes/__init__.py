"""Quotes: who said what, with the speaker resolved to an actor."""
from .lexicon import QuoteLexicon, load_lexicon
from .stage import find_quotes

__all__ = ["QuoteLexicon", "find_quotes", "load_lexicon"]
