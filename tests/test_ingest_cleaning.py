"""The plain-text line filter and the text shape every reader produces."""

import pytest

from pipelines.ingest.cleaning import body_of, clean_paragraphs, compose_text, is_boilerplate, split_plain_text


@pytest.mark.parametrize(
    "line",
    [
        "Image Credit: World Economic Forum",
        "Photo: Getty Images",
        "Photograph by Jane Roe",
        "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
        "Click here to subscribe",
        "Sign up for our weekly newsletter",
        "Subscribe to our daily newsletter",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter LinkedIn Email",
        "Advertisement",
        "Continue reading...",
        "Related: Budget talks stall again",
        "Published 14 July 2023",
        "Updated: Nov. 19, 2019 at 12:05 p.m. ET",
        "Posted on 2019-11-19T10:00:00Z",
    ],
)
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate(line)
    assert split_plain_text(f"Keep this paragraph.\n\n{line}", None) == ["Keep this paragraph."]


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the newsletter sent to members had been misleading.",
        "Photographers were kept away from the summit, the organisers said.",
        "Readers who subscribe to the idea of a quick deal will be disappointed.",
        "He shared the stage with the prime minister.",
        "Published provisions rose to 12.5 mln dlrs from 9.1 mln.",
        "Updated forecasts show growth of 3.2 pct in 2024.",
    ],
)
def test_article_sentences_mentioning_the_same_words_are_kept(line):
    assert not is_boilerplate(line)
    assert split_plain_text(f"First paragraph.\n\n{line}", None) == ["First paragraph.", line]


def test_newsletter_name_after_sign_up_line_is_dropped_but_a_sentence_is_not():
    text = "Body one.\n\nSign up for our weekly newsletter\nThe Harbour Brief"
    assert split_plain_text(text, None) == ["Body one."]
    text = "Body one.\n\nSign up for our weekly newsletter\n\nThe council will meet again on Monday."
    assert split_plain_text(text, None) == ["Body one.", "The council will meet again on Monday."]


def test_repeated_title_removed_with_quote_and_case_variants():
    paragraphs = split_plain_text("Putin's Grand Plan\n\nPUTIN’S GRAND PLAN\n\nThe body.", "Putin’s Grand Plan")
    assert paragraphs == ["The body."]


def test_whitespace_is_normalised_and_hard_wraps_joined():
    text = "  First   line of a\n  wrapped\tparagraph.  \r\n\r\n\r\n\n Second\u00a0paragraph. \u200b"
    assert split_plain_text(text, None) == ["First line of a wrapped paragraph.", "Second paragraph."]


def test_text_without_blank_lines_has_one_paragraph_per_line():
    assert split_plain_text("One.\nTwo.\nThree.", None) == ["One.", "Two.", "Three."]


def test_composed_text_shape():
    text = compose_text("  A   title ", clean_paragraphs(["p one ", "", "Share on Twitter", "p  two"], "A title"))
    assert text == "A title\n\np one\n\np two"
    assert body_of(text, "A title") == "p one\n\np two"
    assert compose_text("Only a title", []) is None


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t\r\u00a0\u200b’Sign up newsletter")), max_size=300), st.one_of(st.none(), st.text(max_size=20)))
def test_composed_text_always_has_the_documented_shape(body, title):
    text = compose_text(title, split_plain_text(body, title))
    if text is None:
        return
    blocks = text.split("\n\n")
    assert all(block and block == block.strip() and "\n" not in block and "  " not in block for block in blocks)


@given(st.text(max_size=200))
def test_line_normalisation_equals_its_regex_definition(line):
    """The fast paths (ASCII, str.split) give what the documented regexes give on any text."""
    import re

    from pipelines.ingest.cleaning import normalize_line

    expected = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", line))
    assert normalize_line(line) == re.sub(r"\s+", " ", expected).strip()


@pytest.mark.parametrize("line", ["Subscribe now", "sign-up for The Brief newsletter", "Our newsletter: sign up today",
                                  "All this for just $5 a month", "JUST $4.99 PER WEEK"])
def test_sign_up_and_price_lines_match_wherever_their_pattern_allows(line):
    assert is_boilerplate(line)
