"""Actors: find every mention of a political actor and resolve it to a coded actor."""
from .knowledge import Knowledge, load_knowledge
from .stage import find_actors

__all__ = ["Knowledge", "find_actors", "load_knowledge"]
