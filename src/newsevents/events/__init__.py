"""Events: who did what to whom, coded in PLOVER and CAMEO.

The lexicon (what words mean) is kept apart from the matcher (where they are in a
parse), so other lexicon formats, such as PETRARCH verb patterns, feed the same matcher.
"""
from .lexicon import Lexicon, load_lexicon
from .stage import find_events

__all__ = ["Lexicon", "find_events", "load_lexicon"]
