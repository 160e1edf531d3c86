"""Claims: claimer, the time a claim is about, modality, entities, numbers, check-worthiness."""

from pathlib import Path

import pytest

from pipelines.nlp.claims import extract_claims
from pipelines.nlp.claims.model import load_model
from pipelines.nlp.entities import build_entities
from pipelines.nlp.time import tag_timexes
from pipelines.nlp.types import DocInput, Quote

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "raw" / "thediplomat" / "putins-grand-plan-for-asia.md"


def run(nlp, text, published="2012-03-15", quotes=(), **meta):
    doc = nlp(text)
    doc_input = DocInput(doc_id="t", text=text, published=published, **meta)
    timexes = tag_timexes(text, published, doc)
    return extract_claims(doc, list(quotes), timexes, build_entities(doc), doc_input)


def claim_containing(claims, fragment):
    matches = [c for c in claims if fragment in c.text]
    assert len(matches) == 1, [c.text for c in claims]
    return matches[0]


@pytest.fixture(scope="module")
def seed_claims(nlp):
    if not SEED.exists():
        pytest.skip("seed article raw/thediplomat/putins-grand-plan-for-asia.md not present")
    text = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    return text, run(nlp, text, publisher="The Diplomat")


def test_seed_claim_about_2010(seed_claims):
    text, claims = seed_claims
    claim = claim_containing(claims, "in 2010, Russia ranked only as China’s 10th-largest trading partner")
    assert (claim.about_start, claim.about_end, claim.about_source) == ("2010-01-01", "2010-12-31", "timex")
    assert claim.timex_text == "2010"
    assert "10th" in claim.numbers and "China" in claim.entities
    assert text[claim.start:claim.end] == claim.text


def test_seed_last_year_is_the_year_before_publication(seed_claims):
    _text, claims = seed_claims
    claim = claim_containing(claims, "Last year, Russia joined the East Asian Summit")
    assert (claim.about_start, claim.about_end) == ("2011-01-01", "2011-12-31")
    assert claim.stated_at == "2012-03-15"
    assert claim.modality == "asserted"  # the "could" belongs to the relative clause


def test_seed_unlikely_prediction_is_hedged(seed_claims):
    _text, claims = seed_claims
    claim = claim_containing(claims, "it’s unlikely that he’ll break with")
    assert claim.modality == "hedged"


def test_seed_range_and_boilerplate(seed_claims):
    _text, claims = seed_claims
    claim = claim_containing(claims, "(2000 to 2008)")
    assert claim.about_source == "timex"
    assert not any(c.text.startswith("Click here") or c.text.startswith("Sign up") for c in claims)
    assert all(0.0 <= c.checkworthy <= 1.0 for c in claims)


def test_claimer_from_quote_else_author_else_publisher(nlp):
    text = 'Unemployment fell to 4.1 percent in 2019, the minister said. "We created 2 million jobs," Smith said.'
    start = text.index('"We')
    quote = Quote(content_start=start, content_end=text.index('," Smith') + 2, content_spans=[(start, text.index('," Smith') + 2)],
                  kind="direct", speaker_text="Smith", speaker_entity="John Smith", speaker_key="john smith")
    claims = run(nlp, text, quotes=[quote], author="Jane Doe", publisher="Daily Planet")
    first, second = claims
    assert (first.claimer, first.claimer_source) == ("Jane Doe", "author")
    assert (first.about_start, first.about_end) == ("2019-01-01", "2019-12-31")
    assert "4.1 percent" in first.numbers and "2019" not in first.numbers
    assert (second.claimer, second.claimer_key, second.claimer_source) == ("John Smith", "john smith", "quote")
    only_publisher = run(nlp, "Exports rose 12 percent in March.", publisher="Daily Planet")
    assert (only_publisher[0].claimer, only_publisher[0].claimer_source) == ("Daily Planet", "publisher")


def test_modalities(nlp):
    cases = {
        "The government will raise taxes next year.": "predicted",
        "Russia did not join the alliance in 2005.": "negated",
        "The company probably lost money in 2011.": "hedged",
        "Exports rose 12 percent in 2011.": "asserted",
    }
    for sentence, modality in cases.items():
        (claim,) = run(nlp, sentence)
        assert claim.modality == modality, sentence
    (claim,) = run(nlp, "The government will raise taxes next year.")
    assert (claim.about_start, claim.about_end) == ("2013-01-01", "2013-12-31")


def test_without_publication_date_the_time_is_unknown(nlp):
    (claim,) = run(nlp, "Exports rose 12 percent last year.", published=None)
    assert (claim.about_start, claim.about_source, claim.stated_at) == (None, "unknown", None)
    (claim,) = run(nlp, "Exports rose 12 percent in 2009.", published=None)
    assert (claim.about_start, claim.about_source) == ("2009-01-01", "timex")


def test_questions_and_imperatives_are_not_claims(nlp):
    assert run(nlp, "Is the economy growing faster than last year?") == []
    assert run(nlp, "Sign up for our weekly newsletter.") == []


