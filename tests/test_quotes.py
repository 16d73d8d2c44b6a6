"""The quote stage: direct, split, multi-paragraph, mixed and indirect quotes, speakers and cues."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.clean import normalise
from newsevents.pipeline import extract
from newsevents.quotes import find_quotes, load_lexicon
from newsevents.quotes.marks import find_marks
from newsevents.records import Analysis, Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_0d5318cb65d1e091.txt"
SEED_GOLD = SHARED / "seed" / "000_0d5318cb65d1e091.gold.json"
SCORE_SEED = SHARED / "tools" / "score_seed.py"


def analyse(pipeline, text: str) -> Analysis:
    return extract(text, title="Headline", date="2018-09-10", pipeline=pipeline)


def quotes_of(pipeline, text: str) -> list[Quote]:
    return analyse(pipeline, text).quotes


def only(quotes: list[Quote], content: str) -> Quote:
    hits = [q for q in quotes if content in q.content.text]
    assert len(hits) == 1, [q.content.text for q in quotes]
    return hits[0]


# -- the lexicon ---------------------------------------------------------------------


def test_quotes_lexicon_reads_package_data():
    lex = load_lexicon()
    assert lex.cues["say"] == "speech"
    assert lex.cues["tweet"] == "writing"
    assert ("to",) in [rest for rest, _ in lex.phrases["according"]]
    assert {"reporter", "reports"} <= lex.sources


# -- quotation marks -----------------------------------------------------------------


@pytest.mark.parametrize("text, inner", [
    ('He said "we are ready" today.', ["we are ready"]),
    ("He said “we are ready” today.", ["we are ready"]),
    ("Il a dit « nous sommes prêts » hier.", ["nous sommes prêts"]),
    ("the leaders' summit, 'a big step', and Pyongyang's letter", ["a big step"]),
    ("It's rock 'n' roll from the '90s.", []),
])
def test_quotes_marks_styles_and_apostrophes(text, inner):
    marks = find_marks(normalise(text), text)
    assert [text[m.inner_start:m.inner_end] for m in marks] == inner


def test_quotes_marks_unclosed_stays_in_its_paragraph():
    text = 'He said "this never closes.\n\nThe next paragraph is plain. So is "this one".'
    marks = find_marks(normalise(text), text)
    assert [text[m.inner_start:m.inner_end] for m in marks] == ["this never closes.", "this one"]
    assert not marks[0].closed


def test_quotes_marks_run_over_reopened_paragraphs():
    text = '"We began it.\n\n"And we will end it," she said.'
    marks = find_marks(normalise(text), text)
    assert len(marks) == 1
    assert text[marks[0].inner_start:marks[0].inner_end] == 'We began it.\n\n"And we will end it'


# -- direct quotes -------------------------------------------------------------------


@pytest.mark.parametrize("text, content, speaker, cue", [
    ('"We are ready to talk," Mr Moon said on Tuesday.', "We are ready to talk", "Mr Moon", "said"),
    ('“We are ready to talk,” said Mr Moon.', "We are ready to talk", "Mr Moon", "said"),
    ('Mr Moon told reporters: "We are ready to talk."', "We are ready to talk.", "Mr Moon", "told"),
    ('"The talks failed. We will try again next week," the minister added.',
     "The talks failed. We will try again next week", "the minister", "added"),
    ("'We are ready to talk,' Mr Moon said.", "We are ready to talk", "Mr Moon", "said"),
])
def test_quotes_direct(pipeline, text, content, speaker, cue):
    q = only(quotes_of(pipeline, text), content)
    assert (q.kind, q.content.text, q.speaker.text, q.cue.text) == ("direct", content, speaker, cue)


def test_quotes_split_around_attribution(pipeline):
    text = 'Mr Lavrov spoke in Moscow. "We will respond, I assure you," he said, "and we will not ask London for permission."'
    quotes = quotes_of(pipeline, text)
    first, second = only(quotes, "We will respond"), only(quotes, "not ask London")
    assert first.content.text == "We will respond, I assure you"
    assert second.content.text == "and we will not ask London for permission."
    assert first.speaker.text == second.speaker.text == "he"
    assert first.cue.start == second.cue.start


def test_quotes_multi_paragraph_quote(pipeline):
    text = ('Mr Rouhani spoke on state television on Tuesday evening.\n\n'
            '"America has never been committed to its promises.\n\n'
            '"We will stay in the deal for now," Mr Rouhani said.')
    q = only(quotes_of(pipeline, text), "never been committed")
    assert "stay in the deal for now" in q.content.text
    assert q.speaker.text == "Mr Rouhani"


def test_quotes_paragraph_continues_previous_speaker(pipeline):
    text = ('Mr Trump thanked the North Korean leader via Twitter, saying the parade was "a big and very '
            'positive statement from North Korea".\n\n'
            '"Thank you to Chairman Kim. We will both prove everyone wrong!"\n\n'
            'The two leaders met in Singapore in June.')
    q = only(quotes_of(pipeline, text), "Thank you to Chairman Kim")
    assert q.content.text == "Thank you to Chairman Kim. We will both prove everyone wrong!"
    assert q.kind == "direct" and q.speaker.text == "Mr Trump"


# -- mixed quotes --------------------------------------------------------------------


def test_quotes_mixed_fragments_make_one_quote(pipeline):
    text = ('White House spokeswoman Sarah Sanders said the "very warm" letter showed Pyongyang\'s '
            '"continued commitment to focus on denuclearisation".')
    a = analyse(pipeline, text)
    q = only(a.quotes, "continued commitment to focus on denuclearisation")
    assert q.kind == "mixed"
    assert q.content.text.startswith('the "very warm" letter')
    assert "Sarah Sanders" in q.speaker.text
    assert q.speaker_actor is not None
    assert "Sanders" in next(x.name for x in a.actors if x.id == q.speaker_actor)


def test_quotes_clause_all_in_quotes_is_direct(pipeline):
    text = ('South Korean President Moon Jae-in welcomed the news, saying that "complete denuclearisation '
            'is an issue that should be resolved through negotiation".')
    q = only(quotes_of(pipeline, text), "complete denuclearisation")
    assert q.kind == "direct"
    assert q.content.text == "complete denuclearisation is an issue that should be resolved through negotiation"
    assert "Moon Jae-in" in q.speaker.text and q.cue.text == "saying"


def test_quotes_described_as_fragment(pipeline):
    text = 'The Russian embassy in London called the expulsions "totally unacceptable, unjustified and short-sighted".'
    q = only(quotes_of(pipeline, text), "totally unacceptable")
    assert q.kind == "mixed" and q.speaker.text == "The Russian embassy in London"


# -- indirect speech -----------------------------------------------------------------


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Mr Amano said they were ready to return if an agreement could be reached.",
     "they were ready to return if an agreement could be reached", "Mr Amano", "said"),
    ("Yukiya Amano, the head of the UN's nuclear watchdog, warned that North Korea's nuclear activities "
     "violated UN resolutions.", "North Korea's nuclear activities violated UN resolutions", "Yukiya Amano", "warned"),
    ("According to a BBC reporter in Seoul, Mr Moon sees himself as a mediator.",
     "Mr Moon sees himself as a mediator", "a BBC reporter in Seoul", "According to"),
    ("North Korea's leader has written to Donald Trump asking for another meeting, the White House says.",
     "North Korea's leader has written to Donald Trump asking for another meeting", "the White House", "says"),
    ("Mr Bolton told reporters that the sanctions would take effect immediately.",
     "the sanctions would take effect immediately", "Mr Bolton", "told"),
    ("Mr Macron wrote on Twitter that the regime was at stake.", "the regime was at stake", "Mr Macron", "wrote"),
    ("Ms Sanders praised the parade, saying that it was not about nuclear weapons.",
     "it was not about nuclear weapons", "Ms Sanders", "saying"),
])
def test_quotes_indirect(pipeline, text, content, speaker, cue):
    q = only(quotes_of(pipeline, text), content)
    assert q.kind == "indirect"
    assert q.content.text == content
    assert speaker in q.speaker.text and q.cue.text == cue


@pytest.mark.parametrize("text, speaker", [
    ("According to a BBC reporter in Seoul, Mr Moon sees himself as a mediator.", "a BBC reporter in Seoul"),
    ("The parade did not display any missiles, reports say.", "reports"),
    ("Western analysts said the talks were unlikely to succeed.", "Western analysts"),
])
def test_quotes_unnamed_sources_stay_unnamed(pipeline, text, speaker):
    q = quotes_of(pipeline, text)[0]
    assert q.speaker.text == speaker
    assert q.speaker_actor is None


def test_quotes_not_from_cues_inside_a_quote(pipeline):
    text = '"I said we would win, and we told them so," Mr Kono said.'
    quotes = quotes_of(pipeline, text)
    assert len(quotes) == 1 and quotes[0].speaker.text == "Mr Kono"


def test_quotes_negated_cue_is_no_quote(pipeline):
    assert quotes_of(pipeline, "Mr Pompeo did not say that the talks had failed.") == []


# -- what is not a quote -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    'The so-called "peace plan" was unveiled on Monday.',
    "Kim Jong-un pens 'very warm' letter after the two leaders' summit in Singapore.",
    'She attributed that to the "tremendous success" of the policies.',
])
def test_quotes_scare_quotes_and_titles_are_not_quotes(pipeline, text):
    assert quotes_of(pipeline, text) == []


def test_quotes_unbalanced_marks_do_not_swallow_the_article(pipeline):
    text = ('Mr Moon said "the talks will go on.\n\n'
            'The two leaders met in Singapore in June. Officials said a second meeting was likely.')
    quotes = quotes_of(pipeline, text)
    first = only(quotes, "the talks will go on")
    assert "Singapore" not in first.content.text
    assert only(quotes, "a second meeting was likely").speaker.text == "Officials"


# -- the record contract -------------------------------------------------------------


def test_quotes_spans_ids_and_order(pipeline):
    text = ('"We will respond," Mr Lavrov said. Mrs May said Britain would expel 23 diplomats.\n\n'
            'According to officials, the embassy will close.')
    a = analyse(pipeline, text)
    assert [q.id for q in a.quotes] == [f"q{i}" for i in range(1, len(a.quotes) + 1)]
    assert [q.content.start for q in a.quotes] == sorted(q.content.start for q in a.quotes)
    for q in a.quotes:
        for span in (q.content, q.speaker, q.cue):
            assert span is not None and a.document.text[span.start:span.end] == span.text
        assert q.kind in ("direct", "indirect", "mixed")
    assert len(a.quotes) == 3


def test_quotes_stage_is_a_plain_function(pipeline):
    a = analyse(pipeline, "Mr Amano said the inspectors were ready to return.")
    doc = pipeline.nlp(a.document.match_text)
    again = find_quotes(a.document, doc, a.actors)
    assert [(q.content.text, q.speaker.text, q.speaker_actor) for q in again] == \
        [(q.content.text, q.speaker.text, q.speaker_actor) for q in a.quotes]


# -- the seed ------------------------------------------------------------------------


def test_quotes_seed_required_quotes_found_with_speaker(tmp_path: Path):
    if not SEED_GOLD.exists() or not SCORE_SEED.exists():
        pytest.skip("../shared is absent")
    out = tmp_path / "seed.jsonl"
    exe = Path(sys.executable).with_name("newsevents")
    with open(out, "w") as f:
        subprocess.run([str(exe), "extract", str(SEED), "--date", "2018-09-10", "--format", "jsonl"],
                       stdout=f, check=True)
    r = subprocess.run([sys.executable, str(SCORE_SEED), str(SEED_GOLD), str(out), "quotes"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout
    doc = json.loads(out.read_text().splitlines()[0])
    speakers = {q["speaker"]["text"] for q in doc["quotes"]}
    assert not any("Pompeo" in (s or "") for s in speakers)  # a forbidden speaker in the gold
