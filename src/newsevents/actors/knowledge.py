"""What the actor stage knows: countries, organisations, institutions, roles, office-holders."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Knowledge:
    entries: dict[str, list[dict]] = field(default_factory=dict)


@lru_cache(maxsize=4)
def load_knowledge(user_files: tuple[str, ...] = ()) -> Knowledge:
    return Knowledge()
