"""Clean: chrome removed, every real sentence and subheading kept, `text` made of input characters."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsevents.clean import clean, normalise
from newsevents.ingest import IngestOptions, read_inputs
from newsevents.records import Article, Document

from conftest import EXAMPLES, JSONL_IDS, SCORE_SEED, TEXT_IDS, write_jsonl


def clean_file(path, **options) -> tuple[Document, str]:
    """The cleaned document of a one-article file, and the file's text."""
    (art,) = list(read_inputs([str(path)], IngestOptions(**options)))
    assert isinstance(art, Article), art
    return clean(art), path.read_text(encoding="utf-8")


def clean_body(body: str) -> Document:
    return clean(Article(id="t", source="t", body=body, body_offset=0))


def text_lines(doc: Document) -> list[str]:
    return [line.strip() for line in doc.text.splitlines() if line.strip()]


def assert_source_map(doc: Document, source: str) -> None:
    """text[t:t+n] == source[s:s+n] for every run, and the runs cover all of text but paragraph breaks."""
    assert doc.source_map, "no source map"
    covered = 0
    previous_end = 0
    for t, s, n in doc.source_map:
        assert doc.text[t:t + n] == source[s:s + n]
        assert doc.text[previous_end:t].strip() == ""  # only inserted paragraph breaks between runs
        previous_end = t + n
        covered += n
    assert previous_end == len(doc.text)
    assert covered >= len(doc.text.replace("\n", "")) - 2 * len(doc.source_map)


# -- the seed's gold `document` section ---------------------------------------------


@pytest.fixture(scope="module")
def seed_doc(seed_path) -> Document:
    return clean_file(seed_path)[0]


def test_clean_seed_title(seed_doc, seed_gold):
    assert seed_doc.title == seed_gold["document"]["title"]


def test_clean_seed_outlet_from_chrome_line(seed_doc, seed_gold):
    assert seed_doc.outlet == seed_gold["document"]["outlet"] == "BBC"


def test_clean_seed_no_boilerplate_line(seed_doc, seed_gold):
    lines = text_lines(seed_doc)
    for chrome in seed_gold["document"]["boilerplate_lines"]:
        assert chrome not in lines
    assert {r.text for r in seed_doc.removed} >= set(seed_gold["document"]["boilerplate_lines"])


def test_clean_seed_text_ends_with_last_sentence(seed_doc, seed_gold):
    assert seed_doc.text.endswith(seed_gold["document"]["clean_text_must_end_with"])


def test_clean_seed_heading_kept(seed_doc, seed_gold):
    for heading in seed_gold["document"]["headings"]:
        assert heading in text_lines(seed_doc)
        assert heading in [h.text.strip() for h in seed_doc.headings]
        h = next(h for h in seed_doc.headings if h.text.strip() == heading)
        assert seed_doc.text[h.start:h.end] == h.text


def test_clean_seed_keeps_every_paragraph(seed_doc, seed_path, seed_gold):
    """Every line of the article (before the chrome) is in the text, in order."""
    raw = seed_path.read_text(encoding="utf-8")
    body_lines = [line.strip() for line in raw.splitlines()[1:] if line.strip()]
    article = [line for line in body_lines if line not in seed_gold["document"]["boilerplate_lines"]]
    assert text_lines(seed_doc) == article