def test_checkworthiness_ranks_factual_quantities_above_small_talk():
    model = load_model()
    assert model is not None, "pipelines/nlp/claims/models/checkworthy.npz missing: run scripts/train_checkworthy.py"
    factual, chat = model.scores([
        "Unemployment rose from 4.2 percent to 7.8 percent between 2008 and 2009.",
        "Thank you very much, it is good to be here tonight.",
    ])
    assert factual >= 0.5 > chat


def test_works_without_a_parse():
    text = "Exports rose 12 percent last year. Will they rise again? The minister will probably resign."
    doc_input = DocInput(doc_id="t", text=text, published="2012-03-15", author="Jane Doe")
    claims = extract_claims(None, [], tag_timexes(text, "2012-03-15"), [], doc_input)
    assert [c.text for c in claims] == ["Exports rose 12 percent last year.", "The minister will probably resign."]
    assert (claims[0].about_start, claims[0].numbers, claims[0].claimer) == ("2011-01-01", ["12 percent"], "Jane Doe")
    assert claims[1].modality == "hedged"


def test_headlines_captions_lyrics_and_tweet_footers_are_not_claims(nlp):
    text = ("Putin's Grand Plan for Asia\n\n"
            "The president said the plan would cost 2 billion dollars.\n\n"
            "Protesters gather outside the town hall on Monday\n\n"
            "I wanna dance with somebody tonight\n"
            "I wanna feel the heat with somebody\n\n"
            "The council will vote on the budget next week. "
            "\u2014 PFF CLE Browns (@PFF_Browns) November 15, 2019\n\n"
            "The mayor rejected the plan in a statement.")
    claims = [c.text for c in run(nlp, text, title="Putin's Grand Plan for Asia")]
    assert "The president said the plan would cost 2 billion dollars." in claims
    assert "The mayor rejected the plan in a statement." in claims
    assert not [c for c in claims if "Grand Plan" in c or "Protesters gather" in c or "wanna" in c
                or "@PFF_Browns" in c]


def test_a_month_precise_publication_date_dates_a_claim_to_the_month(nlp):
    (claim,) = run(nlp, "The council approved the new budget for the schools.", published="2012-03")
    assert (claim.about_start, claim.about_end, claim.about_source) == ("2012-03-01", "2012-03-31", "published")
    (claim,) = run(nlp, "The council approved the new budget for the schools.", published="2012")
    assert (claim.about_start, claim.about_end) == ("2012-01-01", "2012-12-31")


def test_a_product_year_is_not_what_a_claim_is_about(nlp):
    (claim,) = run(nlp, "The new keyboard has more key travel than the 2016.")
    assert claim.about_source == "published"


def test_a_claim_over_the_past_year_is_about_the_twelve_months_before_publication(nlp):
    (claim,) = run(nlp, "The number of hate groups in the state grew by a third over the past year.",
                   published="2019-11-20")
    assert (claim.about_start, claim.about_end) == ("2018-11-21", "2019-11-20")


def test_list_items_and_a_footer_on_its_own_line_are_not_claims(nlp):
    # a blank line ends the parser's sentence, so a marker opens the item's line: "- X" is still
    # a line of its own without a full stop, and "— Name (@handle) date" a tweet's footer
    text = ("The company listed what the new earphones offer on Monday.\n\n"
            "- Quick access to the assistant by voice\n\n- Double-tap to play or skip forward\n\n"
            "I urge everyone to wear them whenever needed\n\n"
            "\u2014 Arvind Kumar (@ArvindKumar) November 1, 2019\n\n"
            "The mayor rejected the plan in a statement.")
    claims = [c.text for c in run(nlp, text)]
    assert "The mayor rejected the plan in a statement." in claims
    assert not [c for c in claims if "Double-tap" in c or "Quick access" in c or "@ArvindKumar" in c]


def test_page_furniture_is_not_a_claim(nlp):
    # schedule and tip lines after a label, box-score and recipe lines without a verb, orders to
    # the reader, credit lines and teasers: each would be stored as the publisher's claim
    furniture = [
        "Hornets: Host the Pelicans on Saturday.",
        "Quick tip: Find more breakfast recipes here!",
        "Storage Boxes: 2 Blue, 1 Green, 3 tbsp.",
        "Eastwood (2-1): Marta Lindqvist 11 points.",
        "Click here to read the full report or share this story.",
        "Let us know what YOU think...",
        "Originally published on Science Daily.",
        "Priya Raman contributed reporting from Mumbai.",
        "This exclusive offer is brought to you by Nordlink.",
        "Updated at 4:05 p.m.",
        "The quiet winter lake!",
    ]
    statements = [
        "The delay allowed for spring rains to arrive and refill the wells.",
        "“I didn’t panic at the time.”",
        "There’s a heated seat, a glass roof and a bigger battery.",
        "Let me say that the deficit was lower when we left office.",
        "Bakers, she found, prefer rye flour for the starter.",
    ]
    text = "\n\n".join(furniture + statements)
    claims = [c.text for c in run(nlp, text)]
    assert not [c for c in claims if c in furniture], claims
    assert [s for s in statements if s in claims] == statements
