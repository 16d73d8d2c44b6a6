"""The event stage on realistic sentences, through the real pipeline."""
from __future__ import annotations

import pytest

from newsevents.events import load_lexicon
from newsevents.events.lexicon import PLOVER_TYPES, VerbPattern
from newsevents.pipeline import Pipeline, extract


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events_of(text: str, pipeline: Pipeline, date: str = "2018-09-10"):
    return extract(text, date=date, pipeline=pipeline).events


def texts(side) -> str:
    return " ".join(a.text for a in side)


def find(events, event_type: str):
    return [e for e in events if e.event == event_type]


def test_lexicon_codes_are_known_cameo_codes():
    lex = load_lexicon()
    patterns = [p for ps in lex.verbs.values() for p in ps] + [p for ps in lex.nouns.values() for p in ps]
    unknown = sorted({p.cameo for p in patterns if p.cameo not in lex.codes})
    assert not unknown, f"codes not in cameo_codes.csv (quote codes in YAML): {unknown}"


def test_lexicon_covers_every_plover_type():
    lex = load_lexicon()
    covered = {p.event or lex.code(p.cameo).event for ps in lex.verbs.values() for p in ps if lex.code(p.cameo)}
    assert set(PLOVER_TYPES) <= covered


def test_events_passive_voice_agent_is_actor(pipeline):
    evs = events_of("A camp for Congolese refugees was attacked by Burundian militiamen armed with machetes.", pipeline)
    e = find(evs, "ASSAULT")[0]
    assert "militiamen" in texts(e.actor) or "Burundian" in texts(e.actor)
    assert "Congolese" in texts(e.recipient) or "camp" in texts(e.recipient)
    assert e.explain["actor_path"] == "agent"


def test_events_compound_actor_agrees_both_ways(pipeline):
    evs = find(events_of("Jordan and Britain have agreed to undertake joint military exercises this month.", pipeline),
               "AGREE")
    pairs = {(texts(e.actor), texts(e.recipient)) for e in evs}
    assert ("Jordan", "Britain") in pairs and ("Britain", "Jordan") in pairs


def test_events_reciprocal_each_other(pipeline):
    evs = find(events_of("Israel and Syria blamed each other for the collapse of the talks.", pipeline), "ACCUSE")
    pairs = {(texts(e.actor), texts(e.recipient)) for e in evs}
    assert pairs == {("Israel", "Syria"), ("Syria", "Israel")}


def test_events_control_verb_passes_its_subject(pipeline):
    evs = events_of("Russia agreed to send troops to Syria.", pipeline)
    agree = find(evs, "AGREE")[0]
    assert texts(agree.actor) == "Russia" and texts(agree.recipient) == "Syria"
    embedded = [e for e in evs if e.trigger.text.startswith("send")]
    assert embedded and texts(embedded[0].actor) == "Russia" and embedded[0].modality == "future"


def test_events_reported_speech_has_source_of_claim(pipeline):
    evs = events_of("Kurdish officials said Iraqi troops attacked villages near Kirkuk on Tuesday.", pipeline)
    assert [e.event for e in evs] == ["ASSAULT"]  # "said" is not an event
    e = evs[0]
    assert "Iraqi" in texts(e.actor)
    assert e.source_of_claim is not None and "officials" in e.source_of_claim.text
    assert e.date == "2018-09-04" and e.location == "Kirkuk"


def test_events_negated(pipeline):
    evs = events_of("Iran did not attack the tanker.", pipeline)
    assert evs and all(e.negated for e in find(evs, "ASSAULT"))


def test_events_scheduled_meeting_is_future_with_date_and_place(pipeline):
    evs = events_of("Mr Moon is scheduled to meet with Mr Kim in Pyongyang next week.", pipeline)
    e = find(evs, "CONSULT")[0]
    assert e.modality == "future" and e.date == "2018-09-17" and e.location == "Pyongyang"
    assert "Moon" in texts(e.actor) and "Kim" in texts(e.recipient)


def test_events_conditional_is_hypothetical(pipeline):
    evs = events_of("Iran would attack Israel if the talks failed.", pipeline)
    assert find(evs, "ASSAULT")[0].modality == "hypothetical"


@pytest.mark.parametrize("text, event_type", [
    ("Portugal will support Turkey's bid to join the European Union, President Soares said.", "AGREE"),
    ("Iran said it would cut off electricity to Azerbaijan unless the bills were paid.", "THREATEN"),
    ("Greece plans to impose sanctions on Turkey.", "THREATEN"),
])
def test_events_stated_intent_is_agree_or_threaten(pipeline, text, event_type):
    evs = events_of(text, pipeline)
    assert evs and evs[0].event == event_type
    assert evs[0].explain["rule"] == "intent"


def test_events_must_in_reported_speech_is_request(pipeline):
    evs = events_of("Russia said on Tuesday that Sudan must return the helicopter.", pipeline)
    e = find(evs, "REQUEST")[0]
    assert texts(e.actor) == "Russia" and texts(e.recipient) == "Sudan"


def test_events_nominal_roles(pipeline):
    evs = events_of("The Israeli attack on Gaza drew wide condemnation.", pipeline)
    e = find(evs, "ASSAULT")[0]
    assert "Israeli" in texts(e.actor) and "Gaza" in texts(e.recipient)


def test_events_spans_and_ids_match_text(pipeline):
    a = extract("North Korea has expelled UN inspectors. Japan halted economic aid to Serbia, officials said.",
                date="2018-09-10", pipeline=pipeline)
    assert [e.id for e in a.events] == [f"e{n}" for n in range(1, len(a.events) + 1)]
    for e in a.events:
        for span in [e.sentence, e.trigger] + e.actor + e.recipient:
            assert a.document.text[span.start:span.end] == span.text
        assert e.explain["entry"] and e.cameo.startswith(("16", "17")) or e.event in ("SANCTION", "COERCE")


def test_events_new_pattern_source_feeds_the_same_matcher(pipeline):
    lex = load_lexicon()
    assert "hornswoggle" not in lex.verbs
    lex.add_verbs([VerbPattern(lemma="hornswoggle", cameo="112", origin="test")])
    try:
        evs = events_of("Germany hornswoggled France.", pipeline)
    finally:
        del lex.verbs["hornswoggle"]
    assert [(e.event, e.explain["lexicon"]) for e in evs] == [("ACCUSE", "test")]