def test_clean_seed_scored_by_shared_scorer(seed_path, seed_gold, cli, tmp_path):
    """`newsevents extract` output passes ../shared/tools/score_seed.py on the `document` section."""
    if not SCORE_SEED.exists():
        pytest.skip(f"{SCORE_SEED} not found")
    result = cli("extract", seed_path, "--date", "2018-09-10")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "seed.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    assert json.loads(result.stdout.splitlines()[0])["date"] == seed_gold["document"]["publication_date"]
    gold = SCORE_SEED.parent.parent / "seed" / "000_0d5318cb65d1e091.gold.json"
    proc = subprocess.run([sys.executable, str(SCORE_SEED), str(gold), str(out), "document"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- text is made of input characters -----------------------------------------------


def test_clean_seed_source_map(seed_doc, seed_path):
    assert_source_map(seed_doc, seed_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", TEXT_IDS)
def test_clean_text_examples_source_map(stem):
    doc, raw = clean_file(EXAMPLES / "text" / f"{stem}.txt")
    assert_source_map(doc, raw)
    assert len(doc.match_text) == len(doc.text)


def test_clean_jsonl_source_map_into_text_field():
    records = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    arts = list(read_inputs([str(EXAMPLES / "articles.jsonl")]))
    assert [a.id for a in arts] == JSONL_IDS
    for art, rec in zip(arts, records):
        doc = clean(art)
        assert_source_map(doc, rec["text"])


def test_clean_jsonl_text_without_chrome_comes_out_unchanged(tmp_path):
    text = ("SEOUL — The two Koreas agreed on Tuesday to march under one flag at the Winter Olympics.\n\n"
            "“We will work together,” said the South’s unification minister.\n\n"
            "Talks will continue next week.")
    p = write_jsonl(tmp_path / "clean.jsonl", [{"id": "c1", "title": "Koreas agree", "text": text}])
    (art,) = list(read_inputs([str(p)]))
    doc = clean(art)
    assert doc.text == text
    assert doc.removed == []
    assert doc.source_map == [(0, 0, len(text))]  # offsets in text are offsets in the input


def test_clean_match_text_same_length_quotes_normalised():
    body = ("Officials said: “We agreed” and ‘they left’ « now ».\u00a0Then\tmore.\n\n"
            "A hard-wrapped line that\ncontinues here.")
    doc = clean_body(body)
    assert doc.text == body  # nothing removed, nothing rewritten
    assert len(doc.match_text) == len(doc.text)
    assert doc.match_text.startswith('Officials said: "We agreed" and \'they left\' " now ". Then more.')
    for i, (a, b) in enumerate(zip(doc.text, doc.match_text)):
        assert a == b or normalise(a) == b or b == " ", (i, a, b)


def test_clean_example_offsets_point_into_text(example_analyses):
    """Every mention span is a slice of the cleaned text."""
    for doc_id, a in example_analyses.items():
        for actor in a.actors:
            for m in actor.mentions:
                assert a.document.text[m.start:m.end] == m.text, (doc_id, m)


# -- chrome out, sentences and subheadings in ---------------------------------------

PARAGRAPHS = [
    "Foreign ministers from both countries agreed on Monday to resume talks on the disputed border.",
    "The talks will begin next month in Geneva under United Nations supervision, officials said.",
    "Sanctions remain",
    "Both governments have accused each other of violating the 2015 ceasefire in recent weeks.",
    "What happens next",
    "Diplomats expect a first agreement before the end of the year, the ministry said in a statement.",
]
CHROME = [
    "Share this article",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Sign up for our newsletter",
    "1.2K shares",
    "Related Coverage",
    "Leave a comment...",
    "Advertisement",
    "Share | Tweet | Email",
    "Related News",
    "Read more:",
]


def _page(chrome_line: str, where: str) -> str:
    paras = list(PARAGRAPHS)
    if where == "middle":
        paras.insert(2, chrome_line)
    elif where == "top":
        paras.insert(0, chrome_line)
    else:
        paras.append(chrome_line)
    return "\n\n".join(paras) + "\n"


@pytest.mark.parametrize("where", ["top", "middle", "end"])
@pytest.mark.parametrize("chrome_line", CHROME)
def test_clean_chrome_line_removed(chrome_line, where):
    doc = clean_body(_page(chrome_line, where))
    assert chrome_line not in text_lines(doc)
    assert chrome_line in [r.text for r in doc.removed]
    assert text_lines(doc) == PARAGRAPHS


def test_clean_chrome_block_at_tail_removed():
    body = "\n\n".join(PARAGRAPHS) + "\n\n\n" + "\n\n".join(["Reuters", "Related Coverage", "Trump-Kim summit",
                                                              "Iran deal latest", "1.2K shares", "12 comments"])
    doc = clean_body(body)
    assert text_lines(doc) == PARAGRAPHS
    assert doc.text.endswith(PARAGRAPHS[-1])
    assert doc.outlet == "Reuters"


def test_clean_subheadings_in_the_middle_kept():
    doc = clean_body("\n\n".join(PARAGRAPHS))
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert [h.text for h in doc.headings] == ["Sanctions remain", "What happens next"]


def test_clean_subheading_directly_above_paragraph_kept():
    """The seed's layout: a subheading on the line right after a paragraph, no blank line."""
    body = PARAGRAPHS[0] + "\n'Very warm, very positive'\n\n" + PARAGRAPHS[1]
    doc = clean_body(body)
    assert doc.text == body
    assert [h.text for h in doc.headings] == ["'Very warm, very positive'"]


@pytest.mark.parametrize("sentence", [
    "The ministry said it would publish a weekly newsletter.",
    "Copyright holders protested against the new law outside parliament on Tuesday.",
    "Read more about the plan in the ministry's report, the spokesman told reporters.",
    "Updated casualty figures released on Tuesday showed that 40 people had died.",
    "Subscribers to the state newspaper were told to expect further price rises.",
])
def test_clean_real_sentences_with_chrome_words_kept(sentence):
    """A real sentence is never chrome, whatever words it contains."""
    paras = PARAGRAPHS[:2] + [sentence] + PARAGRAPHS[2:]
    doc = clean_body("\n\n".join(paras))
    assert sentence in text_lines(doc), f"removed as chrome: {sentence!r}"


def test_clean_html_examples_have_no_chrome(example_analyses):
    for doc_id, a in example_analyses.items():
        lines = text_lines(a.document)
        for chrome in ("Share this article", "Related", "Subscribe", "Sign in", "cookie", "Advertisement"):
            assert not any(line.startswith(chrome) for line in lines), (doc_id, chrome)
        assert lines[-1][-1] in ".!?\"'”’»)", (doc_id, lines[-1])


def test_clean_a_lone_headline_like_line_is_the_article():
    """A one-line input without end punctuation is text to analyse, not page chrome."""
    doc = clean_body("Iran seizes British tanker in Strait of Hormuz")
    assert doc.text == "Iran seizes British tanker in Strait of Hormuz"


@pytest.mark.parametrize("text, dateline", [
    ("KABUL (Reuters) - Taliban fighters attacked a checkpoint on Tuesday.", "KABUL (Reuters) - "),
    ("BEIJING, March 3 (Xinhua) -- Chinese President Xi Jinping held talks.", "BEIJING, March 3 (Xinhua) -- "),
    ("NAIROBI, Kenya \u2014 Kenyan police fired tear gas on Monday.", "NAIROBI, Kenya \u2014 "),
    ("US - China talks resumed on Monday.", ""),  # no agency, no place tail: not a dateline
])
def test_clean_blanks_a_wire_dateline_for_the_nlp_only(text, dateline):
    doc = clean_body(text)
    assert doc.text == text  # the document keeps its words
    assert doc.match_text == " " * len(dateline) + text[len(dateline):]
