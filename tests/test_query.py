"""Queries: the filters of `events`, `quotes`, `actors`, `documents` on hand-coded and real stores."""
from __future__ import annotations

import pytest

from newsevents import query as q
from newsevents.errors import NewsEventsError
from newsevents.store import Store

from conftest import EXAMPLE_IDS


@pytest.fixture(scope="module")
def coded(coded_store):
    with Store(coded_store.path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def real(examples_store):
    with Store(examples_store.path, read_only=True) as s:
        yield s


def ev(store, **filters) -> list[tuple[str, str]]:
    return [(e["document"], e["event"]) for e in q.events(store, q.Filters(**filters))]


# -- events -------------------------------------------------------------------------


def test_query_events_all_asserted_by_default(coded):
    assert ev(coded) == [("s1", "COERCE"), ("s1", "PROTEST"), ("r1", "SANCTION"), ("r1", "ACCUSE"),
                         ("k1", "CONSULT")]  # by date; the negated THREATEN is left out


def test_query_events_include_negated(coded):
    assert ("k1", "THREATEN") in ev(coded, include_negated=True)
    (e,) = [e for e in q.events(coded, q.Filters(include_negated=True)) if e["event"] == "THREATEN"]
    assert e["negated"] is True


def test_query_events_actor_code_prefix(coded):
    assert ev(coded, actor="USA") == [("r1", "SANCTION"), ("k1", "CONSULT")]
    assert ev(coded, actor="USAGOV") == [("r1", "SANCTION"), ("k1", "CONSULT")]
    assert ev(coded, actor="RUS") == [("r1", "ACCUSE")]


def test_query_events_actor_name(coded):
    assert ev(coded, actor="Trump") == [("k1", "CONSULT")]
    assert ev(coded, recipient="Deripaska") == [("r1", "SANCTION")]


def test_query_events_recipient_code(coded):
    assert ev(coded, recipient="PRK") == [("k1", "CONSULT")]
    assert ev(coded, recipient="USA") == [("r1", "ACCUSE")]


def test_query_events_country_either_side(coded):
    assert ev(coded, country="PRK") == [("k1", "CONSULT")]
    assert ev(coded, country="rus") == [("r1", "SANCTION"), ("r1", "ACCUSE")]
    assert ev(coded, country="SDN") == [("s1", "COERCE")]


def test_query_events_type_and_modality(coded):
    assert ev(coded, types=["sanction", "COERCE"]) == [("s1", "COERCE"), ("r1", "SANCTION")]
    assert ev(coded, modality="reported") == [("r1", "ACCUSE")]


def test_query_events_date_range(coded):
    assert ev(coded, since="2018-04-01") == [("r1", "SANCTION"), ("r1", "ACCUSE"), ("k1", "CONSULT")]
    assert ev(coded, until="2018-04-06") == [("s1", "COERCE"), ("s1", "PROTEST"), ("r1", "SANCTION"),
                                             ("r1", "ACCUSE")]
    assert ev(coded, since="2018-02-01", until="2018-05-01") == [("r1", "SANCTION"), ("r1", "ACCUSE")]
    assert ev(coded, since="6 April 2018", until="April 6, 2018") == [("r1", "SANCTION"), ("r1", "ACCUSE")]


def test_query_events_search_and_limit(coded):
    assert ev(coded, search="PIRACY") == [("r1", "ACCUSE")]
    assert len(ev(coded, limit=2)) == 2
    assert ev(coded, document="k1") == [("k1", "CONSULT")]


def test_query_events_rows_carry_evidence(coded):
    (e,) = q.events(coded, q.Filters(types=["SANCTION"]))
    assert e["sentence"]["text"].startswith("The US Treasury imposed sanctions")
    assert e["trigger"]["text"] == "imposed sanctions"
    assert e["actor"][0]["code"] == "USAGOV" and e["recipient"][0]["code"] == "RUSBUS"
    assert e["date"] == "2018-04-06"


def test_query_bad_date_is_an_error(coded):
    with pytest.raises(NewsEventsError, match="date"):
        q.events(coded, q.Filters(since="not a date at all"))


# -- quotes -------------------------------------------------------------------------


def qu(store, **filters) -> list[tuple[str, str]]:
    return [(r["document"], r["content"]["text"]) for r in q.quotes(store, q.Filters(**filters))]


def test_query_quotes_filters(coded):
    assert [d for d, _ in qu(coded)] == ["r1", "k1"]
    assert qu(coded, speaker="Trump") == [("k1", "We are very proud of what took place today,")]
    assert qu(coded, speaker="RUS") == [("r1", "This is a lawless decision,")]  # code prefix
    assert qu(coded, country="USA") == [("k1", "We are very proud of what took place today,")]
    assert qu(coded, search="lawless") == [("r1", "This is a lawless decision,")]
    assert qu(coded, since="2018-05-01") == [("k1", "We are very proud of what took place today,")]
    assert qu(coded, document="r1") == [("r1", "This is a lawless decision,")]


def test_query_quotes_resolved_speaker(coded):
    (r,) = q.quotes(coded, q.Filters(document="k1"))
    assert r["speaker"]["text"] == "Mr Trump" and r["speaker_name"] == "Donald Trump"
    assert r["speaker_code"] == "USAGOV" and r["date"] == "2018-06-12"


# -- actors -------------------------------------------------------------------------


def ac(store, **filters) -> list[str]:
    return [r["name"] for r in q.actors(store, q.Filters(**filters))]


def test_query_actors_filters(coded):
    assert ac(coded, actor="USAGOV") == ["Donald Trump", "US Treasury"]  # most mentioned first
    assert ac(coded, actor="Kim") == ["Kim Jong-un"]
    assert ac(coded, country="RUS") == ["Oleg Deripaska", "Russia"]
    assert ac(coded, since="2018-06-01") == ["Donald Trump", "Kim Jong-un", "United States"]
    assert ac(coded, document="s1") == ["Sadiq al-Mahdi", "Sudanese security forces"]


def test_query_actors_grouped_across_documents(coded):
    (us,) = q.actors(coded, q.Filters(actor="United States"))
    assert us["documents"] == 2 and us["mentions"] == 2


def test_query_actors_real_store_names(real):
    rows = q.actors(real, q.Filters(actor="Trump"))
    assert rows and all("trump" in r["name"].lower() for r in rows)
    assert sum(r["documents"] for r in rows) >= 5


# -- documents ----------------------------------------------------------------------


def docs(store, **filters) -> list[str]:
    return [r["id"] for r in q.documents(store, q.Filters(**filters))]


def test_query_documents_filters(coded):
    assert docs(coded) == ["s1", "r1", "k1"]
    assert docs(coded, search="singapore") == ["k1"]
    assert docs(coded, since="2018-04-01", until="2018-04-30") == ["r1"]
    assert docs(coded, limit=1) == ["s1"]


def test_query_documents_counts(coded):
    rows = {r["id"]: r for r in q.documents(coded, q.Filters())}
    assert (rows["k1"]["actors"], rows["k1"]["quotes"], rows["k1"]["events"]) == (3, 1, 2)


def test_query_documents_document_filter(coded):
    assert docs(coded, document="r1") == ["r1"]


def test_query_documents_country_filter(coded):
    assert docs(coded, country="PRK") == ["k1"]
    assert docs(coded, country="USA") == ["r1", "k1"]


def test_query_documents_real_store(real):
    assert sorted(docs(real)) == sorted(EXAMPLE_IDS)
    assert docs(real, search="Sulawesi") == ["014_sulawesi_quake_aid"]
    autumn = q.documents(real, q.Filters(since="2018-09-01", until="2018-10-31"))
    assert sorted(r["id"] for r in autumn) == ["007_vostok_2018_exercise", "008_pyongyang_summit",
                                               "014_sulawesi_quake_aid", "019", "021"]


def test_query_summary(coded):
    s = q.summary(coded)
    assert s["counts"] == {"documents": 3, "actors": 9, "mentions": 12, "quotes": 2, "events": 6}
    assert {r["event"] for r in s["events_by_type"]} == {"CONSULT", "SANCTION", "ACCUSE", "COERCE", "PROTEST"}
    assert str(s["dates"]["first"]) == "2018-01-17" and str(s["dates"]["last"]) == "2018-06-12"


# -- the same filters on the analysed examples --------------------------------------


def _codes(e) -> list[str]:
    return [a.get("code") or "" for a in e["actor"] + e["recipient"]]


def test_query_events_real_store_country(real):
    rows = q.events(real, q.Filters(country="PRK"))
    assert rows, "no event with a North Korean actor in the examples"
    assert all(any(c.startswith("PRK") for c in _codes(e)) for e in rows)


def test_query_events_real_store_actor_code(real):
    rows = q.events(real, q.Filters(actor="USA"))
    assert rows and all(any((a.get("code") or "").startswith("USA") for a in e["actor"]) for e in rows)


def test_query_events_real_store_type_and_dates(real):
    everything = q.events(real, q.Filters())
    assert everything, "the examples yield events"
    types = {e["event"] for e in everything}
    some = sorted(types)[0]
    rows = q.events(real, q.Filters(types=[some]))
    assert rows and {e["event"] for e in rows} == {some}
    summer = q.events(real, q.Filters(since="2018-06-01", until="2018-08-31"))
    assert summer and all("2018-06-01" <= e["date"] <= "2018-08-31" for e in summer)
    assert not any(e["negated"] for e in everything)  # negated events need --include-negated


def test_query_actors_real_store_country(real):
    rows = q.actors(real, q.Filters(country="USA"))
    assert rows and all(r["country"] == "USA" for r in rows)


def test_query_quotes_real_store(real):
    everything = q.quotes(real, q.Filters())
    assert everything, "the examples yield quotes"
    rows = q.quotes(real, q.Filters(search="denucleari"))
    assert rows and all("denucleari" in r["content"]["text"].lower() for r in rows)
