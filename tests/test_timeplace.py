"""Event dates and places from the sentence, relative to the document date."""
from __future__ import annotations

import pytest

from newsevents.timeplace import date_of

BASE = "2018-09-10"  # a Monday


@pytest.mark.parametrize("expression, future, expected", [
    ("in June", False, "2018-06-01"),
    ("next week", False, "2018-09-17"),
    ("last weekend", False, "2018-09-08"),
    ("on Tuesday", False, "2018-09-04"),
    ("on Tuesday", True, "2018-09-11"),
    ("last month", False, "2018-08-01"),
    ("yesterday", False, "2018-09-09"),
    ("last November", False, "2017-11-01"),
    ("September 29", True, "2018-09-29"),
    ("two weeks ago", False, "2018-08-27"),
    ("1988", False, "1988-01-01"),
])
def test_date_of_relative_to_document_date(expression, future, expected):
    assert date_of(expression, BASE, future) == expected


@pytest.mark.parametrize("expression", ["for two years", "a day", "over the next three years"])
def test_date_of_durations_are_not_dates(expression):
    assert date_of(expression, BASE) is None


def test_resolve_keeps_document_date_and_ignores_speech_dates():
    from newsevents.pipeline import extract

    a = extract("Israeli soldiers arrested 100 Palestinians in Hebron, military sources said on Saturday.",
                date=BASE)
    e = a.events[0]
    assert e.date == BASE  # "on Saturday" dates the saying, not the arrests
    assert e.location == "Hebron"


def test_resolve_event_date_and_place_from_clause():
    from newsevents.pipeline import extract

    a = extract("At their June summit in Singapore, the two leaders signed an agreement.", date=BASE)
    assert a.events and all(e.date == "2018-06-01" and e.location == "Singapore" for e in a.events)


@pytest.mark.parametrize("expression, future, expected", [
    ("today", False, "2018-09-10"),
    ("tomorrow", True, "2018-09-11"),
    ("last week", False, "2018-09-03"),
    ("next month", True, "2018-10-01"),
    ("last year", False, "2017-09-01"),
    ("three days ago", False, "2018-09-07"),
    ("in November", False, "2017-11-01"),
    ("in November", True, "2018-11-01"),
    ("29 September", False, "2017-09-29"),
    ("March 3, 2017", False, "2017-03-03"),
    ("June 2016", False, "2016-06-01"),
])
def test_date_of_common_expressions_without_dateparser(expression, future, expected, monkeypatch):
    import sys

    from newsevents import timeplace

    timeplace.date_of.cache_clear()
    monkeypatch.setitem(sys.modules, "dateparser", None)  # the fast path must not need it
    try:
        assert date_of(expression, BASE, future) == expected
    finally:
        timeplace.date_of.cache_clear()


def test_resolve_sentence_without_time_or_place_takes_document_date():
    from newsevents.pipeline import extract

    a = extract("The rebels attacked the army base.", date=BASE)
    assert a.events and all(e.date == BASE and e.location is None for e in a.events)
