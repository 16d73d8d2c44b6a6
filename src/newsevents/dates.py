"""Reading dates written by people or machines into ISO `YYYY-MM-DD`."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .errors import InputError, Messages

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?\s*$")


def normalize_date(value: object) -> str | None:
    """Return `value` as `YYYY-MM-DD`, None when empty.

    Raises:
        InputError: the value is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    m = _ISO.match(text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise InputError(Messages.BAD_DATE.format(value=text)) from None
    parsed = _parse_free(text.strip())
    if parsed is None:
        raise InputError(Messages.BAD_DATE.format(value=text))
    return parsed


@lru_cache(maxsize=4096)
def _parse_free(text: str) -> str | None:
    import dateparser  # slow to import: only when a date is not ISO already

    # languages=['en'] makes dateparser ~600x faster than letting it guess the language.
    d = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return d.date().isoformat() if d else None
